"""Automatic tagging: which vocabulary topics an article is about, most salient first.

Texts and topic names are reduced to the same keys: each word case- and
accent-folded, elisions split ("l’Ukraine" → "ukraine"), then replaced by its
lemma (simplemma, French first, English for words French does not know), so
"ukrainiennes" meets the alias "ukrainien" and "elections" meets "élection".
Matching is longest-first and never overlaps: "Donald Trump" is one hit, not
also a "Trump" hit. Salience decides what is kept: title, subtitle and summary
weigh more than the body, and a lone weak mention in the body (an adjective
such as "iraniens", a bare surname) does not tag the article.

Speed (issue 4 asks for 2,000 articles/s with 1,000 topics): every distinct
word is looked at once per process and remembered (its keys, whether a form
can start there, and, for a word that is a whole form by itself, the mention
it makes); an article then costs a C-level split, one set lookup per word and
a short trie walk per candidate.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, fields
from itertools import compress
from typing import Any, cast

import simplemma

from chronique.folding import fold
from chronique.topics.vocabulary import Topic, Vocabulary

#: Lemmatiser languages, in order: the first that knows a word gives its lemma.
LANGUAGES = ("fr", "en")
#: What is left of an elided article or pronoun once apostrophes split words: "l’Ukraine".
ELIDED = frozenset({"c", "d", "j", "l", "m", "n", "s", "t", "qu", "jusqu", "lorsqu", "puisqu"})
#: Punctuation outside ASCII that French and English news text uses between words.
_WIDE_SEPARATORS = "’‘«»“”„—–…\u00a0\u202f\u2009·•"
_ASCII_PUNCTUATION = b"!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~\t\n\r\x0b\x0c"
_ASCII_SEPARATORS = bytes.maketrans(_ASCII_PUNCTUATION, b" " * len(_ASCII_PUNCTUATION))


def words(text: str) -> list[str]:
    """The words of *text*, split at punctuation, apostrophes and hyphens included."""
    return [word.decode() for word in utf8_words(text)]


def utf8_words(text: str) -> list[bytes]:
    """The words of *text* as UTF-8 bytes: what the tagger works on.

    bytes.translate and bytes.split run in C: several times faster than a Unicode
    regex over a whole article, and a quarter faster than str.split (no scan for
    each word's widest character); tagging runs on every article of the archive.
    """
    for separator in _WIDE_SEPARATORS:
        if separator in text:
            text = text.replace(separator, " ")
    return text.encode().translate(_ASCII_SEPARATORS).split()


#: A word's matching keys: its folded lemma and its folded surface form. Both
#: count, because an unaccented "Etats" is unknown to the lemmatiser while "États" is not.
Key = tuple[str, str]
#: An elided article or pronoun: kept as a position (so "Côte d’Ivoire" still needs
#: its "d’"), never the start of a form.
ELIDED_KEY: Key = ("", "")


def word_key(word: str) -> Key:
    """Folded lemma and folded form of one word."""
    if word.isascii() and word.isdigit():  # a number is its own lemma; news text has many
        return word, word
    lower = word.casefold()
    if lower in ELIDED:
        return ELIDED_KEY
    return fold(simplemma.lemmatize(lower, lang=LANGUAGES)), fold(lower)


@dataclass(frozen=True)
class TaggingSettings:
    """Weights and thresholds; a site overrides them with the CHRONIQUE_TAGGING setting.

    A mention scores its part's weight, times ``weak_form_factor`` when it is made
    by a single-word alias. A topic seen in the title, subtitle or summary is kept;
    one seen only in the body is kept when its body score reaches ``min_body_score``
    (by default: one mention by name or by a multi-word alias, or two weak ones).
    """

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
        """The defaults, overridden by the optional ``CHRONIQUE_TAGGING`` dict."""
        overrides = pelican_settings.get("CHRONIQUE_TAGGING") or {}
        unknown = set(overrides) - {f.name for f in fields(cls)}
        if unknown:
            raise ValueError(f"CHRONIQUE_TAGGING: unknown keys {', '.join(sorted(unknown))}")
        return cls(**overrides)


@dataclass(frozen=True, eq=False)
class Mention:
    """What a matched form says: its topic, and how strongly.

    ``eq=False``: one object per (topic, strength), hashed by identity, so that
    counting an article's mentions is a C-level Counter.
    """

    topic: Topic
    #: Made by the topic's name or a multi-word alias, not by a single-word alias.
    strong: bool


#: A trie over keys: each node maps the next key to a child; _END marks a complete form.
_Node = dict[str, Any]
_END = "\x00end"
#: Role bits of a word. OPENS: a form starts with it ("donald" in "Donald Trump").
OPENS = 1
#: FOLLOWS_COMMON_WORD: it comes second in a form that opens with a common word
#: ("france" in "La France insoumise"), so the search starts one word back. Common
#: words themselves are not flagged, or every "la" of every article would be searched.
FOLLOWS_COMMON_WORD = 2
#: ALONE: the word is a whole form and starts no longer one ("Ukraine", "inflation"):
#: its mention is known without a look at the next word. Not combined with the others.
ALONE = 4
COMMON_WORDS = frozenset(
    {"le", "la", "les", "de", "du", "des", "un", "une", "en", "au", "aux", "et"}
)


def _insert(trie: _Node, keys: list[str], mention: Mention) -> None:
    """Add one form; where two forms meet, the strong mention wins over the weak one."""
    node = trie
    for key in keys:
        node = node.setdefault(key, {})
    current = node.get(_END)
    if current is None or (mention.strong and not current.strong):
        node[_END] = mention


class _Memo(dict[bytes, int]):
    """A word's role, learnt on first sight: a plain dict lookup (C) for every word after."""

    def __init__(self, learn: Callable[[bytes], int]) -> None:
        super().__init__()
        self._learn = learn

    def __missing__(self, word: bytes) -> int:
        return self._learn(word)


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
        #: Per distinct word seen: its keys, and its role (0: no form starts there).
        self._keys: dict[bytes, Key] = {}
        self._roles = _Memo(self._learn)
        #: Per word that opens a form: the mention it makes alone (if any), the trie
        #: nodes that longer forms continue from, and the keys that can come next.
        self._starts: dict[bytes, tuple[Mention | None, tuple[_Node, ...], frozenset[str]]] = {}
        self._trie = self._index(vocabulary)
        common = {k for k, node in self._trie.items() if k in COMMON_WORDS and _END not in node}
        self._openers = self._trie.keys() - common
        self._followers = {key for opener in common for key in self._trie[opener]}

    def keys(self, text: str) -> list[Key]:
        """The matching keys of every word of *text*, in order."""
        text_words = utf8_words(text)
        for word in text_words:
            self._roles[word]  # learns the word if new
        return [self._keys[word] for word in text_words]

    def _learn(self, word: bytes) -> int:
        """Remember *word*'s keys and role, and where the forms it opens lead; its role."""
        key = self._keys[word] = word_key(word.decode())
        opens = not self._openers.isdisjoint(key)
        follows = not self._followers.isdisjoint(key)
        role = (OPENS if opens else 0) | (FOLLOWS_COMMON_WORD if follows else 0)
        if opens:
            nodes = [self._trie[k] for k in dict.fromkeys(key) if k in self._trie]
            alone = next((node[_END] for node in nodes if _END in node), None)
            longer = tuple(node for node in nodes if len(node) > (_END in node))
            seconds = frozenset(k for node in longer for k in node if k != _END)
            self._starts[word] = (alone, longer, seconds)
            if role == OPENS and not longer:
                role = ALONE
        self._roles[word] = role
        return role

    def _index(self, vocabulary: Vocabulary) -> _Node:
        """A trie of every surface form, by lemmas and by folded forms."""
        trie: _Node = {}
        for topic in vocabulary:
            for form in dict.fromkeys(topic.surface_forms):
                keys = [word_key(word) for word in words(form)]
                while keys and keys[0] == ELIDED_KEY:  # "L’Union européenne" opens at "union"
                    keys.pop(0)
                if not keys:
                    continue
                mention = Mention(topic, strong=form == topic.name or len(keys) > 1)
                _insert(trie, [lemma for lemma, _ in keys], mention)
                _insert(trie, [folded for _, folded in keys], mention)
        return trie

    def mentions(self, text: str) -> list[Mention]:
        """Every non-overlapping mention of a topic in *text*, longest first, in reading order."""
        return [mention for mention, _, _ in self.spans(text)]

    def spans(self, text: str) -> list[tuple[Mention, int, int]]:
        """Each mention with the positions of its first and past-its-last word in ``words(text)``."""
        text_words = utf8_words(text)
        # map and compress: no Python code runs for a word already seen and no form's start
        roles = list(map(self._roles.__getitem__, text_words))
        keys, starts, last = self._keys, self._starts, len(text_words) - 1
        found: list[tuple[Mention, int, int]] = []
        resume = 0  # the first word not inside a mention already found
        for i in compress(range(len(roles)), roles):
            if i < resume:
                continue
            if roles[i] == ALONE:
                # An ALONE word is a whole form: its mention is never None.
                found.append((cast(Mention, starts[text_words[i]][0]), i, i + 1))
                resume = i + 1
                continue
            match, start = None, i
            if roles[i] & FOLLOWS_COMMON_WORD and i > resume:
                match, start = self._longest((self._trie,), text_words, i - 1), i - 1
            if match is None and roles[i] & OPENS:
                alone, longer, seconds = starts[text_words[i]]
                if i < last and not seconds.isdisjoint(keys[text_words[i + 1]]):
                    match, start = self._longest(longer, text_words, i + 1), i
                if match is None and alone is not None:
                    match, start = (alone, i + 1), i
            if match is not None:
                found.append((match[0], start, match[1]))
                resume = match[1]
        return found

    def _longest(
        self, nodes: tuple[_Node, ...], text_words: list[bytes], start: int
    ) -> tuple[Mention, int] | None:
        """The longest form continuing from *nodes* at *start*, by lemma and surface keys alike."""
        keys = self._keys
        best: tuple[Mention, int] | None = None
        frontier = [(node, start) for node in nodes]
        while frontier:
            node, position = frontier.pop()
            if position >= len(text_words):
                continue
            lemma, folded = keys[text_words[position]]
            for key in (lemma,) if lemma == folded else (lemma, folded):
                child = node.get(key)
                if child is None:
                    continue
                if _END in child and (best is None or position + 1 > best[1]):
                    best = (child[_END], position + 1)
                if len(child) > (_END in child):
                    frontier.append((child, position + 1))
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
            for mention, count in Counter(self.mentions(text or "")).items():
                entry = salience.get(mention.topic.slug)
                if entry is None:
                    entry = salience[mention.topic.slug] = _Salience(mention.topic, len(salience))
                value = count * weight * (1.0 if mention.strong else s.weak_form_factor)
                entry.score += value
                entry.in_lead |= in_lead
                entry.body += 0.0 if in_lead else value
        kept = [e for e in salience.values() if e.in_lead or e.body >= s.min_body_score]
        kept.sort(key=lambda e: (-e.score, e.order))
        return [e.topic for e in kept[: s.max_topics]]
