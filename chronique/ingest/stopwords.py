"""Function words of about a hundred languages, to tell prose from page chrome.

The lists are jusText's (installed with trafilatura): the most frequent words
of each language's Wikipedia, most frequent first. They are read as files,
without importing ``justext`` itself (which loads lxml for its HTML parser).
A page's language is the one whose most frequent words it uses most; prose
is then a line dense in that language's function words, as in jusText.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import cache
from importlib.util import find_spec
from pathlib import Path

#: The most frequent words of each list are enough to tell the language.
DETECTION_WORDS = 60
#: A page needs this many function-word hits before its language is trusted.
MIN_HITS = 8
_WORD = re.compile(r"[^\W\d_]+")


@cache
def _stoplist_folder() -> Path | None:
    spec = find_spec("justext")
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations))) / "stoplists"
    return folder if folder.is_dir() else None


@cache
def stoplist(language: str) -> frozenset[str]:
    """The function words of *language* (a jusText list name, e.g. 'French'), lowercased."""
    folder = _stoplist_folder()
    if folder is None:
        return frozenset()
    text = (folder / f"{language}.txt").read_text(encoding="utf-8")
    return frozenset(word.casefold() for word in text.split())


@cache
def _detection_index() -> dict[str, tuple[str, ...]]:
    """Each frequent word -> the languages among whose most frequent words it is."""
    folder = _stoplist_folder()
    index: dict[str, list[str]] = {}
    for path in sorted(folder.glob("*.txt")) if folder else ():
        with path.open(encoding="utf-8") as lines:
            for _, line in zip(range(DETECTION_WORDS), lines, strict=False):
                index.setdefault(line.strip().casefold(), []).append(path.stem)
    return {word: tuple(languages) for word, languages in index.items()}


def words_of(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def page_language(words: Iterable[str]) -> str | None:
    """The language whose most frequent words occur most often in *words*, or None."""
    index = _detection_index()
    hits: Counter[str] = Counter()
    for word, count in Counter(words).items():
        for language in index.get(word, ()):
            hits[language] += count
    if not hits:
        return None
    language, count = hits.most_common(1)[0]
    return language if count >= MIN_HITS else None
