"""Ingest benchmark: pages of real length and shape through the whole pipeline, on one core.

Targets (issue 14): >= 100 plain-text pages/s and >= 10 HTML pages/s. Each page wears the
chrome of one site style (menus, login buttons, cookie lines, share bars, bylines, captions,
inline "Lire aussi" cards, tags, most-read lists, comment forms, footers), copied from a
browser as a reader would, around a deterministic body of about 600 words with its own
text, so that the near-duplicate index does real work. Every page must be written: a page
that fails would take a shorter path and make the figure meaningless, so it raises.

Run: ``python -m chronique.ingest.bench [n_text] [n_html]``.
"""

from __future__ import annotations

import random
import resource
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from chronique.config import ChroniqueConfig
from chronique.ingest.pipeline import IngestOptions, ingest_paths
from chronique.ingest.report import Status
from chronique.topics.bench import DEFAULT_VOCABULARY

SECTIONS = ("Monde", "France", "Politique", "Économie", "Société", "Culture", "Sciences", "Sport")
BODY_WORDS = 600
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
_LINKS = "et|mais|alors que|selon|depuis|tandis que|avec|pour|dans|sans|après".split("|")
_VERBS = (
    "a annoncé|ont dénoncé|prévoit|a confirmé|pourrait remettre en cause|a rejeté|"
    "a présenté|réclament|a salué|s’inquiètent de|ont obtenu|examinera"
).split("|")
_MONTHS = (
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre"
).split()
_PARIS_SUMMER = timezone(timedelta(hours=2))
#: A news site's mega-menu and footer: real copies carry dozens of such lines (median
#: browser copy of the public corpora: about 9 KB; median saved HTML: 110 to 250 KB).
_MENU = (
    "International Politique Société Économie Culture Sport Sciences Planète Idées "
    "Enquêtes Vidéos Podcasts Santé Éducation Justice Médias Technologies Voyages "
    "Gastronomie Mode Immobilier Emploi Auto Météo Horoscope Jeux Services Boutique "
    "Archives Newsletters Régions Paris Lyon Marseille Bordeaux Lille Nantes Toulouse"
).split()
_FOOTER = (
    "Qui sommes-nous Nous contacter Charte déontologique Mentions légales CGU CGV "
    "Politique de confidentialité Gestion des cookies Publicité Recrutement Plan du site "
    "Aide Accessibilité Flux RSS Applications Abonnement Espace abonné Offrir"
).split()


@dataclass(frozen=True)
class SiteStyle:
    """The chrome one news site puts around its articles, as a browser copy shows it."""

    name: str
    top: str  # menus, login and subscribe buttons, cookie line
    date_line: Callable[[datetime], str]
    share: str
    caption: str
    inline_card: str  # a related-article card met inside the body
    end: str  # tags, most read, newsletter box, comment form, footer


def _french_day(moment: datetime) -> str:
    return f"{moment.day} {_MONTHS[moment.month - 1]} {moment.year}"


STYLES = (
    SiteStyle(
        name="quotidien du soir",
        top="Aller au contenu principal\nS’abonner\nSe connecter\nRechercher\nMenu",
        date_line=lambda m: (
            f"Publié le {_french_day(m)} à {m:%Hh%M}, modifié le {_french_day(m)} à "
            f"{m + timedelta(hours=3):%Hh%M}"
        ),
        share="Lecture 4 min.\nArticle réservé aux abonnés\nOffrir l’article\nPartager",
        caption="Un manifestant devant la préfecture, le 12 mars. JEAN DUPRÉ / AFP",
        inline_card="Lire aussi | Un autre titre du journal sur le même sujet",
        end=(
            "Contribuer\nRéutiliser ce contenu\nLes plus lus\n1\nCanicule : vigilance orange "
            "dans douze départements\nNewsletter\nS’inscrire\nMentions légales\n"
            "Gestion des cookies"
        ),
    ),
    SiteStyle(
        name="quotidien du matin",
        top=(
            "Menu\nRechercher\nSe connecter\nS'abonner\nEn poursuivant votre navigation, vous "
            "acceptez l'utilisation de cookies.\nAccepter\nParamétrer\nAccueil Actualité"
        ),
        date_line=lambda m: (
            f"Publié le {m:%d/%m/%Y à %H:%M}, mis à jour le {m + timedelta(hours=2):%d/%m/%Y à %H:%M}"
        ),
        share="Écouter cet article\n00:00/04:12\nCopier le lien\nLien copié",
        caption="Un chantier à l'arrêt à Lyon, en septembre. Jean Martin / AFP",
        inline_card="À lire aussi\nCrédit immobilier : les taux poursuivent leur repli",
        end=(
            "Sur le même sujet\nLa consommation des ménages recule\nSujets\nEntreprises\n"
            "Commentaires (38)\nVous devez être abonné pour réagir.\n© Le Journal 2024"
        ),
    ),
    SiteStyle(
        name="gratuit urbain",
        top=(
            "Actualité\nParis\nLyon\nSport\nSe connecter\nNous utilisons des cookies et des "
            "technologies similaires.\nJ'accepte\nContinuer sans accepter"
        ),
        date_line=lambda m: f"Publié le {m:%d/%m/%y à %Hh%M}",
        share="Partager l'article\nFacebook\nX\nWhatsApp\nCopier le lien",
        caption="Des brancards alignés dans un couloir. Photo : Julie Leroy",
        inline_card="Lire aussi\nGrippe : l'épidémie arrive plus tôt que prévu",
        end=(
            "À lire sur le site\nLa ligne 1 du tramway coupée pendant dix jours\nCommentaires\n"
            "Vous devez vous connecter pour commenter.\nQui sommes-nous\nMentions légales"
        ),
    ),
    SiteStyle(
        name="quotidien régional",
        top="Menu\nActualité\nMa ville\nSports\nNewsletters\nJe m'abonne\nSe connecter\nAccueil",
        date_line=lambda m: f"Publié le {m:%d/%m/%Y à %Hh%M}",
        share="Écouter\nPartager\nLire plus tard",
        caption="Le pont, inauguré en 2016, est à l'arrêt depuis lundi. Photo : archives",
        inline_card="Lire aussi : Le pont de la ville fermé aux voitures tout l'été",
        end=(
            "Abonnez-vous\nLire le journal numérique\nLes plus lus\nUn incendie dans un "
            "immeuble du centre\nMentions légales\nGérer mes cookies"
        ),
    ),
    SiteStyle(
        name="radio publique",
        top="Accueil\nPolitique\nMonde\nFaits-divers\nCulture\nSports\nMétéo\nEn direct",
        date_line=lambda m: (
            f"Publié le {m:%d/%m/%Y %H:%M} Mis à jour le {m + timedelta(hours=1):%d/%m/%Y %H:%M}"
        ),
        share=(
            "Temps de lecture : 3 min\nPartager l'article sur les réseaux sociaux :\n"
            "Partager sur X (anciennement Twitter)\nPartager sur Facebook\nCopier le lien"
        ),
        caption="L'hémicycle, le 8 janvier. (LUDOVIC DUVAL / AFP)",
        inline_card="A lire aussi\nUn autre article de la rédaction",
        end=(
            "Voir les commentaires\nLes mots-clés associés à cet article\nBudget\n"
            "Contenus sponsorisés\nMentions légales\nGestion des cookies"
        ),
    ),
)


def _sentence(rng: random.Random) -> str:
    """One sentence of 14 to 24 words: two clauses joined like a reporter's."""
    first = " ".join(rng.choice(_WORDS) for _ in range(rng.randrange(5, 9)))
    second = " ".join(rng.choice(_WORDS) for _ in range(rng.randrange(4, 8)))
    return (
        f"Les {first} {rng.choice(_VERBS)} {rng.randrange(2, 9000)} {rng.choice(_WORDS)}, "
        f"{rng.choice(_LINKS)} les {second}."
    )


def _paragraph(rng: random.Random) -> str:
    return " ".join(_sentence(rng) for _ in range(rng.randrange(3, 6)))


def _body(rng: random.Random) -> list[str]:
    """Paragraphs of about BODY_WORDS words in all."""
    paragraphs: list[str] = []
    while sum(len(p.split()) for p in paragraphs) < BODY_WORDS:
        paragraphs.append(_paragraph(rng))
    return paragraphs


def _title(rng: random.Random, number: int) -> str:
    words = " ".join(rng.choice(_WORDS) for _ in range(rng.randrange(5, 10)))
    return f"{words.capitalize()} : {rng.choice(_VERBS)} {rng.choice(_WORDS)} ({number})"


def _moment(rng: random.Random) -> datetime:
    return datetime(
        2024, rng.randrange(4, 10), rng.randrange(1, 29), rng.randrange(6, 20),
        rng.randrange(60), tzinfo=_PARIS_SUMMER,
    )  # fmt: skip


@dataclass(frozen=True)
class BenchPage:
    """One generated page and what it says, for the bench and its test."""

    title: str
    section: str
    published: datetime
    style: SiteStyle
    standfirst: str
    paragraphs: tuple[str, ...]
    subheading: str  # every page its own, as on real pages (a shared one is boilerplate)
    teasers: tuple[str, ...]  # headlines of other articles: most read, related, sidebar


def bench_page(rng: random.Random, number: int) -> BenchPage:
    return BenchPage(
        title=_title(rng, number),
        section=rng.choice(SECTIONS),
        published=_moment(rng),
        style=STYLES[number % len(STYLES)],
        standfirst=_sentence(rng),
        paragraphs=tuple(_body(rng)),
        subheading=" ".join(rng.choice(_WORDS) for _ in range(rng.randrange(3, 7))).capitalize(),
        teasers=tuple(_title(rng, number + n) for n in range(1, 13)),
    )


def text_page(page: BenchPage) -> str:
    """The page as a reader's browser copy: chrome, section, headline, byline, body with a
    caption, an inline card and a subheading, then the end-of-article chrome."""
    style, paragraphs = page.style, list(page.paragraphs)
    paragraphs.insert(1, style.caption)
    paragraphs.insert(3, style.inline_card)
    paragraphs.insert(5, page.subheading)
    head = ["\n".join(_MENU), style.top, page.section, page.title, page.standfirst]
    head.append("Par Jeanne Martin")
    head += [style.date_line(page.published), style.share]
    tail = [style.end, "\n".join(page.teasers), "\n".join(_FOOTER)]
    return "\n\n".join([*head, *paragraphs, *tail]) + "\n"


#: What a saved page carries besides its text: inline styles and a script state blob in the
#: head, tracking scripts at the end (together about 100 KB, like the corpora's pages).
_HEAD_ASSETS = (
    "<style>"
    + "".join(f".c{i}{{margin:{i % 9}px;color:#{i % 4096:03x};display:flex}}" for i in range(1500))
    + "</style><script>window.__STATE__="
    + "{"
    + ",".join(f'"k{i}":{{"id":{i},"slug":"article-{i}","seen":false}}' for i in range(1200))
    + "}</script>"
)
_TRACKERS = "".join(
    f"<script>(function(){{var s{i}=document.createElement('script');s{i}.src='/t{i}.js';"
    f"document.head.appendChild(s{i});}})();</script>"
    for i in range(120)
)


def html_page(page: BenchPage, number: int) -> str:
    """The page as saved HTML: head metadata (Open Graph or JSON-LD), cookie banner,
    navigation, article with share bar, figure, inline card and an HTML comment inside a
    paragraph, then related links, comments and footer."""
    style, published = page.style, page.published.isoformat()
    if number % 2:
        meta = (
            f'<meta property="og:title" content="{page.title}">'
            f'<meta property="article:published_time" content="{published}">'
            f'<meta property="article:section" content="{page.section}">'
        )
    else:
        meta = (
            '<script type="application/ld+json">{"@type": "NewsArticle", '
            f'"headline": "{page.title}", "datePublished": "{published}", '
            f'"articleSection": "{page.section}"}}</script>'
        )
    first, *rest = page.paragraphs
    half = len(first) // 2
    paragraphs = [f"{first[:half]}<!-- inread -->{first[half:]}", *rest]
    body = "".join(
        f"<p>{text}</p>"
        + (f'<aside class="related"><a href="/x">{style.inline_card}</a></aside>' if i == 1 else "")
        + (f"<h2>{page.subheading}</h2>" if i == 2 else "")
        for i, text in enumerate(paragraphs)
    )
    menu = "".join(
        f"<li><a href='/{i}'>{line}</a></li>" for i, line in enumerate(style.top.split("\n"))
    )
    share = "".join(f"<li>{line}</li>" for line in style.share.split("\n"))
    end = "".join(f"<li>{line}</li>" for line in style.end.split("\n"))
    teasers = "".join(
        f"<li><a href='/t{i}'>{t}</a><p>{page.standfirst}</p></li>"
        for i, t in enumerate(page.teasers)
    )
    footer = "".join(f"<li><a href='/f{i}'>{line}</a></li>" for i, line in enumerate(_FOOTER))
    return (
        f'<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>{page.title}</title>'
        f"{meta}{_HEAD_ASSETS}</head><body>"
        '<div class="cookie-banner"><p>Nous utilisons des cookies pour mesurer l’audience.</p>'
        "<button>Accepter</button></div>"
        f"<header><nav><ul>{menu}</ul></nav></header><main><article>"
        f"<p class='kicker'>{page.section}</p><h1>{page.title}</h1>"
        f"<p class='standfirst'>{page.standfirst}</p><p class='byline'>Par Jeanne Martin · "
        f"{style.date_line(page.published)}</p><ul class='share'>{share}</ul>"
        f"<figure><img src='/i.jpg' alt=''><figcaption>{style.caption}</figcaption></figure>"
        f"{body}</article><aside><ul>{end}</ul><h3>Les plus lus</h3><ol>{teasers}</ol></aside>"
        "<section class='comments'><h3>Commentaires</h3><p>Connectez-vous pour réagir.</p>"
        f"</section></main><footer><ul>{footer}</ul>{_TRACKERS}</footer></body></html>"
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
            page = text_page(bench_page(rng, number))
            (root / "text" / f"{number:06d}.txt").write_text(page, "utf-8")
        for number in range(n_html):
            page = html_page(bench_page(rng, number), number)
            (root / "html" / f"{number:06d}.html").write_text(page, "utf-8")
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
        f"({_seconds(figures, 'text')}; target >= 100), "
        f"{figures['html_pages_per_s']:.1f} HTML pages/s ({_seconds(figures, 'html')}; "
        "target >= 10)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
