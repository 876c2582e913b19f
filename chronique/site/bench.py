"""``invoke bench``: build a synthetic archive and time each stage that has a target.

Figures are printed, not asserted: speed is measured here, never in timed tests.
"""

from __future__ import annotations

import random
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

import yaml

from chronique.config import load_config
from chronique.content.frontmatter import dump_front_matter
from chronique.content.model import ArticleMeta
from chronique.content.slugs import slugify

_WORDS = (
    "les forces russes ont annoncé avoir repris deux localités dans la région théâtre de "
    "combats acharnés alors que les échanges drones entre camps atteignent des niveaux sans "
    "précédent gouvernement a présenté mardi un projet loi sur le climat économie santé justice "
    "élections municipales président ministre parlement européen accord négociations trêve "
    "marché emploi inflation hausse baisse prix énergie école hôpital réforme grève syndicats"
).split()


@dataclass(frozen=True)
class SyntheticSite:
    root: Path
    articles: int
    topics: int

    @property
    def settings(self) -> Path:
        return self.root / "pelicanconf.py"


def synthetic_topics(n_topics: int) -> list[dict[str, object]]:
    """*n_topics* distinct topics in the vocabulary's YAML form."""
    return [
        {
            "name": f"Sujet {index:04d}",
            "slug": f"sujet-{index:04d}",
            "kind": "theme",
            "aliases": [f"thème {index:04d}"],
            "description": f"Un sujet de test numéro {index}.",
        }
        for index in range(n_topics)
    ]


def make_synthetic_site(
    repo: Path, destination: Path, n_articles: int, n_topics: int, seed: int = 7
) -> SyntheticSite:
    """Copy the repository's settings and theme, then write a generated archive."""
    for name in ("pelicanconf.py", "publishconf.py"):
        shutil.copy2(repo / name, destination / name)
    shutil.copytree(repo / "theme", destination / "theme")
    content = destination / "content"
    (content / "articles").mkdir(parents=True)
    sections = load_config(destination / "pelicanconf.py").sections
    if not sections:
        raise ValueError("the site's CHRONIQUE_SECTIONS is empty: synthetic articles need one")
    topics = synthetic_topics(n_topics)
    (content / "topics.yml").write_text(
        yaml.safe_dump(topics, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    rng = random.Random(seed)
    start = datetime(2015, 1, 1, 8, 0, tzinfo=timezone(timedelta(hours=1)))
    for index in range(n_articles):
        meta = _synthetic_meta(rng, index, start, topics, sections)
        path = content / "articles" / meta.relative_file
        path.parent.mkdir(parents=True, exist_ok=True)
        body = "\n\n".join(_sentence(rng, 60) for _ in range(6))
        path.write_text(dump_front_matter(meta.to_front_matter(), body), encoding="utf-8")
    return SyntheticSite(destination, n_articles, n_topics)


def _sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(_WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def _synthetic_meta(
    rng: random.Random,
    index: int,
    start: datetime,
    topics: list[dict[str, object]],
    sections: tuple[str, ...],
) -> ArticleMeta:
    title = f"{_sentence(rng, 8)[:-1]} {index}"
    return ArticleMeta(
        title=title,
        date=start + timedelta(hours=7 * index),
        category=rng.choice(sections),
        slug=slugify(title),
        tags=tuple(dict.fromkeys(str(rng.choice(topics)["name"]) for _ in range(4))),
        summary=_sentence(rng, 30),
    )


def timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def bench_build(repo: Path, n_articles: int = 1000, n_topics: int = 200) -> dict[str, float]:
    """A full build of a synthetic archive, and what its feeds cost (target: under a quarter)."""
    from chronique import timing
    from chronique.site.build import build_site

    with tempfile.TemporaryDirectory() as folder:
        site = make_synthetic_site(repo, Path(folder), n_articles, n_topics)
        timing.reset()
        seconds = timed(lambda: build_site(site.settings))
        feed_files = [*site.root.glob("output/**/rss.xml"), *site.root.glob("output/**/atom.xml")]
        feed_bytes = sum(path.stat().st_size for path in feed_files)
    feeds = timing.STAGES.get("feeds", 0.0)
    return {
        "build_seconds": seconds,
        "build_articles_per_s": n_articles / seconds,
        "feeds_seconds": feeds,
        "feeds_share_of_build": feeds / seconds,
        "feeds_files": float(len(feed_files)),
        "feeds_megabytes": feed_bytes / 1e6,
    }
