"""Step 3 (plain text): recognise the page chrome left in a copied page.

The patterns are data, not code: ``chrome_patterns.txt`` ships with the
package and a site extends it with the ``CHRONIQUE_INGEST_CHROME`` setting
(a list of regular expressions; prefix one with ``[end] `` to make it close the
article). One compiled alternation per kind keeps the test per line cheap.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

END_PREFIX = "[end] "
#: Chrome lines are short; even a cookie notice or a comment-form notice fits in this.
MAX_CHROME_CHARS = 400
#: Characters that decorate chrome lines ("Monde ›", "Lire aussi :", "Partager |").
_DECORATION = " \t:›»>|\u00a0\u202f"


@dataclass(frozen=True)
class Alternation:
    """The patterns of one kind, compiled as one alternation, and again as the alternation of
    only those that can match more than ``short_limit`` characters.

    Most lines tested are paragraphs, longer than any fixed label ("Partager", "Les + Lus"):
    for them only the open-ended patterns ("Partager sur .*") need trying, and a regex
    alternation costs a step per alternative.
    """

    every: re.Pattern[str]
    open_ended: re.Pattern[str]
    short_limit: int

    def fullmatch(self, text: str) -> bool:
        pattern = self.open_ended if len(text) > self.short_limit else self.every
        return pattern.fullmatch(text) is not None


@dataclass(frozen=True)
class ChromePatterns:
    """Compiled chrome patterns: lines to drop, and lines that end the article."""

    drop: Alternation
    end: Alternation

    def is_chrome(self, line: str) -> bool:
        return self.classify(line) is not None

    def ends_article(self, line: str) -> bool:
        return self.classify(line) == "end"

    def classify(self, line: str) -> str | None:
        """'end' for a line that closes the article, 'drop' for other chrome, else None."""
        if len(line) > MAX_CHROME_CHARS:  # a paragraph, however it starts
            return None
        bare = _bare(line)
        if self.end.fullmatch(bare):
            return "end"
        return "drop" if self.drop.fullmatch(bare) else None


def _bare(line: str) -> str:
    return line.strip().rstrip(_DECORATION)


def parse_pattern_lines(lines: Iterable[str]) -> tuple[list[str], list[str]]:
    """Split a pattern file's lines into (drop, end) regex lists; ``[end]``/``[drop]`` switch."""
    drop: list[str] = []
    end: list[str] = []
    current = drop
    for raw in lines:
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line in ("[end]", "[drop]"):
            current = end if line == "[end]" else drop
        elif line.startswith(END_PREFIX):
            end.append(line.removeprefix(END_PREFIX))
        else:
            current.append(line)
    return drop, end


def _compile(patterns: list[str]) -> Alternation:
    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ValueError(f"invalid chrome pattern {pattern!r}: {exc}") from None
    alternatives = [part for pattern in patterns for part in top_level_alternatives(pattern)]
    widths = [_max_width(part) for part in alternatives]
    return Alternation(
        every=_alternation(patterns),
        open_ended=_alternation(
            [p for p, w in zip(alternatives, widths, strict=True) if w is None]
        ),
        short_limit=max((w for w in widths if w is not None), default=0),
    )


def _alternation(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns) or r"(?!)", re.IGNORECASE)


def top_level_alternatives(pattern: str) -> list[str]:
    """'a|b(?:c|d)' -> ['a', 'b(?:c|d)']: the branches of *pattern* outside any group or
    character class. The whole pattern when a branch does not compile on its own."""
    parts: list[str] = []
    depth, start, position, in_class = 0, 0, 0, False
    while position < len(pattern):
        char = pattern[position]
        if char == "\\":
            position += 1
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            position += pattern.startswith("^", position + 1)
            position += pattern.startswith("]", position + 1)  # a leading ']' is literal
        elif char in "()":
            depth += 1 if char == "(" else -1
        elif char == "|" and depth == 0:
            parts.append(pattern[start:position])
            start = position + 1
        position += 1
    parts.append(pattern[start:])
    try:
        for part in parts:
            re.compile(part)
    except re.error:
        return [pattern]
    return parts


def _max_width(pattern: str) -> int | None:
    """The most characters *pattern* can match, or None when that can exceed a chrome line
    (or cannot be told). From the parser of the standard library's re, which has no public
    way to ask; should its interface change, every pattern counts as open-ended."""
    try:
        from re import _parser

        _, most = _parser.parse(pattern, re.IGNORECASE).getwidth()
    except Exception:  # a private interface: any failure means "unknown"
        return None
    return most if most <= MAX_CHROME_CHARS else None


@cache
def load_chrome_patterns(extra: tuple[str, ...] = ()) -> ChromePatterns:
    """The packaged patterns plus a site's *extra* ones (from ``CHRONIQUE_INGEST_CHROME``)."""
    packaged = files("chronique.ingest").joinpath("chrome_patterns.txt").read_text("utf-8")
    drop, end = parse_pattern_lines(packaged.splitlines())
    extra_drop, extra_end = parse_pattern_lines(extra)
    return ChromePatterns(drop=_compile(drop + extra_drop), end=_compile(end + extra_end))
