"""Automatic tagging: which vocabulary topics an article is about, most salient first.

Texts and topic names are reduced to the same keys: each word case- and
accent-folded, elisions split ("l’Ukraine" → "ukraine"), then replaced by its
French lemma (simplemma), so "ukrainiennes" meets the alias "ukrainien".
Matching is longest-first and never overlaps: "Donald Trump" is one hit, not
also a "Trump" hit. Salience decides what is kept: title, subtitle and summary
weigh more than the body, and a lone weak mention in the body (an adjective
such as "iraniens", a bare surname) does not tag the article.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

import simplemma

from chronique.topics.vocabulary import Topic, Vocabulary, fold

#: What is left of an elided article or pronoun once apostrophes split words: "l’Ukraine".
ELIDED = frozenset({"c", "d", "j", "l", "m", "n", "s", "t", "qu", "jusqu", "lorsqu", "puisqu"})
#: Punctuation outside ASCII that French and English news text uses between words.
_WIDE_SEPARATORS = "’‘«»“”„—–…\u00a0\u202f\u2009·•"
_ASCII_PUNCTUATION = b"!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~\t\n\r\x0b\x0c"
_ASCII_SEPARATORS = bytes.maketrans(_ASCII_PUNCTUATION, b" " * len(_ASCII_PUNCTUATION))


def words(text: str) -> list[str]:
    """The words of *text*, split at punctuation, apostrophes and hyphens included.

    bytes.translate and str.split run in C: several times faster than a Unicode
    regex over a whole article, and tagging runs on every article of the archive.
    """
    for separator in _WIDE_SEPARATORS:
        if separator in text:
            text = text.replace(separator, " ")
    return text.encode().translate(_ASCII_SEPARATORS).decode().split()


@dataclass(frozen=True)
class TaggingSettings:
    """Weights and thresholds; a site overrides them with the CHRONIQUE_TAGGING setting."""

    max_topics: int = 8
    title_weight: float = 3.0
    subtitle_weight: float = 2.0
    summary_weight: float = 2.0
    body_weight: float = 1.0
    #: A single-word alias (an adjective, a surname, an old spelling) counts this much.
    weak_form_factor: float = 0.5
    #: A topic absent from title, subtitle and summary needs this body score to be kept.
    min_body_score: float = 1.0

    @classmethod
    def from_settings(cls, pelican_settings: dict[str, Any]) -> TaggingSettings:
        overrides = pelican_settings.get("CHRONIQUE_TAGGING") or {}
        unknown = set(overrides) - {f.name for f in fields(cls)}
        if unknown:
            raise ValueError(f"CHRONIQUE_TAGGING: unknown keys {', '.join(sorted(unknown))}")
        return cls(**overrides)


#: A word's matching keys: its folded lemma and its folded surface form. Both count,
#: because an unaccented "Etats" is unknown to the lemmatiser while "États" is not.
Key = tuple[str, str]


class Lemmatiser:
    """Word → matching keys, remembered: an archive repeats the same words endlessly."""

    def __init__(self) -> None:
        self._keys: dict[str, Key] = {}

    def key(self, word: str) -> Key:
        """Folded lemma and folded form of *word*; empty for an elided article."""
        key = self._keys.get(word)
        if key is None:
            lower = word.casefold()
            if lower in ELIDED:
                key = ("", "")
            else:
                key = (fold(simplemma.lemmatize(lower, lang="fr")), fold(lower))
            self._keys[word] = key
        return key

    def keys(self, text: str) -> list[Key]:
        known = self._keys
        return [known[w] if w in known else self.key(w) for w in words(text)]


@dataclass(frozen=True)
class Mention:
    topic: Topic
    #: Made by the topic's name or a multi-word alias, not by a single-word alias.
    strong: bool


#: A trie over keys: each node maps the next key to a child; _END marks a complete form.
_Node = dict[str, "_Node | Mention"]
_END = "\x00end"


def _insert(trie: _Node, keys: list[str], mention: Mention) -> None:
    node = trie
    for key in keys:
        node = node.setdefault(key, {})  # type: ignore[assignment]
    current = node.get(_END)
    if current is None or (mention.strong and not current.strong):  # type: ignore[union-attr]
        node[_END] = mention


@dataclass
class _Salience:
    topic: Topic
    order: int
    score: float = 0.0
    body: float = 0.0
    in_lead: bool = False


class Tagger:
    """Tags texts with the topics of one vocabulary; build once, reuse for many articles."""

    def __init__(self, vocabulary: Vocabulary, settings: TaggingSettings | None = None) -> None:
        self.vocabulary = vocabulary
        self.settings = settings or TaggingSettings()
        self.lemmatiser = Lemmatiser()
        self._patterns = self._index(vocabulary)

    def _index(self, vocabulary: Vocabulary) -> _Node:
        """A trie of every surface form, by lemmas and by folded forms; on a tie between
        two forms a strong one wins over a weak one."""
        trie: _Node = {}
        for topic in vocabulary:
            for form in dict.fromkeys(topic.surface_forms):
                keys = self.lemmatiser.keys(form)
                if not keys:
                    continue
                mention = Mention(topic, strong=form == topic.name or len(keys) > 1)
                for variant in ([k[0] for k in keys], [k[1] for k in keys]):
                    _insert(trie, variant, mention)
        return trie

    def mentions(self, text: str) -> list[Mention]:
        """Every non-overlapping mention of a topic in *text*, longest first, in reading order."""
        keys = self.lemmatiser.keys(text)
        trie = self._patterns
        found: list[Mention] = []
        resume = 0
        last = len(keys) - 1
        for start in [i for i, (lemma, form) in enumerate(keys) if lemma in trie or form in trie]:
            if start < resume:
                continue
            if not self._could_start(keys, start, last):
                continue
            longest = self._longest_at(keys, start)
            if longest is not None:
                mention, resume = longest
                found.append(mention)
        return found

    def _could_start(self, keys: list[Key], start: int, last: int) -> bool:
        """Cheap pre-check before the search: a form ends on this word or the next continues it.

        Forms that open with a common word ("La France insoumise", "Le Pen") make
        "le" a first key; without this check every determiner would be searched.
        """
        lemma, form = keys[start]
        trie = self._patterns
        empty: _Node = {}
        here = trie.get(lemma, empty)
        there = trie.get(form, empty) if form != lemma else empty
        if _END in here or _END in there:
            return True
        if start == last:
            return False
        next_lemma, next_form = keys[start + 1]
        return next_lemma in here or next_form in here or next_lemma in there or next_form in there

    def _longest_at(self, keys: list[Key], start: int) -> tuple[Mention, int] | None:
        """The longest form starting at *start*, following lemma and surface keys alike."""
        lemma, form = keys[start]
        node = self._patterns.get(lemma)
        if lemma == form and node is not None and len(node) == 1 and _END in node:
            return node[_END], start + 1  # type: ignore[return-value]  # a one-word form, the common case
        best: tuple[Mention, int] | None = None
        frontier: list[tuple[_Node, int]] = [(self._patterns, start)]
        size = len(keys)
        while frontier:
            node, position = frontier.pop()
            if position >= size:
                continue
            lemma, form = keys[position]
            for key in (lemma,) if lemma == form else (lemma, form):
                child = node.get(key)
                if child is None:
                    continue
                if _END in child and (best is None or position + 1 > best[1]):  # type: ignore[operator]
                    best = (child[_END], position + 1)  # type: ignore[index]
                if len(child) > (_END in child):  # type: ignore[arg-type]
                    frontier.append((child, position + 1))  # type: ignore[arg-type]
        return best

    def tag(self, *, title: str, body: str, subtitle: str = "", summary: str = "") -> list[Topic]:
        """The article's topics, most salient first, at most ``max_topics``."""
        s = self.settings
        parts = (
            (title, s.title_weight, True),
            (subtitle, s.subtitle_weight, True),
            (summary, s.summary_weight, True),
            (body, s.body_weight, False),
        )
        salience: dict[str, _Salience] = {}
        for text, weight, in_lead in parts:
            for mention in self.mentions(text or ""):
                entry = salience.setdefault(
                    mention.topic.slug, _Salience(mention.topic, order=len(salience))
                )
                value = weight * (1.0 if mention.strong else s.weak_form_factor)
                entry.score += value
                entry.in_lead |= in_lead
                entry.body += 0.0 if in_lead else value
        kept = [e for e in salience.values() if e.in_lead or e.body >= s.min_body_score]
        kept.sort(key=lambda e: (-e.score, e.order))
        return [e.topic for e in kept[: s.max_topics]]
