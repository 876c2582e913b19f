"""Issue 19: markup in a title, subtitle, summary, image alt or credit or body reaches the search
fragments as text (``&lt;img``), never as markup (``<img``) that Pagefind's UI would put in the
search page. One article a case, all built in one site with search on."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from PIL import Image

from chronique.site.build import build_site
from chronique.site.search import FRAGMENT_SIGNATURE, escape_fragments, read_fragment
from tests.conftest import SiteCopy, copy_site
from tests.hostile.scan import fragment_findings

PAYLOAD = "<img src=x onerror=alert(1)>"
ESCAPED = "&lt;img src=x onerror=alert(1)&gt;"
ARTICLE = """\
---
title: {title}
date: 2025-03-{day:02d}T10:00:00+01:00
category: Monde
tags: [Ukraine]
summary: {summary}
lang: fr
slug: {slug}
{extra}---

Le mot repère {slug} ouvre ce texte. {body}
"""


def fields(**given: str) -> dict[str, str]:
    values = {"title": "Un titre", "summary": "Un résumé.", "extra": "", "body": "Texte."}
    return {**values, **given}


def quoted(text: str) -> str:
    return json.dumps(text)


CASES = {
    "markup in a title": fields(title=quoted(f"Titre {PAYLOAD} piégé")),
    "escaped markup in a title": fields(title=quoted(f"Titre {ESCAPED} piégé")),
    "markup in a subtitle": fields(extra=f"subtitle: {quoted(PAYLOAD)}\n"),
    "escaped markup in a subtitle": fields(extra=f"subtitle: {quoted(ESCAPED)}\n"),
    "markup in a summary": fields(summary=quoted(f"Résumé {PAYLOAD}.")),
    "escaped markup in a summary": fields(summary=quoted(f"Résumé {ESCAPED}.")),
    "markup in an image alt": fields(
        extra=f"image: {{src: images/carte.png, alt: {quoted(PAYLOAD)}, credit: AFP}}\n"
    ),
    "markup in an image credit": fields(
        extra=f"image: {{src: images/carte.png, alt: Carte, credit: {quoted(PAYLOAD)}}}\n"
    ),
    "escaped markup in the body": fields(body=f"Un texte qui montre {ESCAPED} en clair."),
    "code in the body": fields(body=f"Le code `{PAYLOAD}` en clair."),
    "ampersand and angle brackets as text": fields(title=quoted("Arts & spectacles, a < b > c")),
}
SLUGS = {name: f"cas-{number}" for number, name in enumerate(CASES, start=1)}


@pytest.fixture(scope="module")
def fragments(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict]:
    """The built site's fragments, by the marker slug their article's text holds."""
    site: SiteCopy = copy_site(tmp_path_factory.mktemp("search"))
    site.index_search()
    (site.content / "images").mkdir(exist_ok=True)
    Image.new("RGB", (8, 8), "navy").save(site.content / "images" / "carte.png")
    for day, (name, values) in enumerate(CASES.items(), start=1):
        slug = SLUGS[name]
        site.write_article(f"2025/03/{slug}.md", ARTICLE.format(day=day, slug=slug, **values))
    build_site(site.settings, site.output)
    found: dict[str, dict] = {}
    for path in (site.output / "pagefind" / "fragment").glob("*.pf_fragment"):
        fragment = read_fragment(path)
        assert not fragment_findings(path), fragment
        for slug in SLUGS.values():
            if f"/{slug}/" in fragment["url"]:
                found[slug] = fragment
    return found


@pytest.mark.slow
@pytest.mark.parametrize("name", list(CASES))
def test_search_fragments_hold_markup_as_text(fragments: dict[str, dict], name: str) -> None:
    fragment = fragments[SLUGS[name]]
    texts = [fragment["content"], *fragment["meta"].values()]
    assert all("<" not in text for text in texts), texts
    assert SLUGS[name] in fragment["content"]


@pytest.mark.slow
def test_text_with_ampersands_and_brackets_stays_readable(fragments: dict[str, dict]) -> None:
    fragment = fragments[SLUGS["ampersand and angle brackets as text"]]
    assert fragment["meta"]["title"] == "Arts &amp; spectacles, a &lt; b &gt; c"


def test_escaping_a_fragment_keeps_its_words_and_addresses(tmp_path: Path) -> None:
    bundle = tmp_path / "pagefind"
    (bundle / "fragment").mkdir(parents=True)
    path = bundle / "fragment" / "fr_1.pf_fragment"
    original = {
        "url": "/2025/03/x/",
        "content": "Titre <img src=x> & fin.",
        "word_count": 4,
        "meta": {"title": "<b>Titre</b>", "image": "/images/a.png?w=1&h=2"},
        "anchors": [{"element": "h2", "id": "a", "text": "<i>Partie</i>", "location": 1}],
    }
    path.write_bytes(gzip.compress(FRAGMENT_SIGNATURE + json.dumps(original).encode()))
    assert fragment_findings(path)  # as Pagefind writes it
    escape_fragments(bundle)
    assert read_fragment(path) == {
        **original,
        "content": "Titre &lt;img src=x&gt; &amp; fin.",
        "meta": {"title": "&lt;b&gt;Titre&lt;/b&gt;", "image": "/images/a.png?w=1&h=2"},
        "anchors": [{**original["anchors"][0], "text": "&lt;i&gt;Partie&lt;/i&gt;"}],
    }
    assert len(read_fragment(path)["content"].split()) == len(original["content"].split())
    assert fragment_findings(path) == []
