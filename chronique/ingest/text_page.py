"""Steps 2–3 for plain text: find the article in a page copied as text.

A copied news page is a column of lines: site chrome, a section label, perhaps
a short headline or kicker, the title, a byline and date line, the standfirst,
the body, then more chrome. Nothing in a line says which it is, so each line is
first classified on its own (chrome pattern, date/byline line, caption, or by
its shape: headline-like, short sentence, long prose), then the structure is
read from the sequence:

* the **article text** is the largest run of text lines (subheadings and
  meta lines allowed inside), cut at the first "end of article" chrome line;
* the **header** is what comes before it. Its headline-like lines are grouped
  into runs separated by any other line (labels, date lines…). The **title**
  is the first proper headline (4+ words) of the run nearest the text; lines
  after it in that run are a dek (standfirst). A headline of an earlier run that
  shares words with the title and text is the **short headline** (subtitle);
  a configured section name among the header lines is the **section**;
* the **standfirst** is the dek, else the first text paragraph when it is
  short (at most two sentences) and more text follows.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from itertools import takewhile
from typing import NamedTuple

from chronique.ingest.chrome import MAX_CHROME_CHARS, ChromePatterns
from chronique.ingest.dates import (
    META_START,
    META_START_CHARS,
    DateStatement,
    ends_with_date,
    join_clock_segments,
    read_date_statement,
    read_trailing_date,
    split_statements,
)
from chronique.ingest.errors import IngestFailure
from chronique.ingest.markdown import escape_paragraph, heading, join_blocks
from chronique.ingest.page import ExtractedPage, fold, sections_by_fold, split_sentences


class Kind:
    """Line kinds. Plain strings, not an Enum: they are hashed for every line of every page."""

    CHROME = "chrome"
    END = "end"  # chrome that closes the article ("Laisser un commentaire", "Les + Lus")
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
MENU_MIN_LABELS = 3
#: The start of the text is enough to tell whether a headline is about the same story.
BODY_SAMPLE_CHARS = 3000
#: A date/byline line is short ("Par X | Publié le … à …, mis à jour le … à …").
META_MAX_CHARS = 250
META_MAX_WORDS = 30
#: A dek (a standfirst set as a headline, without closing punctuation) is a long line.
DEK_MIN_WORDS = 8
STANDFIRST_MAX_CHARS = 400
#: classify_line remembers lines up to this long, and at most this many of them.
SEEN_LINE_MAX_CHARS = 200
SEEN_LINES_MAX = 50_000

_SENTENCE_CLOSE = r"(?:[\s\u00a0\u202f]*[»”\"’')\]])*$"
#: How far from a line's end its closing punctuation can stand: the closing quotes,
#: brackets and spaces after it never run this long. Searching only there keeps the
#: end-of-sentence tests from scanning whole paragraphs.
_TAIL_CHARS = 32
_ENDS_SENTENCE = re.compile(rf"[.!?…:;,]{_SENTENCE_CLOSE}")
_SPACES = re.compile(r"[ \t]+")
_ENDS_PARAGRAPH = re.compile(rf"[.!?…:]{_SENTENCE_CLOSE}")
_ENDS_STATEMENT = re.compile(rf"[.…]{_SENTENCE_CLOSE}")
_TIMESTAMP = re.compile(r"\d{1,2}\s*[h:]\s*\d{2}|\d{1,2}\s*h")
_BREADCRUMB_SEPARATOR = re.compile(r"\s+[>›»/|]\s+")
#: "Accueil > International > Europe > Ukraine": a few labels of at most 4 words.
BREADCRUMB_MAX_CHARS = 200
_META_SEPARATOR = re.compile(r"\s*[|•·]\s*|\s+[-–—]\s+")
#: Whether a line has segments worth splitting with _META_SEPARATOR: substring tests,
#: quicker than a regex search that stops at every space.
_SEPARATOR_MARKS = ("|", "•", "·", " - ", " – ", " — ")
#: Photo captions and credits: a credit at the start or the end, or a credit marker.
_CAPTION_START = re.compile(r"(?:photo|image|illustration|cr[ée]dits?(?: photo)?)\s*:")
_CAPTION_MARKS = (
    "©",
    "crédit photo",
    "crédits photo",
    "photo credit",
    "photograph:",
    "reuters/",
    "getty images",
    "ap photo",
    "afp photo",
    "shutterstock",
)
_CAPTION_END = re.compile(
    r"(?:/\s*(?:afp|reuters|ap|pa|epa|getty images|sipa|maxppp|abaca|hans lucas|ansa|dpa|xinhua)"
    r"\b[^/]{0,40}|\((?:photo|cr[ée]dit|credit|image)\b[^)]*\)\s*\.?)$"
)
CAPTION_MAX_WORDS = 60
_BYLINE = re.compile(
    r"(?:par|by|texte|propos recueillis par|written by)\s*:?\s+(?P<names>.+)", re.IGNORECASE
)
_NAME_SPLIT = re.compile(r"\s*(?:,|;|&|\bet\b|\band\b)\s*")
_NAME_WORD = re.compile(
    r"(?:[A-ZÀ-ÖØ-Þ][\w'’.-]*|d['’][A-ZÀ-Þ][\w'’-]*|de|du|des|van|von|der|den|da|di|del|ben|bin|al|el|le|la)"
)
_PARENTHESES = re.compile(r"\s*\([^)]*\)")
_WORD = re.compile(r"[^\W\d_]{4,}")


@dataclass(frozen=True)
class TextRules:
    """What the text extractor needs from the site's settings."""

    chrome: ChromePatterns
    sections: tuple[str, ...] = ()
    timezone: str = "Europe/Paris"
    #: Short lines already classified under these rules (see classify_line).
    seen_lines: dict[str, Line] = field(default_factory=dict, compare=False, repr=False)


class Line(NamedTuple):
    """One line of a page and what it is. A named tuple rather than a frozen dataclass:
    one is made for every new line of every page, at a third of the cost."""

    text: str
    kind: str  # a Kind
    dates: tuple[DateStatement, ...] = ()
    authors: tuple[str, ...] = ()
    parts: tuple[str, ...] = ()  # breadcrumb parts

    @property
    def words(self) -> int:
        return len(self.text.split())


@dataclass(frozen=True)
class Header:
    title: str
    subtitle: str | None
    section: str | None
    section_hint: str | None
    dek: str | None


# --------------------------------------------------------------------------- lines


def split_lines(text: str) -> list[str]:
    """Non-empty lines, with hard-wrapped prose joined back into one line per paragraph."""
    lines: list[str] = []
    for block in re.split(r"\n[ \t\u00a0]*\n", text):
        joined: list[str] = []
        for raw in block.split("\n"):
            line = _SPACES.sub(" ", raw).strip() if "  " in raw or "\t" in raw else raw.strip()
            if line and joined and _continues(joined[-1], line):
                joined[-1] = f"{joined[-1]} {line}"
            elif line:
                joined.append(line)
        lines.extend(joined)
    return lines


def _continues(previous: str, line: str) -> bool:
    """A hard-wrapped paragraph: a long line that stops mid-sentence, then a lowercase start."""
    return len(previous) >= 40 and not _ends(_ENDS_PARAGRAPH, previous) and line[0].islower()


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
    if len(text) > MAX_CHROME_CHARS and text.count(" ") >= CAPTION_MAX_WORDS:
        return Line(text, _shape(text))  # too long for chrome, a meta line or a caption
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
    )


def _shape(text: str) -> str:
    words = len(text.split())
    if words >= PROSE_MIN_WORDS:
        return Kind.PROSE
    if _ends(_ENDS_STATEMENT, text) and words >= 12:
        return Kind.PROSE
    if _ends(_ENDS_SENTENCE, text):
        return Kind.PROSE if words >= 25 else Kind.SENTENCE
    return Kind.HEADLINE


def _breadcrumb_parts(text: str) -> tuple[str, ...]:
    if len(text) > BREADCRUMB_MAX_CHARS:
        return ()
    parts = _BREADCRUMB_SEPARATOR.split(text)
    if len(parts) < 2 or any(not p or len(p.split()) > 4 for p in parts):
        return ()
    return tuple(parts)


def _meta_line(text: str, tz_name: str) -> Line | None:
    """A line made of date statements and bylines (plus short credits), or None."""
    if len(text) > META_MAX_CHARS or text.count(" ") >= META_MAX_WORDS:
        return None
    has_separator = any(mark in text for mark in _SEPARATOR_MARKS)
    segments = join_clock_segments(_META_SEPARATOR.split(text)) if has_separator else [text]
    starts = any(META_START.match(fold(segment[:META_START_CHARS])) for segment in segments)
    if not (starts or ends_with_date(text)):  # 'Reuters November 18, 2019 11:03 PM'
        return None
    dates: list[DateStatement] = []
    authors: list[str] = []
    for segment in segments:
        for statement_text in split_statements(segment):
            statement = read_date_statement(statement_text.strip(" ,"), tz_name)
            if statement is not None:
                dates.append(statement)
                continue
            signed = _signed_date(statement_text, tz_name)
            if signed is not None:
                authors.extend(signed[0])
                dates.append(signed[1])
                continue
            names = read_byline(statement_text)
            if names:
                authors.extend(names)
            elif not _is_credit(statement_text):
                return None
    if not (dates or authors):
        return None
    return Line(text, Kind.META, dates=tuple(dates), authors=tuple(authors))


def _signed_date(segment: str, tz_name: str) -> tuple[tuple[str, ...], DateStatement] | None:
    """'By NAME November 19, 2019, 07:47 PM EST' -> ((NAME,), statement); 'Reuters November 18,
    2019 11:03 PM' -> ((), statement): a byline or a name-like credit, then a date."""
    found = read_trailing_date(segment, tz_name)
    if found is None:
        return None
    before, statement = found
    names = read_byline(before)
    if names or _looks_like_name(before):
        return names, statement
    return None


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


def extract_text_page(text: str, rules: TextRules) -> ExtractedPage:
    """Find title, section, date, standfirst and body in a page copied as plain text."""
    lines = _cut_at_end([classify_line(t, rules) for t in split_lines(text)])
    span = _article_span(lines)
    header_lines, article_lines = lines[: span[0]], lines[span[0] : span[1]]
    header = read_header(header_lines, rules.sections, Subject(article_lines))
    standfirst, blocks, paragraphs = _body(article_lines, header.dek)
    if not paragraphs:
        raise IngestFailure("title only: no article text under the headline")
    published, modified, note = _dates(lines[: span[1]])
    authors = tuple(dict.fromkeys(a for ln in lines[: span[1]] for a in ln.authors))
    return ExtractedPage(
        title=header.title,
        subtitle=header.subtitle,
        section=header.section,
        section_hint=header.section_hint,
        standfirst=standfirst,
        body=join_blocks(blocks),
        paragraphs=tuple(paragraphs),
        published=published,
        modified=modified,
        date_note=note,
        relative_date=next(
            (d.text for ln in lines[: span[1]] for d in ln.dates if d.relative), None
        ),
        authors=authors,
    )


def _cut_at_end(lines: list[Line]) -> list[Line]:
    """Drop everything from the first end-of-article line that follows article text."""
    seen_prose = False
    for index, line in enumerate(lines):
        if line.kind is Kind.PROSE:
            seen_prose = True
        elif line.kind is Kind.END and seen_prose:
            return lines[:index]
    return lines


def _article_span(lines: Sequence[Line]) -> tuple[int, int]:
    """[start, stop) of the article text: the largest run of text lines, continued across
    short interruptions (a 'read also' box) that are followed by more prose."""
    blocks = _text_blocks(lines)
    if not blocks:
        if any(ln.kind is Kind.HEADLINE for ln in lines):
            raise IngestFailure("title only: no article text under the headline")
        raise IngestFailure("only page chrome: no title and no article text found")
    main = max(range(len(blocks)), key=lambda i: _text_chars(lines, blocks[i]))
    start, stop = blocks[main]
    for next_start, next_stop in blocks[main + 1 :]:
        gap = sum(ln.kind in CONTENT_KINDS for ln in lines[stop:next_start])
        if gap > MAX_GAP or not any(ln.kind is Kind.PROSE for ln in lines[next_start:next_stop]):
            break
        stop = next_stop
    return start, stop


def _text_blocks(lines: Sequence[Line]) -> list[tuple[int, int]]:
    """Runs of text: they start at a paragraph and go on through text lines, and through
    headlines or timestamps directly followed by text (subheadings, live-blog times)."""
    has_prose = any(ln.kind is Kind.PROSE for ln in lines)
    starters = {Kind.PROSE} if has_prose else {Kind.SENTENCE}
    content = [i for i, ln in enumerate(lines) if ln.kind in CONTENT_KINDS]
    blocks: list[tuple[int, int]] = []
    current: tuple[int, int] | None = None
    for position, index in enumerate(content):
        kind = lines[index].kind
        following = lines[content[position + 1]].kind if position + 1 < len(content) else None
        if current is None:
            if kind in starters:
                current = (index, index + 1)
        elif kind in TEXT_KINDS or following in TEXT_KINDS:
            current = (current[0], index + 1)
        else:
            blocks.append(current)
            current = None
    if current is not None:
        blocks.append(current)
    if not has_prose:  # short texts only: they count when a headline stands above them
        blocks = [b for b in blocks if any(ln.kind is Kind.HEADLINE for ln in lines[: b[0]])]
    return blocks


def _text_chars(lines: Sequence[Line], block: tuple[int, int]) -> int:
    return sum(len(ln.text) for ln in lines[block[0] : block[1]] if ln.kind in TEXT_KINDS)


def _content_words(text: str) -> set[str]:
    """Crude stems of the longer words: enough to tell whether two lines share a subject."""
    return {w[:5] for w in _WORD.findall(text.casefold())}


class Subject:
    """What the article text is about (its start's content words), to recognise headlines
    of the same story. Read only when a header has more than one candidate."""

    def __init__(self, article_lines: Sequence[Line]) -> None:
        self._lines = article_lines

    @cached_property
    def words(self) -> set[str]:
        text = " ".join(ln.text for ln in self._lines if ln.kind in TEXT_KINDS)
        return _content_words(text[:BODY_SAMPLE_CHARS])


def read_header(lines: Sequence[Line], sections: Sequence[str], subject: Subject) -> Header:
    """Section, title, short headline and dek from the lines above the article text."""
    runs = _headline_runs(lines)
    section, runs = _known_section(runs, lines, sections)
    proper = [[ln for ln in run if ln.words >= HEADLINE_MIN_WORDS] for run in runs]
    proper = [run for run in proper if run]
    if not proper:  # only short lines: the title is a short one ("Brexit : le jour J")
        proper = runs
    if not proper:
        raise IngestFailure("no title found: no headline line above the article text")
    candidates = proper[-1]
    title_line = candidates[0]
    if len(candidates) > 1:
        title_line = next(
            (ln for ln in candidates if _content_words(ln.text) & subject.words), title_line
        )
    hint = _breadcrumb_label(lines) or section or _section_label(runs, title_line)
    if section is None and not sections:
        section = hint
    return Header(
        title=title_line.text,
        subtitle=_short_headline(proper[:-1], title_line.text, subject),
        section=section,
        section_hint=hint,
        dek=_dek(runs, title_line),
    )


def _headline_runs(lines: Sequence[Line]) -> list[list[Line]]:
    """Headline-like lines, grouped into runs that any other line separates."""
    runs: list[list[Line]] = [[]]
    for line in lines:
        if line.kind in (Kind.HEADLINE, Kind.SENTENCE):
            runs[-1].append(line)
        elif runs[-1]:
            runs.append([])
    return [run for run in map(_without_menu, runs) if run]


def _without_menu(run: list[Line]) -> list[Line]:
    """Three or more short labels in a row are a navigation menu, not a section or kicker."""
    kept: list[Line] = []
    streak: list[Line] = []
    for line in [*run, None]:
        if line is not None and line.words < HEADLINE_MIN_WORDS:
            streak.append(line)
            continue
        if len(streak) < MENU_MIN_LABELS:
            kept.extend(streak)
        streak = []
        if line is not None:
            kept.append(line)
    return kept


def _known_section(
    runs: list[list[Line]], lines: Sequence[Line], sections: Sequence[str]
) -> tuple[str | None, list[list[Line]]]:
    """The first configured section named by a breadcrumb or a header line (that line removed)."""
    known = sections_by_fold(tuple(sections))
    for part in (p for ln in lines if ln.kind is Kind.BREADCRUMB for p in ln.parts):
        if fold(part) in known:
            return known[fold(part)], runs
    for run in runs:
        for line in run:
            if fold(line.text) in known:
                remaining = [[ln for ln in r if ln is not line] for r in runs]
                return known[fold(line.text)], [r for r in remaining if r]
    return None, runs


def _breadcrumb_label(lines: Sequence[Line]) -> str | None:
    """The page's (first) breadcrumb with its levels, for the section map to read from the
    most specific: 'Accueil > Société > Santé'."""
    crumbs = next((ln.parts for ln in lines if ln.kind is Kind.BREADCRUMB), ())
    return " > ".join(crumbs) or None


def _section_label(runs: list[list[Line]], title: Line) -> str | None:
    """The first short line above the title ('International', 'World news')."""
    for run in runs:
        for line in run:
            if line is title:
                return None
            if line.words < HEADLINE_MIN_WORDS and len(line.text) <= 30:
                return line.text
    return None


def _dek(runs: list[list[Line]], title: Line) -> str | None:
    """Long headline-like lines right under the title, in the same run: a dek (standfirst)."""
    for run in runs:
        if title in run:
            following = run[run.index(title) + 1 :]
            dek = list(takewhile(lambda ln: ln.words >= DEK_MIN_WORDS, following))
            return " ".join(ln.text for ln in dek) or None
    return None


def _short_headline(
    earlier_runs: Sequence[Sequence[Line]], title: str, subject: Subject
) -> str | None:
    """The nearest earlier headline about the same story (2+ shared words), if distinct."""
    folded_title = fold(title)
    reference: set[str] | None = None
    for run in reversed(earlier_runs):
        for line in reversed(run):
            if fold(line.text) in folded_title:
                continue
            if reference is None:
                reference = _content_words(title) | subject.words
            if len(_content_words(line.text) & reference) >= 2:
                return line.text
    return None


def _body(lines: Sequence[Line], dek: str | None) -> tuple[str | None, list[str], list[str]]:
    """(standfirst, Markdown blocks, plain paragraphs) of the article text."""
    content = [ln for ln in lines if ln.kind in CONTENT_KINDS]
    standfirst = dek
    if standfirst is None and content and _is_standfirst(content, lines):
        standfirst = content[0].text
        content = content[1:]
    blocks: list[str] = []
    paragraphs: list[str] = []
    for position, line in enumerate(content):
        following = content[position + 1].kind if position + 1 < len(content) else None
        if line.kind in TEXT_KINDS:
            blocks.append(escape_paragraph(line.text))
            paragraphs.append(line.text)
        elif following in TEXT_KINDS and line.kind is Kind.TIMESTAMP:
            blocks.append(f"**{escape_paragraph(line.text)}**")
        elif following in TEXT_KINDS and line.words <= SUBHEADING_MAX_WORDS:
            blocks.append(heading(line.text))
        elif following in TEXT_KINDS:
            blocks.append(escape_paragraph(line.text))
            paragraphs.append(line.text)
    return standfirst, blocks, paragraphs


def _is_standfirst(content: Sequence[Line], lines: Sequence[Line]) -> bool:
    """The first paragraph is a standfirst when a date/byline line sets it apart from the
    text, or when it is short (at most two sentences) and more text follows."""
    first = content[0]
    if first.kind not in TEXT_KINDS or not any(ln.kind in TEXT_KINDS for ln in content[1:]):
        return False
    after_first = lines[lines.index(first) + 1 :]
    next_content = next((i for i, ln in enumerate(after_first) if ln.kind in CONTENT_KINDS), 0)
    if any(ln.kind is Kind.META for ln in after_first[:next_content]):
        return True
    return len(first.text) <= STANDFIRST_MAX_CHARS and len(split_sentences(first.text)) <= 2


def _dates(lines: Sequence[Line]) -> tuple[object, object, str | None]:
    """(published, modified, note): the first dated statement of each kind."""
    statements = [d for ln in lines for d in ln.dates]
    published = next((d.value for d in statements if d.kind == "published" and d.value), None)
    modified = next((d.value for d in statements if d.kind == "modified" and d.value), None)
    note = None
    if published is None:
        relative = next((d.text for d in statements if d.relative), None)
        if relative:
            note = f"the page only gives a relative date ('{relative}')"
        elif modified is not None:
            note = "the page only gives an update date"
    return published, modified, note
