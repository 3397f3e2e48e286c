"""User settings from ``sitrep.toml``.

sitrep reads one TOML file: the one ``$SITREP_CONFIG`` names, else ``sitrep.toml`` in the
working directory, else none (every setting keeps its default). All keys are optional::

    # sitrep.toml
    db = "news.db"                       # database path or SQLAlchemy URL
    actors = ["actors/", "extra.yaml"]    # user actor files or folders (extend/override)
    gazetteer = "places-extra.yaml"      # user gazetteer extras (a path or a list)
    patterns = ["verbs-extra.yaml"]      # user verb pattern files (a path or a list)

Relative paths are resolved against the folder of the config file, so a project folder
can be moved as a whole. A database URL (``postgresql://...``) is kept as written.
Problems raise ``InputError`` (the file cannot be read or parsed) or ``DataFileError``
(a key has the wrong type or is unknown), naming the file and the key.
"""

from __future__ import annotations

import logging
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sitrep.errors import DataFileError, InputError

log = logging.getLogger(__name__)

CONFIG_ENVVAR = "SITREP_CONFIG"
CONFIG_FILENAME = "sitrep.toml"
KNOWN_KEYS = ("db", "actors", "gazetteer", "patterns")


@dataclass(frozen=True)
class Settings:
    """What ``sitrep.toml`` sets. ``path`` is the file read, or None for the defaults."""

    db: str | None = None
    actors: tuple[Path, ...] = ()
    gazetteer: tuple[Path, ...] = ()
    patterns: tuple[Path, ...] = ()
    path: Path | None = None


def find_config(cwd: Path | None = None) -> Path | None:
    """The config file to read: ``$SITREP_CONFIG`` if set, else ``sitrep.toml`` in
    ``cwd`` (the working directory) if it exists, else None."""
    named = os.environ.get(CONFIG_ENVVAR)
    if named:
        path = Path(named).expanduser()
        if not path.is_file():
            raise InputError(
                str(path), f"no such config file (named by ${CONFIG_ENVVAR}); fix or unset it"
            )
        return path
    candidate = (cwd or Path.cwd()) / CONFIG_FILENAME
    return candidate if candidate.is_file() else None


def load_settings(path: str | Path | None = None) -> Settings:
    """Read the settings from ``path``, or from the file :func:`find_config` finds.

    With no file anywhere, returns ``Settings()`` (all defaults).
    """
    config = Path(path).expanduser() if path is not None else find_config()
    if config is None:
        return Settings()
    try:
        text = config.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise InputError(str(config), "no such config file; check the path") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(config), f"cannot read config file ({exc})") from exc
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(str(config), f"not valid TOML ({exc}); fix the file's syntax") from exc
    settings = parse_settings(data, config)
    log.debug("settings from %s: %s", config, settings)
    return settings


def parse_settings(data: Mapping[str, Any], config: Path) -> Settings:
    """Validate the TOML table of a config file; ``config`` is its path (for messages
    and for resolving relative paths)."""
    label = str(config)
    unknown = sorted(set(data) - set(KNOWN_KEYS))
    if unknown:
        raise DataFileError(
            label,
            f"unknown key(s) {unknown}; sitrep.toml may set {', '.join(KNOWN_KEYS)}",
        )
    base = config.resolve().parent
    db = data.get("db")
    if db is not None:
        if not isinstance(db, str) or not db.strip():
            raise DataFileError(label, "key 'db' must be a path or database URL (a string)")
        db = db.strip() if "://" in db else str(_resolve(base, db.strip()))
    return Settings(
        db=db,
        actors=_paths(label, base, "actors", data.get("actors")),
        gazetteer=_paths(label, base, "gazetteer", data.get("gazetteer")),
        patterns=_paths(label, base, "patterns", data.get("patterns")),
        path=config,
    )


def _resolve(base: Path, value: str) -> Path:
    path = Path(value).expanduser()
    return path if path.is_absolute() else base / path


def _paths(label: str, base: Path, key: str, value: Any) -> tuple[Path, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise DataFileError(label, f"key '{key}' must be a path or a list of paths (strings)")
    return tuple(_resolve(base, v.strip()) for v in value)
