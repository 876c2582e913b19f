"""Incremental builds: what a rebuild reuses from the previous one, and what it proves it may.

Four things carry over between builds, each keyed so that reusing it is never wrong:

* **The articles as read** (front-matter parsed and checked on its own), by file and stamp
  (inode, size, modification and change times), in a memo named by a digest of the settings
  and code (:func:`load_article_memo`, :class:`chronique.content.archive.ArticleMemo`), with
  what the checks found in each one's text (:class:`chronique.content.checks.BodyScan`); the
  checks across files, and the look-ups of each article's links and images (addresses,
  files), run at every build. Pelican does not validate an unchanged article again
  (:class:`chronique.site.listings.ArticlesGenerator`). A process that builds again
  (``invoke serve``) keeps the memo in memory while its files are as it left them. The memo
  is several files (:data:`MEMO_SHARDS`): a rebuild saves only those holding a changed article.
* **The published files.** A build writes into a staging folder holding no file
  (:mod:`chronique.site.swap`: the folders of a version it will prune, as making a folder
  costs far more than linking a file); before the swap, :func:`link_unchanged` replaces
  each staged file whose bytes equal the previous version's file at the same path by a hard link to it.
  An unchanged page keeps its inode and its modification time, so a static host's sync
  (``rsync``, ``If-Modified-Since``) sees only what changed, and the previous version costs no
  disk. Files of removed articles are simply absent from the staging folder. Both versions
  being immutable once published, sharing inodes between them is safe.
* **Pelican's content cache** (the reader layer: each body's rendered HTML), in a folder
  named by :func:`cache_digest`, a digest of everything a cached result depends on besides
  the file itself (Pelican checks that by its MD5): the settings, the theme, the vocabulary,
  Chronique's own code and the versions of the libraries that render. Pelican itself checks
  none of these, so without the digest a changed ``MARKDOWN`` setting would keep serving old
  HTML. Pelican writes its cache file in place (a killed build would leave half of it, which
  Pelican cannot load), so each build works on a copy (:func:`content_cache`) that replaces
  the folder only once the site is published.
* **Unchanged pages**, not rendered again: each page of a template whose dependencies are
  stated has a fingerprint of all it shows, kept beside the version
  (:mod:`chronique.site.reuse`, whose table says what each template's fingerprint covers); a
  page whose fingerprint did not change is the previous version's file. Feed documents (live
  and monthly archives) have one too, made of what each of their entries shows
  (:func:`chronique.site.feeds.feed_documents`). Sitemaps, the OPML list, the search index
  and the pages of other templates are rendered again, and the byte comparison keeps their
  unchanged files untouched.

What a change affects (the fingerprints follow these rules without naming them: a page is
rendered again when a value it shows changed):

============================  ============================================================
change                        files whose bytes change
============================  ============================================================
article body                  the article; its neighbours' pages only if its title or
                              teaser changed; feeds (site, section, topics) listing it;
                              the search index; listings showing its teaser (home, its
                              section, topics, archives, period pages) — its social card
                              only if the title or section changed
article tags                  the article; pages and feeds of every topic added or
                              removed; related-article blocks of articles sharing them;
                              the topics index; sitemap-pages (topic list); search
article date                  the article (and its URL: a move, as a rename); both
                              neighbour sets; period pages of the old and new date; year
                              sitemaps of both years; every listing it is in (order)
article added or deleted      the article; neighbours; its section, topics, periods,
                              home, archives, feeds, sitemaps, search index; topics
                              index and section index counts
slug renamed (file moved)     as a deletion plus an addition, and the old address's
                              redirect
``topics.yml``                every page naming a topic (names, slugs, descriptions):
                              in practice the whole site, and the content cache is new
template or theme file        every page using it: the whole site; the cache is new
setting                       anything: the whole site; the cache is new
============================  ============================================================
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import shutil
import stat
import tempfile
import zlib
from collections.abc import Generator, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

import chronique
from chronique.content.archive import ArticleMemo
from chronique.topics import Vocabulary

CONTENT_PREFIX = "content-"
_STAGING_PREFIX = ".staging-"
#: Content caches kept: one per settings file in use (build, publish) and a spare.
KEPT_CONTENT_CACHES = 3
#: Libraries whose version changes what a cached body renders to.
_RENDERING_LIBRARIES = ("pelican", "markdown", "nh3")
#: Settings that say where things go, not what they hold.
_PLACE_SETTINGS = frozenset({"OUTPUT_PATH", "CACHE_PATH", "PATH", "THEME"})
_CHUNK = 1 << 16


#: A file as a build left it: inode, size, modification time (what a later edit changes).
Stamp = tuple[int, int, int]


@dataclass(frozen=True)
class LinkReport:
    """What :func:`link_unchanged` found: files equal to the previous version's, and others,
    and the stamp of every staged file once linked (by path relative to the staging folder)."""

    linked: int
    written: int
    stamps: Mapping[str, Stamp] = field(default_factory=dict)


def link_unchanged(
    staging: Path, previous: Path | None, equal: frozenset[str] = frozenset()
) -> LinkReport:
    """Hard-link every file of *staging* that is byte-equal to *previous*'s at the same path,
    and remove the folders left empty (a recycled staging folder keeps the previous
    layout's folders: :func:`chronique.site.swap.staging_folder`).

    The files named in *equal* (paths relative to *staging*: pages the writer took from
    *previous*, :mod:`chronique.site.reuse`) are linked without being read; for the others,
    sizes are compared first, so a changed page is usually told apart unread.
    """
    linked = written = 0
    stamps: dict[str, Stamp] = {}
    old_root = str(previous) if previous is not None else None
    for relative, entry in scan_files(str(staging), remove_empty=True):
        new_status = entry.stat(follow_symlinks=False)
        old_status = _lstat(f"{old_root}/{relative}") if old_root is not None else None
        if old_status is None or not stat.S_ISREG(old_status.st_mode):
            written += 1
        elif os.path.samestat(new_status, old_status):
            linked += 1
        elif relative in equal or _same_bytes(
            entry.path, new_status, f"{old_root}/{relative}", old_status
        ):
            _link_over(f"{old_root}/{relative}", entry.path)
            new_status = old_status
            linked += 1
        else:
            written += 1
        stamps[relative] = _stamp(new_status)
    return LinkReport(linked, written, stamps)


def _stamp(status: os.stat_result) -> Stamp:
    return (status.st_ino, status.st_size, status.st_mtime_ns)


def _lstat(path: str) -> os.stat_result | None:
    try:
        return os.lstat(path)
    except OSError:
        return None


def scan_files(root: str, remove_empty: bool = False) -> Iterator[tuple[str, os.DirEntry[str]]]:
    """Every file (or link) under *root*, by its path relative to *root* (``/``-separated);
    with *remove_empty*, each folder found empty once its files were yielded is removed."""
    yield from _scan(root, "", remove_empty)


def _scan(
    folder: str, prefix: str, remove_empty: bool
) -> Generator[tuple[str, os.DirEntry[str]], None, bool]:
    """Files of *folder* and below; True when *folder* was left empty (and removed)."""
    kept = 0
    with os.scandir(folder) as entries:
        children = list(entries)
    for entry in children:
        if entry.is_dir(follow_symlinks=False):
            emptied = yield from _scan(entry.path, f"{prefix}{entry.name}/", remove_empty)
            kept += not emptied
        else:
            kept += 1
            yield f"{prefix}{entry.name}", entry
    if remove_empty and kept == 0 and prefix:
        os.rmdir(folder)  # noqa: PTH106 - no Path object per folder
        return True
    return False


def _same_bytes(new: str, new_status: os.stat_result, old: str, old_status: os.stat_result) -> bool:
    """Whether two files hold the same bytes (paths as text: no Path object per file)."""
    if old_status.st_size != new_status.st_size:
        return False
    with open(new, "rb") as first, open(old, "rb") as second:  # noqa: PTH123 - as above
        while chunk := first.read(_CHUNK):
            if chunk != second.read(_CHUNK):
                return False
    return True


def _link_over(old: str, path: str) -> None:
    """Put a link to *old* at *path*, in a staging folder: nothing serves it yet, so removing
    the file first is safe, and cheaper than replacing it by a rename."""
    os.unlink(path)  # noqa: PTH108 - no Path object per file
    os.link(old, path)


def cache_digest(settings: Mapping[str, Any], settings_file: Path, vocabulary: Vocabulary) -> str:
    """A digest of all a cached body depends on besides its file: change any, and it is new.

    The vocabulary is the one the Site read (``topics.yml`` is read once per build)."""
    vocabulary_part = repr(vocabulary.topics).encode()
    return digest_bytes(
        [*_code_and_settings(settings, settings_file), b"vocabulary", vocabulary_part]
    )


def render_digest(settings: Mapping[str, Any], settings_file: Path, vocabulary: Vocabulary) -> str:
    """A digest of what every page's rendering depends on besides its own values: what
    :func:`cache_digest` covers and every installed library's version (Jinja, Babel…)."""
    libraries = [b"libraries", *_installed_versions()]
    return digest_bytes([cache_digest(settings, settings_file, vocabulary).encode(), *libraries])


def inputs_digest(settings: Mapping[str, Any], settings_file: Path) -> str:
    """A digest of every input of a build: what :func:`cache_digest` covers, every entry under
    content/ (hidden ones and links too: the build refuses them) and every installed library's
    version. Builds are reproducible, so equal inputs give an equal site.

    Content is stamped, not read (the Site reads each file once): by path, inode, size,
    modification and change times. ``ctime`` cannot be set back by any tool, so a file
    written since shows even if its size and ``mtime`` were kept.
    """
    parts = [*_code_and_settings(settings, settings_file), b"content"]
    parts += _stamps(Path(settings["PATH"]))
    parts += [b"libraries", *_installed_versions()]
    return digest_bytes(parts)


def _stamps(root: Path) -> list[bytes]:
    stamps = []
    for folder, names, files in os.walk(root):
        for name in [*names, *files]:
            path = Path(folder, name)
            status = path.lstat()
            stamp = (status.st_mode, status.st_ino, status.st_size, status.st_mtime_ns)
            stamps.append(f"{path.relative_to(root)}|{stamp}|{status.st_ctime_ns}".encode())
    return sorted(stamps)


def digest_bytes(parts: Iterable[bytes]) -> str:
    """The fingerprint of *parts*: each part length-prefixed, so no two lists share one."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(len(part).to_bytes(8, "big") + part)
    return digest.hexdigest()[:32]


def _code_and_settings(settings: Mapping[str, Any], settings_file: Path) -> Iterator[bytes]:
    yield b"settings"
    for name in sorted(k for k in settings if k.isupper() and k not in _PLACE_SETTINGS):
        yield f"{name}={_stable_repr(settings[name])}".encode()
    yield settings_file.read_bytes()
    yield b"theme"
    yield from _tree_inputs(Path(settings["THEME"]))
    yield b"code"
    yield from _tree_inputs(Path(chronique.__file__).parent, suffix=".py")
    for library in _RENDERING_LIBRARIES:
        yield f"{library}={metadata.version(library)}".encode()


def _tree_inputs(root: Path, suffix: str = "") -> Iterator[bytes]:
    for path in sorted(p for p in root.rglob(f"*{suffix}") if p.is_file()):
        yield path.relative_to(root).as_posix().encode()
        yield path.read_bytes()


def _installed_versions() -> list[bytes]:
    found = {(d.metadata["Name"] or "").lower(): d.version for d in metadata.distributions()}
    return [f"{name}={version}".encode() for name, version in sorted(found.items())]


def _stable_repr(value: Any) -> str:
    """A repr that is the same in every process: functions by name, mappings sorted."""
    if callable(value):
        return f"{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', value)}"
    if isinstance(value, Mapping):
        items = sorted((repr(k), _stable_repr(v)) for k, v in value.items())
        return "{" + ", ".join(f"{k}: {v}" for k, v in items) + "}"
    if isinstance(value, list | tuple | set | frozenset):
        parts = [_stable_repr(v) for v in value]
        return f"{type(value).__name__}[{', '.join(sorted(parts) if isinstance(value, set | frozenset) else parts)}]"
    return repr(value)


@dataclass(frozen=True)
class ContentCache:
    """Where Pelican reads and writes its content cache during one build, and where it goes."""

    working: Path
    final: Path

    def keep(self) -> None:
        """The build was published: its cache replaces the one it started from."""
        if self.final.exists():
            retired = self.final.with_name(f"{_STAGING_PREFIX}old-{self.final.name}")
            shutil.rmtree(retired, ignore_errors=True)
            self.final.rename(retired)
            shutil.rmtree(retired, ignore_errors=True)
        self.working.rename(self.final)
        os.utime(self.final)
        _prune(self.final.parent)


@contextmanager
def content_cache(root: Path, digest: str) -> Iterator[ContentCache]:
    """A working copy of the content cache named *digest*, removed unless :meth:`keep` ran.

    The caller holds the build lock, so leftovers of killed builds are removed here.
    """
    root.mkdir(parents=True, exist_ok=True)
    for leftover in root.glob(f"{_STAGING_PREFIX}*"):
        _remove_tree_or_file(leftover)
    final = root / f"{CONTENT_PREFIX}{digest}"
    working = Path(tempfile.mkdtemp(prefix=_STAGING_PREFIX, dir=root))
    if final.is_dir():
        shutil.copytree(final, working, dirs_exist_ok=True)
    try:
        yield ContentCache(working, final)
    finally:
        shutil.rmtree(working, ignore_errors=True)


def content_cache_settings(cache: ContentCache) -> dict[str, Any]:
    """Pelican's settings for its reader-layer cache in *cache*, checked by each file's MD5."""
    return {
        "CACHE_CONTENT": True,
        "LOAD_CONTENT_CACHE": True,
        "CONTENT_CACHING_LAYER": "reader",
        "CHECK_MODIFIED_METHOD": "md5",
        "GZIP_CACHE": False,
        "CACHE_PATH": str(cache.working),
    }


def _prune(root: Path) -> None:
    """Keep the most recently used content caches; the others' settings are gone."""
    caches = sorted(root.glob(f"{CONTENT_PREFIX}*"), key=lambda p: p.stat().st_mtime)
    for old in caches[:-KEPT_CONTENT_CACHES]:
        shutil.rmtree(old, ignore_errors=True)


#: In CACHE_PATH: the folder of the articles the last build read (:func:`load_article_memo`).
ARTICLE_MEMO_PREFIX = "articles-"
#: The memo's files: an edit rewrites the file holding its article, not the whole memo.
MEMO_SHARDS = 64


#: The memo the last build of this process kept, by its folder, with its files' stamps: a
#: process that builds again (``invoke serve``) does not read it back.
_KEPT_MEMOS: dict[Path, tuple[list[tuple[str, Stamp]], ArticleMemo]] = {}


def load_article_memo(
    cache_root: Path, settings: Mapping[str, Any], settings_file: Path
) -> ArticleMemo:
    """The articles the last published build read, if it read them with these settings and
    this code (else an empty memo): a file left as it was is not parsed again. Like
    Pelican's content cache, pickles of our own making, in the cache folder; the memo this
    process kept last, while its files are as it left them.

    Each of the memo's files holds its articles' entries whole (stamp, article, scan), so
    files saved by different builds still make a right memo: an entry whose stamp is not
    its article's file's is read again. An unreadable file costs only its articles' reads."""
    memo = ArticleMemo(digest_bytes(_code_and_settings(settings, settings_file)))
    folder = cache_root / f"{ARTICLE_MEMO_PREFIX}{memo.key}"
    kept = _KEPT_MEMOS.pop(folder, None)  # this build changes it: kept again once published
    if kept is not None and kept[0] == _shard_stamps(folder):
        return kept[1].fresh()
    for _, shard in _shard_files(folder):
        try:
            with open(shard, "rb") as handle:  # noqa: PTH123 - as scan_files
                known, scans = pickle.load(handle)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError, ValueError):
            continue
        if isinstance(known, dict) and isinstance(scans, dict):
            memo.known.update(known)
            memo.scans.update(scans)
    return memo


def keep_article_memo(cache_root: Path, memo: ArticleMemo) -> None:
    """Save the files of *memo* holding a changed entry (each aside, then renamed), all of
    them for a new memo, and remove memos of other keys."""
    name = f"{ARTICLE_MEMO_PREFIX}{memo.key}"
    folder = cache_root / name
    if not folder.is_dir():
        folder.mkdir(parents=True)
        changed = set(range(MEMO_SHARDS))
    else:
        changed = {memo_shard(path) for path in memo.dirty}
    if changed:
        shards: dict[int, tuple[dict[str, Any], dict[str, Any]]] = {
            shard: ({}, {}) for shard in changed
        }
        for entries, part in ((memo.known, 0), (memo.scans, 1)):
            for path, entry in entries.items():
                shard = memo_shard(path)
                if shard in shards:
                    shards[shard][part][path] = entry
        for shard, content in shards.items():
            temporary = folder / f"{_STAGING_PREFIX}{shard}.pickle"
            with temporary.open("wb") as handle:
                pickle.dump(content, handle, protocol=pickle.HIGHEST_PROTOCOL)
            temporary.replace(folder / f"{shard}.pickle")
    for other in cache_root.glob(f"{ARTICLE_MEMO_PREFIX}*"):
        if other.name != name:
            _remove_tree_or_file(other)
    _KEPT_MEMOS[folder] = (_shard_stamps(folder), memo)


def memo_shard(path: str) -> int:
    """The memo file holding the entry of the article at *path* (the same in every process)."""
    return zlib.crc32(path.encode("utf-8", "surrogatepass")) % MEMO_SHARDS


def _shard_files(folder: Path) -> list[tuple[str, str]]:
    try:
        with os.scandir(folder) as entries:
            names = sorted(e.name for e in entries if not e.name.startswith(_STAGING_PREFIX))
    except OSError:
        return []
    return [(name, f"{folder}/{name}") for name in names]


def _shard_stamps(folder: Path) -> list[tuple[str, Stamp]]:
    stamps = []
    for name, shard in _shard_files(folder):
        status = _lstat(shard)
        if status is not None:
            stamps.append((name, _stamp(status)))
    return stamps


def _remove_tree_or_file(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


#: Beside the versions of an output: the inputs of the version it serves.
BUILD_RECORD = ".inputs.json"


@dataclass(frozen=True)
class BuildRecord:
    """What the version *version* was built from, and the state its files were left in."""

    version: str
    inputs: str
    files: str
    articles: int
    pages: int


def record_build(
    versions: Path,
    version: Path,
    inputs: str,
    articles: int,
    pages: int,
    stamps: Mapping[str, Stamp],
) -> None:
    """Note the inputs of the version just published (written aside, then renamed), and the
    *stamps* of its files (from :func:`link_unchanged`: a rename keeps them)."""
    record = BuildRecord(version.name, inputs, stamps_digest(stamps), articles, pages)
    temporary = versions / f"{BUILD_RECORD}.new"
    temporary.write_text(json.dumps(asdict(record)), encoding="utf-8")
    temporary.replace(versions / BUILD_RECORD)


def unchanged_build(versions: Path, current: Path | None, inputs: str) -> BuildRecord | None:
    """The record of *current* when it was built from *inputs* and its files are as they were
    left (none edited, added or removed by hand): building again would give the same bytes."""
    if current is None:
        return None
    try:
        record = BuildRecord(**json.loads((versions / BUILD_RECORD).read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        return None
    if record.version != current.name or record.inputs != inputs:
        return None
    return record if record.files == files_stamp(current) else None


def files_stamp(root: Path) -> str:
    """A digest of each file's path, inode, size and modification time: any edit shows."""
    stamps = {
        relative: _stamp(entry.stat(follow_symlinks=False))
        for relative, entry in scan_files(str(root))
    }
    return stamps_digest(stamps)


def stamps_digest(stamps: Mapping[str, Stamp]) -> str:
    """The digest :func:`files_stamp` gives of a folder whose files have these *stamps*."""
    entries = (
        f"{path}|{ino}|{size}|{mtime}" for path, (ino, size, mtime) in sorted(stamps.items())
    )
    return digest_bytes(entry.encode() for entry in entries)
