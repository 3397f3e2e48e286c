"""Blocs of states and peoples: the collective words of ``data/actors/groups/collectives.yaml``.

"European allies", "West African leaders", "the West" and "Gulf states" name no single
country: by the gold conventions they take an intergovernmental code (IGO), and
"European companies" the region's code (EURBUS). "Kurdish fighters", "the Rohingya" and
"Crimean Tatars" name a people: the country comes from the page (a Kurdish armed group
named earlier, else a country of that people named nearby), the sector from the noun.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from sitrep.actors.kb import normalise_name
from sitrep.errors import DataFileError

SCHEMA = 1
_CODE = re.compile(r"^[A-Z]{3}$")
_ID = re.compile(r"^[a-z0-9][a-z0-9_]*$")
BUILTIN = "sitrep/data/actors/groups/collectives.yaml"


@dataclass(frozen=True)
class Bloc:
    """A group of states named by one word: the code for the states (IGO) and, where one
    exists, the region's code for other sectors (EUR + BUS)."""

    code: str
    region: str | None = None


@dataclass(frozen=True)
class People:
    """An ethnic or regional people: the countries it lives in and actors drawn from it."""

    countries: tuple[str, ...]
    actors: tuple[str, ...] = ()


# a people that lives anywhere: the country comes from the page
ANYWHERE = People((), ())


@dataclass(frozen=True)
class Collectives:
    blocs: Mapping[str, Bloc]
    peoples: Mapping[str, People]
    state_nouns: frozenset[str]
    military_context: frozenset[str]
    faiths: frozenset[str] = frozenset()

    @classmethod
    def load(cls, path: str | Path | None = None) -> Collectives:
        if path is None:
            source = resources.files("sitrep").joinpath("data", "actors", "groups")
            label, text = BUILTIN, source.joinpath("collectives.yaml").read_text("utf-8")
        else:
            label, text = str(path), Path(path).read_text(encoding="utf-8")
        return cls.from_text(label, text)

    @classmethod
    def from_text(cls, label: str, text: str) -> Collectives:
        try:
            raw = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            raise DataFileError(label, f"is not valid YAML: {exc}") from exc
        if not isinstance(raw, dict) or raw.get("schema") != SCHEMA:
            raise DataFileError(label, f"must be a mapping with 'schema: {SCHEMA}'")
        blocs: dict[str, Bloc] = {}
        for n, item in enumerate(_list(label, "regions", raw.get("regions"))):
            entry = f"regions[{n}]"
            code = _code(label, entry, "code", item.get("code"))
            region = item.get("region")
            bloc = Bloc(code, _code(label, entry, "region", region) if region else None)
            for word in _words(label, entry, item):
                blocs[word] = bloc
        peoples: dict[str, People] = {}
        for n, item in enumerate(_list(label, "ethnic", raw.get("ethnic"))):
            entry = f"ethnic[{n}]"
            countries = tuple(
                _code(label, entry, "countries", c) for c in item.get("countries") or ()
            )
            if not countries:
                raise DataFileError(label, "field 'countries' must list ISO alpha-3 codes", entry)
            actors = tuple(str(a) for a in item.get("actors") or ())
            bad = [a for a in actors if not _ID.match(a)]
            if bad:
                raise DataFileError(label, f"field 'actors' holds bad ids {bad}", entry)
            for word in _words(label, entry, item):
                if word in peoples or word in blocs:
                    raise DataFileError(label, f"word {word!r} is listed twice", entry)
                peoples[word] = People(countries, actors)
        return cls(
            blocs=MappingProxyType(blocs),
            peoples=MappingProxyType(peoples),
            state_nouns=frozenset(normalise_name(str(w)) for w in raw.get("state_nouns") or ()),
            military_context=frozenset(str(w).lower() for w in raw.get("military_context") or ()),
            faiths=frozenset(normalise_name(str(w)) for w in raw.get("faiths") or ()),
        )

    def bloc(self, words: str) -> Bloc | None:
        return self.blocs.get(normalise_name(words))

    def faith(self, words: str) -> People | None:
        """A faith community ("Hindus", "the Christians"): a people of no fixed country,
        of the country the page or sentence names."""
        key = normalise_name(words)
        return ANYWHERE if key in self.faiths or key.removesuffix("s") in self.faiths else None

    def people(self, words: str) -> People | None:
        key = normalise_name(words)
        found = self.peoples.get(key)
        if found is None and key.endswith("s"):
            found = self.peoples.get(key[:-1])
        return found


def _list(label: str, field: str, value: Any) -> list[dict]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise DataFileError(label, f"field '{field}' must be a list of mappings")
    return value


def _code(label: str, entry: str, field: str, value: Any) -> str:
    if not isinstance(value, str) or not _CODE.match(value):
        raise DataFileError(
            label, f"field '{field}' must be three capital letters, got {value!r}", entry
        )
    return value


def _words(label: str, entry: str, item: dict) -> list[str]:
    words = item.get("words")
    if not isinstance(words, list) or not words:
        raise DataFileError(label, "field 'words' must be a non-empty list", entry)
    return [normalise_name(str(w)) for w in words]
