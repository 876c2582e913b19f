"""Re-tag the archive after the vocabulary or the tagging rules changed."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from chronique.config import ChroniqueConfig
from chronique.content import ArticleFile, article_files, read_article
from chronique.frontmatter import dump_front_matter
from chronique.topics.tagging import Tagger, TaggingSettings
from chronique.topics.vocabulary import load_vocabulary


@dataclass(frozen=True)
class Retagged:
    path: Path
    before: tuple[str, ...]
    after: tuple[str, ...]


def retag_archive(config: ChroniqueConfig, write: bool = True) -> list[Retagged]:
    """Tag every valid article anew; rewrite (when *write*) the files whose tags change.

    The front-matter is written back whole: comments and key order other than
    DESIGN.md's are not kept. Files that do not validate are left for ``check``.
    """
    tagger = Tagger(
        load_vocabulary(config.topics_path), TaggingSettings.from_settings(config.pelican)
    )
    changes = []
    for path in article_files(config):
        article = read_article(path, config)
        if isinstance(article, list):
            continue
        after = _tags(tagger, article)
        if after != article.meta.tags:
            changes.append(Retagged(path, article.meta.tags, after))
            if write:
                _rewrite_tags(article, after)
    return changes


def _tags(tagger: Tagger, article: ArticleFile) -> tuple[str, ...]:
    meta = article.meta
    topics = tagger.tag(
        title=meta.title,
        subtitle=meta.subtitle or "",
        summary=meta.summary or "",
        body=article.body,
    )
    return tuple(topic.name for topic in topics)


def _rewrite_tags(article: ArticleFile, tags: tuple[str, ...]) -> None:
    data = dict(article.front_matter.data)
    data["tags"] = list(tags)
    article.path.write_text(dump_front_matter(data, article.body), encoding="utf-8")
