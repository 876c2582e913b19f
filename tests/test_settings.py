"""The CHRONIQUE_* settings schema: defaults, documentation, and errors that name the setting."""

from __future__ import annotations

import pytest

from chronique.config import load_config
from chronique.settings import SettingsError, read_chronique_settings, setting_docs
from tests.conftest import SiteCopy


def test_defaults_apply_when_a_site_sets_nothing() -> None:
    settings = read_chronique_settings({})
    assert settings.feed_limit == 50
    assert settings.search is True
    assert settings.sections == ()


def test_every_setting_is_documented() -> None:
    docs = setting_docs()
    assert "CHRONIQUE_FEED_LIMIT" in docs
    assert all(doc.strip() for doc in docs.values())


def test_an_unknown_setting_is_an_error_naming_it_and_its_likely_spelling() -> None:
    with pytest.raises(
        SettingsError, match=r"CHRONIQUE_FEED_LIMT: unknown setting.*CHRONIQUE_FEED_LIMIT"
    ):
        read_chronique_settings({"CHRONIQUE_FEED_LIMT": 10})


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("CHRONIQUE_FEED_LIMIT", "50"),
        ("CHRONIQUE_SEARCH", "yes"),
        ("CHRONIQUE_SECTIONS", "Monde"),
        ("CHRONIQUE_SECTIONS", ["Monde", 3]),
        ("CHRONIQUE_SECTION_MAP", {"World": 1}),
        ("CHRONIQUE_FEED_LIMIT", True),
    ],
)
def test_a_mistyped_setting_is_an_error_naming_it(name: str, value: object) -> None:
    with pytest.raises(SettingsError, match=f"^{name}: expected"):
        read_chronique_settings({name: value})


def test_lists_and_mappings_are_read_as_typed_values() -> None:
    settings = read_chronique_settings(
        {
            "CHRONIQUE_SECTIONS": ["Monde", "Sport"],
            "CHRONIQUE_SECTION_MAP": {"World": "Monde", "lemonde.fr": {"Planète": "Monde"}},
            "CHRONIQUE_DEFAULT_SECTION": None,
        }
    )
    assert settings.sections == ("Monde", "Sport")
    assert settings.section_map["lemonde.fr"] == {"Planète": "Monde"}


def test_an_unknown_time_zone_is_an_error_naming_the_setting() -> None:
    with pytest.raises(SettingsError, match="CHRONIQUE_SOURCE_TIMEZONES: 'Mars/Olympus'"):
        read_chronique_settings({"CHRONIQUE_SOURCE_TIMEZONES": {"x.org": "Mars/Olympus"}})


def test_ingest_reads_its_settings_through_the_same_schema(site: SiteCopy) -> None:
    with site.settings.open("a", encoding="utf-8") as handle:
        handle.write("\nCHRONIQUE_DEFAULT_SECTON = 'Monde'\n")
    with pytest.raises(SettingsError, match="CHRONIQUE_DEFAULT_SECTON"):
        load_config(site.settings)
