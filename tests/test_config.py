"""sitrep.toml: where it is found, what it may set, and how paths resolve."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.config import CONFIG_ENVVAR, Settings, find_config, load_settings
from sitrep.errors import DataFileError, InputError


def _write(folder: Path, text: str, name: str = "sitrep.toml") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_all_keys_and_relative_paths(tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    path = _write(
        project,
        'db = "data/news.db"\n'
        'actors = ["actors/", "/abs/extra.yaml"]\n'
        'gazetteer = "places.yaml"\n'
        'patterns = ["verbs.yaml"]\n',
    )
    settings = load_settings(path)
    root = project.resolve()
    assert settings.db == str(root / "data/news.db")
    assert settings.actors == (root / "actors", Path("/abs/extra.yaml"))
    assert settings.gazetteer == (root / "places.yaml",)
    assert settings.patterns == (root / "verbs.yaml",)
    assert settings.path == path


def test_database_url_is_kept(tmp_path):
    path = _write(tmp_path, 'db = "postgresql://user@host/sitrep"\n')
    assert load_settings(path).db == "postgresql://user@host/sitrep"


def test_no_file_gives_defaults(tmp_path, monkeypatch):
    monkeypatch.delenv(CONFIG_ENVVAR, raising=False)
    monkeypatch.chdir(tmp_path)
    assert find_config() is None
    assert load_settings() == Settings()


def test_working_directory_file_is_found(tmp_path, monkeypatch):
    monkeypatch.delenv(CONFIG_ENVVAR, raising=False)
    monkeypatch.chdir(tmp_path)
    _write(tmp_path, 'actors = "mine.yaml"\n')
    assert load_settings().actors == (tmp_path.resolve() / "mine.yaml",)


def test_environment_variable_wins(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _write(tmp_path, 'db = "here.db"\n')
    other = tmp_path / "elsewhere"
    other.mkdir()
    named = _write(other, 'db = "there.db"\n', name="custom.toml")
    monkeypatch.setenv(CONFIG_ENVVAR, str(named))
    assert load_settings().db == str(other.resolve() / "there.db")


def test_environment_variable_naming_a_missing_file(tmp_path, monkeypatch):
    monkeypatch.setenv(CONFIG_ENVVAR, str(tmp_path / "absent.toml"))
    with pytest.raises(InputError, match="absent.toml"):
        load_settings()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("colour = 'blue'\n", r"unknown key\(s\) \['colour'\]"),
        ("actors = 3\n", "key 'actors' must be a path or a list"),
        ("patterns = ['ok.yaml', 4]\n", "key 'patterns'"),
        ("db = 5\n", "key 'db'"),
    ],
)
def test_bad_values_name_file_and_key(tmp_path, text, message):
    path = _write(tmp_path, text)
    with pytest.raises(DataFileError, match=message) as info:
        load_settings(path)
    assert str(path) in str(info.value)


def test_bad_toml_names_the_file(tmp_path):
    path = _write(tmp_path, "actors = [unclosed\n")
    with pytest.raises(InputError, match="not valid TOML") as info:
        load_settings(path)
    assert str(path) in str(info.value)


def test_missing_explicit_file(tmp_path):
    with pytest.raises(InputError, match="no such config file"):
        load_settings(tmp_path / "nope.toml")
