"""How the plain-text reader tells the article from the page around it (issue 14)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from chronique.ingest.chrome import load_chrome_patterns
from chronique.ingest.errors import IngestFailure
from chronique.ingest.text_page import (
    ExtractedPage,
    Kind,
    Quality,
    TextRules,
    classify_line,
    extract_text_page,
    revise,
)
from tests.ingest.helpers import TRAMWAY_PARAGRAPHS, text_page, text_rules

PARIS = ZoneInfo("Europe/Paris")

PARAGRAPHS = TRAMWAY_PARAGRAPHS
TITLE = "Tramway : le conseil municipal vote une nouvelle ligne vers les quartiers nord"


def test_text_before_an_inline_card_of_headlines_is_kept():
    """The article is read on both sides of its densest part, across a box of links."""
    extracted = extract_text_page(
        text_page(
            "Menu",
            "Métropole",
            TITLE,
            "Publié le 14 octobre 2024 à 19h30",
            PARAGRAPHS[0],
            "Sur le même thème",
            "Les travaux du périphérique prolongés jusqu’en mars",
            "Vélo : la ville promet cent kilomètres de pistes",
            *PARAGRAPHS[1:],
            "Les plus lus",
            "Un incendie ravage un entrepôt de la zone industrielle",
        ),
        text_rules(),
    )
    assert extracted.title == TITLE
    assert extracted.paragraphs == PARAGRAPHS
    assert "périphérique" not in extracted.body and "entrepôt" not in extracted.body


def test_the_date_is_the_one_next_to_the_title_not_the_masthead_s():
    extracted = extract_text_page(
        text_page(
            "Mardi 15 octobre 2024",
            "Le Courrier de l’Ouest",
            "Métropole",
            TITLE,
            "Par Lucie Moreau",
            "Publié le 12 octobre 2024 à 07h00",
            *PARAGRAPHS,
        ),
        text_rules(),
    )
    assert extracted.published == datetime(2024, 10, 12, 7, 0, tzinfo=PARIS)
    assert extracted.authors == ("Lucie Moreau",)


def test_share_bar_labels_between_title_and_text_are_not_the_title():
    extracted = extract_text_page(
        text_page(
            "Métropole",
            TITLE,
            "Facebook Twitter Flipboard Send LinkedIn Messenger Bluesky",
            "Ajouter à vos sélections",
            "Copier/coller le lien embed de la vidéo de l’article",
            "Publié le 14 octobre 2024 à 19h30",
            *PARAGRAPHS,
        ),
        text_rules(),
    )
    assert extracted.title == TITLE
    assert "Flipboard" not in extracted.body and "sélections" not in extracted.body


def test_a_caption_ending_in_a_credit_between_byline_and_text_is_not_the_title():
    extracted = extract_text_page(
        text_page(
            "Ville",
            TITLE,
            "Seize stations et neuf kilomètres de voies doivent relier la gare au nord de la ville.",
            "Partager l’article",
            "Par Claire Martin",
            "Publié le 14 octobre 2024 à 19h30",
            "",
            "La nouvelle ligne de tramway vers les quartiers nord, vue d’artiste. "
            "Credit...Atelier Lumen",
            "",
            *PARAGRAPHS,
        ),
        text_rules(),
    )
    assert extracted.title == TITLE
    assert "Atelier Lumen" not in extracted.body
    caption = "La rame d’essai au dépôt, en septembre. Credit...Atelier Lumen"
    assert classify_line(caption, text_rules()).kind == Kind.CAPTION


@pytest.mark.parametrize(
    "crumbs",
    [
        ("Accueil Société Faits divers",),  # levels copied without their separators
        ("Accueil", "Société", "Faits divers"),  # one level a line, a block of its own
    ],
)
def test_a_breadcrumb_copied_without_separators_gives_the_section_hint(crumbs):
    extracted = extract_text_page(
        text_page(
            "Le Quotidien",
            "Menu",
            "Actualité",
            "Sports",
            "Se connecter",
            "",
            *crumbs,
            "",
            TITLE,
            "Publié le 14 octobre 2024 à 19h30",
            *PARAGRAPHS,
        ),
        text_rules(),
    )
    assert extracted.title == TITLE
    assert extracted.section_hint == "Accueil > Société > Faits divers"


@pytest.mark.parametrize(
    "line",
    [
        f"Accueil / Ville / {TITLE}",  # the breadcrumb's separators kept
        f"HomeVilleTransports{TITLE}",  # the levels glued to one another and to the headline
    ],
)
def test_a_breadcrumb_copied_into_the_title_line_is_not_part_of_the_title(line):
    extracted = extract_text_page(
        text_page("Menu", "Ville", "Transports", "Se connecter", "", line, *PARAGRAPHS),
        text_rules(),
    )
    assert extracted.title == TITLE


def test_a_headline_with_a_brand_in_camel_case_keeps_its_first_words():
    title = "YouTube retire les vidéos du tramway des quartiers nord"
    extracted = extract_text_page(text_page("Menu", "Ville", "", title, *PARAGRAPHS), text_rules())
    assert extracted.title == title


CAPTION = (
    "Des riverains devant le dépôt où arriveront les rames de la nouvelle ligne de tramway, lundi."
)


@pytest.mark.parametrize(
    "caption",
    [
        f"{CAPTION} (Photo : Jean Martin)",
        f"{CAPTION} (AFP / JEAN MARTIN)",
        f"{CAPTION} (AFP)",
        f"Foto: Jean Martin – {CAPTION}",
        f"Media caption {CAPTION}",
    ],
)
def test_a_caption_with_its_credit_is_not_the_title(caption):
    extracted = extract_text_page(
        text_page(
            "Ville", TITLE, "Publié le 14 octobre 2024 à 19h30", "", caption, "", *PARAGRAPHS
        ),
        text_rules(),
    )
    assert extracted.title == TITLE
    assert "riverains" not in extracted.body


def test_a_headline_ending_in_parentheses_is_still_a_headline():
    title = "Tramway des quartiers nord : le conseil municipal vote la ligne (vidéo)"
    extracted = extract_text_page(text_page("Ville", title, *PARAGRAPHS), text_rules())
    assert extracted.title == title


@pytest.mark.parametrize("stamp", ["14. Oktober 2024", "Stand: 14.10.2024, 19:30 Uhr"])
def test_a_date_line_between_title_and_text_is_not_the_title(stamp):
    title = "Le grand retour du rail en centre-ville"  # a headline without the text's words
    extracted = extract_text_page(
        text_page("Ville", title, "", stamp, "", *PARAGRAPHS), text_rules()
    )
    assert extracted.title == title


def test_a_menu_under_home_is_not_a_breadcrumb():
    extracted = extract_text_page(
        text_page(
            "Home", "News", "Sport", "Business", "Culture", TITLE, "15 March 2025", *PARAGRAPHS
        ),
        text_rules(),
    )
    assert extracted.title == TITLE
    assert extracted.section_hint != "Home > News > Sport > Business > Culture"


def test_a_headline_starting_with_home_is_the_title_not_a_breadcrumb():
    title = "Home Office Minister Resigns Over Visa Backlog"
    extracted = extract_text_page(
        text_page(title, "Publié le 14 octobre 2024 à 19h30", *PARAGRAPHS), text_rules()
    )
    assert extracted.title == title


JAPANESE_BODY = (
    "市議会は十四日、駅と北部の住宅地を結ぶ新しい路面電車の建設計画を賛成多数で可決した。"
    "総延長は約九キロで、十六の停留所を設ける予定だという。",
    "市によると、来年春にも地下の配管を移す工事に着手し、二〇二九年末の開業を目指す。"
    "一日あたり最大四万人の利用を見込んでいる。",
    "一方、野党の議員からは建設費の見通しが甘いとの批判が出ており、"
    "利用者数について第三者による調査を求める声も上がっている。",
)


def test_a_share_bar_copied_as_one_glued_line_is_not_the_title():
    title = "Le grand retour du rail en centre-ville"  # a headline without the text's words
    extracted = extract_text_page(
        text_page(
            "Métropole",
            title,
            "Publié le 14 octobre 2024 à 19h30",
            "FacebookXWhatsAppE-MailLien copiéImprimer l’article",
            *PARAGRAPHS,
        ),
        text_rules(),
    )
    assert extracted.title == title


def test_a_headline_naming_two_networks_is_still_a_headline():
    title = "Facebook et Twitter suspendent les comptes des opposants au tramway du nord"
    extracted = extract_text_page(text_page("Métropole", title, *PARAGRAPHS), text_rules())
    assert extracted.title == title


def test_a_page_in_a_script_without_spaces_gives_its_text_not_a_title_only():
    body = JAPANESE_BODY
    title = "新路面電車の建設計画を可決　北部住宅地と駅を結ぶ"
    extracted = extract_text_page(
        text_page("ホーム", "地域", title, "2024年10月14日 19時30分", *body), text_rules()
    )
    assert extracted.title == title
    assert set(body) == {extracted.standfirst, *extracted.paragraphs} - {None}


def test_a_japanese_share_bar_between_title_and_text_is_not_the_title():
    title = "新路面電車の建設計画を可決　北部住宅地と駅を結ぶ"
    share_bar = (
        "この記事をシェアする",
        "はてなブックマークでシェアする",
        "フェイスブックでシェアする",
        "エックスでポストする",
        "ラインで送る",
        "リンクをコピーする",
        "記事を保存する",
    )
    extracted = extract_text_page(
        text_page("ホーム", "地域", title, "2024年10月14日 19時30分", *share_bar, *JAPANESE_BODY),
        text_rules(),
    )
    assert extracted.title == title


def test_a_kana_button_label_is_not_the_title():
    title = "東海の空に新しい翼　今夏に就航へ"  # a headline without the text's ideographs
    extracted = extract_text_page(
        text_page("ホーム", "地域", title, "ブックマーク", *JAPANESE_BODY),
        text_rules(),
    )
    assert extracted.title == title


def test_a_japanese_caption_with_its_date_and_place_is_not_in_the_body():
    caption = "市議会で計画の可決を見守る住民ら＝14日、北部の市役所で"
    extracted = extract_text_page(
        text_page(
            "地域", "新路面電車の建設計画を可決　北部住宅地と駅を結ぶ", caption, *JAPANESE_BODY
        ),
        text_rules(),
    )
    assert caption not in extracted.body


def test_a_paragraph_about_cookie_consent_is_chrome_even_when_long():
    banner = (
        "Avec votre accord, nos partenaires et nous utilisons des cookies ou technologies "
        "similaires pour stocker et consulter des informations sur votre appareil et traiter "
        "des données personnelles, telles que les identifiants uniques, à des fins de mesure "
        "d’audience et de publicités personnalisées. Vous pouvez retirer votre consentement."
    )
    extracted = extract_text_page(
        text_page(banner, "Tout accepter", "Métropole", TITLE, *PARAGRAPHS), text_rules()
    )
    assert extracted.title == TITLE
    assert "cookies" not in extracted.body and extracted.standfirst != banner


def test_an_article_paragraph_on_cookie_consent_stays_in_the_body():
    report = (
        "La Commission nationale de l’informatique et des libertés reproche au site d’avoir "
        "déposé des cookies publicitaires sans le consentement des internautes, et rappelle "
        "que refuser les traceurs doit être aussi simple que les accepter."
    )
    extracted = extract_text_page(
        text_page("Métropole", TITLE, *PARAGRAPHS[:2], report, *PARAGRAPHS[2:]), text_rules()
    )
    assert report in extracted.body


def test_a_page_of_headlines_is_not_an_article():
    headlines = [
        f"{subject} : ce que l’on sait après la réunion de lundi soir"
        for subject in (
            "Tramway",
            "Budget",
            "Piscine municipale",
            "Écoles",
            "Stationnement",
            "Marché de Noël",
            "Festival d’été",
            "Vélo en ville",
            "Logement social",
        )
    ]
    with pytest.raises(IngestFailure, match=r"^not an article: a list of 9 headlines"):
        extract_text_page(text_page("Menu", "Métropole", *headlines, "© Le Courrier"), text_rules())


def test_a_teaser_above_a_subscription_notice_is_refused():
    with pytest.raises(IngestFailure, match=r"^teaser only: "):
        extract_text_page(
            text_page(
                "Métropole",
                TITLE,
                "Publié le 14 octobre 2024 à 19h30",
                PARAGRAPHS[0],
                "Il vous reste 85 % de cet article à lire. La suite est réservée aux abonnés.",
                "Déjà abonné ? Se connecter",
            ),
            text_rules(),
        )


@pytest.mark.parametrize(
    ("initial", "revised"),
    [
        # jusText's context pass: a short line takes the class of the lines around it...
        ("good short good", "good good good"),
        ("bad short bad", "bad bad bad"),
        # ...a near-good one is good unless bad lines stand on both sides (edges are bad).
        ("bad near-good good", "bad good good"),
        ("near-good bad", "bad bad"),
        ("bad short near-good short bad", "bad bad bad bad bad"),
        # A short line between good and bad text is good when near-good text is beside it.
        ("good short near-good short bad", "good good good bad bad"),
    ],
)
def test_short_and_near_good_lines_take_their_class_from_their_neighbours(initial, revised):
    from chronique.ingest.text_page import Kind, Line

    qualities = [Quality(word) for word in initial.split()]
    lines = [Line("x", Kind.PROSE)] * len(qualities)
    assert [q.value for q in revise(qualities, lines)] == revised.split()


def test_a_subheading_right_after_a_read_also_card_is_kept():
    """The card's link and the subheading under it are both headlines; the subheading
    opens a box of its own and the text follows it."""
    text = "\n\n".join(
        [
            "Métropole",
            TITLE,
            "Publié le 14 octobre 2024 à 19h30",
            PARAGRAPHS[0],
            PARAGRAPHS[1],
            "Lire aussi\nVélo : la ville promet cent kilomètres de pistes",
            "Un coût contesté",
            PARAGRAPHS[2],
            PARAGRAPHS[3],
        ]
    )
    extracted = extract_text_page(text, text_rules())
    assert "## Un coût contesté" in extracted.body
    assert "Vélo" not in extracted.body
    assert extracted.paragraphs == PARAGRAPHS


@pytest.mark.parametrize(
    "note",
    [
        "Write to Claire Martin at claire.martin@example.com",
        "A version of this article appears in print on Oct. 15, 2024, Section A, Page 12.",
        "Appeared in the October 15, 2024, print edition as 'Tram Line Approved'.",
        "Reporting by Claire Martin; Editing by Paul Durand",
    ],
)
def test_an_end_of_story_note_closes_the_article(note):
    extracted = extract_text_page(
        text_page("Métropole", TITLE, "Publié le 14 octobre 2024 à 19h30", *PARAGRAPHS, note),
        text_rules(),
    )
    assert extracted.paragraphs == PARAGRAPHS
    assert note not in extracted.body


@pytest.mark.parametrize(
    ("line", "is_caption"),
    [
        # A sentence's last words are not a photo credit...
        (
            "La police a indiqué que la plupart des rassemblements étaient restés pacifiques, "
            "malgré quelques heurts en fin de soirée. Six personnes sont blessées.",
            False,
        ),
        # ...a credit is a few capitalised names after the caption's sentence...
        ("Les rames du tramway au dépôt nord, lundi. Jean Dupont/Hans Lucas", True),
        # ...and a long caption folded behind a toggle ends with 'more' or 'less'.
        ("The new tram depot in the north of the city on Monday. less", True),
    ],
)
def test_a_caption_is_told_from_a_sentence_by_its_credit(line, is_caption):
    from chronique.ingest.text_page import Kind, classify_line

    assert (classify_line(line, text_rules()).kind == Kind.CAPTION) is is_caption


ZULU_PARAGRAPHS = (
    "UMnyango weHome Affairs umemezele ukuthi uzoqasha intsha engaphezu kwezinkulungwane "
    "ezimbili ukuze isize ekugcineni amarekhodi ezakhamuzi ngendlela yesimanje (Electronic "
    "format), kusukela ngenyanga ezayo kuzo zonke izifundazwe zezwe.",
    "Lolu hlelo luyingxenye ye-Presidential Youth Employment Initiative, futhi lusebenzisana "
    "noMnyango we-Employment and Labour kanye ne-Harambee Youth Employment Accelerator, "
    "okuyinhlangano efundisa intsha amakhono omsebenzi nawedijithali.",
    "\u201cWe are committed to the digital future of the department and of the young people "
    "in this country,\u201d kusho uNgqongqoshe ngesikhathi ethula lolu hlelo ePitoli "
    "ngoLwesibili, ephelezelwa yiphini lakhe kanye nabaholi bezinhlangano zentsha.",
    "Abafake izicelo kumele babe phakathi kweminyaka eyishumi nesishiyagalombili namashumi "
    "amathathu nesihlanu ubudala, futhi babe nesitifiketi sikamatikuletsheni. Bazohola "
    "amarandi ayizinkulungwane ezinhlanu ngenyanga isikhathi esiyizinyanga eziyishumi nambili.",
)


def test_prose_in_a_language_without_a_word_list_is_text_despite_a_few_english_names():
    """A Zulu page quoting English names and a minister's English words is not read as
    English prose poor in English function words: its punctuation tells its text."""
    title = "UHulumeni uzoqasha intsha ezokwenza amarekhodi abe ngawedijithali"
    extracted = extract_text_page(
        text_page("Ekhaya", "Izindaba", title, "16 November 2025", *ZULU_PARAGRAPHS, "Latest News"),
        text_rules(),
    )
    assert extracted.paragraphs == ZULU_PARAGRAPHS


COMMENTS = tuple(
    f"{name}\n{text}\nRépondre\nSignaler"
    for name, text in (
        (
            "Jean-Pierre31",
            "Il était temps ! Je prends le tramway tous les jours depuis dix ans et la ligne "
            "actuelle est saturée dès sept heures du matin, on attend parfois trois rames avant "
            "de pouvoir monter. Une deuxième ligne vers le nord, c’est une excellente nouvelle.",
        ),
        (
            "Marie_T",
            "Encore un projet pharaonique payé par nos impôts. Neuf kilomètres pour seize "
            "stations, je demande à voir le budget final, qui sera évidemment deux fois plus "
            "élevé que ce qu’on nous annonce aujourd’hui, comme pour la rocade il y a vingt ans.",
        ),
        (
            "Toulousain_1970",
            "Le vrai problème, ce sont les travaux : trois ans de déviations dans des quartiers "
            "où les commerces souffrent déjà. La ville aurait pu prévoir des aides pour les "
            "commerçants avant de voter quoi que ce soit, mais personne n’y a pensé, comme toujours.",
        ),
    )
)


def test_a_comments_section_much_longer_than_the_article_is_not_kept():
    extracted = extract_text_page(
        text_page(
            "Menu",
            "Métropole",
            TITLE,
            "Publié le 14 octobre 2024 à 19h30",
            *PARAGRAPHS,
            "Commentaires (214)",
            "Réagir",
            *COMMENTS * 2,
            "Afficher plus de commentaires",
        ),
        text_rules(),
    )
    assert extracted.paragraphs == PARAGRAPHS


GERMAN_BODY = (
    "Der Stadtrat hat am Montagabend nach langer Debatte beschlossen, die Straßenbahnlinie 4 "
    "bis zum neuen Wohngebiet im Norden der Stadt zu verlängern, das bis 2030 entstehen soll.",
    "Die Verlängerung um drei Kilometer soll rund 80 Millionen Euro kosten. Den größten Teil "
    "übernimmt das Land, der Rest wird aus dem Haushalt der Stadt und von den Verkehrsbetrieben "
    "getragen, die mit zusätzlichen Fahrgästen rechnen.",
    "Die Opposition kritisierte, die Kosten seien zu knapp kalkuliert, und verlangte ein "
    "unabhängiges Gutachten zur erwarteten Zahl der Fahrgäste, bevor die Bauarbeiten beginnen.",
)


def test_a_placeholder_for_embedded_content_is_chrome_in_german_too():
    """A video or chart left out of the copy leaves its consent notice in the text ('An dieser
    Stelle finden Sie externen Inhalt…'): the vocabulary of consent, not the article's."""
    placeholder = (
        "Ich bin damit einverstanden, dass mir externe Inhalte angezeigt werden. Damit können "
        "personenbezogene Daten an Drittplattformen übermittelt werden. Mehr dazu in unserer "
        "Datenschutzerklärung."
    )
    extracted = extract_text_page(
        text_page(
            "Startseite",
            "Wirtschaft",
            "Stadtrat beschließt Verlängerung der Straßenbahn bis ins Neubaugebiet",
            "Von Anna Keller",
            "Veröffentlicht am 14. Oktober 2024, 19:30 Uhr",
            GERMAN_BODY[0],
            "Empfohlener redaktioneller Inhalt",
            placeholder,
            "Externen Inhalt anzeigen",
            *GERMAN_BODY[1:],
            "Mehr zum Thema",
        ),
        TextRules(load_chrome_patterns(), sections=("Wirtschaft",), timezone="Europe/Berlin"),
    )
    assert extracted.title == (
        "Stadtrat beschließt Verlängerung der Straßenbahn bis ins Neubaugebiet"
    )
    assert extracted.section == "Wirtschaft"
    assert extracted.published == datetime(2024, 10, 14, 19, 30, tzinfo=ZoneInfo("Europe/Berlin"))
    assert [p for p in (extracted.standfirst, *extracted.paragraphs) if p] == list(GERMAN_BODY)
    assert "einverstanden" not in extracted.body


GERMAN_RULES_SECTIONS = ("Wirtschaft", "Brandenburg")
GERMAN_TITLE = "Stadtrat beschließt Verlängerung der Straßenbahn bis ins Neubaugebiet"
GERMAN_LEAD = (
    "Für die drei Kilometer lange Verlängerung der Linie 4 bis ins neue Wohngebiet im Norden "
    "zahlt die Stadt nur einen kleinen Teil der Kosten selbst. Den Rest übernehmen das Land und "
    "die Verkehrsbetriebe, die mit vielen zusätzlichen Fahrgästen rechnen."
)


def _german_page(*header: str) -> ExtractedPage:
    """A German site's copy: *header* (section, headline, lead, byline…), then the text."""
    rules = TextRules(
        load_chrome_patterns(), sections=GERMAN_RULES_SECTIONS, timezone="Europe/Berlin"
    )
    return extract_text_page(text_page(*header, *GERMAN_BODY, "Mehr zum Thema"), rules)


def test_a_byline_and_date_under_the_lead_and_an_ad_label_date_the_article():
    """The WinFuture style: the lead under the headline, an ad's label ('Anzeige'), then the
    author and the date apart from it by a comma and a no-break space, then a subheading:
    the label opens no new article, and the name signs the date."""
    extracted = _german_page(
        "Startseite",
        "Wirtschaft",
        GERMAN_TITLE,
        GERMAN_LEAD,
        "Anzeige",
        "Anna Keller,\u00a0 26.04.2024 10:00 Uhr",
        "Was die Verlängerung kostet",
    )
    assert extracted.title == GERMAN_TITLE
    assert extracted.published == datetime(2024, 4, 26, 10, 0, tzinfo=ZoneInfo("Europe/Berlin"))
    assert [extracted.standfirst, *extracted.paragraphs][0] == GERMAN_LEAD


def test_a_weekday_abbreviation_and_a_two_digit_year_date_the_article():
    """The RBB style: 'Do 25.04.24 | 14:07 Uhr | Von NAME' under the headline, the time set
    apart from its day; the audio's credit below it gives the broadcast's day, not the
    article's."""
    extracted = _german_page(
        "Startseite",
        "Brandenburg",
        GERMAN_TITLE,
        "Do 25.04.24 | 14:07 Uhr | Von Lena Vogt",
        "Audio: Antenne Brandenburg | 24.04.2024 | Lena Vogt | Bild: Lena Vogt/rbb",
    )
    assert extracted.title == GERMAN_TITLE
    assert extracted.published == datetime(2024, 4, 25, 14, 7, tzinfo=ZoneInfo("Europe/Berlin"))


def test_a_timestamp_copied_against_its_credit_and_place_dates_the_article():
    """The Mallorca Magazin style: under the caption, the agency's credit, the desk and the
    place run into a two-digit-year date and its clock ('dpaMM-Redaktion Palma,
    Mallorca15.04.25 09:56'); a date with its clock is a timestamp, not a card's title."""
    extracted = _german_page(
        "Nachrichten | Spanien",
        GERMAN_TITLE,
        GERMAN_LEAD,
        "Die neue Haltestelle am Nordpark. | Foto: Lena Vogt/dpa",
        "dpaMM-Redaktion Palma, Mallorca15.04.25 09:56",
    )
    assert extracted.title == GERMAN_TITLE
    assert extracted.published == datetime(2025, 4, 15, 9, 56, tzinfo=ZoneInfo("Europe/Berlin"))


ENGLISH_BODY = (
    "The city council voted on Monday night, after more than four hours of debate, to extend "
    "the tram line from the station to the northern districts, a project residents have "
    "waited on for about ten years.",
    "The extension, nine kilometres long, is to serve sixteen stops and carry up to forty "
    "thousand riders a day. Work to move the pipes and cables under the route starts next "
    "spring, according to the schedule the mayor presented.",
    "The opposition said the cost was underestimated and asked for an independent study of "
    "ridership, arguing that the city's forecasts rest on hopeful assumptions about how fast "
    "the population of the northern districts will grow.",
)


def test_a_stamp_under_the_author_after_a_list_mark_dates_the_article():
    """The 9to5 style: the author's name, then '- Nov. 18th 2019 8:54 am PT' on a line of its
    own (a list item's mark before it): the date and its zone are the article's."""
    extracted = extract_text_page(
        text_page(
            "Guides",
            "November 18",
            "Tram line approved as the council backs a northern extension",
            "Jordan Miles",
            "- Nov. 18th 2019 8:54 am PT",
            "Facebook",
            "Twitter",
            *ENGLISH_BODY,
            "Related stories",
        ),
        text_rules(),
    )
    assert extracted.published == datetime(
        2019, 11, 18, 8, 54, tzinfo=ZoneInfo("America/Los_Angeles")
    )
