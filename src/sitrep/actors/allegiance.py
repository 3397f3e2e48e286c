"""Whose side a generic armed phrase is on: the group it is tied to ("militants linked
to Islamic State"), or, for forces a foreign state backs, its country's rebels (a
proxy), not its army."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

from sitrep.actors.hyphens import hyphen_agent, hyphen_participle
from sitrep.actors.kb import ActorBase
from sitrep.actors.mentions import ActorIndex, generic_actor
from sitrep.models import GENERIC_ACTOR_PREFIX, Actor, ActorType


def proxy_forces(actor: Actor, foreign: Sequence[str], kb: ActorBase) -> Actor:
    """ "Russian-backed forces" in Ukraine: forces that a foreign state backs (``foreign``:
    the backers' countries) are that country's rebels (a proxy), not its army."""
    code = actor.code
    if len(code) != 6 or code[3:] not in ("MIL", "COP") or not actor.country:
        return actor
    if not foreign or actor.country in foreign or not actor.id.startswith(GENERIC_ACTOR_PREFIX):
        return actor
    return generic_actor(actor.country, "REB", kb)


# words that tie armed men to the group they fight for: "militants linked to Islamic
# State", "IS-affiliated fighters", "forces loyal to the TPLF"
AFFILIATION_WORDS = frozenset({"linked", "affiliated", "allied", "aligned", "loyal", "tied"})


def allegiance(
    actor: Actor, head: Token, words: Span, index: ActorIndex, seg_i: int, kb: ActorBase
) -> Actor:
    """The actor a generic armed phrase stands for once its ties are read: the armed
    group it is linked or loyal to ("militants linked to Islamic State": IMGREB), else
    ``proxy_forces`` of the backers its premodifiers (``words``) name."""
    armed = actor.code[3:] in ("REB", "INS", "PRM", "MIL")
    if armed and actor.id.startswith(GENERIC_ACTOR_PREFIX):
        tied = [t for t in words if hyphen_participle(t) in AFFILIATION_WORDS]
        for word in (c for c in head.children if c.dep_ in ("acl", "amod")):
            if word.lower_ in AFFILIATION_WORDS:
                preps = [
                    p for p in word.children if p.dep_ == "prep" and p.lower_ in ("to", "with")
                ]
                tied += [o for p in preps for o in p.children if o.dep_ == "pobj"]
        for tok in tied:
            mention = index.at(seg_i, tok.i)
            group = mention.actor if mention is not None else None
            if group is not None and (
                group.type in (ActorType.ARMED_GROUP, ActorType.PARTY)
                or group.code[3:] in ("REB", "INS", "PRM")
            ):
                return group
    backers = []
    for tok in (t for t in words if hyphen_agent(t)):
        mention = index.at(seg_i, tok.i)
        info = kb.country_by_demonym(tok.text) if mention is None else None
        country = mention.actor.country if mention is not None else info and info.iso3
        if country:
            backers.append(country)
    return proxy_forces(actor, backers, kb)
