"""Readers of public extraction corpora: each page's HTML and its gold fields.

Two layouts are understood: the scrapinghub article-extraction-benchmark
(``ground-truth.json`` and ``html/<id>.html.gz``; body gold only) and fundus's
parser test data (``tests/resources/parser/test_data/<country>/<Publisher>.json``
with one entry per parser version, the HTML files of a publisher, and
``meta.info`` with each file's URL and crawl date; body, title and publication
date gold), and Mozilla Readability's test pages (``test/test-pages/<name>/``:
``source.html``, the article as ``expected.html``, title and date in
``expected-metadata.json``). Fundus's French files are left out on purpose: they are
kept apart to check the result independently.
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import lxml.html

_WORD = re.compile(r"\w{3,}")
#: A gold version annotates a file only if the file holds this share of its words.
MIN_SHARED_WORDS = 0.5
#: Folders of fundus's test data that must not be used for development.
FUNDUS_HELD_OUT = frozenset({"fr"})


@dataclass(frozen=True)
class GoldPage:
    """One page of a corpus and what its annotators say it contains."""

    corpus: str
    id: str
    html: bytes
    body: str
    title: str | None = None
    published: datetime | None = None
    url: str | None = None
    captured: datetime | None = None
    group: str | None = None  # language or country folder, for per-group figures


class CorpusError(Exception):
    """A folder that is not one of the known corpus layouts."""


def load_corpus(root: Path) -> tuple[str, list[GoldPage]]:
    """(corpus name, its pages) for a checked-out corpus repository."""
    if (root / "ground-truth.json").is_file() and (root / "html").is_dir():
        return "scrapinghub", list(_scrapinghub(root))
    fundus_data = root / "tests" / "resources" / "parser" / "test_data"
    if fundus_data.is_dir():
        return "fundus", list(_fundus(fundus_data))
    readability_pages = root / "test" / "test-pages"
    if readability_pages.is_dir():
        return "readability", list(_readability(readability_pages))
    raise CorpusError(
        f"{root}: not a known corpus layout (scrapinghub article-extraction-benchmark, "
        "flairNLP/fundus or mozilla/readability)"
    )


def _scrapinghub(root: Path) -> Iterator[GoldPage]:
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    for key in sorted(truth):
        item = truth[key]
        yield GoldPage(
            corpus="scrapinghub",
            id=key,
            html=gzip.decompress((root / "html" / f"{key}.html.gz").read_bytes()),
            body=item.get("articleBody") or "",
            url=item.get("url"),
        )


def _readability(folder: Path) -> Iterator[GoldPage]:
    for case in sorted(p for p in folder.iterdir() if p.is_dir()):
        source, expected = case / "source.html", case / "expected.html"
        metadata_file = case / "expected-metadata.json"
        if not (source.is_file() and expected.is_file() and metadata_file.is_file()):
            continue
        metadata = json.loads(metadata_file.read_text(encoding="utf-8"))
        yield GoldPage(
            corpus="readability",
            id=case.name,
            html=source.read_bytes(),
            body=html_paragraphs(expected.read_text(encoding="utf-8")),
            title=metadata.get("title") or None,
            published=_datetime(metadata.get("publishedTime")),
            group=metadata.get("lang"),
        )


def html_paragraphs(html: str) -> str:
    """The text of an HTML fragment, a paragraph per block element."""
    tree = lxml.html.fragment_fromstring(html, create_parent="div")
    for block in tree.iter(*_BLOCKS):
        block.tail = f"\n\n{block.tail or ''}"
    return re.sub(r"\s*\n\s*\n\s*", "\n\n", tree.text_content()).strip()


_BLOCKS = (
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "pre",
    "tr",
    "figcaption",
    "br",
)


def _fundus(data: Path) -> Iterator[GoldPage]:
    for country in sorted(p for p in data.iterdir() if p.is_dir()):
        if country.name in FUNDUS_HELD_OUT:
            continue
        info_file = country / "meta.info"
        info = json.loads(info_file.read_text(encoding="utf-8")) if info_file.is_file() else {}
        for gold_file in sorted(country.glob("*.json")):
            yield from _fundus_publisher(country.name, gold_file, info)


def _fundus_publisher(country: str, gold_file: Path, info: dict[str, Any]) -> Iterator[GoldPage]:
    """A publisher's pages, each with the parser version's gold that annotates it.

    Which HTML file a version (V1, V2…) annotates is not written down: it is the
    file whose text holds that version's gold title and body, so files and
    versions are paired by the gold words each file contains.
    """
    versions = json.loads(gold_file.read_text(encoding="utf-8"))
    files = {
        page: gzip.decompress(page.read_bytes())
        for page in sorted(gold_file.parent.glob(f"{gold_file.stem}_*.html.gz"))
    }
    for name, page in _pair_by_content(versions, files):
        gold = versions[name]
        file_info = info.get(page.name, {})
        yield GoldPage(
            corpus="fundus",
            id=f"{country}-{page.name.removesuffix('.html.gz')}",
            html=files[page],
            body="\n\n".join(_fundus_paragraphs(gold.get("body"))),
            title=gold.get("title") or None,
            published=_datetime(gold.get("publishing_date")),
            url=file_info.get("url"),
            captured=_datetime(file_info.get("crawl_date")),
            group=country,
        )


def _pair_by_content(versions: dict[str, Any], files: dict[Path, bytes]) -> list[tuple[str, Path]]:
    """(version, file) pairs, best first; a file or version used once; no pair without overlap."""
    words = {
        page: set(_WORD.findall(html.decode("utf-8", "replace"))) for page, html in files.items()
    }
    scores = []
    for name, gold in versions.items():
        gold_words = set(
            _WORD.findall(f"{gold.get('title') or ''} {_fundus_paragraphs(gold.get('body'))}")
        )
        for page, page_words in words.items():
            shared = len(gold_words & page_words) / max(1, len(gold_words))
            scores.append((shared, name, page))
    pairs: list[tuple[str, Path]] = []
    for shared, name, page in sorted(scores, key=lambda s: (-s[0], s[1], s[2])):
        if shared < MIN_SHARED_WORDS or any(name == n or page == p for n, p in pairs):
            continue
        pairs.append((name, page))
    return sorted(pairs, key=lambda pair: pair[1])


def _fundus_paragraphs(body: Any) -> list[str]:
    if not isinstance(body, dict):
        return []
    paragraphs = list(body.get("summary") or [])
    for section in body.get("sections") or []:
        paragraphs += [*(section.get("headline") or []), *(section.get("paragraphs") or [])]
    return paragraphs


def _datetime(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None
