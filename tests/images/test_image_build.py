"""Issue 17 through a whole build: pictures on the pages, a cache that makes a rebuild
encode nothing, social cards, and a bad image that refuses the build naming its article."""

from __future__ import annotations

import logging
import re
import shutil
from pathlib import Path

import pytest
from PIL import Image

from chronique.cli.commands import run_build
from chronique.site.build import build_site
from chronique.site.images.cards import CARD_SIZE, CardText, render_card
from tests.conftest import REPO, SiteCopy
from tests.images.helpers import metadata_left, phone_photo
from tests.site.helpers import article_pages

ARTIFACT = REPO / "tests" / "artifacts" / "social-card.png"
LEAD = 'image: {src: images/photo.jpg, alt: "Des chars dans la neige", credit: "AFP"}\n'
FIGURE = '\n![Un village détruit]({static}/images/village.jpg "Un village de Koursk")\n'


def add_images(site: SiteCopy) -> Path:
    """The seed article gets a phone photo as lead image and a figure in its body."""
    phone_photo(site.content / "images/photo.jpg", (2400, 1600), orientation=6)
    phone_photo(site.content / "images/village.jpg", (1200, 800))
    article = site.seed_article()
    text = article.read_text(encoding="utf-8").replace("lang: fr\n", LEAD + "lang: fr\n", 1)
    article.write_text(text + FIGURE, encoding="utf-8")
    return article


def image_reports(caplog: pytest.LogCaptureFixture) -> list[tuple[int, int]]:
    """(encoded, from the cache) of each build, as the image step reports it."""
    return [r.args for r in caplog.records if r.name == "chronique.site.images.publish"]  # type: ignore[misc]


def article_html(site: SiteCopy) -> str:
    (page,) = article_pages(site.output, "2025/03")
    return page.read_text(encoding="utf-8")


def test_article_pages_use_pictures_with_dimensions(site: SiteCopy) -> None:
    add_images(site)
    build_site(site.settings, site.output)
    html = article_html(site)
    lead = re.search(r'<figure class="lead-image">.*?</figure>', html, re.S)[0]
    assert '<source type="image/webp" srcset="/images/photo.480w.webp 480w, ' in lead
    assert '<img src="/images/photo.jpg"' in lead
    assert 'width="1600" height="2400"' in lead  # upright: the phone was held vertically
    assert 'loading="lazy"' not in lead  # above the fold
    assert "AFP</figcaption>" in lead
    figure = re.search(r'<figure class="figure">.*?</figure>', html, re.S)[0]
    assert 'loading="lazy"' in figure and 'alt="Un village détruit"' in figure
    assert 'width="1200" height="800"' in figure
    assert "<figcaption>Un village de Koursk</figcaption>" in figure
    home = (site.output / "index.html").read_text(encoding="utf-8")
    assert 'src="/images/photo.480w.jpg"' in home and 'width="480" height="720"' in home


def test_published_images_carry_no_metadata(site: SiteCopy) -> None:
    add_images(site)
    build_site(site.settings, site.output)
    published = [p for p in (site.output / "images").iterdir() if p.is_file()]
    assert len(published) == 12  # two photos at three widths, in WebP and JPEG
    for path in published:
        assert metadata_left(path) == [], path


def test_a_rebuild_with_unchanged_images_encodes_nothing(
    site: SiteCopy, caplog: pytest.LogCaptureFixture
) -> None:
    add_images(site)
    caplog.set_level(logging.INFO, logger="chronique.site.images.publish")
    build_site(site.settings, site.output)
    first = {p.name: p.read_bytes() for p in (site.output / "images").iterdir()}
    build_site(site.settings, site.output)
    phone_photo(site.content / "images/village.jpg", (1000, 800))  # one image changes
    build_site(site.settings, site.output)
    again = {p.name: p.read_bytes() for p in (site.output / "images").iterdir()}
    # two photos and the seed article's social card; the unchanged rebuild keeps the published
    # version and publishes no image; then only the changed photo, the other from the cache
    # (the card, unchanged, is the previous version's file: it does not ask the cache)
    encoded, reused = zip(*image_reports(caplog), strict=True)
    assert encoded == (3, 1) and reused[1] == 1
    assert again["photo.jpg"] == first["photo.jpg"]


def test_the_seed_article_gets_a_social_card(site: SiteCopy) -> None:
    build_site(site.settings, site.output)
    html = article_html(site)
    card_url = re.search(r'<meta property="og:image" content="([^"]+)">', html)[1]
    assert card_url.endswith("/carte-sociale.png")
    assert f'<meta name="twitter:image" content="{card_url}">' in html
    (card,) = site.output.glob("2025/03/*/carte-sociale.png")
    with Image.open(card) as image:
        assert (image.size, image.format) == (CARD_SIZE, "PNG") == ((1200, 630), "PNG")
    ARTIFACT.parent.mkdir(exist_ok=True)
    shutil.copyfile(card, ARTIFACT)


def test_social_cards_are_deterministic() -> None:
    text = CardText(
        "Monde", "Conflit en Ukraine : la Russie reprend des villages " * 3, "Chronique"
    )
    assert render_card(text) == render_card(text)
    assert render_card(text) != render_card(CardText("Sport", text.title, "Chronique"))


def test_a_bad_lead_image_refuses_the_build_naming_the_article(
    site: SiteCopy, capsys: pytest.CaptureFixture[str]
) -> None:
    article = add_images(site)
    (site.content / "images/photo.jpg").write_text("pas une image", encoding="utf-8")
    assert run_build(str(site.settings)) == 1
    err = capsys.readouterr().err
    assert f"{article.relative_to(site.root)}" in err
    assert "image 'images/photo.jpg': not a JPEG, PNG, WebP or GIF image" in err
    assert not site.output.exists()
