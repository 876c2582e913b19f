"""Pages a rebuild does not render again: the previous version's page, when nothing it shows
changed.

Pelican's Writer renders every page it is asked to write. :class:`ReusingWriter` (Pelican's
``get_writer`` signal) gives each page whose template :data:`DEPENDENCIES` describes a
fingerprint: a digest of everything the page shows, namely the render inputs (settings, theme,
translations, Chronique's code, vocabulary, library versions:
:func:`chronique.site.incremental.render_digest`), the
page's own address and ``SITEURL``, the site's chrome (sections and pages named by every page)
and the values its template reads from the objects it shows:

=======================  ==============================================================
template                 what its page's fingerprint covers, besides the above
=======================  ==============================================================
``article.html``         the article: rendered body, front matter, address, summary,
                         section, topics (name, address), lead image, social card; its
                         related articles and section neighbours (address, title, date)
``category.html``        the section (name, slug, address), its article count, the page
                         number and page count, and the teaser of each article listed
``tag.html``             as a section, plus the topic's description, span of dates and
                         related topics (name, address, count)
``index.html``           page number, page count, article count and teasers; the front
                         page (trending topics, section counts) is always rendered
``period_archives.html`` the period, its parent periods, its month or day grid and its
                         neighbours (address, count), its count and its page's entries
:data:`DOCUMENT`         what its generator states it shows (:class:`MadeDocument`): a
                         feed's channel and its entries (:mod:`chronique.site.feeds`)
social card (PNG)        its key in the image cache: section, title, site name, address,
                         fonts and card version (:mod:`chronique.site.images.publish`)
=======================  ==============================================================

A teaser is what a listing shows of an article: address, title, summary, subtitle, date,
section (name, address) and lead image. Any other template (topic index, archives, sections
index, search, redirects, pages) is always rendered: no rule states what it reads; so is a
made document that states nothing (the OPML list).

When the previous version's page at the same address had the same fingerprint and its file is
as that build left it (inode, size, modification time), the page is not rendered: a page of
its own (an article) is linked into the staging folder, a page of a paginated listing is
linked where Pelican's pagination would write it (:meth:`ReusingWriter._open_w`), and the
compare stage (:func:`chronique.site.incremental.link_unchanged`) finds it linked. A path
written twice in one build is none of these, and its link is removed before the second
write: Pelican's
``override_output`` can never reach the published version through a shared inode. Pages
rendered anew still go through the byte comparison: a fingerprint that changed for a reason
the page does not show costs a render, never a wrong page.

Pages made together may be taken together: a feed's documents (:func:`chronique.site.feeds.
write_feed`) have one joint fingerprint of all they show; when it is unchanged and every one
of them is untouched, all are linked without being described one by one
(:meth:`PageReuse.link_group`).

The fingerprints of a published version are kept beside it (:data:`MANIFEST`), written aside
then renamed once the version is published; a manifest naming another version is ignored.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pelican import signals
from pelican.utils import get_relative_path, path_to_url, sanitised_join
from pelican.writers import FileOverwriteFailedError, Writer

from chronique.site.incremental import digest_bytes
from chronique.site.model import article_meta

#: Where build_site hands the writer its PageReuse: lowercase, so never taken for a setting.
REUSE_KEY = "chronique_page_reuse"
#: Beside the versions of an output: the fingerprint of each page of the version it serves.
MANIFEST = ".pages.json"

Parts = list[str]


@dataclass(frozen=True)
class PageState:
    """A page of the previous version: its fingerprint, and its file as the build left it."""

    fingerprint: str
    inode: int
    size: int
    mtime_ns: int


@dataclass
class PageReuse:
    """What one build may take from the previous version, and the fingerprints it records."""

    inputs: str
    previous: Path | None = None
    states: Mapping[str, PageState] = field(default_factory=dict)
    #: This build's pages (output path -> fingerprint); None for a page always rendered, and
    #: for a path written twice.
    fingerprints: dict[str, str | None] = field(default_factory=dict)
    #: Pages taken from the previous version, linked to it: pages of their own, and pages
    #: of paginated listings (linked where Pelican would write them).
    linked: set[str] = field(default_factory=set)
    copied: set[str] = field(default_factory=set)
    #: Pages of listings to link where Pelican writes them: (page, previous file) by the
    #: path Pelican opens.
    to_link: dict[str, tuple[str, str]] = field(default_factory=dict, repr=False)
    #: Pages with a fingerprint that were rendered (new, or changed).
    rendered: set[str] = field(default_factory=set)
    #: Sets of pages made together (a feed's documents) by key: their joint fingerprint and
    #: their paths; *groups_before* are the previous version's.
    groups_before: Mapping[str, tuple[str, list[str]]] = field(default_factory=dict)
    groups: dict[str, tuple[str, list[str]]] = field(default_factory=dict)
    _teasers: dict[int, str] = field(default_factory=dict, repr=False)
    _mentions: dict[int, str] = field(default_factory=dict, repr=False)
    _chrome: str | None = field(default=None, repr=False)

    @classmethod
    def load(cls, versions: Path, current: Path | None, inputs: str) -> PageReuse:
        """The previous version's manifest, when it describes *current*."""
        try:
            data = json.loads((versions / MANIFEST).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls(inputs)
        if current is None or data.get("version") != current.name:
            return cls(inputs)
        states = {path: PageState(*state) for path, state in data["pages"].items()}
        groups = {key: (made, list(paths)) for key, (made, paths) in data.get("groups", {}).items()}
        return cls(inputs, current, states, groups_before=groups)

    def note(self, path: str, fingerprint: str | None, staging: Path) -> bool:
        """Record *path*'s fingerprint; False when the path was already written. It is then
        kept out of the manifest and of the reused pages, and a link to the previous version
        at that path is removed first, so Pelican's second write cannot reach that version."""
        if path in self.fingerprints:
            self.fingerprints[path] = None
            for taken in (self.linked, self.copied):
                if path in taken:
                    taken.discard(path)
                    (staging / path).unlink()
            return False
        self.fingerprints[path] = fingerprint
        return fingerprint is not None

    @property
    def reused(self) -> frozenset[str]:
        """The pages taken from the previous version."""
        return frozenset(self.linked | self.copied)

    def equal_files(self) -> frozenset[str]:
        """The staged files known to equal the previous version's (the compare stage links
        them unread)."""
        return self.reused

    def previous_file(self, path: str, fingerprint: str) -> str | None:
        """The previous version's page at *path*, if it had *fingerprint* and is untouched.

        Paths of pages are text here: thousands of Path objects cost more than the links."""
        state = self.states.get(path)
        if self.previous is None or state is None or state.fingerprint != fingerprint:
            return None
        file = f"{self.previous}/{path}"
        try:
            status = os.lstat(file)
        except OSError:
            return None
        kept = (state.inode, state.size, state.mtime_ns)
        return file if (status.st_ino, status.st_size, status.st_mtime_ns) == kept else None

    def save(
        self, versions: Path, version: Path, stamps: Mapping[str, tuple[int, int, int]]
    ) -> None:
        """Write the manifest of *version*, just published (aside, then renamed); *stamps*
        are its files' inode, size and modification time, by path."""
        pages = {}
        for path, fingerprint in sorted(self.fingerprints.items()):
            if fingerprint is not None:
                pages[path] = [fingerprint, *stamps[path]]
        groups = {
            key: group
            for key, group in sorted(self.groups.items())
            if all(path in pages for path in group[1])
        }
        manifest = {"version": version.name, "pages": pages, "groups": groups}
        temporary = versions / f"{MANIFEST}.new"
        temporary.write_text(json.dumps(manifest), "utf-8")
        temporary.replace(versions / MANIFEST)

    def chrome(self, context: Mapping[str, Any]) -> str:
        """What every page shows of the site: its sections and its pages (base.html)."""
        if self._chrome is None:
            sections = [(c.name, c.url) for c, _ in context.get("categories") or []]
            pages = [(p.url, p.title) for p in context.get("pages") or []]
            self._chrome = digest([repr(sections), repr(pages)])
        return self._chrome

    def teaser(self, article: Any) -> str:
        """What a listing shows of *article* (theme/templates/_macros.html)."""
        key = id(article)
        if key not in self._teasers:
            self._teasers[key] = digest(_teaser_parts(article))
        return self._teasers[key]

    def mention(self, article: Any) -> str:
        """What a link to *article* from another article's page shows: address, title, date
        (Pelican computes an address anew on every access)."""
        key = id(article)
        if key not in self._mentions:
            self._mentions[key] = digest([article.url, article.title, article.date.isoformat()])
        return self._mentions[key]

    def link_previous(self, path: str, fingerprint: str | None, staging: Path) -> bool:
        """Link the previous version's file at *path* into *staging* when it had
        *fingerprint* and is untouched; False: the caller makes the file (counted as
        rendered when it has a fingerprint)."""
        if not self.note(path, fingerprint, staging) or fingerprint is None:
            return False
        previous = self.previous_file(path, fingerprint)
        if previous is None:
            self.rendered.add(path)
            return False
        _link_into_staging(previous, f"{staging}/{path}")
        self.linked.add(path)
        return True

    def group_fingerprint(self, parts: Parts, context: Mapping[str, Any]) -> str:
        """The joint fingerprint of a group of pages that show *parts* (see link_group),
        covering the render inputs, ``SITEURL`` and chrome as each page's does."""
        page = [self.inputs, "group", str(context.get("SITEURL"))]
        return digest([*page, self.chrome(context), *parts])

    def link_group(self, key: str, made: str, staging: Path) -> bool:
        """Link every page of the group *key* from the previous version, when the group's
        fingerprint *made* is unchanged and each of its pages is there, untouched and not
        written yet in this build; False (nothing linked): the caller makes the pages, and
        tells their paths to :meth:`note_group`."""
        before = self.groups_before.get(key)
        if before is None or before[0] != made:
            return False
        paths = before[1]
        fingerprints = [self.states[p].fingerprint if p in self.states else "" for p in paths]
        if any(path in self.fingerprints for path in paths) or not all(
            self.previous_file(path, page) for path, page in zip(paths, fingerprints, strict=True)
        ):
            return False
        for path, page in zip(paths, fingerprints, strict=True):
            self.link_previous(path, page, staging)
        self.groups[key] = before
        return True

    def note_group(self, key: str, made: str, paths: list[str]) -> None:
        """The pages of the group *key*, made with fingerprint *made* (see link_group)."""
        self.groups[key] = (made, paths)


def _link_into_staging(previous: str, target: str) -> None:
    """Link *previous* at *target*, making its folder when the staging folder lacks it: a
    recycled one (:func:`chronique.site.swap.staging_folder`) has most folders already."""
    try:
        os.link(previous, target)
    except FileNotFoundError:
        os.makedirs(target.rpartition("/")[0], exist_ok=True)  # noqa: PTH103 - as previous_file
        os.link(previous, target)


def _teaser_parts(article: Any) -> Parts:
    meta = article_meta(article)
    return [
        article.url,
        article.title,
        str(article.summary),
        repr(meta.subtitle),
        article.date.isoformat(),
        article.category.name,
        article.category.url,
        repr(getattr(article, "lead_picture", None)),
    ]


def digest(parts: Iterable[str]) -> str:
    """The fingerprint of text *parts* (see :func:`digest_bytes`)."""
    return digest_bytes(part.encode("utf-8", "surrogatepass") for part in parts)


# What each template's page shows; None: this page is always rendered.


def _article(reuse: PageReuse, context: Mapping[str, Any]) -> Parts | None:
    article = context["article"]
    related = [reuse.mention(a) for a in article.related_articles]
    neighbours = [
        reuse.mention(other) if other is not None else None
        for other in (
            getattr(article, "prev_article_in_category", None),
            getattr(article, "next_article_in_category", None),
        )
    ]
    return [
        reuse.teaser(article),
        repr(article_meta(article)),
        article.lang,
        str(article.content),
        repr(getattr(article, "modified", None)),
        repr([(tag.name, tag.url) for tag in getattr(article, "tags", None) or []]),
        repr(getattr(article, "social_card", None)),
        repr(related),
        repr(neighbours),
    ]


def _listing(reuse: PageReuse, context: Mapping[str, Any], key: str) -> Parts:
    """A paginated list of *key* (``articles`` or ``dates``): its page of teasers and its
    links to the other pages (whose addresses follow from the paginator's and the number)."""
    everything = context.get(key) or []
    page = context.get(f"{key}_page")
    if page is None:
        return [str(len(everything)), *(reuse.teaser(a) for a in everything)]
    paginator = context[f"{key}_paginator"]
    numbers = f"{page.number}/{paginator.num_pages}|{paginator.name}|{paginator.url}"
    return [str(len(everything)), numbers, *(reuse.teaser(a) for a in page.object_list)]


def _index(reuse: PageReuse, context: Mapping[str, Any]) -> Parts | None:
    page = context.get("articles_page")
    if page is None or page.number == 1:
        return None
    return _listing(reuse, context, "articles")


def _category(reuse: PageReuse, context: Mapping[str, Any]) -> Parts | None:
    category = context["category"]
    return [category.name, category.slug, category.url, *_listing(reuse, context, "articles")]


def _tag(reuse: PageReuse, context: Mapping[str, Any]) -> Parts | None:
    tag = context["tag"]
    related = [(r.tag.name, r.tag.url, r.shared) for r in getattr(tag, "related", [])]
    topic = [
        tag.name,
        tag.slug,
        tag.url,
        str(getattr(tag, "description", "")),
        repr(getattr(tag, "first_date", None)),
        repr(getattr(tag, "last_date", None)),
        repr(related),
    ]
    return [*topic, *_listing(reuse, context, "articles")]


def _period(reuse: PageReuse, context: Mapping[str, Any]) -> Parts | None:
    index = context.get("period_index")
    if index is None:
        return None
    key = tuple(context["period_num"])
    around = [index.find(key[:length]) for length in range(1, len(key) + 1)]
    if len(key) == 1:
        grid = index.month_grid(key[0])
    elif len(key) == 2:
        grid = index.day_grid(*key)
    else:
        grid = []
    period = [repr(key), repr(around), repr(grid), repr(index.neighbours(key))]
    return [*period, *_listing(reuse, context, "dates")]


#: The template name of a document its generator makes itself (see :class:`MadeDocument`).
DOCUMENT = "made document"


@dataclass(frozen=True)
class MadeDocument:
    """A document made by code rather than a template (a feed): what it shows, stated by its
    generator (None: always made), and how to make it. Written through the Writer with
    :data:`DOCUMENT_TEMPLATE`, it is made only when the previous version's cannot be taken."""

    shows: Parts | None
    make: Callable[[], str]


class _DocumentTemplate:
    """Stands for a template in Writer.write_file: the page is the ``document`` it is given."""

    name = DOCUMENT

    def render(self, context: Mapping[str, Any]) -> str:
        document: MadeDocument = context["document"]
        return document.make()


DOCUMENT_TEMPLATE = _DocumentTemplate()


def _document(reuse: PageReuse, context: Mapping[str, Any]) -> Parts | None:
    document: MadeDocument = context["document"]
    return document.shows


DEPENDENCIES: dict[str, Callable[[PageReuse, Mapping[str, Any]], Parts | None]] = {
    "article.html": _article,
    "index.html": _index,
    "category.html": _category,
    "tag.html": _tag,
    "period_archives.html": _period,
    DOCUMENT: _document,
}


def fingerprint(reuse: PageReuse, template: str | None, context: Mapping[str, Any]) -> str | None:
    """The digest of all the page of *context* shows, or None when it cannot be stated."""
    describe = DEPENDENCIES.get(template) if template is not None else None
    parts = describe(reuse, context) if describe is not None else None
    if parts is None:
        return None
    page = [reuse.inputs, template, context["output_file"], str(context.get("SITEURL"))]
    return digest([*page, reuse.chrome(context), *parts])


class _ReusingTemplate:
    """Stands for a template in Writer.write_file when it paginates: each page it is asked
    to render is the previous version's text when its fingerprint is unchanged."""

    def __init__(self, template: Any, reuse: PageReuse, staging: Path) -> None:
        self.template = template
        self.reuse = reuse
        self.staging = staging

    def render(self, context: dict[str, Any]) -> str:
        path = context["output_file"]
        page = fingerprint(self.reuse, getattr(self.template, "name", None), context)
        if self.reuse.note(path, page, self.staging) and page is not None:
            previous = self.reuse.previous_file(path, page)
            if previous is not None:
                self.reuse.to_link[sanitised_join(str(self.staging), path)] = (path, previous)
                return ""  # ReusingWriter._open_w links the previous file instead
            self.reuse.rendered.add(path)
        return str(self.template.render(context))


class ReusingWriter(Writer):  # type: ignore[misc]
    """Pelican's Writer, reusing the previous version's unchanged pages (see module doc).

    A page of its own (an article) whose fingerprint is unchanged is not written at all: the
    previous version's file is linked into the staging folder. A paginated listing goes
    through Pelican's pagination, each page linked to the previous version's when it can.
    """

    def write_file(
        self,
        name: Any,
        template: Any,
        context: Any,
        relative_urls: bool = False,
        paginated: Any = None,
        template_name: Any = None,
        override_output: bool = False,
        url: Any = None,
        **kwargs: Any,
    ) -> None:
        reuse = self.settings.get(REUSE_KEY)
        staging = Path(self.output_path)
        if isinstance(reuse, PageReuse) and name:
            if not self._paginates(paginated, template_name, kwargs):
                if self._link_previous(reuse, name, template, context, relative_urls, kwargs):
                    return
            else:
                template = _ReusingTemplate(template, reuse, staging)
        super().write_file(
            name,
            template,
            context,
            relative_urls,
            paginated,
            template_name,
            override_output,
            url,
            **kwargs,
        )

    def _open_w(self, filename: str, encoding: str, override: bool = False) -> Any:
        """Where Pelican writes a page: for a page of a listing taken from the previous
        version (:class:`_ReusingTemplate`), a link to its file, and nowhere its text.

        Pelican writes a path once unless told to override it: a page taken from the
        previous version and written again is refused, as its text was never rendered."""
        reuse = self.settings.get(REUSE_KEY)
        taken = reuse.to_link.pop(filename, None) if isinstance(reuse, PageReuse) else None
        if taken is None:
            return super()._open_w(filename, encoding, override)
        path, previous = taken
        if override or filename in self._written_files:  # its text was never rendered
            raise FileOverwriteFailedError(
                f'"{filename}" written twice, once from a previous build'
            )
        self._written_files.add(filename)
        os.link(previous, filename)
        reuse.copied.add(path)
        return open(os.devnull, "w", encoding=encoding)  # noqa: PTH123 - Pelican closes it

    def _paginates(self, paginated: Any, template_name: Any, kwargs: dict[str, Any]) -> bool:
        """Whether Writer.write_file writes this call's pages through its Paginator."""
        lists = paginated if paginated is not None else {"articles", "dates"} & set(kwargs)
        return bool(lists) and template_name in self.settings["PAGINATED_TEMPLATES"]

    def _link_previous(
        self,
        reuse: PageReuse,
        name: str,
        template: Any,
        context: dict[str, Any],
        relative_urls: bool,
        kwargs: dict[str, Any],
    ) -> bool:
        """Link the previous version's page *name* into staging when it is unchanged (and
        tell other plugins, as Pelican does for a page it writes); False: render it."""
        local = _local_context(context, name, relative_urls, kwargs)
        if local["localsiteurl"]:  # as Writer.write_file does: contents' links follow it
            context["localsiteurl"] = local["localsiteurl"]
        page = fingerprint(reuse, getattr(template, "name", None), local)
        staging = Path(self.output_path)
        if not reuse.link_previous(name, page, staging):
            return False
        signals.content_written.send(str(staging / name), context=local)
        return True


def _local_context(
    context: dict[str, Any], name: str, relative_urls: bool, kwargs: dict[str, Any]
) -> dict[str, Any]:
    """The context Writer.write_file renders a page of its own with."""
    local = dict(context)
    local["localsiteurl"] = local.get("localsiteurl")
    if relative_urls:
        relative = path_to_url(get_relative_path(name))
        local["SITEURL"] = relative
        local["localsiteurl"] = relative
    local["output_file"] = name
    local.update(kwargs)
    return local


def writer_class(pelican: Any) -> type:
    """``get_writer``: the writer that reuses unchanged pages."""
    return ReusingWriter
