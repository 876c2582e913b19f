"""How the plain-text reader chooses a page's title among its headline-shaped lines.

Pages in the styles of real sites, each with a distinct way of misleading a reader that
takes the nearest headline, are in ``sites/`` (asserted by ``test_ingest_sites.py``);
these tests cover the evidence the reader takes from outside the page: its URL.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from chronique.ingest.chrome import load_chrome_patterns
from chronique.ingest.headlines import slug_stems
from chronique.ingest.text_page import TextRules, extract_text_page
from tests.ingest.helpers import FIXTURES, ingest_one, make_config, text_page, text_rules

#: A page with two headlines about one story: its own and a 'Lire aussi' link.
PAGE = FIXTURES / "two_headlines_one_story.txt"
MARKETS = "Les Bourses européennes reculent après les chiffres de l'emploi américain"
JOBS = "L'emploi américain ralentit en juin, le chômage remonte à 4,1 % selon les chiffres publiés vendredi"
SITE = "https://www.quotidiendusud.fr/economie/2024/07/05/"


def _title(source_url: str | None) -> str:
    rules = TextRules(load_chrome_patterns(()), ("Économie",))
    return extract_text_page(PAGE.read_text(encoding="utf-8"), rules, source_url).title


@pytest.mark.parametrize(
    ("slug", "title"),
    [
        ("les-bourses-europeennes-reculent-apres-les-chiffres-de-l-emploi-americain", MARKETS),
        ("l-emploi-americain-ralentit-en-juin-le-chomage-remonte", JOBS),
    ],
)
def test_the_url_slug_names_which_headline_is_the_page_s(slug: str, title: str):
    assert _title(SITE + slug) == title


def test_without_a_url_the_headline_with_its_byline_is_the_title():
    assert _title(None) == MARKETS


def test_a_url_without_words_is_no_evidence():
    assert slug_stems("https://www.example.com/news/articles/c4ng0j5y0o") == frozenset()
    assert slug_stems("https://www.example.com/2024/07/05/123456.html") == frozenset()
    assert _title("https://www.example.com/news/articles/c4ng0j5y0o") == MARKETS


def test_ingest_passes_the_source_url_to_the_text_reader(tmp_path: Path):
    config = make_config(tmp_path)
    url = SITE + "l-emploi-americain-ralentit-en-juin-le-chomage-remonte"
    ingested = ingest_one(PAGE, config, source_url=url, category="Économie")
    assert ingested.data["title"] == JOBS


def test_a_related_story_s_headline_above_the_title_is_not_its_short_headline():
    page = Path(__file__).parent / "sites" / "kinja_lifehacker.txt"
    rules = TextRules(load_chrome_patterns(()), ())
    extracted = extract_text_page(page.read_text(encoding="utf-8"), rules)
    assert extracted.title == "How To Cancel The Subscriptions You Never Use"
    assert extracted.subtitle is None


def test_a_headline_far_above_the_text_without_a_byline_is_another_box_s():
    """A teaser at the top of a long page (36 menu lines above the text) shares the story's
    words, but without a byline beside it or a URL naming it, the heading nearest the text
    is the title."""
    teaser = "Tramway de Montpellier : vingt-cinq ans de ligne entre la gare et le nord"
    menu = "\n".join(f"Rubrique numéro {n} du site" for n in range(36))
    text = (
        f"{teaser}\n\n{menu}\n\nSommaire\nHistoire de la ligne de la ville\n\n"
        "Le conseil municipal a voté lundi soir, après plus de quatre heures de débats, le "
        "principe d'une nouvelle ligne de tramway entre la gare et les quartiers du nord de la "
        "ville, un projet attendu depuis une dizaine d'années par les habitants.\n\n"
        "La ligne, longue de neuf kilomètres, doit desservir seize stations et transporter "
        "jusqu'à quarante mille voyageurs par jour. Les premiers travaux commenceront au "
        "printemps prochain, selon le calendrier présenté par la maire.\n"
    )
    extracted = extract_text_page(text, TextRules(load_chrome_patterns(()), ()))
    assert extracted.title == "Histoire de la ligne de la ville"


def test_a_dek_as_long_as_the_headline_above_it_is_not_the_title():
    """Telegraph style: the headline, then a dek of as many words that says more of the
    text's words, then the byline: the upper line is the title."""
    title = "The best electric blankets to keep you cosy this winter, from £30"
    text = (
        "Home\nRecommended\nHome & Garden\nBroadband deals\n\n"
        f"{title}\nElectric blankets are a cheaper way to stay warm than heating rooms\n"
        "By Jane Porter 12 October 2023 • 9:15am\n\n"
        "An electric blanket warms the bed in minutes, and heating one bed at night costs a "
        "fraction of what it costs to heat every room of the house through a cold night, our "
        "tests found.\n\n"
        "We tested twelve electric blankets over three weeks, measuring how warm each one kept "
        "the bed, how cheaply it ran, and how easily it could be washed after a season of use.\n"
    )
    extracted = extract_text_page(text, TextRules(load_chrome_patterns(()), ()))
    assert extracted.title == title
    assert (
        extracted.standfirst
        == "Electric blankets are a cheaper way to stay warm than heating rooms"
    )


def test_a_shorter_line_under_the_headline_s_date_line_is_its_dek():
    """Trade-press style: a long headline, its 'Last Updated' line, then a shorter line
    that says more of the text's words before the text: the date line binds the headline
    above it, and the line under the date is its dek, not the title."""
    title = "Rewriting the Rules of Remote Support in 2025: Helpdesk Vendor Adds Screen Sharing to Its Ticketing Platform"
    text = (
        "Cloud Help Desk\nRemote Support\nInventory Online\nAll IT Tools\nLogin Join\n\n"
        "IT Strategy\n"
        f"{title}\n"
        "Last Updated: March 3, 2025\n"
        "Helpdesk Vendor Launches Screen Sharing for Support Teams\n\n"
        "The helpdesk vendor launched screen sharing for support teams on Monday, letting "
        "technicians see a user's screen from inside a ticket without installing another tool.\n\n"
        "Support teams can start a session from the ticket, record it for later review and "
        "hand it to a colleague, the vendor said, and the feature comes at no extra cost.\n"
    )
    extracted = extract_text_page(text, TextRules(load_chrome_patterns(()), ()))
    assert extracted.title == title
    assert extracted.standfirst == "Helpdesk Vendor Launches Screen Sharing for Support Teams"


def test_a_headline_under_its_kicker_is_the_title_not_a_dek():
    """Tages-Anzeiger style: a few words of topic above the headline; the headline under it
    is no dek of it."""
    title = "Bund und Kantone einigen sich auf einen neuen Zeitplan für den Tunnel"
    text = (
        "Startseite\nSchweiz\nInternational\nWirtschaft\n\n"
        f"Streit um die Gotthard-Sanierung\n{title}\n\n"
        "Von Anna Muster, Bern\n18.05.2026, 12:19 Uhr\n\n"
        "Nach monatelangem Streit um die Sanierung des Gotthard-Tunnels haben sich Bund und "
        "Kantone am Montag auf einen neuen Zeitplan geeinigt, wie das Bundesamt für Strassen "
        "mitteilte.\n\n"
        "Die Arbeiten sollen nun im Herbst beginnen und drei Jahre dauern. Während der "
        "Sanierung bleibt der Tunnel nachts gesperrt, der Verkehr wird über den Pass umgeleitet.\n"
    )
    extracted = extract_text_page(text, TextRules(load_chrome_patterns(()), ()))
    assert extracted.title == title
    assert extracted.subtitle == "Streit um die Gotthard-Sanierung"


def test_a_title_ending_with_an_abbreviated_title_and_a_name_is_no_caption():
    """The Intercept style: 'Sen. Maria Lopez' ends the headline; the full stop of 'Sen.'
    ends no sentence, so the name after it is no photo credit."""
    title = "What the Ethics Hearing Revealed About the Case Against Sen. Maria Lopez"
    text = (
        "The\nDaily Ledger_\nDonate\nBecome a member\n\n"
        f"{title}\n\nJane Porter\nApril 28 2023, 3:54 p.m.\n\n"
        "The ethics committee heard four hours of testimony on Thursday about the complaint "
        "against Sen. Maria Lopez, who is accused of using campaign funds to pay for a family "
        "trip.\n\n"
        "Lopez, who has denied any wrongdoing, told reporters after the hearing that the "
        "complaint was an attempt by her opponents to end her career before the next election.\n"
    )
    extracted = extract_text_page(text, TextRules(load_chrome_patterns(()), ()))
    assert extracted.title == title


def _read(text: str) -> str:
    return extract_text_page(text, TextRules(load_chrome_patterns(()), ())).title


def test_key_points_under_the_headline_are_not_the_title():
    """Daily Mail style: the headline, then three shorter key points about the same story
    (each sharing more of the text's words), then the byline: the headline is the title."""
    title = "Your pound coins could be worth THOUSANDS - here's how to check for the rare error"
    text = (
        "Home\nNews\nSport\nMoney\nTravel\nProperty\n\n"
        f"{title}\n"
        "Coin collectors across the country are hunting for rare pound coins\n"
        "Two batches of coins minted in 2014 and 2016 carry a printing error\n"
        "Collectors pay thousands of pounds for coins from those batches\n"
        "By JANE PORTER FOR MONEYMAIL.COM\n"
        "Published: 15:56 BST, 27 April 2024 | Updated: 15:57 BST, 27 April 2024\n\n"
        "Think twice before you spend the coins in your purse: some could fetch thousands of "
        "pounds from collectors, who pay well for rare coins with a printing error.\n\n"
        "Coin collectors are hunting for two batches of pound coins minted in 2014 and 2016, "
        "whose printing error makes them rare, and they pay up to five thousand pounds a coin.\n"
    )
    assert _read(text) == title


def test_a_dek_of_several_sentences_beside_the_byline_is_not_the_title():
    """Hamburger Abendblatt style: the dek opens with a dateline and runs to two sentences
    and a question; it shares more of the text's words than the headline, which only the
    URL names, but a headline is one sentence."""
    title = "Berger im Rathaus: Nur eine Etappe zum großen Sprung?"
    text = (
        "Startseite\nHamburg\nPolitik\nSport\nKultur\n\n"
        f"{title}\n"
        "Hamburg. Die frühere Senatorin tritt heute ihr Amt als Präsidentin der Bürgerschaft "
        "an. Aber hat sie ein ganz anderes Ziel?\n"
        "Von Christian Muster, Redakteur\n09.09.2025, 09:58 Uhr\n\n"
        "Die frühere Senatorin Anna Berger tritt am Dienstag ihr neues Amt als Präsidentin der "
        "Bürgerschaft an, und schon wird über ihr nächstes Ziel gesprochen.\n\n"
        "Als Präsidentin der Bürgerschaft leitet Berger die Sitzungen des Parlaments und "
        "vertritt es nach außen, ein Amt, das in Hamburg als Stufe zu höheren Ämtern gilt.\n"
    )
    url = "https://www.abendblatt.example/politik/article4085/anna-berger-buergerschaft-amt.html"
    rules = TextRules(load_chrome_patterns(()), ())
    assert extract_text_page(text, rules, url).title == title


def test_a_line_between_two_photo_credits_is_a_caption_not_the_title():
    """Kleine Zeitung style: a caption stands between a photo's credit repeated above and
    below it, right over the byline; it shares more words with the text, but the headline
    at the top of the page is the title."""
    title = "Nur ein Drittel der Kinder kam am Montag in die Schule"
    text = (
        "Zum Inhalt\nWetter\nAbo E-Paper Club Shop Gutscheine Werbung\nMENÜ Suche\n\n"
        f"Notbetrieb nach Hochwasser\n{title}\n"
        "Viele Eltern im Tal schickten ihre Kinder am Montag nicht in die Schulen und "
        "Kindergärten. In den Pflegeheimen galt ein Notfallplan.\n\n"
        "© Anna Muster\n"
        "Auch im kürzlich feierlich wiedereröffneten Schulzentrum Süd fanden sich am Montag nur "
        "wenige Kinder in den Klassen ein\n"
        "© Anna Muster\nAnna Muster\n30. Juni 2025,\n15:59 Uhr\n\n"
        "Am Samstagabend meldete die Warn-App der Gemeinde das Hochwasser: Schulen und "
        "Kindergärten im Schulzentrum würden am Montag nur im Notbetrieb geöffnet sein, und die "
        "Eltern sollten ihre Kinder am Montag möglichst zu Hause lassen.\n\n"
        "Viele Eltern folgten der Empfehlung, sofern es für sie möglich war. In den Klassen des "
        "Schulzentrums saßen am Montag nur wenige Kinder, berichtete die Bürgermeisterin.\n"
    )
    assert _read(text) == title


def test_a_dek_under_its_headline_loses_though_it_says_more_of_the_text():
    """Il Giornale style: a long dek right under the headline, over the byline, repeats
    more of the text's words than the headline does; it is still the dek."""
    title = 'Le "incursioni" dei caccia russi e la mossa dei jet Usa: cosa succede nell\'Artico'
    text = (
        "Cronaca\nMondo\nCultura e Spettacoli\nSport\nTecnologia\nSalute\n\n"
        f"{title}\n"
        "La rete del Norad attiva caccia americani e canadesi per monitorare i jet russi\n"
        "Marco Rossi 4 Febbraio 2025 - 14:41\n\n"
        "L'Artico si afferma sempre di più come un'area di importanza strategica: la rete di "
        "difesa aerea del Norad ha attivato caccia americani e canadesi per monitorare i jet "
        "russi in esercitazione.\n\n"
        "La scorsa settimana il Norad ha monitorato le operazioni degli aerei russi vicino "
        "all'Alaska, senza che i jet entrassero nello spazio aereo americano o canadese.\n"
    )
    assert _read(text) == title


def test_a_title_ending_with_an_initialism_and_a_word_is_no_caption():
    """The Japan News style: '… Japan-U.S. Pact' ends the headline; the full stop of 'U.S.'
    ends no sentence, so the word after it is no photo credit."""
    title = "Prime Minister Dodges Criticism in Debate; Takes Cautious Stance on Japan-U.S. Pact"
    text = (
        "Home>Politics>Politics & Government\nPolitics & Government\n\n"
        f"{title}\nPost\nShare\nPost\n\n"
        "By Jane Porter / Staff Writer\n17:41 JST, October 13, 2024\n\n"
        "The prime minister kept to cautious answers on the security pact during Saturday's "
        "debate of party leaders, saying the criticism of his stance would not change it.\n\n"
        "The leaders of seven parties met for the debate ahead of the general election, and "
        "the prime minister was asked twice whether he would revise the pact.\n"
    )
    assert _read(text) == title


def test_a_japanese_title_under_the_site_s_breadcrumb_is_no_dek():
    """Nikkan Gendai style: the site's name and section run as one line over the headline;
    in a script without spaces that line shares no ideographs with the text, so the
    headline under it is no dek, and a shorter subhead under the share buttons loses."""
    title = "プロ野球の春季キャンプで新人選手が躍動！球団関係者も驚く打撃練習の成果とは"
    text = (
        "5.8万 16.7万\n政治/社会 芸能 スポーツ ライフ 経済 健康 コミック 競馬 書籍\n"
        "会員登録 ログイン\n野球 ゴルフ 格闘技 サッカー その他 コラム\n"
        "コラム一覧 著者一覧 書籍 紙面\n夕刊ゲンダイDIGITAL スポーツ 野球 記事\n"
        f"{title}\n"
        "公開日：2025/02/10 11:30\u3000更新日：2025/02/10 11:30\n"
        "ポスト\nシェアする\n印刷\n"
        "紅白戦、打撃練習、守備練習…新人選手は連日の練習にも笑顔\n"
        "この記事の画像を見る(2枚)\n"
        "プロ野球の春季キャンプが始まり、今年入団した新人選手たちが連日の練習で存在感を見せている。"
        "球団関係者は打撃練習の成果に驚きを隠さない。\n"
        "ある球団の新人選手は、初日の打撃練習で柵越えを連発した。"
        "コーチは「新人選手がここまで打つとは思わなかった」と話し、春季キャンプの成果を評価した。\n"
        "紅白戦でも新人選手の活躍が目立ち、球団は開幕に向けて期待を高めている。"
        "練習の後も新人選手たちは室内で打撃練習を続けた。\n"
    )
    assert _read(text) == title


#: n-tv style: the headline for screen readers with its kicker's colon, then the kicker and
#: headline the eye sees, which the copy runs together on one line.
KICKER_PAGE = (
    "Live-TV\nStartseite Leben\n"
    "Neue Dresdner Malerei: Ein Galerist, ganz und gar nicht gewöhnlich\n"
    "Leben\n"
    "Neue Dresdner Malerei Ein Galerist, ganz und gar nicht gewöhnlich\n"
    "Von Anna Muster 28.04.2023, 18:11 Uhr\n\n"
    "Der Galerist hat in vierzig Jahren aus einer kleinen Wohnung in Dresden eine der "
    "bekanntesten Galerien des Landes gemacht, und gewöhnlich war an ihm nie etwas.\n\n"
    "Seine ersten Ausstellungen zeigte der Galerist in seiner Wohnung, die Besucher kamen "
    "trotz der Polizei, und viele der Maler von damals stellen heute in großen Museen aus.\n"
)


@pytest.mark.parametrize(
    ("url", "title"),
    [
        (
            "https://www.n-tv.example/leben/Ein-Galerist-ganz-und-gar-nicht-gewoehnlich-article2407.html",
            "Ein Galerist, ganz und gar nicht gewöhnlich",
        ),
        (
            "https://www.n-tv.example/leben/Neue-Dresdner-Malerei-ein-Galerist-article2407.html",
            "Neue Dresdner Malerei: Ein Galerist, ganz und gar nicht gewöhnlich",
        ),
        (None, "Neue Dresdner Malerei: Ein Galerist, ganz und gar nicht gewöhnlich"),
    ],
)
def test_a_kicker_the_url_leaves_out_is_not_part_of_the_title(url: str | None, title: str):
    """The URL is written from the headline: when it names the headline's words and not one
    of the kicker's, the kicker printed apart is a label over the title, not part of it."""
    rules = TextRules(load_chrome_patterns(()), ())
    assert extract_text_page(KICKER_PAGE, rules, url).title == title


def test_a_kicker_set_over_its_headline_by_a_mark_of_its_own_is_not_the_title():
    """SRF style: the kicker, a dash kept for screen readers on a line of its own, then the
    headline (a quotation that shares fewer of the text's words than the kicker does)."""
    title = "«Wir haben keine andere Wahl als zu warten»"
    text = (
        "Zum Inhalt springen\nHeader\nNews\nSport\nMeteo\nKultur\nWissen\n\n"
        f"Aktueller Artikel\nInhalt\nStreit um die Rüstungsexporte\n-\n{title}\n\n"
        "Die Regierung hält sich im Streit um die Rüstungsexporte zurück, und das hat nach "
        "Ansicht des Politologen vor allem mit den Wahlen im Herbst zu tun.\n\n"
        "Im Streit um die Rüstungsexporte erklärt der Politologe die Zurückhaltung der "
        "Regierung mit den Umfragen: Vor den Wahlen wolle niemand einen neuen Streit riskieren.\n"
    )
    assert _read(text) == title


def test_a_url_that_spells_umlauts_as_two_letters_names_the_headline():
    """A German URL writes 'ü' as 'ue' ('/gruene-fordern-hoehere-gebuehren-…'): its words
    are the headline's all the same, and name it over the one beside the byline."""
    named = "Grüne fordern höhere Gebühren für Müllabfuhr"
    nearest = "Stadtrat streitet über neue Abgaben für die Haushalte"
    text = (
        "Startseite\nLokales\nPolitik\nSport\nKultur\n\n"
        f"{named}\n\nLokales\nAnzeige\n\n{nearest}\nVon Anna Muster, 05.07.2024, 18:00 Uhr\n\n"
        "Der Stadtrat hat am Donnerstag lange über neue Abgaben für die Haushalte gestritten, "
        "höhere Gebühren, die eine Fraktion für das kommende Jahr fordert.\n\n"
        "Die Haushalte zahlen heute weniger Abgaben als in den Nachbarstädten, sagte die "
        "Sprecherin der Fraktion im Stadtrat; die Abgaben deckten die Kosten nicht mehr.\n"
    )
    url = "https://www.stadtanzeiger.example/lokales/gruene-fordern-hoehere-gebuehren-fuer-muellabfuhr-1234.html"
    rules = TextRules(load_chrome_patterns(()), ())
    assert extract_text_page(text, rules).title == nearest
    assert extract_text_page(text, rules, url).title == named


def test_a_korean_title_shares_the_text_s_words_under_their_particles():
    """Hankook Ilbo style: the headline over '입력'/'수정' date lines, then key points, a
    photo's caption, a quote and the candidate's name and office (every word of which is
    the text's) right above the text. Korean glues particles to its words ('광주가',
    '광주를', '고향에서'): compared by their first syllables, the headline's words are the
    text's too, and the headline beside its date lines is the title."""
    title = "\"부산과 광주가 왜 싸우나\"... 고향에서 '지역 화합' 외친 김민수"
    text = (
        "뉴스\n정치\n경제\n사회\n국제\n문화\n스포츠\n구독안내\n"
        f"{title}\n"
        "입력\n2025.05.15 20:00\n수정\n2025.05.15 20:57\n4면\n좋아요\n0\n댓글달기 0\n"
        "金 부산, 광주 찾아 유세\n"
        '"시민끼리 싸우는 시대 끝내겠다" 선언\n'
        "이미지 확대보기\n"
        "김민수 미래연합 시장 후보가 15일 광주 동구 충장로에서 열린 유세에서 연설하고 있다. "
        "연합뉴스\n"
        '"부산과 광주로 나눠서 왜 싸우나."\n'
        "김민수 미래연합 시장 후보\n"
        "이틀간의 부산 유세를 마친 김민수 미래연합 시장 후보는 15일 고향인 광주를 찾아 '화합'을 "
        "키워드로 표밭을 다졌다. 부산에서 광주를 잇는 유세로 지역과 세대를 아우르는 화합의 "
        "지도자 면모를 부각하겠다는 전략이다.\n"
        '김 후보는 이날 충장로 유세에서 "부산과 광주가 나눠서 싸우는 시대는 끝내야 한다"며 '
        '"지역 화합이 도시의 미래"라고 강조했다. 유세장에는 시민 수천 명이 모여 후보의 이름을 '
        "연호했다.\n"
        '그는 고향 광주의 청년들과 간담회를 열고 일자리 공약을 설명했다. 김 후보는 "청년이 '
        '떠나지 않는 도시를 만들겠다"며 지역 화합과 청년 일자리를 함께 약속했다.\n'
    )
    assert _read(text) == title


#: A story on a blogging platform, copied with the editor's bar of its owner's session: the
#: buttons run together beside the author's name, nearer the text than the headline.
BLOG_EDITOR_BAR = (
    "Ready to publish?",
    "Dana Whitfield",
    "6 min read",
    "{buttons}",
    "Dana Whitfield",
    "on Mar 9",
    "Next story",
    "Next story",
    "Why Our Town Paper Still Prints on Thursdays",
    "Share on Twitter",
    "Share on Facebook",
    "",
    "Every Thursday at four in the morning, the press in the basement of our building starts"
    " to turn and print the changes we publish, and by six the featured stories are on the"
    " vans that still drive them to the gas stations and the diners of the county.",
    "",
    "We have been asked many times why we bother. The answer is that a third of our readers"
    " are over seventy, and many of them have never read a story on a screen and never"
    " will, whatever the people who sell us software believe.",
)


def test_a_row_of_buttons_beside_the_byline_is_not_the_title():
    lines = [line.format(buttons="Featured Close Publish changes") for line in BLOG_EDITOR_BAR]
    page = extract_text_page(text_page(*lines), text_rules())
    assert page.title == "Why Our Town Paper Still Prints on Thursdays"


@pytest.mark.parametrize(
    "row",
    ["Featured Close Publish changes", "FeaturedClosePublish changes", "Teilen Drucken Merken"],
)
def test_a_row_of_button_labels_is_chrome(row: str):
    assert text_rules().chrome.is_chrome(row)


@pytest.mark.parametrize(
    "line", ["Publish or Perish at the Town Paper", "Close the door", "Share your story with us"]
)
def test_a_line_with_button_words_among_others_is_not_chrome(line: str):
    assert not text_rules().chrome.is_chrome(line)


def test_a_headline_or_a_sentence_that_names_buttons_stays_as_written():
    prose = (
        "Close the door, the mayor told the council, and publish the changes before the vote"
        " on Thursday, so that every resident can read them."
    )
    lines = [*BLOG_EDITOR_BAR[:4], "Dana Whitfield", "Publish or Perish at the Town Paper"]
    lines += [*BLOG_EDITOR_BAR[11:13], "", prose, *BLOG_EDITOR_BAR[13:]]
    page = extract_text_page(text_page(*lines), text_rules())
    assert page.title == "Publish or Perish at the Town Paper"
    assert prose in page.paragraphs


#: A metropolitan daily's story whose headline ends in the city's initials.
CITY_DESK = (
    "Sections",
    "SEARCH",
    "Skip to contentSkip to site index",
    "Subscribe",
    "Log In",
    "",
    "Supported by",
    "",
    "Salt, Rats and Century-Old Mains: Why the Water Pipes Keep Bursting Across N.Y.C.",
    "",
    "Winter cold and corroding iron make the city’s oldest pipes crack, and crews are racing"
    " to keep up.",
    "",
    "Image",
    "A crew repairing a water main this month in Harlem.CreditCreditAnna Ruiz/The City Paper",
    "",
    "By Lena Moritz",
    "Feb. 21, 2019",
    "",
    "A water main broke under Amsterdam Avenue on Tuesday morning, flooding the basements of"
    " a dozen buildings and leaving hundreds of residents without water for most of the day,"
    " the third such break in Manhattan this month.",
    "",
    "Engineers say the city’s mains, some of them laid before 1900, crack when the ground"
    " freezes and thaws, and that rock salt spread on the streets speeds up the corrosion of"
    " the iron. Officials said a new plan would replace them faster than before.",
    "",
    "The plan was first announced by the mayor, who moved from Ohio to the U.S.",
)


def test_a_headline_in_title_case_may_end_in_an_initialism():
    page = extract_text_page(text_page(*CITY_DESK), text_rules())
    assert (
        page.title
        == "Salt, Rats and Century-Old Mains: Why the Water Pipes Keep Bursting Across N.Y.C."
    )
    assert page.paragraphs[0].startswith("A water main broke")


def test_a_sentence_that_ends_in_an_initialism_stays_in_the_text():
    page = extract_text_page(text_page(*CITY_DESK), text_rules())
    assert (
        page.paragraphs[-1]
        == "The plan was first announced by the mayor, who moved from Ohio to the U.S."
    )
