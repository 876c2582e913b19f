"""Steps 2–3 for plain text: find the article in a page copied as text.

A copied news page is a column of lines: site chrome, a section label, perhaps
a short headline or kicker, the title, a byline and date line, the standfirst,
the body, then more chrome. Nothing in a line says which it is, so each line is
first classified on its own (chrome pattern, date/byline line, caption, or by
its shape: headline-like, short sentence, long prose), then the structure is
read from the sequence:

* the **article text** is the largest run of text lines (subheadings and
  meta lines allowed inside), cut at the first "end of article" chrome line;
* the **header** is what comes before it. The **title** is the headline nearest
  the text that tells its story: each short line above the text is scored on
  general evidence (words shared with the text and the source URL, distance,
  a byline beside it; labels, menus, prompts, captions and deks lose: see
  ``headlines.py``). A long line under it is a dek (standfirst). An earlier
  headline that shares words with the title and text is the **short headline**
  (subtitle); a configured section name among the header lines is the **section**;
* the **standfirst** is the dek, else the first text paragraph when it is
  short (at most two sentences) and more text follows.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import Enum
from functools import cached_property, lru_cache
from itertools import pairwise
from typing import NamedTuple

from chronique.folding import fold
from chronique.ingest.chrome import MAX_CHROME_CHARS, ChromePatterns, is_consent_notice
from chronique.ingest.dates import (
    DATE_PREFIX,
    META_START,
    META_START_CHARS,
    DateStatement,
    ends_with_date,
    has_year,
    join_clock_segments,
    read_date_statement,
    read_embedded_date,
    read_trailing_date,
    split_statements,
)
from chronique.ingest.errors import IngestFailure
from chronique.ingest.headlines import (
    HEADLINE_MAX_WORDS,
    TitleEvidence,
    overlong,
    slug_stems,
    stems,
    title_score,
)
from chronique.ingest.markdown import escape_paragraph, heading, join_blocks
from chronique.ingest.page import ExtractedPage, sections_by_fold, split_sentences
from chronique.ingest.repeats import RepeatedLines
from chronique.ingest.stopwords import page_language, stoplist, words_of


class Kind(Enum):
    """What a line is, judged on its own."""

    CHROME = "chrome"
    END = "end"  # chrome that closes the article ("Laisser un commentaire", "Les + Lus")
    PAYWALL = "paywall"  # a subscription notice where a paywalled article is cut
    META = "meta"  # date and/or byline line
    CAPTION = "caption"  # photo caption or credit
    BREADCRUMB = "breadcrumb"  # "Accueil > Monde > Europe"
    TIMESTAMP = "timestamp"  # "10h30" on its own: a live-blog entry time
    HEADLINE = "headline"  # short, no closing punctuation: title, kicker, subheading…
    SENTENCE = "sentence"  # short line that ends like a sentence
    PROSE = "prose"  # a paragraph


TEXT_KINDS = frozenset({Kind.SENTENCE, Kind.PROSE})
CONTENT_KINDS = frozenset({Kind.HEADLINE, Kind.SENTENCE, Kind.PROSE, Kind.TIMESTAMP})

#: A proper headline has at least this many words; shorter lines are labels or kickers.
HEADLINE_MIN_WORDS = 4
#: A line of this many words is prose whatever its punctuation.
PROSE_MIN_WORDS = 40
#: Gap (headline-like lines, e.g. a "read also" box) across which the article text continues.
MAX_GAP = 2
SUBHEADING_MAX_WORDS = 15
#: Under a card, only a line this short is taken for a subheading: a longer one in a box of
#: its own above the text is more often a photo's caption.
CARD_SUBHEADING_MAX_WORDS = 10
MENU_MIN_LABELS = 3
#: The start of the text is enough to tell whether a headline is about the same story.
BODY_SAMPLE_CHARS = 3000
#: The page's language is read from this much of its paragraphs.
LANGUAGE_SAMPLE_CHARS = 20_000
#: A date/byline line is short ("Par X | Publié le … à …, mis à jour le … à …").
META_MAX_CHARS = 250
META_MAX_WORDS = 30
#: An unlabelled date line inside the article's text dates it only among its first lines.
TEXT_DATE_LINES = 5
#: How far after the article's text a date line may stand and still sign it.
DATE_LINES_AFTER_TEXT = 4
#: A dek (a standfirst set as a headline, without closing punctuation) is a long line.
DEK_MIN_WORDS = 8
STANDFIRST_MAX_CHARS = 400
#: classify_line remembers lines up to this long, and at most this many of them.
SEEN_LINE_MAX_CHARS = 200
SEEN_LINES_MAX = 50_000

#: What may follow a sentence's closing mark: closing quotes and brackets, and the markers
#: of its footnotes ('… of his death.[69]', '… 2014.[a][12]').
_SENTENCE_CLOSE = r"(?:[\s\u00a0\u202f]*(?:[»”\"’')\]」』）]|\[\w{1,3}(?: \d{1,3})?\]))*$"
#: How far from a line's end its closing punctuation can stand: the closing quotes,
#: brackets and spaces after it never run this long. Searching only there keeps the
#: end-of-sentence tests from scanning whole paragraphs.
_TAIL_CHARS = 32
_ENDS_SENTENCE = re.compile(rf"[.!?…:;,。！？]{_SENTENCE_CLOSE}")
_SPACES = re.compile(r"[ \t]+")
_ENDS_PARAGRAPH = re.compile(rf"[.!?…:。！？]{_SENTENCE_CLOSE}")
_ENDS_STATEMENT = re.compile(rf"[.…。]{_SENTENCE_CLOSE}")
_TIMESTAMP = re.compile(r"\d{1,2}\s*[h:]\s*\d{2}|\d{1,2}\s*h")
_BREADCRUMB_SEPARATOR = re.compile(r"\s+[>›»/|]\s+")
#: The first level of a breadcrumb, which a browser may copy without the separators
#: ('Home' only glued to the next level: 'Home Office Minister Resigns' is a headline).
_HOME_LABEL = re.compile(r"(?:Accueil|Startseite|Inicio|Portada)(?=\s*[A-ZÀ-ÖØ-Þ])|Home(?=[A-Z])")
#: Where the levels of a separator-less breadcrumb meet: a space, or no space at all
#: ('HomeSport'), before a capital.
_HOME_WORD = re.compile(r"Accueil|Startseite|Inicio|Portada|Home", re.IGNORECASE)
#: Two levels of a breadcrumb copied without a space between them: 'HomeSport'.
_GLUED_LEVEL = re.compile(r"(?<=[a-zß-öø-ÿ])(?=[A-ZÀ-ÖØ-Þ])")
_LEVEL_START = re.compile(r"(?<=\w)\s*(?=[A-ZÀ-ÖØ-Þ])")
BREADCRUMB_MAX_LEVELS = 6
#: A breadcrumb's first level after its prompt ('Du befindest dich hier: Home', 'Vous êtes
#: ici : Accueil'): the home word counts, not the prompt.
_HOME_AFTER_PROMPT = re.compile(
    r"^[^:]{1,40}:\s*(Accueil|Startseite|Inicio|Portada|Home)$", re.IGNORECASE
)
#: Labels copied before a headline on its line: at most this many words.
LABEL_PREFIX_MAX_WORDS = 3
_LABEL_SEPARATOR = re.compile(r"[:»>|/–—-]")
BREADCRUMB_COLUMN_LINES = 4
GLUED_LEVEL_MAX_WORDS = 2
#: "Accueil > International > Europe > Ukraine": a few labels of at most 4 words.
BREADCRUMB_MAX_CHARS = 200
_META_SEPARATOR = re.compile(r"\s*[|•·]\s*|\s+[-–—/]\s+")
#: Whether a line has segments worth splitting with _META_SEPARATOR: substring tests,
#: quicker than a regex search that stops at every space.
_SEPARATOR_MARKS = ("|", "•", "·", " - ", " – ", " — ", " / ")
#: Photo captions and credits: a credit at the start or the end, or a credit marker.
_CAPTION_START = re.compile(
    r"(?:photo|foto|image|bild(?:rechte)?|picture|illustration|cr[ée]dits?(?: photo)?)\s*:"
    r"|(?:image|media) caption\b"
)
_CAPTION_MARKS = (
    "©",
    "crédit photo",
    "crédits photo",
    "photo credit",
    "credit...",
    "all rights reserved",
    "mandatory credit",
    "credit…",
    "photograph:",
    "reuters/",
    "getty images",
    "ap photo",
    "afp photo",
    "shutterstock",
)
#: A caption's credit in parentheses at its end: '(Foto: REUTERS)', '(Courtesy of …)',
#: '(AFP / JORGE GUERRERO)', '… in November. (NPA)', '…技官（警視庁提供）'.
_CREDIT_PARENTHESIS = re.compile(
    r"(?:\((?:(?:(?i:foto|fotos|bild|picture|photo|quelle|source|image)\s*:|(?i:courtesy)\b)[^)]*"
    r"|[A-Z][\w.-]*\s*/\s*[A-Z][^)]*)\)"
    r"|[.!?]\s+\([A-Z]{2,6}\)"
    r"|（[^）]*提供）)\s*$",
)
#: A Japanese caption's tail after '＝': an agency, or when and where the photo was taken
#: ('…警察官ら＝ＡＰ', '…国旗＝同国で2019年5月', '…容疑者＝13日、東京・霞ケ関で').
_JAPANESE_CREDIT = re.compile(
    r"＝(?:[Ａ-Ｚ]{2,}|ロイター|共同|[^＝]{0,30}[0-9０-９]+[日年月][^＝]{0,30})$"
)
_CAPTION_END = re.compile(
    r"(?:/\s*(?:afp|reuters|ap|pa|epa|getty images|sipa|maxppp|abaca|hans lucas|ansa|dpa|xinhua)"
    r"\b[^/]{0,40}|\((?:photo|cr[ée]dit|credit|image)\b[^)]*\)\s*\.?)$"
)
CAPTION_MAX_WORDS = 60
#: A caption's credit after its sentence: '… on Thursday. Courtesy John Lamb', '… Imago/dpa',
#: '… Bildrechte: MDR/David Straub', '… Foto: Miles Lilley.', '… EFE/ J.J. Guillén'.
#: The credit's name words are capitalised: a sentence's last words are not a credit.
_CREDIT_TAIL = re.compile(
    r"[.!?]\s+(?:(?i:courtesy|photos?|image|credit|fotos?|bild(?:rechte|quelle)?|source|quelle)\b"
    r"(?::[^.!?]*\.?|(?:\.{2,}|…)?[^.!?]*(?<!\.))"
    r"|(?i:keystone|efe|afp|ap|reuters|dpa|epa|imago|getty images|ansa|xinhua)\s*/.{0,50}"
    r"|[A-Z][\w'’-]*(?:[ /][A-Z][\w'’.-]*){0,3}(?:/[\w.-]+)?(?<!\.))$"
)
#: A credit glued to a caption's last words, with no sentence's end between them: a label and
#: a name ('… Liberté Foto: Editpress/NAME', '… the plagueCredit: EPA'), 'Picture by NAME'
#: after a dash, or a credit with a slash right after a full stop ('…kommen.Unsplash/NAME').
_GLUED_CREDIT = re.compile(
    r"(?:(?i:fotos?|photos?|bild(?:rechte)?|image(?: credits?)?|credits?|picture)\s*:\s*"
    r"[A-Z][^.!?:/]{1,40}(?:/[^.!?:]{1,40})?"
    r"|[—–]\s*(?i:pictures?|photos?) by [A-Z][^.!?]{2,50}"
    r"|(?<=[a-z][.!?])[A-Z][\w-]+/\s?[A-Z][\w .-]{1,40})$"
)
GLUED_CREDIT_CHARS = 90
_CREDIT_GLUE = (":", "/", " by ")
#: Titles abbreviated before a name ('Rep. Zooey Zephyr', 'Dr. Anna Berg') and initialisms
#: ('Japan-U.S. Pact'): their full stop ends no sentence, so the words after it are no
#: caption's credit.
_TITLE_ABBREVIATION = re.compile(
    r"\b(?:Rep|Sen|Gov|Pres|Dr|Mr|Mrs|Ms|Prof|Pr|St|Gen|Lt|Col|Sgt|Capt|Mme|Mgr|M)$"
    r"|\b(?:[A-Z]\.)+[A-Z]$"
)
#: A headline may end in an initialism ('… What’s Underneath N.Y.C.', '… Leaves the U.S.'):
#: its full stop ends no sentence when the line is set in title case, as prose never is.
_ENDING_INITIALISM = re.compile(r"\b(?:[A-Z]\.){2,}$")
_LONG_WORD = re.compile(r"[^\W\d_][\w’'-]{3,}")
#: Of a line's words of four letters or more, this share capitalised: title case.
TITLE_CASE_SHARE = 0.8
TITLE_CASE_MIN_WORDS = 3
#: A long caption folded behind a toggle: '… the Southeast Asian nation. less', '… relations ... more'.
_TOGGLE_TAIL = re.compile(r"(?:[.!?…]|\.\.\.)\s+(?:less|more)$")
_BYLINE = re.compile(
    r"(?:par|by|texte|propos recueillis par|written by)\s*:?\s+(?P<names>.+)", re.IGNORECASE
)
#: Where a byline starts after other words of a meta segment: 'par' or 'by', then a name.
_BYLINE_AFTER = re.compile(r"\s+(?=(?i:par|by)\s+[A-ZÀ-Þ])")
#: A byline line under a headline, a name after the word with or without a space ('by Ahiza
#: Garcia @ahiza_garcia February 1, 2016', 'bySauli Giliard'): no continuation of the headline.
_BYLINE_START = re.compile(r"(?:by|par|von|por)\s*[A-ZÀ-Þ]")
#: A byline's opening word, then an agency's or a paper's name ('Von dpa', 'von Landesspiegel').
_SIGNED_CREDIT = re.compile(r"(?i:by|par|von|por|di|door|av|af)\s+\S+(?:\s+\S+){0,2}")
BYLINE_LINE_MAX_CHARS = 100
_NAME_SPLIT = re.compile(r"\s*(?:,|;|&|\bet\b|\band\b)\s*")
_NAME_WORD = re.compile(
    r"(?:[A-ZÀ-ÖØ-Þ][\w'’.-]*|d['’][A-ZÀ-Þ][\w'’-]*|de|du|des|van|von|der|den|da|di|del|ben|bin|al|el|le|la)"
)
_PARENTHESES = re.compile(r"\s*\([^)]*\)")
_SHARE_NETWORKS = (
    "facebook",
    "twitter",
    "whatsapp",
    "linkedin",
    "pinterest",
    "telegram",
    "messenger",
    "bluesky",
    "flipboard",
    "reddit",
    "mastodon",
    "instagram",
    "e-mail",
    "email",
)
SHARE_BAR_MIN_NETWORKS = 3
_GLUED_SHARE_LABEL = re.compile(
    r"(?i:facebook|twitter|whatsapp|linkedin|pinterest|telegram|messenger|bluesky|flipboard|"
    r"reddit|mastodon|instagram|e-?mail)(?=[A-Z])"
)
#: Characters of scripts written without spaces between words (Japanese, Chinese).
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")
_IDEOGRAPH = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


@dataclass(frozen=True)
class TextRules:
    """What the text extractor needs from the site's settings."""

    chrome: ChromePatterns
    sections: tuple[str, ...] = ()
    timezone: str = "Europe/Paris"
    #: The lines the other pages of the batch print too (see chronique.ingest.repeats).
    repeated_lines: RepeatedLines = field(default_factory=RepeatedLines)
    #: Short lines already classified under these rules (see classify_line).
    seen_lines: dict[str, Line] = field(default_factory=dict, compare=False, repr=False)


class Line(NamedTuple):
    """One line of a page and what it is. A named tuple rather than a frozen dataclass:
    one is made for every new line of every page, at a third of the cost."""

    text: str
    kind: Kind
    dates: tuple[DateStatement, ...] = ()
    authors: tuple[str, ...] = ()
    parts: tuple[str, ...] = ()  # breadcrumb parts

    @property
    def words(self) -> int:
        return count_words(self.text)


@dataclass(frozen=True)
class Header:
    title: str
    subtitle: str | None
    section: str | None
    section_hint: str | None
    dek: str | None


# --------------------------------------------------------------------------- lines


def split_blocks(text: str) -> list[list[str]]:
    """The page's blocks (blank lines between them: a browser copies the page's boxes so)
    and their non-empty lines, hard-wrapped prose joined back into one line per paragraph."""
    blocks: list[list[str]] = []
    for block in re.split(r"\n[ \t\u00a0]*\n", text):
        joined: list[str] = []
        for raw in block.split("\n"):
            line = _SPACES.sub(" ", raw).strip() if "  " in raw or "\t" in raw else raw.strip()
            if line and joined and _continues(joined[-1], line):
                joined[-1] = f"{joined[-1]} {line}"
            elif line:
                joined.append(line)
        if joined:
            blocks.append(joined)
    return blocks


def _continues(previous: str, line: str) -> bool:
    """A hard-wrapped paragraph: a long line that stops mid-sentence, then a lowercase start
    that is not a byline or date line of its own ('par X', 'publié le …', 'by NAME Apr. 28…'),
    and not under one (a date line, then a share bar's labels: 'cancel email link share')."""
    return (
        len(previous) >= 40
        and not _ends(_ENDS_PARAGRAPH, previous)
        and line[0].islower()
        and not (len(line) <= BYLINE_LINE_MAX_CHARS and _BYLINE_START.match(line))
        and _meta_line(line, "UTC") is None
        and _meta_line(previous, "UTC") is None
    )


def classify_line(text: str, rules: TextRules) -> Line:
    """What one line is, judged on its own.

    Short lines are remembered: a batch holds many pages of the same sites, whose menus,
    labels, section names and footers come back on every page. (Lines are immutable, so
    pages can share them.)
    """
    if len(text) > SEEN_LINE_MAX_CHARS:
        return _classify(text, rules)
    seen = rules.seen_lines
    line = seen.get(text)
    if line is None:
        if len(seen) >= SEEN_LINES_MAX:
            seen.clear()
        line = seen[text] = _classify(text, rules)
    return line


def _classify(text: str, rules: TextRules) -> Line:
    if is_consent_notice(text):
        return Line(text, Kind.CHROME)
    if len(text) > MAX_CHROME_CHARS and text.count(" ") >= CAPTION_MAX_WORDS:
        return Line(text, _shape(text))  # too long for chrome, a meta line or a caption
    if rules.chrome.is_paywall(text):
        return Line(text, Kind.PAYWALL)
    chrome = rules.chrome.classify(text)
    if chrome is not None:
        return Line(text, Kind.END if chrome == "end" else Kind.CHROME)
    meta = _meta_line(text, rules.timezone)
    if meta is not None:
        return meta
    if _TIMESTAMP.fullmatch(text):
        return Line(text, Kind.TIMESTAMP)
    if _is_caption(text):
        return Line(text, Kind.CAPTION)
    crumbs = _breadcrumb_parts(text)
    if crumbs:
        return Line(text, Kind.BREADCRUMB, parts=crumbs)
    return Line(text, _shape(text))


def _ends(pattern: re.Pattern[str], text: str) -> bool:
    """Whether *pattern* (anchored at the end) matches at the end of *text*."""
    return pattern.search(text, max(0, len(text) - _TAIL_CHARS)) is not None


def _is_caption(text: str) -> bool:
    if text.count(" ") >= CAPTION_MAX_WORDS:
        return False
    lowered = text.casefold()
    return bool(
        _CAPTION_START.match(lowered)
        or any(mark in lowered for mark in _CAPTION_MARKS)  # str.find: faster than a regex
        or _CAPTION_END.search(lowered[-80:])
        or _has_credit_tail(text)
        or (text[-1:] in ")）" and _CREDIT_PARENTHESIS.search(text[-80:]) is not None)
        or ("＝" in text and _JAPANESE_CREDIT.search(text) is not None)
        or _TOGGLE_TAIL.search(text[-12:])
    )


def _has_credit_tail(text: str) -> bool:
    """'… on Thursday. Courtesy John Lamb': a credit after the caption's sentence (not after a
    title abbreviated before a name: '… Attacks on Trans Rep. Zooey Zephyr'), or glued to its
    words ('… Eckpunkte des Gesetzes Foto: Felix Zahn/imago', '… broke out.Credit: NAME')."""
    tail = text[-60:]
    match = _CREDIT_TAIL.search(tail)
    if match is not None and _TITLE_ABBREVIATION.search(tail, 0, match.start()) is None:
        return True
    start = max(0, len(text) - GLUED_CREDIT_CHARS)
    if not any(mark in text[start:] for mark in _CREDIT_GLUE):  # str.find: cheaper than a regex
        return False
    glued = _GLUED_CREDIT.search(text, start)
    return glued is not None and glued.start() > 0


@lru_cache(maxsize=4096)  # the title, menu and header readers count a page's lines again
def count_words(text: str) -> int:
    """Words between spaces; in scripts written without spaces, about two characters a word."""
    spaced = len(text.split())
    return spaced if text.isascii() else spaced + len(_UNSPACED.findall(text)) // 2


def _shape(text: str) -> Kind:
    words = count_words(text)
    if words >= PROSE_MIN_WORDS:
        return Kind.PROSE
    if text.endswith(".") and _is_titled_initialism_end(text):
        return Kind.HEADLINE
    if _ends(_ENDS_STATEMENT, text) and words >= 12:
        return Kind.PROSE
    if _ends(_ENDS_SENTENCE, text):
        return Kind.PROSE if words >= 25 else Kind.SENTENCE
    return Kind.HEADLINE


def _is_titled_initialism_end(text: str) -> bool:
    """Whether a line in title case ends in an initialism ('Havoc on What’s Underneath
    N.Y.C.'): a headline's last word, not a sentence's full stop."""
    if _ENDING_INITIALISM.search(text[-_TAIL_CHARS:]) is None:
        return False
    words = _LONG_WORD.findall(_ENDING_INITIALISM.sub("", text))
    capitalised = sum(w[0].isupper() for w in words)
    return len(words) >= TITLE_CASE_MIN_WORDS and capitalised >= TITLE_CASE_SHARE * len(words)


def _breadcrumb_parts(text: str) -> tuple[str, ...]:
    if len(text) > BREADCRUMB_MAX_CHARS or _is_code(text):  # '$ echo 'x' > file', 'a / b_c'
        return ()
    parts = _BREADCRUMB_SEPARATOR.split(text)
    if len(parts) == 1 and _HOME_LABEL.match(text):
        return _unseparated_levels(text)
    if len(parts) < 2 or any(not p or len(p.split()) > 4 for p in parts):
        return ()
    return tuple(parts)


def _unseparated_levels(text: str) -> tuple[str, ...]:
    """'Accueil Économie Conjoncture', 'HomeSportLeichtathletik': a breadcrumb copied
    without its separators, split before each capital (a lowercase word stays with its level:
    'Faits divers')."""
    parts = _LEVEL_START.split(text)
    if not 2 <= len(parts) <= BREADCRUMB_MAX_LEVELS or any(len(p.split()) > 3 for p in parts):
        return ()
    return tuple(parts)


def _meta_line(text: str, tz_name: str) -> Line | None:
    """A line made of date statements and bylines (plus short credits), or None."""
    if len(text) > META_MAX_CHARS or text.count(" ") >= META_MAX_WORDS:
        return None
    has_separator = any(mark in text for mark in _SEPARATOR_MARKS)
    segments = join_clock_segments(_META_SEPARATOR.split(text)) if has_separator else [text]
    starts = any(META_START.match(fold(segment[:META_START_CHARS])) for segment in segments)
    # 'Reuters November 18, 2019 11:03 PM', 'Tobias Mühlbauer24.04.2024, 19:35 Uhr'
    if not (starts or ends_with_date(text) or has_year(text)):
        return None
    dates: list[DateStatement] = []
    authors: list[str] = []
    for segment in segments:
        for statement_text in _statement_parts(segment):
            statement = read_date_statement(statement_text.strip(" ,"), tz_name)
            if statement is not None:
                dates.append(statement)
                continue
            signed = _signed_date(statement_text, tz_name)
            if signed is not None:
                authors.extend(signed[0])
                dates.append(signed[1])
                continue
            embedded = _embedded_date(statement_text, tz_name)
            if embedded is not None:
                authors.extend(embedded[0])
                dates.append(embedded[1])
                continue
            names = read_byline(statement_text)
            if names:
                authors.extend(names)
            elif not _is_credit(statement_text):
                return None
    if not (dates or authors):
        return None
    kind = Kind.END if dates and _FILED_UNDER.search(fold(text)) else Kind.META
    return Line(text, kind, dates=tuple(dates), authors=tuple(authors))


def _statement_parts(segment: str) -> list[str]:
    """A segment's date statements and the byline after a date ('Publié le 27 septembre 2024
    par Marc Delpech' -> ['Publié le 27 septembre 2024', 'par Marc Delpech'])."""
    return [part for text in split_statements(segment) for part in _BYLINE_AFTER.split(text)]


def _signed_date(segment: str, tz_name: str) -> tuple[tuple[str, ...], DateStatement] | None:
    """'By NAME November 19, 2019, 07:47 PM EST' -> ((NAME,), statement); 'Reuters November 18,
    2019 11:03 PM' -> ((), statement): a byline or a name-like credit, then a date."""
    found = read_trailing_date(segment, tz_name)
    if found is None:
        return None
    before, statement = found
    names = read_byline(before)
    if names or _looks_like_name(before) or _is_signed_credit(before):
        return names, statement
    return None


#: A date set among other words of a meta segment has at most this many on either side.
EMBEDDED_DATE_MAX_WORDS = 4
#: A name or a paper's name in a script without spaces, signed right before its date.
UNSPACED_SIGNATURE_CHARS = 8


def _embedded_date(segment: str, tz_name: str) -> tuple[tuple[str, ...], DateStatement] | None:
    """A date among a byline or credit and a label ('Tobias Mühlbauer24.04.2024, 19:35 Uhr',
    'Von dpa 30.04.2024, 18:58', '28.4.2023 18:41 Uhr teilen', '渡辺洋介2025年1月13日 21時37分'):
    (names, statement), or None when the words around the date make a sentence."""
    found = read_embedded_date(segment, tz_name)
    if found is None:
        return None
    after = found.after
    if after and not (_is_short_label(after) or _is_label_list(after) or _FILED_UNDER.match(after)):
        return None
    names = read_byline(found.before)
    if names or not found.before or _is_signature(found.before):
        return names, found.statement
    if _is_credit(found.before) and _CLOCK_TIME.search(found.statement.text):
        return (), found.statement  # 'dpaMM-Redaktion Palma, Mallorca15.04.25 09:56': a stamp
    return None


#: A blog's post line goes on with the post's categories and the theme's notes after its
#: byline and date ('Von NAME am 21/02/2021. Abgelegt unter Israel. Sie können alle Antworten
#: …'): the foot of the post, under its text (folded text, from the date's end).
_FILED_UNDER = re.compile(
    r"\.\s+(?:filed under|posted in|abgelegt unter|veroffentlicht in|classe dans|publie dans|"
    r"archive dans|archivado en|publicado en|archiviato in|pubblicato in|arquivado em|"
    r"publicado em|geplaatst in|gearchiveerd onder)\b"
)
#: A clock in a date statement's words ('09:56', '19h35'): the date is a timestamp.
_CLOCK_TIME = re.compile(r"(?<!\d)\d{1,2}[:h]\d{2}(?!\d)")


def _is_short_label(words: str) -> bool:
    """A credit, a place or a button's label after a date: a few words, not a sentence."""
    return len(words.split()) <= EMBEDDED_DATE_MAX_WORDS and not _ends(_ENDS_SENTENCE, words)


#: A blog's meta line may list its categories after the date ('27/09/2018 Comente! Música,
#: Brinquedos e Brincadeiras, Atividades'): labels of a few words each, between commas.
LABEL_LIST_MIN_ITEMS = 3
LABEL_LIST_ITEM_MAX_WORDS = 3


def _is_label_list(words: str) -> bool:
    """A list of short labels between commas, not a sentence ('tony carter all, books, kit
    reviews, news'; not 'paris, lyon and lille saw protests on saturday')."""
    items = [item.split() for item in words.split(",")]
    return (
        len(items) >= LABEL_LIST_MIN_ITEMS
        and all(1 <= len(item) <= LABEL_LIST_ITEM_MAX_WORDS for item in items)
        and not _ends(_ENDS_SENTENCE, words)
    )


def _is_signature(words: str) -> bool:
    """What may sign a date: names and places ('Tobias Mühlbauer', 'Von NAME, Lille'), a name
    written without spaces ('渡辺洋介'). Not a quote's attribution ('— NAME (@handle)')."""
    if _UNSPACED.fullmatch(words[:1]) and len(words) <= UNSPACED_SIGNATURE_CHARS:
        return all(_UNSPACED.fullmatch(c) for c in words)
    if _is_signed_credit(words):
        return True
    return all(_looks_like_name(part) for part in words.rstrip(",").split(","))


def _is_signed_credit(words: str) -> bool:
    """'Von dpa', 'von Landesspiegel', 'By AFP': a byline's opening word, then a name or a
    credit too short for a sentence (an agency or a paper is often not a person's name)."""
    return _SIGNED_CREDIT.fullmatch(words) is not None and not _ends(_ENDS_SENTENCE, words)


def _is_credit(segment: str) -> bool:
    """A short label beside a date ('AFP', 'Le Quotidien avec AFP'): not a sentence."""
    return len(segment.split()) <= 4 and not _ends(_ENDS_SENTENCE, segment)


def read_byline(text: str) -> tuple[str, ...]:
    """'Par Claire Martin et Paul Durand, envoyés spéciaux' -> ('Claire Martin', 'Paul Durand')."""
    match = _BYLINE.fullmatch(text.strip())
    if not match:
        return ()
    names: list[str] = []
    for part in _NAME_SPLIT.split(_PARENTHESES.sub("", match["names"])):
        if not _looks_like_name(part):
            break
        names.append(part.strip())
    return tuple(names)


def _looks_like_name(part: str) -> bool:
    words = part.split()
    return (
        1 <= len(words) <= 5
        and words[0][:1].isupper()
        and all(_NAME_WORD.fullmatch(w) for w in words)
    )


# ------------------------------------------------------------------------ structure


class Quality(Enum):
    """jusText's paragraph classes: what a line's own features, then its neighbours, say."""

    GOOD = "good"
    NEAR_GOOD = "near-good"
    SHORT = "short"
    BAD = "bad"


#: jusText's thresholds: length in characters, share of function words among the words.
LENGTH_LOW = 70
LENGTH_HIGH = 200
STOPWORDS_LOW = 0.30
STOPWORDS_HIGH = 0.32
#: Near-good paragraphs in a row, this many and this long together, are good text.
PROSE_RUN_MIN_LINES = 3
PROSE_RUN_MIN_CHARS = 2 * LENGTH_HIGH
#: A long paragraph that ends like one needs only this share to stand beside good text.
PROSE_STOPWORDS_LOW = 0.15
#: A character of a script written without spaces (Japanese, Chinese) carries about as much
#: as a word of three letters: its lines are measured at this many characters per character.
UNSPACED_WEIGHT = 3
#: A page's prose has at least this share of its language's function words (a quarter or
#: more in every language with a list); a lower share means the language was
#: guessed from a few borrowed words, and sentence punctuation is the better evidence.
MIN_STOPWORD_SHARE = 0.15
#: A page is written without spaces when this share of its letters are CJK characters.
UNSPACED_SHARE = 0.3
#: What the article text may skip between two paragraphs: a 'read also' card, a photo
#: and its caption, a share bar. Content lines (headlines, stray sentences) count one,
#: an end-of-article marker three; chrome, captions, dates and times count nothing.
MAX_GAP_COST = 3
MAX_GAP_LINES = 15
END_MARKER_COST = 3
#: A box of headlines inside the article is at most this many lines.
MAX_CARD_LINES = 8
#: The text goes on across a longer gap of at most this many lines when the paragraphs
#: after it (the first few) tell the same story: this many of their content words, and
#: this share of them, occur in the text before the gap.
MAX_STORY_GAP_LINES = 20
SAME_STORY_MIN_WORDS = 3
SAME_STORY_SHARE = 0.2
SAME_STORY_LINES = 3
#: Across a block of lines set inside the text (code, a table, a chart), which has none of
#: the chrome that ends an article, the same story goes on across this many lines.
MAX_BLOCK_GAP_LINES = 150
#: Such a block: this share of its lines are code, table rows or figures (see _is_data_line).
BLOCK_DATA_SHARE = 0.5
#: A widget set inside the text (a video player's menus): this share of its lines are labels.
CONTROLS_LABEL_SHARE = 0.9
DATA_DIGIT_SHARE = 0.5
#: A count in parentheses ('October 2020 (227)', an archive's menu) is no code.
_COUNT = re.compile(r"\(\d[\d,.]*\)")
_DIGIT = re.compile(r"\d")
_NUMBER = re.compile(r"\d+")
#: A table's row: cells, the last two figures ('Herbert Dürr 63 16.6%'; not an address's
#: 'Huyssenallee 11').
_TABLE_ROW = re.compile(r"\S\s+[-+]?\d[\d.,]*%?\s+[-+]?\d[\d.,]*\s*%?$")
_CODE_MARK = re.compile(r"[(){}\[\]<>=;│─┼|_#$`\\]")
#: What only code writes: a call ('fetch(', 'log('), a statement's end or a block's brace at
#: the end ('…;', '{') or a closing one at the start, an assignment or a comparison between
#: spaces, a comment or a shell prompt at the start, a member or a name joined by an
#: underscore ('res.status(', 'series_mean').
_CODE_SYNTAX = re.compile(
    r"[a-z0-9_]\(|[;{]\s*$|^[}\])]|\s(?:[=!<>+*/-]?=|=>|&&|\|\|)\s|^(?://|/\*|\$ )"
    r"|\b[a-z]\w*\.[a-z]\w*\(|\b[a-z]+_[a-z_]+\b"
)
#: A run of text at the article's end across a box, this share of the text or less, is the
#: article's only when it shares words with the text above it (see _without_stray_tail).
STRAY_TAIL_SHARE = 0.2
#: A list in the text: at least this many headline-shaped lines under a sentence of at least
#: this many words that ends with a colon.
LIST_MIN_ITEMS = 2
LIST_INTRO_MIN_WORDS = 5
#: Between two paragraphs of the text a shorter sentence introduces a list ('What you'll
#: need:'): the text going on under the list says the list is its own.
INNER_LIST_INTRO_MIN_WORDS = 3
#: How such a sentence ends: a colon, or a full stop after 'as follows' ('各地の震度は次のとおり。').
_INTRODUCES_LIST = re.compile(
    r"(?:[:：]|\b(?:as follows|comme suit|wie folgt)\.|(?:次の|以下の)(?:とおり|通り)[。.]?)$"
)
#: An author's bio closes the article only past this share of its text.
BIO_AFTER_TEXT_SHARE = 0.5
#: The bio says what its subject is within this many words.
BIO_ROLE_WORDS = 20
_CAPITALISED = r"[A-ZÀ-ÖØ-Þ][\w’'.-]+"
_ABOUT_HEADING = re.compile(
    r"(?:About|Sobre|Acerca de|À propos de|A propos de|Über)\s+"
    rf"(?:the author|l[’']auteur|den Autor|die Autorin|o autor|el autor|{_CAPITALISED}"
    rf"(?:\s+{_CAPITALISED}){{0,2}})"
)
#: A name (a few words of description may come first), perhaps a handle, then 'is a'.
_BIO_OPENING = re.compile(
    rf"(?:[\w’'-]+\s+){{0,4}}?{_CAPITALISED}(?:\s+{_CAPITALISED}){{1,2}}(?:\s*\(@\w+\))?,?\s+"
    r"(?:is|was|writes|covers|est|ist|war|es|é)\s"
)
_BIO_ROLE = re.compile(
    r"\b(?:writer|editor|reporter|journalist|correspondent|columnist|contributor|author|"
    r"blogger|critic|photographer|educator|journaliste|rédact(?:eur|rice)|correspondante?|"
    r"chroniqueu(?:r|se)|auteur|autrice|éditorialiste|journalist(?:in)?|redakteur(?:in)?|"
    r"korrespondent(?:in)?|autor(?:in|a)?|reporter(?:in)?|kolumnist(?:in)?|periodista|"
    r"redactora?|corresponsal|columnista|jornalista|escritora?)\b",
    re.IGNORECASE,
)
#: Teasers of other articles after the text: this many paragraphs in a row, each this short.
TEASER_TAIL_MIN = 2
TEASER_ENTRY_MAX_CHARS = 300
#: The headers of comments ('Philipp sagt:'): at least this many on a page, each this short.
COMMENT_HEADERS_MIN = 2
COMMENT_HEADER_MAX_CHARS = 120
COMMENT_VERB_CHARS = 16
_COMMENT_VERB = re.compile(
    r"\b(?:says|said|wrote|writes|a dit|a écrit|écrit|sagt|schreibt|schrieb|dice|escribió|"
    r"disse|scrive|zegt|skriver)\s?:$",
    re.IGNORECASE,
)
#: A comment's header dated by a count back from the reader's present ('GuterMensch vor 3
#: Stunden', 'Jean-Pierre il y a 2 heures', 'Ed R. · 3 hours ago'): a name of a few words,
#: then the count. It is only evidence of comments, never a date of the article.
COMMENT_NAME_MAX_WORDS = 3
_TIME_UNIT = (
    r"(?:sekunden?|minuten?|stunden?|tag(?:en)?|wochen?|monat(?:en)?|jahr(?:en)?|"
    r"secondes?|minutes?|heures?|jours?|semaines?|mois|ans?|années?|"
    r"seconds?|mins?|hours?|hrs?|days?|weeks?|months?|years?)"
)
_COUNTED_BACK = (
    rf"(?:(?:vor|il y a)\s+(?:\d+|einer?|einem|une?)\s+{_TIME_UNIT}"
    rf"|(?:\d+|an?|one)\s+{_TIME_UNIT}\s+ago)"
)
_NAME_COUNTED_BACK = re.compile(rf"(?P<name>\S.*?)\s*[,·•|–-]?\s+{_COUNTED_BACK}", re.IGNORECASE)
_HAS_COUNT_BACK = re.compile(_COUNTED_BACK, re.IGNORECASE)
#: A sentence printed twice on a page is chrome when it is this short (a paragraph repeated
#: whole is rather a quoted passage, or the page printed twice).
REPEATED_MAX_CHARS = 200
#: A short line printed this many times on a page is a label of its slots (an ad's or an
#: embed's placeholder), not a subheading of its text.
REPEATED_LABEL_MIN = 3
#: A box printed twice on a page: at least this many lines alike, in the same order.
REPEATED_BOX_LINES = 3
#: Paragraphs in a row that other pages of the batch print too: the same story, not chrome.
SHARED_STORY_MIN_PARAGRAPHS = 2
#: A run of text found after the article's end (comments, other articles) counts this much.
AFTER_END_WEIGHT = 0.25
#: An end marker closes a run of text up to this many times as long as the text above it.
END_CLOSES_RUNS_UP_TO = 3
#: A run of text right under a byline or date line (an article's header) counts this much more.
HEADED_WEIGHT = 2.0
#: A run of paragraphs each under its own heading (a directory of the publisher's sites,
#: teasers of other articles) counts this much: at least this many paragraphs, this share
#: right under a heading (a headline, or a name up to this long), and either no longer
#: than a teaser on average or each alone between its heading and the next.
TEASER_LIST_WEIGHT = 0.25
TEASER_LIST_MIN = 4
TEASER_LIST_SHARE = 0.8
ENTRY_HEADING_MAX_CHARS = 40
HEADER_LINES = 10
#: A table of contents: a run of at least this many short lines, this share of which come
#: back further down, in the same order, each as the heading of a section with text under
#: it. Across one the article goes on however long it runs (see _runs).
CONTENTS_MIN_ENTRIES = 3
CONTENTS_SHARE = 0.5
CONTENTS_ENTRY_MAX_CHARS = 120
#: What numbers an entry or points to its page ('3.7.1 ', '12. ', leader dots and a page
#: number), and what a heading adds to it ('[edit]', a pilcrow): neither tells them apart.
_SECTION_NUMBER = re.compile(r"\d+(?:\.\d+)*\.?\s+")
_ENTRY_TAIL = re.compile(r"(?:\s*\.{3,}\s*\d*|\s*\[[^\]]{1,20}\]|\s*¶)+$")
#: Comments are dated one after another: this many relative dates under some text.
COMMENT_DATES_MIN = 2
#: How many lines above the article text a headline is looked for as the title, and how many
#: for another short line when there is no headline (a long subscription box can stand between
#: the title and the text).
TITLE_WINDOW_LINES = 60
TITLE_FALLBACK_LINES = 30
#: A short headline (subtitle) stands among this many lines above the title.
SHORT_HEADLINE_LINES = 30
SHORT_HEADLINE_SHARED = 0.5
SHORT_HEADLINE_MIN_SHARED = 3
#: Past this many headline-shaped lines between a line and the text, distance counts no more.
TITLE_RANK_CAP = 8
#: A kicker (the story's topic set above its headline: 'Eskalation im Nahen Osten') has at
#: most this many words: the headline under it is not its dek.
KICKER_MAX_WORDS = 5
#: Two labels glued without a space ('SeguridadLa Nacion') once may be a name ('iPhone'),
#: twice they are a menu.
GLUED_LABELS_MIN = 2
NO_FUNCTION_WORDS_MIN = 5
#: A title's byline and date line stand within this many lines under it.
META_NEAR_TITLE_LINES = 3
#: A section label stands among the few lines above the title.
SECTION_LABEL_LINES = 6
SECTION_LABEL_MAX_CHARS = 30
#: Date and byline lines are read from this many lines above the title to the text's end.
META_LINES_ABOVE_TITLE = 40
#: A page of headlines: this many headline-shaped lines outside an article shorter than this.
LISTING_MIN_HEADLINES = 8
LISTING_MAX_TEXT_CHARS = 300
#: A paywalled teaser: fewer words than this above a subscription notice.
TEASER_MAX_WORDS = 250
TEASER_NOTICE_LINES = 8
_TWIN_WORD = re.compile(r"\w+")
#: A kicker set before its headline on one line: 'Neue Leipziger Schule: Judy Lybke, …'.
_KICKER_SPLIT = re.compile(r"(?P<kicker>[^:–—]+?)(?::| [–—-]) (?P<headline>.+)")
#: The URL names a headline when it holds this share of the headline's content words.
SLUG_NAMES_HEADLINE = 0.5
_LONE_SEPARATORS = frozenset({":", "-", "–", "—", "|"})
_TWIN_MARK = re.compile(r"[:|–—-]")
#: A sentence's end inside a line: a full stop, question or exclamation mark before a
#: capitalised word ('… an. Aber …'; not '3.5', 'U.S. troops').
_SENTENCE_BREAK = re.compile(r"(?<=[^\W\d_]{2})[.!?…]\s+(?=[A-ZÀ-ÖØ-Þ])")
#: This many sentence breaks inside a line make it a dek or a lead, not a headline.
SENTENCE_BREAKS_MIN = 2
_UNSPACED_STOP = re.compile(r"[。．！？!?]")
_LETTER = re.compile(r"[^\W\d_]")


@dataclass(frozen=True)
class PageReader:
    """How one page's lines are measured: its function words, or CJK characters."""

    stopwords: frozenset[str]
    unspaced: bool
    #: The words of the page's paragraphs, read once: for its language, then for each
    #: paragraph's share of function words.
    words: dict[str, list[str]] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def of(cls, lines: Sequence[Line]) -> PageReader:
        texts = [ln.text for ln in lines if ln.kind == Kind.PROSE] or [ln.text for ln in lines]
        head = " ".join(texts)[:5000]
        unspaced = _UNSPACED.search(head) is not None and (
            len(_UNSPACED.findall(head)) / (len(_LETTER.findall(head)) or 1) >= UNSPACED_SHARE
        )
        if unspaced:
            return cls(frozenset(), unspaced)
        words = {text: words_of(text) for text in texts}
        return cls(_function_words(_sample_words(texts, words)), unspaced, words)

    def length(self, text: str) -> int:
        return len(text) * UNSPACED_WEIGHT if self.unspaced else len(text)

    def story_words(self, text: str) -> set[str]:
        """What tells two passages of a story apart from others: crude stems of the content
        words, or in a script without spaces its pairs of ideographs."""
        if not self.unspaced:
            return _content_words(text)
        return {
            text[i : i + 2]
            for i in range(len(text) - 1)
            if _IDEOGRAPH.match(text[i]) and _IDEOGRAPH.match(text[i + 1])
        }

    def density(self, text: str) -> float:
        """Share of function words; without a word list, whether the line has sentences."""
        if self.stopwords:
            words = self.words.get(text) or words_of(text)
            return sum(w in self.stopwords for w in words) / len(words) if words else 0.0
        has_sentence = (
            _UNSPACED_STOP.search(text) if self.unspaced else _ends(_ENDS_PARAGRAPH, text)
        )
        return STOPWORDS_HIGH if has_sentence else 0.0


def _sample_words(texts: Sequence[str], words: dict[str, list[str]]) -> list[str]:
    """``words_of(" ".join(texts)[:LANGUAGE_SAMPLE_CHARS])``, from each text's *words* (no word
    spans the space between two texts)."""
    sample: list[str] = []
    room = LANGUAGE_SAMPLE_CHARS
    for text in texts:
        if room <= 0:
            break
        sample += words[text] if len(text) <= room else words_of(text[:room])
        room -= len(text) + 1
    return sample


def _function_words(words: Sequence[str]) -> frozenset[str]:
    """The function words of the language of *words*, when they are a fair share of them:
    a language guessed from a few borrowed words (names, 'Home Affairs' in a Zulu page)
    is not the page's."""
    language = page_language(words)
    stopwords = stoplist(language) if language else frozenset()
    if sum(w in stopwords for w in words) < MIN_STOPWORD_SHARE * len(words):
        return frozenset()
    return stopwords


def extract_text_page(text: str, rules: TextRules, source_url: str | None = None) -> ExtractedPage:
    """Find title, section, date, standfirst and body in a page copied as plain text
    (*source_url*, when known, is evidence for the title: its slug names the story).

    A page with two articles gives the one whose text is longest, up to the next headline
    that has its own date or byline line; a live blog gives its entries (times kept).
    """
    blocks = split_blocks(text)
    lines = [classify_line(t, rules) for block in blocks for t in block]
    block_of = [number for number, block in enumerate(blocks) for _ in block]
    kept = _without_repeated_sentences(lines)
    if len(kept) < len(lines):
        lines, block_of = [lines[i] for i in kept], [block_of[i] for i in kept]
    lines = _comment_headers_closing(lines)
    # The article is looked for past the headlines and blurbs of the boxes printed again and
    # again (their date lines still part articles); the title and the header are read on
    # the page as it stands.
    repeated = _in_repeated_boxes(lines)
    unslotted = [
        Line(ln.text, Kind.CHROME) if i in repeated and ln.kind in CONTENT_KINDS else ln
        for i, ln in enumerate(lines)
    ]
    reader = PageReader.of(unslotted)
    initial = initial_qualities(unslotted, reader)
    qualities = revise(initial, unslotted)
    if not any(_is_text(ln, q) for ln, q in zip(unslotted, qualities, strict=True)):
        qualities = _short_page_qualities(unslotted, initial)
    slug = slug_stems(source_url)
    outline = Outline.of(lines)
    start, stop = _article_span(unslotted, qualities, reader, slug, outline.contents.lines)
    stop = _through_closing_list(lines, stop)
    article = lines[start:stop]
    subject = Subject(article)
    title_at = _title_index(lines, start, subject, reader, slug, outline)
    if title_at == start:  # a headline that ends like a question, read as the text's start
        start += 1
        article = lines[start:stop]
    header = read_header(
        lines, title_at, start, rules.sections, subject, block_of, reader.stopwords, outline, slug
    )
    right_under_title = all(ln.kind == Kind.CHROME for ln in lines[title_at + 1 : start])
    standfirst, body_blocks, paragraphs = _body(
        article,
        qualities[start:stop],
        header.dek,
        right_under_title,
        block_of[start:stop],
        _slot_labels(lines) | _batch_chrome(lines, rules.repeated_lines),
    )
    if not paragraphs:
        raise IngestFailure("title only: no article text under the headline")
    meta_from = max(0, title_at - META_LINES_ABOVE_TITLE)
    meta_lines = lines[meta_from:stop]
    dates = _dates(
        lines[meta_from : stop + DATE_LINES_AFTER_TEXT],
        title_at - meta_from,
        (start - meta_from, stop - meta_from),
        _own_card_date(lines, title_at, stop, rules.timezone),
        _foot_date(lines, start),
    )
    authors = tuple(dict.fromkeys(a for ln in meta_lines for a in ln.authors))
    return ExtractedPage(
        title=header.title,
        subtitle=header.subtitle,
        section=header.section,
        section_hint=header.section_hint,
        standfirst=standfirst,
        body=join_blocks(body_blocks),
        paragraphs=tuple(paragraphs),
        published=dates.published,
        modified=dates.modified,
        date_note=dates.note,
        relative_date=dates.relative,
        authors=authors,
    )


# ---------------------------------------------------------------- jusText classes


def _comment_headers_closing(lines: list[Line]) -> list[Line]:
    """The lines with the headers of comments closing the article: 'Philipp sagt:', 'Ed Rybicki
    says:', 'Catherine on September 13, 2018 at 5:23 pm said:' — a name (and a date), then
    the verb; or a name and a count back ('GuterMensch vor 3 Stunden'). One such line may
    introduce a quote; several make a comment section."""
    headers = [i for i, ln in enumerate(lines) if _is_comment_header(ln.text)]
    if len(headers) < COMMENT_HEADERS_MIN:
        return lines
    closing = list(lines)
    for index in headers:
        closing[index] = Line(lines[index].text, Kind.END)
    return closing


@lru_cache(maxsize=4096)  # every line of every page is asked: a site's chrome comes back
def _is_comment_header(text: str) -> bool:
    if len(text) > COMMENT_HEADER_MAX_CHARS:
        return False
    if text.endswith(":"):
        return _COMMENT_VERB.search(text[-COMMENT_VERB_CHARS:]) is not None
    return _is_name_counted_back(text)


def _is_name_counted_back(text: str) -> bool:
    """'GuterMensch vor 3 Stunden', 'Jean-Pierre il y a 2 heures', 'Ed R. · 3 hours ago': a
    name, not a date keyword ('Aktualisiert vor 9 Stunden', 'Publié il y a 2 heures') nor
    another count back, then a count back to the time of writing."""
    match = _NAME_COUNTED_BACK.fullmatch(text)
    if match is None:
        return False
    name = match.group("name")
    keyword = DATE_PREFIX.match(name)
    return (
        len(name.split()) <= COMMENT_NAME_MAX_WORDS
        and not (keyword and (keyword.group("modified") or keyword.group("published")))
        and _HAS_COUNT_BACK.search(name) is None
    )


def _without_repeated_sentences(lines: Sequence[Line]) -> list[int]:
    """Indices of the lines but the short sentences printed more than once on the page: a
    placeholder under each ad slot ('This advertisement has not loaded yet, but your article
    continues below.'), a button's tooltip, a subscription box shown twice. An article does not
    repeat its sentences (a pull quote that repeats one goes with it: a small loss)."""
    counts = Counter(
        ln.text
        for ln in lines
        if ln.kind in TEXT_KINDS
        and len(ln.text) <= REPEATED_MAX_CHARS
        and _ends(_ENDS_STATEMENT, ln.text)
    )
    repeated = {text for text, count in counts.items() if count > 1}
    return [i for i, ln in enumerate(lines) if ln.text not in repeated]


def _in_repeated_boxes(lines: Sequence[Line]) -> set[int]:
    """Positions of the lines of the boxes that the page prints again with paragraphs in
    between: the same REPEATED_BOX_LINES lines or more, in the same order, worded (a 'most
    popular' box set between the article's paragraphs at every screen, a menu printed again
    in the footer). A chart drawn twice in a row (for wide and narrow screens) is the
    article's, and so are code, tables and figures that come back (see _is_data_line)."""
    size = REPEATED_BOX_LINES
    prose_before = [0]
    for line in lines:
        prose_before.append(prose_before[-1] + (line.kind == Kind.PROSE))
    printed = Counter(ln.text for ln in lines)
    starts: dict[tuple[str, ...], list[int]] = {}
    for i in range(len(lines) - size + 1):
        box = lines[i : i + size]
        if any(printed[ln.text] == 1 for ln in box):  # a line printed once: no box printed twice
            continue
        if any(ln.words >= HEADLINE_MIN_WORDS for ln in box) and not any(
            _is_data_line(ln.text) for ln in box
        ):
            starts.setdefault(tuple(ln.text for ln in box), []).append(i)
    repeated: set[int] = set()
    for positions in starts.values():
        if any(prose_before[b] > prose_before[a + size] for a, b in pairwise(positions)):
            for start in positions:
                repeated.update(range(start, start + size))
    return repeated


def _batch_chrome(lines: Sequence[Line], repeated: RepeatedLines) -> frozenset[str]:
    """The lines that other pages of the batch print too: a site's menus, footer,
    newsletter and paywall boxes, its 'most read' list, a box's label set between the
    article's paragraphs; with the short lines above them in their box ('Advertisement
    2'). Not the runs of them that are a story (_is_story_run), nor a paragraph of them
    right beside one of the page's own (a dispatch's background paragraph, a partner's
    credit or a standard disclaimer in the text), nor all the page's text: there is then
    nothing they tell apart."""
    if not repeated:
        return frozenset()
    marks = repeated.marks(ln.text for ln in lines)
    positions: set[int] = set()
    run: list[int] = []
    for index, mark in enumerate([*marks, False]):
        if mark is not False:  # printed elsewhere, or too short to tell: the run goes on
            run.append(index)
        elif run:
            positions.update(_site_lines_of_run(lines, marks, run))
            run = []
    if all(ln.kind not in TEXT_KINDS for i, ln in enumerate(lines) if i not in positions):
        return frozenset()
    return frozenset(lines[i].text for i in positions)


def _site_lines_of_run(
    lines: Sequence[Line], marks: Sequence[bool | None], run: Sequence[int]
) -> list[int]:
    """Positions of the site's lines in a *run* of lines printed elsewhere (marked True) or
    too short to tell (None), between two of the page's own."""
    printed = [i for i in run if marks[i]]
    if not printed or _is_story_run([lines[i] for i in printed]):
        return []
    kept = set()
    if _is_paragraph(lines, run[0] - 1) and _is_paragraph(lines, printed[0]):
        kept.add(printed[0])
    if _is_paragraph(lines, run[-1] + 1) and _is_paragraph(lines, printed[-1]):
        kept.add(printed[-1])
    site: list[int] = []
    site_below = False  # whether the next line printed elsewhere is the site's
    for index in reversed(run):
        if marks[index]:
            site_below = index not in kept
        if site_below and lines[index].kind in CONTENT_KINDS:
            site.append(index)
    return site


def _is_paragraph(lines: Sequence[Line], index: int) -> bool:
    return 0 <= index < len(lines) and lines[index].kind == Kind.PROSE


def _is_story_run(printed: Sequence[Line]) -> bool:
    """Paragraphs in a row (SHARED_STORY_MIN_PARAGRAPHS, together PROSE_RUN_MIN_CHARS) that
    other pages print too are a story, not a box: one agency dispatch printed by two sites,
    a page saved twice."""
    paragraphs = [ln.text for ln in printed if ln.kind == Kind.PROSE]
    return (
        len(paragraphs) >= SHARED_STORY_MIN_PARAGRAPHS
        and sum(map(len, paragraphs)) >= PROSE_RUN_MIN_CHARS
    )


def _slot_labels(lines: Sequence[Line]) -> frozenset[str]:
    """The short lines that the page prints again and again: the label of each ad or embed
    slot ('Article content', 'Externer Inhalt nicht verfügbar', 'REKLAM', 'View 6 Images')
    or of each card of links ('News'). A subheading is printed once."""
    counts = Counter(ln.text for ln in lines if ln.kind in (Kind.HEADLINE, Kind.SENTENCE))
    return frozenset(text for text, count in counts.items() if count >= REPEATED_LABEL_MIN)


_ALWAYS_BAD = frozenset(
    {Kind.CHROME, Kind.END, Kind.PAYWALL, Kind.CAPTION, Kind.META, Kind.BREADCRUMB}
)


def initial_qualities(lines: Sequence[Line], reader: PageReader) -> list[Quality]:
    """Each line's class from its length and its share of function words (jusText)."""
    return [_initial_quality(line, reader) for line in lines]


def _initial_quality(line: Line, reader: PageReader) -> Quality:
    if line.kind in _ALWAYS_BAD:
        return Quality.BAD
    length = reader.length(line.text)
    if line.kind == Kind.TIMESTAMP or length < LENGTH_LOW:
        return Quality.SHORT
    density = reader.density(line.text)
    if line.kind == Kind.HEADLINE:  # no sentence ends it: at best text beside text
        return Quality.NEAR_GOOD if density >= STOPWORDS_LOW else Quality.SHORT
    if density >= STOPWORDS_HIGH:
        return Quality.GOOD if length > LENGTH_HIGH else Quality.NEAR_GOOD
    if density >= STOPWORDS_LOW:
        return Quality.NEAR_GOOD
    if line.kind == Kind.PROSE and length > LENGTH_HIGH and density >= PROSE_STOPWORDS_LOW:
        return Quality.NEAR_GOOD  # a long paragraph of names and figures: text beside text
    return Quality.SHORT if _is_code(line.text) else Quality.BAD


def _is_code(text: str) -> bool:
    """Whether a line reads as code (see _CODE_SYNTAX). A line of code has few function
    words, like chrome, but stands in the text it illustrates: it takes the class of the
    lines around it, as a short line does."""
    return _CODE_SYNTAX.search(text) is not None


def revise(initial: Sequence[Quality], lines: Sequence[Line]) -> list[Quality]:
    """jusText's context-sensitive pass: short and near-good lines take their class from
    the nearest good or bad lines around them (the page's edges count as bad). Chrome
    and captions that sit inside an article ('Lire aussi', a photo credit) are looked past."""
    transparent = [ln.kind in (Kind.CHROME, Kind.CAPTION) for ln in lines]
    initial = [Quality.SHORT if skip else q for q, skip in zip(initial, transparent, strict=True)]
    initial = _promote_prose_runs(initial, lines)
    strict = Neighbours(initial, skip_near_good=True)
    loose = Neighbours(initial, skip_near_good=False)
    revised = list(initial)
    for index, quality in enumerate(initial):
        if quality == Quality.SHORT:
            revised[index] = _short_in_context(strict, loose, index)
    settled = Neighbours(revised, skip_near_good=True)
    for index, quality in enumerate(list(revised)):
        if quality == Quality.NEAR_GOOD:
            both_bad = settled.before[index] == settled.after[index] == Quality.BAD
            revised[index] = Quality.BAD if both_bad else Quality.GOOD
    return [Quality.BAD if skip else q for q, skip in zip(revised, transparent, strict=True)]


def _promote_prose_runs(qualities: Sequence[Quality], lines: Sequence[Line]) -> list[Quality]:
    """A blog's short paragraphs: several near-good paragraphs in a row, with only short
    sentences between them, are good text together, though none is long enough on its
    own (jusText would let the chrome around them decide). A headline between two ends
    the run: teasers of a list of articles alternate with their headlines."""
    promoted = list(qualities)
    run: list[int] = []
    for index, (line, quality) in enumerate([*zip(lines, qualities, strict=True), (None, None)]):
        in_text = line is not None and line.kind in TEXT_KINDS
        if in_text and quality == Quality.NEAR_GOOD:
            run.append(index)
            continue
        if in_text and quality == Quality.SHORT:
            continue
        long_enough = sum(len(lines[i].text) for i in run) >= PROSE_RUN_MIN_CHARS
        if len(run) >= PROSE_RUN_MIN_LINES and long_enough:
            for i in run:
                promoted[i] = Quality.GOOD
        run = []
    return promoted


class Neighbours:
    """For each line, the class of the nearest line before and after it that is neither
    short nor (when skipped) near-good; the page's edges count as bad."""

    def __init__(self, qualities: Sequence[Quality], skip_near_good: bool) -> None:
        skipped = (Quality.SHORT, Quality.NEAR_GOOD) if skip_near_good else (Quality.SHORT,)
        self.before = self._scan(qualities, skipped)
        self.after = self._scan(qualities[::-1], skipped)[::-1]

    @staticmethod
    def _scan(qualities: Sequence[Quality], skipped: tuple[Quality, ...]) -> list[Quality]:
        nearest, found = [], Quality.BAD
        for quality in qualities:
            nearest.append(found)
            if quality not in skipped:
                found = quality
        return nearest


def _short_in_context(strict: Neighbours, loose: Neighbours, index: int) -> Quality:
    before, after = strict.before[index], strict.after[index]
    if before == after:
        return before
    near_good_beside = (before == Quality.BAD and loose.before[index] == Quality.NEAR_GOOD) or (
        after == Quality.BAD and loose.after[index] == Quality.NEAR_GOOD
    )
    return Quality.GOOD if near_good_beside else Quality.BAD


# ------------------------------------------------------------------ article span


def _is_text(line: Line, quality: Quality) -> bool:
    """A line that anchors the article text: good, and shaped like a paragraph."""
    return quality == Quality.GOOD and line.kind in TEXT_KINDS


def _article_span(
    lines: Sequence[Line],
    qualities: list[Quality],
    reader: PageReader,
    slug: frozenset[str] = frozenset(),
    contents: frozenset[int] = frozenset(),
) -> tuple[int, int]:
    """[start, stop) of the article text: the run of good paragraphs with the most text,
    across short interruptions on either side of its densest part (*slug*: the stems of the
    source URL's words, see _refuse_listing; *contents*: the lines of its tables of
    contents, see Contents)."""
    anchors = [i for i, (ln, q) in enumerate(zip(lines, qualities, strict=True)) if _is_text(ln, q)]
    if not anchors:
        _refuse_listing(lines, reader, text_chars=0)
        if any(ln.kind == Kind.HEADLINE for ln in lines):
            raise IngestFailure("title only: no article text under the headline")
        raise IngestFailure("only page chrome: no title and no article text found")
    runs = _runs(lines, anchors, contents)
    after_text = range(anchors[0] + 1, len(lines))
    ends = [i for i in after_text if lines[i].kind == Kind.END]
    comment_dates = [i for i in after_text if _is_relative_date_line(lines[i])]
    first_comment = next((i for i in ends if _is_comment_header(lines[i].text)), len(lines))

    def closes(end: int, chars: int) -> bool:
        """Whether the end marker at *end* closes a run of *chars* below it: not when the
        run is many times the text above the marker (a 'Most Popular' box beside a gallery,
        above the article's text)."""
        above = sum(reader.length(lines[i].text) for i in anchors if i < end)
        return above * END_CLOSES_RUNS_UP_TO >= chars

    def weight(run: tuple[int, int]) -> float:
        """Its text; a quarter of it past the article's end: under an end-of-article marker,
        or among comments (dated one after another 'an hour ago', '2 days ago', before the
        run or inside it); nothing under a comment's header ('Philipp sagt:'), however long
        the comments run, when there is text above them."""
        chars = sum(reader.length(lines[i].text) for i in anchors if run[0] <= i < run[1])
        closed = any(e < run[0] and closes(e, chars) for e in ends) or (
            sum(d < run[1] for d in comment_dates) >= COMMENT_DATES_MIN
        )
        return (
            chars
            * (0.0 if run[0] > first_comment else AFTER_END_WEIGHT if closed else 1.0)
            * (HEADED_WEIGHT if _has_header(lines, anchors, run[0]) else 1.0)
            * (TEASER_LIST_WEIGHT if _is_teaser_list(lines, anchors, run, reader) else 1.0)
        )

    best = max(runs, key=weight)
    best = _without_teaser_tail(lines, [a for a in anchors if best[0] <= a < best[1]], reader)
    best = _without_stray_tail(lines, [a for a in anchors if best[0] <= a < best[1]], reader)
    best = _before_author_bio(lines, [a for a in anchors if best[0] <= a < best[1]], reader)
    best = _past_leading_labels(lines, [a for a in anchors if best[0] <= a < best[1]])
    text_chars = sum(reader.length(lines[i].text) for i in anchors if best[0] <= i < best[1])
    _refuse_teaser(lines, best)
    if not _named_by_url(lines, best[0], slug):
        _refuse_listing(lines, reader, text_chars, outside=best)
    return best


def _past_leading_labels(lines: Sequence[Line], anchors: Sequence[int]) -> tuple[int, int]:
    """The span of *anchors* past the labels that open it: a menu's labels that end with a
    colon ('Canales:', 'Servicios:'), taken in by the good text under them, do not start an
    article (a short sentence does: 'Hi everyone!')."""
    start = next((a for a in anchors if not _is_colon_label(lines[a])), anchors[0])
    return start, anchors[-1] + 1


def _is_colon_label(line: Line) -> bool:
    return line.words < HEADLINE_MIN_WORDS and line.text.endswith(":")


def _named_by_url(lines: Sequence[Line], start: int, slug: frozenset[str]) -> bool:
    """Whether a headline among the few lines above the text at *start* is the one the source
    URL names ('/news/mexico-pushes-back-steel-tariffs/'): the page is that story's, however
    short its text and many the other headlines around it (a home or section page's URL
    names no story)."""
    if not slug:
        return False
    for line in lines[max(0, start - HEADER_LINES) : start]:
        words = _content_words(line.text) if line.kind == Kind.HEADLINE else set()
        if len(words) >= SAME_STORY_MIN_WORDS and len(words & slug) >= SLUG_NAMES_HEADLINE * len(
            words
        ):
            return True
    return False


def _without_stray_tail(
    lines: Sequence[Line], anchors: Sequence[int], reader: PageReader
) -> tuple[int, int]:
    """The span of *anchors* (the article's paragraphs) without the short runs of text that
    end it across a box and tell another story: the author's bio, a newsletter's pitch, the
    site's blurb, a comment form's notice, a teaser under 'Related'. A run at the end that
    holds little of the text and shares few content words with the text above it is cut,
    then the run before it is weighed the same way; not a live blog's entry under its time.
    (Without a measure of content words — a language without a word list or spaces — the
    span stays whole.)"""
    if not (reader.stopwords or reader.unspaced):
        return anchors[0], anchors[-1] + 1
    runs = [[anchors[0]]]
    for previous, index in pairwise(anchors):
        if index == previous + 1:
            runs[-1].append(index)
        else:
            runs.append([index])
    chars = [sum(reader.length(lines[i].text) for i in run) for run in runs]
    total = sum(chars)
    while len(runs) > 1 and chars[-1] <= STRAY_TAIL_SHARE * total:
        if any(ln.kind == Kind.TIMESTAMP for ln in lines[runs[-2][-1] : runs[-1][0]]):
            break  # a live blog's entry under its time: each tells its own news
        before = reader.story_words(" ".join(lines[i].text for run in runs[:-1] for i in run))
        after = reader.story_words(" ".join(lines[i].text for i in runs[-1]))
        if len(before & after) >= max(SAME_STORY_MIN_WORDS, SAME_STORY_SHARE * len(after)):
            break
        runs.pop()
        total -= chars.pop()
    return anchors[0], runs[-1][-1] + 1


def _before_author_bio(
    lines: Sequence[Line], anchors: Sequence[int], reader: PageReader
) -> tuple[int, int]:
    """The span of *anchors* up to the author's bio that closes the article ('Louise Matsakis
    is a staff writer at…', under 'About Carlos Nadalim'): set apart from the text above it,
    past the first half of the text. What follows a bio (a newsletter's pitch, other
    stories, comments) is no more the article's."""
    total = sum(reader.length(lines[i].text) for i in anchors)
    anchor_set, seen = set(anchors), 0
    for index in range(anchors[0], anchors[-1] + 1):
        if seen >= BIO_AFTER_TEXT_SHARE * total and _opens_bio(lines[index], lines[index - 1]):
            return anchors[0], max(a for a in anchors if a < index) + 1
        if index in anchor_set:
            seen += reader.length(lines[index].text)
    return anchors[0], anchors[-1] + 1


def _without_teaser_tail(
    lines: Sequence[Line], anchors: Sequence[int], reader: PageReader
) -> tuple[int, int]:
    """The span of *anchors* without the teasers of other articles that follow its last
    paragraph ('Mehr zum Thema', 'Die Redaktion empfiehlt', a 'most read' box): paragraphs
    each short, each alone right under its own headline, at least TEASER_TAIL_MIN of them
    in a row at the end, shorter than the article's (see _shorter). They often tell the same story (related articles), so shared
    words do not keep them; an article's closing sections have longer paragraphs, or more
    than one under a subheading."""
    labels = _slot_labels(lines)
    paragraphs = [a for a in anchors if lines[a].words >= HEADLINE_MIN_WORDS]  # not ':'
    entries = 0
    for position in range(len(paragraphs) - 1, 0, -1):
        if not _is_teaser_entry(lines, paragraphs, position, reader, labels):
            break
        entries += 1
    kept, teasers = paragraphs[: len(paragraphs) - entries], paragraphs[len(paragraphs) - entries :]
    if entries < TEASER_TAIL_MIN or not _shorter(lines, teasers, kept, reader):
        return anchors[0], anchors[-1] + 1
    return anchors[0], kept[-1] + 1


def _shorter(
    lines: Sequence[Line], teasers: Sequence[int], text: Sequence[int], reader: PageReader
) -> bool:
    """Whether the *teasers* are fewer characters than the *text* above them, and shorter
    on average than its paragraphs (a summary is shorter than the paragraphs it sums up)."""
    teaser_chars = sum(reader.length(lines[i].text) for i in teasers)
    text_chars = sum(reader.length(lines[i].text) for i in text)
    return teaser_chars < text_chars and teaser_chars * len(text) < text_chars * len(teasers)


def _is_teaser_entry(
    lines: Sequence[Line],
    anchors: Sequence[int],
    position: int,
    reader: PageReader,
    labels: frozenset[str],
) -> bool:
    """Whether the paragraph at *anchors[position]* is a teaser: short, a headline of a few
    words right above it (past chrome, captions and the page's slot labels), and the next
    paragraph, if any, under a headline of its own."""
    index = anchors[position]
    if reader.length(lines[index].text) > TEASER_ENTRY_MAX_CHARS:
        return False
    between = [
        ln
        for ln in lines[anchors[position - 1] + 1 : index]
        if ln.kind not in (Kind.CHROME, Kind.CAPTION) and ln.text not in labels
    ]
    if not between or not _is_teaser_headline(between[-1]):
        return False
    if position + 1 == len(anchors):
        return True
    following = lines[index + 1 : anchors[position + 1]]
    return any(_is_teaser_headline(ln) and ln.text not in labels for ln in following)


def _is_teaser_headline(line: Line) -> bool:
    """A headline of a few words (not a table's row of a list, which runs longer)."""
    return line.kind == Kind.HEADLINE and HEADLINE_MIN_WORDS <= line.words <= SUBHEADING_MAX_WORDS


def _opens_bio(line: Line, previous: Line) -> bool:
    """'About Carlos Nadalim', 'À propos de l'auteur'; or, not right under a paragraph, a line
    that opens on a name and says what the person is: 'Molly Wood (@mollywood) is an Ideas
    contributor', 'Pulitzer Prize-winning journalist Michael Hiltzik writes a daily blog'."""
    if line.kind == Kind.HEADLINE and _ABOUT_HEADING.fullmatch(line.text):
        return True
    if (
        previous.kind in TEXT_KINDS
        or line.kind not in CONTENT_KINDS
        or not _BIO_OPENING.match(line.text)
    ):
        return False
    return _BIO_ROLE.search(" ".join(line.text.split()[:BIO_ROLE_WORDS])) is not None


def _is_teaser_list(
    lines: Sequence[Line], anchors: Sequence[int], run: tuple[int, int], reader: PageReader
) -> bool:
    """Whether the run's paragraphs are blurbs each under its own heading (a name and what
    it is, a headline and its teaser), as an article's are not: its subheadings stand over
    several paragraphs, or over long ones. Blurbs are short, or each stands alone between
    its heading and the next (in a script without spaces a blurb weighs as a paragraph)."""
    inside = [a for a in anchors if run[0] <= a < run[1]]
    if len(inside) < TEASER_LIST_MIN:
        return False
    headed = [a for a in inside if _is_entry_heading(lines[a - 1])]
    if len(headed) < TEASER_LIST_SHARE * len(inside) or _numbered_in_order(
        [lines[a - 1].text for a in headed]
    ):
        return False
    if sum(reader.length(lines[a].text) for a in inside) <= LENGTH_HIGH * len(inside):
        return True
    alone = [a for a in headed if a + 1 == run[1] or _is_entry_heading(lines[a + 1])]
    return len(alone) >= TEASER_LIST_SHARE * len(inside)


def _numbered_in_order(headings: Sequence[str]) -> bool:
    """Whether most *headings* number the steps of one text in order ('Step 1', 'Step 2'…;
    '1. Choose the glass', '2. …'): each numbered one the next number."""
    numbers = [int(match.group()) for text in headings if (match := _NUMBER.search(text))]
    return len(numbers) >= TEASER_LIST_SHARE * len(headings) and all(
        b == a + 1 for a, b in pairwise(numbers)
    )


def _is_entry_heading(line: Line) -> bool:
    """A list entry's heading: a headline, or a short name ('ヨミドクター', 'YOMIURI BRAND
    STUDIO') that reads as a sentence in a script without spaces."""
    return line.kind == Kind.HEADLINE or (
        line.kind == Kind.SENTENCE and len(line.text) <= ENTRY_HEADING_MAX_CHARS
    )


def _has_header(lines: Sequence[Line], anchors: Sequence[int], start: int) -> bool:
    """Whether an article's header stands right above *start*: a byline or date line among
    the few lines since the previous paragraph of text."""
    previous = max((a for a in anchors if a < start), default=-1)
    above = lines[max(previous + 1, start - HEADER_LINES) : start]
    return any(ln.kind == Kind.META for ln in above)


def _short_page_qualities(lines: Sequence[Line], initial: Sequence[Quality]) -> list[Quality]:
    """A page with no good paragraph after the context pass (short paragraphs, terse
    prose): its paragraphs near-good on their own are its text, or, when there are none,
    its sentences under a headline."""
    dense = {
        i
        for i, (ln, q) in enumerate(zip(lines, initial, strict=True))
        if ln.kind in TEXT_KINDS and q in (Quality.GOOD, Quality.NEAR_GOOD)
    }
    if not dense:
        first_headline = next((i for i, ln in enumerate(lines) if ln.kind == Kind.HEADLINE), None)
        if first_headline is not None:
            dense = {
                i for i, ln in enumerate(lines) if i > first_headline and ln.kind in TEXT_KINDS
            }
    return [Quality.GOOD if i in dense else Quality.BAD for i in range(len(lines))]


def _runs(
    lines: Sequence[Line], anchors: Sequence[int], contents: frozenset[int] = frozenset()
) -> list[tuple[int, int]]:
    """The runs of the article's paragraphs, each gap bridged unless a comment's header dated
    by a count back stands in it (a comment tells the same story, in the same words; a
    'Name wrote:' line can rather introduce a quote inside the article). A table of contents
    (the lines *contents*) between the lead and the first section is bridged whatever its
    length."""
    runs: list[tuple[int, int]] = []
    start = stop = anchors[0]
    for position, index in enumerate(anchors):
        gap = lines[stop + 1 : index]
        if index > stop and (
            any(ln.kind == Kind.END and _is_name_counted_back(ln.text) for ln in gap)
            or not (
                _bridgeable(gap)
                or _lists_contents(gap, range(stop + 1, index), contents)
                or _is_introduced_list(lines[stop], gap)
                or _same_story_across_gap(lines, anchors, start, stop, position)
            )
        ):
            runs.append((start, stop + 1))
            start = index
        stop = index
    runs.append((start, stop + 1))
    return runs


def _lists_contents(gap: Sequence[Line], at: range, contents: frozenset[int]) -> bool:
    """Whether the *gap* (the lines *at*) is mostly a table of contents, with no end marker
    or subscription notice among its lines."""
    listed = sum(i in contents for i in at)
    return (
        listed >= CONTENTS_MIN_ENTRIES
        and listed >= CONTENTS_SHARE * len(gap)
        and not any(ln.kind in (Kind.END, Kind.PAYWALL) for ln in gap)
    )


def _is_introduced_list(intro: Line, gap: Sequence[Line]) -> bool:
    """Whether the *gap* is a list that the paragraph above it introduces ('What you'll
    need:', then the items, perhaps a step's heading): headline-shaped lines only, no more
    than a gap across which the same story goes on (see _introduces_list)."""
    return (
        LIST_MIN_ITEMS <= len(gap) <= MAX_STORY_GAP_LINES
        and _introduces_list(intro, INNER_LIST_INTRO_MIN_WORDS)
        and all(ln.kind == Kind.HEADLINE for ln in gap)
    )


def _bridgeable(gap: Sequence[Line]) -> bool:
    """Whether the article text goes on across *gap*: a short interruption, and no new
    article's header (a headline with its own date or byline line)."""
    if len(gap) > MAX_GAP_LINES:
        return False
    cost = 0
    for position, line in enumerate(gap):
        if line.kind == Kind.END or _is_relative_date_line(line):
            cost += END_MARKER_COST
        elif line.kind in CONTENT_KINDS and line.kind != Kind.TIMESTAMP:
            cost += 1
            if line.kind == Kind.HEADLINE and _next_is_meta(gap, position):
                return False
    return cost <= MAX_GAP_COST or _is_card(gap)


def _same_story_across_gap(
    lines: Sequence[Line], anchors: Sequence[int], start: int, stop: int, position: int
) -> bool:
    """The same story on both sides of an interruption: the first paragraphs after the gap
    share content words with the text before it. Across a box of a few links under a
    label that usually ends an article ('Sur le même sujet') a few shared words are
    enough; across anything longer (links with their bylines and dates, a list, a table,
    code) they must be a good share of the words after it. Comments (under names, between
    buttons, or dated), teasers of other articles (a summary and its date) and the next
    article (one headline with its date line) are not the same story."""
    gap = lines[stop + 1 : anchors[position]]
    inline = _is_inline_block(gap)
    # Across a long run of labels, a story goes on for paragraphs (a footer's menu is
    # followed by a line or two of legal text, not by the rest of the article).
    controls = not inline and len(gap) > MAX_STORY_GAP_LINES and _is_controls(gap)
    limit = MAX_BLOCK_GAP_LINES if inline or controls else MAX_STORY_GAP_LINES
    if len(gap) > limit or not _dates_only_links(gap):
        return False
    following = anchors[position : position + SAME_STORY_LINES]
    if not _runs_on(lines, following) or (controls and len(following) < SAME_STORY_LINES):
        return False
    before = " ".join(lines[i].text for i in anchors[:position] if i >= start)
    after_words = _content_words(" ".join(lines[i].text for i in following))
    shared = len(_content_words(before) & after_words)
    if _is_link_card(gap):
        return shared >= SAME_STORY_MIN_WORDS
    return shared >= max(SAME_STORY_MIN_WORDS, SAME_STORY_SHARE * len(after_words))


def _is_inline_block(gap: Sequence[Line]) -> bool:
    """Whether *gap* is a block set inside the text (code, a table, a chart's labels, a
    list): lines and short sentences only, with none of what stands between an article and
    what follows it (chrome, an end marker, a date or byline line, a caption). A chart's
    credit ('By The New York Times | Source: Congressional Budget Office') gives no date."""
    if not all(
        ln.kind in CONTENT_KINDS or ln.kind == Kind.BREADCRUMB or _is_undated_credit(ln)
        for ln in gap
    ):
        return False
    data = sum(_is_data_line(ln.text) or _TABLE_ROW.search(ln.text) is not None for ln in gap)
    return data >= BLOCK_DATA_SHARE * len(gap)


def _is_controls(gap: Sequence[Line]) -> bool:
    """Whether *gap* is a widget's labels set inside the text: a video player's menus ('Play',
    'Captions', 'Font Size', '75%'…), a gallery's buttons. Short labels almost only, with no
    paragraph, date line, end marker or byline among them."""
    if any(ln.kind in (Kind.PROSE, Kind.META, Kind.END, Kind.PAYWALL) for ln in gap):
        return False
    labels = sum(ln.kind == Kind.CHROME or ln.words < HEADLINE_MIN_WORDS for ln in gap)
    return labels >= CONTROLS_LABEL_SHARE * len(gap)


def _is_undated_credit(line: Line) -> bool:
    return line.kind == Kind.META and not line.dates


def _is_data_line(text: str) -> bool:
    """A line of code, a table row or a chart's figures rather than a label or a headline
    (which start with a capital, or a letter of a script without case, and hold words): it
    starts in lowercase or with a figure, holds code or table marks, or is mostly figures."""
    first = text[:1]
    if first.islower() or first.isdigit() or _CODE_MARK.search(_COUNT.sub("", text)):
        return True
    return len(_DIGIT.findall(text)) >= DATA_DIGIT_SHARE * len(text)


def _runs_on(lines: Sequence[Line], following: Sequence[int]) -> bool:
    """Whether the first paragraphs after a gap read as one text: no date line between them
    (teasers of other articles, each with its date), and not a button under each of them
    (comments, each above 'Reply' and 'Report')."""
    between = [lines[a + 1 : b] for a, b in pairwise(following)]
    dated = any(ln.kind == Kind.META and ln.dates for part in between for ln in part)
    buttons = bool(between) and all(any(ln.kind == Kind.CHROME for ln in part) for part in between)
    return not (dated or buttons)


def _dates_only_links(gap: Sequence[Line]) -> bool:
    """Whether every date line in *gap* dates one of several links (a card's headlines,
    each with its byline and date) or a lone link: not a comment's date, nor the next
    article's."""
    dated_lines = sum(ln.kind == Kind.META and bool(ln.dates) for ln in gap)
    dated_headlines = sum(
        line.kind == Kind.HEADLINE and _next_is_meta(gap, position)
        for position, line in enumerate(gap)
    )
    if dated_lines == 0:
        return True
    return dated_lines == dated_headlines and (
        dated_headlines > 1 or _is_lone_dated_link(gap) or _is_video_card(gap)
    )


#: A link's date line is a bare date ('23. 12. 2024 13:31'), no byline beside it.
LONE_LINK_DATE_MAX_WORDS = 6


def _is_lone_dated_link(gap: Sequence[Line]) -> bool:
    """A link to another article set between two paragraphs, and nothing else: its headline
    and its date line (a caption or a label beside them), no byline, no standfirst, no end
    marker (the next article's header has more). A bare date: not the article's own names
    and date under its lead, nor a video's or a comment's 'hours ago'."""
    shown = [ln for ln in gap if ln.kind not in (Kind.CHROME, Kind.CAPTION)]
    if [ln.kind for ln in shown] != [Kind.HEADLINE, Kind.META]:
        return False
    headline, date = shown
    return not _is_byline_like(headline.text) and _is_bare_date(date)


def _is_video_card(gap: Sequence[Line]) -> bool:
    """A video set between two paragraphs, perhaps under a line that introduces it ('WATCH |
    Palestinians react:'): its title (a headline, not a name), the count back to its posting
    ('14 hours ago'), and its player's short labels ('Duration 1:30'). A comment's header
    has a name of a few words instead of a title."""
    shown = [ln for ln in gap if ln.kind not in (Kind.CHROME, Kind.CAPTION)]
    if shown and shown[0].kind in CONTENT_KINDS and shown[0].text.endswith(":"):
        shown = shown[1:]
    if len(shown) < 2 or shown[0].kind != Kind.HEADLINE or not _is_relative_date_line(shown[1]):
        return False
    title, labels = shown[0], shown[2:]
    return (
        title.words >= HEADLINE_MIN_WORDS
        and not _is_byline_like(title.text)
        and all(ln.kind == Kind.HEADLINE and ln.words < HEADLINE_MIN_WORDS for ln in labels)
    )


def _is_bare_date(line: Line) -> bool:
    """A date line with nothing beside its date, as a link's: '23. 12. 2024 13:31'."""
    return (
        line.kind == Kind.META
        and bool(line.dates)
        and line.words <= LONE_LINK_DATE_MAX_WORDS
        and not any(d.relative for d in line.dates)
    )


def _is_link_card(gap: Sequence[Line]) -> bool:
    """A few headlines of four words or more, perhaps under a label: links to other articles."""
    links = [ln for ln in gap if ln.kind not in (Kind.END, Kind.CHROME, Kind.CAPTION)]
    return (
        bool(links)
        and len(gap) <= MAX_CARD_LINES
        and all(ln.kind in (Kind.HEADLINE, Kind.SENTENCE) for ln in links)
        and all(ln.words >= HEADLINE_MIN_WORDS for ln in links)
    )


def _is_relative_date_line(line: Line) -> bool:
    """'2 days ago', 'il y a 3 heures': how comments and teasers of other articles are dated."""
    return line.kind == Kind.META and bool(line.dates) and all(d.relative for d in line.dates)


def _is_card(gap: Sequence[Line]) -> bool:
    """A box of links set inside the article ('Trending News' and a few headlines)."""
    return len(gap) <= MAX_CARD_LINES and all(
        ln.kind in (Kind.HEADLINE, Kind.CHROME, Kind.CAPTION) for ln in gap
    )


def _next_is_meta(gap: Sequence[Line], position: int) -> bool:
    following = next((ln for ln in gap[position + 1 :] if ln.kind != Kind.CHROME), None)
    return following is not None and following.kind == Kind.META and bool(following.dates)


def _refuse_listing(
    lines: Sequence[Line],
    reader: PageReader,
    text_chars: int,
    outside: tuple[int, int] = (0, 0),
) -> None:
    """A home or section page: many headlines, no article text of any length."""
    if text_chars >= LISTING_MAX_TEXT_CHARS:
        return
    headlines = [
        ln
        for i, ln in enumerate(lines)
        if not outside[0] <= i < outside[1] and _is_headline_shaped(ln, reader)
    ]
    if len(headlines) >= LISTING_MIN_HEADLINES:
        raise IngestFailure(
            f"not an article: a list of {len(headlines)} headlines without article text "
            "(a home or section page?)"
        )


def _refuse_teaser(lines: Sequence[Line], span: tuple[int, int]) -> None:
    """A paywalled page shows the start of the article, then a subscription notice."""
    start, stop = span
    notice = next(
        (
            index
            for index in range(start, min(len(lines), stop + TEASER_NOTICE_LINES))
            if lines[index].kind == Kind.PAYWALL
        ),
        None,
    )
    if notice is None:
        return
    words = sum(ln.words for ln in lines[start:notice] if ln.kind in TEXT_KINDS)
    if words < TEASER_MAX_WORDS:
        raise IngestFailure(
            f"teaser only: {words} words of text, then a subscription notice "
            f"('{lines[notice].text}')"
        )


# ----------------------------------------------------------------------- header


def _content_words(text: str) -> set[str]:
    """Crude stems of the longer words: enough to tell whether two lines share a subject."""
    return stems(text)


class Subject:
    """What the article text is about (its start's content words), to recognise headlines
    of the same story."""

    def __init__(self, article_lines: Sequence[Line]) -> None:
        self._lines = article_lines

    @cached_property
    def words(self) -> set[str]:
        text = " ".join(ln.text for ln in self._lines if ln.kind in TEXT_KINDS)
        return _content_words(text[:BODY_SAMPLE_CHARS])

    @cached_property
    def text(self) -> str:
        return " ".join(ln.text for ln in self._lines if ln.kind in TEXT_KINDS)[:BODY_SAMPLE_CHARS]


def _is_headline_shaped(
    line: Line, reader: PageReader, function_words: frozenset[str] = frozenset()
) -> bool:
    """A line that could be a title: a few words, no full stop, not a byline or a label list.
    With the page's *function_words*, a line in title case is told from a list of names."""
    if line.kind not in (Kind.HEADLINE, Kind.SENTENCE):
        return False
    words = count_words(line.text)
    if not HEADLINE_MIN_WORDS - 1 <= words <= HEADLINE_MAX_WORDS:
        return False
    if not reader.unspaced and _letter_words(line.text) < HEADLINE_MIN_WORDS - 1:
        return False  # mostly figures: a date or time line ('05. Juni 2025', '17:41 JST, …')
    if reader.unspaced and not _IDEOGRAPH.search(line.text):
        return False  # kana alone: a button's label ('ブックマーク'), not a headline
    text = line.text.rstrip(" \u00a0»”\"’')")
    if (
        text.endswith((".", ",", ";", ":"))
        and not text.endswith("...")
        and not _is_titled_initialism_end(text)
    ):
        return False
    return not (_is_byline_like(line.text, function_words) or _is_share_bar(line.text))


def _letter_words(text: str) -> int:
    return sum(any(ch.isalpha() for ch in word) for word in text.split())


def _is_share_bar(text: str) -> bool:
    """A share bar copied as one line: three networks named, or a network's label glued to
    the next ('FacebookXWhatsAppE-MailLink kopieren', 'Share via EmailShare via Facebook')."""
    lowered = text.casefold()
    named = {network for network in _SHARE_NETWORKS if network in lowered}
    return len(named) >= SHARE_BAR_MIN_NETWORKS or _GLUED_SHARE_LABEL.search(text) is not None


def _is_byline_like(text: str, stopwords: frozenset[str] = frozenset()) -> bool:
    """'Von Anna Muster', 'Birgit Baumann Anna Giulia Fink': names, with at most a short
    word before them (by, par, von, di, por…). A capitalised function word says the line is
    a headline in title case ('Babies Who Eat Peanuts Early May Avoid Allergy')."""
    words = _PARENTHESES.sub("", text).replace(",", " ").split()
    if words and words[0].islower() and len(words[0]) <= 4:
        words = words[1:]
    names = [w for w in words if w not in ("und", "and", "et", "y", "e", "&", "i", "og", "en")]
    return (
        2 <= len(names) <= 8
        and all(_NAME_WORD.fullmatch(w) for w in names)
        and not any(w.casefold() in stopwords for w in names)
        and all(w[:1].isupper() for w in names)
        and not any(w.isupper() and len(w) > 3 for w in names[:1])
    )


def _menu_lines(lines: Sequence[Line]) -> frozenset[int]:
    """Indices of the lines in runs of three or more short labels: a navigation menu."""
    menu: set[int] = set()
    run: list[int] = []
    for index, line in enumerate([*lines, None]):
        if line is not None and line.kind == Kind.HEADLINE and line.words < HEADLINE_MIN_WORDS:
            run.append(index)
            continue
        if len(run) >= MENU_MIN_LABELS:
            menu.update(run)
        run = []
    return frozenset(menu)


def _title_index(
    lines: Sequence[Line],
    start: int,
    subject: Subject,
    reader: PageReader,
    slug: frozenset[str] = frozenset(),
    outline: Outline | None = None,
) -> int:
    """The headline nearest the article text that tells its story: of the lines above the
    text, the best scored by :func:`headlines.title_score` (words shared with the text and
    the URL, distance, byline beside it; labels, menus, prompts and shouted lines lose)."""
    candidates = title_candidates(lines, start, subject, reader, slug, outline)
    if not candidates and _is_headline_shaped(lines[start], reader, reader.stopwords):
        return start  # nothing above the text but menus: its first line is the headline
    if not candidates:
        raise IngestFailure("no title found: no headline line above the article text")
    return max(candidates, key=lambda index: title_score(candidates[index]))


def _same_words(one: str, other: str) -> bool:
    """Whether two lines say the same words, punctuation and case aside."""
    return _TWIN_WORD.findall(fold(one)) == _TWIN_WORD.findall(fold(other))


def title_candidates(
    lines: Sequence[Line],
    start: int,
    subject: Subject,
    reader: PageReader,
    slug: frozenset[str] = frozenset(),
    outline: Outline | None = None,
) -> dict[int, TitleEvidence]:
    """The evidence for each short line above the article text, nearest first."""
    outline = outline or Outline.of(lines)
    menu, labels = outline.menu, outline.labels
    # An entry of a table of contents and the heading it points to name a section, not the
    # article.
    window = [
        i
        for i in range(start - 1, max(-1, start - 1 - TITLE_WINDOW_LINES), -1)
        if i not in outline.contents.sections
    ]
    shaped = {i for i in window if _is_headline_shaped(lines[i], reader, reader.stopwords)}
    # Other short lines are the title only for want of a headline: near the text, off menus.
    candidates = [
        i
        for i in window
        if i in shaped
        or (
            start - i <= TITLE_FALLBACK_LINES
            and i not in menu
            and lines[i].kind in (Kind.HEADLINE, Kind.SENTENCE)
        )
    ]
    # The headlines that count for distance: labels and menus stand anywhere.
    proper = [i for i in shaped if lines[i].words >= HEADLINE_MIN_WORDS and i not in menu]
    story = frozenset(reader.story_words(subject.text) if reader.unspaced else subject.words) | slug

    def evidence(index: int) -> TitleEvidence:
        line = lines[index]
        words = stems(line.text, reader.stopwords)
        if reader.unspaced:
            shared = 1.0 if _shares_characters(line.text, subject.text) else 0.0
        else:
            shared = len(words & subject.words) / (len(words) + 1)
        letters = [ch for ch in line.text if ch.isalpha()]
        return TitleEvidence(
            shared_with_text=shared,
            shared_with_slug=len(words & slug) / len(slug) if slug else 0.0,
            lines_between=min(sum(i > index for i in proper), TITLE_RANK_CAP) / TITLE_RANK_CAP,
            is_label=line.words < HEADLINE_MIN_WORDS,
            in_menu=index in menu,
            beside_meta=_beside_meta(lines, index, start, reader)
            or (
                index + 1 < start
                and lines[index + 1].words > KICKER_MAX_WORDS
                and _beside_meta(lines, index + 1, start, reader)
                and _under_headline(lines, index + 1, reader, story)
            ),
            is_prompt=line.text.rstrip().endswith(("?", "!")) and shared == 0.0,
            is_shouted=len(letters) > 3 and all(ch.isupper() for ch in letters),
            overlong=overlong(line.words),
            glued_labels=len(_GLUED_LEVEL.findall(_without_breadcrumb(line.text, labels)))
            >= GLUED_LABELS_MIN,
            no_function_words=_has_no_function_words(line.text, reader),
            under_headline=_under_headline(lines, index, reader, story),
            beside_credit=_beside_credit(lines, index),
            is_weak_shape=index not in shaped,
            shares_nothing=shared == 0.0 and not words & slug,
            several_sentences=len(_SENTENCE_BREAK.findall(line.text)) >= SENTENCE_BREAKS_MIN,
        )

    found = {index: evidence(index) for index in candidates if not _is_set_kicker(lines, index)}
    # Far above the text, a headline is the article's only with its byline or named by the URL
    # (else it heads another box: an infobox, a teaser, a subscription offer).
    return {
        index: e
        for index, e in found.items()
        if start - index <= TITLE_FALLBACK_LINES or e.beside_meta or e.shared_with_slug > 0
    }


def _is_set_kicker(lines: Sequence[Line], index: int) -> bool:
    """Whether the line is a kicker the page sets over its headline with a mark of its own
    line between them ('Eskalation im Nahen Osten', '-', '«Die Zurückhaltung …»'): the
    copy of a kicker and a separator kept for screen readers."""
    return (
        index + 2 < len(lines)
        and lines[index + 1].text in _LONE_SEPARATORS
        and lines[index + 2].kind in (Kind.HEADLINE, Kind.SENTENCE)
        and lines[index + 2].words > lines[index].words
    )


def _has_no_function_words(text: str, reader: PageReader) -> bool:
    """Whether a line of five words or more has not one of the page's function words."""
    words = words_of(text)
    return (
        bool(reader.stopwords)
        and len(words) >= NO_FUNCTION_WORDS_MIN
        and not any(w in reader.stopwords for w in words)
    )


def _under_headline(
    lines: Sequence[Line], index: int, reader: PageReader, story: frozenset[str]
) -> bool:
    """Whether the nearest line above *index* (past chrome) is a headline no longer than it
    about the same story (two of its words among *story*'s): then *index* is its dek. A
    longer headline above counts among a run of the story's lines (the title's key points),
    and only a longer one past a date or byline line: that line binds the headline above
    it, and a shorter line under it is the headline's dek. (Not when the line above is this
    one with labels run into it, 'NewsHomeHeadline…', nor a kicker.)"""
    line = lines[index]
    upward = (ln for ln in reversed(lines[:index]) if ln.kind != Kind.CHROME)
    above = next(upward, None)
    if above is not None and above.kind == Kind.META:
        above = next(upward, None)
        if above is None or above.words <= line.words:
            return False
    elif (
        above is not None
        and above.words > line.words
        and not _among_key_points(lines, index, reader, story)
    ):
        return False
    if above is None or above.words < HEADLINE_MIN_WORDS:
        return False
    if above.text.endswith(line.text) or above.words <= KICKER_MAX_WORDS:
        return False
    if not _is_headline_shaped(above, reader, reader.stopwords):
        return False
    return len(_headline_story_words(above.text, reader) & story) >= 2


def _among_key_points(
    lines: Sequence[Line], index: int, reader: PageReader, story: frozenset[str]
) -> bool:
    """Whether *index* stands in a run of three headline-shaped lines about the *story*: the
    line right above it and the one under it or the one above that (a title's key points)."""

    def about_story(at: int) -> bool:
        line = lines[at] if 0 <= at < len(lines) else None
        return (
            line is not None
            and line.words >= HEADLINE_MIN_WORDS
            and _is_headline_shaped(line, reader, reader.stopwords)
            and len(_headline_story_words(line.text, reader) & story) >= 2
        )

    return about_story(index - 1) and (about_story(index + 1) or about_story(index - 2))


def _headline_story_words(text: str, reader: PageReader) -> set[str]:
    """What of a headline's words can name the story: its content words' stems, or in a
    script without spaces its pairs of ideographs (a site's name or a breadcrumb above the
    title shares none of the text's)."""
    return reader.story_words(text) if reader.unspaced else stems(text, reader.stopwords)


def _beside_credit(lines: Sequence[Line], index: int) -> int:
    """How many of the lines right above and below are captions or photo credits
    ('© André Schmidt'): a line between two is a caption for sure."""
    neighbours = [*lines[max(0, index - 1) : index], *lines[index + 1 : index + 2]]
    return sum(ln.kind == Kind.CAPTION or ln.text.startswith("©") for ln in neighbours)


def _beside_meta(lines: Sequence[Line], index: int, start: int, reader: PageReader) -> bool:
    """Whether a date or byline line (or a line of names: an author) stands within a few
    lines under *index* (before the text) or right above it."""
    below = lines[index + 1 : min(start, index + 1 + META_NEAR_TITLE_LINES)]
    above = lines[index - 1 : index] if index > 0 else []
    return any(
        ln.kind == Kind.META
        or (ln.kind == Kind.HEADLINE and _is_byline_like(ln.text, reader.stopwords))
        for ln in [*below, *above]
    )


def _shares_characters(line: str, text: str) -> bool:
    """For scripts without spaces: whether two pairs of ideographs of *line* recur in *text*
    (kana pairs are grammar, common to every line)."""
    pairs = {
        line[i : i + 2]
        for i in range(len(line) - 1)
        if _IDEOGRAPH.match(line[i]) and _IDEOGRAPH.match(line[i + 1])
    }
    return sum(pair in text for pair in pairs) >= 2


def read_header(
    lines: Sequence[Line],
    title_at: int,
    start: int,
    sections: Sequence[str],
    subject: Subject,
    block_of: Sequence[int] = (),
    stopwords: frozenset[str] = frozenset(),
    outline: Outline | None = None,
    slug: frozenset[str] = frozenset(),
) -> Header:
    """Section, title, short headline and dek around the title line (*stopwords*: the page's
    function words, which say nothing of its story; *slug*: the stems of the URL's words)."""
    outline = outline or Outline.of(lines)
    title_line = lines[title_at]
    printed = title_text(lines, title_at, outline.labels)  # with its kicker, as on the line
    title = _without_unnamed_kicker(printed, lines, slug, stopwords)
    # The labels stand above the headline, and above its twin when it is printed twice.
    top = title_at - 1 if title_at and _same_words(lines[title_at - 1].text, printed) else title_at
    above = [ln for i, ln in enumerate(lines[:top]) if i not in outline.menu]
    section = _known_section(lines[:start], above, sections)
    hint = (
        _breadcrumb_label(lines[:start])
        or _breadcrumb_column(lines, top)
        or section
        or _section_label(lines, top, block_of)
    )
    if section is None and not sections:
        section = hint
    return Header(
        title=title,
        subtitle=_short_headline(above, title_line.text, subject, stopwords),
        section=section,
        section_hint=hint,
        dek=_dek([ln for ln in lines[title_at + 1 : start] if not _same_words(ln.text, printed)]),
    )


def title_text(
    lines: Sequence[Line],
    title_at: int,
    labels: frozenset[str] | None = None,
    slug: frozenset[str] = frozenset(),
    stopwords: frozenset[str] = frozenset(),
) -> str:
    """The title as written: the line at *title_at* without a breadcrumb copied into it, or
    the same headline where the page prints it with the punctuation that ends its kicker.
    (A page may print 'Die Eisheiligen 2024: Wann sie sind' for screen readers or in its
    header, and the kicker and headline the eye sees, which a copy glues as 'Die Eisheiligen
    2024 Wann sie sind'.) The kicker stays, unless the URL (its *slug* stems) names the
    headline without it: see :func:`_without_unnamed_kicker`."""
    labels = _page_labels(lines) if labels is None else labels
    title = _without_label_prefix(_without_breadcrumb(lines[title_at].text, labels), lines, labels)
    marks = len(_TWIN_MARK.findall(title))
    twins = (
        ln.text
        for ln in lines
        if ln.kind in (Kind.HEADLINE, Kind.SENTENCE)
        and len(_TWIN_MARK.findall(ln.text)) > marks
        and _same_words(ln.text, title)
    )
    return _without_unnamed_kicker(next(twins, title), lines, slug, stopwords)


def _without_unnamed_kicker(
    title: str, lines: Sequence[Line], slug: frozenset[str], stopwords: frozenset[str]
) -> str:
    """The headline without the kicker set before it ('Neue Leipziger Schule: Judy Lybke,
    ganz und gar nicht eigenartig'), when the URL, written from the headline, names its
    words and not one of the kicker's ('/Judy-Lybke-ganz-und-gar-nicht-eigenartig-
    article24075843.html'), and the page prints the two as distinct parts: the headline
    again, the kicker set apart otherwise ('Neue Leipziger Schule Judy Lybke, …')."""
    parts = _KICKER_SPLIT.fullmatch(title) if slug else None
    if parts is None or count_words(parts["kicker"]) > KICKER_MAX_WORDS:
        return title
    kicker = stems(parts["kicker"], stopwords)
    headline = stems(parts["headline"], stopwords)
    if not kicker or not headline or kicker & slug:
        return title
    if len(headline & slug) < SLUG_NAMES_HEADLINE * len(headline):
        return title
    printed_apart = any(
        ln.text != title
        and ln.kind in (Kind.HEADLINE, Kind.SENTENCE)
        and _same_words(ln.text, title)
        for ln in lines
    )
    return parts["headline"] if printed_apart else title


def _without_label_prefix(title: str, lines: Sequence[Line], labels: frozenset[str]) -> str:
    """The headline without the labels copied before it on its line ('Home Solar-powered
    streetlights boost…', 'Kultur : Ehrengast der Frankfurter Buchmesse…'): a home word or a
    few of the page's own labels, when the rest is printed as a headline of its own ('Home
    Office Minister Resigns' stays whole unless 'Office Minister Resigns' is a line too)."""
    words = title.split()
    for count in range(1, min(LABEL_PREFIX_MAX_WORDS, len(words) - 1) + 1):
        prefix = [w for w in words[:count] if _LABEL_SEPARATOR.fullmatch(w) is None]
        if not prefix or not all(_HOME_WORD.fullmatch(w) or fold(w) in labels for w in prefix):
            break
        rest = " ".join(words[count:]).lstrip(":»>|-–— ")
        if any(ln.text == rest and ln.kind in (Kind.HEADLINE, Kind.SENTENCE) for ln in lines):
            return rest
    return title


def _page_labels(lines: Sequence[Line]) -> frozenset[str]:
    """The page's short lines (menu items, section names), folded. (The title is among them
    only when it is that short, and it is only ever compared with parts of itself.)"""
    return frozenset(
        fold(ln.text)
        for ln in lines
        if ln.kind in (Kind.HEADLINE, Kind.CHROME) and ln.words < HEADLINE_MIN_WORDS
    )


@dataclass(frozen=True)
class Outline:
    """What the title and header readers both look up: the menu lines, the labels and the
    tables of contents."""

    menu: frozenset[int]
    labels: frozenset[str]
    contents: Contents

    @classmethod
    def of(cls, lines: Sequence[Line]) -> Outline:
        return cls(_menu_lines(lines), _page_labels(lines), Contents.of(lines))


@dataclass(frozen=True)
class Contents:
    """A page's tables of contents: runs of short lines (a label such as 'Contents' among
    them) whose entries come back further down, in the same order, as the headings of
    sections with text between them ('1 History' then 'History[edit]', 'Setting up' then
    'Setting up¶', '4. Requests.....4' then '4. Requests'). A menu printed again in the
    footer comes back with no text between its labels."""

    #: The lines of the tables, labels and entries.
    lines: frozenset[int]
    #: The entries whose heading comes back, and those headings: none is the article's title.
    sections: frozenset[int]

    @classmethod
    def of(cls, lines: Sequence[Line]) -> Contents:
        runs = _short_line_runs(lines)
        if not runs:
            return cls(frozenset(), frozenset())
        headings: dict[tuple[str, ...], list[int]] = {}
        for index in range(runs[0][0], len(lines)):
            line = lines[index]
            key = _entry_key(line.text) if len(line.text) <= CONTENTS_ENTRY_MAX_CHARS else ()
            if key and line.kind != Kind.PROSE:
                headings.setdefault(key, []).append(index)
        text_before = [0]
        for line in lines:
            text_before.append(text_before[-1] + (line.kind in TEXT_KINDS))
        table: set[int] = set()
        sections: set[int] = set()
        for start, stop in runs:
            found: list[tuple[int, int]] = []
            for index in range(start, stop):
                later = _first_after(headings.get(_entry_key(lines[index].text), ()), index + 1)
                if later is not None:
                    found.append((index, later))
            twins = _in_order(found)
            if twins:  # the headings stand past the table's last entry
                twins = _in_order([(e, h) for e, h in found if h > twins[-1][0]])
            if len(twins) < CONTENTS_MIN_ENTRIES:
                continue
            first, last = twins[0][0], twins[-1][0]
            apart = sum(text_before[b] > text_before[a] for (_, a), (_, b) in pairwise(twins))
            if len(twins) >= CONTENTS_SHARE * (last + 1 - first) and apart >= CONTENTS_SHARE * (
                len(twins) - 1
            ):
                table.update(range(first, last + 1))
                sections.update(line for twin in twins for line in twin)
        return cls(frozenset(table), frozenset(sections))


def _first_after(positions: Sequence[int], stop: int) -> int | None:
    return next((i for i in positions if i >= stop), None)


def _in_order(pairs: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest run of *pairs* (entry, heading) whose headings come in the entries' order
    (a longest increasing subsequence): an entry whose words come back elsewhere first, in
    a footer's menu, is left out."""
    tails: list[int] = []  # tails[k]: position in *pairs* ending the best chain of k + 1
    before: list[int | None] = []
    for position, (_, target) in enumerate(pairs):
        rank = bisect_left([pairs[t][1] for t in tails], target)
        before.append(tails[rank - 1] if rank else None)
        if rank == len(tails):
            tails.append(position)
        else:
            tails[rank] = position
    chain: list[tuple[int, int]] = []
    at = tails[-1] if tails else None
    while at is not None:
        chain.append(pairs[at])
        at = before[at]
    return chain[::-1]


def _short_line_runs(lines: Sequence[Line]) -> list[tuple[int, int]]:
    """[start, stop) of each run of short headline-shaped lines (chrome between them
    allowed) that holds at least CONTENTS_MIN_ENTRIES of them."""
    runs: list[tuple[int, int]] = []
    start, count = 0, 0
    for index, line in enumerate([*lines, None]):
        kind = (
            line.kind if line is not None and len(line.text) <= CONTENTS_ENTRY_MAX_CHARS else None
        )
        if kind == Kind.HEADLINE:
            if count == 0:
                start = index
            count += 1
            continue
        if kind == Kind.CHROME and count:
            continue
        if count >= CONTENTS_MIN_ENTRIES:
            stop = index
            while lines[stop - 1].kind == Kind.CHROME:
                stop -= 1
            runs.append((start, stop))
        count = 0
    return runs


@lru_cache(maxsize=8192)  # a site's menus come back on every page
def _entry_key(text: str) -> tuple[str, ...]:
    """The words an entry of a table of contents and its section's heading share."""
    bare = _ENTRY_TAIL.sub("", text)
    number = _SECTION_NUMBER.match(bare)
    return tuple(_TWIN_WORD.findall(fold(bare[number.end() :] if number else bare)))


def _without_breadcrumb(title: str, labels: frozenset[str]) -> str:
    """The headline without the breadcrumb a browser copied into its line: 'Start / Ausland /
    EU und Indien …', 'HomeSportLeichtathletikBerlin-Marathon: …' (levels glued to one another:
    a home word or the page's own labels, then the headline)."""
    parts = _BREADCRUMB_SEPARATOR.split(title)
    levels = [_HOME_AFTER_PROMPT.sub(r"\1", parts[0]), *parts[1:-1]]  # 'You are here: Home'
    if len(parts) >= 3 and all(len(level.split()) <= 3 for level in levels):
        return parts[-1]
    levels = _GLUED_LEVEL.split(title)
    if len(levels) < 2:
        return title
    if not (_HOME_WORD.fullmatch(levels[0]) or fold(levels[0]) in labels):
        return title
    rest = 1
    while rest < len(levels) - 1 and (
        fold(levels[rest]) in labels or len(levels[rest].split()) <= GLUED_LEVEL_MAX_WORDS
    ):
        rest += 1
    headline = "".join(levels[rest:])
    return headline if count_words(headline) >= HEADLINE_MIN_WORDS - 1 else title


def _known_section(
    header: Sequence[Line], above_title: Sequence[Line], sections: Sequence[str]
) -> str | None:
    """The first configured section named by a breadcrumb or a label line above the title."""
    known = sections_by_fold(tuple(sections))
    if not known:
        return None
    for part in (p for ln in header if ln.kind == Kind.BREADCRUMB for p in ln.parts):
        if fold(part) in known:
            return known[fold(part)]
    for line in above_title:
        if line.kind in (Kind.HEADLINE, Kind.CHROME) and fold(line.text) in known:
            return known[fold(line.text)]
    return None


def _breadcrumb_label(header: Sequence[Line]) -> str | None:
    """The page's (first) breadcrumb with its levels, for the section map to read from the
    most specific: 'Accueil > Société > Santé'."""
    crumbs = next((ln.parts for ln in header if ln.kind == Kind.BREADCRUMB), ())
    return " > ".join(crumbs) or None


def _breadcrumb_column(lines: Sequence[Line], title_at: int) -> str | None:
    """A breadcrumb copied one level a line ('Accueil', 'Bretagne', 'Brest') right above the
    title, read as 'Accueil > Bretagne > Brest'. More levels under 'Home' are a menu."""
    levels: list[str] = []
    for index in range(title_at - 1, max(-1, title_at - 1 - BREADCRUMB_COLUMN_LINES), -1):
        line = lines[index]
        if _HOME_WORD.fullmatch(line.text):  # often a menu item too: chrome
            return " > ".join([line.text, *reversed(levels)]) if levels else None
        if line.kind != Kind.HEADLINE or len(line.text) > SECTION_LABEL_MAX_CHARS:
            return None
        levels.append(line.text)
    return None


def _section_label(lines: Sequence[Line], title_at: int, block_of: Sequence[int]) -> str | None:
    """The page's own label above the title: of the one or two short lines right above it
    (a section label, then perhaps a kicker), the upper one ('Planète', then 'Sécheresse').
    A menu copied as a block of its own above the title's block is not looked at."""
    sizes = Counter(block_of)
    labels: list[str] = []
    for index in range(title_at - 1, max(-1, title_at - 1 - SECTION_LABEL_LINES), -1):
        if block_of and block_of[index] != block_of[title_at] and sizes[block_of[index]] > 1:
            break
        line = lines[index]
        if line.kind == Kind.CHROME:
            continue
        is_label = line.kind == Kind.HEADLINE and line.words < HEADLINE_MIN_WORDS
        if not is_label or len(line.text) > SECTION_LABEL_MAX_CHARS:
            break
        labels.append(line.text)
        if len(labels) == 2:
            break
    return labels[-1] if labels else None


def _dek(between: Sequence[Line]) -> str | None:
    """The standfirst between the title and the text: the first long text or headline-like
    line there, past the date and byline lines and the chrome."""
    for line in between:
        if line.kind in (Kind.META, Kind.CHROME, Kind.BREADCRUMB):
            continue
        if line.kind in CONTENT_KINDS and line.words >= DEK_MIN_WORDS:
            return line.text
        if line.kind != Kind.HEADLINE:
            return None
    return None


def _short_headline(
    above: Sequence[Line], title: str, subject: Subject, stopwords: frozenset[str] = frozenset()
) -> str | None:
    """The nearest earlier headline about the same story, if distinct: three of its content
    words (*stopwords* aside) and at least half of them are the title's or the text's (a menu line or a related story's
    headline shares a word or two, not most of its words)."""
    folded_title = fold(title)
    reference = stems(title, stopwords) | subject.words
    for line in reversed(above[-SHORT_HEADLINE_LINES:]):
        if line.kind != Kind.HEADLINE or line.words < HEADLINE_MIN_WORDS:
            continue
        folded = fold(line.text)
        if folded in folded_title or folded_title in folded or _same_words(line.text, title):
            continue  # the title itself, with or without a breadcrumb or its kicker's colon
        words = stems(line.text, stopwords)
        shared = len(words & reference)
        if shared >= SHORT_HEADLINE_MIN_SHARED and shared >= SHORT_HEADLINE_SHARED * len(words):
            return line.text
    return None


# ------------------------------------------------------------------------- body


def _body(
    lines: Sequence[Line],
    qualities: Sequence[Quality],
    dek: str | None,
    right_under_title: bool,
    block_of: Sequence[int] = (),
    slot_labels: frozenset[str] = frozenset(),
) -> tuple[str | None, list[str], list[str]]:
    """(standfirst, Markdown blocks, plain paragraphs) of the article text: its good lines,
    with the headlines and times that stand right above one as subheadings. A line shaped
    like text but too terse to be good on its own (a table's row, a score) is the article's
    too, since paragraphs stand around it, unless it is a link under a 'Related' label. The
    page's *slot_labels* are not the article's (their lines still tell cards apart)."""
    items = _list_items(lines)
    kept = [
        (ln, position in items)
        for position, (ln, q) in enumerate(zip(lines, qualities, strict=True))
        if ln.text not in slot_labels
        and (
            (q == Quality.GOOD and ln.kind in TEXT_KINDS)
            or position in items
            or position + 1 in items  # the sentence that introduces a list
            or (
                ln.kind in (*TEXT_KINDS, Kind.HEADLINE, Kind.TIMESTAMP)
                and not _in_card(lines, position, block_of)
            )
        )
    ]
    content = [ln for ln, _ in kept]
    listed = [item for _, item in kept]
    good = [ln.kind in TEXT_KINDS for ln in content]
    standfirst = dek
    if (
        standfirst is None
        and content
        and good[0]
        and _is_standfirst(content, good, lines, right_under_title)
    ):
        standfirst = content[0].text
        content, good, listed = content[1:], good[1:], listed[1:]
    blocks: list[str] = []
    paragraphs: list[str] = []
    for position, line in enumerate(content):
        text_follows = position + 1 < len(content) and good[position + 1]
        if listed[position]:
            item = f"- {escape_paragraph(line.text)}"
            if position > 0 and listed[position - 1]:
                blocks[-1] += f"\n{item}"
            else:
                blocks.append(item)
            paragraphs.append(line.text)
        elif good[position]:
            blocks.append(escape_paragraph(line.text))
            paragraphs.append(line.text)
        elif text_follows and line.kind == Kind.TIMESTAMP:
            blocks.append(f"**{escape_paragraph(line.text)}**")
        elif text_follows and line.words <= SUBHEADING_MAX_WORDS:
            blocks.append(heading(line.text))
        elif text_follows:
            blocks.append(escape_paragraph(line.text))
            paragraphs.append(line.text)
    return standfirst, blocks, paragraphs


def _list_items(lines: Sequence[Line]) -> set[int]:
    """Positions of the items of the lists that a sentence introduces ('The band's 2020 tour
    dates:', 'Here's what's different in my life now:'): the headline-shaped lines right
    under it, two or more. (A label ending in a colon, 'More:', 'Sources:', introduces links
    or credits, not the article's list.)"""
    items: set[int] = set()
    for position, line in enumerate(lines):
        if not _introduces_list(line):
            continue
        end = position + 1
        while end < len(lines) and lines[end].kind == Kind.HEADLINE:
            end += 1
        if end - position - 1 >= LIST_MIN_ITEMS:
            items.update(range(position + 1, end))
    return items


def _introduces_list(line: Line, min_words: int = LIST_INTRO_MIN_WORDS) -> bool:
    return (
        line.kind in TEXT_KINDS
        and _INTRODUCES_LIST.search(line.text[-_TAIL_CHARS:]) is not None
        and line.words >= min_words
    )


def _through_closing_list(lines: Sequence[Line], stop: int) -> int:
    """The end of the article text, past the list that its last sentence introduces (that
    sentence, too short to be good text on its own, may stand right under the span)."""
    intro = stop if stop < len(lines) and _introduces_list(lines[stop]) else stop - 1
    if not _introduces_list(lines[intro]):
        return stop
    end = intro + 1
    while end < len(lines) and lines[end].kind == Kind.HEADLINE:
        end += 1
    return end if end - intro - 1 >= LIST_MIN_ITEMS else stop


def _in_card(lines: Sequence[Line], position: int, block_of: Sequence[int] = ()) -> bool:
    """A headline under a 'Lire aussi' label or among other headlines: a link, not a
    subheading (a subheading follows the text it divides). A headline in a box of its
    own right above a paragraph is the subheading that follows such a card. A headline
    over a bare date is a link (see _is_lone_dated_link)."""
    before = lines[position - 1] if position > 0 else None
    after = lines[position + 1] if position + 1 < len(lines) else None
    if after is not None and (after.kind == Kind.HEADLINE or _is_bare_date(after)):
        return True
    if before is None or before.kind not in (Kind.CHROME, Kind.END, Kind.HEADLINE):
        return False
    subheading = (
        lines[position].words <= CARD_SUBHEADING_MAX_WORDS
        and _opens_block(block_of, position)
        and after is not None
        and after.kind in TEXT_KINDS
    )
    return not subheading


def _opens_block(block_of: Sequence[int], position: int) -> bool:
    """Whether the line at *position* starts a box of the copied page (a blank line above it)."""
    return bool(block_of) and position > 0 and block_of[position] != block_of[position - 1]


def _is_standfirst(
    content: Sequence[Line], good: Sequence[bool], lines: Sequence[Line], right_under_title: bool
) -> bool:
    """The first paragraph is a standfirst when a date/byline line sets it apart from the
    text, or when it is short (at most two sentences) and stands right under the title or
    above a subheading or a live-blog time. (Followed by more paragraphs after the byline
    and the photo, a short paragraph is the text's lead.)"""
    first = content[0]
    if not any(good[1:]):
        return False
    after_first = lines[lines.index(first) + 1 :]
    next_content = next((i for i, ln in enumerate(after_first) if ln.kind in CONTENT_KINDS), 0)
    if any(ln.kind == Kind.META for ln in after_first[:next_content]):
        return True
    short = len(first.text) <= STANDFIRST_MAX_CHARS and len(split_sentences(first.text)) <= 2
    heading_follows = len(good) > 1 and not good[1]
    return short and (right_under_title or heading_follows)


def _labelled_dates(lines: Sequence[Line]) -> list[tuple[DateStatement, ...]]:
    """Each line's date statements, those of a line under a bare keyword ('수정', 'Updated:'
    on a line of its own, the date on the next) of that keyword's kind."""
    labelled: list[tuple[DateStatement, ...]] = []
    label: str | None = None
    for line in lines:
        dates = line.dates
        if label is not None and dates and not any(d.labelled for d in dates):
            dates = tuple(replace(d, kind=label) for d in dates)
        bare = [d for d in line.dates if d.labelled and not _DIGIT.search(d.text)]
        label = bare[-1].kind if bare and len(bare) == len(line.dates) else None
        labelled.append(dates)
    return labelled


def _says_published(date: DateStatement) -> bool:
    return date.kind == "published" and date.labelled and date.value is not None


def _date_place(index: int, text: tuple[int, int]) -> int:
    """0 in the header, 1 in the text, 2 after it."""
    return 0 if index < text[0] else 1 if index < text[1] else 2


#: Lines set beside a date line: another date line, chrome.
_DATE_LINE_COMPANIONS = frozenset({Kind.META, Kind.CHROME})


def _signs_the_text(lines: Sequence[Line], text_end: int, at: int, date: DateStatement) -> bool:
    """Whether a date line after the text is the article's: no end-of-article marker before
    it, and either labelled ('First Published: …', or beside a labelled update: '5 gennaio
    2025 (modifica il 6 gennaio 2025)') or not under a paragraph (a teaser's)."""
    if any(ln.kind == Kind.END for ln in lines[text_end:at]):
        return False
    if date.labelled or any(d.labelled for d in lines[at].dates):
        return True
    above = next((ln for ln in reversed(lines[:at]) if ln.kind not in _DATE_LINE_COMPANIONS), None)
    return above is None or above.kind != Kind.PROSE


def _opens_the_text(at: int, text_at: int, date: DateStatement) -> bool:
    """Whether a date line inside the text may date the article: labelled ('Published …'), or
    among its first lines (a byline set under the lead). A date line further down is a table's
    row, a chart's label or a quoted document's date, not the article's."""
    return date.labelled or at - text_at < TEXT_DATE_LINES


def _dates_a_card(lines: Sequence[Line], at: int) -> bool:
    """Whether the date line at *at* stands under a headline: another story's card."""
    above = next((ln for ln in reversed(lines[:at]) if ln.kind != Kind.CHROME), None)
    return above is not None and above.kind == Kind.HEADLINE and above.words >= HEADLINE_MIN_WORDS


#: Where a card's first words are compared with the title's, before the words themselves.
CARD_PREFIX_CHARS = 12


def _own_card_date(
    lines: Sequence[Line], title_at: int, text_end: int, tz_name: str
) -> DateStatement | None:
    """The date of this article's own card in one of the page's lists ('Latest News': the
    title again, then a date line, or the date on the title's line)."""
    title = lines[title_at].text
    if lines[title_at].words < HEADLINE_MIN_WORDS:
        return None
    prefix = fold(title)[:CARD_PREFIX_CHARS]
    for at, line in enumerate(lines):
        if title_at <= at < text_end or line.kind != Kind.HEADLINE:
            continue
        if not fold(line.text).startswith(prefix):
            continue
        if line.text.startswith(title) and len(line.text) > len(title):
            statement = read_date_statement(line.text[len(title) :].strip(" ,|–—-"), tz_name)
            dates: Sequence[DateStatement] = (statement,) if statement else ()
        elif _same_words(line.text, title) and at + 1 < len(lines):
            dates = lines[at + 1].dates
        else:
            continue
        found = next((d for d in dates if d.kind == "published" and d.value), None)
        if found is not None:
            return found
    return None


#: An author field of a facts box: 'Autorin/Autor NAME', 'Author: NAME', 'Auteur : NAME'.
_AUTHOR_FIELD = re.compile(
    r"(?i:autor(?:in)?(?:/autor(?:in)?)?|autore|autora|auteure?|authors?)\s*:?\s+(?P<names>.+)"
)


def _foot_date(lines: Sequence[Line], text_at: int) -> DateStatement | None:
    """The publication date the article's own foot gives, anywhere under its text's start,
    past the cards and end markers between: a post's foot line ('Von NAME am 21/02/2021.
    Abgelegt unter Israel.'), or a facts box's labelled date beside its author field ('Datum
    28.04.2023', then 'Autorin/Autor NAME'). Both say whose date it is, as a card's date
    under a headline does not."""
    for at in range(text_at, len(lines)):
        line = lines[at]
        if not line.dates:
            continue
        foot = line.kind == Kind.END or (
            line.kind == Kind.META
            and all(d.labelled for d in line.dates)
            and any(_is_author_field(ln.text) for ln in lines[max(0, at - 1) : at + 2])
        )
        found = next((d for d in line.dates if d.kind == "published" and d.value), None)
        if foot and found is not None:
            return found
    return None


def _is_author_field(text: str) -> bool:
    match = _AUTHOR_FIELD.fullmatch(text)
    return match is not None and all(
        _looks_like_name(part) for part in _NAME_SPLIT.split(match["names"])
    )


def _dates_a_card_after_text(lines: Sequence[Line], at: int, title_at: int) -> bool:
    """Whether a date line between the title and the text stands under another story's
    headline, below paragraphs of this one (the text was read from past a card set in it;
    a dek and a byline, or one lead paragraph, are no paragraphs of text)."""
    if at <= title_at or not _dates_a_card(lines, at):
        return False
    paragraphs = sum(ln.kind == Kind.PROSE for ln in lines[title_at + 1 : at])
    return paragraphs >= PROSE_RUN_MIN_LINES


@dataclass(frozen=True)
class PageDates:
    """The dates a page's text gives, and why it gives no publication date."""

    published: datetime | None
    modified: datetime | None
    note: str | None
    relative: str | None  # the relative statement nearest the title ('Publié il y a 3 heures')


def _dates(
    lines: Sequence[Line],
    title_at: int,
    text: tuple[int, int],
    own_card: DateStatement | None = None,
    foot: DateStatement | None = None,
) -> PageDates:
    """Of each kind, the dated statement of the header nearest
    the title, those under it first (a byline's date is under the headline; a masthead's
    'today' stands above it, further up the page), else the first one in the *text*
    (dates further down belong to related articles more often than to this one), else one
    printed right after it (Taz, VG sign the article at its end), but never the date of a
    card (a headline and its date line). A header that gives any date, even an update's, is
    not overruled by a date in the text, unless it says it is the publication's ('Updated …'
    under the headline, 'First Published: …' under the text). The date of the article's own
    card in a list (*own_card*) comes after those under the title and before those above it
    (a masthead's 'today')."""
    text_at, text_end = text
    placed = [
        (_date_place(i, text), i < title_at, abs(i - title_at) if i < text_at else i, d)
        for i, dates in enumerate(_labelled_dates(lines))
        for d in dates
        if (i < text_at and not _dates_a_card_after_text(lines, i, title_at))
        or (
            not _dates_a_card(lines, i)
            and (
                _opens_the_text(i, text_at, d)
                if i < text_end
                else _signs_the_text(lines, text_end, i, d)
            )
        )
    ]
    if own_card is not None:
        placed.append((0, True, -1, own_card))
    if foot is not None:
        placed.append((2, False, len(lines), foot))
    if any(d.value for place, _, _, d in placed if place == 0):  # the header dates the page
        placed = [item for item in placed if item[0] == 0 or _says_published(item[-1])]
    placed.sort(key=lambda item: item[:3])
    statements = [d for *_, d in placed]
    published = next((d.value for d in statements if d.kind == "published" and d.value), None)
    modified = next((d.value for d in statements if d.kind == "modified" and d.value), None)
    relative = next((d.text for d in statements if d.relative), None)
    note = None
    if published is None:
        if relative:
            note = f"the page only gives a relative date ('{relative}')"
        elif modified is not None:
            note = "the page only gives an update date"
    return PageDates(published, modified, note, relative)
