"""Recipients the grammar implies but no argument names.

- **Reciprocals.** "India and Pakistan accused each other": one event per side, each
  side's act done to the others (``reciprocal_parts``).
- **A crowd's own government.** "Thousands marched in Dhaka": a protest by a country's
  own people (every source of a ``crowd_sectors`` sector, one country) that names no
  addressee is addressed to that country's government, when the page names it
  (``own_government``). The recipient is always a mention on the page, never invented:
  the government's mention nearest before the protest, else the first after it.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections import Counter
from collections.abc import Sequence

from spacy.tokens import Token

from sitrep.actors.mentions import ActorIndex, ActorMention
from sitrep.events.folding import COUNTRYLESS
from sitrep.events.syntax import is_time
from sitrep.models import NON_COUNTRY_PREFIXES, ActorRef, Event, Place, code_sector

RECIPROCAL_WORDS = frozenset({("each", "other"), ("one", "another")})
GOVERNMENT_SECTOR = "GOV"


def _is_reciprocal(tok: Token) -> bool:
    """``tok`` is either word of "each other" or "one another" (parsers head the pair
    on either word)."""
    doc = tok.doc
    before = doc[tok.i - 1].lower_ if tok.i > 0 else ""
    after = doc[tok.i + 1].lower_ if tok.i + 1 < len(doc) else ""
    return (before, tok.lower_) in RECIPROCAL_WORDS or (tok.lower_, after) in RECIPROCAL_WORDS


def names_each_other(trigger: Token) -> bool:
    """The act is done to "each other" / "one another": as its object, as the object of
    one of its prepositions ("clashed with each other"), or of its object's preposition
    ("accused each other of ...", "traded accusations with one another")."""
    heads = [trigger, *(c for c in trigger.children if c.dep_ in ("dobj", "prep"))]
    for head in heads:
        for child in head.children:
            if child.dep_ in ("dobj", "pobj", "prep") and _is_reciprocal(child):
                return True
            if child.dep_ == "prep" and any(
                g.dep_ == "pobj" and _is_reciprocal(g) for g in child.children
            ):
                return True
    return False


def reciprocal_parts(event: Event, trigger: Token) -> list[Event]:
    """The event as told, or, for a reciprocal act of two or more sides with no other
    recipient, one event per side with the other sides as its recipients."""
    if len(event.source) < 2 or event.target or not names_each_other(trigger):
        return [event]
    parts = []
    for side in event.source:
        others = tuple(ref for ref in event.source if ref.id != side.id)
        key = f"{event.event_id}:{side.id}".encode()
        parts.append(
            dataclasses.replace(
                event,
                event_id=hashlib.sha1(key).hexdigest()[:16],
                source=(side,),
                target=others,
            )
        )
    return parts


def own_government(
    index: ActorIndex,
    seg: int,
    trigger: Token,
    source: Sequence[ActorRef],
    crowd_sectors: frozenset[str],
    date: str | None,
) -> tuple[ActorRef, ...]:
    """The government of the country whose people protest (see the module docstring)."""
    if not source or any(ref.code[3:].lower() not in crowd_sectors for ref in source):
        return ()
    countries = {ref.code[:3] for ref in source}
    if len(countries) != 1 or any(len(ref.code) != 6 for ref in source):
        return ()
    wanted = countries.pop() + GOVERNMENT_SECTOR
    before: ActorMention | None = None
    after: ActorMention | None = None
    for mention in index.sorted():
        if mention.actor.code_on(date) != wanted or mention.via == "implied":
            continue
        if (mention.seg, mention.start) <= (seg, trigger.i):
            before = mention
        elif after is None:
            after = mention
    chosen = before or after
    return (index.to_ref(chosen, date),) if chosen is not None else ()


def home_visit(source: Sequence[ActorRef], target: Sequence[ActorRef]) -> bool:
    """A visit whose only recipient is the visitor's own country (a place in it)."""
    homes = {ref.code[:3] for ref in source}
    return len(homes) == 1 and bool(target) and all(ref.code in homes for ref in target)


def own_voice(speaker: ActorRef | None, source: Sequence[ActorRef]) -> bool:
    """The speaker is the act's doer: the same actor, or a state and its government."""
    if speaker is None:
        return False
    for doer in source:
        if doer.code == speaker.code:
            return True
        pair = {doer.code, speaker.code}
        if any(len(c) == 3 and c + "GOV" in pair for c in pair):
            return True
    return False


# nouns for forces: when they "arrive" or "land" somewhere they are deployed there
FORCE_NOUNS = frozenset(
    {"troop", "soldier", "force", "peacekeeper", "contingent", "unit", "battalion",
     "officer", "policeman", "marine", "paratrooper", "mercenary", "reinforcement",
     "deployment"}
)  # fmt: skip


def forces_arriving(subjects: Sequence[Token]) -> bool:
    """Every doer of a visit is a force ("Kenyan police officers arrived in Haiti"): the
    visit is a deployment."""
    return bool(subjects) and all(t.lemma_.lower() in FORCE_NOUNS for t in subjects)


# exercises that are a mobilisation when one state holds them and cooperation when
# several hold them together
EXERCISE_WORDS = frozenset({"exercise", "drill", "game", "maneuver", "manoeuvre", "maneuvre"})


def joint_exercise(trigger: Token, source: Sequence[ActorRef]) -> bool:
    """ "French and Egyptian warships launched war games": an exercise held by the forces
    of two or more states together is military cooperation (COOPERATE), not one state's
    show of force."""
    states = {
        a.code[:3] for a in source if len(a.code) >= 3 and a.code[:3] not in NON_COUNTRY_PREFIXES
    }
    return trigger.lemma_.lower() in EXERCISE_WORDS and len(states) >= 2


def measure_country(
    target: Sequence[ActorRef], places: Sequence[Place], lo: int, hi: int
) -> str | None:
    """The one country a state measure ("a curfew", "the internet was cut") was taken in:
    its recipients', else that of the places in its sentence (characters ``lo`` to
    ``hi``), else the country most of the page's places are in; None when several."""
    countries = {
        t.code[:3]
        for t in target
        if len(t.code) >= 3 and t.code[:3].isalpha() and t.code[:3] not in NON_COUNTRY_PREFIXES
    }
    if not countries:
        countries = {p.country for p in places if lo <= p.start < hi and p.country}
    if not countries:
        counts = Counter(p.country for p in places if p.country)
        top = counts.most_common(1)
        countries = {top[0][0]} if top and top[0][1] * 2 > sum(counts.values()) else set()
    return countries.pop() if len(countries) == 1 else None


# sectors of those who can be deployed: armed forces, police and armed groups
DEPLOYED_SECTORS = frozenset({"MIL", "COP", "SPY", "REB", "PRM", "INS"})


def deployed_forces(
    target: Sequence[ActorRef], mode: str | None
) -> tuple[tuple[ActorRef, ...], tuple[ActorRef, ...]]:
    """A deployment told in the passive with no one named as sending ("3,000 soldiers
    would be sent", "Turkish troops were deployed to Libya"): the forces are the ones
    that move, so they are its doers. Returns (doers, recipients left); no doers when
    the patient names no force."""
    if mode not in ("troops", "police"):
        return (), tuple(target)
    forces = tuple(t for t in target if t.code[3:6] in DEPLOYED_SECTORS)
    return forces, tuple(t for t in target if t not in forces)


def crowd_act(lemma: str, type_: str, source, target, cues) -> bool:
    """ "protesters stormed and set fire to the consulate": violence done by a crowd
    (every source of a crowd sector) as dissent is a riot (cues: crowd_acts). Not when it
    is done to other civilians ("settlers torched Palestinian cars") or to another state."""
    return (
        type_ in ("ASSAULT", "COERCE")
        and bool(source)
        and lemma in cues.crowd_acts
        and all(code_sector(a.code).lower() in cues.crowd_sectors for a in source)
        and not any(
            code_sector(t.code).lower() in cues.crowd_sectors or t.code.startswith("UNK")
            for t in target
        )
        and all(
            len(t.code) != 3 or t.code in COUNTRYLESS or t.code in {a.code[:3] for a in source}
            for t in target
        )
    )


def crowd_noun(noun: Token) -> bool:
    """ "Protests broke out in Caracas", "the demonstrations spread": protests as the
    subject of their own course, which only crowds of people hold (a diplomatic
    "protest" is lodged, and "in protest" is someone's purpose)."""
    if noun.pos_ not in ("NOUN", "PROPN") or noun.dep_ not in ("nsubj", "nsubjpass"):
        return False
    determined = any(
        c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in noun.children
    )
    return noun.tag_ in ("NNS", "NNPS") or determined


# words of a seizure of a state: "seized power", "a coup", "the putsch"
COUP_WORDS = frozenset({"coup", "putsch", "power", "takeover"})


def names_a_coup(trigger: Token) -> bool:
    """ "seized power in a coup", "took power in Bamako", "condemned the coup": the
    trigger, its object or its "in" phrase names a seizure of the state."""
    words = [trigger, *(c for c in trigger.children if c.dep_ == "dobj")]
    words += [o for p in trigger.children if p.lower_ == "in" for o in p.children]
    return any(w.lemma_.lower() in COUP_WORDS for w in words)


# sectors of armed forces and groups: who "marches on" a city to take it
MARCHING_SECTORS = frozenset({"MIL", "REB", "PRM", "INS"})
# words for a crowd on the march, whoever is in it
MARCHING_CROWDS = frozenset(
    {"crowd", "protester", "demonstrator", "mourner", "marcher", "supporter", "thousand",
     "hundred", "people"}
)  # fmt: skip


def armed_march(trigger: Token, source: Sequence[ActorRef]) -> tuple[str, str | None] | None:
    """ "Haftar's forces marched on Tripoli": a march on a place by armed forces is an
    assault on it, and "the rebels marched into the city" a movement of forces into it
    (MOBILIZE, like "entered"), not a demonstration (protesters marching on parliament
    stay one). The type and mode of the reading, or None."""
    if trigger.lemma_.lower() != "march" or not source:
        return None
    if any(c.dep_ == "nsubj" and c.lemma_.lower() in MARCHING_CROWDS for c in trigger.children):
        return None  # "the crowd, many of them in militia uniforms, marched into ...": a crowd
    if not all(code_sector(a.code) in MARCHING_SECTORS or a.code.startswith("IMG") for a in source):
        return None
    # "marched on Tripoli", not "marched on Tuesday"
    preps = {c.lower_ for c in trigger.children if c.dep_ == "prep" and not is_time(c)}
    if "on" in preps:
        return ("ASSAULT", None)
    if "into" in preps:
        return ("MOBILIZE", "troops")
    return None


def ruler_flees(lemma: str, source: Sequence[ActorRef]) -> bool:
    """The act is a ruler's (or a former ruler's) flight: "Hasina fled to India"."""
    return (
        lemma == "flee"
        and bool(source)
        and all(code_sector(a.code) in ("GOV", "ELI") for a in source)
    )


def moved_by_force(lemma: str, source: Sequence[ActorRef], cues) -> bool:
    """A move away ("fled", "left"; cues ``force_moves``) is a withdrawal only by armed
    forces or a state, or a ruler's flight: residents fleeing or a president leaving a
    city concede nothing."""
    if lemma not in cues.force_moves:
        return True
    if ruler_flees(lemma, source):
        return True  # "Hasina fled to India": a ruler gives up the country
    return bool(source) and all(
        len(a.code) == 3
        and a.code not in COUNTRYLESS
        or code_sector(a.code).lower() in cues.force_sectors
        for a in source
    )
