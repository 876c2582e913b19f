"""Step 5: tags from the site's topic vocabulary (``content/topics.yml``).

Thin on purpose: matching lives in ``chronique.topics``. Front-matter tags are
the topics' display names. Without a vocabulary file, articles get no tags.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from chronique.content.errors import InvalidContentError
from chronique.ingest.errors import IngestFailure

if TYPE_CHECKING:
    from chronique.topics.tagging import TaggingSettings


@cache
def _tagger(topics_path: Path, mtime_ns: int, settings: TaggingSettings) -> Any:
    """One Tagger per vocabulary file version and settings (building it lemmatises every
    alias)."""
    from chronique.topics import Tagger, load_vocabulary

    return Tagger(load_vocabulary(topics_path), settings)


@dataclass
class SiteTagger:
    """The site's vocabulary, read on the first article of a batch and kept for the rest
    (one stat of topics.yml per batch, not per article), with the weights and thresholds
    of the site's ``CHRONIQUE_TAGGING`` setting, as ``invoke retag`` applies them."""

    topics_path: Path
    pelican_settings: Mapping[str, Any] = field(default_factory=dict)
    _tagger: Any = field(default=None, init=False, repr=False)
    _failure: str | None = field(default=None, init=False, repr=False)
    _loaded: bool = field(default=False, init=False, repr=False)

    def tag(
        self,
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
        tagger = self._load()
        if tagger is None:
            return ()
        text = body if not site_tags else f"{body}\n\n{', '.join(site_tags)}."
        topics = tagger.tag(title=title, subtitle=subtitle or "", summary=summary or "", body=text)
        return tuple(dict.fromkeys(topic.name for topic in topics))

    def _load(self) -> Any:
        if not self._loaded:
            self._loaded = True
            try:
                self._tagger = self._read_tagger()
            except ValueError as exc:  # a CHRONIQUE_TAGGING key that does not exist
                self._failure = str(exc)
            except InvalidContentError as exc:
                first = exc.errors[0] if exc.errors else exc
                self._failure = f"the topic vocabulary cannot be read: {first}"
        if self._failure is not None:
            raise IngestFailure(self._failure)
        return self._tagger

    def _read_tagger(self) -> Any:
        """The Tagger of the site's vocabulary and settings; None without a vocabulary."""
        from chronique.topics.tagging import TaggingSettings

        settings = TaggingSettings.from_settings(dict(self.pelican_settings))
        try:
            mtime_ns = self.topics_path.stat().st_mtime_ns
        except FileNotFoundError:
            return None
        return _tagger(self.topics_path, mtime_ns, settings)
