"""The ingest benchmark runs end to end on its synthetic pages (the figures are reported by
``python -m chronique.ingest.bench``, not asserted: they depend on the machine)."""

from __future__ import annotations

import random

from chronique.ingest.bench import SECTIONS, bench_ingest, html_page, text_page
from chronique.ingest.chrome import load_chrome_patterns
from chronique.ingest.html_page import extract_html_page
from chronique.ingest.text_page import TextRules, extract_text_page


def test_bench_writes_every_synthetic_page():
    figures = bench_ingest(n_text=30, n_html=3)
    assert figures["text_pages"] == 30 and figures["html_pages"] == 3
    assert figures["text_pages_per_s"] > 0 and figures["html_pages_per_s"] > 0


def test_synthetic_pages_are_read_as_intended():
    rng = random.Random(7)
    rules = TextRules(load_chrome_patterns(), SECTIONS)
    page = extract_text_page(text_page(rng, 1), rules)
    assert page.section in SECTIONS and page.title.endswith("(1)") and page.published
    html = extract_html_page(html_page(rng, 2), rules.chrome, SECTIONS, "Europe/Paris")
    assert html.section in SECTIONS and html.title.endswith("(2)") and html.published
