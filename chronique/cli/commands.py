"""What each command does on the command line (``chronique`` and the invoke tasks alike):
run a function of the package, print, return an exit code."""

from __future__ import annotations

import sys
from pathlib import Path

from chronique.cli.scaffold import ScaffoldError, new_article
from chronique.config import ChroniqueConfig, load_config
from chronique.content.checks import check_content, format_problem
from chronique.content.dates import parse_day_or_moment
from chronique.content.errors import ContentError, InvalidContentError
from chronique.paths import printable, printable_path, shown_path
from chronique.site.build import BuildError, build_site
from chronique.site.swap import CopyError


def site_config(settings_file: str = "pelicanconf.py") -> ChroniqueConfig:
    """The site every command but the build works on: the one place that loads it."""
    return load_config(settings_file)


def print_errors(errors: InvalidContentError) -> None:
    for error in errors.errors:
        print(error.relative_to(Path.cwd()), file=sys.stderr)


def run_build(
    settings_file: str = "pelicanconf.py", output: str | None = None, copy_to: str | None = None
) -> int:
    """Build the site; on failure print why and leave the previous output alone."""
    try:
        result = build_site(settings_file, output, copy_to)
    except InvalidContentError as exc:
        print_errors(exc)
        count = sum(e.is_error for e in exc.errors)
        print(f"Build refused: {count} error(s); output/ was left unchanged.", file=sys.stderr)
        return 1
    except BuildError as exc:
        print(f"Build failed: {exc}\noutput/ was left unchanged.", file=sys.stderr)
        return 1
    except CopyError as exc:
        print(f"Built into output/, but {exc.strerror}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"Build failed: {_os_error(exc)}\noutput/ was left unchanged.", file=sys.stderr)
        return 1
    where = printable(str(shown_path(result.output_path.parent) / result.output_path.name))
    print(
        f"Built {result.articles} article(s) and {result.pages} page(s) into {where}/\n"
        "See it with `chronique serve` (or `invoke serve`) at http://127.0.0.1:8000/: its links\n"
        "start at the site's root, so a page opened from disk shows unstyled."
    )
    return 0


def _os_error(exc: OSError) -> str:
    """'cannot write the new site: No space left on device' rather than a traceback."""
    where = printable_path(Path(exc.filename)) if exc.filename else "the new site"
    return f"cannot write {where}: {exc.strerror or exc}"


def run_check(paths: list[str], style: str = "text", settings_file: str = "pelicanconf.py") -> int:
    """Check content; print one line per problem and a summary; 1 when any error."""
    report = check_content(site_config(settings_file), [Path(p) for p in paths])
    for problem in report.problems:
        print(format_problem(problem.relative_to(Path.cwd()), style))
    errors, warnings = len(report.errors), len(report.problems) - len(report.errors)
    summary = f"{report.files} file(s) checked: {errors} error(s), {warnings} warning(s)"
    print(summary, file=sys.stderr)
    return report.exit_code


def run_new(
    title: str,
    category: str,
    day: str | None = None,
    slug: str | None = None,
    settings_file: str = "pelicanconf.py",
) -> int:
    """Scaffold an article; print its path."""
    try:
        published = parse_day_or_moment(day, "--date") if day is not None else None
        path = new_article(site_config(settings_file), title, category, published, slug)
    except (ValueError, ScaffoldError) as exc:
        print(f"Cannot create the article: {printable(str(exc))}", file=sys.stderr)
        return 1
    print(printable_path(path))
    return 0


def run_rename(old_slug: str, new_slug: str, settings_file: str = "pelicanconf.py") -> int:
    """Rename an article's slug; print where it moved and which address now redirects."""
    from chronique.cli.rename import RenameError, rename_article

    try:
        done = rename_article(site_config(settings_file), old_slug, new_slug)
    except InvalidContentError as exc:  # topics.yml is broken
        print_errors(exc)
        return 1
    except RenameError as exc:
        print_errors(InvalidContentError(exc.problems))
        print(f"Cannot rename: {printable(str(exc))}", file=sys.stderr)
        return 1
    print(f"{printable_path(done.old_path)} -> {printable_path(done.new_path)}")
    print(f"{done.old_url} now redirects to {done.new_url}")
    return 0


def run_topics_suggest(
    paths: list[str], min_count: int = 2, settings_file: str = "pelicanconf.py"
) -> int:
    """Print names frequent in *paths* (default: the articles) that no topic covers."""
    from chronique.content.archive import article_files
    from chronique.topics import load_vocabulary
    from chronique.topics.suggest import suggest_new_topics

    config = site_config(settings_file)
    files = [Path(p) for p in paths] or article_files(config)
    missing = [ContentError(f, "no such file") for f in files if not f.is_file()]
    try:
        if missing:
            raise InvalidContentError(missing)
        vocabulary = load_vocabulary(config.topics_path)
    except InvalidContentError as exc:
        print_errors(exc)
        return 1
    texts = (f.read_text(encoding="utf-8", errors="replace") for f in files)
    suggestions = suggest_new_topics(texts, vocabulary, min_count)
    for name, count in suggestions:
        print(f"{count:6d}  {name}")
    print(f"{len(suggestions)} name(s) not in content/topics.yml", file=sys.stderr)
    return 0


def run_topics_retag(dry_run: bool = False, settings_file: str = "pelicanconf.py") -> int:
    """Re-tag every article; print each change (as a unified diff on a dry run).

    1 when topics.yml is broken or an article could not be re-tagged.
    """
    from chronique.topics.retag import retag_archive

    try:
        report = retag_archive(site_config(settings_file), write=not dry_run)
    except InvalidContentError as exc:
        print_errors(exc)
        return 1
    for change in report.changes:
        name = printable_path(change.path)
        if dry_run:
            print(change.diff(name), end="")
        else:
            print(f"{name}: {list(change.before)} -> {list(change.after)}")
    print_errors(InvalidContentError(report.problems))
    verb = "would change" if dry_run else "changed"
    print(f"{len(report.changes)} article(s) {verb}", file=sys.stderr)
    return 1 if report.problems else 0


def run_serve(port: int = 8000) -> int:
    """Build, then serve output/ and rebuild on every change until interrupted."""
    from chronique.site.serve import serve, survive

    survive(run_build)()
    watched = [Path("content"), Path("theme"), Path("pelicanconf.py")]
    serve(Path("output"), watched, run_build, port=port)
    return 0


def run_evaluate(corpora: list[str], failures: int = 0) -> int:
    """Ingest's accuracy table on gold corpora (``python -m chronique.ingest.evaluate``)."""
    from chronique.ingest.evaluate.__main__ import main

    return main([*corpora, "--failures", str(failures)])


def run_bench(n_articles: int = 1000, n_topics: int = 1000, json_path: str | None = None) -> int:
    """Print the build bench's table, then the other benchmarks' figures, ``name: value``."""
    from chronique.ingest.bench import bench_ingest
    from chronique.site.bench import bench_builds, format_table, write_json
    from chronique.site.images.bench import bench_images
    from chronique.topics.bench import bench_tagging

    repo = Path.cwd()
    builds = bench_builds(repo, n_articles, n_topics)
    print(format_table(builds), end="\n\n")
    if json_path:
        write_json(builds, Path(json_path))
    figures: dict[str, float] = {}
    figures |= bench_ingest()
    figures |= bench_tagging(repo / "content" / "topics.yml", n_articles, n_topics)
    figures |= bench_images()
    for name, value in figures.items():
        print(f"{name}: {value:,.2f}")
    return 0
