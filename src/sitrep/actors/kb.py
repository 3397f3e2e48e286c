"""The actor knowledge base: versioned YAML files of actors, loaded and validated.

Built-in files live in ``sitrep/data/actors/*.yaml`` (one file per region plus
``countries.yaml`` and ``international.yaml``) and ``sitrep/data/sectors.yaml``. Users may
add their own actor files or folders: an entry whose id already exists replaces the
built-in one, a new id extends the base. The schema is described in
``sitrep/data/README-actors.md``.

Every problem found while loading raises :class:`sitrep.errors.DataFileError` naming the
file, the entry id and the field to fix.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import logging
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from sitrep.errors import DataFileError
from sitrep.models import Actor, ActorType, Role

log = logging.getLogger(__name__)

SCHEMA_VERSION = 1
CODE_PATTERN = re.compile(r"^[A-Z]{3}([A-Z]{3})*$")
SECTOR_PATTERN = re.compile(r"^[A-Z]{3}$")
ISO3_PATTERN = re.compile(r"^[A-Z]{3}$")
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_]*$")
DATE_PATTERN = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
PREDICATES = frozenset({"leads", "member_of", "allied_with", "backed_by", "opposes", "part_of"})

_ACTOR_FIELDS_REQUIRED = ("id", "name", "type", "code")
_ACTOR_FIELDS_OPTIONAL = (
    "country",
    "aliases",
    "short_names",
    "demonyms",
    "capitals",
    "roles",
    "relations",
    "notes",
)
_ROLE_FIELDS = ("code", "title", "start", "end", "title_nouns", "notes")
_RELATION_FIELDS = ("predicate", "object", "start", "end", "notes")

# Characters that normalise_name folds. Apostrophes and quote marks (including the
# transliteration marks for ayn and hamza) are removed; hyphens, dashes, slashes and
# commas become spaces; full stops are removed so that "U.S." and "US" agree.
_REMOVED = MappingProxyType(
    dict.fromkeys(map(ord, "'\u2018\u2019\u201b\u02bc\u02bb\u02be\u02bf\u00b4`\".\u201c\u201d"))
)
_SPACED = MappingProxyType(
    dict.fromkeys(map(ord, "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212/,;:()[]_"), " ")
)
_LETTERS = MappingProxyType(
    {
        ord("\u0131"): "i",  # dotless i
        ord("\u00f8"): "o",
        ord("\u0142"): "l",
        ord("\u0111"): "d",
        ord("\u00f0"): "d",
        ord("\u00fe"): "th",
        ord("\u00e6"): "ae",
        ord("\u0153"): "oe",
    }
)
_POSSESSIVE = re.compile(r"['\u2019]s?$")
_ACRONYM = re.compile(r"^(?:[A-Z]\.?){1,4}$")


@functools.lru_cache(maxsize=65536)
def normalise_name(text: str) -> str:
    """Fold a name to the key used for matching (memoised: the resolver asks for the
    same few thousand spans on every page).

    Casefolds, strips diacritics, removes apostrophes/quote marks and full stops, turns
    hyphens, dashes and other separators into spaces, drops a trailing possessive and a
    leading "the", and collapses whitespace. "Abdul-Mahdi", "Abdul Mahdi" and
    "abdul mahdi" give the same key, as do "al-Sadr" and "al Sadr", and "U.S." and "US".
    """
    text = unicodedata.normalize("NFKC", text).strip()
    text = _POSSESSIVE.sub("", text) if len(text) > 2 else text
    text = text.casefold().translate(_LETTERS)
    text = "".join(
        ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch)
    )
    text = text.translate(_REMOVED).translate(_SPACED)
    words = text.split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def _capitalised(word: str) -> bool:
    stripped = word.strip()
    return bool(stripped) and stripped[0].isupper()


def is_acronym(alias: str) -> bool:
    """True for short all-capital aliases ("US", "U.S.", "UN", "IS") that collide with
    ordinary words once casefolded; they match only text written in capitals."""
    return bool(_ACRONYM.match(alias.strip()))


@dataclass(frozen=True)
class Relation:
    """A dated link between two actors: ``subject predicate object``."""

    subject: str
    predicate: str
    object: str
    start: str | None = None
    end: str | None = None

    def holds_on(self, date: str | None) -> bool:
        return Role(code="XXX", start=self.start, end=self.end).holds_on(date)


@dataclass(frozen=True)
class CountryInfo:
    iso3: str
    actor_id: str
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]


@dataclass(frozen=True)
class AliasEntry:
    """One name by which an actor is known, for building matchers.

    ``case_sensitive`` is set for acronyms ("US", "IS"): match them only where the page
    writes them in capitals.
    """

    text: str
    key: str
    actor_id: str
    case_sensitive: bool = False


@dataclass(frozen=True)
class KBStats:
    """How much the loaded knowledge base holds."""

    actors: int
    aliases: int
    roles: int
    relations: int
    countries: int
    sector_nouns: int


@dataclass(frozen=True)
class _Entry:
    """One validated actor entry with the extras that ``Actor`` does not carry."""

    actor: Actor
    path: str
    short_names: tuple[str, ...]
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]
    title_nouns: tuple[tuple[str, ...], ...]  # parallel to actor.roles
    relations: tuple[Relation, ...]


# ---------------------------------------------------------------------------------------
# Reading and validating files


class _KBLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """Safe YAML loader that leaves dates as strings, so they are validated here."""


_KBLoader.add_constructor(
    "tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node)
)


def _read_yaml(path: str, text: str) -> Any:
    try:
        return yaml.load(text, Loader=_KBLoader)  # a SafeLoader subclass: no arbitrary objects
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise DataFileError(
            path, f"YAML syntax error{where}: {problem}; fix the file's syntax"
        ) from exc


def _check_schema(path: str, data: Any, key: str) -> list[Any]:
    if not isinstance(data, dict):
        raise DataFileError(path, f"expected a mapping with 'schema' and '{key}' at top level")
    if data.get("schema") != SCHEMA_VERSION:
        raise DataFileError(
            path,
            f"field 'schema' is {data.get('schema')!r}; this sitrep reads schema {SCHEMA_VERSION}",
        )
    unknown = set(data) - {"schema", key}
    if unknown:
        raise DataFileError(path, f"unknown top-level field(s) {sorted(unknown)}")
    items = data.get(key)
    if not isinstance(items, list if key == "actors" else dict):
        kind = "a list" if key == "actors" else "a mapping"
        raise DataFileError(path, f"field '{key}' must be {kind}")
    return items


def _date(path: str, entry: str, field: str, value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip() if isinstance(value, int | str) else ""
    if isinstance(value, bool) or not DATE_PATTERN.match(text):
        raise DataFileError(
            path,
            f"field '{field}' has bad date {value!r}; write YYYY, YYYY-MM or YYYY-MM-DD",
            entry,
        )
    parts = [int(p) for p in text.split("-")]
    try:
        dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError as exc:
        raise DataFileError(
            path, f"field '{field}' has impossible date {value!r} ({exc})", entry
        ) from exc
    return text


def _check_span(path: str, entry: str, field: str, start: str | None, end: str | None) -> None:
    if start and end and start[: len(end)] > end:
        raise DataFileError(path, f"field '{field}': start {start} is after end {end}", entry)


def _strings(path: str, entry: str, field: str, value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise DataFileError(path, f"field '{field}' must be a list of non-empty strings", entry)
    return tuple(v.strip() for v in value)


def _code(path: str, entry: str, field: str, value: Any) -> str:
    if not isinstance(value, str) or not CODE_PATTERN.match(value):
        raise DataFileError(
            path,
            f"field '{field}' has bad code {value!r}; codes are 3-letter capital groups "
            "such as IRQ, IRQGOV or IMGREB",
            entry,
        )
    return value


def _unknown_fields(path: str, entry: str, where: str, item: dict, allowed: Sequence[str]) -> None:
    unknown = sorted(set(item) - set(allowed))
    if unknown:
        raise DataFileError(
            path,
            f"unknown field(s) {unknown} in {where}; allowed: {', '.join(allowed)}",
            entry,
        )


def _parse_roles(
    path: str, entry: str, value: Any
) -> tuple[tuple[Role, ...], tuple[tuple[str, ...], ...]]:
    if value is None:
        return (), ()
    if not isinstance(value, list):
        raise DataFileError(path, "field 'roles' must be a list of mappings", entry)
    roles: list[Role] = []
    nouns: list[tuple[str, ...]] = []
    for i, item in enumerate(value):
        where = f"roles[{i}]"
        if not isinstance(item, dict):
            raise DataFileError(path, f"field '{where}' must be a mapping", entry)
        _unknown_fields(path, entry, where, item, _ROLE_FIELDS)
        if "code" not in item:
            raise DataFileError(path, f"missing required field '{where}.code'", entry)
        code = _code(path, entry, f"{where}.code", item["code"])
        title = item.get("title") or ""
        if not isinstance(title, str):
            raise DataFileError(path, f"field '{where}.title' must be a string", entry)
        start = _date(path, entry, f"{where}.start", item.get("start"))
        end = _date(path, entry, f"{where}.end", item.get("end"))
        _check_span(path, entry, where, start, end)
        roles.append(Role(code=code, title=title, start=start, end=end))
        nouns.append(_strings(path, entry, f"{where}.title_nouns", item.get("title_nouns")))
    return tuple(roles), tuple(nouns)


def _parse_relations(path: str, entry: str, value: Any) -> tuple[Relation, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise DataFileError(path, "field 'relations' must be a list of mappings", entry)
    out: list[Relation] = []
    for i, item in enumerate(value):
        where = f"relations[{i}]"
        if not isinstance(item, dict):
            raise DataFileError(path, f"field '{where}' must be a mapping", entry)
        _unknown_fields(path, entry, where, item, _RELATION_FIELDS)
        for key in ("predicate", "object"):
            if not item.get(key):
                raise DataFileError(path, f"missing required field '{where}.{key}'", entry)
        if item["predicate"] not in PREDICATES:
            raise DataFileError(
                path,
                f"field '{where}.predicate' is {item['predicate']!r}; "
                f"use one of {', '.join(sorted(PREDICATES))}",
                entry,
            )
        start = _date(path, entry, f"{where}.start", item.get("start"))
        end = _date(path, entry, f"{where}.end", item.get("end"))
        _check_span(path, entry, where, start, end)
        out.append(Relation(entry, item["predicate"], str(item["object"]), start, end))
    return tuple(out)


def _parse_actor(path: str, index: int, item: Any) -> _Entry:
    if not isinstance(item, dict):
        raise DataFileError(path, f"actors[{index}] must be a mapping")
    raw_id = item.get("id")
    entry = str(raw_id) if raw_id else f"#{index + 1}"
    for key in _ACTOR_FIELDS_REQUIRED:
        if item.get(key) in (None, ""):
            raise DataFileError(path, f"missing required field '{key}'", entry)
    _unknown_fields(path, entry, "the entry", item, _ACTOR_FIELDS_REQUIRED + _ACTOR_FIELDS_OPTIONAL)
    if not isinstance(raw_id, str) or not ID_PATTERN.match(raw_id):
        raise DataFileError(
            path, f"field 'id' is {raw_id!r}; use lowercase letters, digits and '_'", entry
        )
    try:
        kind = ActorType(item["type"])
    except ValueError:
        raise DataFileError(
            path,
            f"field 'type' has unknown type {item['type']!r}; "
            f"use one of {', '.join(t.value for t in ActorType)}",
            entry,
        ) from None
    code = _code(path, entry, "code", item["code"])
    country = item.get("country")
    if country is not None and (not isinstance(country, str) or not ISO3_PATTERN.match(country)):
        raise DataFileError(
            path, f"field 'country' is {country!r}; write an ISO 3166 alpha-3 code", entry
        )
    name = item["name"]
    if not isinstance(name, str):
        raise DataFileError(path, "field 'name' must be a string", entry)
    roles, nouns = _parse_roles(path, entry, item.get("roles"))
    aliases = _strings(path, entry, "aliases", item.get("aliases"))
    actor = Actor(
        id=raw_id,
        name=name.strip(),
        type=kind,
        code=code,
        country=country,
        aliases=tuple(dict.fromkeys(a for a in aliases if a != name.strip())),
        roles=roles,
    )
    return _Entry(
        actor=actor,
        path=path,
        short_names=_strings(path, entry, "short_names", item.get("short_names")),
        demonyms=_strings(path, entry, "demonyms", item.get("demonyms")),
        capitals=_strings(path, entry, "capitals", item.get("capitals")),
        title_nouns=nouns,
        relations=_parse_relations(path, entry, item.get("relations")),
    )


def parse_actor_file(path: str, text: str) -> list[_Entry]:
    """Parse and validate one actor file's text; ``path`` is used in messages."""
    items = _check_schema(path, _read_yaml(path, text), "actors")
    entries: list[_Entry] = []
    seen: set[str] = set()
    for index, item in enumerate(items):
        parsed = _parse_actor(path, index, item)
        if parsed.actor.id in seen:
            raise DataFileError(
                path, "field 'id' is duplicated in this file; ids must be unique", parsed.actor.id
            )
        seen.add(parsed.actor.id)
        entries.append(parsed)
    return entries


def parse_user_file(path: str, text: str, loaded: Mapping[str, _Entry]) -> list[_Entry]:
    """Parse a user actor file against the entries ``loaded`` so far.

    A new id extends the base (every required field must be given). An id that is
    already loaded overrides that entry: the fields the user entry gives replace the
    loaded ones (``name``, ``type``, ``code``, ``country``), and its names, roles and
    relations are added to the loaded ones (``aliases``, ``short_names``, ``demonyms``,
    ``capitals``, ``roles``, ``relations``). ``replace: true`` replaces the whole entry
    instead, so a user can also take names or roles away.
    """
    items = _check_schema(path, _read_yaml(path, text), "actors")
    entries: list[_Entry] = []
    seen: set[str] = set()
    for index, item in enumerate(items):
        if not isinstance(item, dict):
            raise DataFileError(path, f"actors[{index}] must be a mapping")
        item = dict(item)
        replace = item.pop("replace", False)
        if not isinstance(replace, bool):
            raise DataFileError(
                path, "field 'replace' must be true or false", str(item.get("id") or index)
            )
        base = loaded.get(item.get("id")) if isinstance(item.get("id"), str) else None
        if base is not None and not replace:
            for key, value in (
                ("name", base.actor.name),
                ("type", base.actor.type.value),
                ("code", base.actor.code),
            ):
                item.setdefault(key, value)
        parsed = _parse_actor(path, index, item)
        if parsed.actor.id in seen:
            raise DataFileError(
                path, "field 'id' is duplicated in this file; ids must be unique", parsed.actor.id
            )
        seen.add(parsed.actor.id)
        if base is not None and not replace:
            parsed = _merge_entries(base, parsed, given=set(item))
        entries.append(parsed)
    return entries


def _merge_entries(base: _Entry, user: _Entry, given: set[str]) -> _Entry:
    """``user`` laid over ``base``: given scalar fields replace, lists are added to."""

    def joined(old: tuple, new: tuple) -> tuple:
        return tuple(dict.fromkeys((*old, *new)))

    name = user.actor.name
    aliases = joined(base.actor.aliases, user.actor.aliases)
    if name != base.actor.name:
        aliases = joined(aliases, (base.actor.name,))  # the old name still finds the actor
    roles = base.actor.roles + tuple(r for r in user.actor.roles if r not in base.actor.roles)
    nouns = base.title_nouns + tuple(
        n
        for r, n in zip(user.actor.roles, user.title_nouns, strict=True)
        if r not in base.actor.roles
    )
    actor = Actor(
        id=base.actor.id,
        name=name,
        type=user.actor.type,
        code=user.actor.code,
        country=user.actor.country if "country" in given else base.actor.country,
        aliases=tuple(a for a in aliases if a != name),
        roles=roles,
    )
    return _Entry(
        actor=actor,
        path=user.path,
        short_names=joined(base.short_names, user.short_names),
        demonyms=joined(base.demonyms, user.demonyms),
        capitals=joined(base.capitals, user.capitals),
        title_nouns=nouns,
        relations=joined(base.relations, user.relations),
    )


def parse_sector_file(path: str, text: str) -> dict[str, str]:
    """Parse ``sectors.yaml``: sector code -> list of nouns. Returns noun key -> code."""
    sectors = _check_schema(path, _read_yaml(path, text), "sectors")
    out: dict[str, str] = {}
    for code, nouns in sectors.items():
        if not isinstance(code, str) or not SECTOR_PATTERN.match(code):
            raise DataFileError(path, f"sector code {code!r} must be three capital letters")
        for noun in _strings(path, code, "nouns", nouns):
            key = normalise_name(noun)
            if key in out and out[key] != code:
                raise DataFileError(
                    path, f"noun {noun!r} is listed under both {out[key]} and {code}", code
                )
            out[key] = code
    return out


# ---------------------------------------------------------------------------------------
# The base


def _builtin_dir() -> Traversable:
    return resources.files("sitrep").joinpath("data")


def _expand(paths: Sequence[str | Path]) -> list[Path]:
    files: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            found = sorted([*p.glob("*.yaml"), *p.glob("*.yml")])
            if not found:
                raise DataFileError(str(p), "folder holds no .yaml or .yml actor files")
            files.extend(found)
        elif p.is_file():
            files.append(p)
        else:
            raise DataFileError(str(p), "no such file or folder; check the path")
    return files


class ActorBase:
    """Actors by id, with name, demonym, capital, title and sector indexes.

    Build it with :meth:`load` (or :meth:`from_texts` in tests). Instances are read-only.
    """

    def __init__(
        self,
        entries: Mapping[str, _Entry],
        sectors: Mapping[str, str],
        version: str,
    ) -> None:
        self._entries = MappingProxyType(dict(entries))
        self._sectors = MappingProxyType(dict(sectors))
        self.version = version
        self.actors: Mapping[str, Actor] = MappingProxyType(
            {k: e.actor for k, e in self._entries.items()}
        )
        self._check_references()
        alias_index: dict[str, list[tuple[str, bool]]] = {}
        alias_entries: list[AliasEntry] = []
        short_index: dict[str, list[str]] = {}
        for actor_id, e in self._entries.items():
            for text in (e.actor.name, *e.actor.aliases):
                key = normalise_name(text)
                if not key:
                    continue
                sensitive = is_acronym(text)
                alias_entries.append(AliasEntry(text, key, actor_id, sensitive))
                bucket = alias_index.setdefault(key, [])
                if all(a != actor_id or s != sensitive for a, s in bucket):
                    bucket.append((actor_id, sensitive))
            for text in e.short_names:
                short_index.setdefault(normalise_name(text), []).append(actor_id)
        self._alias_index = MappingProxyType(alias_index)
        self._alias_entries = tuple(alias_entries)
        self._short_index = MappingProxyType(short_index)
        self._countries, self._by_demonym, self._by_capital = self._index_countries()
        self._relations = tuple(r for e in self._entries.values() for r in e.relations)

    # -- construction -------------------------------------------------------------------

    @classmethod
    def load(cls, extra_paths: Sequence[str | Path] = ()) -> ActorBase:
        """Load the built-in files, then each user file or folder in ``extra_paths``."""
        data = _builtin_dir()
        actor_dir = data.joinpath("actors")
        builtin = sorted(
            (f for f in actor_dir.iterdir() if f.name.endswith(".yaml")), key=lambda f: f.name
        )
        if not builtin:
            raise DataFileError(str(actor_dir), "no built-in actor files; reinstall sitrep")
        actor_texts = [(f"sitrep/data/actors/{f.name}", f.read_text("utf-8")) for f in builtin]
        sectors = ("sitrep/data/sectors.yaml", data.joinpath("sectors.yaml").read_text("utf-8"))
        user_texts = []
        for p in _expand(extra_paths):
            try:
                user_texts.append((str(p), p.read_text("utf-8")))
            except (OSError, UnicodeDecodeError) as exc:
                raise DataFileError(str(p), f"cannot read file ({exc})") from exc
        return cls.from_texts(actor_texts, sectors, user_texts)

    @classmethod
    def from_texts(
        cls,
        builtin: Iterable[tuple[str, str]],
        sectors: tuple[str, str] | None = None,
        user: Iterable[tuple[str, str]] = (),
    ) -> ActorBase:
        """Build a base from (path, text) pairs: built-in actor files, the sector file and
        user files. Ids may not repeat across built-in files; user entries override."""
        digest = hashlib.sha1()
        entries: dict[str, _Entry] = {}
        for path, text in builtin:
            digest.update(text.encode("utf-8"))
            for e in parse_actor_file(path, text):
                if e.actor.id in entries:
                    raise DataFileError(
                        path,
                        f"field 'id' is already used in {entries[e.actor.id].path}; "
                        "built-in ids must be unique across files",
                        e.actor.id,
                    )
                entries[e.actor.id] = e
        for path, text in user:
            digest.update(text.encode("utf-8"))
            for e in parse_user_file(path, text, entries):
                if e.actor.id in entries:
                    log.info(
                        "%s: entry %s overrides %s", path, e.actor.id, entries[e.actor.id].path
                    )
                entries[e.actor.id] = e
        sector_map: dict[str, str] = {}
        if sectors is not None:
            digest.update(sectors[1].encode("utf-8"))
            sector_map = parse_sector_file(*sectors)
        return cls(entries, sector_map, f"kb-{digest.hexdigest()[:12]}")

    def _check_references(self) -> None:
        isos = {e.actor.country for e in self._entries.values() if e.actor.type is ActorType.STATE}
        for actor_id, e in self._entries.items():
            for i, rel in enumerate(e.relations):
                if rel.object not in self._entries:
                    raise DataFileError(
                        e.path,
                        f"field 'relations[{i}].object' names unknown actor id {rel.object!r}",
                        actor_id,
                    )
            country = e.actor.country
            if isos and country and country not in isos:
                raise DataFileError(
                    e.path,
                    f"field 'country' is {country!r}, which no state entry uses",
                    actor_id,
                )

    def _index_countries(
        self,
    ) -> tuple[Mapping[str, CountryInfo], Mapping[str, CountryInfo], Mapping[str, CountryInfo]]:
        countries: dict[str, CountryInfo] = {}
        by_demonym: dict[str, CountryInfo] = {}
        by_capital: dict[str, CountryInfo] = {}
        for actor_id, e in self._entries.items():
            if e.actor.type is not ActorType.STATE or not e.actor.country:
                if e.demonyms or e.capitals:
                    raise DataFileError(
                        e.path,
                        "fields 'demonyms'/'capitals' are only for state entries with a country",
                        actor_id,
                    )
                continue
            info = CountryInfo(e.actor.country, actor_id, e.demonyms, e.capitals)
            if info.iso3 in countries:
                raise DataFileError(
                    e.path,
                    f"field 'country' {info.iso3} is already used by state "
                    f"{countries[info.iso3].actor_id}",
                    actor_id,
                )
            countries[info.iso3] = info
            for field, words, index in (
                ("demonyms", e.demonyms, by_demonym),
                ("capitals", e.capitals, by_capital),
            ):
                for word in words:
                    key = normalise_name(word)
                    other = index.get(key)
                    if other is not None and other.iso3 != info.iso3:
                        raise DataFileError(
                            e.path,
                            f"field '{field}': {word!r} is also listed for {other.actor_id}; "
                            "keep it on one country only",
                            actor_id,
                        )
                    index[key] = info
        return (
            MappingProxyType(countries),
            MappingProxyType(by_demonym),
            MappingProxyType(by_capital),
        )

    # -- queries --------------------------------------------------------------------------

    def find(self, actor_id: str) -> Actor | None:
        """The actor with this id, or None."""
        return self.actors.get(actor_id)

    def __contains__(self, actor_id: object) -> bool:
        return actor_id in self.actors

    def __len__(self) -> int:
        return len(self.actors)

    def lookup(self, name: str) -> list[Actor]:
        """Actors whose name or alias matches ``name`` after normalisation.

        Acronym aliases ("US", "IS") match only when ``name`` is written in capitals.
        Demonyms and capitals are not searched here.
        """
        key = normalise_name(name)
        upper = name.upper() == name
        return [
            self.actors[actor_id]
            for actor_id, sensitive in self._alias_index.get(key, ())
            if upper or not sensitive
        ]

    def short_name_lookup(self, name: str) -> list[Actor]:
        """Actors with ``name`` among their short names: surnames that refer to the actor
        only after the full name has appeared on the same page."""
        return [self.actors[i] for i in self._short_index.get(normalise_name(name), ())]

    def short_names(self, actor_id: str) -> tuple[str, ...]:
        entry = self._entries.get(actor_id)
        return entry.short_names if entry else ()

    def country(self, iso3: str) -> CountryInfo | None:
        return self._countries.get(iso3.upper())

    def country_by_demonym(self, word: str) -> CountryInfo | None:
        """ "Iraqi", "Iraqis", "British" -> that country's info.

        Demonyms are proper adjectives, so a word starting in lower case ("polish",
        "turkey") never matches.
        """
        if not _capitalised(word):
            return None
        return self._by_demonym.get(normalise_name(word))

    def country_by_capital(self, word: str) -> CountryInfo | None:
        """ "Baghdad", "Kiev" -> the country whose government the capital may stand for.

        Like demonyms, capitals match only when written with a capital initial.
        """
        if not _capitalised(word):
            return None
        return self._by_capital.get(normalise_name(word))

    def sector_for(self, noun_phrase_head: str) -> str | None:
        """Sector code for a generic noun or phrase: "troops" -> "MIL"."""
        return self._sectors.get(normalise_name(noun_phrase_head))

    @property
    def sector_nouns(self) -> Mapping[str, str]:
        """Normalised noun or phrase -> sector code, for building matchers."""
        return self._sectors

    def relations_of(self, actor_id: str, on: str | None = None) -> list[Relation]:
        """Relations with ``actor_id`` as subject or object, held on ``on`` (any if None)."""
        return [r for r in self._relations if actor_id in (r.subject, r.object) and r.holds_on(on)]

    @property
    def relations(self) -> tuple[Relation, ...]:
        return self._relations

    def title_nouns(self, on: str | None) -> dict[str, list[Actor]]:
        """Normalised role noun ("prime minister") -> actors holding a role with that
        noun on ``on`` (every role when ``on`` is None). Returns a fresh dict; the
        work is memoised per date, since the base never changes after loading."""
        return {k: list(v) for k, v in self._title_nouns_on(on).items()}

    @functools.lru_cache(maxsize=4096)  # noqa: B019 - one entry per page date; the base never changes
    def _title_nouns_on(self, on: str | None) -> dict[str, tuple[Actor, ...]]:
        out: dict[str, list[Actor]] = {}
        for noun, held in self._title_roles().items():
            for actor, role in held:
                if role.holds_on(on):
                    bucket = out.setdefault(noun, [])
                    if actor not in bucket:
                        bucket.append(actor)
        return {k: tuple(v) for k, v in out.items()}

    @functools.cache  # noqa: B019 - built once per base, which never changes after loading
    def _title_roles(self) -> dict[str, tuple[tuple[Actor, Role], ...]]:
        """Normalised role noun -> every (actor, role) with that noun, whatever the date."""
        out: dict[str, list[tuple[Actor, Role]]] = {}
        for e in self._entries.values():
            for role, nouns in zip(e.actor.roles, e.title_nouns, strict=True):
                for noun in nouns or ():
                    out.setdefault(normalise_name(noun), []).append((e.actor, role))
        return {k: tuple(v) for k, v in out.items()}

    @property
    def aliases(self) -> Iterator[tuple[str, str]]:
        """(normalised alias, actor id) pairs, names included."""
        return ((a.key, a.actor_id) for a in self._alias_entries)

    @property
    def alias_entries(self) -> tuple[AliasEntry, ...]:
        """Every alias with its original spelling and case sensitivity."""
        return self._alias_entries

    def stats(self) -> KBStats:
        """Counts for reports and logs."""
        return KBStats(
            actors=len(self.actors),
            aliases=len(self._alias_entries),
            roles=sum(len(a.roles) for a in self.actors.values()),
            relations=len(self._relations),
            countries=len(self._countries),
            sector_nouns=len(self._sectors),
        )
