"""Run ingest and plain trafilatura over corpus pages and total the scores."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import partial
from pathlib import Path

import lxml.html
import trafilatura

from chronique.config import ChroniqueConfig
from chronique.content.render import render_markdown
from chronique.ingest.errors import IngestFailure
from chronique.ingest.evaluate.copies import page_paths
from chronique.ingest.evaluate.corpora import GoldPage
from chronique.ingest.evaluate.scoring import (
    BodyScore,
    BodyTotals,
    body_score,
    body_totals,
    date_matches,
    shows_day,
    shows_title,
    title_matches,
)
from chronique.ingest.evaluate.zones import source_zones
from chronique.ingest.pipeline import (
    Batch,
    IngestOptions,
    build_article,
    extract_page,
    new_batch,
)
from chronique.site.defaults import MARKDOWN

CHRONIQUE = "chronique"
TRAFILATURA = "trafilatura"


@dataclass(frozen=True)
class Outcome:
    """What one extractor made of one page (HTML or text copy)."""

    page: GoldPage
    extractor: str  # CHRONIQUE or TRAFILATURA
    source: str  # "html" or "text"
    body: BodyScore
    title: str | None = None
    published: datetime | None = None
    refused: str | None = None  # why ingest would not write the article
    #: Whether the input prints the gold title, the gold day (text copies; None unknown).
    title_shown: bool | None = None
    day_shown: bool | None = None

    @property
    def title_right(self) -> bool | None:
        return None if self.page.title is None else title_matches(self.page.title, self.title)

    @property
    def date_state(self) -> str | None:
        """'right', 'wrong' or 'missing' against the gold date; None without gold."""
        if self.page.published is None:
            return None
        if self.published is None:
            return "missing"
        return "right" if date_matches(self.page.published, self.published) else "wrong"


@dataclass
class Totals:
    """The figures of one row of the table: one extractor on one kind of input."""

    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def body(self) -> BodyTotals:
        return body_totals([o.body for o in self.outcomes])

    def count(self, predicate: str, value: object) -> int:
        return sum(getattr(o, predicate) == value for o in self.outcomes)

    @property
    def with_title(self) -> int:
        return sum(o.page.title is not None for o in self.outcomes)

    @property
    def with_date(self) -> int:
        return sum(o.page.published is not None for o in self.outcomes)

    def right_where_shown(self, predicate: str, shown: str, value: object) -> tuple[int, int]:
        """(pages whose *predicate* is *value*, pages) among those whose input shows the gold
        (*shown*: 'title_shown' or 'day_shown')."""
        outcomes = [o for o in self.outcomes if getattr(o, shown)]
        return sum(getattr(o, predicate) == value for o in outcomes), len(outcomes)

    @property
    def refusals(self) -> Counter[str]:
        return Counter(_reason_class(o.refused) for o in self.outcomes if o.refused)


def evaluate_pages(
    pages: Sequence[GoldPage], cache: Path, config: ChroniqueConfig, sources: Sequence[str]
) -> dict[tuple[str, str], Totals]:
    """Totals by (extractor, source) for the pages (text copies must be in *cache*)."""
    config = replace(config, source_timezones={**config.source_timezones, **source_zones(pages)})
    sections = config.sections
    # Sections are not scored (they depend on the site's map): the first section stands in,
    # so that no page is refused for want of one.
    options = IngestOptions(quiet=True, category=sections[0] if sections else None)
    # The corpus is read as one run reads a folder: its text copies are one batch.
    text_paths = [page_paths(cache, page)[1] for page in pages] if "text" in sources else []
    batch = new_batch(config, options, text_paths)
    rows: dict[tuple[str, str], Totals] = {}
    for page in pages:
        html_path, text_path = page_paths(cache, page)
        for source in sources:
            path = html_path if source == "html" else text_path
            outcome = run_chronique(page, path, source, batch)
            rows.setdefault((CHRONIQUE, source), Totals()).outcomes.append(outcome)
        outcome = run_trafilatura(page)
        rows.setdefault((TRAFILATURA, "html"), Totals()).outcomes.append(outcome)
    return rows


def run_chronique(page: GoldPage, path: Path, source: str, batch: Batch) -> Outcome:
    """Ingest's extraction of one input, and the date it would write (None when it would
    refuse the page for its date). The corpus's URL and capture time are given as an
    archivist gives them (``--source-url``, ``--retrieved``)."""
    captured = page.captured.date() if page.captured else None  # corpora give no zone
    options = replace(batch.options, source_url=page.url, retrieved=captured)
    batch = replace(batch, options=options)
    raw = path.read_bytes()
    title_shown, day_shown = _shown(
        page, raw.decode("utf-8", "replace") if source == "text" else None
    )
    outcome = partial(
        Outcome, page, CHRONIQUE, source, title_shown=title_shown, day_shown=day_shown
    )
    try:
        extracted = extract_page(path, raw, batch)
    except IngestFailure as failure:
        return outcome(body_score(page.body, ""), refused=failure.reason)
    refused, published = None, extracted.published
    try:
        meta, _ = build_article(extracted, hashlib.sha256(raw).hexdigest(), batch)
        published = meta.date
    except IngestFailure as failure:
        refused = failure.reason
        if failure.missing_date:
            published = None
    body = markdown_text(extracted.body)
    standfirst = extracted.standfirst
    if standfirst and " ".join(standfirst.split()) in body:  # the body's own lead, once
        standfirst = None
    text = "\n\n".join(part for part in (standfirst, body) if part)
    return outcome(
        body_score(page.body, text), title=extracted.title, published=published, refused=refused
    )


def _shown(page: GoldPage, text: str | None) -> tuple[bool | None, bool | None]:
    """Whether a text copy prints the page's gold title and gold day (None: not known)."""
    if text is None:
        return None, None
    title = shows_title(page.title, text) if page.title else None
    day = shows_day(page.published.date(), text) if page.published else None
    return title, day


def run_trafilatura(page: GoldPage) -> Outcome:
    """Plain trafilatura with its defaults: ``extract`` for the body, its metadata for the rest."""
    html = page.html.decode("utf-8", errors="replace")
    body = trafilatura.extract(html) or ""
    metadata = trafilatura.extract_metadata(html)
    published = None
    if metadata is not None and metadata.date:
        try:
            published = datetime.fromisoformat(metadata.date)
        except ValueError:
            published = None
    return Outcome(
        page,
        TRAFILATURA,
        "html",
        body_score(page.body, body),
        title=metadata.title if metadata is not None else None,
        published=published,
    )


def markdown_text(body: str) -> str:
    """The text a reader sees of a Markdown body, one paragraph per block: rendered as the
    site renders it (its Markdown extensions: fenced code, tables…)."""
    if not body.strip():
        return ""
    tree = lxml.html.fragment_fromstring(render_markdown(body, MARKDOWN), create_parent="div")
    # The sanitiser unwraps the tags it does not allow (h1): their text stays, between blocks.
    parts = [tree.text, *(text for child in tree for text in (child.text_content(), child.tail))]
    blocks = [" ".join((part or "").split()) for part in parts]
    return "\n\n".join(b for b in blocks if b)


def _reason_class(reason: str) -> str:
    """A refusal's kind, without its page-specific details."""
    return reason.split("(")[0].split("'")[0].split(":")[0].strip()
