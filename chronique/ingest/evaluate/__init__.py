"""Ingest's accuracy gate: extraction measured on public corpora with gold annotations.

For every page of a corpus the harness runs ingest's extractor on the saved HTML
and on the text a reader gets by copying the rendered page from a browser
(headless Chromium's ``document.body.innerText``, made by the harness itself and
cached), and plain ``trafilatura.extract`` on the same HTML, then scores body,
title and date against the gold. Corpora are third-party pages fetched at
development time and kept outside the repository.

Run: ``python -m chronique.ingest.evaluate CORPUS_DIR [CORPUS_DIR…]``.
"""
