"""A batch of text pages read together: the lines a site prints on every page are its chrome.

The pages are written in the style of a French regional daily's site copied from a browser:
menus, a podcast box between the paragraphs, a newsletter box, a 'most read' list and a
footer come back on every page, around articles of their own.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from chronique.content.frontmatter import FrontMatter, parse_front_matter
from chronique.ingest import IngestOptions, IngestReport, Status, ingest_paths
from chronique.ingest.evaluate.copies import page_paths
from chronique.ingest.evaluate.corpora import GoldPage
from chronique.ingest.evaluate.run import CHRONIQUE, evaluate_pages
from chronique.ingest.repeats import MIN_PAGES, count_pages
from tests.ingest.helpers import TRAMWAY_PARAGRAPHS, ingest_one, write_input

TOP = (
    "Aller au contenu principal",
    "Le Courrier des Vallées",
    "Menu",
    "Se connecter",
    "S'abonner",
    "Isère",
    "Savoie",
    "Sports",
)
PODCAST = "Le podcast de la rédaction : chaque semaine, une enquête racontée par ses auteurs"
NEWSLETTER = (
    "Chaque matin, l’essentiel de l’actualité de vos vallées",
    "Recevez notre lettre gratuite avant sept heures, avec la météo des cols et les routes "
    "fermées.",
    "Votre adresse ne servira qu’à l’envoi de cette lettre ; désinscription en un clic.",
)
FOOTER = (
    "Les plus lus",
    "Avalanche : deux randonneurs secourus au-dessus de Chamrousse",
    "Le marché de Noël de Grenoble ouvre ses portes vendredi",
    "Le Courrier des Vallées, 12 rue des Alpes à Grenoble, une publication d’Alpes Médias",
    "Mentions légales",
)
#: A partner's credit that closes every article: a paragraph of the text, kept with it.
PARTNER = (
    "Cet article a été réalisé en partenariat avec la rédaction de Radio Belledonne, qui le "
    "diffuse aussi sur son site et dans ses journaux du matin."
)
STORIES = {
    "refuge": (
        "Le refuge de la Pra rouvrira en juin après deux ans de travaux",
        (
            "Fermé depuis l’été 2023, le refuge de la Pra, perché à 2 100 mètres au-dessus de "
            "Chamrousse, accueillera de nouveau les randonneurs dès le 15 juin. Le chantier, "
            "mené par le club alpin, a permis de doubler la capacité du dortoir.",
            "Les gardiens, un couple installé dans la vallée depuis dix ans, ont passé l’hiver "
            "à préparer la saison. Ils proposeront une cuisine de produits locaux et des "
            "nuitées réservables en ligne, une première pour ce refuge.",
            "Le coût des travaux, un million d’euros, a été partagé entre la région, le "
            "département et le club alpin, qui a lancé une souscription auprès de ses "
            "adhérents pour financer la nouvelle terrasse.",
        ),
    ),
    "cantine": (
        "À Voiron, la cantine scolaire passe au bio et au local",
        (
            "Depuis la rentrée de janvier, les 1 800 repas servis chaque jour dans les écoles "
            "de Voiron sont composés pour moitié de produits issus de l’agriculture "
            "biologique, achetés pour l’essentiel à des fermes du département.",
            "La municipalité a dû revoir ses marchés publics pour permettre à de petits "
            "producteurs d’y répondre. Une légumerie a été installée dans l’ancienne cuisine "
            "centrale, où six agents épluchent et découpent les légumes frais.",
            "Le surcoût, estimé à quarante centimes par repas, n’est pas répercuté sur les "
            "familles. Les parents d’élèves saluent la démarche mais demandent davantage de "
            "menus végétariens, aujourd’hui servis une fois par semaine.",
        ),
    ),
    "lettre": (
        "Le Courrier des Vallées lance une lettre du matin",
        (
            "« Chaque matin, l’essentiel de l’actualité de vos vallées » : c’est la promesse "
            "de la lettre que le journal envoie depuis lundi à ses lecteurs, a expliqué sa "
            "directrice lors de la présentation à la presse.",
            "Préparée dans la nuit par deux journalistes, elle rassemble les informations des "
            "trois départements, la météo des cols et l’état des routes, avant sept heures.",
            "Plus de quatre mille lecteurs s’y sont inscrits la première semaine, selon la "
            "direction, qui prévoit une édition du soir consacrée au sport à la rentrée.",
        ),
    ),
    "derby": (
        "Derby des Alpes : Grenoble arrache le nul face à Annecy",
        (
            "Menés de deux buts à la pause, les Grenoblois ont renversé la tendance en "
            "seconde période devant près de quinze mille spectateurs, grâce à un doublé de "
            "leur attaquant entré en jeu à l’heure de jeu.",
            "L’entraîneur a reconnu une première mi-temps « ratée dans les duels » et salué "
            "la réaction de son équipe. Son homologue annécien regrettait de son côté deux "
            "occasions manquées en fin de match, dont un tir sur le poteau.",
            "Avec ce point, Grenoble reste cinquième du championnat, à trois longueurs de la "
            "place de barragiste. Le club recevra Rodez samedi prochain avant un déplacement "
            "délicat à Bastia.",
        ),
    ),
}


def site_page(story: str) -> str:
    """One article of the site, as a browser copy of its page shows it."""
    title, paragraphs = STORIES[story]
    lines = [
        *TOP,
        title,
        "Par Camille Rey",
        "Publié le 12/03/2025 à 18h40",
        "",
        *paragraphs[:2],
        PODCAST,
        *paragraphs[2:],
        PARTNER,
        "",
        *NEWSLETTER,
        "",
        *FOOTER,
    ]
    return "\n".join(lines) + "\n"


def written_articles(report: IngestReport) -> dict[str, FrontMatter]:
    """The articles a run wrote, by the stem of the input they came from."""
    articles = {}
    for result in report.results:
        assert result.status is Status.WRITTEN, result
        parsed = parse_front_matter(result.output, result.output.read_text(encoding="utf-8"))
        assert isinstance(parsed, FrontMatter)
        articles[result.input.stem] = parsed
    return articles


def blocks_of(article: FrontMatter) -> list[str]:
    """The article's paragraphs, and its subheadings without their Markdown mark."""
    return [block.removeprefix("## ") for block in article.body.strip().split("\n\n")]


def site_folder(root: Path) -> Path:
    folder = root / "courrier"
    for story in STORIES:
        write_input(folder, f"{story}.txt", site_page(story))
    return folder


def test_a_page_read_on_its_own_keeps_the_boxes_no_rule_about_one_page_sees(tmp_path, config):
    """The boxes of the site are worded like text: read alone, a page cannot tell them from
    the article's (what the batch below has to tell)."""
    ingested = ingest_one(site_folder(tmp_path) / "derby.txt", config, category="France")
    for box in (PODCAST, *NEWSLETTER):
        assert box in ingested.body


def test_the_lines_every_page_of_a_site_prints_leave_the_articles(tmp_path, config):
    report = ingest_paths(
        [site_folder(tmp_path)], config, IngestOptions(quiet=True, category="France")
    )
    articles = written_articles(report)
    assert set(articles) == set(STORIES)
    for story, article in articles.items():
        title, paragraphs = STORIES[story]
        assert article.data["title"] == title
        blocks = blocks_of(article)
        for paragraph in paragraphs:
            assert paragraph in blocks
        for chrome in (PODCAST, *NEWSLETTER, *FOOTER[1:4]):
            assert chrome not in blocks, (story, chrome)


def test_an_article_that_quotes_a_box_in_its_own_words_keeps_them(tmp_path, config):
    """Lines are the site's when printed whole on other pages, not for the words they share
    with its boxes: the article on the newsletter quotes the box's heading in a sentence."""
    report = ingest_paths(
        [site_folder(tmp_path)], config, IngestOptions(quiet=True, category="France")
    )
    assert STORIES["lettre"][1][0] in blocks_of(written_articles(report)["lettre"])


def test_a_credit_every_article_ends_with_stays_a_paragraph_of_the_text(tmp_path, config):
    """A repeated paragraph right under the article's own is the article's: a partner's
    credit, a standard disclaimer (the newsletter's pitch, set apart in its box, is not)."""
    report = ingest_paths(
        [site_folder(tmp_path)], config, IngestOptions(quiet=True, category="France")
    )
    for article in written_articles(report).values():
        assert blocks_of(article)[-1] == PARTNER


#: What a regional daily adds of its own to an agency dispatch.
LOCAL_PARAGRAPH = (
    "Contactée par notre rédaction, l’association des usagers des transports de la ville "
    "dit attendre la présentation du tracé définitif avant de se prononcer sur le projet."
)


def dispatch_page(site: str, own_paragraph: str | None) -> str:
    """The same agency dispatch as a site prints it: its menu, the dispatch's paragraphs,
    perhaps a paragraph of its own, its footer."""
    lines = [
        site,
        "Actualité",
        "Régions",
        "Le conseil municipal vote le principe d’une nouvelle ligne de tramway",
        "Publié le 12/03/2025 à 18h40",
        "",
        *TRAMWAY_PARAGRAPHS,
        *([own_paragraph] if own_paragraph else []),
        "",
        f"© {site} – tous droits réservés",
    ]
    return "\n".join(lines) + "\n"


def test_a_dispatch_several_sites_print_is_still_the_articles_text(tmp_path, config):
    """Paragraphs in a row that other pages print too are a story, not a box: the same
    dispatch printed by three sites (one of them adds a paragraph of its own)."""
    folder = tmp_path / "revue"
    write_input(folder, "a_quotidien.txt", dispatch_page("Le Quotidien du Nord", LOCAL_PARAGRAPH))
    write_input(folder, "b_gazette.txt", dispatch_page("La Gazette de la Gare", None))
    write_input(folder, "c_echo.txt", dispatch_page("L’Écho des Quartiers", None))
    report = ingest_paths([folder], config, IngestOptions(quiet=True, category="France"))
    first = report.results[0]
    assert first.status is Status.WRITTEN, first
    parsed = parse_front_matter(first.output, first.output.read_text(encoding="utf-8"))
    assert isinstance(parsed, FrontMatter)
    assert parsed.body.strip().split("\n\n") == [*TRAMWAY_PARAGRAPHS, LOCAL_PARAGRAPH]


@pytest.mark.parametrize("pages", [MIN_PAGES - 1, MIN_PAGES])
def test_a_line_is_the_sites_once_it_is_printed_on_enough_pages(pages):
    box = "Recevez notre lettre gratuite avant sept heures"
    texts = [f"Titre numéro {n} de la page\n{box}\nMenu\n" for n in range(pages)]
    repeated = count_pages(texts)
    assert (repeated.marks([box, "Menu"]) == [True, None]) is (pages >= MIN_PAGES)
    assert repeated.marks(["Titre numéro 0 de la page"]) == [False]


def test_the_harness_reads_a_corpus_as_one_batch(tmp_path, config):
    """The accuracy figures show what a run over a folder does: a corpus's text copies are
    read together (the newsletter box that the derby page alone keeps is gone)."""
    cache = tmp_path / "cache"
    pages = []
    for story, (_, paragraphs) in STORIES.items():
        gold = "\n\n".join(paragraphs)
        page = GoldPage("courrier", story, b"<html><body></body></html>", gold)
        write_input(page_paths(cache, page)[1].parent, f"{story}.txt", site_page(story))
        pages.append(page)
    alone = evaluate_pages(pages[-1:], cache, config, ["text"])[(CHRONIQUE, "text")]
    together = evaluate_pages(pages, cache, config, ["text"])[(CHRONIQUE, "text")]
    derby = next(o for o in together.outcomes if o.page.id == "derby")
    assert alone.outcomes[0].body.fp > 0
    assert derby.body.fp < alone.outcomes[0].body.fp
