"""The one exception of the ingest steps: an input that cannot become an article."""

from __future__ import annotations


class IngestFailure(Exception):  # noqa: N818 - a failed input, not a program error
    """Raised by any step with the one-line reason shown in the report."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(reason)
