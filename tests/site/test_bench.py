"""The build bench's plumbing on a tiny archive (figures are printed by ``invoke bench``, never
asserted here: they depend on the machine)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from chronique.site.bench import (
    CHANGES,
    FULL,
    NO_CHANGE,
    PELICAN_FULL,
    PELICAN_NO_CHANGE,
    bench_builds,
    format_table,
    make_synthetic_site,
    write_json,
)

REPO = Path(__file__).resolve().parents[2]


def _files(root: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(root)): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def test_the_generator_is_deterministic(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    make_synthetic_site(REPO, first, 5, 4)
    make_synthetic_site(REPO, second, 5, 4)
    assert _files(first / "content") == _files(second / "content")
    assert _files(first / "vanilla") == _files(second / "vanilla")


def test_bench_articles_have_a_real_articles_length(tmp_path):
    site = make_synthetic_site(REPO, tmp_path, 3, 4)
    for article in site.articles:
        assert 500 <= len(article.body.split()) <= 700
        assert site.article_file(article).is_file()
    assert len(list((site.vanilla / "content" / "articles").glob("*.md"))) == 3


@pytest.mark.slow
def test_bench_measures_every_run_and_writes_its_json(tmp_path):
    bench = bench_builds(REPO, n_articles=3, n_topics=3, work=tmp_path)
    runs = [row.run for row in bench.rows]
    assert runs == [
        FULL,
        NO_CHANGE,
        *(name for name, _ in CHANGES),
        PELICAN_FULL,
        PELICAN_NO_CHANGE,
    ]
    for row in bench.rows:
        assert row.cost.cpu_seconds > 0 and row.cost.peak_rss_mb > 0
    assert bench.cost(FULL).files_written > 3 and bench.cost(FULL).mb_written > 0
    assert bench.cost(PELICAN_FULL).files_written > 3
    assert "feeds" in bench.cost(FULL).stages
    table = format_table(bench)
    assert all(run in table for run in runs) and "vanilla Pelican" in table
    write_json(bench, tmp_path / "bench.json")
    figures = json.loads((tmp_path / "bench.json").read_text())
    assert figures["articles"] == 3 and len(figures["rows"]) == len(runs)
    assert figures["ratio_to_pelican"] == pytest.approx(bench.ratio_to_pelican)
