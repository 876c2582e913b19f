"""Issue 17: ingest keeps a saved page's lead image, from disk only, under a hash name."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from chronique.ingest.images import find_page_image
from tests.images.helpers import phone_photo
from tests.ingest.helpers import FIXTURES, ingest_one, make_config

PAGE = """<!doctype html><html lang="fr"><head><meta charset="utf-8">
<title>{title}</title>
<meta property="og:title" content="{title}">
{head}
<meta property="article:published_time" content="2025-03-16T08:12:00+01:00">
</head><body><article><h1>{title}</h1>
<p>Les forces russes ont annoncé dimanche avoir repris deux localités dans la région de
Koursk, où les combats se poursuivent depuis l’été dernier, selon le ministère.</p>
{figure}
<p>{title}, écrit notre correspondant, qui a pu se rendre sur place cette semaine.</p>
<p>Kiev n’a pas confirmé ces affirmations et dit poursuivre ses opérations dans la région,
tandis que les attaques de drones se multiplient des deux côtés de la frontière.</p>
</article></body></html>
"""


def saved_page(folder: Path, title: str, head: str = "", figure: str = "") -> Path:
    path = folder / "page.html"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(PAGE.format(title=title, head=head, figure=figure), encoding="utf-8")
    return path


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_page_next_to_its_image_keeps_it_with_alt_and_credit(tmp_path, config):
    pages = tmp_path / "pages"
    pages.mkdir()
    page = shutil.copy(FIXTURES / "html_og_english.html", pages / "storm.html")
    photo = phone_photo(pages / "storm.jpg", (800, 600))
    image = ingest_one(Path(page), config, category="Monde").data["image"]
    assert image == {
        "src": f"images/{sha(photo)[:16]}.jpg",
        "alt": "A fallen tree on a road",
        "credit": "Jane Barlow/PA",
    }
    assert sha(config.content_path / image["src"]) == sha(photo)


def test_a_page_saved_complete_gives_its_og_image_from_page_files(tmp_path, config):
    folder = tmp_path / "saved"
    head = (
        '<meta property="og:image" content="https://www.exemple.fr/photos/koursk.jpg?w=1200">\n'
        '<meta property="og:image:alt" content="Un char dans un champ enneigé">'
    )
    page = saved_page(folder, "La Russie reprend deux villages de la région de Koursk", head)
    photo = phone_photo(folder / "page_files" / "koursk.jpg", (1000, 700))
    image = ingest_one(page, config, category="Monde").data["image"]
    assert image == {"src": f"images/{sha(photo)[:16]}.jpg", "alt": "Un char dans un champ enneigé"}


def test_a_figure_caption_gives_alt_and_credit_marked_by_the_page(tmp_path):
    figure = (
        '<figure><img src="page_files/a.jpg" alt=""><figcaption>Des soldats près de Soudja '
        '<span class="credit">© Photo : AFP</span></figcaption></figure>'
    )
    page = saved_page(tmp_path, "Titre", figure=figure)
    phone_photo(tmp_path / "page_files/a.jpg", (300, 200))
    found = find_page_image(page, page.read_bytes())
    assert (found.alt, found.credit) == ("Des soldats près de Soudja", "AFP")


def test_the_same_photo_twice_is_one_file_never_overwritten(tmp_path, config):
    figure = '<figure><img src="photo.jpg" alt="Une rue de Koursk"><figcaption>© Reuters</figcaption></figure>'
    first = saved_page(tmp_path / "a", "La Russie reprend deux villages de Koursk", figure=figure)
    second = saved_page(
        tmp_path / "b", "Frappes de drones sur la région de Belgorod", figure=figure
    )
    for folder in ("a", "b"):
        phone_photo(tmp_path / folder / "photo.jpg", (400, 300))
    one = ingest_one(first, config, category="Monde").data["image"]
    two = ingest_one(second, config, category="Monde").data["image"]
    assert one == two and one["credit"] == "Reuters"
    assert len(list((config.content_path / "images").iterdir())) == 1


def test_no_image_outside_the_page_folder_nor_unreadable_nor_without_alt(tmp_path):
    phone_photo(tmp_path / "secret.jpg", (300, 200))
    cases = {
        "escape": '<figure><img src="../secret.jpg" alt="Secret"></figure>',
        "text": '<figure><img src="faux.jpg" alt="Faux"></figure>',
        "no alt": '<figure><img src="vrai.jpg"></figure>',
        "remote only": '<figure><img src="https://www.exemple.fr/x.jpg" alt="Loin"></figure>',
    }
    for name, figure in cases.items():
        config = make_config(tmp_path / "archives" / name)
        folder = tmp_path / "pages" / name
        page = saved_page(folder, "Des drones abattus au-dessus de Koursk", figure=figure)
        (folder / "faux.jpg").write_text("pas une image", encoding="utf-8")
        phone_photo(folder / "vrai.jpg", (300, 200))
        ingested = ingest_one(page, config, category="Monde")
        assert "image" not in ingested.data, name
        assert not (config.content_path / "images").exists()
