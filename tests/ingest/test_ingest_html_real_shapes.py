"""HTML pages in the shapes real sites give them: what trafilatura finds must reach the
article, and pages that are not a whole article are refused with the reason."""

from __future__ import annotations

import json

import lxml.html
import pytest

from chronique.content.render import render_markdown
from chronique.ingest import Status
from chronique.ingest.decode import decode_bytes
from chronique.site.defaults import MARKDOWN
from tests.ingest.helpers import ingest_one, write_input

PARAGRAPHS = (
    "Le conseil municipal a voté lundi soir le nouveau plan de circulation du centre-ville, "
    "après plus de quatre heures de débats parfois vifs entre la majorité et l’opposition.",
    "Le projet prévoit de fermer aux voitures trois rues commerçantes à partir du mois de "
    "septembre, et de doubler le nombre de places de stationnement pour les vélos.",
    "Les commerçants, réunis en association, redoutent une baisse de leur chiffre "
    "d’affaires et demandent une période d’essai de six mois avant toute décision définitive.",
    "La maire a promis un premier bilan à l’automne, chiffres de fréquentation à l’appui, "
    "et n’exclut pas d’ajuster le dispositif si les livraisons en pâtissent.",
)


def news_page(
    body: str,
    *,
    json_ld: dict[str, object] | None = None,
    head: str = "",
    before: str = "",
    after: str = "",
    lang: str = "fr",
) -> str:
    """A news page around *body* (the article's inner HTML): header, menu, footer."""
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "Le centre-ville fermé aux voitures dès septembre",
        "datePublished": "2025-03-17T07:45:00+01:00",
        "articleSection": "France",
        **(json_ld or {}),
    }
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8">
<title>{ld["headline"]} - La Gazette des Rives</title>
<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>
{head}
</head><body>
<header class="site-header"><a href="/">La Gazette des Rives</a>
<nav><ul><li><a href="/france">France</a></li><li><a href="/monde">Monde</a></li>
<li><a href="/sport">Sport</a></li></ul></nav></header>
{before}
<main><article class="article">
<h1 class="article__title">{ld["headline"]}</h1>
{body}
</article></main>
{after}
<footer><p>© La Gazette des Rives 2025 — Mentions légales — Contact</p></footer>
</body></html>"""


def paragraphs_html(paragraphs: tuple[str, ...] = PARAGRAPHS) -> str:
    return "\n".join(f"<p>{p}</p>" for p in paragraphs)


def ingest_html(tmp_path, config, html: str, **options: object):
    return ingest_one(write_input(tmp_path / "in", "page.html", html), config, **options)


def ingest_with_block(tmp_path, config, block: str):
    """A news page whose body holds *block* after its first two paragraphs."""
    body = paragraphs_html(PARAGRAPHS[:2]) + block + paragraphs_html(PARAGRAPHS[2:])
    return ingest_html(tmp_path, config, news_page(f'<div class="body">{body}</div>'))


def test_text_after_an_inline_comment_is_kept(tmp_path, config):
    cut = PARAGRAPHS[0].replace("après plus", "après <!-- ad slot --> plus")
    body = paragraphs_html((cut, *PARAGRAPHS[1:]))
    ingested = ingest_html(tmp_path, config, news_page(f'<div class="body">{body}</div>'))
    assert ingested.paragraphs[0] == PARAGRAPHS[0]


def test_lead_paragraph_equal_to_the_description_stays_in_the_body(tmp_path, config):
    head = f'<meta name="description" content="{PARAGRAPHS[0]}">'
    page = news_page(f'<div class="body">{paragraphs_html()}</div>', head=head)
    ingested = ingest_html(tmp_path, config, page)
    assert ingested.data["summary"] == PARAGRAPHS[0]
    assert ingested.paragraphs == list(PARAGRAPHS)


def test_a_standfirst_set_apart_is_the_summary_only(tmp_path, config):
    standfirst = "Trois rues commerçantes fermées aux voitures : l’équipe municipale tranche."
    head = f'<meta property="og:description" content="{standfirst}">'
    shown = standfirst.replace("l’équipe", "l’<a href='/equipe-municipale'>équipe</a>")
    body = f'<p class="chapo">{shown}</p><div class="body">{paragraphs_html()}</div>'
    ingested = ingest_html(tmp_path, config, news_page(body, head=head))
    assert ingested.data["summary"] == standfirst
    assert ingested.paragraphs == list(PARAGRAPHS)


def test_a_description_the_page_does_not_show_is_not_the_summary(tmp_path, config):
    head = '<meta name="description" content="Circulation : ce qui change en ville.">'
    page = news_page(f'<div class="body">{paragraphs_html()}</div>', head=head)
    ingested = ingest_html(tmp_path, config, page)
    assert ingested.data["summary"] == PARAGRAPHS[0]


def test_a_few_garbled_words_among_right_accents_are_repaired():
    text = f"<p>{PARAGRAPHS[0]} Selon lâ€™adjointe, la rÃ©forme est prÃªte.</p>"
    decoded = decode_bytes(text.encode("utf-8")).text
    assert decoded.endswith("Selon l’adjointe, la réforme est prête.</p>")


def test_a_comment_thread_longer_than_the_article_is_never_kept(tmp_path, config):
    comments = "\n".join(
        f'<li class="comment"><p class="comment__author">Lecteur{n}</p>'
        f"<p>Je ne suis pas d’accord avec cette décision, numéro {n} : le centre-ville va "
        "mourir, les commerces vont fermer les uns après les autres et personne ne "
        "viendra plus faire ses courses à pied sous la pluie.</p></li>"
        for n in range(30)
    )
    after = (
        '<section id="comments" class="comments"><h2>30 commentaires</h2>'
        f'<ol class="comment-list">{comments}</ol>'
        '<form class="comment-form"><label>Votre commentaire</label><textarea></textarea>'
        "<button>Publier</button></form></section>"
    )
    page = news_page(f'<div class="body">{paragraphs_html()}</div>', after=after)
    ingested = ingest_html(tmp_path, config, page)
    assert ingested.paragraphs == list(PARAGRAPHS)
    assert "Lecteur" not in ingested.body and "pas d’accord" not in ingested.body


def test_a_cookie_wall_is_not_part_of_the_article(tmp_path, config):
    before = (
        '<div id="didomi-host" class="cookie-consent" role="dialog"><div class="notice">'
        "<p>Avec nos partenaires, nous utilisons des cookies pour mesurer l’audience, "
        "personnaliser les contenus et vous proposer des publicités adaptées à vos "
        "centres d’intérêt. Vous pouvez accepter ou refuser ces traitements.</p>"
        "<button>Accepter et fermer</button><button>Continuer sans accepter</button>"
        "<a href='/cookies'>Paramétrer les cookies</a></div></div>"
    )
    page = news_page(f'<div class="body">{paragraphs_html()}</div>', before=before)
    ingested = ingest_html(tmp_path, config, page)
    assert ingested.paragraphs == list(PARAGRAPHS)
    assert "cookies" not in ingested.body


def test_a_section_page_of_headlines_is_not_an_article(tmp_path, config):
    teasers = "\n".join(
        f'<article class="teaser"><h2><a href="/france/2025/03/{n:02d}/sujet-{n}">'
        f"{headline}</a></h2><p>{lead}</p><span>Il y a {n} h</span></article>"
        for n, (headline, lead) in enumerate(
            [
                ("Le centre-ville fermé aux voitures dès septembre", "Le conseil a voté."),
                ("La crue de la Loire atteint son pic à Orléans", "Vigilance orange."),
                ("Un nouveau lycée ouvrira ses portes à la rentrée 2026", "Mille élèves."),
                ("Les agriculteurs bloquent la rocade pour la deuxième nuit", "Colère."),
                ("Le festival de jazz dévoile une programmation record", "Trente concerts."),
            ],
            start=1,
        )
    )
    page = f"""<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">
<title>France : toute l’actualité - La Gazette des Rives</title>
<meta property="og:type" content="website"></head><body>
<nav><a href="/">Accueil</a> <a href="/france">France</a></nav>
<main><h1>France</h1><section class="river">{teasers}</section>
<a href="?page=2">Page suivante</a></main></body></html>"""
    ingested = ingest_html(tmp_path, config, page, category="France")
    assert ingested.result.status is Status.FAILED
    assert ingested.result.reason.startswith("not an article: a list of headlines")


def test_a_paid_article_showing_its_lead_only_is_refused(tmp_path, config):
    body = (
        f"<p>{PARAGRAPHS[0]}</p>"
        '<div class="paywall"><p>Cet article est réservé aux abonnés.</p>'
        "<a href='/abonnement'>Je m’abonne</a></div>"
    )
    page = news_page(body, json_ld={"isAccessibleForFree": False})
    ingested = ingest_html(tmp_path, config, page)
    assert ingested.result.status is Status.FAILED
    assert ingested.result.reason.startswith("teaser only: the page marks the article as paid")


def test_a_paid_article_whose_whole_text_is_in_the_page_is_kept(tmp_path, config):
    body = f'<div class="body paywalled-content">{paragraphs_html(PARAGRAPHS * 2)}</div>'
    page = news_page(body, json_ld={"isAccessibleForFree": "False"})
    ingested = ingest_html(tmp_path, config, page)
    assert ingested.result.status is Status.WRITTEN
    assert ingested.paragraphs == list(PARAGRAPHS * 2)


@pytest.mark.parametrize(
    ("lang", "head"),
    [("de", ""), ("", '<meta property="og:locale" content="de_DE">')],
    ids=["html-lang", "og-locale"],
)
def test_a_page_in_another_language_keeps_its_own(tmp_path, config, lang, head):
    german = (
        "Der Stadtrat hat am Montagabend den neuen Verkehrsplan für die Innenstadt "
        "beschlossen, nach mehr als vier Stunden teils hitziger Debatten.",
        "Ab September sollen drei Einkaufsstraßen für Autos gesperrt werden, und die Zahl "
        "der Fahrradstellplätze wird verdoppelt.",
        "Die Händler fürchten Umsatzeinbußen und fordern eine sechsmonatige Testphase, "
        "bevor eine endgültige Entscheidung fällt.",
    )
    page = news_page(
        f'<div class="body">{paragraphs_html(german)}</div>',
        json_ld={"headline": "Innenstadt ab September autofrei"},
        head=head,
        lang=lang,
    )
    ingested = ingest_html(tmp_path, config, page)
    assert ingested.data["lang"] == "de"
    assert ingested.paragraphs == list(german)


def test_a_roundup_article_whose_items_start_with_links_is_kept(tmp_path, config):
    items = "\n".join(
        f'<li><a href="/france/2025/03/17/sujet-{n}">{sentence.split(",")[0]}</a>,'
        f"{sentence.split(',', 1)[1]}</li>"
        for n, sentence in enumerate(PARAGRAPHS)
    )
    page = news_page(f"<p>Les quatre informations à retenir ce lundi.</p><ul>{items}</ul>")
    ingested = ingest_html(tmp_path, config, page)
    assert ingested.result.status is Status.WRITTEN
    assert "trois rues commerçantes" in ingested.body


def bare_page(article: str) -> str:
    """A small site's page: no <main> nor <article>, the story in plain <div>s."""
    return f"""<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8">
<title>Le centre-ville fermé aux voitures dès septembre</title>
<meta property="article:published_time" content="2025-03-17T07:45:00+01:00">
</head><body>
<div class="wrap"><div class="content">
<h1>Le centre-ville fermé aux voitures dès septembre</h1>
{article}
</div></div>
<div class="footer">© La Gazette des Rives 2025</div>
</body></html>"""


def test_an_article_about_tracking_keeps_its_paragraph_on_cookies(tmp_path, config):
    about_cookies = (
        "La Commission nationale de l’informatique et des libertés rappelle que les sites "
        "doivent recueillir le consentement des internautes avant de déposer des cookies "
        "publicitaires, et que refuser doit être aussi simple qu’accepter."
    )
    article = paragraphs_html() + f"<p>{about_cookies}</p>"
    ingested = ingest_html(tmp_path, config, bare_page(article), category="France")
    assert ingested.paragraphs == [*PARAGRAPHS, about_cookies]


def shown_text(markdown_body: str) -> str:
    """The words a reader sees of a Markdown body, rendered as the site renders it."""
    html = render_markdown(markdown_body, MARKDOWN)
    return " ".join(lxml.html.fragment_fromstring(html, create_parent="div").text_content().split())


def test_a_heading_after_a_permalink_anchor_keeps_its_words(tmp_path, config):
    body = (
        f"<p>{PARAGRAPHS[0]}</p>"
        '<h2 id="commercants"><a href="#commercants" class="anchor" aria-hidden="true">'
        '<svg viewBox="0 0 16 16"><path d="M4 9h1v1H4"></path></svg></a>'
        "Les commerçants inquiets</h2>"
        f'<p><a id="suite"></a>{PARAGRAPHS[2]}</p><p>{PARAGRAPHS[3]}</p>'
    )
    ingested = ingest_html(tmp_path, config, news_page(f'<div class="body">{body}</div>'))
    assert "## Les commerçants inquiets" in ingested.paragraphs
    assert PARAGRAPHS[2] in ingested.paragraphs


def test_angle_brackets_written_in_the_prose_are_shown(tmp_path, config):
    about_code = (
        "Le formulaire de la mairie attend une adresse de la forme &lt;rue&gt;, &lt;ville&gt;, "
        "et refuse toute autre saisie, ce qui a découragé de nombreux habitants."
    )
    body = paragraphs_html((PARAGRAPHS[0], about_code, *PARAGRAPHS[1:]))
    ingested = ingest_html(tmp_path, config, news_page(f'<div class="body">{body}</div>'))
    assert "de la forme <rue>, <ville>, et refuse" in shown_text(ingested.body)


def test_a_link_wrapping_italics_keeps_its_link_and_the_space_after_it(tmp_path, config):
    where = (
        "Le documentaire <em>est disponible sur</em> "
        '<a href="https://www.example.org/films/rives"><em>la plateforme du département</em></a>'
        " <em>et</em> "
        '<a href="https://www.example.org/cinema"><em>au cinéma municipal</em></a><em>.</em>'
    )
    body = paragraphs_html((*PARAGRAPHS, where))
    ingested = ingest_html(tmp_path, config, news_page(f'<div class="body">{body}</div>'))
    assert "disponible sur la plateforme du département et au cinéma municipal." in shown_text(
        ingested.body
    )
    assert "(https://www.example.org/films/rives)" in ingested.body


def test_links_on_indented_lines_of_a_list_stay_links(tmp_path, config):
    items = "".join(
        f"""
            <li>
                <a href="https://www.example.org/france/{n}">
                    {sentence.split(",")[0]}
                </a>
                {sentence.split(",", 1)[1]}
            </li>"""
        for n, sentence in enumerate(PARAGRAPHS)
    )
    page = news_page(f"<p>Les quatre informations à retenir ce lundi.</p>\n<ul>{items}\n</ul>")
    ingested = ingest_html(tmp_path, config, page)
    shown = shown_text(ingested.body)
    assert "trois rues commerçantes" in shown
    assert "https://" not in shown and "](" not in shown


@pytest.mark.parametrize(
    ("opening", "closing"),
    [("<![CDATA[", "]]>"), ("//<![CDATA[", "//]]>"), ("/*<![CDATA[*/", "/*]]>*/")],
    ids=["cdata", "line-comments", "block-comments"],
)
def test_json_ld_in_a_cdata_section_gives_the_date(tmp_path, config, opening, closing):
    ld = json.dumps(
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": "Le centre-ville fermé aux voitures dès septembre",
            "datePublished": "2025-03-17T07:45:00+01:00",
        }
    )
    page = bare_page(paragraphs_html()).replace(
        "</head>",
        f'<script type="application/ld+json">\n{opening}\n{ld}\n{closing}\n</script></head>',
    )
    page = page.replace('2025-03-17T07:45:00+01:00">', '2025-03-17 09:30:00">')  # no offset
    ingested = ingest_html(tmp_path, config, page, category="France")
    assert ingested.data["date"] == "2025-03-17T07:45:00+01:00"


def test_a_copyright_line_between_angle_brackets_is_not_article_text(tmp_path, config):
    body = (
        paragraphs_html() + "<p>&lt;Copyright © La Gazette des Rives. Tous droits réservés&gt;</p>"
    )
    ingested = ingest_html(tmp_path, config, news_page(f'<div class="body">{body}</div>'))
    assert ingested.paragraphs == list(PARAGRAPHS)


def test_the_headline_repeated_in_the_body_with_other_quotes_is_shown_once(tmp_path, config):
    """The page's title (its JSON-LD headline) writes a straight apostrophe, the heading of
    the article a typographic one: the same headline, shown once above the body."""
    headline = "Le centre-ville fermé aux voitures dès septembre : l’essai commence"
    title = "Le centre-ville fermé aux voitures dès septembre: l'essai commence"
    page = news_page(f'<div class="body">{paragraphs_html()}</div>', json_ld={"headline": title})
    page = page.replace(f'<h1 class="article__title">{title}</h1>', f"<h1>{headline}</h1>")
    ingested = ingest_html(tmp_path, config, page)
    assert ingested.paragraphs == list(PARAGRAPHS)


def test_the_headline_over_the_article_is_the_title_not_the_sharing_one(tmp_path, config):
    """og:title and the JSON-LD headline are often a shorter wording written for search
    engines and sharing; the headline the reader sees over the article is its title."""
    shown = "Centre-ville : les voitures interdites dès septembre, les commerçants inquiets"
    page = news_page(f'<div class="body">{paragraphs_html()}</div>')
    page = page.replace(
        '<h1 class="article__title">Le centre-ville fermé aux voitures dès septembre</h1>',
        f'<h1 class="article__title">{shown}</h1>',
    ).replace("</head>", '<meta property="og:title" content="Voitures : le centre fermé"></head>')
    ingested = ingest_html(tmp_path, config, page)
    assert ingested.data["title"] == shown
    assert ingested.paragraphs == list(PARAGRAPHS)


def test_a_kicker_in_the_headline_is_not_taken_into_the_title(tmp_path, config):
    page = news_page(f'<div class="body">{paragraphs_html()}</div>').replace(
        '<h1 class="article__title">Le centre-ville',
        '<h1 class="article__title"><span class="kicker">Mobilité</span> Le centre-ville',
    )
    ingested = ingest_html(tmp_path, config, page)
    assert ingested.data["title"] == "Le centre-ville fermé aux voitures dès septembre"


def test_code_in_a_syntax_highlighter_table_is_shown_as_written(tmp_path, config):
    """WordPress syntax highlighters put the code in a table cell; trafilatura reads the
    <pre> there as a quotation, which cannot be marked at a line start."""
    code = (
        '<div class="wp_syntax"><table><tbody><tr><td class="code"><pre class="javascript">'
        'carte<span>.</span>afficher<span>(</span><span>"rues-fermees"</span><span>)</span>;'
        "</pre></td></tr></tbody></table></div>"
    )
    ingested = ingest_with_block(tmp_path, config, code)
    assert 'carte.afficher("rues-fermees");' in shown_text(ingested.body)
    assert "@@" not in ingested.body


def blog_post(inner: str) -> str:
    """A blog engine's post: the text written straight into a <div>, paragraphs made of
    line breaks, subheadings between them."""
    return f"""<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8">
<title>Mon potager en hiver</title>
<meta property="og:type" content="article">
<meta property="article:published_time" content="2025-01-12T18:20:00+01:00">
</head><body>
<article>
<h3>Mon potager en hiver</h3>
<div class="post-body entry-content">
{inner}
</div></article>
<div class="sidebar"><h2>Archives</h2><ul><li><a href="/2024/">2024</a></li></ul></div>
</body></html>"""


def test_a_post_written_beside_its_subheadings_keeps_its_paragraphs_whole(tmp_path, config):
    """trafilatura cut text that stands loose beside blocks at each of its links, and lost
    the space after the link."""
    post = blog_post(
        "J’ai déjà parlé de mes semis sur <a href='https://club.example.org/semis'>le forum "
        "du club</a> cet automne, mais il était temps d’en faire le bilan ici, photos à "
        "l’appui et sans rien cacher des échecs.<br />\n<br />\n<h2>Les fèves</h2>\n"
        "<br /> Semées en novembre le long du mur, les fèves ont passé les gelées sans "
        "dommage grâce à <a href='https://graines.example.org/voile'>un simple voile</a> "
        "tendu sur des arceaux de noisetier coupés au jardin.<br />\n<br /> Les poireaux, "
        "eux, attendent d’être récoltés au fil des besoins de la cuisine jusqu’en mars.<br />"
    )
    ingested = ingest_html(tmp_path, config, post, category="France")
    shown = shown_text(ingested.body)
    assert "mes semis sur le forum du club cet automne, mais il était temps" in shown
    assert "grâce à un simple voile tendu sur des arceaux" in shown
    assert "## Les fèves" in ingested.paragraphs


def test_a_line_break_closing_a_bold_label_does_not_cut_its_paragraph(tmp_path, config):
    """An engineering blog's glossary: each term in bold, its line break inside the bold."""
    entry = (
        "<p><b>Le registre des tâches<br /></b> Les tâches y sont rangées et déclenchées "
        "depuis ce registre, décrit plus bas dans la section "
        "<a href='#modele'>Modèle</a> <a href='#modele'>de données</a> du présent article, "
        "avec chacun de ses index.</p>"
    )
    ingested = ingest_with_block(tmp_path, config, entry)
    assert "la section Modèle de données du présent article" in shown_text(ingested.body)


def test_a_link_written_in_pieces_is_one_word(tmp_path, config):
    """Online editors write a link for each run of text of the same anchor."""
    target = "https://docs.example.org/plan#modele"
    split = f"<a href='{target}'>M</a><a href='{target}'>odèle</a>"
    entry = f"<p>Les détails figurent dans le {split} publié par la mairie en janvier dernier.</p>"
    ingested = ingest_with_block(tmp_path, config, entry)
    assert "figurent dans le Modèle publié par la mairie" in shown_text(ingested.body)
    assert ingested.body.count(target) == 1


def test_a_ranking_written_line_by_line_keeps_its_numbers(tmp_path, config):
    """'1. Lyon' after a line break is the page's text, not a Markdown list (whose numbers
    the site would renumber from 1 for each line)."""
    ranking = (
        "<p>Le classement des villes les plus cyclables est le suivant :<span> <br />1. "
        "Strasbourg<span> <br />2. Grenoble<span> <br />3. Nantes</span></span></span></p>"
    )
    ingested = ingest_with_block(tmp_path, config, ranking)
    assert "le suivant : 1. Strasbourg 2. Grenoble 3. Nantes" in shown_text(ingested.body)


def test_a_description_repeating_the_headline_is_not_the_standfirst(tmp_path, config):
    head = '<meta name="description" content="Le centre-ville fermé aux voitures dès septembre">'
    page = news_page(f'<div class="body">{paragraphs_html()}</div>', head=head)
    ingested = ingest_html(tmp_path, config, page)
    assert ingested.data["summary"] == PARAGRAPHS[0]


def test_a_description_made_of_the_opening_paragraphs_is_not_a_standfirst(tmp_path, config):
    """The description is the body's first two paragraphs run together: the body's lead,
    not a standfirst shown above it."""
    head = f'<meta name="description" content="{PARAGRAPHS[0]} {PARAGRAPHS[1]}">'
    page = news_page(f'<div class="body">{paragraphs_html()}</div>', head=head)
    ingested = ingest_html(tmp_path, config, page)
    assert ingested.data["summary"] == PARAGRAPHS[0]
    assert ingested.paragraphs == list(PARAGRAPHS)
