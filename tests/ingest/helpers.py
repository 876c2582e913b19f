"""Helpers of the ingest tests: a throw-away archive and one-call ingest."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from chronique.config import ChroniqueConfig
from chronique.content.frontmatter import FrontMatter, parse_front_matter
from chronique.ingest import IngestOptions, IngestResult, ingest_paths
from chronique.ingest.chrome import load_chrome_patterns
from chronique.ingest.text_page import TextRules

FIXTURES = Path(__file__).parent / "fixtures"
SEED = Path(__file__).parent.parent / "fixtures" / "seeds" / "000_c558a1cc74e1ccfd.txt"
SECTIONS = ("Monde", "France", "Politique", "Économie", "Société", "Culture", "Sciences", "Sport")


@dataclass
class Ingested:
    result: IngestResult
    front_matter: FrontMatter | None

    @property
    def data(self) -> dict[str, Any]:
        assert self.front_matter is not None, self.result
        return self.front_matter.data

    @property
    def body(self) -> str:
        assert self.front_matter is not None, self.result
        return self.front_matter.body.strip()

    @property
    def paragraphs(self) -> list[str]:
        return self.body.split("\n\n")


def make_config(root: Path, **fields: Any) -> ChroniqueConfig:
    content = root / "content"
    content.mkdir(parents=True, exist_ok=True)
    fields.setdefault("sections", SECTIONS)
    return ChroniqueConfig(
        content_path=content, output_path=root / "out", theme_path=root, **fields
    )


def ingest_one(path: Path, config: ChroniqueConfig, **options: Any) -> Ingested:
    """Ingest one file quietly; parse what it wrote, if anything."""
    report = ingest_paths([path], config, IngestOptions(quiet=True, **options))
    (result,) = report.results
    front_matter = None
    if result.status.value == "written":
        parsed = parse_front_matter(result.output, result.output.read_text(encoding="utf-8"))
        assert isinstance(parsed, FrontMatter), parsed
        front_matter = parsed
    return Ingested(result, front_matter)


def write_input(folder: Path, name: str, content: bytes | str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


def text_rules() -> TextRules:
    """The text reader's rules with the packaged chrome patterns."""
    return TextRules(load_chrome_patterns())


def text_page(*lines: str) -> str:
    """A browser copy made of *lines*."""
    return "\n".join(lines) + "\n"


#: Four paragraphs of a French local-news article, for pages built around them.
TRAMWAY_PARAGRAPHS = (
    "Le conseil municipal a voté lundi soir, après plus de quatre heures de débats, le "
    "principe d’une nouvelle ligne de tramway entre la gare et les quartiers du nord, un "
    "projet attendu depuis une dizaine d’années par les habitants.",
    "La ligne, longue de neuf kilomètres, doit desservir seize stations et transporter "
    "jusqu’à quarante mille voyageurs par jour. Les premiers travaux de déviation des "
    "réseaux commenceront au printemps prochain, selon le calendrier présenté par la maire.",
    "L’opposition a dénoncé un coût qu’elle juge sous-estimé et réclamé une étude "
    "indépendante sur la fréquentation, estimant que les prévisions de la ville reposent "
    "sur des hypothèses trop favorables et sur une croissance de la population incertaine.",
    "La métropole, qui finance la moitié du projet, doit se prononcer à son tour en "
    "décembre. Si le calendrier est tenu, les premières rames circuleraient à la fin de "
    "l’année 2029, après deux ans d’essais sur la partie nord du tracé.",
)
