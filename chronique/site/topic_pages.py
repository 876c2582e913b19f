"""What topic pages and article pages show about topics: descriptions, related topics,
related articles, and the topic index (/sujets/). Computed once after Pelican has read every
article.

A large vocabulary (more than ``CHRONIQUE_TOPIC_INDEX_LIMIT`` topics) splits the index: /sujets/
keeps the most covered topics and the letters, and each letter's topics are on a page of their
own, ``{TAGS_URL}lettre/{letter}/`` (``autres`` for names that start with no letter), written by
:class:`TopicLettersGenerator` and paginated like any listing (``PAGINATED_TEMPLATES``). A
topic whose slug is ``lettre`` still has its own page: the letter pages are in folders below it.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from pelican.generators import Generator

from chronique.folding import fold
from chronique.site.model import site_of

KIND_ORDER = ("person", "place", "organisation", "event", "theme")
MOST_COVERED = 12
RELATED_TOPICS = 8
RELATED_ARTICLES = 5
#: Candidates per shared topic, nearest in time: bounds the work on very large topics.
NEIGHBOURS_PER_TOPIC = 40
LETTER_TEMPLATE = "topic_letter"
LETTERS_FOLDER = "lettre"
OTHER_LETTER_SLUG = "autres"


@dataclass(frozen=True)
class RelatedTopic:
    tag: Any
    shared: int


@dataclass(frozen=True)
class TopicEntry:
    tag: Any
    count: int
    articles: Sequence[Any] = field(default=(), compare=False, repr=False)


@dataclass(frozen=True)
class KindGroup:
    kind: str
    entries: list[TopicEntry]


@dataclass(frozen=True)
class LetterGroup:
    """The topics whose name starts with one letter, accents folded (É is E); '#' for others."""

    letter: str
    entries: list[TopicEntry]
    #: The letter's own page when the index is split, e.g. ``sujets/lettre/e/``; else None.
    url: str | None = None

    @property
    def anchor(self) -> str:
        """The id of the letter's heading on /sujets/, e.g. ``lettre-E``."""
        return f"lettre-{self.letter if self.letter != '#' else OTHER_LETTER_SLUG}"

    @property
    def save_as(self) -> str:
        return f"{self.url}index.html"

    @property
    def articles(self) -> list[Any]:
        """Every article of the letter's topics (an article may appear more than once)."""
        return [article for entry in self.entries for article in entry.articles]


@dataclass(frozen=True)
class TopicIndex:
    """What /sujets/ shows: the most covered topics, then every topic by kind, A to Z, or,
    when the index is split, a link to each letter's page."""

    most_covered: list[TopicEntry]
    by_kind: list[KindGroup]
    by_letter: list[LetterGroup] = field(default_factory=list)

    @property
    def split(self) -> bool:
        return any(group.url for group in self.by_letter)

    def letter(self, letter: str) -> LetterGroup | None:
        return next((group for group in self.by_letter if group.letter == letter), None)

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


def letter_url(tags_url: str, letter: str) -> str:
    """The page of *letter*'s topics, e.g. ``sujets/lettre/e/``."""
    slug = letter.lower() if letter != "#" else OTHER_LETTER_SLUG
    return f"{tags_url}{LETTERS_FOLDER}/{slug}/"


def by_letter(entries: Sequence[TopicEntry], tags_url: str | None = None) -> list[LetterGroup]:
    """*entries* A to Z by folded name, in one group per initial; each group with its own
    page's address under *tags_url* when one is given."""
    groups: dict[str, list[TopicEntry]] = {}
    for entry in sorted(entries, key=lambda e: (fold(e.tag.name), e.tag.slug)):
        groups.setdefault(initial(entry.tag.name), []).append(entry)
    return [
        LetterGroup(letter, groups[letter], letter_url(tags_url, letter) if tags_url else None)
        for letter in sorted(groups, key=_letter_order)
    ]


def _letter_order(letter: str) -> tuple[bool, str]:
    return (letter == "#", letter)


def topic_index(
    tags: dict[Any, Sequence[Any]],
    kinds: dict[str, str],
    limit: int | None = None,
    tags_url: str = "sujets/",
) -> TopicIndex:
    """*kinds* maps a tag slug to its topic's kind; above *limit* topics the index is split
    into letter pages under *tags_url*."""
    entries = [TopicEntry(tag, len(articles), articles) for tag, articles in tags.items()]
    most = sorted(entries, key=lambda e: (-e.count, e.tag.slug))[:MOST_COVERED]
    groups = []
    for kind in KIND_ORDER:
        members = sorted(
            (e for e in entries if kinds.get(e.tag.slug, "theme") == kind), key=lambda e: e.tag.slug
        )
        if members:
            groups.append(KindGroup(kind, members))
    split = limit is not None and len(entries) > limit
    return TopicIndex(most, groups, by_letter(entries, tags_url if split else None))


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
    Articles are numbered, so the loop over every article's candidates handles small ints.
    """
    total = max(len(articles), 1)
    numbers: dict[int, int] = {}
    everyone: list[Any] = []
    for article in [*articles, *(a for items in tags.values() for a in items)]:
        if id(article) not in numbers:
            numbers[id(article)] = len(everyone)
            everyone.append(article)
    newer_first = _newer_first_ranks(everyone)
    topics = {
        tag.slug: _TopicNeighbours(
            math.log(1 + total / len(items)) if items else 0.0,
            [numbers[id(a)] for a in items],
        )
        for tag, items in tags.items()
    }
    result: dict[int, list[Any]] = {}
    for article in articles:
        me = numbers[id(article)]
        scores: dict[int, float] = defaultdict(float)
        for tag in getattr(article, "tags", []):
            topic = topics.get(tag.slug)
            if topic is None:
                continue
            weight = topic.weight
            for other in topic.around(me):
                scores[other] += weight
        scores.pop(me, None)  # the article itself, in each of its topics' neighbours
        ranked = sorted(scores, key=newer_first.__getitem__)
        ranked.sort(key=scores.__getitem__, reverse=True)  # stable: ties stay newer first
        result[id(article)] = [everyone[number] for number in ranked[:limit]]
    return result


def _newer_first_ranks(articles: Sequence[Any]) -> list[int]:
    """Each article's rank, newest first then by slug (equal ranks for equal keys): ints
    sort faster than the (date, slug) keys they stand for."""
    keys = [(-a.date.timestamp(), a.slug) for a in articles]
    ranks = [0] * len(keys)
    rank, previous = -1, None
    for number in sorted(range(len(keys)), key=keys.__getitem__):
        if keys[number] != previous:
            rank, previous = rank + 1, keys[number]
        ranks[number] = rank
    return ranks


@dataclass
class _TopicNeighbours:
    """A topic's articles (by number, in the topic's order) and the weight of sharing it."""

    weight: float
    members: list[int]
    _places: dict[int, int] | None = None

    def around(self, number: int) -> list[int]:
        """The NEIGHBOURS_PER_TOPIC articles nearest to article *number* in the topic."""
        if self._places is None:
            self._places = {member: place for place, member in enumerate(self.members)}
        here = self._places.get(number, 0)
        half = NEIGHBOURS_PER_TOPIC // 2
        return self.members[max(0, here - half) : here + half + 1]


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
    generator.context["topic_index"] = topic_index(
        tags,
        {t.slug: t.kind for t in tags},
        site_of(generator.settings).chronique.topic_index_limit,
        generator.settings["TAGS_URL"],
    )
    neighbours = related_articles(generator.articles, tags)
    for article in generator.articles:
        article.related_articles = neighbours.get(id(article), [])


class TopicLettersGenerator(Generator):  # type: ignore[misc]
    """Writes each letter's page of a split topic index, through Pelican's Writer."""

    def generate_output(self, writer: Any) -> None:
        index: TopicIndex | None = self.context.get("topic_index")
        if index is None or not index.split or not self.settings.get("TAGS_SAVE_AS"):
            return
        template = self.get_template(LETTER_TEMPLATE)
        for group in index.by_letter:
            writer.write_file(
                group.save_as,
                template,
                self.context,
                paginated={"topics": group.entries},
                template_name=LETTER_TEMPLATE,
                url=group.url,
                letter_group=group,
            )
