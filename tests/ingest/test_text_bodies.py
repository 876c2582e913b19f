"""What the plain-text reader keeps of an article's text: its terse lines, lists and tables
between paragraphs, and not the blurbs that follow it (issue 14)."""

from __future__ import annotations

from chronique.ingest.chrome import load_chrome_patterns
from chronique.ingest.text_page import TextRules, extract_text_page

INTRO = (
    "Cleveland's defense held Pittsburgh to 194 yards on Thursday night, and the snap counts "
    "show how much the coaches leaned on their starters after a week of injuries and a "
    "suspension that left the line thin."
)
STATS = (
    "LB Joe Schobert 74 100% 7 tackles, 3 assists (10 combined). 1 sack, 2 TFL, 2 QH, 2 INT, "
    "4 passes defended.",
    "LB Mack Wilson 74 100% 1 tackle, 4 assists (5 combined). 1 pass defended.",
    "S Juston Burris 42 57% 4 tackles, 1 assist (5 combined). 1 sack, 1 QH, 1 INT.",
)
AFTER = (
    "The linebackers were on the field for every snap, which the staff had not planned: "
    "the rotation that was drawn up in the week was dropped once the second safety went "
    "down in the first quarter with a hamstring injury.",
    "Schobert was the highest graded player on the defense, with two interceptions and a "
    "pass broken up in coverage, and he said after the game that the whole unit had played "
    "with the kind of discipline the team had been missing all season.",
)
TITLE = "Browns defensive snap counts, stats and notes from Week 11"


def rules() -> TextRules:
    return TextRules(load_chrome_patterns())


def page(*lines: str) -> str:
    return "\n".join(lines) + "\n"


def test_terse_lines_of_figures_between_paragraphs_are_the_article_s():
    """A table's rows copied as lines (names and figures, few function words) between two
    paragraphs of the article are its text, though none would pass for prose on its own."""
    extracted = extract_text_page(
        page(
            "Menu",
            "NFL",
            TITLE,
            "By Dan Hughes Nov 18, 2019, 9:00am EST",
            INTRO,
            *STATS,
            *AFTER,
            "More from Dawgs By Nature",
        ),
        rules(),
    )
    assert extracted.title == TITLE
    assert extracted.paragraphs == (INTRO, *STATS, *AFTER)
