"""Feed-writing time against the full build, on a synthetic archive (issue 5, acceptance 5).

A real Pelican build of generated Markdown (chronique.bench), so the share is the one
a site of that size pays: feeds must stay under a quarter of the full build.
Run ``python -m chronique.feeds_bench [ARTICLES] [TOPICS]``; figures are printed,
never asserted (speed is measured here, not in timed tests).
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from chronique import timing
from chronique.bench import make_synthetic_site
from chronique.build import build_site

REPO = Path(__file__).resolve().parent.parent
TARGET_SHARE = 0.25


def bench_feeds(
    n_articles: int = 10_000, n_topics: int = 1000, repo: Path = REPO
) -> dict[str, float]:
    """Build a synthetic archive; seconds for the build and for its feeds, and their ratio."""
    with tempfile.TemporaryDirectory() as folder:
        site = make_synthetic_site(repo, Path(folder), n_articles, n_topics)
        timing.reset()
        started = time.perf_counter()
        build_site(site.settings)
        build = time.perf_counter() - started
        feeds = sorted((site.root / "output").rglob("*.xml"))
        feed_files = [p for p in feeds if p.name in {"rss.xml", "atom.xml"}]
        feed_bytes = sum(p.stat().st_size for p in feed_files)
    seconds = timing.STAGES.get("feeds", 0.0)
    return {
        "feeds_articles": float(n_articles),
        "feeds_topics": float(n_topics),
        "feeds_files": float(len(feed_files)),
        "feeds_megabytes": feed_bytes / 1e6,
        "feeds_seconds": seconds,
        "feeds_build_seconds": build,
        "feeds_share_of_build": seconds / build,
        "feeds_share_target": TARGET_SHARE,
    }


def main(argv: list[str]) -> int:
    articles, topics = (int(value) for value in (argv + ["10000", "1000"][len(argv) :])[:2])
    figures = bench_feeds(articles, topics)
    for name, value in figures.items():
        print(f"{name}: {value:,.3f}")
    return 0 if figures["feeds_share_of_build"] < TARGET_SHARE else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
