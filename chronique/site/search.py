"""Site search: a Pagefind index of the built site, and the ``/recherche/`` page.

Pagefind (PyPI ``pagefind[extended]``, which ships its binary) reads the written
HTML and writes a static index plus its search UI under ``pagefind/``: no server,
no other host. Only the elements marked ``data-pagefind-body`` (article and page
bodies) are indexed. The whole site is indexed as one language, the site's
``DEFAULT_LANG``, so French stemming applies ("drones" finds "drone").

Settings: ``CHRONIQUE_SEARCH`` (default True) turns the index and the page off;
``CHRONIQUE_SEARCH_INDEX`` off keeps the page but runs no Pagefind: the page then says the
index is built at publish (the development build's ``pelicanconf.py``; ``publishconf.py``
turns it on), and the pages show no search box that would search nothing.

Filters (section, year), a sort (date) and meta fields (date, section) come from attributes on
the article template. Pagefind 1.5 writes the values of each filter, and the list of filters, in
the order of a hash map that changes on every run, and names each file by a hash of its bytes:
``settle_index`` sorts them and renames the files, so two builds of the same site write the same
index byte for byte.

Pagefind stores the text it reads with its entities decoded: a title that shows
``&lt;img onerror=…&gt;`` becomes ``<img onerror=…>`` in a fragment, live markup for any
script that puts a fragment in a page. ``escape_fragments`` writes every fragment's text back
as HTML text (``&lt;``), which is what Pagefind's UI puts in the page for an excerpt.
"""

from __future__ import annotations

import gzip
import hashlib
import html
import json
import logging
import subprocess
from pathlib import Path
from typing import Any

import cbor2
from pagefind_bin_extended import get_executable

from chronique import timing
from chronique.site.model import site_of

log = logging.getLogger(__name__)

SEARCH_TEMPLATE = "search"
SEARCH_URL = "recherche/"
SEARCH_SAVE_AS = "recherche/index.html"
BUNDLE_DIR = "pagefind"
#: The bytes that open a decompressed Pagefind fragment, before its JSON.
FRAGMENT_SIGNATURE = b"pagefind_dcd"
#: Meta fields that hold an address, set as an attribute by Pagefind's UI: not text.
ADDRESS_FIELDS = frozenset({"url", "image"})


class SearchIndexError(RuntimeError):
    """Pagefind failed: a site without its index would silently lose search."""


def search_enabled(settings: dict[str, Any]) -> bool:
    return site_of(settings).chronique.search


def index_enabled(settings: dict[str, Any]) -> bool:
    """Whether this build runs Pagefind (the search page is there either way)."""
    chronique = site_of(settings).chronique
    return chronique.search and chronique.search_index


def add_search_page(pelican: Any) -> None:
    """``initialized`` handler: the ``search`` direct template, saved at ``/recherche/``."""
    settings = pelican.settings
    if not search_enabled(settings):
        settings.pop("SEARCH_URL", None)
        return
    templates = list(settings.get("DIRECT_TEMPLATES", []))
    if SEARCH_TEMPLATE not in templates:
        settings["DIRECT_TEMPLATES"] = [*templates, SEARCH_TEMPLATE]
    settings.setdefault("SEARCH_URL", SEARCH_URL)
    settings.setdefault("SEARCH_SAVE_AS", SEARCH_SAVE_AS)
    settings.setdefault("SEARCH_BUNDLE", BUNDLE_DIR)
    settings["SEARCH_INDEXED"] = index_enabled(settings)


def pagefind_command(site: Path, lang: str) -> list[str]:
    return [
        str(get_executable()),
        "--site",
        str(site),
        "--output-subdir",
        BUNDLE_DIR,
        "--force-language",
        lang.split("-")[0].split("_")[0],
        "--silent",
    ]


def build_index(site: Path, lang: str) -> None:
    """Index the HTML under *site* into ``site/pagefind/``."""
    with timing.stage("search"):
        result = subprocess.run(
            pagefind_command(site, lang), capture_output=True, text=True, check=False
        )
    if result.returncode != 0:
        raise SearchIndexError(f"pagefind failed ({result.returncode}): {result.stderr.strip()}")
    escape_fragments(site / BUNDLE_DIR)
    settle_index(site / BUNDLE_DIR)
    log.info("search index written to %s", site / BUNDLE_DIR)


def index_site(pelican: Any) -> None:
    """``finalized`` handler: index the site Pelican has just written."""
    if index_enabled(pelican.settings):
        build_index(Path(pelican.output_path), str(pelican.settings.get("DEFAULT_LANG", "fr")))


def escape_fragments(bundle: Path) -> None:
    """Rewrite each fragment of *bundle* with its text escaped (see the module's docstring).

    Pagefind has no option to keep the page's entities, hence this pass over its output; the
    fragments are fetched by the hash in their name, which the pass leaves as it is."""
    for path in sorted((bundle / "fragment").glob("*.pf_fragment")):
        fragment = read_fragment(path)
        path.write_bytes(
            gzip.compress(
                FRAGMENT_SIGNATURE + json.dumps(escaped_fragment(fragment)).encode(), mtime=0
            )
        )


def read_fragment(path: Path) -> dict[str, Any]:
    """A fragment file's JSON (gzip-compressed, after Pagefind's signature)."""
    data = gzip.decompress(path.read_bytes())
    return json.loads(data.removeprefix(FRAGMENT_SIGNATURE))  # type: ignore[no-any-return]


def read_index_file(path: Path) -> Any:
    """A meta or filter file's CBOR (gzip-compressed, after Pagefind's signature)."""
    return cbor2.loads(gzip.decompress(path.read_bytes()).removeprefix(FRAGMENT_SIGNATURE))


def index_file_bytes(value: Any) -> bytes:
    return gzip.compress(FRAGMENT_SIGNATURE + cbor2.dumps(value), mtime=0)


def content_hash(data: bytes, length: int) -> str:
    return hashlib.sha256(data).hexdigest()[:length]


def settle_index(bundle: Path) -> None:
    """Write each language's filters and meta file in a sorted order, named by their bytes.

    A meta file is ``[version, pages, word chunks, filters, sorts, meta fields]``, where
    *filters* lists ``[name, file hash]`` and each filter file is
    ``[name, [[value, [page numbers]], ...]]``; only the order of those lists varies between runs
    (see the module's docstring)."""
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for language in entry["languages"].values():
        meta_path = bundle / f"pagefind.{language['hash']}.pf_meta"
        meta = read_index_file(meta_path)
        prefix = language["hash"].split("_")[0]
        meta[3] = sorted(
            [name, settle_filter(bundle / "filter", prefix, file_hash)]
            for name, file_hash in meta[3]
        )
        data = index_file_bytes(meta)
        meta_path.unlink()
        language["hash"] = f"{prefix}_{content_hash(data, 10)}"
        (bundle / f"pagefind.{language['hash']}.pf_meta").write_bytes(data)
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), "utf-8")


def settle_filter(folder: Path, prefix: str, file_hash: str) -> str:
    """Sort one filter file's values and pages, rename it by its bytes; its new hash."""
    path = folder / f"{file_hash}.pf_filter"
    name, values = read_index_file(path)
    data = index_file_bytes([name, sorted([value, sorted(pages)] for value, pages in values)])
    path.unlink()
    settled = f"{prefix}_{content_hash(data, 7)}"
    (folder / f"{settled}.pf_filter").write_bytes(data)
    return settled


def escaped_fragment(fragment: dict[str, Any]) -> dict[str, Any]:
    """*fragment* with its content, text meta fields and anchor texts as HTML text. Escaping
    adds no space, so the word positions Pagefind highlights by stay true."""
    meta = fragment.get("meta", {})
    return {
        **fragment,
        "content": html.escape(fragment.get("content", ""), quote=False),
        "meta": {
            name: value if name in ADDRESS_FIELDS else html.escape(value)
            for name, value in meta.items()
        },
        "anchors": [
            {**anchor, "text": html.escape(anchor.get("text", ""))}
            for anchor in fragment.get("anchors", [])
        ],
    }
