"""What the plain-text reader keeps of an article's text: its terse lines, lists and tables
between paragraphs, and not the blurbs that follow it (issue 14)."""

from __future__ import annotations

import pytest

from chronique.ingest.errors import IngestFailure
from chronique.ingest.text_page import Kind, classify_line, extract_text_page
from tests.ingest.helpers import TRAMWAY_PARAGRAPHS, text_page, text_rules

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


def test_terse_lines_of_figures_between_paragraphs_are_the_article_s():
    """A table's rows copied as lines (names and figures, few function words) between two
    paragraphs of the article are its text, though none would pass for prose on its own."""
    extracted = extract_text_page(
        text_page(
            "Menu",
            "NFL",
            TITLE,
            "By Dan Hughes Nov 18, 2019, 9:00am EST",
            INTRO,
            *STATS,
            *AFTER,
            "More from Dawgs By Nature",
        ),
        text_rules(),
    )
    assert extracted.title == TITLE
    assert extracted.paragraphs == (INTRO, *STATS, *AFTER)


STORY = (
    "Instagram began testing hidden like counts worldwide on Thursday, after trying the "
    "change for several months in a handful of countries, and the company says creators "
    "will still see every figure on their own posts.",
    "The accounts that businesses use get far more detail: who looked at a profile, from "
    "which city, at what hour, and how many of them tapped the link to the shop that the "
    "account advertises at the top of its page.",
    "A spokesperson for Instagram confirmed that the app suggests the switch to people who "
    "post often, and that nothing stops a private person from turning an ordinary profile "
    "into a professional one in a few taps.",
    "Even these figures are anonymised, the company says, and they cannot tell an account "
    "apart from the many people who may share it, which is how families and small shops "
    "tend to use the app.",
)
BIO = (
    "Louise Matsakis is a staff writer covering Instagram and the other platforms that "
    "businesses use to advertise. She was formerly an editor at a technology site, where "
    "she wrote about the accounts of companies and the people who run them."
)


def test_the_article_ends_before_its_author_s_bio():
    """A bio under the text (set apart from it by a newsletter box) and what follows it
    are not the article's, though they are prose and the bio speaks of the same things."""
    extracted = extract_text_page(
        text_page(
            "Menu",
            "Business",
            "Instagram wants you to turn your profile into a business account",
            "Louise Matsakis 11.19.2019 07:00 AM",
            *STORY,
            "Newsletter",
            "Get our weekly technology briefing",
            "Subscribe",
            "Follow us",
            "Twitter",
            BIO,
            "Staff Writer",
            "WIRED is where tomorrow is realized. It is the essential source of information and "
            "ideas that make sense of a world in constant transformation, every single day.",
            "More From WIRED",
        ),
        text_rules(),
    )
    assert extracted.paragraphs == STORY


def test_a_bio_heading_closes_the_article_and_a_person_described_inside_it_does_not():
    """'À propos de l'auteur' closes the text; a paragraph about a person that follows the
    text's paragraphs is the article's own."""
    inside = (
        "Marie Durand est une journaliste à la retraite qui a couvert la région pendant "
        "trente ans, et elle se souvient d’avoir entendu parler du projet dès les années "
        "quatre-vingt-dix, lors d’un conseil municipal."
    )
    story = (*PARAGRAPHS_FR[:3], inside, PARAGRAPHS_FR[3])
    extracted = extract_text_page(
        text_page(
            "Métropole",
            "Tramway : le conseil municipal vote une nouvelle ligne vers les quartiers nord",
            "Publié le 14 octobre 2024 à 19h30",
            *story,
            "Partager",
            "À propos de l’auteur",
            "Journaliste au service Métropole, Paul Lenoir suit les transports et "
            "l’urbanisme depuis 2015, après dix ans passés à la rédaction de Lyon.",
            "Newsletter",
        ),
        text_rules(),
    )
    assert extracted.paragraphs == story


PARAGRAPHS_FR = TRAMWAY_PARAGRAPHS


def test_a_caption_s_credit_after_its_sentence_marks_it_as_a_caption():
    """'… Bildrechte: MDR/David Straub', '… Foto: Miles Lilley.', '… EFE/ J.J. Guillén',
    '… Keystone/The White House via AP/Adam Schultz': the credit closes a caption. A
    sentence that opens on the same word is no credit."""
    captions = (
        "Pro Stunde werden in Schmalkalden etwa 45 Schweine geschlachtet. Bildrechte: "
        "MDR/David Straub",
        "Den nysgerrighed kendetegner også Stine og hendes opvækst. Foto: Miles Lilley.",
        "El ministro saluda a su homólogo tras la foto de familia del Grupo de Madrid. "
        "EFE/ J.J. Guillén",
        "Biden traf sich am Samstagabend mit seinen Sicherheitsberatern. Keystone/The White "
        "House via AP/Adam Schultz",
    )
    assert [classify_line(text, text_rules()).kind for text in captions] == [Kind.CAPTION] * 4
    sentence = "Die Zahl der Betriebe ist gestiegen. Quelle der Daten ist das Landesamt."
    assert classify_line(sentence, text_rules()).kind != Kind.CAPTION


TOUR = (
    "The Doobie Brothers will reunite with their former frontman for a 30-date North "
    "American tour next summer, the band announced at the end of its concert in Nashville "
    "on Monday night.",
    "Tickets go on sale to the general public on Friday, December 6th, and members of the "
    "band's fan club will be able to buy them two days earlier, the promoter said in a "
    "statement released after the show.",
    "The band's current tour continues on Tuesday in South Carolina, and after a break at "
    "the end of the month it will go on through the winter. The band's 2020 tour dates:",
)
DATES = (
    "June 9 – West Palm Beach, FL @ Coral Sky Amphitheatre",
    "June 10 – Tampa, FL @ Credit Union Amphitheatre",
    "June 14 – Alpharetta, GA @ Ameris Bank Amphitheatre",
)


def test_a_list_that_the_text_introduces_is_kept_as_a_list():
    """Short lines under a sentence ending with a colon are the article's list, even at its
    end; under a label ('See also') they are links."""
    extracted = extract_text_page(
        text_page(
            "Music",
            "The Doobie Brothers reunite with Michael McDonald for a 50th anniversary tour",
            "By Daniel Kreps November 19, 2019 8:12AM ET",
            *TOUR[:2],
            "See also",
            "Motley Crue and Def Leppard set a stadium tour",
            "Lighting up with the stars of a new film",
            TOUR[2],
            *DATES,
            "Want more Rolling Stone? Sign up for our newsletter.",
            "Trending",
            "Which band will reunite next? Placing odds on 14 groups",
        ),
        text_rules(),
    )
    assert extracted.paragraphs == (*TOUR, *DATES)
    assert "\n".join(f"- {item}" for item in DATES) in extracted.body
    assert "Def Leppard" not in extracted.body


def test_related_links_labels_in_other_languages_are_chrome():
    """'Mehr zu Fleischkonsum', 'Das könnte Sie auch interessieren', 'Les også: …': boxes of
    links set inside the text; a sentence that opens on 'Mehr' is text."""
    labels = (
        "Mehr zu Fleischkonsum",
        "Mehr zur Lage im Nahen Osten lesen Sie in unserem Liveblog:",
        "Das könnte Sie auch interessieren:",
        "Les også: Tone Damli ofret musikkarrieren for barna",
        "Lee también: El Gobierno aprueba la nueva ley de vivienda",
    )
    assert {classify_line(text, text_rules()).kind for text in labels} == {Kind.CHROME}
    sentence = "Mehr Menschen als je zuvor haben in diesem Jahr gewählt, sagte der Bürgermeister."
    assert classify_line(sentence, text_rules()).kind == Kind.PROSE


def test_a_page_copied_without_its_scripts_is_refused_not_published_with_the_notice():
    """A copy that holds only the notice that scripts are off ('Aktivieren Sie Javascript…')
    has no article text; an article about JavaScript keeps its sentences."""
    notice = text_page(
        "Frankfurter Zeitung",
        "Pendler zahlen 60 Prozent weniger",
        "Aktivieren Sie Javascript jetzt, um unsere Artikel wieder lesen zu können.",
    )
    with pytest.raises(IngestFailure):
        extract_text_page(notice, text_rules())
    sentence = (
        "Developers can now enable JavaScript modules in the settings, the company said on "
        "Tuesday in a post about the new version of its browser."
    )
    assert classify_line(sentence, text_rules()).kind != Kind.CHROME
    signing_up = "By signing up you consent to receive the above newsletter from the publisher."
    assert classify_line(signing_up, text_rules()).kind == Kind.CHROME


DIRECTORY_TITLE = "県議会、新しい路面電車の整備計画を可決　北部の住宅地と駅を結ぶ"
DIRECTORY_ARTICLE = (
    "県議会は１２日の本会議で、県庁所在地の中央駅と北部の住宅地を結ぶ新しい路面電車の整備計画を賛成多数で可決した。総事業費は約４２０億円で、２０２９年度末の開業を目指す。",
    "計画では、全長約９キロに１６の停留所を設け、１日あたり約４万人の利用を見込む。県は来年春にも電線の移設工事に着手し、用地の取得を進める方針だ。",
    "反対した会派は、利用者数の見通しが楽観的だとして第三者による需要予測の検証を求めた。知事は「北部の渋滞解消に欠かせない事業だ」と述べ、理解を求めた。",
)
DIRECTORY_SITES = (
    (
        "みなと小町",
        "「みなと小町」は、みなと新聞が運営する掲示板で、暮らしや仕事の悩みを読者同士で相談できる場です。毎日多くの投稿が寄せられています。会員登録をすると、すべての記事や特集を無料でお読みいただけます。",
    ),
    (
        "みなとドクター",
        "みなとドクターは、みなと新聞の医療・介護・健康情報サイトです。病気の予防や治療の最新情報を、専門の記者が分かりやすく解説します。会員登録をすると、すべての記事や特集を無料でお読みいただけます。",
    ),
    (
        "美術館ナビ",
        "みなと新聞が運営する美術館・博物館情報の総合ページです。主催する展覧会の見どころや、各地の企画展の情報を紹介しています。会員登録をすると、すべての記事や特集を無料でお読みいただけます。",
    ),
    (
        "港町の伝統文化",
        "港町に伝わる祭りや工芸を紹介し、担い手を支える取り組みを伝えるサイトです。企業や自治体と連携して、伝統文化の継承を後押しします。会員登録をすると、すべての記事や特集を無料でお読みいただけます。",
    ),
    (
        "データベース「みなとアーカイブ」",
        "創刊からのみなと新聞の記事３００万件以上がネットで読める有料データベースです。企業や学校、図書館で広く利用されています。会員登録をすると、すべての記事や特集を無料でお読みいただけます。",
    ),
    (
        "防災みなと",
        "みなと新聞社の暮らしと防災のメディアです。地震や台風への備え、避難の方法など、身近な防災の情報を幅広く紹介しています。会員登録をすると、すべての記事や特集を無料でお読みいただけます。",
    ),
    (
        "中学受験サポート",
        "みなと新聞による私立中学受験のための情報ページです。学校の最新情報のほか、入試の傾向や説明会の日程を詳しく掲載しています。会員登録をすると、すべての記事や特集を無料でお読みいただけます。",
    ),
    (
        "たびみなと",
        "知れば知るほど旅は楽しくなる。港町の名所や味覚、季節の行事を記者が訪ね歩き、旅の計画に役立つ情報をお届けするサイトです。会員登録をすると、すべての記事や特集を無料でお読みいただけます。",
    ),
)
_DIRECTORY_LINES = [
    "ホーム",
    "ニュース",
    "地域",
    DIRECTORY_TITLE,
    "2025/03/12 18:30",
    "スクラップ",
    *DIRECTORY_ARTICLE,
    "あわせて読みたい",
    "港の倉庫群、観光施設として再生へ　市が活用案を公表",
    "2025/03/10 09:00",
    "駅前の再開発、来年度に着工　商業施設と住宅を整備",
    "2025/03/08 10:00",
    "みなと新聞社の運営するサイト",
]


def test_a_directory_of_the_site_s_services_is_not_the_article():
    """Yomiuri style: under the article and its related headlines, the paper lists the sites
    it runs, each name over a line about it. In a script without spaces those lines weigh
    more than the article's three paragraphs; each alone under its own short heading, they
    are a directory, not an article's text."""
    entries = [line for name, about in DIRECTORY_SITES for line in (name, about)]
    page = extract_text_page(
        text_page(*_DIRECTORY_LINES, *entries, "利用規約", "お問い合わせ"), text_rules()
    )
    assert page.title == DIRECTORY_TITLE
    assert page.paragraphs == DIRECTORY_ARTICLE


LESEN = (
    "Der Osnabrücker Leseforscher Christian Albers sagt, dass die Studierenden in den "
    "vergangenen Jahren deutlich schlechter lesen. Lange Texte würden nicht mehr bis zum Ende "
    "gelesen, und viele könnten sich an den Inhalt eines Aufsatzes kaum erinnern.",
    "Durch das Lesen am Bildschirm lasse die Konzentration offenbar nach, so Albers. Seine "
    "Vermutung ist, dass die vielen Nachrichten und Hinweise auf dem Telefon die "
    "Aufmerksamkeit immer wieder von dem Text ablenken, den man gerade vor sich hat.",
    "An der Universität Osnabrück werden deshalb in diesem Semester erste Seminare angeboten, "
    "in denen wieder auf Papier gelesen wird. Die Studierenden sollen danach in einer "
    "kleinen Umfrage sagen, ob sie sich an die Texte besser erinnern als vorher.",
)
LESEN_END = "Erste Ergebnisse der Umfrage sollen im Herbst vorliegen."


def test_teasers_of_related_articles_after_the_text_are_not_the_article_s():
    """Under 'Mehr zum Thema', headlines each over one short teaser on the same subject end
    the article, though they share its words; its own closing section, a short paragraph
    under a subheading, stays."""
    extracted = extract_text_page(
        text_page(
            "Niedersachsen",
            "Forscher aus Osnabrück warnt: Studierende verlernen das Lesen",
            "Stand: 17.06.2025 18:24 Uhr",
            *LESEN,
            "Wie es weitergeht",
            LESEN_END,
            "Mehr zum Thema",
            "Künstliche Intelligenz im Studium: Herausforderung für die Unis",
            "Mehr als 80 Prozent der Studierenden wünschen sich klare Regeln für das Lesen "
            "und Schreiben mit Künstlicher Intelligenz.",
            "Literarische Übersetzungen: Was der Mensch der Maschine voraus hat",
            "Sprachmodelle scheinen Übersetzer überflüssig zu machen. Oder haben sie doch "
            "ihre Grenzen beim Lesen?",
            "Schlagwörter zu diesem Artikel",
            "Osnabrück",
            "Hochschule",
        ),
        text_rules(),
    )
    assert extracted.title == "Forscher aus Osnabrück warnt: Studierende verlernen das Lesen"
    assert extracted.paragraphs == (*LESEN, LESEN_END)


def test_the_site_s_pitch_to_its_reader_is_not_the_article_s():
    """Calls to act addressed to the reader ('Get in touch…', 'Sign up to our newsletter…'),
    right under the last paragraph, are the site's pitch; a quote that asks for support, and
    a report of a call to donate or of a newsletter, are the article's."""
    quote = (
        "“We need your support to keep the library open on Sundays,” the head librarian "
        "told the council, which will vote on the budget for the branch next month after a "
        "consultation of the people who use it."
    )
    reported = (
        "Instagram urged its users to donate to charities through their profiles, and we saw "
        "the button on many business accounts on Monday. The company said its newsletter for "
        "business accounts now has 20,000 subscribers, and she added that more would follow."
    )
    story = (STORY[0], reported, *STORY[1:3], quote)
    extracted = extract_text_page(
        text_page(
            "News",
            "Instagram wants you to turn your profile into a business account",
            "By Louise Matsakis, 11.19.2019 07:00 AM",
            *story,
            "Got a story? Get in touch with our news team by emailing us at "
            "webnews@example.co.uk. Or you can submit your videos and pictures here.",
            "Follow Example on Twitter and Facebook for the latest news updates. You can now "
            "also get our articles sent straight to your device: sign up for our newsletter.",
            "Most Popular",
        ),
        text_rules(),
    )
    assert extracted.paragraphs == story


def test_the_text_goes_on_across_a_video_set_between_its_paragraphs():
    """A video's card between two paragraphs (its title, '14 hours ago', 'Duration 1:30', its
    blurb) does not end the article: the paragraphs under it tell the same story."""
    before, after = STORY[:2], STORY[2:]
    extracted = extract_text_page(
        text_page(
            "World",
            "Instagram wants you to turn your profile into a business account",
            "Louise Matsakis · CBC News · Posted: Nov 19, 2019 7:00 AM EST",
            *before,
            "WATCH | What the change means for the accounts of small businesses:",
            "Instagram tests hiding like counts for its users worldwide",
            "14 hours ago",
            "Duration 1:30",
            "Instagram is hiding the number of likes on posts in more countries, and says "
            "creators will still see every figure on their own profiles.",
            *after,
            "Related Stories",
        ),
        text_rules(),
    )
    assert extracted.paragraphs[: len(before)] == before
    assert extracted.paragraphs[-len(after) :] == after


QUAKE = (
    "The Japan Meteorological Agency said an earthquake with a preliminary magnitude of 6.9 "
    "struck off the coast of Miyazaki at 9:19 p.m. on Monday, at a depth of about 30 "
    "kilometres, and it issued a tsunami advisory for two prefectures.",
    "No damage had been reported by late evening, but the agency asked people near the coast "
    "to stay away from the shore until the advisory was lifted, and trains on the island "
    "were halted for checks on the tracks.",
)


def test_a_list_introduced_by_as_follows_closes_the_article():
    """A sentence that says 'as follows.' (not only one ending with a colon) introduces the
    list that ends the article: its items are the article's."""
    intro = "The intensities reported by the agency in each place were as follows."
    items = (
        "Lower 5: Takanabe, Shintomi, Miyazaki City",
        "Upper 4: Nobeoka, Saito, Kijo, Kawaminami",
        "Lower 4: Kurume, Kanzaki, Shiroishi",
    )
    extracted = extract_text_page(
        text_page(
            "Society",
            "Earthquake off Miyazaki prompts tsunami advisory",
            "By Yosuke Watanabe January 13, 2025 9:37 PM",
            *QUAKE,
            intro,
            *items,
            "Print",
            "Related News",
            "What to do when you feel an earthquake indoors",
        ),
        text_rules(),
    )
    assert extracted.paragraphs == (*QUAKE, intro, *items)


def test_a_short_article_among_many_headlines_is_read_when_its_url_names_it():
    """One short paragraph under its headline, with a long list of other headlines around it,
    is the article the URL names; without a URL that names it, the page reads as a list of
    headlines and is refused."""
    lead = (
        "Economy Minister Marcelo Ebrard said on Tuesday that US tariffs on Mexican steel "
        "would be a bad idea, since the trade in steel runs in the United States' favor."
    )
    others = [
        f"Drought paralyzes water deliveries in the northern state number {n}" for n in range(9)
    ]
    page = text_page(
        "NEWS",
        "Mexico pushes back against Trump's universal steel tariffs",
        "MND Staff",
        "February 11, 2025",
        lead,
        "Share",
        "3 COMMENTS",
        "Most Popular",
        *others,
    )
    url = "https://news.example.com/news/mexico-pushes-back-trump-universal-steel-tariffs/"
    extracted = extract_text_page(page, text_rules(), url)
    assert extracted.title == "Mexico pushes back against Trump's universal steel tariffs"
    assert extracted.paragraphs == (lead,)
    with pytest.raises(IngestFailure, match="not an article"):
        extract_text_page(page, text_rules(), "https://news.example.com/news/")


def test_the_comment_section_s_notices_are_not_the_article_s():
    """The notices of a comment section, which speak to the reader ('Du musst angemeldet
    sein…', 'Bitte achten Sie darauf…'), are chrome; the article's own mention of a comment
    ('lehnte … einen Kommentar ab', '… lehnte sie ab': she, not the reader) is its text."""
    story = (
        *LESEN,
        "Der Präsident der Universität lehnte auf Anfrage einen Kommentar zu der Studie ab, "
        "verwies aber auf ein Programm zur Leseförderung, das im kommenden Jahr an allen "
        "Fakultäten beginnen soll und für das bereits Mittel bewilligt worden seien.",
        "Auch die Ministerin wurde gefragt. Einen Kommentar dazu lehnte sie ab.",
    )
    extracted = extract_text_page(
        text_page(
            "Niedersachsen",
            "Forscher aus Osnabrück warnt: Studierende verlernen das Lesen",
            "Stand: 17.06.2025 18:24 Uhr",
            *story,
            "Bitte achten Sie darauf, dass Ihre Kommentare themenbezogen sind. Die "
            "Verantwortung für den Inhalt liegt allein bei den Verfassern der Kommentare.",
            "Kommentar hinzufügen",
            "Du musst angemeldet sein, um einen Kommentar abzugeben.",
        ),
        text_rules(),
    )
    assert extracted.paragraphs == story


def test_the_placeholder_of_an_embedded_video_is_not_the_article_s():
    """The placeholder of content from another site, shown until the reader consents to load
    it ('An dieser Stelle findest du einen externen Inhalt von YouTube…'), is chrome, though
    it sits between two paragraphs and reads as sentences."""
    extracted = extract_text_page(
        text_page(
            "Niedersachsen",
            "Forscher aus Osnabrück warnt: Studierende verlernen das Lesen",
            "Stand: 17.06.2025 18:24 Uhr",
            LESEN[0],
            "Empfohlener redaktioneller Inhalt",
            "An dieser Stelle findest du einen externen Inhalt von YouTube, der den Artikel "
            "ergänzt.",
            "Du kannst ihn dir mit einem Klick anzeigen lassen und wieder ausblenden.",
            "Ich bin damit einverstanden, dass mir Inhalte von YouTube angezeigt werden.",
            *LESEN[1:],
        ),
        text_rules(),
    )
    assert extracted.paragraphs == LESEN


@pytest.mark.parametrize(
    "caption",
    [
        "Marco Buschmann und Lisa Paus bei der Vorstellung der Eckpunkte des Gesetzes "
        "Foto: Felix Zahn/imago",
        "Engineer Gihad Ibrahim had to leave his home when civil war broke out.Credit: "
        "Mashreq University",
        "A file photograph shows the minister speaking in Shah Alam on November 19, 2024. "
        "— Picture by Yusof Mat Isa",
        "Viel Ruhe, Schlaf und Erholung helfen, wieder zu Kräften zu kommen.Unsplash/Kelly Sikkema",
    ],
)
def test_a_caption_with_its_credit_glued_to_its_words_is_a_caption(caption):
    """A photo's credit glued to the caption's last words (no full stop, or no space after it)
    still marks the line as a caption."""
    assert classify_line(caption, text_rules()).kind == Kind.CAPTION


def test_a_sentence_that_ends_on_a_name_after_a_colon_is_no_caption():
    line = "Der Verein nennt das neue Heim so: Haus am See"
    assert classify_line(line, text_rules()).kind != Kind.CAPTION


@pytest.mark.parametrize("credit", ["Quelle: dpa", "Source: China Statistical Yearbook"])
def test_a_credit_on_its_own_line_is_chrome(credit):
    """A chart's or a photo's source on its own line is not a paragraph of the article."""
    assert classify_line(credit, text_rules()).kind == Kind.CHROME


def test_a_dated_source_line_is_not_taken_for_a_credit():
    """'Quelle: BILD 15.05.2023' dates a video's card: it stays a line that parts the text
    from what follows."""
    assert classify_line("Quelle: BILD 15.05.2023", text_rules()).kind != Kind.CHROME


def test_a_newsletter_box_and_a_most_read_box_in_german_end_the_article():
    """A newsletter's box and its button ('Jetzt kostenlos anmelden!'), a 'Häufig gelesen'
    box and its links, and the comment form's 'Ihren Namen … speichern' are not the
    article's, though the box's pitch reads as a sentence."""
    extracted = extract_text_page(
        text_page(
            "Niedersachsen",
            "Forscher aus Osnabrück warnt: Studierende verlernen das Lesen",
            "Stand: 17.06.2025 18:24 Uhr",
            *LESEN,
            "Osnabrück-Newsletter: Jetzt kostenlos anmelden!",
            "Nachrichten, Service, Reportagen: Jeden Tag wissen, was in unserer Stadt los ist.",
            "Jetzt Anmelden!",
            "Häufig gelesen",
            "Das Lesezentrum der Stadt schließt vorübergehend. Die Bücher werden in der "
            "Zwischenzeit in der Bibliothek am Markt ausgeliehen, die länger geöffnet hat.",
            "Ihren Namen für das nächste Mal speichern.",
        ),
        text_rules(),
    )
    assert extracted.paragraphs == LESEN
