"""Step 7: write one article file, atomically, never over another article."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from chronique.content.errors import ContentError
from chronique.content.frontmatter import FrontMatter, dump_front_matter
from chronique.content.model import ArticleMeta, parse_article_meta
from chronique.content.slugs import MAX_SLUG_LENGTH
from chronique.ingest.errors import IngestFailure

#: Temporary files are hidden and end in this, so no reader of ``*.md`` files ever sees one.
TEMPORARY_SUFFIX = ".tmp"


def unique_slug(slug: str, is_taken: Callable[[str], bool]) -> str:
    """*slug*, or *slug*-2, -3… (shortened to stay within 80 characters) when taken."""
    if not is_taken(slug):
        return slug
    number = 2
    while True:
        suffix = f"-{number}"
        candidate = f"{slug[: MAX_SLUG_LENGTH - len(suffix)].rstrip('-')}{suffix}"
        if not is_taken(candidate):
            return candidate
        number += 1


def article_text(meta: ArticleMeta, body: str, path: Path, sections: tuple[str, ...] = ()) -> str:
    """The text of *meta* and *body* as one article file, once the fields it holds have
    passed the content model's own validation, the build's and ``invoke check``'s: an
    IngestFailure with the model's message otherwise.

    The mapping is validated as it goes to the YAML writer rather than parsed back from
    the text: that the writer's text reads back as its mapping is the writer's own test.
    """
    fields = meta.to_front_matter()
    errors = parse_article_meta(FrontMatter(path, fields), sections)[1]
    if errors:
        raise IngestFailure(f"the article would not pass check: {_problem(errors[0])}")
    return dump_front_matter(fields, body)


def _problem(error: ContentError) -> str:
    field = f"{error.field}: " if error.field else ""
    hint = f" ({error.hint})" if error.hint else ""
    return f"{field}{error.message}{hint}"


def write_new_file(path: Path, text: str) -> None:
    """Write *text* to *path* atomically; FileExistsError when *path* exists.

    The text goes to a temporary file of a fresh name in the same folder, then gets its
    final name with ``os.link``, which refuses an existing target: a reader never sees
    half a file, an article is never replaced, and a temporary file a crash left behind
    is never in the way (the caller picks another slug only for a real article).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(
        dir=path.parent, prefix=f".{path.name}.", suffix=TEMPORARY_SUFFIX, delete=False
    ) as temporary:
        temporary.write(text.encode("utf-8"))
    written = Path(temporary.name)
    try:
        written.chmod(_new_file_mode())  # tempfile makes it private (0o600)
        _link_without_replacing(written, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            written.unlink()


def _link_without_replacing(source: Path, target: Path) -> None:
    """Give *source*'s file the name *target* unless *target* exists.

    Where the file system has no hard links, ``os.replace`` after a check: atomic for
    readers, and only a writer racing this one in the same instant could be replaced.
    """
    try:
        os.link(source, target)
    except FileExistsError:
        raise
    except OSError:
        if target.exists() or target.is_symlink():
            raise FileExistsError(str(target)) from None
        source.replace(target)


def _new_file_mode() -> int:
    """The mode ``open()`` gives a new file: 0o666 less the process's umask."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
