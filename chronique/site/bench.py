"""``invoke bench``: build a synthetic archive as a user would, and what each kind of change costs.

Every build runs in a child process, so its CPU time (user + system) and peak RSS count the
children it starts too (Pagefind). The same articles are built by vanilla Pelican (its default
theme, tag and category feeds, content cache on) in the same run, for the ratio the targets of
issue 16 are stated in. Figures are printed, never asserted: speed is measured here, not in
timed tests.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

import yaml

import chronique
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

#: A bench article's body: ten paragraphs of sixty words, about a real article's length.
PARAGRAPHS = 10
PARAGRAPH_WORDS = 60
TAGS_PER_ARTICLE = 4

#: Settings of the vanilla Pelican build the bench compares with (default theme, cache on).
VANILLA_SETTINGS = """\
SITENAME = "Vanilla"
SITEURL = ""
PATH = "content"
ARTICLE_PATHS = ["articles"]
TIMEZONE = "Europe/Paris"
DEFAULT_LANG = "fr"
DEFAULT_PAGINATION = 20
FEED_MAX_ITEMS = 50
FEED_ALL_ATOM = "feeds/all.atom.xml"
CATEGORY_FEED_ATOM = "feeds/{slug}.atom.xml"
CATEGORY_FEED_RSS = "feeds/{slug}.rss.xml"
TAG_FEED_ATOM = "feeds/{slug}.tag.atom.xml"
TAG_FEED_RSS = "feeds/{slug}.tag.rss.xml"
LOAD_CONTENT_CACHE = True
CACHE_CONTENT = True
CACHE_PATH = "cache"
"""


@dataclass(frozen=True)
class SyntheticArticle:
    meta: ArticleMeta
    body: str


@dataclass
class SyntheticSite:
    """A generated Chronique site under *root*, and the same articles for vanilla Pelican."""

    root: Path
    topics: list[dict[str, object]]
    articles: list[SyntheticArticle] = field(default_factory=list)

    @property
    def settings(self) -> Path:
        return self.root / "pelicanconf.py"

    @property
    def vanilla(self) -> Path:
        return self.root / "vanilla"

    def article_file(self, article: SyntheticArticle) -> Path:
        return self.root / "content" / "articles" / article.meta.relative_file

    def write(self, article: SyntheticArticle) -> None:
        path = self.article_file(article)
        path.parent.mkdir(parents=True, exist_ok=True)
        text = dump_front_matter(article.meta.to_front_matter(), article.body)
        path.write_text(text, encoding="utf-8")


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
    """Copy the repository's settings and theme, then write a generated archive.

    The same *seed* always gives the same files.
    """
    for name in ("pelicanconf.py", "publishconf.py"):
        shutil.copy2(repo / name, destination / name)
    shutil.copytree(repo / "theme", destination / "theme")
    (destination / "content" / "articles").mkdir(parents=True)
    sections = load_config(destination / "pelicanconf.py").sections
    if not sections:
        raise ValueError("the site's CHRONIQUE_SECTIONS is empty: synthetic articles need one")
    site = SyntheticSite(destination, synthetic_topics(n_topics))
    (destination / "content" / "topics.yml").write_text(
        yaml.safe_dump(site.topics, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    rng = random.Random(seed)
    start = datetime(2015, 1, 1, 8, 0, tzinfo=timezone(timedelta(hours=1)))
    for index in range(n_articles):
        article = SyntheticArticle(
            _synthetic_meta(rng, index, start, site.topics, sections), _body(rng)
        )
        site.articles.append(article)
        site.write(article)
    _write_vanilla_copy(site)
    return site


def _body(rng: random.Random) -> str:
    return "\n\n".join(_sentence(rng, PARAGRAPH_WORDS) for _ in range(PARAGRAPHS))


def _sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(_WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def _random_tags(rng: random.Random, topics: list[dict[str, object]]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(str(rng.choice(topics)["name"]) for _ in range(TAGS_PER_ARTICLE)))


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
        tags=_random_tags(rng, topics),
        summary=_sentence(rng, 30),
    )


def _write_vanilla_copy(site: SyntheticSite) -> None:
    """The same articles in Pelican's own Markdown metadata, with Pelican's settings."""
    articles = site.vanilla / "content" / "articles"
    articles.mkdir(parents=True)
    (site.vanilla / "pelicanconf.py").write_text(VANILLA_SETTINGS, encoding="utf-8")
    for article in site.articles:
        meta = article.meta
        header = [
            f"Title: {meta.title}",
            f"Date: {meta.date.isoformat()}",
            f"Category: {meta.category}",
            f"Tags: {', '.join(meta.tags)}",
            f"Slug: {meta.slug}",
            f"Summary: {meta.summary}",
        ]
        text = "\n".join(header) + "\n\n" + article.body + "\n"
        (articles / f"{meta.slug}.md").write_text(text, encoding="utf-8")


# The changes a rebuild is timed after; each one touches a single article of the archive.


def _middle(site: SyntheticSite) -> int:
    return len(site.articles) // 2


def edit_body(site: SyntheticSite) -> None:
    index = _middle(site)
    article = site.articles[index]
    site.articles[index] = replace(article, body=article.body + "\n\nUn paragraphe ajouté.")
    site.write(site.articles[index])


def edit_tags(site: SyntheticSite) -> None:
    index = _middle(site)
    article = site.articles[index]
    tags = _random_tags(random.Random(index), site.topics)
    site.articles[index] = replace(article, meta=replace(article.meta, tags=tags))
    site.write(site.articles[index])


def add_article(site: SyntheticSite) -> None:
    last = site.articles[-1]
    rng = random.Random(len(site.articles))
    title = f"{_sentence(rng, 8)[:-1]} ajouté"
    meta = replace(
        last.meta, title=title, slug=slugify(title), date=last.meta.date + timedelta(hours=7)
    )
    site.articles.append(SyntheticArticle(meta, _body(rng)))
    site.write(site.articles[-1])


def delete_article(site: SyntheticSite) -> None:
    site.article_file(site.articles.pop(_middle(site))).unlink()


#: The rebuilds of the table, in order, each after the one before.
CHANGES: tuple[tuple[str, Callable[[SyntheticSite], None]], ...] = (
    ("edit one article's body", edit_body),
    ("edit one article's tags", edit_tags),
    ("add one article", add_article),
    ("delete one article", delete_article),
)


@dataclass(frozen=True)
class RunCost:
    """What one build cost, counted by the kernel for its process and the children it waited for."""

    cpu_seconds: float
    wall_seconds: float
    peak_rss_mb: float
    files_written: int
    mb_written: float
    stages: dict[str, float]


@dataclass(frozen=True)
class BenchRow:
    run: str
    cost: RunCost


@dataclass(frozen=True)
class BuildBench:
    articles: int
    topics: int
    rows: list[BenchRow]

    def cost(self, run: str) -> RunCost:
        return next(row.cost for row in self.rows if row.run == run)

    @property
    def ratio_to_pelican(self) -> float:
        """Chronique's full build over vanilla Pelican's, in CPU time."""
        return self.cost(FULL).cpu_seconds / self.cost(PELICAN_FULL).cpu_seconds


#: The stages the table shows, timed by chronique.timing in the build.
TABLE_STAGES = ("render", "cards", "feeds", "search", "compare")

FULL = "full build"
NO_CHANGE = "rebuild, nothing changed"
PELICAN_FULL = "vanilla Pelican, full build"
PELICAN_NO_CHANGE = "vanilla Pelican, nothing changed"


def run_measured(command: list[str], cwd: Path, output: Path) -> RunCost:
    """Run *command* in *cwd* and count what it cost, and the files it wrote under *output*.

    ``os.wait4`` gives this child's own resource usage (its waited-for children included),
    which ``getrusage(RUSAGE_CHILDREN)`` only gives summed over every child so far.
    """
    stages_file = cwd / ".bench-stages.json"
    stages_file.unlink(missing_ok=True)
    environment = os.environ | {
        "PYTHONPATH": _package_root(),
        "CHRONIQUE_BENCH_STAGES": str(stages_file),
    }
    log = cwd / ".bench-build.log"
    started, clock = time.time(), time.perf_counter()
    with log.open("wb") as sink:
        child = subprocess.Popen(command, cwd=cwd, env=environment, stdout=sink, stderr=sink)
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - clock
    if child.returncode != 0:
        tail = log.read_text(encoding="utf-8", errors="replace")[-3000:]
        raise RuntimeError(f"{' '.join(command)} failed ({child.returncode}):\n{tail}")
    written = _files_written_since(output, started)
    stages = json.loads(stages_file.read_text()) if stages_file.is_file() else {}
    return RunCost(
        cpu_seconds=usage.ru_utime + usage.ru_stime,
        wall_seconds=wall,
        peak_rss_mb=usage.ru_maxrss / 1024,
        files_written=len(written),
        mb_written=sum(size for size in written) / 1e6,
        stages=stages,
    )


def _package_root() -> str:
    """The folder holding the ``chronique`` package this process runs, for the children."""
    return str(Path(chronique.__file__).resolve().parent.parent)


def _files_written_since(output: Path, started: float) -> list[int]:
    """The sizes of the files under *output* (a link is followed) modified after *started*."""
    root = output.resolve()
    if not root.is_dir():
        return []
    sizes = []
    for path in root.rglob("*"):
        if path.is_file() and (status := path.stat()).st_mtime >= started:
            sizes.append(status.st_size)
    return sizes


def chronique_build_command() -> list[str]:
    return [sys.executable, "-m", "chronique.site.bench", "--child"]


def pelican_build_command() -> list[str]:
    return [sys.executable, "-m", "pelican", "content", "-s", "pelicanconf.py", "-o", "output"]


def bench_builds(
    repo: Path, n_articles: int = 1000, n_topics: int = 1000, work: Path | None = None
) -> BuildBench:
    """Build a synthetic archive fully, again unchanged, after each change, then with Pelican."""
    with tempfile.TemporaryDirectory(dir=work) as folder:
        site = make_synthetic_site(repo, Path(folder), n_articles, n_topics)
        output = site.root / "output"

        def chronique_build() -> RunCost:
            return run_measured(chronique_build_command(), site.root, output)

        rows = [BenchRow(FULL, chronique_build()), BenchRow(NO_CHANGE, chronique_build())]
        for name, change in CHANGES:
            change(site)
            rows.append(BenchRow(name, chronique_build()))
        vanilla_output = site.vanilla / "output"
        for name in (PELICAN_FULL, PELICAN_NO_CHANGE):
            cost = run_measured(pelican_build_command(), site.vanilla, vanilla_output)
            rows.append(BenchRow(name, cost))
    return BuildBench(n_articles, n_topics, rows)


def format_table(bench: BuildBench) -> str:
    """The bench as one Markdown table, then the ratio to vanilla Pelican."""
    stage_columns = " | ".join(f"{name} s" for name in TABLE_STAGES)
    header = (
        f"| run | CPU s | wall s | {stage_columns} | peak RSS MB | files written | MB written |"
    )
    lines = [
        f"Build bench: {bench.articles:,} articles, {bench.topics:,} topics. CPU s: user +"
        " system of the build and its children; render s (Pelican's run), cards s, feeds s,"
        " search s, compare s (with the previous build): wall time of that stage;"
        " files written: files new or changed in the output (an unchanged one is a hard link"
        " to the previous build's).",
        "",
        header,
        "|---|" + "---:|" * (5 + len(TABLE_STAGES)),
    ]
    for row in bench.rows:
        cost = row.cost
        stages = [_stage(cost, name) for name in TABLE_STAGES]
        lines.append(
            f"| {row.run} | {cost.cpu_seconds:,.1f} | {cost.wall_seconds:,.1f} "
            f"| {' | '.join(stages)} "
            f"| {cost.peak_rss_mb:,.0f} | {cost.files_written:,} | {cost.mb_written:,.1f} |"
        )
    lines += ["", f"Chronique / vanilla Pelican, full build CPU: {bench.ratio_to_pelican:.2f}"]
    return "\n".join(lines)


def _stage(cost: RunCost, name: str) -> str:
    return f"{cost.stages[name]:,.1f}" if name in cost.stages else "–"


def write_json(bench: BuildBench, path: Path) -> None:
    figures = asdict(bench) | {"ratio_to_pelican": bench.ratio_to_pelican}
    path.write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def _child_build() -> int:
    """A bench build in this process: the site of the working folder, stage timers saved."""
    from chronique import timing
    from chronique.site.build import build_site

    timing.reset()
    build_site("pelicanconf.py")
    Path(os.environ["CHRONIQUE_BENCH_STAGES"]).write_text(json.dumps(timing.STAGES))
    return 0


if __name__ == "__main__" and sys.argv[1:] == ["--child"]:
    sys.exit(_child_build())
