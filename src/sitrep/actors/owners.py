"""Whose a generic noun is, when a phrase names its owner: "fighters of JNIM", "an aide
to Machado", "the president of Armenia", "Sadr's fighters", "Syrian government troops"."""

from __future__ import annotations

from spacy.tokens import Token

from sitrep.actors.kb import ActorBase
from sitrep.actors.mentions import STATE_SECTORS, ActorIndex
from sitrep.models import Actor, ActorType
from sitrep.nlp.phrase_repairs import SERVICE_NOUNS

# verbs whose agent owns the forces or weapons they act with: "drones launched by Russia"
WIELDING_VERBS = frozenset(
    {"launch", "fire", "send", "deploy", "operate", "fly", "drop", "dispatch"}
)

OWNING_SECTORS = frozenset({"NGO", "IGO", "REB", "PRM", "PTY", "MED", "OPP"})


def of_owner(index: ActorIndex, seg_i: int, head: Token) -> Actor | None:
    """ "fighters of JNIM", "militants from the Islamic State", "officials of the
    African Union": the armed group, organisation, party or international body an
    "of"/"from" phrase after the noun names; "advisers to the opposition leader",
    "an aide of Machado": whom a noun of personal service names, people too."""
    serving = head.lemma_.lower() in SERVICE_NOUNS
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ not in (
            ("of", "from", "to") if serving else ("of", "from")
        ):
            continue
        for obj in prep.children:
            mention = index.at(seg_i, obj.i) if obj.dep_ == "pobj" else None
            if mention is not None and serving and mention.actor.type != ActorType.STATE:
                return mention.actor
            if (
                mention is not None
                and (
                    mention.actor.type
                    in (
                        ActorType.ARMED_GROUP,
                        ActorType.ORGANISATION,
                        ActorType.PARTY,
                        ActorType.BODY,
                    )
                    # "doctors from two American aid groups": organisations named generically
                    or (
                        mention.actor.type == ActorType.GROUP
                        and mention.actor.code[3:] in OWNING_SECTORS
                    )
                )
            ):
                return mention.actor
    return None


def government_forces(owner: Actor, code: str, date: str | None) -> bool:
    """A government (or state) named before a noun of its forces or police."""
    own = owner.code_on(date)
    return (
        code in ("MIL", "COP", "SPY")
        and bool(owner.country)
        and (own.endswith("GOV") or own == owner.country)
    )


def of_states(index: ActorIndex, seg_i: int, head: Token) -> list[str]:
    """``of_state``'s country and the states coordinated with it ("the embassies of
    Rwanda, France and the United States")."""
    first = of_state(index, seg_i, head)
    if first is None:
        return []
    found = [first]
    for obj in (o for p in head.children if p.lower_ in ("of", "from") for o in p.children):
        for conj in obj.conjuncts if obj.dep_ == "pobj" else ():
            mention = index.at(seg_i, conj.i)
            country = mention.actor.country if mention is not None else None
            if country and mention.actor.type == ActorType.STATE and country not in found:
                found.append(country)
    return found


def of_state(index: ActorIndex, seg_i: int, head: Token) -> str | None:
    """The country an "of" phrase after a noun names ("the president of Armenia"), a
    state institution an "of", "in" or "from" phrase names ("lawmakers in the Iranian
    parliament", "officials from the Iraqi interior ministry"), or the state that
    launched, fired or sent them ("drones launched by Russia")."""
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("of", "in", "from"):
            continue
        for obj in prep.children:
            mention = index.at(seg_i, obj.i) if obj.dep_ == "pobj" else None
            if mention is None or not mention.actor.country:
                continue
            if prep.lower_ in ("of", "from") and mention.actor.type == ActorType.STATE:
                return mention.actor.country  # "the president of Armenia", "envoys from Germany"
            if mention.actor.code[3:6] in STATE_SECTORS:
                return mention.actor.country
    for clause in head.children:  # "drones launched by Russia", "troops sent by Rwanda"
        if clause.dep_ != "acl" or clause.lemma_.lower() not in WIELDING_VERBS:
            continue
        for agent in clause.children:
            for obj in agent.children if agent.dep_ == "agent" else ():
                mention = index.at(seg_i, obj.i)
                if mention is not None and mention.actor.type == ActorType.STATE:
                    return mention.actor.country
    return None


# what a person may lead whose members are the person's "men" or "fighters"
LED_TYPES = frozenset({ActorType.ARMED_GROUP, ActorType.PARTY, ActorType.ORGANISATION})
ARMED_SECTORS = frozenset({"REB", "PRM", "INS", "MIL", "CVL"})  # "fighters", "men"


def followers(kb: ActorBase, owner: Actor, code: str, date: str | None) -> Actor:
    """Whose "Hemedti's men" or "Sadr's fighters" are: the armed group, party or body
    their owner leads on the date (the RSF, Saraya al-Salam), else the owner."""
    if owner.type != ActorType.PERSON or owner.code_on(date)[3:6] in STATE_SECTORS:
        return owner  # "Trump's aides", "Putin's men": the leader's own government
    led = [
        found
        for r in kb.relations_of(owner.id, on=date)
        if r.predicate == "leads" and r.subject == owner.id
        and (found := kb.find(r.object)) is not None and found.type in LED_TYPES
    ]  # fmt: skip
    armed = [a for a in led if a.type == ActorType.ARMED_GROUP]
    if armed and code in ARMED_SECTORS:
        return armed[0]  # "Sadr's fighters": his militia, not his party
    return led[0] if led else owner
