"""Issue 17: `check` refuses images the build could not publish, before the build does."""

from __future__ import annotations

import re

import pytest

from chronique.config import load_config
from chronique.content.checks import check_content
from tests.conftest import SiteCopy
from tests.images.helpers import phone_photo
from tests.test_check import FILE, VALID, edit, write

LEAD = "image: {src: images/photo.jpg, alt: Une photo, credit: AFP}\nlang: fr"


def problems(site: SiteCopy, text: str) -> list[str]:
    path = write(site, FILE, text)
    return [str(p) for p in check_content(load_config(site.settings), [path]).errors]


@pytest.fixture
def photo(site: SiteCopy):
    return phone_photo(site.content / "images/photo.jpg", (800, 600))


def test_a_complete_lead_image_passes(site: SiteCopy, photo) -> None:
    assert problems(site, edit("lang: fr", LEAD)) == []


def test_a_lead_image_needs_a_credit(site: SiteCopy, photo) -> None:
    found = problems(site, edit("lang: fr", LEAD.replace(", credit: AFP", "")))
    assert len(found) == 1 and re.search(r":7:\d+: error: .*lead image has no credit", found[0])


def test_a_decorative_body_image_may_have_an_empty_alt(site: SiteCopy, photo) -> None:
    assert problems(site, VALID + "\n![]({static}/images/photo.jpg){.decorative}\n") == []
    assert problems(site, VALID + "\n![]({static}/images/photo.jpg){: .decorative}\n") == []
    (found,) = problems(site, VALID + "\n![]({static}/images/photo.jpg)\n")
    assert "has no alt text" in found and "{.decorative}" in found


@pytest.mark.parametrize(
    "make, fragment",
    [
        (lambda p: p.write_text("pas une image"), "not a JPEG, PNG, WebP or GIF image"),
        (lambda p: p.write_bytes(p.read_bytes()[:2000]), "corrupt or truncated"),
    ],
)
def test_an_unreadable_image_is_an_error(site: SiteCopy, photo, make, fragment: str) -> None:
    make(photo)
    (lead,) = problems(site, edit("lang: fr", LEAD))
    assert re.search(rf":7:\d+: error: image: image 'images/photo.jpg': {fragment}", lead), lead
    (body,) = problems(site, VALID + "\n![Une photo]({static}/images/photo.jpg)\n")
    assert re.search(rf":13:\d+: error: .*{fragment}", body), body


def test_a_link_out_of_content_is_refused(site: SiteCopy, tmp_path) -> None:
    outside = phone_photo(tmp_path / "ailleurs" / "photo.jpg", (300, 200))
    (site.content / "images").mkdir(exist_ok=True)
    (site.content / "images/photo.jpg").symlink_to(outside)
    (found,) = problems(site, edit("lang: fr", LEAD))
    assert "symbolic links are not read in content/" in found
