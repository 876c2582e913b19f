"""Ingest: raw news pages (plain text or HTML) into front-matter Markdown articles.

Public entry points: :func:`ingest_paths` (library) and :func:`run_ingest` (``invoke ingest``).
"""

from chronique.ingest.pipeline import IngestOptions, ingest_paths, run_ingest
from chronique.ingest.report import IngestReport, IngestResult, Status

__all__ = [
    "IngestOptions",
    "IngestReport",
    "IngestResult",
    "Status",
    "ingest_paths",
    "run_ingest",
]
