"""Step 5: tags from the site's topic vocabulary (``content/topics.yml``).

Thin on purpose: matching lives in ``chronique.topics``. Front-matter tags are
the topics' display names. Without a vocabulary file, articles get no tags.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

from chronique.errors import InvalidContentError
from chronique.ingest.errors import IngestFailure


@cache
def _tagger(topics_path: Path, mtime_ns: int) -> Any:
    """One Tagger per vocabulary file version (building it lemmatises every alias)."""
    from chronique.topics import Tagger, load_vocabulary

    return Tagger(load_vocabulary(topics_path))


def tag_article(
    topics_path: Path,
    *,
    title: str,
    subtitle: str | None,
    summary: str | None,
    body: str,
    site_tags: Sequence[str] = (),
) -> tuple[str, ...]:
    """Display names of the vocabulary's topics found in the article.

    The site's own tags are given to the tagger with the body: they can only
    select topics of our vocabulary, never add new ones.
    """
    try:
        tagger = _tagger(topics_path, topics_path.stat().st_mtime_ns)
    except FileNotFoundError:
        return ()
    except InvalidContentError as exc:
        first = exc.errors[0] if exc.errors else exc
        raise IngestFailure(f"the topic vocabulary cannot be read: {first}") from None
    text = body if not site_tags else f"{body}\n\n{', '.join(site_tags)}."
    topics = tagger.tag(title=title, subtitle=subtitle or "", summary=summary or "", body=text)
    return tuple(dict.fromkeys(topic.name for topic in topics))
