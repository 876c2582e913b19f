"""The ingest benchmark runs end to end on its site-style pages (the figures are reported by
``python -m chronique.ingest.bench``, not asserted: they depend on the machine)."""

from __future__ import annotations

import random

import pytest

from chronique.ingest.bench import (
    BODY_WORDS,
    SECTIONS,
    STYLES,
    bench_ingest,
    bench_page,
    html_page,
    text_page,
)
from chronique.ingest.chrome import load_chrome_patterns
from chronique.ingest.html_page import extract_html_page
from chronique.ingest.text_page import TextRules, extract_text_page


def test_bench_writes_every_page():
    figures = bench_ingest(n_text=2 * len(STYLES), n_html=2)
    assert figures["text_pages"] == 2 * len(STYLES) and figures["html_pages"] == 2
    assert figures["text_pages_per_s"] > 0 and figures["html_pages_per_s"] > 0


@pytest.mark.parametrize("number", range(len(STYLES)))
def test_each_style_is_read_as_a_reader_would(number):
    page = bench_page(random.Random(number), number)
    rules = TextRules(load_chrome_patterns(), SECTIONS)
    for extracted in (
        extract_text_page(text_page(page), rules),
        extract_html_page(html_page(page, number), rules.chrome, SECTIONS, "Europe/Paris"),
    ):
        assert extracted.title == page.title
        assert extracted.section == page.section
        assert extracted.published == page.published
        assert extracted.paragraphs[-1] == page.paragraphs[-1]
        assert page.style.inline_card.splitlines()[-1] not in extracted.body


def test_pages_have_real_length_and_chrome():
    page = bench_page(random.Random(1), 1)
    text = text_page(page)
    assert sum(len(p.split()) for p in page.paragraphs) >= BODY_WORDS
    assert page.style.top in text and page.style.end in text
