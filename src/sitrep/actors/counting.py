"""Phrases that name several actors or someone else's: a counted plural ("the three
leaders", "the two governments") names the states just named; supporters of someone
are their movement or their country's people."""

from __future__ import annotations

from spacy.tokens import Span, Token

from sitrep.actors.context import (
    MOVEMENT_SECTORS,
    PERSON_PLURALS,
    SUPPORTER_NOUNS,
    CountryFinder,
)
from sitrep.actors.kb import ActorBase
from sitrep.actors.mentions import (
    STATE_SECTORS,
    ActorIndex,
    ActorMention,
    PageContext,
    generic_actor,
)
from sitrep.actors.words import count_of
from sitrep.models import Actor, ActorType


def counted_countries(
    finder: CountryFinder, index: ActorIndex, seg_i: int, head: Token, context: PageContext
) -> list[str]:
    """ "The three juntas", "the two governments": a counted plural names the
    states just named: those before it in its sentence when their number is the
    count, else those of the sentences before it, walking back until the count is
    reached (at most three sentences; none when it is overshot). Only states and
    their institutions count, not rebels or places."""
    if head.tag_ not in ("NNS", "NNPS") or head.lemma_.lower() in PERSON_PLURALS:
        return []  # "two soldiers were killed" counts people, not states
    count = next((count_of(c) for c in head.children if c.dep_ == "nummod"), 0)
    if count < 2:
        return []
    here = _state_countries(index, seg_i, head.sent, head.i, context.date)
    if len(here) == count:
        return here
    found: list[str] = []
    at: tuple[int, Token] = (seg_i, head)
    for _ in range(3):
        previous = finder.previous_sentence(index, at[0], at[1])
        if previous is None:
            break
        p_seg, sent = previous
        for country in _state_countries(index, p_seg, sent, sent.end, context.date):
            if country not in found:
                found.append(country)
        if len(found) >= count:
            return found if len(found) == count else []
        at = (p_seg, sent[0])
    return []


def _state_countries(
    index: ActorIndex, seg_i: int, sent: Span, before: int, date: str | None = None
) -> list[str]:
    found: list[str] = []
    for m in index.mentions:
        if m.seg != seg_i or not (sent.start <= m.start < min(sent.end, before)):
            continue
        country, code = m.actor.country, m.actor.code_on(date)  # a leader on the date
        if not country or m.via == "implied":
            continue
        state = m.actor.type == ActorType.STATE or code == country
        if (state or code[3:] in STATE_SECTORS) and country not in found:
            found.append(country)
    return found


def supporters_of(
    kb: ActorBase, index: ActorIndex, seg_i: int, head: Token, actor: Actor, date: str | None
) -> Actor:
    """ "Supporters of the opposition", "supporters of Imran Khan": those who back an
    opposition party or figure are the opposition of its country; supporters of a
    government or junta stay its country's civilians (``actor``)."""
    if head.lemma_.lower() not in SUPPORTER_NOUNS:
        return actor
    backed = [
        found
        for prep in head.children
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for obj in prep.children
        if (found := index.at(seg_i, obj.i)) is not None
    ]
    backed += [found for c in head.children if c.dep_ == "poss" and (found := index.at(seg_i, c.i))]
    for mention in backed:
        code = mention.actor.code_on(date)
        country = mention.actor.country
        if country and len(code) == 6 and code[3:] in MOVEMENT_SECTORS:
            return generic_actor(country, "OPP", kb)
    return actor


# plurals that name states themselves: "the three countries", "both nations"
STATE_PLURALS = frozenset({"country", "state", "nation"})


def counted_states(
    finder: CountryFinder, index: ActorIndex, seg_i: int, head: Token, context: PageContext
) -> ActorMention | None:
    """ "The bloc suspended the three countries": the states just named, as one mention
    of the first with the others as its partners."""
    if head.lemma_.lower() not in STATE_PLURALS or finder.kb is None:
        return None
    countries = counted_countries(finder, index, seg_i, head, context)
    states = [finder.kb.find(info.actor_id) for c in countries if (info := finder.kb.country(c))]
    if not countries or len(states) != len(countries) or None in states:
        return None
    start = min([head.i, *(c.i for c in head.children if c.dep_ in ("det", "nummod"))])
    text = head.doc[start : head.i + 1].text
    return ActorMention(
        seg_i, start, head.i + 1, states[0], text, "alias", head.i, tuple(states[1:])
    )
