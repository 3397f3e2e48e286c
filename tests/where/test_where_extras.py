"""Gazetteer extras files: validation and use (no GeoNames load needed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.errors import DataFileError
from sitrep.where.extras import PRECISIONS, load_extras
from sitrep.where.gazetteer import Gazetteer, GazetteerEntry, default_extras_path


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "extra.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_shipped_places_file_is_valid_and_covers_the_required_kinds():
    extras = load_extras(default_extras_path())
    names = {p.name for p in extras.places}
    for required in ("Al Asad Airbase", "Sadr City", "Strait of Hormuz", "Rumaila oil field",
                     "Gaza Strip", "Kerch Strait", "Bab al-Hawa crossing", "Camp Lemonnier"):  # fmt: skip
        assert required in names
    assert all(p.precision in PRECISIONS for p in extras.places)
    assert all(-90 <= p.lat <= 90 and -180 <= p.lon <= 180 for p in extras.places)
    assert dict((c, (lat, lon)) for c, lat, lon in extras.country_points)["TUR"] == (39.0, 35.0)


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ("places:\n  - {name: X, lat: 95, lon: 10, country: IRQ, precision: site}", "lat"),
        ("places:\n  - {name: X, lat: 5, lon: 10, country: Iraq, precision: site}", "country"),
        ("places:\n  - {name: X, lat: 5, lon: 10, country: IRQ, precision: town}", "precision"),
        ("places:\n  - {name: X, lat: 5, lon: ten, country: IRQ, precision: site}", "lon"),
        (
            "places:\n  - {name: X, lat: 5, lon: 1, country: IRQ, precision: site, colour: red}",
            "colour",
        ),
        ("places:\n  - {name: X, lat: 5, lon: 1, precision: site}", "country"),
        ("aliases:\n  - {name: X, country: IRQ, aliases: []}", "aliases"),
    ],
)
def test_invalid_entries_are_reported_with_file_entry_and_field(tmp_path, body, field):
    path = _write(tmp_path, "schema: 1\n" + body + "\n")
    with pytest.raises(DataFileError) as err:
        load_extras(path)
    message = str(err.value)
    assert str(path) in message
    assert "X" in message
    assert field in message


def test_wrong_schema_version_is_rejected(tmp_path):
    path = _write(tmp_path, "schema: 2\nplaces: []\n")
    with pytest.raises(DataFileError, match="schema"):
        load_extras(path)


def test_broken_yaml_is_rejected(tmp_path):
    path = _write(tmp_path, "schema: 1\nplaces: [\n")
    with pytest.raises(DataFileError, match="YAML"):
        load_extras(path)


def test_small_gazetteer_lookup_normalises_names():
    base = GazetteerEntry("Deir ez-Zor", 35.33, 40.14, "SYR", 1, 271800, "city")
    basra = GazetteerEntry("Basrah", 30.5, 47.8, "IRQ", 2, 1300000, "city")
    qaim = GazetteerEntry("Al Qaim", 34.37, 41.09, "IRQ", 3, 74100, "city")
    gazetteer = Gazetteer([(base, {"Deir ez-Zor"}), (basra, {"Basrah"}), (qaim, {"Al Qaim"})])
    assert gazetteer.candidates("Deir Ezzor") == [base]
    assert gazetteer.candidates("DEIR EZ ZOR") == [base]
    assert gazetteer.candidates("Basra") == [basra]
    assert gazetteer.candidates("Qaim") == [qaim]
    assert gazetteer.candidates("al-Qa'im") == [qaim]
    assert gazetteer.candidates("Mosul") == []


@pytest.fixture(scope="module")
def gazetteer():
    return Gazetteer.load()


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("North Waziristan", "PAK"),
        ("Ituri", "COD"),
        ("Golan Heights", "SYR"),
        ("Nabatieh", "LBN"),
        ("Tadmur", "SYR"),
        ("Second Thomas Shoal", "PHL"),
        ("Sistan and Baluchestan", "IRN"),
        ("Chasiv Yar", "UKR"),
    ],
)
def test_shipped_extras_name_conflict_places_geonames_lacks(gazetteer, name, country):
    found = gazetteer.candidates(name)
    assert found and found[0].country == country
