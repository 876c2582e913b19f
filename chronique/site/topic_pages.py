"""What topic pages and article pages show about topics: descriptions, related topics,
related articles. Computed once after Pelican has read every article."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from chronique.folding import fold
from chronique.site.model import site_of

KIND_ORDER = ("person", "place", "organisation", "event", "theme")
MOST_COVERED = 12
RELATED_TOPICS = 8
RELATED_ARTICLES = 5
#: Candidates per shared topic, nearest in time: bounds the work on very large topics.
NEIGHBOURS_PER_TOPIC = 40


@dataclass(frozen=True)
class RelatedTopic:
    tag: Any
    shared: int


@dataclass(frozen=True)
class TopicEntry:
    tag: Any
    count: int


@dataclass(frozen=True)
class KindGroup:
    kind: str
    entries: list[TopicEntry]


@dataclass(frozen=True)
class LetterGroup:
    """The topics whose name starts with one letter, accents folded (É is E); '#' for others."""

    letter: str
    entries: list[TopicEntry]


@dataclass(frozen=True)
class TopicIndex:
    """What /sujets/ shows: the most covered topics, then every topic by kind, A to Z."""

    most_covered: list[TopicEntry]
    by_kind: list[KindGroup]
    by_letter: list[LetterGroup] = field(default_factory=list)

    @property
    def alphabet(self) -> list[tuple[str, bool]]:
        """Each letter A-Z (and '#' when a name starts otherwise), with whether it has topics."""
        present = {group.letter for group in self.by_letter}
        letters = [chr(code) for code in range(ord("A"), ord("Z") + 1)]
        return [
            (letter, letter in present) for letter in [*letters, *sorted(present - set(letters))]
        ]


def initial(name: str) -> str:
    """The letter *name* is filed under: its first letter, folded (``Élysée`` -> ``E``)."""
    first = fold(name)[:1].upper()
    return first if "A" <= first <= "Z" else "#"


def by_letter(entries: Sequence[TopicEntry]) -> list[LetterGroup]:
    """*entries* A to Z by folded name, in one group per initial."""
    groups: dict[str, list[TopicEntry]] = {}
    for entry in sorted(entries, key=lambda e: (fold(e.tag.name), e.tag.slug)):
        groups.setdefault(initial(entry.tag.name), []).append(entry)
    return [LetterGroup(letter, groups[letter]) for letter in sorted(groups, key=_letter_order)]


def _letter_order(letter: str) -> tuple[bool, str]:
    return (letter == "#", letter)


def topic_index(tags: dict[Any, Sequence[Any]], kinds: dict[str, str]) -> TopicIndex:
    """*kinds* maps a tag slug to its topic's kind."""
    entries = [TopicEntry(tag, len(articles)) for tag, articles in tags.items()]
    most = sorted(entries, key=lambda e: (-e.count, e.tag.slug))[:MOST_COVERED]
    groups = []
    for kind in KIND_ORDER:
        members = sorted(
            (e for e in entries if kinds.get(e.tag.slug, "theme") == kind), key=lambda e: e.tag.slug
        )
        if members:
            groups.append(KindGroup(kind, members))
    return TopicIndex(most, groups, by_letter(entries))


def related_topics(
    tags: dict[Any, Sequence[Any]], articles: Sequence[Any], limit: int = RELATED_TOPICS
) -> dict[str, list[RelatedTopic]]:
    """For each topic slug, the topics that most often share an article with it."""
    by_slug = {tag.slug: tag for tag in tags}
    together: dict[str, Counter[str]] = defaultdict(Counter)
    for article in articles:
        slugs = {t.slug for t in getattr(article, "tags", [])}
        for slug in slugs:
            together[slug].update(slugs - {slug})
    return {
        slug: [
            RelatedTopic(by_slug[other], count)
            for other, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
            if other in by_slug
        ]
        for slug, counts in together.items()
    }


def related_articles(
    articles: Sequence[Any], tags: dict[Any, Sequence[Any]], limit: int = RELATED_ARTICLES
) -> dict[int, list[Any]]:
    """For each article (by id), up to *limit* others sharing its topics.

    A shared topic weighs its inverse document frequency, so sharing a rare
    topic counts more than sharing "France"; ties go to the newer article.
    """
    total = max(len(articles), 1)
    weight = {tag.slug: math.log(1 + total / len(items)) for tag, items in tags.items() if items}
    ordered = {tag.slug: list(items) for tag, items in tags.items()}
    position = {slug: {id(a): i for i, a in enumerate(items)} for slug, items in ordered.items()}
    result: dict[int, list[Any]] = {}
    half = NEIGHBOURS_PER_TOPIC // 2
    for article in articles:
        scores: dict[int, float] = defaultdict(float)
        candidates: dict[int, Any] = {}
        for tag in getattr(article, "tags", []):
            items = ordered.get(tag.slug, [])
            here = position.get(tag.slug, {}).get(id(article), 0)
            for other in items[max(0, here - half) : here + half + 1]:
                if other is not article:
                    scores[id(other)] += weight.get(tag.slug, 0.0)
                    candidates[id(other)] = other
        ranked = sorted(
            candidates.values(), key=lambda a: (-scores[id(a)], -a.date.timestamp(), a.slug)
        )
        result[id(article)] = ranked[:limit]
    return result


def annotate(generator: Any) -> None:
    """Pelican signal handler (article_generator_finalized): attach topic data for templates."""
    vocabulary = site_of(generator.settings).vocabulary
    tags = generator.tags
    related = related_topics(tags, generator.articles)
    for tag, articles in tags.items():
        topic = vocabulary.by_slug(tag.slug) or vocabulary.get(tag.name)
        tag.topic = topic
        tag.description = topic.description if topic else ""
        tag.kind = topic.kind if topic else "theme"
        tag.related = related.get(tag.slug, [])
        dates = [a.date for a in articles]
        tag.first_date, tag.last_date = (min(dates), max(dates)) if dates else (None, None)
    generator.context["topic_index"] = topic_index(tags, {t.slug: t.kind for t in tags})
    neighbours = related_articles(generator.articles, tags)
    for article in generator.articles:
        article.related_articles = neighbours.get(id(article), [])
