"""The ingest pipeline: raw pages (files or folders) in, article files and a report out.

Per input: read and size-check -> sha256 already in the archive? -> decode ->
extract (plain text or HTML) -> fields (date, section, summary, lang, tags,
slug, source) -> near-duplicate check -> atomic write. Every input ends in
exactly one report line; a failure never stops the batch. Before the first input, the
lines the batch's text pages share are counted: a site's chrome (see repeats.py).
"""

from __future__ import annotations

import hashlib
import os
import stat
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from urllib.parse import urlsplit

from chronique.config import ChroniqueConfig, load_config
from chronique.content.dates import parse_day_or_moment
from chronique.content.model import SUMMARY_MAX_CHARS, ArticleMeta, Source
from chronique.content.render import url_scheme
from chronique.content.slugs import slugify
from chronique.folding import fold, source_key
from chronique.ingest.chrome import load_chrome_patterns
from chronique.ingest.dates import (
    in_zone,
    is_placeholder,
    resolve_relative,
    zone,
    zone_was_printed,
)
from chronique.ingest.decode import decode_bytes
from chronique.ingest.dedupe import ArchiveIndex, Fingerprint
from chronique.ingest.errors import IngestFailure
from chronique.ingest.html_page import extract_html_page
from chronique.ingest.images import lead_image
from chronique.ingest.language import detect_language, language_name
from chronique.ingest.page import ExtractedPage, sections_by_fold, trim_at_sentence
from chronique.ingest.repeats import PageCounter, RepeatedLines
from chronique.ingest.report import IngestReport, IngestResult, Status
from chronique.ingest.sections import SectionChoice, SectionMap, SectionMapError
from chronique.ingest.tagging import SiteTagger
from chronique.ingest.text_page import TextRules, extract_text_page
from chronique.ingest.write import article_text, unique_slug, write_new_file
from chronique.paths import printable, printable_path
from chronique.topics.tagging import LANGUAGES as TAGGER_LANGUAGES

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
_PAGE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES
WEB_SCHEMES = frozenset({"http", "https"})
#: A news article is at most a few tens of kilobytes of text; a megabyte is a dump, not a page.
#: Where a calendar day ends last: a capture day given without a zone ends there.
LAST_ZONE = timezone(timedelta(hours=-12))
DEFAULT_MAX_TEXT_BYTES = 1_000_000
#: Saved HTML pages carry scripts and inline images: a larger allowance.
DEFAULT_MAX_HTML_BYTES = 10_000_000
NO_DATE = "no publication date found — pass --date YYYY-MM-DD"

#: The type of a day, under a name the field ``IngestOptions.date`` does not hide.
Day = date


@dataclass(frozen=True)
class IngestOptions:
    """What the editor supplies for the pages that lack it (never overrides the page)."""

    date: Day | None = None
    category: str | None = None
    source_url: str | None = None
    source_name: str | None = None
    #: When the pages were captured (a day, or a moment), when known: a page's date after it
    #: is a placeholder, not evidence.
    retrieved: Day | datetime | None = None
    quiet: bool = False
    max_text_bytes: int = DEFAULT_MAX_TEXT_BYTES
    max_html_bytes: int = DEFAULT_MAX_HTML_BYTES

    def __post_init__(self) -> None:
        if self.source_url is not None and not web_address(self.source_url):
            raise ValueError(
                f"--source-url '{printable(self.source_url)}' is not a web address "
                "(http:// or https://)"
            )


def web_address(url: str) -> bool:
    """True for an absolute http(s) URL, its scheme read as the URL policy reads it: the
    only kind of address a page is captured from."""
    return url_scheme(url) in WEB_SCHEMES


@dataclass
class Batch:
    """State shared by the inputs of one run: settings, and the archive as it grows."""

    config: ChroniqueConfig
    options: IngestOptions
    rules: TextRules
    index: ArchiveIndex
    tagger: SiteTagger
    sections: SectionMap


def ingest_paths(
    paths: Sequence[Path], config: ChroniqueConfig, options: IngestOptions | None = None
) -> IngestReport:
    """Ingest files and folders (walked recursively, in sorted order) into the archive; the
    text pages are read with the lines they share as evidence of their sites' chrome.

    Raises SectionMapError (a ValueError) when the section settings cannot be used.
    """
    options = options or IngestOptions()
    inputs = collect_inputs(paths)
    batch = new_batch(config, options, inputs.pages)
    report = IngestReport(skipped=inputs.skipped)
    with _Progress(len(inputs.pages), options.quiet) as advance:
        for path in inputs.pages:
            report.results.append(ingest_file(path, batch))
            advance()
    return report


def new_batch(config: ChroniqueConfig, options: IngestOptions, pages: Sequence[Path] = ()) -> Batch:
    """The state one run shares across its inputs (also used by the evaluation harness):
    with the lines repeated across the text *pages* it will read.

    Raises SectionMapError (a ValueError) when the section settings cannot be used.
    """
    extra_chrome = tuple(config.pelican.get("CHRONIQUE_INGEST_CHROME", ()))
    rules = TextRules(
        load_chrome_patterns(extra_chrome),
        config.sections,
        config.timezone,
        repeated_lines=repeated_lines(pages, options),
    )
    return Batch(
        config=config,
        options=options,
        rules=rules,
        index=ArchiveIndex.load(config.articles_path),
        tagger=SiteTagger(config.topics_path, config.pelican),
        sections=SectionMap.build(config.section_map, config.sections, config.default_section),
    )


def repeated_lines(pages: Sequence[Path], options: IngestOptions) -> RepeatedLines:
    """The lines printed on several of the text *pages* (see chronique.ingest.repeats), each
    page's text counted once however many copies of it the run holds. A page that cannot
    be read or decoded is left out here: its own turn reports why."""
    counter = PageCounter()
    contents: set[int] = set()
    for path in pages:
        text = _plain_text(path, options, contents)
        if text is not None:
            counter.add(text)
    return counter.lines()


def _plain_text(path: Path, options: IngestOptions, contents: set[int]) -> str | None:
    """The text of a plain-text input whose content is not among *contents* (and is now)."""
    if _suffix(path.name) not in TEXT_SUFFIXES:
        return None
    try:
        raw = _read(path, options)
        content = hash(raw)
        if content in contents:
            return None
        contents.add(content)
        text = decode_bytes(raw).text
    except (IngestFailure, OSError):
        return None
    return None if _looks_like_html(text) else text


@dataclass(frozen=True)
class Inputs:
    """What a run reads, and every file or folder it leaves out, with the reason."""

    pages: list[Path]
    skipped: list[IngestResult]


def collect_inputs(paths: Sequence[Path]) -> Inputs:
    """Files as given; folders walked recursively, in sorted order, for .txt/.text/.md/.html/
    .htm/.xhtml files (any case). A missing path stays in the list (it fails with a reason).

    What a folder holds and the run does not read is reported as skipped: other types, hidden
    files and folders, what is not a regular file, and symbolic links that lead out of the
    folder given (a link inside it is followed, once)."""
    walk = _InputWalk()
    for path in dict.fromkeys(map(Path, paths)):
        if path.is_dir():
            walk.folder(path, root=Path(os.path.realpath(path)))
        else:
            walk.pages.append(path)
    return Inputs(list(dict.fromkeys(walk.pages)), walk.skipped)


@dataclass
class _InputWalk:
    """One walk over the folders of a run: the folders and files already met, by real path,
    so that a link inside the tree neither loops nor reads a page twice."""

    pages: list[Path] = field(default_factory=list)
    skipped: list[IngestResult] = field(default_factory=list)
    folders: dict[str, Path] = field(default_factory=dict)
    files: dict[str, Path] = field(default_factory=dict)

    def folder(self, folder: Path, root: Path) -> None:
        """The order of ``sorted(folder.rglob("*"))``, from os.scandir: its entries know
        their type without a stat each, which matters for batches of thousands of pages."""
        real = os.path.realpath(folder)
        if real in self.folders:
            self.skip(folder, f"same folder as {printable_path(self.folders[real])}")
            return
        self.folders[real] = folder
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
        for entry in entries:
            self.entry(entry, root)

    def entry(self, entry: os.DirEntry[str], root: Path) -> None:
        path = Path(entry.path)
        if entry.name.startswith("."):
            self.skip(path, "hidden folder" if entry.is_dir() else "hidden file")
        elif entry.is_symlink() and not path.exists():
            self.skip(path, "broken symbolic link")
        elif entry.is_symlink() and not _inside(Path(os.path.realpath(path)), root):
            self.skip(path, "symbolic link that leads out of the folder given")
        elif entry.is_dir():
            self.folder(path, root)
        elif not entry.is_file():
            self.skip(path, "not a regular file")
        elif _suffix(entry.name) not in _PAGE_SUFFIXES:
            self.skip(path, _not_a_page_type(entry.name))
        else:
            self.page(path)

    def page(self, path: Path) -> None:
        real = os.path.realpath(path)
        if real in self.files:
            self.skip(path, f"same file as {printable_path(self.files[real])}")
        else:
            self.files[real] = path
            self.pages.append(path)

    def skip(self, path: Path, reason: str) -> None:
        self.skipped.append(IngestResult(path, Status.SKIPPED, reason=reason))


def _inside(path: Path, root: Path) -> bool:
    return path == root or root in path.parents


def _not_a_page_type(name: str) -> str:
    """Why a file is not read, with the rename that would make it read when its name hides a
    page type (``a.html.1``, as wget names a second copy)."""
    suffix = _suffix(name)
    if not suffix:
        return "not a page type: no extension"
    hidden = [s for s in Path(name.lower()).suffixes[:-1] if s in _PAGE_SUFFIXES]
    hint = f" (rename it to end in {hidden[-1]} to ingest it)" if hidden else ""
    return f"not a page type: {suffix}{hint}"


def _suffix(name: str) -> str:
    return os.path.splitext(name)[1].lower()  # noqa: PTH122 - no Path object per entry


def ingest_file(path: Path, batch: Batch) -> IngestResult:
    """One input, start to end; an IngestFailure becomes a 'failed' line."""
    try:
        raw = _read(path, batch.options)
        sha256 = hashlib.sha256(raw).hexdigest()
        existing = batch.index.by_sha256.get(sha256)
        if existing is not None:
            return IngestResult(path, Status.ALREADY_PRESENT, existing)
        page = extract_page(path, raw, batch)
        section = _category(page, batch)
        meta, body = build_article(page, sha256, batch, section)
        if _suffix(path.name) in HTML_SUFFIXES:
            image = lead_image(path, raw, batch.config.content_path)
            meta = replace(meta, image=image) if image else meta
        result = _store(path, meta, body, sha256, batch)
        if result.status is Status.WRITTEN and page.encoding_note:
            notes = (result.note, page.encoding_note)
            result = replace(result, note="; ".join(n for n in notes if n))
        if result.status is Status.WRITTEN and section.unmapped_label:
            return replace(result, unmapped_label=section.unmapped_label)
        return result
    except IngestFailure as failure:
        return IngestResult(
            path,
            Status.FAILED,
            reason=failure.reason,
            unmapped_label=failure.unmapped_label,
            missing_date=failure.missing_date,
        )
    except OSError as exc:
        return IngestResult(path, Status.FAILED, reason=f"cannot read or write: {exc.strerror}")


def _read(path: Path, options: IngestOptions) -> bytes:
    """The file's bytes, refused before reading when it is not a regular file or too large
    (so a named pipe is refused instead of waiting for a writer)."""
    try:
        status = path.stat()
    except FileNotFoundError:
        raise IngestFailure("no such file or folder") from None
    if not stat.S_ISREG(status.st_mode):
        raise IngestFailure("not a regular file")
    _check_size(path, status.st_size, options)
    return path.read_bytes()


def _check_size(path: Path, size: int, options: IngestOptions) -> None:
    is_html = _suffix(path.name) in HTML_SUFFIXES
    limit = options.max_html_bytes if is_html else options.max_text_bytes
    if size > limit:
        kind = "HTML" if is_html else "text"
        raise IngestFailure(
            f"too large for one article ({size / 1e6:.1f} MB; the limit for {kind} pages is "
            f"{limit / 1e6:g} MB)"
        )


def extract_page(path: Path, raw: bytes, batch: Batch) -> ExtractedPage:
    """Decode and extract: HTML by extension or by its first tag, plain text otherwise."""
    decoded = decode_bytes(raw)
    page = _extract_decoded(path, decoded.text, batch)
    return replace(page, encoding_note=decoded.repaired) if decoded.repaired else page


def _extract_decoded(path: Path, text: str, batch: Batch) -> ExtractedPage:
    suffix = _suffix(path.name)
    if suffix in HTML_SUFFIXES or _looks_like_html(text):
        return extract_html_page(
            text, batch.rules.chrome, batch.config.sections, batch.config.timezone
        )
    if suffix not in TEXT_SUFFIXES:
        raise IngestFailure(
            f"unsupported file type '{path.suffix}' (expected .txt, .text, .md, .html or .htm)"
        )
    return extract_text_page(text, batch.rules, batch.options.source_url)


def _looks_like_html(text: str) -> bool:
    return text.lstrip()[:15].lower().startswith(("<!doctype html", "<html"))


# -------------------------------------------------------------------------- fields


def build_article(
    page: ExtractedPage, sha256: str, batch: Batch, section: SectionChoice | None = None
) -> tuple[ArticleMeta, str]:
    """The front-matter fields of *page* (its *section* already chosen, or chosen here);
    IngestFailure when a required one is missing: one failure for a page that lacks both
    date and section, so that the report counts both."""
    config, options = batch.config, batch.options
    section = section or _category(page, batch)
    try:
        published = _publication_date(page, batch)
    except IngestFailure as failure:
        if section.category is None:
            raise _no_section(page, section, batch, also=failure) from None
        raise
    if section.category is None or section.source is None:
        raise _no_section(page, section, batch)
    modified = (
        in_zone(page.modified, published.zone_name or config.timezone) if page.modified else None
    )
    if modified is not None and (modified < published.value or published.source == "updated"):
        modified = None
    summary = page.standfirst or trim_at_sentence(page.paragraphs[0], SUMMARY_MAX_CHARS)
    slug = slugify(page.title)
    if not slug:
        raise IngestFailure(f"no slug can be made from the title '{page.title}'")
    lang = detect_language(
        " ".join((summary, *page.paragraphs[:5])), page.declared_lang or config.default_lang
    )
    meta = ArticleMeta(
        title=page.title,
        subtitle=page.subtitle,
        date=published.value,
        date_source=published.source,
        date_zone=published.zone,
        modified=modified,
        category=section.category,
        category_source=section.source,
        tags=_tags(page, summary, lang, batch),
        summary=summary,
        authors=page.authors,
        lang=lang,
        slug=slug,
        source=_source(page, options, sha256),
    )
    return meta, page.body


def _tags(page: ExtractedPage, summary: str, lang: str, batch: Batch) -> tuple[str, ...]:
    """The vocabulary's topics found in the article; none for a language whose words the
    tagger does not know (a Spanish 'sol' is not the French topic 'Sols')."""
    if lang not in TAGGER_LANGUAGES:
        return ()
    return batch.tagger.tag(
        title=page.title,
        subtitle=page.subtitle,
        summary=summary,
        body=page.body,
        site_tags=page.site_tags,
    )


@dataclass(frozen=True)
class PageDate:
    """The article's date and who vouches for it and for its time zone (see ArticleMeta)."""

    value: datetime
    source: str  # a DATE_SOURCES value of chronique.content.model
    zone: str  # "page" | "source" | "archive"
    zone_name: str | None = None  # the zone assumed, when it was


def _publication_date(page: ExtractedPage, batch: Batch) -> PageDate:
    """The page's own date ('page'); else its relative date counted back from the capture
    (--retrieved: 'capture'; a capture day dates only 'hier à 10h30', not 'il y a 3
    heures', see resolve_relative); else the editor's --date at local midnight
    ('editor'); else the update date when it is the only date the page prints ('updated').

    A time the page printed without a zone is read in the source's zone
    (CHRONIQUE_SOURCE_TIMEZONES), else the archive's TIMEZONE, and the article says so.
    """
    options = batch.options
    tz_name, zone_kind = _page_zone(page, batch)
    if page.published is not None:
        return _printed_date(page.published, "page", (tz_name, zone_kind), options)
    if page.relative_date and options.retrieved is not None:
        value = resolve_relative(page.relative_date, options.retrieved, tz_name)
        if value is not None:
            return PageDate(in_zone(value, tz_name), "capture", zone_kind, tz_name)
    if options.date is not None:
        midnight = datetime.combine(options.date, time(0), tzinfo=zone(tz_name))
        # the archive's zone is what date_source 'editor' already means; a source's is not
        return PageDate(
            midnight, "editor", "page" if zone_kind == "archive" else zone_kind, tz_name
        )
    if page.modified is not None:
        return _printed_date(page.modified, "updated", (tz_name, zone_kind), options)
    if page.date_note:
        capture = " or the capture time (--retrieved 2025-03-15T10:30+01:00)"
        raise IngestFailure(
            f"no publication date found ({page.date_note}) — pass --date YYYY-MM-DD"
            + (capture if page.relative_date else ""),
            missing_date=True,
        )
    raise IngestFailure(NO_DATE, missing_date=True)


def _printed_date(
    value: datetime, source: str, page_zone: tuple[str, str], options: IngestOptions
) -> PageDate:
    """A date the page printed, in its printed zone or else *page_zone* (see _page_zone)."""
    tz_name, zone_kind = page_zone
    local = in_zone(value, tz_name)  # compared with the capture as the page's own time
    _check_before_capture(local, options)
    if zone_was_printed(value):
        return PageDate(value, source, "page")
    return PageDate(local, source, zone_kind, tz_name)


def _page_zone(page: ExtractedPage, batch: Batch) -> tuple[str, str]:
    """(IANA zone, 'source' | 'archive') for the times the page prints without a zone."""
    zones = batch.config.source_timezones
    for name in _source_names(page, batch.options):
        if source_key(name) in zones:
            return zones[source_key(name)], "source"
    return batch.config.timezone, "archive"


def _check_before_capture(value: datetime, options: IngestOptions) -> None:
    captured = _captured(options.retrieved)
    if captured is not None and is_placeholder(value, captured):
        raise IngestFailure(
            f"the page's date {value.isoformat()} is after its capture "
            f"({_iso(options.retrieved)}): a placeholder, not a publication date — "
            "pass --date YYYY-MM-DD",
            missing_date=True,
        )


def _captured(retrieved: date | datetime | None) -> datetime | None:
    """The capture as a moment. A day given without a zone may be the archivist's or the
    page's: it means the last moment that day exists anywhere (its end at UTC-12), so that
    an evening page from a zone ahead of the archivist's is not taken for a placeholder."""
    if retrieved is None or isinstance(retrieved, datetime):
        return retrieved
    return datetime.combine(retrieved, time.max, tzinfo=LAST_ZONE)


def _iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _category(page: ExtractedPage, batch: Batch) -> SectionChoice:
    """The page's label as the sections or the map know it, else --category, else the
    configured default section; a choice without a category when none applies."""
    sections = batch.config.sections
    editor = batch.options.category
    if editor is not None:
        editor = sections_by_fold(sections).get(fold(editor), editor)
        if sections and editor not in sections:
            raise IngestFailure(
                f"--category '{editor}' is not a configured section ({', '.join(sections)})"
            )
    labels = [label for label in (page.section_hint, page.section) if label]
    return batch.sections.choose(labels, _source_names(page, batch.options), editor)


def _source_names(page: ExtractedPage, options: IngestOptions) -> list[str]:
    """What settings per source (section map, time zones) may call this page's site: the
    editor's name for it, the page's, then the hosts of its URLs."""
    urls = (page.url, options.source_url)
    hosts = [urlsplit(url).hostname for url in urls if url and web_address(url)]
    return [name for name in (options.source_name, page.site_name, *hosts) if name]


def _no_section(
    page: ExtractedPage, section: SectionChoice, batch: Batch, also: IngestFailure | None = None
) -> IngestFailure:
    """Why the page has no section; after the date's failure when both are missing."""
    if section.unmapped_label:
        reason = (
            f"section label '{section.unmapped_label}' is not mapped — add it to "
            "CHRONIQUE_SECTION_MAP or pass --category"
        )
    else:
        sections = batch.config.sections
        known = f" among {', '.join(sections)}" if sections else ""
        reason = f"no section found{known} — pass --category"
    return IngestFailure(
        f"{also.reason}; {reason}" if also else reason,
        unmapped_label=section.unmapped_label,
        missing_date=also is not None and also.missing_date,
    )


def _source(page: ExtractedPage, options: IngestOptions, sha256: str) -> Source:
    """The page's provenance; an address the page claims that is not a web address (a
    ``javascript:`` canonical link) is not one, and the editor's --source-url stands."""
    page_url = page.url if page.url and web_address(page.url) else None
    url = page_url or options.source_url
    name = options.source_name or page.site_name or (urlsplit(url).hostname if url else None)
    if name and name.startswith("www."):
        name = name[4:]
    return Source(name=name, url=url, retrieved=_iso(options.retrieved), sha256=sha256)


# --------------------------------------------------------------------------- store


def _store(path: Path, meta: ArticleMeta, body: str, sha256: str, batch: Batch) -> IngestResult:
    """Write the article unless a near copy exists; pick a free slug; keep the index current."""
    fingerprint = Fingerprint.of(body)
    duplicate = batch.index.near_duplicate(fingerprint)
    if duplicate is not None:
        return IngestResult(
            path,
            Status.POSSIBLE_DUPLICATE,
            duplicate.path,
            reason=f"{duplicate.similarity:.0%} of 5-word shingles in common",
        )
    articles = batch.config.articles_path
    wanted = meta
    while True:
        slug = unique_slug(wanted.slug, batch.index.slugs.__contains__)
        meta = wanted if slug == wanted.slug else replace(wanted, slug=slug)
        target = articles / meta.relative_file
        text = article_text(meta, body, target, batch.config.sections)
        try:
            write_new_file(target, text)
            break
        except FileExistsError:  # a file the index could not read holds this path: next slug
            batch.index.slugs[meta.slug] = target
    batch.index.add(target, meta.slug, sha256, fingerprint)
    return IngestResult(
        path, Status.WRITTEN, target, note=_editor_note(meta, batch.config.default_lang)
    )


def _editor_note(meta: ArticleMeta, archive_lang: str) -> str | None:
    """What the report says of a written article that an editor should know."""
    notes = []
    if meta.lang != archive_lang:
        untagged = "" if meta.lang in TAGGER_LANGUAGES else ", not tagged"
        notes.append(
            f"language '{meta.lang}' ({language_name(meta.lang)}), not the archive's "
            f"'{archive_lang}'{untagged}"
        )
    if meta.date_source == "updated":
        notes.append("only an update date: the article is dated by it")
    if meta.date_zone != "page":
        name = getattr(meta.date.tzinfo, "key", None) or meta.date.tzname()
        setting = "CHRONIQUE_SOURCE_TIMEZONES" if meta.date_zone == "source" else "TIMEZONE"
        notes.append(f"zone assumed: {name}, from {setting}")
    return "; ".join(notes) or None


# ------------------------------------------------------------------------ progress


class _Progress:
    """A rich progress bar on stderr for batches; nothing for one file or with quiet."""

    def __init__(self, total: int, quiet: bool) -> None:
        self.total = total
        self.enabled = total > 1 and not quiet
        self._bar = None

    def __enter__(self):  # type: ignore[no-untyped-def]
        if not self.enabled:
            return lambda: None
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

        self._bar = Progress(
            TextColumn("ingest"),
            BarColumn(),
            MofNCompleteColumn(),
            console=Console(stderr=True),
            transient=True,
        )
        self._bar.start()
        task = self._bar.add_task("ingest", total=self.total)
        return lambda: self._bar.advance(task)

    def __exit__(self, *exc_info: object) -> None:
        if self._bar is not None:
            self._bar.stop()


# ----------------------------------------------------------------------------- CLI


def run_ingest(
    paths: Sequence[str],
    *,
    date: str | None = None,
    category: str | None = None,
    source_url: str | None = None,
    source_name: str | None = None,
    retrieved: str | None = None,
    quiet: bool = False,
    settings_file: str = "pelicanconf.py",
) -> int:
    """``invoke ingest``: print one report line per input and a summary; return the exit code."""
    if not paths:
        print("ingest: give at least one file or folder", file=sys.stderr)
        return 2
    try:
        options = IngestOptions(
            date=_day(date, "--date"),
            category=category,
            source_url=source_url,
            source_name=source_name,
            retrieved=_capture(retrieved),
            quiet=quiet,
        )
    except ValueError as exc:
        print(f"ingest: {exc}", file=sys.stderr)
        return 2
    config = load_config(settings_file)
    try:
        report = ingest_paths([Path(p) for p in paths], config, options)
    except SectionMapError as exc:
        print(f"ingest: {exc}", file=sys.stderr)
        return 2
    for line in [*report.lines(Path.cwd()), *report.editor_lines()]:
        print(line)
    print(report.summary(), file=sys.stderr)
    return report.exit_code


def _capture(value: str | None) -> date | datetime | None:
    """--retrieved: a day (YYYY-MM-DD) or a moment with its offset (2025-03-15T10:30+01:00)."""
    return parse_day_or_moment(value, "--retrieved") if value is not None else None


def _day(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{option} '{value}' is not a day in the form YYYY-MM-DD") from None
