"""The on-disk cache of the gazetteer index: reuse, invalidation, and failure modes.

Every test passes its own temporary cache folder (or points the environment at one), so
nothing is written to the user's home. Most tests shrink the gazetteer to GeoNames'
cities of 15,000 people or more, without alternate names, so that a rebuild is quick; one module
fixture builds the full index to check that a cached load gives the same answers.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

import sitrep
from sitrep.models import SegmentKind
from sitrep.nlp import ParsedSegment
from sitrep.where import Gazetteer, find_places, index_cache
from sitrep.where import gazetteer as gazetteer_module
from sitrep.where.index_cache import default_cache_dir

SAMPLE_NAMES = [
    "Baghdad",
    "Al Bukamal",
    "Deir ez-Zor",
    "Basra",
    "Ain al-Asad",
    "Turkey",
    "U.S.",
    "Texas",
    "Georgia",
    "Springfield",
    "Paris",
    "Sadr City",
    "the Gambia",
    "al-Qa'im",
    "Kyiv",
    "São Paulo",
    "Nowhere-at-all Zzyzx",
]
TEXT = (
    "Shelling hit Deir ez-Zor and Al Bukamal overnight, while officials in Baghdad met "
    "envoys from Turkey and Texas to discuss aid for Basra."
)


@pytest.fixture
def small_gazetteer(monkeypatch):
    """Build from GeoNames' smallest city file without alternate names: a quick rebuild."""
    monkeypatch.setattr(gazetteer_module, "MIN_CITY_POPULATION", 15000)
    monkeypatch.setattr(gazetteer_module, "MIN_POPULATION_FOR_ALTERNATES", 10**12)


@pytest.fixture
def extras_file(tmp_path):
    path = tmp_path / "mine.yaml"
    _write_extras(path, "FOB Zed")
    return path


def _write_extras(path: Path, alias: str) -> None:
    path.write_text(
        "schema: 1\nplaces:\n"
        "  - {name: Forward Base Zed, lat: 34.1, lon: 43.2, country: IRQ, precision: site,"
        f" aliases: [{alias}]}}\n",
        encoding="utf-8",
    )


def _cache_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("gazetteer-*.pickle"))


@pytest.fixture(scope="module")
def cold_and_warm(tmp_path_factory):
    folder = tmp_path_factory.mktemp("gazetteer-cache")
    cold = Gazetteer.load(cache_dir=folder)
    warm = Gazetteer.load(cache_dir=folder)
    return cold, warm, folder


def test_second_load_reads_the_cache(cold_and_warm):
    cold, warm, folder = cold_and_warm
    assert not cold.loaded_from_cache
    assert warm.loaded_from_cache
    assert len(_cache_files(folder)) == 1
    assert warm.size == cold.size > 200_000


def test_cached_index_gives_the_same_candidates(cold_and_warm):
    cold, warm, _ = cold_and_warm
    for name in SAMPLE_NAMES:
        assert warm.lookup(name) == cold.lookup(name), name
    assert sum(bool(cold.lookup(name)) for name in SAMPLE_NAMES) >= len(SAMPLE_NAMES) - 1
    # A spread of the indexed names, not only the famous ones.
    keys = sorted(cold._index.exact)[::997] + sorted(cold._index.articleless)[::53]
    assert len(keys) > 300
    for key in keys:
        assert warm.lookup(key) == cold.lookup(key), key


def test_cached_index_finds_the_same_places(cold_and_warm, nlp):
    cold, warm, _ = cold_and_warm
    segments = [ParsedSegment(doc=nlp(TEXT), offset=0, kind=SegmentKind.BODY)]
    from_cold = find_places(segments, "doc1", cold)
    assert len(from_cold) >= 4
    assert find_places(segments, "doc1", warm) == from_cold


def test_changing_an_extras_file_invalidates_the_cache(small_gazetteer, tmp_path, extras_file):
    folder = tmp_path / "cache"
    first = Gazetteer.load([extras_file], cache_dir=folder)
    second = Gazetteer.load([extras_file], cache_dir=folder)
    assert (first.loaded_from_cache, second.loaded_from_cache) == (False, True)
    assert second.candidates("FOB Zed")[0].name == "Forward Base Zed"

    _write_extras(extras_file, "FOB Zulu")
    changed = Gazetteer.load([extras_file], cache_dir=folder)
    assert not changed.loaded_from_cache
    assert changed.candidates("FOB Zulu")[0].name == "Forward Base Zed"
    assert changed.candidates("FOB Zed") == []
    again = Gazetteer.load([extras_file], cache_dir=folder)
    assert again.loaded_from_cache
    assert again.candidates("FOB Zulu") == changed.candidates("FOB Zulu")


def test_loads_with_and_without_extras_keep_separate_caches(small_gazetteer, tmp_path, extras_file):
    folder = tmp_path / "cache"
    Gazetteer.load(cache_dir=folder)
    Gazetteer.load([extras_file], cache_dir=folder)
    assert len(_cache_files(folder)) == 2
    plain = Gazetteer.load(cache_dir=folder)
    extended = Gazetteer.load([extras_file], cache_dir=folder)
    assert plain.loaded_from_cache and extended.loaded_from_cache
    assert plain.candidates("FOB Zed") == []
    assert extended.candidates("FOB Zed")


@pytest.mark.parametrize(
    ("attribute", "owner"),
    [("INDEX_FORMAT_VERSION", index_cache), ("__version__", sitrep)],
)
def test_other_format_or_sitrep_version_rebuilds(
    small_gazetteer, tmp_path, monkeypatch, attribute, owner
):
    folder = tmp_path / "cache"
    Gazetteer.load(cache_dir=folder)
    monkeypatch.setattr(owner, attribute, "something-else")
    rebuilt = Gazetteer.load(cache_dir=folder)
    assert not rebuilt.loaded_from_cache
    assert Gazetteer.load(cache_dir=folder).loaded_from_cache


@pytest.mark.parametrize("damage", ["garbage", "truncated", "empty"])
def test_corrupt_cache_file_is_rebuilt(small_gazetteer, tmp_path, caplog, damage):
    folder = tmp_path / "cache"
    built = Gazetteer.load(cache_dir=folder)
    [path] = _cache_files(folder)
    data = path.read_bytes()
    if damage == "garbage":
        path.write_bytes(b"\x80\x05 this is not a pickle" * 100)
    elif damage == "truncated":
        path.write_bytes(data[: len(data) // 2])
    else:
        path.write_bytes(b"")
    with caplog.at_level(logging.WARNING, logger="sitrep.where.index_cache"):
        rebuilt = Gazetteer.load(cache_dir=folder)
    assert not rebuilt.loaded_from_cache
    assert any(str(path) in r.getMessage() for r in caplog.records)
    assert rebuilt.candidates("Baghdad") == built.candidates("Baghdad") != []
    # The damaged file was replaced by a good one.
    assert Gazetteer.load(cache_dir=folder).loaded_from_cache


def test_unwritable_cache_folder_builds_in_memory(small_gazetteer, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    folder = blocker / "cache"  # cannot be created, whoever runs the test
    first = Gazetteer.load(cache_dir=folder)
    second = Gazetteer.load(cache_dir=str(folder))
    assert not first.loaded_from_cache and not second.loaded_from_cache
    assert first.candidates("Baghdad") == second.candidates("Baghdad") != []
    assert list(tmp_path.iterdir()) == [blocker]


def test_cache_disabled_writes_nothing(small_gazetteer, tmp_path, monkeypatch):
    monkeypatch.setenv("SITREP_CACHE_DIR", str(tmp_path / "env-cache"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    first = Gazetteer.load(cache_dir=False)
    second = Gazetteer.load(cache_dir=False)
    assert not first.loaded_from_cache and not second.loaded_from_cache
    assert list(tmp_path.iterdir()) == []


def test_default_cache_folder_follows_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("SITREP_CACHE_DIR", str(tmp_path / "chosen"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert default_cache_dir() == tmp_path / "chosen"
    monkeypatch.delenv("SITREP_CACHE_DIR")
    assert default_cache_dir() == tmp_path / "xdg" / "sitrep"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert default_cache_dir() == tmp_path / "home" / ".cache" / "sitrep"


def test_default_cache_dir_is_used_when_none_is_given(small_gazetteer, tmp_path, monkeypatch):
    monkeypatch.setenv("SITREP_CACHE_DIR", str(tmp_path / "env-cache"))
    assert not Gazetteer.load().loaded_from_cache
    assert len(_cache_files(tmp_path / "env-cache")) == 1
    assert Gazetteer.load().loaded_from_cache
