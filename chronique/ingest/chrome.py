"""Step 3 (plain text): recognise the page chrome left in a copied page.

The patterns are data, not code: ``chrome_patterns.txt`` ships with the
package and a site extends it with the ``CHRONIQUE_INGEST_CHROME`` setting
(a list of regular expressions; prefix one with ``[end] `` to make it close the
article). They are evidence among others: the text extractor also weighs each
line's length, punctuation and function words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files

END_PREFIX = "[end] "
#: Chrome lines are short; even a cookie notice or a comment-form notice fits in this.
MAX_CHROME_CHARS = 400
#: A cookie banner's paragraph can be long, but not a page long.
CONSENT_MAX_CHARS = 2000
CONSENT_MIN_WORDS = 3
_CONSENT_WORDS = re.compile(
    r"consent|accept|partenaires|partners|données|personal data|vie privée|privacy|"
    r"paramètres|settings|traceurs|tracking|navigation|intérêt légitime|legitimate interest|"
    r"géolocalisation|geolocation|traitement|processing|publicités? personnalisées?|"
    r"personali[sz]ed ads|"
    r"einverstanden|einwilligung|zustimmung|datenschutz|privatsphäre|einstellungen|"
    r"personenbezogene daten|drittplattform|drittanbieter|externen? inhalt|datenverarbeitung"
)
#: A banner speaks for the site ("we", "this site") to the reader ("you", "I agree"); a
#: report on cookies and consent speaks of others. German "Sie/Ihnen/Ihre" addresses the
#: reader only when capitalised inside a sentence ("sie": she, they).
_ADDRESS = re.compile(
    r"\b(?:we|us|our|you|your|i|me|my|nous|notre|nos|vous|votre|vos|je|j|mon|mes|"
    r"wir|uns|unser\w*|ich|mein\w*|dein\w*|usamos|utilizamos|nuestr[oa]s?|usted|"
    r"usiamo|utilizziamo|nostr[aeio]|tuoi|wij|onze|uw|jouw|vi|vår|våre|du|deg|din|"
    r"this (?:web)?site|ce site|dieser? (?:web)?seite)\b"
    r"|(?<=\w )(?-i:Sie|Ihnen|Ihre[nmrs]?)\b",
    re.IGNORECASE,
)
#: A line this long that ends a sentence reads as prose, not as a banner's buttons.
CONSENT_PROSE_MIN_WORDS = 12
_SENTENCE_END = re.compile(r"[.!?»\"”]\s*$")
#: Characters that decorate chrome lines ("Monde ›", "Lire aussi :", "Partager |").
_DECORATION = " \t:›»>|\u00a0\u202f"
_ENCLOSING = ("<>", "[]")


@dataclass(frozen=True)
class ChromePatterns:
    """Compiled chrome patterns: lines to drop, and lines that end the article."""

    drop: re.Pattern[str]
    end: re.Pattern[str]
    paywall: re.Pattern[str]

    def is_chrome(self, line: str) -> bool:
        return self.classify(line) is not None

    def is_paywall(self, line: str) -> bool:
        """A subscription notice that stands where a paywalled article is cut."""
        return len(line) <= MAX_CHROME_CHARS and self.paywall.fullmatch(_bare(line)) is not None

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
    """*line* without its decoration, nor the brackets some sites put around a whole chrome
    line ("<Copyright ⓒ …>", "[Publicité]")."""
    text = line.strip()
    if len(text) > 2 and text[0] + text[-1] in _ENCLOSING:
        text = text[1:-1].strip()
    return text.rstrip(_DECORATION)


@dataclass
class PatternLists:
    """The regular expressions of a pattern file, by section."""

    drop: list[str] = field(default_factory=list)
    end: list[str] = field(default_factory=list)
    paywall: list[str] = field(default_factory=list)


_SECTIONS = {"[drop]": "drop", "[end]": "end", "[paywall]": "paywall"}


def parse_pattern_lines(lines: Iterable[str]) -> PatternLists:
    """A pattern file's lines by section: ``[drop]`` (the default), ``[end]``, ``[paywall]``;
    a line prefixed ``[end] `` is an end pattern wherever it stands."""
    lists = PatternLists()
    current = lists.drop
    for raw in lines:
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line in _SECTIONS:
            current = getattr(lists, _SECTIONS[line])
        elif line.startswith(END_PREFIX):
            lists.end.append(line.removeprefix(END_PREFIX))
        else:
            current.append(line)
    return lists


def _compile(patterns: list[str]) -> re.Pattern[str]:
    """One case-insensitive alternation of *patterns*; ValueError names a broken one."""
    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ValueError(f"invalid chrome pattern {pattern!r}: {exc}") from None
    return re.compile("|".join(f"(?:{p})" for p in patterns) or r"(?!)", re.IGNORECASE)


@cache
def load_chrome_patterns(extra: tuple[str, ...] = ()) -> ChromePatterns:
    """The packaged patterns plus a site's *extra* ones (from ``CHRONIQUE_INGEST_CHROME``)."""
    packaged = files("chronique.ingest").joinpath("chrome_patterns.txt").read_text("utf-8")
    lists = parse_pattern_lines(packaged.splitlines())
    added = parse_pattern_lines(extra)
    return ChromePatterns(
        drop=_compile(lists.drop + added.drop),
        end=_compile(lists.end + added.end),
        paywall=_compile(lists.paywall + added.paywall),
    )


def is_consent_notice(text: str) -> bool:
    """A cookie banner's paragraph, however long: cookies and one word of consent, or three
    distinct words of consent (a banner's later paragraphs no longer say 'cookie'); but a
    sentence that does not address the reader is an article's report on cookies and
    consent ("La CNIL reproche au site d'avoir déposé des cookies sans consentement.")."""
    if len(text) > CONSENT_MAX_CHARS:
        return False
    lowered = text.casefold()
    words = set(_CONSENT_WORDS.findall(lowered))
    if not (len(words) >= CONSENT_MIN_WORDS or ("cookie" in lowered and words)):
        return False
    return not _reads_as_report(text)


def _reads_as_report(text: str) -> bool:
    """A whole sentence (or more) in which nobody speaks to the reader."""
    return (
        "\t" not in text
        and len(text.split()) >= CONSENT_PROSE_MIN_WORDS
        and _SENTENCE_END.search(text) is not None
        and _ADDRESS.search(text) is None
    )
