"""Records of the event coder's knowledge: PLOVER types, verb and noun patterns, light
verbs and cue lists, plus the lemma and phrase helpers they are matched with.

``sitrep.events.patterns`` re-exports everything here; read and validated from YAML by
``sitrep.events.pattern_schema``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sitrep.errors import SitrepError
from sitrep.models import Modality

# a named place as a verb's object matches the pattern object "place" (README-patterns)
PLACE_OBJECT = "place"
# a person's name as a verb's object matches the pattern object "person" ("held Bazoum")
PERSON_OBJECT = "person"

SCHEMA_VERSION = 1
NOT_AN_EVENT = "NONE"  # type of a pattern that blocks an event reading
ANY_INFINITIVE = "any"  # a verb pattern's `infinitive: any`: every to-infinitive complement
PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")  # fmt: skip
QUADS = ("verbal_coop", "material_coop", "verbal_conflict", "material_conflict")
TARGETS = ("dobj", "prep", "none", "speaker")
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
    # adjective/participle complement lemmas the verb must have ("hold X accountable")
    complements: tuple[str, ...] = ()
    # lemmas of a to-infinitive the verb must govern ("refused to comment"); ANY_INFINITIVE
    # accepts every infinitive ("declined to send troops")
    infinitives: tuple[str, ...] = ()
    negate: bool = False  # applies only when the verb itself is negated
    symmetric: bool = False  # mutual event: coordinated actors are each other's recipients
    note: str = ""
    origin: str = ""  # "file, entry" it was read from

    @property
    def is_event(self) -> bool:
        return self.type != NOT_AN_EVENT

    @property
    def key(self) -> tuple:
        """Identity for duplicate detection and user overrides."""
        objects = tuple(sorted(self.objects))
        complements = tuple(sorted(self.complements))
        infinitives = tuple(sorted(self.infinitives))
        return (
            self.lemma,
            self.particle,
            self.prep,
            objects,
            self.negate,
            complements,
            infinitives,
        )

    @property
    def specificity(self) -> int:
        """Higher is more specific: negation 8, objects, complement or named infinitives 4,
        particle 2, any infinitive 2, preposition 1."""
        named = bool(self.infinitives) and ANY_INFINITIVE not in self.infinitives
        return (
            8 * self.negate
            + 4 * bool(self.objects or self.complements or named)
            + 2 * bool(self.particle)
            + 2 * (bool(self.infinitives) and not named)
            + bool(self.prep)
        )

    def accepts(self, context: VerbContext) -> bool:
        """Whether this pattern's particle, preposition, object and voice needs hold."""
        preps = context.preps
        if self.negate and not context.negated:
            return False
        if context.passive and not self.passive_ok:
            return False
        if self.particle is not None and self.particle not in (context.particle, *preps):
            return False
        if (
            self.particle is not None
            and self.particle != context.particle
            and PLACE_OBJECT in context.objects_of(self.particle)
        ):
            return False  # "gave gunmen in Basra 72 hours": a place's preposition, not "give in"
        if self.prep is not None and self.prep not in preps:
            return False
        if self.complements and not set(self.complements) & set(context.complements):
            return False
        if self.infinitives and (
            context.infinitive is None
            or (
                ANY_INFINITIVE not in self.infinitives
                and context.infinitive not in self.infinitives
            )
        ):
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
    complements: tuple[str, ...] = ()  # adjective/participle complement lemmas
    infinitive: str | None = None  # lemma of a to-infinitive complement ("refused to comment")

    def __post_init__(self) -> None:
        norm = normalize_lemma
        object.__setattr__(self, "infinitive", norm(self.infinitive) if self.infinitive else None)
        object.__setattr__(self, "lemma", norm(self.lemma))
        object.__setattr__(self, "particle", norm(self.particle) if self.particle else None)
        object.__setattr__(self, "objects", tuple(norm(o) for o in self.objects))
        object.__setattr__(self, "complements", tuple(norm(c) for c in self.complements))
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
    # what a country or actor named just before the noun is: the doer ("U.S. strike",
    # "source"), the one it is done to when compounded ("the Iraq invasion", "target"),
    # or the one it is done to even as a possessive ("Soleimani's killing", "patient")
    premod_role: str = "source"
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
    # "said that China must drop barriers": a speaker's obligation on someone is a REQUEST
    obligation: frozenset[str] = frozenset()
    obligation_phrases: tuple[str, ...] = ()
    message_nouns: frozenset[str] = frozenset()  # "a reminder to Iraq that it must ..."
    ruled_out_phrases: tuple[str, ...] = ()  # "talks are out of the question": REJECT
    punishing_verbs: frozenset[str] = frozenset()  # "arrested for collaborating": a charge
    # "is willing to withdraw", "vowed to retaliate": the subject announces its own act
    intention: frozenset[str] = frozenset()
    # why an event happened: "to" + verb (purpose), these prepositions and these markers
    cause_phrases: tuple[str, ...] = ()
    cause_markers: frozenset[str] = frozenset()
    reason_phrases: tuple[str, ...] = ()  # "for": a reason only for ``reason_types``
    reason_types: frozenset[str] = frozenset()
    # nouns by which a verbal act refers to an event told earlier on the page ("rejected
    # the charge", "praised the decision", "called for changes to the deal")
    claim_nouns: frozenset[str] = frozenset()
    statement_nouns: frozenset[str] = frozenset()  # "denounced the speech": its speaker
    decision_nouns: frozenset[str] = frozenset()
    accord_nouns: frozenset[str] = frozenset()
    # "condemned the fighting", "called on all sides": both sides of the latest fighting
    hostility_nouns: frozenset[str] = frozenset()
    side_nouns: frozenset[str] = frozenset()
    # "avenge his death": the authors of the latest ASSAULT
    harm_nouns: frozenset[str] = frozenset()
    side_words: frozenset[str] = frozenset()
    calm_nouns: frozenset[str] = frozenset()  # "called for a ceasefire": to both sides
    # "Iran denied any role": a denial answers the latest accusation against the denier
    denying_verbs: frozenset[str] = frozenset()
    # ground that a side holds: taking or leaving it is an act on the enemy
    held_nouns: frozenset[str] = frozenset()
    # "called the strikes aggression": verbs whose object predicate names or judges the
    # object; any other verb with one is read as itself ("were shot dead")
    naming_verbs: frozenset[str] = frozenset()
    # violent acts that a crowd commits as dissent ("protesters stormed and set fire to the
    # consulate"): PROTEST/riot when every source is of a ``crowd_sectors`` sector
    crowd_acts: frozenset[str] = frozenset()
    crowd_sectors: frozenset[str] = frozenset()
    # "the Iraqis were warned": with nobody's threat in it, a warning is advance notice
    notice_verbs: frozenset[str] = frozenset()
    # "warned of a cholera outbreak": a danger told of, no threat
    danger_nouns: frozenset[str] = frozenset()
    # "agreed to disarm": agreeing to a RETREAT is the RETREAT
    conceding_verbs: frozenset[str] = frozenset()
    conceded_modes: frozenset[str] = frozenset()
    # "troops fled", "U.S. forces left Afghanistan": a move away that is a withdrawal only
    # when armed forces or a state make it (civilians fleeing are not conceding anything)
    force_moves: frozenset[str] = frozenset()
    force_sectors: frozenset[str] = frozenset()

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
