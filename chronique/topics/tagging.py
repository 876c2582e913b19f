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

from collections.abc import Container
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


#: A word's matching keys: its folded lemma and its folded surface form (both count,
#: because an unaccented "Etats" is unknown to the lemmatiser while "États" is not),
#: and its role in the vocabulary's forms: a bit set of OPENS and FOLLOWS_COMMON_WORD.
Key = tuple[str, str, int]
#: The word opens a form ("donald" in "Donald Trump").
OPENS = 1
#: The word comes second in a form that opens with a common word ("france" in
#: "La France insoumise"): the search starts one word back. Common words
#: themselves are not flagged, or every "la" of every article would be searched.
FOLLOWS_COMMON_WORD = 2
COMMON_WORDS = frozenset(
    {"le", "la", "les", "de", "du", "des", "un", "une", "en", "au", "aux", "et"}
)


class Lemmatiser:
    """Word → matching keys, remembered: an archive repeats the same words endlessly."""

    def __init__(self) -> None:
        self._keys: dict[str, Key] = {}
        self._openers: Container[str] = ()
        self._followers: Container[str] = ()

    def know_forms(self, openers: Container[str], followers: Container[str]) -> None:
        """Keys that open forms, and keys that follow a common word opening one."""
        self._openers, self._followers = openers, followers
        self._keys.clear()

    def _role(self, lemma: str, form: str) -> int:
        role = OPENS if lemma in self._openers or form in self._openers else 0
        if lemma in self._followers or form in self._followers:
            role |= FOLLOWS_COMMON_WORD
        return role

    def key(self, word: str) -> Key:
        """Folded lemma and folded form of *word*; empty for an elided article."""
        key = self._keys.get(word)
        if key is None:
            lower = word.casefold()
            if lower in ELIDED:
                key = ("", "", 0)
            else:
                lemma, form = fold(simplemma.lemmatize(lower, lang="fr")), fold(lower)
                key = (lemma, form, self._role(lemma, form))
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
        common_openers = {
            k for k in self._patterns if k in COMMON_WORDS and _END not in self._patterns[k]
        }
        self.lemmatiser.know_forms(
            openers={k for k in self._patterns if k not in common_openers},
            followers={k for opener in common_openers for k in self._patterns[opener]},  # type: ignore[union-attr]
        )

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
        found: list[Mention] = []
        resume = 0
        for i in [i for i, key in enumerate(keys) if key[2]]:
            longest = None
            if keys[i][2] & FOLLOWS_COMMON_WORD and i - 1 >= resume:
                longest = self._longest_at(keys, i - 1)
            if longest is None and keys[i][2] & OPENS and i >= resume:
                longest = self._longest_at(keys, i)
            if longest is not None:
                mention, resume = longest
                found.append(mention)
        return found

    def _longest_at(self, keys: list[Key], start: int) -> tuple[Mention, int] | None:
        """The longest form starting at *start*, following lemma and surface keys alike."""
        lemma, form, _ = keys[start]
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
            lemma, form, _ = keys[position]
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
