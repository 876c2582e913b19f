"""Which block of a copied page is the article: the blocks set inside its text (numbered
steps, a table, code) and the labels of a menu above it (issue 14)."""

from __future__ import annotations

from chronique.ingest.text_page import Kind, classify_line, extract_text_page
from tests.ingest.helpers import text_page, text_rules

STEPS = tuple(
    (f"Step {number}", text)
    for number, text in enumerate(
        (
            "Soak the beans overnight in plenty of cold water. Old beans need longer, so if "
            "the bag has stood in the cupboard for more than a year, give them a whole day. "
            "Then drain them and rinse them under the tap.",
            "Cover them with fresh water in a large pot, about three times their volume, and "
            "bring it to a gentle boil over a medium heat, so that the skins do not burst as "
            "the water comes up to temperature in the pot.",
            "Skim the foam that rises to the surface with a spoon, lower the heat and let the "
            "beans simmer with the lid half on for an hour, adding a little hot water if the "
            "level drops below the top of the beans.",
            "Add the salt only at the end, when the beans are tender all the way through, "
            "because salt added at the start hardens their skins and makes them take much "
            "longer to cook than the recipe says they will.",
            "Leave them to cool in their own water, which keeps them whole and soft for days "
            "in the fridge, and use the cooking water too: it thickens a soup or a stew as "
            "well as any stock that you could buy for it.",
        ),
        start=1,
    )
)
SITE_BLURB = (
    "Pantry Notes is an independent cooking site written by home cooks for home cooks. We "
    "test every recipe at least three times in an ordinary kitchen before it is published, "
    "and we never accept payment from the makers of the products that we mention in our "
    "guides, our videos or the weekly letter that goes out to our readers. The site began "
    "as a notebook that two neighbours kept of the dishes they cooked for their families, "
    "and it is still run from the same kitchen table, with the help of the readers who send "
    "us their own recipes, their corrections and their questions every week of the year."
)


def test_numbered_steps_each_under_its_heading_are_the_article_not_teasers():
    """A how-to's steps, each a short paragraph under 'Step 1', 'Step 2'…, are shaped like a
    list of teasers; numbered in order, they are one text, and it outweighs the site's blurb
    above the menu."""
    extracted = extract_text_page(
        text_page(
            SITE_BLURB,
            "Home",
            "Recipes",
            "Baking",
            "Preserves",
            "Seasonal",
            "Recipes",
            "How to Cook Dried Beans So They Stay Whole",
            "By Ana Ribeiro",
            "March 4, 2024",
            *(line for step in STEPS for line in step),
            "Share",
        ),
        text_rules(),
    )
    assert extracted.paragraphs == tuple(text for _, text in STEPS)


BEFORE_TABLE = (
    "In the year since last March the project merged 381 changes from 16 developers, and "
    "the list of who wrote them shows how much the work depends on a single employer.",
    "The table counts the changes that each developer committed to the main branch, and "
    "the share of the year's changes that they represent.",
)
TABLE = tuple(
    f"{name} {count} {share}%"
    for name, count, share in (
        ("Herbert Dorn", 63, 16.6),
        ("Jutta Schmid", 56, 14.7),
        ("Armin Legrand", 56, 14.7),
        ("Oliver Wittmann", 46, 12.1),
        ("Tsutomu Uchida", 33, 8.7),
        ("Kay Schenker", 27, 7.1),
        ("Pedro Girard", 23, 6.1),
        ("Ariel Costa", 22, 5.8),
        ("Andrea Pesce", 14, 3.7),
        ("Steve Young", 11, 2.9),
        ("Andre Fischer", 10, 2.6),
        ("Yuri Daro", 7, 1.8),
        ("Regina Hensel", 6, 1.6),
        ("Juan Sanz", 2, 0.5),
        ("Clara Guo", 2, 0.5),
        ("Tal Danon", 2, 0.5),
        ("Ines Marquez", 2, 0.5),
        ("Rafael Stein", 1, 0.3),
        ("Mona Lind", 1, 0.3),
        ("Lukas Brandt", 1, 0.3),
        ("Emil Sorensen", 1, 0.3),
    )
)
AFTER_TABLE = (
    "The four developers at the top of the table all work for the same company, which is "
    "therefore responsible for more than half of the changes that the project merged.",
    "The other project, which forked from it five years ago, merged many more changes in "
    "the same year, from a far larger group of developers spread over many employers.",
    "Whether the first project can keep going if that one company loses interest is the "
    "question that its remaining developers will have to answer in the coming year.",
)


def test_a_table_s_rows_of_figures_between_paragraphs_do_not_end_the_article():
    """Twenty-one rows of a table, each a name and two figures, stand between two parts of the
    article: too long a gap for a box, but rows of figures are a table set in the text."""
    extracted = extract_text_page(
        text_page(
            "Weekly Edition",
            "Development statistics for the office suite",
            "By Jonathan Marsh",
            "March 25, 2015",
            *BEFORE_TABLE,
            "Most active developers",
            "By changesets",
            *TABLE,
            *AFTER_TABLE,
            "Log in to post comments",
        ),
        text_rules(),
    )
    assert extracted.paragraphs[: len(BEFORE_TABLE)] == BEFORE_TABLE
    assert extracted.paragraphs[-len(AFTER_TABLE) :] == AFTER_TABLE


def test_an_address_is_no_table_row():
    """A street and its number, a town and its post code end on one figure: not a table."""
    extracted = extract_text_page(
        text_page(
            "Recherche",
            "Im Netz der Agenten: Wie Spione an deutsche Hochschulen kommen",
            "Von Marcus Berg",
            "24. Mai 2026",
            *(
                "Die Ermittler gehen davon aus, dass die mutmaßlichen Spione seit Jahren an "
                f"mehreren Hochschulen tätig waren, berichtet die Redaktion im Teil {n}."
                for n in range(1, 4)
            ),
            "Zentrale Essen",
            "Huyssenallee 11",
            "45128 Essen",
            "Redaktion Berlin",
            "Hermannstraße 90",
            "12051 Berlin",
            "Büro Berlin",
            "Singerstraße 109",
            "10179 Berlin",
            "Buchladen Essen",
            "Akazienallee 10",
            "45127 Essen",
            "Jugendredaktion",
            "Magdalenenstraße 64",
            "45130 Essen",
            "Redaktion Hamburg",
            "Rothenbaumchaussee 33",
            "20148 Hamburg",
            "Büro München",
            "Sendlinger Straße 7",
            "80331 München",
            "Kontakt",
            "Hinweise geben",
            "Die Redaktion nimmt Hinweise der Spione und der Ermittler an den Hochschulen "
            "jederzeit vertraulich entgegen, schreibt sie.",
        ),
        text_rules(),
    )
    assert len(extracted.paragraphs) == 3


MENU_STORY = (
    "Los pueblos indígenas reclaman por derechos que permanecen incumplidos. Lo hacen desde "
    "hace décadas. Las provincias discuten desde entonces cómo canalizar esos reclamos.",
    "La Constitución manda reconocer la preexistencia étnica y cultural de los pueblos "
    "indígenas y garantizar la posesión de las tierras que tradicionalmente ocupan.",
    "Las cinco provincias patagónicas tienen una población similar a la de un solo partido "
    "del conurbano, y una superficie mayor que la de muchos países europeos.",
)


def test_a_menu_s_labels_that_end_with_a_colon_do_not_start_the_article():
    """'Canales:' and 'Servicios:', a menu's labels over its links, end like sentences and
    stand in the good text's run; the article starts at its first paragraph, and its
    headline, under the menu, is the title."""
    extracted = extract_text_page(
        text_page(
            "Si usted es una persona con dificultades visuales, navegue el sitio desde aquí",
            "Canales:",
            "NegociosDeportes",
            "Vida y ocioIdeasEspectáculos",
            "Servicios:",
            "HoróscopoPronósticoLoterías",
            "Una solución no violenta para la cuestión mapuche",
            *MENU_STORY,
        ),
        text_rules(),
    )
    assert extracted.title == "Una solución no violenta para la cuestión mapuche"
    assert extracted.paragraphs == MENU_STORY


def test_a_shell_command_that_redirects_its_output_is_no_breadcrumb():
    """'$ echo 'x' > file' has a breadcrumb's separator, but it is code."""
    assert classify_line("$ echo 'do stuff' > file1", text_rules()).kind != Kind.BREADCRUMB
    assert classify_line("(n - series_mean) / series_stddev", text_rules()).kind != Kind.BREADCRUMB
    assert classify_line("Accueil > Monde > Europe", text_rules()).kind == Kind.BREADCRUMB


FILM_ROWS = tuple(
    f"{film} {year} {about}[{note}]"
    for note, (film, year, about) in enumerate(
        (
            ("Repeat Performance", 1947, "A woman who shot her husband lives the same year again."),
            ("The Loop House", 1964, "Two scientists test a device that sends them back a day."),
            ("Morning Again", 1983, "A schoolgirl wakes up on the same Monday, over and over."),
            ("Twelve Past One", 1990, "A clerk relives the hour that follows an accident."),
            ("The Same Day", 1993, "A weatherman is forced to relive one winter's day for years."),
            ("Run, Lena", 1998, "A woman has twenty minutes to find money, three times."),
            ("The Last Day of June", 2007, "A boy's wish that summer never ends comes true."),
            ("Edge of the Day", 2014, "A soldier relives the same battle each time he dies."),
        ),
        start=12,
    )
)


def test_sentences_that_end_on_a_footnote_marker_are_the_article_s():
    """A wiki's list of entries, each a sentence closed by its footnote's marker ('….[12]'),
    reads as sentences, not as a column of headlines."""
    lead = (
        "This list of films featuring time loops gathers the films in which characters live "
        "the same stretch of time again and again, each aware that it repeats, and try to "
        "break out of it."
    )
    extracted = extract_text_page(
        text_page(
            "List of films featuring time loops",
            "From the free encyclopedia",
            lead,
            "Film Year Description",
            *FILM_ROWS,
            "See also",
            "References",
        ),
        text_rules(),
    )
    assert extracted.paragraphs[-len(FILM_ROWS) :] == FILM_ROWS
