"""Re-tag the archive after the vocabulary or the tagging rules changed."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path

from chronique.config import ChroniqueConfig
from chronique.content.archive import ArticleFile, read_archive, replace_file
from chronique.content.errors import ContentError
from chronique.content.frontmatter import with_list_field
from chronique.topics.tagging import Tagger, TaggingSettings


@dataclass(frozen=True)
class Retagged:
    """One article whose tags change, with its file's text before and after."""

    path: Path
    before: tuple[str, ...]
    after: tuple[str, ...]
    old_text: str
    new_text: str

    def diff(self, name: str) -> str:
        """The change as a unified diff, the file called *name* on both sides."""
        return "".join(
            difflib.unified_diff(
                self.old_text.splitlines(keepends=True),
                self.new_text.splitlines(keepends=True),
                f"a/{name}",
                f"b/{name}",
            )
        )


@dataclass
class RetagReport:
    changes: list[Retagged] = field(default_factory=list)
    #: Why each article left as it was could not be re-tagged (it fails check, or its
    #: front-matter could not be edited safely).
    problems: list[ContentError] = field(default_factory=list)


def retag_archive(config: ChroniqueConfig, write: bool = True) -> RetagReport:
    """Tag every valid article anew; rewrite (when *write*) the files whose tags change.

    Only the ``tags:`` entry of a file changes (comments, key order and body are kept),
    and each file is replaced atomically. An InvalidContentError when topics.yml is.
    """
    archive = read_archive(config)
    tagger = Tagger(archive.vocabulary, TaggingSettings.from_settings(config.pelican))
    report = RetagReport()
    read = {article.path for article in archive.articles} | {page.path for page in archive.pages}
    folders = [config.content_path / folder for folder in config.article_paths]
    for path in sorted(set(archive.files) - read):
        if not any(path.is_relative_to(folder) for folder in folders):
            continue  # a page: never tagged
        report.problems.append(
            ContentError(
                path,
                "not re-tagged: the file does not pass check",
                hint="run chronique check on it",
            )
        )
    for article in archive.articles:
        path = article.path
        after = _tags(tagger, article)
        if after == article.meta.tags:
            continue
        old_text = path.read_text(encoding="utf-8")
        try:
            new_text = with_list_field(old_text, "tags", after)
        except ValueError as exc:
            report.problems.append(article.error("tags", f"not re-tagged: {exc}"))
            continue
        if write:
            try:
                replace_file(path, new_text)
            except OSError as exc:
                report.problems.append(ContentError(path, f"cannot rewrite: {exc.strerror}"))
                continue
        report.changes.append(Retagged(path, article.meta.tags, after, old_text, new_text))
    return report


def _tags(tagger: Tagger, article: ArticleFile) -> tuple[str, ...]:
    meta = article.meta
    topics = tagger.tag(
        title=meta.title,
        subtitle=meta.subtitle or "",
        summary=meta.summary or "",
        body=article.body,
    )
    return tuple(topic.name for topic in topics)
