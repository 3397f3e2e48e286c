"""Reading and validating the pattern files (``data/verbs.yaml``, ``data/cues.yaml`` and
user files): a strict YAML loader, one checker per entry, and a ``DataFileError`` that
names the file, the entry and the field for every problem.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import ConstructorError

from sitrep.errors import DataFileError
from sitrep.events.pattern_records import (
    NOT_AN_EVENT,
    PLOVER_TYPES,
    QUADS,
    SCHEMA_VERSION,
    TARGETS,
    Cues,
    LightVerb,
    NounPattern,
    OldName,
    TypeInfo,
    VerbPattern,
    normalize_lemma,
)
from sitrep.models import Modality

log = logging.getLogger(__name__)


class _Located(dict):
    """A YAML mapping that remembers the line it started on."""

    line = 0


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader that rejects duplicate keys and records mapping line numbers."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        seen: dict[Any, int] = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            line = key_node.start_mark.line + 1
            if isinstance(key, str | int | float | bool) and key in seen:
                problem = f"duplicate key {key!r} (first at line {seen[key]}); each key may appear once in a mapping: remove or merge one"  # fmt: skip
                raise ConstructorError(None, None, problem, key_node.start_mark)
            seen[key] = line
        return super().construct_mapping(node, deep=deep)


def _construct_located(loader: _StrictLoader, node: yaml.MappingNode):
    data = _Located()
    data.line = node.start_mark.line + 1
    yield data
    data.update(loader.construct_mapping(node))


_StrictLoader.add_constructor("tag:yaml.org,2002:map", _construct_located)
# YAML 1.2 booleans: only true/false, so "prep: on", "particle: off" and "no" stay words.
_BOOL_TAG = "tag:yaml.org,2002:bool"
_StrictLoader.yaml_implicit_resolvers = {
    first: [r for r in found if r[0] != _BOOL_TAG]
    for first, found in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_StrictLoader.add_implicit_resolver(_BOOL_TAG, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))  # fmt: skip


def _parse_yaml(path: str, text: bytes) -> Mapping[str, Any]:
    try:
        data = yaml.load(text, Loader=_StrictLoader)  # a SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = exc.problem or str(exc)
        hint = "" if "duplicate key" in problem else " (fix the syntax; quote values that hold ': ', ' #' or a comma inside {...})"  # fmt: skip
        raise DataFileError(path, f"invalid YAML{where}: {problem}{hint}") from exc
    except yaml.YAMLError as exc:
        raise DataFileError(path, f"invalid YAML: {exc}") from exc
    if not isinstance(data, Mapping):
        raise DataFileError(path, "the file must be a YAML mapping with a 'schema:' key")
    if data.get("schema") != SCHEMA_VERSION:
        problem = f"schema {data.get('schema')!r} is not supported; set 'schema: {SCHEMA_VERSION}'"
        raise DataFileError(path, problem)
    return data


# ----------------------------------------------------------------------------- validation


class _Checker:
    """Reads one entry's fields and raises DataFileError naming file, entry and field."""

    def __init__(self, path: str, entry: str, data: Any, allowed: Iterable[str]) -> None:
        self.path, self.entry = path, entry
        if not isinstance(data, Mapping):
            self.fail(f"must be a mapping of fields, got {type(data).__name__}")
        self.data = data
        unknown = [k for k in data if k not in allowed]
        if unknown:
            comma = " (an unquoted comma inside {...} starts a new field: quote the value)"
            hint = comma if data[unknown[0]] is None else ""
            self.fail(f"unknown field {str(unknown[0])!r}{hint}; allowed fields: {', '.join(sorted(allowed))}")  # fmt: skip

    def fail(self, problem: str) -> None:
        raise DataFileError(self.path, problem, self.entry)

    def text(self, name: str, required: bool = False, default: str | None = None) -> str | None:
        value = self.data.get(name)
        if value is None:
            if required:
                self.fail(f"missing field {name!r}")
            return default
        if not isinstance(value, str) or not value.strip():
            self.fail(f"field {name!r} must be a non-empty string, got {value!r}")
        return value.strip()

    def word(self, name: str) -> str | None:
        value = self.text(name)
        if value is not None:
            value = normalize_lemma(value)
            if " " in value:
                self.fail(f"field {name!r} must be one word, got {value!r}")
        return value

    def flag(self, name: str, default: bool) -> bool:
        value = self.data.get(name, default)
        if not isinstance(value, bool):
            self.fail(f"field {name!r} must be true or false, got {value!r}")
        return value

    def number(self, value: Any, name: str) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.fail(f"field {name!r} must be a number, got {value!r}")
        if not -10.0 <= float(value) <= 10.0:
            self.fail(f"field {name!r} must lie in [-10, 10], got {value}")
        return float(value)

    def words(self, name: str, one_word: bool = False) -> tuple[str, ...] | None:
        value = self.data.get(name)
        if value is None:
            return None
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list) or not all(isinstance(i, str) and i.strip() for i in items):
            self.fail(f"field {name!r} must be a string or a list of strings, got {value!r}")
        norm = (lambda i: i.strip()) if name == "modes" else normalize_lemma
        out = tuple(dict.fromkeys(norm(i) for i in items))
        if one_word and any(" " in w for w in out):
            self.fail(f"field {name!r} must list single words, got {list(out)!r}")
        return out

    def type_and_mode(self, types: Mapping[str, TypeInfo], old: Mapping[str, OldName]):
        name = self.text("type", required=True)
        if name != NOT_AN_EVENT and name not in types:
            hint = ""
            if name.upper() in old and old[name.upper()].type:
                hint = f" ({name!r} is an old PLOVER name: use {old[name.upper()].type!r})"
            self.fail(
                f"field 'type': unknown PLOVER type {name!r}{hint}; use one of "
                f"{', '.join(types)}, or {NOT_AN_EVENT} for a reading that is not an event"
            )
        mode = self.text("mode")
        if mode is not None:
            modes = types[name].modes if name in types else ()
            if mode not in modes:
                allowed = f"one of {', '.join(modes)}" if modes else "no mode (remove 'mode')"
                self.fail(f"field 'mode': {mode!r} is not a mode of {name}; use {allowed}")
        return name, mode


def _entry_name(section: str, index: int, data: Any) -> str:
    line = f" (line {data.line})" if isinstance(data, _Located) and data.line else ""
    label = ""
    if isinstance(data, Mapping) and isinstance(data.get("lemma"), str):
        parts = [data["lemma"]]
        if data.get("particle"):
            parts.append(str(data["particle"]))
        if data.get("prep"):
            parts.append(f"+{data['prep']}")
        if isinstance(data.get("object"), list):
            parts.append("[" + ", ".join(map(str, data["object"][:3])) + (", ...]" if len(data["object"]) > 3 else "]"))  # fmt: skip
        elif data.get("object"):
            parts.append(f"[{data['object']}]")
        label = " '" + " ".join(parts) + "'"
    return f"{section} #{index + 1}{label}{line}"


def _read_types(path: str, data: Any) -> dict[str, TypeInfo]:
    if not isinstance(data, Mapping):
        raise DataFileError(path, "section 'types' must map each PLOVER type to its fields")
    types: dict[str, TypeInfo] = {}
    for name, body in data.items():
        check = _Checker(path, f"types.{name}", body, ("quad", "score", "modes", "mode_scores", "old_modes", "note"))  # fmt: skip
        if name not in PLOVER_TYPES:
            check.fail(
                f"{name!r} is not a current PLOVER type; use one of {', '.join(PLOVER_TYPES)}"
            )
        quad = check.text("quad", required=True)
        if quad not in QUADS:
            check.fail(f"field 'quad': {quad!r} is not one of {', '.join(QUADS)}")
        if "score" not in body:
            check.fail("missing field 'score'")
        score = check.number(body["score"], "score")
        modes = check.words("modes", one_word=True) or ()
        for section in ("mode_scores", "old_modes"):
            if not isinstance(body.get(section) or {}, Mapping):
                check.fail(f"field {section!r} must map mode names to values")
        mode_scores = []
        for mode, value in (body.get("mode_scores") or {}).items():
            if mode not in modes:
                check.fail(f"field 'mode_scores': {mode!r} is not in this type's modes")
            mode_scores.append((mode, check.number(value, f"mode_scores.{mode}")))
        old_modes = []
        for old, new in (body.get("old_modes") or {}).items():
            if new is not None and new not in modes:
                check.fail(f"field 'old_modes': {old!r} maps to {new!r}, not a mode of {name}")
            old_modes.append((str(old), new))
        note = check.text("note", default="") or ""
        types[name] = TypeInfo(name, quad, score, modes, tuple(mode_scores), tuple(old_modes), note)
    missing = [t for t in PLOVER_TYPES if t not in types]
    if missing:
        raise DataFileError(path, f"section 'types' lacks {', '.join(missing)}; define all 16")
    return types


def _read_old_names(path: str, data: Any, types: Mapping[str, TypeInfo]) -> dict[str, OldName]:
    out: dict[str, OldName] = {}
    for name, body in (data or {}).items():
        check = _Checker(path, f"old_names.{name}", body, ("type", "mode", "note"))
        if name in types:
            check.fail(f"{name!r} is a current type name and cannot also be an old name")
        target = body.get("type")
        mode = check.text("mode")
        if target is not None and target not in types:
            check.fail(f"field 'type': {target!r} is not a current PLOVER type")
        if mode is not None and (target is None or mode not in types[target].modes):
            check.fail(f"field 'mode': {mode!r} is not a mode of {target}")
        upper, note = str(name).upper(), check.text("note", default="") or ""
        out[upper] = OldName(upper, target, mode, note)
    return out


_VERB_FIELDS = ("lemma", "type", "mode", "particle", "prep", "object", "target", "negate", "passive_ok", "symmetric", "complement", "infinitive", "note")  # fmt: skip
_NOUN_FIELDS = ("lemma", "type", "mode", "target_preps", "source_preps", "premod_ok", "symmetric", "premod_role", "note")  # fmt: skip
PREMOD_ROLES = ("source", "target", "patient")
_LIGHT_FIELDS = ("lemma", "particle", "prep", "note")


def _read_section(path, section, items, fields, allow_disable, build) -> list[tuple[Any, bool]]:
    """Read a list of entries: ``build(check, disabled)`` makes each record (with ``key``)."""
    if items is None:
        return []
    if not isinstance(items, list):
        raise DataFileError(path, f"section {section!r} must be a list of entries")
    out: list[tuple[Any, bool]] = []
    seen: dict[Any, str] = {}
    allowed = (*fields, "disable") if allow_disable else fields
    for i, data in enumerate(items):
        check = _Checker(path, _entry_name(section, i, data), data, allowed)
        disabled = check.flag("disable", False)
        record = build(check, disabled)
        if record.key in seen:
            check.fail(f"duplicate of {seen[record.key]}: same key {record.key!r}")
        seen[record.key] = check.entry
        out.append((record, disabled))
    return out


def _read_verbs(path, items, types, old, allow_disable) -> list[tuple[VerbPattern, bool]]:
    owners: dict[tuple, str] = {}

    def build(check: _Checker, disabled: bool) -> VerbPattern:
        lemma = normalize_lemma(check.text("lemma", required=True) or "")
        kind, mode = (NOT_AN_EVENT, None) if disabled else check.type_and_mode(types, old)
        target = check.text("target", default="dobj")
        if target not in TARGETS:
            check.fail(f"field 'target': {target!r} is not one of {', '.join(TARGETS)}")
        prep = check.word("prep")
        if target == "prep" and prep is None:
            check.fail("field 'target' is 'prep' but no 'prep' field names the preposition")
        pattern = VerbPattern(
            lemma=lemma, type=kind, mode=mode, particle=check.word("particle"), prep=prep,
            objects=check.words("object") or (), target=target,
            passive_ok=check.flag("passive_ok", True), negate=check.flag("negate", False),
            symmetric=check.flag("symmetric", False), note=check.text("note", default="") or "",
            complements=check.words("complement", one_word=True) or (),
            infinitives=check.words("infinitive", one_word=True) or (),
            origin=f"{path}, {check.entry}",
        )  # fmt: skip
        for obj in () if disabled else pattern.objects:
            slot = (lemma, pattern.particle, prep, pattern.negate, obj)
            if slot in owners:
                check.fail(
                    f"field 'object': {obj!r} is also listed by {owners[slot]} with the same "
                    "lemma, particle and prep; keep it in one entry so the reading is unambiguous"
                )
            owners[slot] = check.entry
        return pattern

    return _read_section(path, "verbs", items, _VERB_FIELDS, allow_disable, build)


def _read_nouns(path, items, types, old, allow_disable) -> list[tuple[NounPattern, bool]]:
    def build(check: _Checker, disabled: bool) -> NounPattern:
        kind, mode = (NOT_AN_EVENT, None) if disabled else check.type_and_mode(types, old)
        source = check.words("source_preps", one_word=True)
        premod_role = check.text("premod_role", default="source") or "source"
        if premod_role not in PREMOD_ROLES:
            check.fail(
                f"field 'premod_role': {premod_role!r} is not one of {', '.join(PREMOD_ROLES)}"
            )
        return NounPattern(
            lemma=normalize_lemma(check.text("lemma", required=True) or ""), type=kind, mode=mode,
            target_preps=check.words("target_preps", one_word=True) or (),
            source_preps=("by",) if source is None else source,
            premod_ok=check.flag("premod_ok", True), symmetric=check.flag("symmetric", False),
            premod_role=premod_role,
            note=check.text("note", default="") or "", origin=f"{path}, {check.entry}",
        )  # fmt: skip

    return _read_section(path, "nouns", items, _NOUN_FIELDS, allow_disable, build)


def _read_light_verbs(path, items, allow_disable) -> list[tuple[LightVerb, bool]]:
    def build(check: _Checker, disabled: bool) -> LightVerb:
        return LightVerb(
            lemma=normalize_lemma(check.text("lemma", required=True) or ""),
            particle=check.word("particle"), prep=check.word("prep"),
            note=check.text("note", default="") or "", origin=f"{path}, {check.entry}",
        )  # fmt: skip

    return _read_section(path, "light_verbs", items, _LIGHT_FIELDS, allow_disable, build)


def _read_lemma_fixes(path: str, data: Any) -> dict[str, str]:
    if data is None:
        return {}
    if not isinstance(data, Mapping):
        raise DataFileError(path, "section 'lemma_fixes' must map surface forms to lemmas")
    for form, lemma in data.items():
        if not (isinstance(form, str) and isinstance(lemma, str) and lemma.strip()):
            raise DataFileError(path, f"must map a word to its lemma, got {lemma!r}", f"lemma_fixes.{form}")  # fmt: skip
    return {form.lower(): normalize_lemma(lemma) for form, lemma in data.items()}


_CUE_WORD_LISTS = ("speech_verbs", "hedges", "prediction", "conditional", "conditional_modals", "conditional_openers", "negation", "negating_verbs", "question_words", "disapproval", "approval", "obligation", "message_nouns", "punishing_verbs", "intention", "cause_markers", "reason_types", "claim_nouns", "statement_nouns", "decision_nouns", "accord_nouns", "hostility_nouns", "harm_nouns", "side_nouns", "side_words", "calm_nouns", "denying_verbs", "held_nouns", "naming_verbs", "crowd_acts", "crowd_sectors", "notice_verbs", "danger_nouns", "conceding_verbs", "conceded_modes", "force_moves", "force_sectors")  # fmt: skip
_CUE_PHRASE_LISTS = ("speech_phrases", "hedge_phrases", "prediction_phrases", "conditional_phrases", "negation_phrases", "question_marks", "obligation_phrases", "ruled_out_phrases", "cause_phrases", "reason_phrases")  # fmt: skip


def _read_cues(path: str, data: Mapping[str, Any]) -> Cues:
    _reject_unknown_sections(path, data, {"schema", "precedence", *_CUE_WORD_LISTS, *_CUE_PHRASE_LISTS})  # fmt: skip
    values: dict[str, Any] = {}
    for name in (*_CUE_WORD_LISTS, *_CUE_PHRASE_LISTS):
        items = data.get(name) or []
        if not isinstance(items, list) or not all(isinstance(i, str) and i.strip() for i in items):
            raise DataFileError(path, f"{name!r} must be a list of strings", name)
        cleaned = [" ".join(i.replace("\u2019", "'").lower().split()) for i in items]
        if name in _CUE_WORD_LISTS:
            spaced = [c for c in cleaned if " " in c]
            if spaced:
                target = name.removesuffix("_verbs").removesuffix("s") + "_phrases"
                target = target if target in _CUE_PHRASE_LISTS else "a *_phrases list"
                raise DataFileError(path, f"{spaced[0]!r} has several words; move it to {target}", name)  # fmt: skip
            values[name] = frozenset(cleaned)
        else:
            values[name] = tuple(dict.fromkeys(cleaned))
    precedence = data.get("precedence")
    expected = {m.value for m in Modality}
    if not isinstance(precedence, list) or sorted(map(str, precedence)) != sorted(expected):
        problem = f"must list each modality exactly once: {', '.join(sorted(expected))}"
        raise DataFileError(path, problem, "precedence")
    return Cues(precedence=tuple(precedence), **values)


def _read_file(path: str | Path) -> tuple[str, bytes]:
    try:
        return str(path), Path(path).read_bytes()
    except FileNotFoundError as exc:
        raise DataFileError(str(path), "file not found; check the path") from exc
    except OSError as exc:
        raise DataFileError(str(path), f"cannot be read: {exc.strerror}") from exc


def _reject_unknown_sections(path: str, data: Mapping[str, Any], allowed: set[str]) -> None:
    unknown = sorted(str(k) for k in data if k not in allowed)
    if unknown:
        raise DataFileError(
            path,
            f"unknown section {unknown[0]!r}; this file may hold: {', '.join(sorted(allowed))}",
        )


def _merge(into: dict, entries, path: str) -> None:
    """Apply a user file's entries: replace same-key entries, drop disabled ones."""
    for item, disabled in entries:
        k = item.key
        if disabled:
            if into.pop(k, None) is None:
                log.warning("%s: %s disables an entry that does not exist", path, item.origin)
            continue
        if k in into:
            log.debug("%s overrides %s", item.origin, into[k].origin)
        into[k] = item
