"""``python -m chronique.ingest.evaluate CORPUS_DIR…``: the accuracy table of ingest."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from chronique.config import load_config
from chronique.ingest.evaluate.copies import make_copies
from chronique.ingest.evaluate.corpora import CorpusError, load_corpus
from chronique.ingest.evaluate.run import CHRONIQUE, Outcome, Totals, evaluate_pages

DEFAULT_CACHE = Path("/tmp/chronique-eval")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m chronique.ingest.evaluate")
    parser.add_argument("corpora", nargs="+", type=Path, help="checked-out corpus repositories")
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE, help="pages and text copies")
    parser.add_argument("--settings", default="pelicanconf.py", help="the site's settings file")
    parser.add_argument("--sources", default="html,text", help="html, text or both")
    parser.add_argument("--limit", type=int, default=0, help="at most this many pages a corpus")
    parser.add_argument("--json", type=Path, help="write every page's outcome here")
    parser.add_argument("--failures", type=int, default=0, help="list this many misses a row")
    args = parser.parse_args(argv)
    config = load_config(args.settings)
    sources = [s for s in args.sources.split(",") if s]
    every: list[Outcome] = []
    print(_header())
    for root in args.corpora:
        try:
            name, pages = load_corpus(root)
        except CorpusError as error:
            print(f"evaluate: {error}", file=sys.stderr)
            return 2
        pages = pages[: args.limit] if args.limit else pages
        make_copies(pages, args.cache)
        rows = evaluate_pages(pages, args.cache, config, sources)
        for (extractor, source), totals in sorted(rows.items()):
            print(_row(name, extractor, source, totals))
            every.extend(totals.outcomes)
        for (extractor, source), totals in sorted(rows.items()):
            if extractor == CHRONIQUE and totals.refusals:
                reasons = "; ".join(f"{n} {r}" for r, n in totals.refusals.most_common(6))
                print(f"  {name} {source} refused: {reasons}")
            if args.failures and extractor == CHRONIQUE:
                _print_failures(totals, args.failures)
    if args.json:
        args.json.write_text(json.dumps([_as_json(o) for o in every], indent=1), "utf-8")
    return 0


def _header() -> str:
    return (
        f"{'corpus':<12} {'extractor':<11} {'input':<5} {'pages':>5} {'P':>6} {'R':>6} {'F1':>6}"
        f" {'titles':>9} {'dates right/wrong/miss':>24} {'refused':>7}"
        f" {'titles shown':>13} {'dates shown':>12}"
    )


def _row(corpus: str, extractor: str, source: str, totals: Totals) -> str:
    body = totals.body
    titles = (
        f"{totals.count('title_right', True)}/{totals.with_title}" if totals.with_title else "-"
    )
    dates = (
        f"{totals.count('date_state', 'right')}/{totals.count('date_state', 'wrong')}/"
        f"{totals.count('date_state', 'missing')} of {totals.with_date}"
        if totals.with_date
        else "-"
    )
    refused = sum(totals.refusals.values()) if extractor == CHRONIQUE else "-"
    return (
        f"{corpus:<12} {extractor:<11} {source:<5} {len(totals.outcomes):>5} "
        f"{body.precision:>6.3f} {body.recall:>6.3f} {body.f1:>6.3f} {titles:>9} {dates:>24} "
        f"{refused:>7} {_where_shown(totals, 'title_right', 'title_shown', True):>13} "
        f"{_where_shown(totals, 'date_state', 'day_shown', 'right'):>12}"
    )


def _where_shown(totals: Totals, predicate: str, shown: str, value: object) -> str:
    """'175/204': right among the pages whose input prints the gold ('-' when not known)."""
    right, pages = totals.right_where_shown(predicate, shown, value)
    return f"{right}/{pages}" if pages else "-"


def _print_failures(totals: Totals, limit: int) -> None:
    outcomes = totals.outcomes
    bad_titles = [o for o in outcomes if o.title_right is False][:limit]
    for o in bad_titles:
        shown = " (not shown)" if o.title_shown is False else ""
        print(f"    title {o.source} {o.page.id}: {o.title!r} (gold {o.page.title!r}){shown}")
    bad_dates = [o for o in outcomes if o.date_state in ("wrong", "missing")][:limit]
    for o in bad_dates:
        shown = " (day not shown)" if o.day_shown is False else ""
        print(f"    date {o.source} {o.page.id}: {o.published} (gold {o.page.published}){shown}")
    worst = sorted(outcomes, key=lambda o: o.body.tp)[:limit]
    for o in worst:
        print(
            f"    body {o.source} {o.page.id}: tp={o.body.tp:.2f} fp={o.body.fp:.2f} "
            f"fn={o.body.fn:.2f} {o.refused or ''}"
        )


def _as_json(outcome: Outcome) -> dict[str, object]:
    return {
        "corpus": outcome.page.corpus,
        "id": outcome.page.id,
        "extractor": outcome.extractor,
        "source": outcome.source,
        "tp": outcome.body.tp,
        "fp": outcome.body.fp,
        "fn": outcome.body.fn,
        "title": outcome.title,
        "gold_title": outcome.page.title,
        "title_right": outcome.title_right,
        "published": outcome.published.isoformat() if outcome.published else None,
        "gold_published": outcome.page.published.isoformat() if outcome.page.published else None,
        "date_state": outcome.date_state,
        "refused": outcome.refused,
        "title_shown": outcome.title_shown,
        "day_shown": outcome.day_shown,
    }


if __name__ == "__main__":
    sys.exit(main())
