"""Ingest benchmark: synthetic, varied news pages through the whole pipeline, on one core.

Targets (issue 3): >= 500 plain-text pages/s and >= 10 HTML pages/s. Pages
differ in chrome, section, date format, byline and length, and each has its
own text so that the near-duplicate index does real work. Every page must be
written: a page that fails would make the figure meaningless, so it raises.

Run: ``python -m chronique.ingest.bench [n_text] [n_html]``.
"""

from __future__ import annotations

import random
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

from chronique.config import ChroniqueConfig
from chronique.ingest.pipeline import IngestOptions, ingest_paths
from chronique.ingest.report import Status
from chronique.topics.bench import DEFAULT_VOCABULARY

SECTIONS = ("Monde", "France", "Politique", "Économie", "Société", "Culture", "Sciences", "Sport")
_PLAIN_WORDS = (
    "gouvernement ministre réforme région habitants élus syndicats entreprise marché budget "
    "hôpital école tribunal enquête police armée frontière négociation accord sommet "
    "élection député sénateur maire préfet agriculteurs éleveurs cheminots chercheurs "
    "festival exposition musée théâtre championnat équipe entraîneur supporters stade "
    "inflation croissance chômage salaires retraites impôts énergie électricité climat "
    "tempête inondation sécheresse incendie séisme vaccin épidémie satellite fusée"
).split()
_TOPIC_WORDS = ["Ukraine", "Russie", "Emmanuel Macron", "Bruxelles", "Gaza", "l’OTAN", "Berlin"]
_WORDS = [*_PLAIN_WORDS, *_TOPIC_WORDS]
_VERBS = (
    "a annoncé|ont dénoncé|prévoit|a confirmé|pourrait remettre en cause|a rejeté|"
    "a présenté|réclament|a salué|s’inquiètent de|ont obtenu|examinera"
).split("|")
_MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "septembre")
_TOP_CHROME = (
    "Se connecter\nS’abonner\nMenu",
    "Nous rejoindre sur les réseaux",
    "Accueil\nPartager\nFacebook\nTwitter",
    "Newsletter\nRechercher",
)
_END_CHROME = (
    "Click to comment\nLaisser un commentaire\nVotre adresse e-mail ne sera pas publiée.",
    "Les + Lus\nUn autre article\nEncore un autre titre",
    "Sur le même sujet\nUn titre lié\nUn autre titre lié",
    "Partager\nCommentaires\nSuper article, merci beaucoup pour ces informations précieuses !",
)


def _sentence(rng: random.Random, words: int) -> str:
    chosen = [rng.choice(_WORDS) for _ in range(words)]
    chosen.insert(rng.randrange(1, words), rng.choice(_VERBS))
    return f"Les {' '.join(chosen)} {rng.randrange(2, 9000)}."


def _paragraph(rng: random.Random) -> str:
    return " ".join(_sentence(rng, rng.randrange(8, 16)) for _ in range(rng.randrange(2, 5)))


def _title(rng: random.Random, number: int) -> str:
    words = " ".join(rng.choice(_WORDS) for _ in range(rng.randrange(5, 10)))
    return f"{words.capitalize()} : {rng.choice(_VERBS)} {rng.choice(_WORDS)} ({number})"


def _date_line(rng: random.Random) -> str:
    day, month, hour = rng.randrange(1, 29), rng.randrange(1, 9), rng.randrange(6, 22)
    return rng.choice(
        (
            f"Publié le {day} {_MONTHS[month - 1]} 2024 à {hour}h{rng.randrange(60):02d}",
            f"Le {day:02d}/{month:02d}/2024 à {hour}:{rng.randrange(60):02d}",
            f"Par Jean Martin | Publié le {day} {_MONTHS[month - 1]} 2024",
            f"Published {('January', 'March', 'May')[month % 3]} {day}, 2024 {hour % 12 + 1}:05 pm",
        )
    )


def text_page(rng: random.Random, number: int) -> str:
    """A plain-text page copied from a news site: chrome, section, title, date, text, chrome."""
    parts = [rng.choice(_TOP_CHROME), rng.choice(SECTIONS), _title(rng, number), _date_line(rng)]
    parts += [_paragraph(rng) for _ in range(rng.randrange(3, 9))]
    parts.append(rng.choice(_END_CHROME))
    return "\n\n".join(parts) + "\n"


def html_page(rng: random.Random, number: int) -> str:
    """A saved article page: head metadata (Open Graph or JSON-LD), navigation, article, footer."""
    title = _title(rng, number)
    section = rng.choice(SECTIONS)
    published = (
        f"2024-0{rng.randrange(1, 10)}-{rng.randrange(10, 29)}T{rng.randrange(10, 23)}:15:00+02:00"
    )
    if number % 2:
        head = (
            f'<meta property="og:title" content="{title}">'
            f'<meta property="article:published_time" content="{published}">'
            f'<meta property="article:section" content="{section}">'
        )
    else:
        head = (
            '<script type="application/ld+json">{"@type": "NewsArticle", '
            f'"headline": "{title}", "datePublished": "{published}", '
            f'"articleSection": "{section}"}}</script>'
        )
    body = "".join(
        f"<p>{_paragraph(rng)}</p>" + ("<h2>Intertitre</h2>" if i == 2 else "")
        for i in range(rng.randrange(4, 10))
    )
    return (
        f'<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>{title}</title>{head}'
        "</head><body><nav><a href='/'>Accueil</a><a href='/monde'>Monde</a></nav>"
        f"<article><h1>{title}</h1>{body}</article>"
        "<aside><h3>Les plus lus</h3><ul><li><a href='/x'>Autre</a></li></ul></aside>"
        "<footer>© Site 2024</footer></body></html>"
    )


def _cpu_seconds() -> tuple[float, float]:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime, usage.ru_stime


def _run(folder: Path, archive: Path) -> tuple[float, float, float, int]:
    """(user CPU seconds, system CPU seconds, wall seconds, pages) of one batch into an
    empty archive.

    CPU time of this process (user + system) is the "one core" figure: on a shared machine
    the wall clock also counts the time other processes held the core. System time is
    shown apart: it is the file system's share, and on ext4 it grows for a while after
    many files were deleted (a previous run's clean-up), whatever the code does.
    """
    archive.mkdir()
    shutil.copyfile(DEFAULT_VOCABULARY, archive / "topics.yml")  # pages are tagged, as in use
    config = ChroniqueConfig(
        content_path=archive, output_path=archive / "out", theme_path=archive, sections=SECTIONS
    )
    (user, system), wall = _cpu_seconds(), time.perf_counter()
    report = ingest_paths([folder], config, IngestOptions(quiet=True))
    (user_end, system_end), wall = _cpu_seconds(), time.perf_counter() - wall
    failures = [r for r in report.results if r.status is not Status.WRITTEN]
    if failures:
        raise RuntimeError(f"benchmark page not written: {failures[0].line()}")
    return user_end - user, system_end - system, wall, len(report.results)


def bench_ingest(n_text: int = 2000, n_html: int = 100) -> dict[str, float]:
    """Pages per second for plain-text and HTML inputs, each batch into an empty archive."""
    rng = random.Random(20250315)
    with tempfile.TemporaryDirectory(prefix="chronique-ingest-bench-") as temporary:
        root = Path(temporary)
        (root / "text").mkdir()
        (root / "html").mkdir()
        for number in range(n_text):
            (root / "text" / f"{number:06d}.txt").write_text(text_page(rng, number), "utf-8")
        for number in range(n_html):
            (root / "html" / f"{number:06d}.html").write_text(html_page(rng, number), "utf-8")
        _run(root / "html", root / "warm-up")  # imports, compiled patterns, trafilatura init
        figures: dict[str, float] = {}
        for kind in ("text", "html"):
            user, system, wall, count = _run(root / kind, root / f"archive-{kind}")
            figures |= {
                f"{kind}_pages": float(count),
                f"{kind}_seconds": user + system,
                f"{kind}_user_seconds": user,
                f"{kind}_system_seconds": system,
                f"{kind}_pages_per_s": count / (user + system),
                f"{kind}_pages_per_s_wall": count / wall,
            }
    return figures


def _seconds(figures: dict[str, float], kind: str) -> str:
    return (
        f"{figures[f'{kind}_pages']:.0f} pages in {figures[f'{kind}_seconds']:.2f} s CPU: "
        f"{figures[f'{kind}_user_seconds']:.2f} user + {figures[f'{kind}_system_seconds']:.2f} "
        f"system; {figures[f'{kind}_pages_per_s_wall']:.0f}/s wall"
    )


def main(argv: list[str]) -> int:
    n_text = int(argv[0]) if argv else 2000
    n_html = int(argv[1]) if len(argv) > 1 else 100
    figures = bench_ingest(n_text, n_html)
    print(
        f"ingest, one core: {figures['text_pages_per_s']:.0f} plain-text pages/s "
        f"({_seconds(figures, 'text')}; target >= 500), "
        f"{figures['html_pages_per_s']:.1f} HTML pages/s ({_seconds(figures, 'html')}; "
        "target >= 10)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
