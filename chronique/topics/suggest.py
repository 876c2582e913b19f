"""Names that recur in the archive but are not in the vocabulary yet, for an editor to add."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator

from chronique.topics.tagging import Tagger
from chronique.topics.vocabulary import Vocabulary

#: A capitalised word (inner hyphens and apostrophes allowed), or a run of them: "Volodymyr Zelensky".
_NAME_RUN = re.compile(r"(?<![\w’'-])[A-ZÀ-ÖØ-Þ][\w’'-]*\w(?:\s+[A-ZÀ-ÖØ-Þ][\w’'-]*\w)*")
_SENTENCE_START = re.compile(r"(?:\A|[.!?…:;»]\s+|\n\s*)\Z")


def candidate_names(text: str) -> Iterator[tuple[str, bool]]:
    """Capitalised words and runs of them, each with whether it opens a sentence.

    A word that is capitalised only because it opens a sentence is not a name
    ("Cependant", "Conflit"); callers keep a single word only if it is also
    seen capitalised inside a sentence.
    """
    for match in _NAME_RUN.finditer(text):
        opens_sentence = bool(
            _SENTENCE_START.search(text[max(0, match.start() - 3) : match.start()])
        )
        yield match.group(0), opens_sentence


def suggest_new_topics(
    texts: Iterable[str], vocabulary: Vocabulary, min_count: int = 2
) -> list[tuple[str, int]]:
    """Frequent names that no topic of *vocabulary* covers, most frequent first."""
    tagger = Tagger(vocabulary)
    counts: Counter[str] = Counter()
    inside_sentence: set[str] = set()
    for text in texts:
        for name, opens_sentence in candidate_names(text):
            counts[name] += 1
            if not opens_sentence or " " in name:
                inside_sentence.add(name)
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return [
        (name, count)
        for name, count in ranked
        if count >= min_count and name in inside_sentence and not tagger.mentions(name)
    ]
