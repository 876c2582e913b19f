"""Issue 18: a large vocabulary splits /sujets/ into letter pages, paginated, so no page of
the topic index grows with the vocabulary."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from chronique.site.bench import make_synthetic_site
from chronique.site.build import build_site
from tests.conftest import REPO
from tests.site.helpers import sitemap_lastmods

pytestmark = pytest.mark.slow

LIMIT = 10
PER_PAGE = 15


@pytest.fixture(scope="module")
def output(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("letters")
    make_synthetic_site(REPO, root, 120, 40)
    with (root / "pelicanconf.py").open("a", encoding="utf-8") as settings:
        settings.write(
            f"\nCHRONIQUE_TOPIC_INDEX_LIMIT = {LIMIT}\n"
            f'PAGINATED_TEMPLATES = {{**PAGINATED_TEMPLATES, "topic_letter": {PER_PAGE}}}\n'
        )
    build_site(root / "pelicanconf.py", root / "output")
    return root / "output"


def topic_links(page: Path) -> list[str]:
    text = page.read_text(encoding="utf-8")
    main = text[text.index("<main") : text.index("</main>")]
    return re.findall(r'href="(/sujets/(?!lettre/)[^"/]+/)"', main)


def test_the_index_links_letter_pages_instead_of_every_topic(output: Path) -> None:
    folders = (output / "sujets").iterdir()
    topics = sorted(f"/sujets/{p.name}/" for p in folders if p.is_dir() and p.name != "lettre")
    assert len(topics) > LIMIT
    index = (output / "sujets" / "index.html").read_text(encoding="utf-8")
    assert 'href="/sujets/lettre/s/"' in index
    assert len(set(topic_links(output / "sujets" / "index.html"))) < len(topics)

    letter_pages = sorted((output / "sujets" / "lettre").rglob("index.html"))
    assert len(letter_pages) == -(-len(topics) // PER_PAGE)
    listed = [link for page in letter_pages for link in topic_links(page)]
    assert sorted(listed) == topics
    second = (output / "sujets" / "lettre" / "s" / "page" / "2" / "index.html").read_text("utf-8")
    assert 'rel="prev" href="/sujets/lettre/s/"' in second
    assert 'aria-current="page">S</a>' in second


def test_letter_pages_are_in_the_sitemap(output: Path) -> None:
    urls = set(sitemap_lastmods(output))
    assert any(url.endswith("/sujets/lettre/s/") for url in urls)
    assert not any("/sujets/lettre/s/page/" in url for url in urls)
