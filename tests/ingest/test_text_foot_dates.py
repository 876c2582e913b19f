"""Dates an article's foot gives, under its text and past the cards there (issue 14): a facts
box's labelled date beside its author, a blog post's line of byline, date and categories."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from chronique.ingest.chrome import load_chrome_patterns
from chronique.ingest.text_page import ExtractedPage, TextRules, extract_text_page
from tests.ingest.helpers import text_page

BERLIN = ZoneInfo("Europe/Berlin")
TITLE = "Neue Brücke über den Rhein: Bauarbeiten beginnen im Sommer"
BODY = (
    "Nach jahrelangen Verhandlungen haben Bund und Land die Finanzierung der neuen Rheinbrücke "
    "gesichert. Die Bauarbeiten sollen im Sommer beginnen und rund vier Jahre dauern, teilte "
    "das Verkehrsministerium am Freitag mit.",
    "Die alte Brücke ist seit Jahren nur noch eingeschränkt befahrbar. Lastwagen müssen einen "
    "Umweg von mehr als dreißig Kilometern fahren, was die Unternehmen der Region viel Geld "
    "kostet und die Dörfer entlang der Umleitung belastet.",
    "Kritik kommt von Umweltverbänden, die den Eingriff in das Naturschutzgebiet am Ufer für "
    "zu groß halten. Sie fordern eine schmalere Brücke und wollen notfalls vor Gericht ziehen, "
    "sollte das Ministerium an den bisherigen Plänen festhalten.",
)
#: Related articles under the text, each a headline and its blurb, then a video's card.
RELATED = (
    "Die Redaktion empfiehlt",
    "Rheinbrücke: Warum die Sanierung so lange dauert",
    "Die alte Brücke wurde in den sechziger Jahren gebaut und ist für den heutigen Verkehr "
    "nicht mehr ausgelegt. Ein Gutachten zeigt, wie schlecht es um den Beton steht.",
    "Pendler im Stau: Ein Tag auf der Umleitung",
    "Wer jeden Morgen über die Dörfer fahren muss, verliert viel Zeit. Eine Reportage über "
    "die Menschen, die seit Jahren auf die neue Brücke warten und sich ärgern.",
    "Audio und Video zum Thema",
    "Rheinbrücke: Ein Blick auf die Baustelle",
)
#: The related articles' cards after the facts box: a headline with its own date, a blurb.
MORE = (
    "Mehr zum Thema",
    "Umweltverbände kündigen Klage gegen Brückenpläne an 24.04.2023",
    "Die Verbände sehen das Schutzgebiet am Ufer gefährdet und wollen die Pläne vor Gericht "
    "prüfen lassen, bevor die ersten Bäume gefällt werden.",
)


def _rules() -> TextRules:
    return TextRules(load_chrome_patterns(), sections=("Deutschland",), timezone="Europe/Berlin")


def _dw_page(*facts: str) -> ExtractedPage:
    """The DW style: the text, the editors' picks and a video's card, then the article's
    facts box (*facts*), then more cards of related articles, each with its date."""
    return extract_text_page(
        text_page("Menü", "Deutschland", TITLE, *BODY, *RELATED, *facts, *MORE), _rules()
    )


def test_a_facts_box_with_the_date_and_the_author_dates_the_article():
    """'Datum 28.04.2023' over 'Autorin/Autor NAME', past the related cards and the video's
    headline: the box says the date is the article's, as a card's date under its headline
    does not."""
    extracted = _dw_page(
        "Datum 28.04.2023",
        "Autorin/Autor Jana Becker",
        "Schlagwörter Rheinbrücke, Verkehr, Naturschutz",
        "Permalink https://example.org/p/4QgGF",
    )
    assert extracted.title == TITLE
    assert extracted.published == datetime(2023, 4, 28, tzinfo=BERLIN)
    assert [extracted.standfirst, *extracted.paragraphs][: len(BODY)] == list(BODY)


def test_a_labelled_date_under_a_card_without_an_author_field_does_not_date_the_article():
    """The same date line without the box's author field is the video card's date."""
    extracted = _dw_page("Datum 28.04.2023", "Schlagwörter Rheinbrücke, Verkehr, Naturschutz")
    assert extracted.published is None


def _blog_page(foot: str, *comments: str) -> ExtractedPage:
    """A WordPress blog's copy: the post, its related posts, then the post's foot line."""
    return extract_text_page(
        text_page(
            "Startseite",
            "Newsletter",
            TITLE,
            *BODY,
            "Redaktion",
            "Ähnliche Artikel:",
            "Rheinbrücke: Warum die Sanierung so lange dauert",
            "Pendler im Stau: Ein Tag auf der Umleitung",
            foot,
            *comments,
            "Neueste Beiträge",
            "Rheinbrücke: Ein Blick auf die Baustelle",
        ),
        _rules(),
    )


def test_a_blog_post_s_foot_line_with_byline_date_and_categories_dates_the_post():
    """'Von NAME am 21/02/2021. Abgelegt unter Verkehr. Sie können …': a post's byline and
    date, then its categories and the theme's notes on comments, under the related posts.
    The notes under it (comments closed) are not the post's text."""
    extracted = _blog_page(
        "Von rhein news am 21/02/2021. Abgelegt unter Verkehr. Sie können alle Antworten zu "
        "diesem Eintrag durch den RSS 2.0 Feed verfolgen. Kommentare und Pings sind derzeit "
        "geschlossen.",
        "Durch einen technischen Fehler ist die Kommentarfunktion ausgeschaltet!",
    )
    assert extracted.title == TITLE
    assert extracted.published == datetime(2021, 2, 21, tzinfo=BERLIN)
    assert "Abgelegt" not in extracted.body


def test_an_english_post_s_foot_line_dates_the_post():
    extracted = _blog_page(
        "Posted by Sam Carter on February 21, 2021. Filed under Transport. You can follow any "
        "responses to this entry through the RSS 2.0 feed."
    )
    assert extracted.published == datetime(2021, 2, 21, tzinfo=BERLIN)


def test_a_paragraph_that_opens_with_a_place_and_a_date_dates_nothing():
    """'Von Paris am 21. Februar 2021 aus …': a sentence's words after the date, no
    categories: a paragraph of the text, not a post's foot line."""
    extracted = _blog_page(
        "Von Paris am 21. Februar 2021 aus reiste die Delegation weiter nach Straßburg, wo "
        "sie die Pläne für die Brücke dem Ausschuss vorstellte."
    )
    assert extracted.published is None
