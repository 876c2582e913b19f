"""Names that recur in the archive but are not in the vocabulary yet, for an editor to add."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator

from chronique.topics.tagging import Tagger, words
from chronique.topics.vocabulary import Vocabulary

#: A capitalised word (inner hyphens and apostrophes allowed), or a run of them: "Volodymyr Zelensky".
_NAME_RUN = re.compile(r"(?<![\w’'-])[A-ZÀ-ÖØ-Þ][\w’'-]*\w(?:[ \t\u00a0]+[A-ZÀ-ÖØ-Þ][\w’'-]*\w)*")
#: What comes just before a word that opens a sentence, or quoted speech ("« Nous… »").
_SENTENCE_START = re.compile(r"(?:\A|[.!?…:][»”\"]?\s+|[«“\"]\s*|\n\s*)\Z")
#: Words that open a sentence or a phrase and so come capitalised before a name
#: ("Selon Jean Dupont", "Mardi, Gérard Larcher"). Hand-written: the French stop-word
#: list we have (jusText's, drawn from Wikipedia frequencies) holds "jean", "pierre", "paris".
LEADING_WORDS = frozenset(
    """à après alors au aussi aux avant avec car ce cependant ces cet cette chez comme contre
    d dans de depuis des donc du elle en enfin ensuite entre et il ils jusqu lors mais même
    ni on or ou où par parmi pendant pour pourtant puis quand que qui sans selon si sous sur
    tandis toutefois vers lundi mardi mercredi jeudi vendredi samedi dimanche""".split()
)
#: Articles are part of many names ("Le Monde", "La Haye"): kept inside a sentence,
#: dropped where the capital only says that a sentence starts.
ARTICLES = frozenset({"le", "la", "les", "l", "l’", "l'"})


def candidate_names(text: str) -> Iterator[tuple[str, bool]]:
    """Capitalised words and runs of them, each with whether it opens a sentence.

    Leading words that only carry a capital because they open a sentence or a
    phrase are dropped ("Selon Jean Dupont" → "Jean Dupont"); the name left then
    no longer opens the sentence.
    """
    for match in _NAME_RUN.finditer(text):
        opens_sentence = bool(
            _SENTENCE_START.search(text[max(0, match.start() - 3) : match.start()])
        )
        run = match.group(0).split()
        name = _strip_leading_words(run, opens_sentence)
        if name:
            yield " ".join(name), opens_sentence and name == run and len(name) == 1


def _strip_leading_words(run: list[str], opens_sentence: bool) -> list[str]:
    """*run* without its leading phrase openers; what follows one is capitalised for a reason."""
    while run:
        first = run[0].casefold()
        if first in LEADING_WORDS or (first in ARTICLES and opens_sentence):
            run, opens_sentence = run[1:], False
        else:
            break
    return run


def suggest_new_topics(
    texts: Iterable[str], vocabulary: Vocabulary, min_count: int = 2
) -> list[tuple[str, int]]:
    """Frequent names that no topic of *vocabulary* covers, most frequent first.

    A single word counts only if it is seen capitalised inside a sentence at
    least once: "Cependant" or "Conflit" are capitalised only where a sentence
    starts. A name is covered when the tagger's mentions span all its words
    ("Volodymyr Zelensky"), not when they span a part ("Paris Saint-Germain").
    """
    tagger = Tagger(vocabulary)
    counts: Counter[str] = Counter()
    inside_sentence: set[str] = set()
    for text in texts:
        for name, opens_sentence in candidate_names(text):
            counts[name] += 1
            if not opens_sentence:
                inside_sentence.add(name)
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return [
        (name, count)
        for name, count in ranked
        if count >= min_count and name in inside_sentence and not _covered(tagger, name)
    ]


def _covered(tagger: Tagger, name: str) -> bool:
    spanned = sum(end - start for _, start, end in tagger.spans(name))
    return spanned == len(words(name))
