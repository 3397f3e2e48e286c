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

import hashlib
import logging
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from types import MappingProxyType

from sitrep.events.pattern_records import (
    CUES_FILE,
    NOT_AN_EVENT,
    PLOVER_TYPES,
    QUADS,
    SCHEMA_VERSION,
    TARGETS,
    VERBS_FILE,
    Cues,
    LightVerb,
    NounPattern,
    OldName,
    TypeInfo,
    UnknownEventTypeError,
    VerbContext,
    VerbPattern,
    find_phrases,
    normalize_lemma,
    phrase_words,
    spelling_variants,
)
from sitrep.events.pattern_schema import (
    _merge,
    _parse_yaml,
    _read_cues,
    _read_file,
    _read_lemma_fixes,
    _read_light_verbs,
    _read_nouns,
    _read_old_names,
    _read_types,
    _read_verbs,
    _reject_unknown_sections,
)

__all__ = [
    "CUES_FILE",
    "Cues",
    "LightVerb",
    "NOT_AN_EVENT",
    "NounPattern",
    "OldName",
    "PLOVER_TYPES",
    "PatternBook",
    "QUADS",
    "SCHEMA_VERSION",
    "TARGETS",
    "TypeInfo",
    "UnknownEventTypeError",
    "VERBS_FILE",
    "VerbContext",
    "VerbPattern",
    "find_phrases",
    "normalize_lemma",
    "phrase_words",
    "spelling_variants",
]

log = logging.getLogger(__name__)

# verbs that begin with "re" without repeating the verb after it ("reside" is not a second
# "side", "reclaim" not a second "claim"): they never read as that verb
REPEAT_LOOKALIKES = frozenset(
    {"side", "claim", "call", "sign", "move", "place", "act", "mark", "form", "present",
     "count", "settle", "pay", "port", "main", "serve", "sort", "cover", "lease", "strain",
     "ward", "tire", "fuse", "fer", "late", "spond", "view", "cord", "solve", "mind", "treat",
     "turn", "state", "store", "gain", "lay", "cruit", "quest", "ject", "fute", "assure"}
)  # fmt: skip


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
        self._light_lemmas = frozenset(lv.key[0] for lv in self.light_verbs)

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
        """spaCy's lemma of a verb token, corrected where its model is known to err; a
        verb the book lacks that repeats a verb it has reads as that verb ("reimposed"
        as "impose", "re-deployed" as "deploy")."""
        fixed = self.lemma_fixes.get(text.replace("\u2019", "'").lower(), lemma)
        return self._unrepeated(fixed)

    def _unrepeated(self, lemma: str) -> str:
        if not lemma.startswith("re") or self._known_verb(lemma):
            return lemma
        base = lemma[3:] if lemma[2:3] == "-" else lemma[2:]
        if base in REPEAT_LOOKALIKES or len(base) < 4 or not self._known_verb(base):
            return lemma
        return base

    def _known_verb(self, lemma: str) -> bool:
        return any(
            form in self._verbs or form in self._light_lemmas
            for form in spelling_variants(normalize_lemma(lemma))
        )

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
