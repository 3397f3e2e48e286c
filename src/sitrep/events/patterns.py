"""The event coder's knowledge: PLOVER types, verb and noun patterns, light verbs, cues.

The knowledge lives in two YAML files shipped with the package, ``data/verbs.yaml`` and
``data/cues.yaml`` (schema documented in ``data/README-patterns.md``). ``PatternBook.load``
reads and validates them, then applies any user files that add, replace or disable
verb, noun and light-verb entries. Every problem is reported as a ``DataFileError``
naming the file, the entry and the field to fix.

Lemmas are compared after ``normalize_lemma``: lowercase, curly apostrophes straightened,
hyphens read as spaces ("sit-in" == "sit in"), and British/American spellings of
-ise/-ize, -isation/-ization and -our/-or words tried when the exact form is missing.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml
from yaml.constructor import ConstructorError

from sitrep.errors import DataFileError, SitrepError
from sitrep.models import Modality

log = logging.getLogger(__name__)

SCHEMA_VERSION = 1
NOT_AN_EVENT = "NONE"  # type of a pattern that blocks an event reading
PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")  # fmt: skip
QUADS = ("verbal_coop", "material_coop", "verbal_conflict", "material_conflict")
TARGETS = ("dobj", "prep", "none")
VERBS_FILE = "verbs.yaml"
CUES_FILE = "cues.yaml"


class UnknownEventTypeError(SitrepError):
    """An event type name that is neither a current nor an old PLOVER name."""

    code = "E310"


# ----------------------------------------------------------------------------- records


@dataclass(frozen=True)
class TypeInfo:
    """One PLOVER event type: its quad, Goldstein-style score and modes."""

    name: str
    quad: str
    score: float
    modes: tuple[str, ...]
    mode_scores: tuple[tuple[str, float], ...] = ()
    old_modes: tuple[tuple[str, str | None], ...] = ()  # old mode -> current mode or None
    note: str = ""

    def score_for(self, mode: str | None) -> float:
        """The score of this type in ``mode`` (the type's score when the mode has none)."""
        return dict(self.mode_scores).get(mode or "", self.score)


@dataclass(frozen=True)
class OldName:
    """A type name from an older PLOVER release and what it is called now."""

    name: str
    type: str | None  # None: retired, no current equivalent
    mode: str | None = None
    note: str = ""


@dataclass(frozen=True)
class VerbPattern:
    """A verb reading. ``type`` is ``NOT_AN_EVENT`` for readings that block an event.

    ``objects`` are head lemmas (or multiword lemmas) required of the direct object, or,
    when ``prep`` is set and ``target`` is not "prep", of the object of ``prep``.
    """

    lemma: str
    type: str
    mode: str | None = None
    particle: str | None = None
    prep: str | None = None
    objects: tuple[str, ...] = ()
    target: str = "dobj"
    passive_ok: bool = True
    negate: bool = False  # applies only when the verb itself is negated
    symmetric: bool = False  # mutual event: coordinated actors are each other's recipients
    note: str = ""
    origin: str = ""  # "file, entry" it was read from

    @property
    def is_event(self) -> bool:
        return self.type != NOT_AN_EVENT

    @property
    def key(self) -> tuple[str, str | None, str | None, tuple[str, ...], bool]:
        """Identity for duplicate detection and user overrides."""
        return (self.lemma, self.particle, self.prep, tuple(sorted(self.objects)), self.negate)

    @property
    def specificity(self) -> int:
        """Higher is more specific: negation 8, objects 4, particle 2, preposition 1."""
        return 8 * self.negate + 4 * bool(self.objects) + 2 * bool(self.particle) + bool(self.prep)

    def accepts(self, context: VerbContext) -> bool:
        """Whether this pattern's particle, preposition, object and voice needs hold."""
        preps = context.preps
        if self.negate and not context.negated:
            return False
        if context.passive and not self.passive_ok:
            return False
        if self.particle is not None and self.particle not in (context.particle, *preps):
            return False
        if self.prep is not None and self.prep not in preps:
            return False
        if not self.objects:
            return True
        if self.prep is not None and self.target != "prep":
            candidates = context.objects_of(self.prep)
        else:
            candidates = context.objects
        return any(c in self.objects for c in candidates)


@dataclass(frozen=True)
class VerbContext:
    """What the coder saw around a verb, for ``PatternBook.match_verb``.

    ``objects``: lemmas of the direct object (or of the subject of a passive), each as
    the head lemma and, where it has premodifiers, the multiword lemma ("martial law").
    ``prep_objects``: (preposition, object lemmas) for each prepositional child.
    """

    lemma: str
    particle: str | None = None
    objects: tuple[str, ...] = ()
    prep_objects: tuple[tuple[str, tuple[str, ...]], ...] = ()
    negated: bool = False
    passive: bool = False

    def __post_init__(self) -> None:
        norm = normalize_lemma
        object.__setattr__(self, "lemma", norm(self.lemma))
        object.__setattr__(self, "particle", norm(self.particle) if self.particle else None)
        object.__setattr__(self, "objects", tuple(norm(o) for o in self.objects))
        prep_objects = tuple(
            (norm(p), tuple(norm(o) for o in objs)) for p, objs in self.prep_objects
        )
        object.__setattr__(self, "prep_objects", prep_objects)

    @property
    def preps(self) -> tuple[str, ...]:
        return tuple(p for p, _ in self.prep_objects)

    def objects_of(self, prep: str) -> tuple[str, ...]:
        return tuple(o for p, objs in self.prep_objects if p == prep for o in objs)


@dataclass(frozen=True)
class NounPattern:
    """A nominal event ("airstrike", "talks", "civil strike")."""

    lemma: str
    type: str
    mode: str | None = None
    target_preps: tuple[str, ...] = ()
    source_preps: tuple[str, ...] = ("by",)
    premod_ok: bool = True
    symmetric: bool = False
    note: str = ""
    origin: str = ""

    @property
    def is_event(self) -> bool:
        return self.type != NOT_AN_EVENT

    @property
    def key(self) -> str:
        return self.lemma


@dataclass(frozen=True)
class LightVerb:
    """A verb whose event is the event noun it governs ("launched an attack").

    ``prep`` is set when the noun hangs from a preposition ("engage in fighting").
    """

    lemma: str
    particle: str | None = None
    prep: str | None = None
    note: str = ""
    origin: str = ""

    @property
    def key(self) -> tuple[str, str | None, str | None]:
        return (self.lemma, self.particle, self.prep)


@dataclass(frozen=True)
class Cues:
    """Modality and attribution cue words (``data/cues.yaml``)."""

    speech_verbs: frozenset[str]
    speech_phrases: tuple[str, ...]
    hedges: frozenset[str]
    hedge_phrases: tuple[str, ...]
    prediction: frozenset[str]
    prediction_phrases: tuple[str, ...]
    conditional: frozenset[str]
    conditional_phrases: tuple[str, ...]
    negation: frozenset[str]
    precedence: tuple[str, ...]
    negation_phrases: tuple[str, ...] = ()
    negating_verbs: frozenset[str] = frozenset()
    conditional_modals: frozenset[str] = frozenset()
    conditional_openers: frozenset[str] = frozenset()
    question_marks: tuple[str, ...] = ("?",)
    question_words: frozenset[str] = frozenset()
    disapproval: frozenset[str] = frozenset()  # "called the raid a crime": naming as ACCUSE
    approval: frozenset[str] = frozenset()  # "called the deal historic": naming as SUPPORT

    def strongest(self, modalities: Iterable[str]) -> Modality:
        """The modality that wins by ``precedence`` among ``modalities`` (asserted if none)."""
        found = {str(m) for m in modalities}
        for name in self.precedence:
            if name in found:
                return Modality(name)
        return Modality.ASSERTED

    def is_question(self, sentence: str) -> bool:
        """True when the sentence ends with a question mark (closing quotes ignored)."""
        return (
            sentence.rstrip().rstrip("\"')]}\u201d\u2019»").rstrip().endswith(self.question_marks)
        )


# ----------------------------------------------------------------------------- helpers

_SPACED_HYPHEN = re.compile(r"\s*[-\u2010\u2011\u2013]\s*")
_PHRASE_WORD = re.compile(r"\w+(?=n't)|n't|'\w+|\w+|[^\w\s]")
_VARIANT_ENDINGS = (("isation", "ization"), ("ization", "isation"), ("ise", "ize"), ("ize", "ise"), ("our", "or"), ("or", "our"), ("ence", "ense"), ("ense", "ence"))  # fmt: skip


def normalize_lemma(text: str) -> str:
    """Lowercase, straighten apostrophes, read hyphens as spaces, collapse whitespace."""
    text = text.replace("\u2019", "'").replace("\u2018", "'").lower()
    return " ".join(_SPACED_HYPHEN.sub(" ", text).split())


def spelling_variants(lemma: str) -> tuple[str, ...]:
    """The lemma and its other spellings ("criticise" -> ("criticise", "criticize"))."""
    out = [lemma]
    for old, new in _VARIANT_ENDINGS:
        if lemma.endswith(old) and len(lemma) > len(old) + 2:
            out.append(lemma[: -len(old)] + new)
    return tuple(dict.fromkeys(out))


def phrase_words(phrase: str) -> tuple[str, ...]:
    """A cue phrase as the words spaCy would split it into ("I'm guessing" -> i, 'm, ...)."""
    return tuple(_PHRASE_WORD.findall(phrase.replace("\u2019", "'").lower()))


def find_phrases(tokens: Sequence[Any], phrases: Iterable[str]) -> list[tuple[int, int, str]]:
    """Every (start, end, phrase) where a phrase matches ``tokens[start:end]``.

    ``tokens`` are spaCy Tokens (or anything with ``lower_`` and ``lemma_``). A phrase
    word matches a token when it equals the token's lowercase text or its lemma.
    """
    forms = [
        (t.lower_.replace("\u2019", "'"), t.lemma_.lower().replace("\u2019", "'")) for t in tokens
    ]
    by_first = _phrases_by_first_word(tuple(phrases))
    found = []
    for start, here in enumerate(forms):
        for form in set(here):
            for phrase, words in by_first.get(form, ()):
                end = start + len(words)
                if end <= len(forms) and all(w in forms[start + i] for i, w in enumerate(words)):
                    found.append((start, end, phrase))
    return sorted(set(found))


@functools.lru_cache(maxsize=64)
def _phrases_by_first_word(
    phrases: tuple[str, ...],
) -> dict[str, list[tuple[str, tuple[str, ...]]]]:
    """Phrases indexed by their first word, so a sentence is scanned once (a pure memo)."""
    index: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for phrase in phrases:
        words = phrase_words(phrase)
        if words:
            index.setdefault(words[0], []).append((phrase, words))
    return index


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


_VERB_FIELDS = ("lemma", "type", "mode", "particle", "prep", "object", "target", "negate", "passive_ok", "symmetric", "note")  # fmt: skip
_NOUN_FIELDS = ("lemma", "type", "mode", "target_preps", "source_preps", "premod_ok", "symmetric", "note")  # fmt: skip
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
        return NounPattern(
            lemma=normalize_lemma(check.text("lemma", required=True) or ""), type=kind, mode=mode,
            target_preps=check.words("target_preps", one_word=True) or (),
            source_preps=("by",) if source is None else source,
            premod_ok=check.flag("premod_ok", True), symmetric=check.flag("symmetric", False),
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


_CUE_WORD_LISTS = ("speech_verbs", "hedges", "prediction", "conditional", "conditional_modals", "conditional_openers", "negation", "negating_verbs", "question_words", "disapproval", "approval")  # fmt: skip
_CUE_PHRASE_LISTS = ("speech_phrases", "hedge_phrases", "prediction_phrases", "conditional_phrases", "negation_phrases", "question_marks")  # fmt: skip


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


# ----------------------------------------------------------------------------- the book


class PatternBook:
    """Validated event knowledge with lookups for the coder. Build with ``load``."""

    def __init__(self, types: Sequence[TypeInfo], verbs: Sequence[VerbPattern], nouns: Sequence[NounPattern], light_verbs: Sequence[LightVerb], cues: Cues, old_names: Sequence[OldName] = (), version: str = "", lemma_fixes: Sequence[tuple[str, str]] = ()) -> None:  # fmt: skip
        self.types, self.verbs, self.nouns = tuple(types), tuple(verbs), tuple(nouns)
        self.light_verbs, self.old_names = tuple(light_verbs), tuple(old_names)
        self.cues, self.version = cues, version
        self.lemma_fixes = MappingProxyType(dict(lemma_fixes))
        self._types = MappingProxyType({t.name: t for t in self.types})
        self._old = MappingProxyType({o.name: o for o in self.old_names})
        by_lemma: dict[str, list[VerbPattern]] = {}
        for pattern in self.verbs:
            by_lemma.setdefault(pattern.lemma, []).append(pattern)
        order = {id(p): i for i, p in enumerate(self.verbs)}
        rank = lambda p: (-p.specificity, order[id(p)])  # noqa: E731
        self._verbs = MappingProxyType({k: tuple(sorted(v, key=rank)) for k, v in by_lemma.items()})
        self._nouns = MappingProxyType({n.lemma: n for n in self.nouns})
        self._light = MappingProxyType({lv.key: lv for lv in self.light_verbs})

    # -- loading

    @classmethod
    def load(cls, extra_paths: Sequence[str | Path] = ()) -> PatternBook:
        """The built-in knowledge plus user files that add, replace or disable entries.

        A user file (``schema: 1``) may hold ``verbs``, ``nouns`` and ``light_verbs``
        sections. An entry with the same key as an earlier one (verbs: lemma, particle,
        prep, object, negate; nouns: lemma; light verbs: lemma, particle, prep) replaces
        it; ``disable: true`` removes it. Later files win over earlier ones.
        """
        data = resources.files("sitrep").joinpath("data")
        verbs, cues = data.joinpath(VERBS_FILE), data.joinpath(CUES_FILE)
        return cls._build(
            (str(verbs), verbs.read_bytes()), (str(cues), cues.read_bytes()), extra_paths
        )

    @classmethod
    def from_files(
        cls, verbs_path: str | Path, cues_path: str | Path, extra_paths: Sequence[str | Path] = ()
    ) -> PatternBook:
        """Like ``load``, with the main verbs and cues files given as paths."""
        return cls._build(_read_file(verbs_path), _read_file(cues_path), extra_paths)

    @classmethod
    def _build(cls, verbs_src, cues_src, extra_paths) -> PatternBook:
        digest = hashlib.sha256()
        path, raw = verbs_src
        digest.update(raw)
        main = _parse_yaml(path, raw)
        known = {
            "schema",
            "version",
            "types",
            "old_names",
            "verbs",
            "nouns",
            "light_verbs",
            "lemma_fixes",
        }
        _reject_unknown_sections(path, main, known)
        types = _read_types(path, main.get("types"))
        old = _read_old_names(path, main.get("old_names"), types)
        verbs = {p.key: p for p, _ in _read_verbs(path, main.get("verbs"), types, old, False)}
        nouns = {n.lemma: n for n, _ in _read_nouns(path, main.get("nouns"), types, old, False)}
        lights = {lv.key: lv for lv, _ in _read_light_verbs(path, main.get("light_verbs"), False)}
        fixes = _read_lemma_fixes(path, main.get("lemma_fixes"))
        cues_path, cues_raw = cues_src
        digest.update(cues_raw)
        cues = _read_cues(cues_path, _parse_yaml(cues_path, cues_raw))
        layer: dict[tuple, int] = {}
        for rank, extra in enumerate(extra_paths, start=1):
            epath, eraw = _read_file(extra)
            digest.update(eraw)
            edata = _parse_yaml(epath, eraw)
            _reject_unknown_sections(
                epath,
                edata,
                {"schema", "version", "note", "verbs", "nouns", "light_verbs", "lemma_fixes"},
            )
            user_verbs = _read_verbs(epath, edata.get("verbs"), types, old, True)
            _merge(verbs, user_verbs, epath)
            layer.update((p.key, rank) for p, disabled in user_verbs if not disabled)
            fixes.update(_read_lemma_fixes(epath, edata.get("lemma_fixes")))
            _merge(nouns, _read_nouns(epath, edata.get("nouns"), types, old, True), epath)
            _merge(lights, _read_light_verbs(epath, edata.get("light_verbs"), True), epath)
        version = f"{main.get('version', '0')}+{digest.hexdigest()[:12]}"
        log.info("loaded %d verb patterns, %d nouns, %d light verbs (version %s)", len(verbs), len(nouns), len(lights), version)  # fmt: skip
        # later user files first, so their entries win ties of specificity
        ranked = sorted(verbs.values(), key=lambda p: -layer.get(p.key, 0))
        return cls(tuple(types.values()), ranked, tuple(nouns.values()), tuple(lights.values()), cues, tuple(old.values()), version, tuple(fixes.items()))  # fmt: skip

    # -- lookups

    def fix_lemma(self, text: str, lemma: str) -> str:
        """spaCy's lemma of a verb token, corrected where its model is known to err."""
        return self.lemma_fixes.get(text.replace("\u2019", "'").lower(), lemma)

    def verb_patterns(self, lemma: str) -> list[VerbPattern]:
        """All patterns for a verb lemma, most specific first (user entries first on ties)."""
        for form in spelling_variants(normalize_lemma(lemma)):
            if form in self._verbs:
                return list(self._verbs[form])
        return []

    def match_verb(self, context: VerbContext) -> VerbPattern | None:
        """The most specific pattern that accepts ``context``, or None.

        A pattern without a particle does not match a verb whose particle some other
        pattern of the lemma names ("called off the search" is not a phone call).
        The result may be a ``NOT_AN_EVENT`` pattern: check ``is_event``.
        """
        patterns = self.verb_patterns(context.lemma)
        particle = normalize_lemma(context.particle) if context.particle else None
        known_particle = particle is not None and any(p.particle == particle for p in patterns)
        for pattern in patterns:
            if pattern.particle is None and known_particle:
                continue
            if pattern.accepts(context):
                return pattern
        return None

    def noun_pattern(self, lemma: str) -> NounPattern | None:
        """The nominal event for a (possibly multiword or hyphenated) lemma."""
        for form in spelling_variants(normalize_lemma(lemma)):
            if form in self._nouns:
                return self._nouns[form]
        return None

    def match_noun(
        self,
        head: str,
        premods: Sequence[str] = (),
        has_compound: bool = False,
        of_object: str | None = None,
    ) -> NounPattern | None:
        """The nominal event for a head noun with its premodifiers (in text order).

        Tries "head of X", then the longest run of premodifiers ending at the head
        ("car bombing", "general strike"), then the head alone. A head whose pattern
        has ``premod_ok: false`` is rejected when ``has_compound`` (a noun premodifier
        that matched no multiword lemma, as in "press release").
        """
        if of_object:
            found = self.noun_pattern(f"{head} of {of_object}")
            if found:
                return found
        words = [normalize_lemma(w) for w in premods if w.strip()]
        for start in range(len(words)):
            found = self.noun_pattern(" ".join([*words[start:], head]))
            if found:
                return found
        found = self.noun_pattern(head)
        if found and has_compound and not found.premod_ok:
            return None
        return found

    def light_verb(
        self, lemma: str, particle: str | None = None, prep: str | None = None
    ) -> LightVerb | None:
        key_particle = normalize_lemma(particle) if particle else None
        key_prep = normalize_lemma(prep) if prep else None
        for form in spelling_variants(normalize_lemma(lemma)):
            found = self._light.get((form, key_particle, key_prep))
            if found:
                return found
        return None

    def is_light_verb(
        self, lemma: str, particle: str | None = None, prep: str | None = None
    ) -> bool:
        """Whether the verb (with its particle, and the preposition that leads to the
        event noun, if any) takes its event from the noun."""
        return self.light_verb(lemma, particle, prep) is not None

    def type_info(self, type_name: str) -> TypeInfo:
        found = self._types.get(type_name.upper())
        if found is None:
            hint = ""
            if type_name.upper() in self._old:
                hint = "; it is an old PLOVER name, map it with current_name() first"
            raise UnknownEventTypeError(
                f"unknown PLOVER event type {type_name!r}{hint}; known: {', '.join(self._types)}"
            )
        return found

    def score(self, type_name: str, mode: str | None = None) -> float:
        """Goldstein-style score of a type (and mode) on the -10..+10 scale."""
        return self.type_info(type_name).score_for(mode)

    def current_name(self, old_or_current: str) -> tuple[str, str | None]:
        """Map an old or current PLOVER type name to (current type, implied mode).

        ("FIGHT") -> ("ASSAULT", None); ("INVESTIGATE") -> ("ACCUSE", "investigate").
        Raises UnknownEventTypeError for unknown names and retired types (CRIME).
        """
        name = old_or_current.strip().upper()
        if name in self._types:
            return name, None
        old = self._old.get(name)
        if old is None:
            raise UnknownEventTypeError(
                f"{old_or_current!r} is neither a current nor an old PLOVER type name; "
                f"current names: {', '.join(self._types)}"
            )
        if old.type is None:
            raise UnknownEventTypeError(
                f"{name} is a retired PLOVER type with no current equivalent ({old.note}); "
                "skip or recode those records"
            )
        return old.type, old.mode

    def current_mode(self, type_name: str, mode: str | None) -> str | None:
        """Map a mode (possibly from an older release) to the type's current mode or None."""
        if not mode:
            return None
        info = self.type_info(type_name)
        if mode in info.modes:
            return mode
        return dict(info.old_modes).get(mode)


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
