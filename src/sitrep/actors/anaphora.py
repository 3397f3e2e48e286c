"""Load the anaphora table (data/anaphora.yaml): pronouns, role nouns and titles."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import yaml

from sitrep.errors import DataFileError
from sitrep.models import ActorType

SCHEMA = 1


@dataclass(frozen=True)
class Referent:
    """What kind of actor a pronoun or role noun may refer to."""

    types: tuple[ActorType, ...]  # in order of preference
    sectors: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Anaphora:
    pronouns: dict[str, Referent]
    role_nouns: dict[str, Referent]
    titles: frozenset[str]

    @classmethod
    def load(cls, path: str | Path | None = None) -> Anaphora:
        if path is None:
            source = resources.files("sitrep") / "data" / "anaphora.yaml"
            label, text = "sitrep/data/anaphora.yaml", source.read_text(encoding="utf-8")
        else:
            label, text = str(path), Path(path).read_text(encoding="utf-8")
        try:
            raw = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            raise DataFileError(label, f"is not valid YAML: {exc}") from exc
        if not isinstance(raw, dict) or raw.get("schema") != SCHEMA:
            raise DataFileError(label, f"must be a mapping with 'schema: {SCHEMA}'")
        return cls(
            pronouns=_referents(label, raw.get("pronouns") or {}),
            role_nouns=_referents(label, raw.get("role_nouns") or {}),
            titles=frozenset(str(t).lower() for t in raw.get("titles") or ()),
        )


def _referents(label: str, table: dict) -> dict[str, Referent]:
    out = {}
    for word, spec in table.items():
        try:
            types = tuple(ActorType(t) for t in spec["types"])
        except (KeyError, TypeError, ValueError) as exc:
            raise DataFileError(
                label,
                f"field 'types' must list actor types ({', '.join(ActorType)}): {exc}",
                entry=str(word),
            ) from exc
        out[str(word).lower()] = Referent(types=types, sectors=frozenset(spec.get("sectors") or ()))
    return out
