"""The one exception of the ingest steps: an input that cannot become an article."""

from __future__ import annotations


class IngestFailure(Exception):  # noqa: N818 - a failed input, not a program error
    """Raised by any step with the one-line reason shown in the report.

    ``unmapped_label`` and ``missing_date`` say what an editor can supply for a rerun;
    the report gathers them over the batch.
    """

    def __init__(
        self, reason: str, *, unmapped_label: str | None = None, missing_date: bool = False
    ) -> None:
        self.reason = reason
        self.unmapped_label = unmapped_label
        self.missing_date = missing_date
        super().__init__(reason)
