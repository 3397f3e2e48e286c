"""Two noun phrases whose actor the name and sector passes get only half right.

- **Coordinated nationalities before a named force.** "Iraqi and U.S. forces": the
  names pass finds "U.S. forces" (an alias of the US military) and leaves "Iraqi and"
  outside it. ``widen_coordinated_names`` extends such a mention to the whole phrase and
  adds the other countries' forces of the same sector as partners, as the sector pass
  already does for "U.S. and British planes".
- **Counterparts.** "his Turkish counterpart", "their Indian counterparts": a person or
  body of the named country in the same position as the possessor. The country comes
  from the nationality word or an "of/from" phrase, the sector from the possessor's
  code (an army chief's counterpart is the other country's military), defaulting to the
  government. ``counterpart_actor`` returns that actor for the sector pass to add.
- **Forces a pronoun possesses.** "Pakistan said its air force shot down ...": after
  coreference, ``possessed_forces`` gives "its air force" Pakistan's military.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from spacy.tokens import Token

from sitrep.actors.context import CountryFinder, seat_country
from sitrep.actors.kb import ActorBase
from sitrep.actors.mentions import STATE_SECTORS, ActorIndex, ActorMention, generic_actor
from sitrep.models import Actor, ActorType, Place

COUNTERPART_NOUNS = frozenset({"counterpart", "counterparts"})
COORDINATORS = frozenset({"and", ",", "&"})
DEFAULT_SECTOR = "GOV"


def _country_of_word(index: ActorIndex, seg: int, tok: Token, kb: ActorBase) -> str | None:
    """The country a modifier word names: a nationality ("Iraqi") or a country's name
    already found by the names pass ("U.S.", "Turkey")."""
    mention = index.at(seg, tok.i)
    if mention is not None:
        if mention.actor.type == ActorType.STATE and mention.actor.country:
            return mention.actor.country
        return None
    info = kb.country_by_demonym(tok.text)
    return info.iso3 if info is not None else None


def _sector(code: str) -> str | None:
    """The sector part of a country-and-sector code ("USAMIL" -> "MIL")."""
    return code[3:6] if len(code) >= 6 and code[:3].isalpha() else None


def widen_coordinated_names(index: ActorIndex, kb: ActorBase, date: str | None) -> None:
    """Extend each force named with a nationality ("U.S. forces") over the nationalities
    coordinated before it ("Iraqi and U.S. forces", "Iraqi, British and U.S. troops")."""
    for mention in list(index.mentions):
        if mention.actor.type == ActorType.STATE or not mention.actor.country:
            continue
        sector = _sector(mention.actor.code_on(date))
        if sector is None or mention.end - mention.start < 2:
            continue
        doc = index.segments[mention.seg].doc
        first = doc[mention.start]
        if first.dep_ != "conj" or first.head.i >= first.i:
            continue
        countries: list[str] = []
        start = mention.start
        word = first.head
        while True:
            country = _country_of_word(index, mention.seg, word, kb)
            if country is None or country == mention.actor.country:
                break
            between = doc[word.i + 1 : start]
            if not all(t.lower_ in COORDINATORS for t in between):
                break
            countries.insert(0, country)
            start = word.i
            if word.dep_ != "conj" or word.head.i >= word.i:
                break
            word = word.head
        if not countries:
            continue
        for k in range(start, mention.start):
            inner = index.at(mention.seg, k)
            if inner is not None and inner is not mention:
                index.remove(inner)
        index.remove(mention)
        partners = tuple(generic_actor(c, sector, kb) for c in countries)
        index.add(
            dataclasses.replace(
                mention,
                start=start,
                text=doc[start : mention.end].text,
                partners=(*mention.partners, *partners),
            )
        )


def counterpart_actor(
    index: ActorIndex, seg: int, head: Token, kb: ActorBase, date: str | None
) -> tuple[list[Actor], int] | None:
    """The actors "his Turkish counterpart" (``head`` is the noun) stands for, and the
    first token of the phrase; None when the phrase names no country."""
    if head.lower_ not in COUNTERPART_NOUNS:
        return None
    countries: list[str] = []
    start = head.i
    for tok in head.subtree:
        if tok.i >= head.i:
            break
        if tok.dep_ in ("amod", "compound", "nmod", "conj"):
            country = _country_of_word(index, seg, tok, kb)
            if country is not None and country not in countries:
                countries.append(country)
                start = min(start, tok.i)
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in ("of", "from"):
            objects = [c for c in prep.children if c.dep_ == "pobj"]
            for obj in [*objects, *(c for o in objects for c in o.conjuncts)]:
                country = _country_of_word(index, seg, obj, kb)
                if country is not None and country not in countries:
                    countries.append(country)
    if not countries:
        return None
    sector = _possessor_sector(index, seg, head, date) or DEFAULT_SECTOR
    return [generic_actor(c, sector, kb) for c in countries], start


def _possessor_sector(index: ActorIndex, seg: int, head: Token, date: str | None) -> str | None:
    """The sector of whoever the counterpart is a counterpart of: the possessor ("his",
    "the army chief's"), else the subject of the verb the phrase depends on."""
    owners = [c for c in head.children if c.dep_ == "poss"]
    verb = head.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    owners += [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    for owner in owners:
        mention: ActorMention | None = index.at(seg, owner.i)
        if mention is not None:
            sector = _sector(mention.actor.code_on(date))
            if sector is not None:
                return sector
    return None


def possessed_forces(index: ActorIndex, finder: CountryFinder, kb: ActorBase, date) -> None:
    """ "Pakistan said its air force ...", "the government said its troops ...": once
    coreference has found whom the possessive pronoun stands for, a sector noun it
    possesses is that country's sector (PAKMIL), not the bare country."""
    for mention in list(index.mentions):
        if mention.via != "pronoun" or mention.end - mention.start != 1:
            continue
        doc = index.segments[mention.seg].doc
        pronoun = doc[mention.start]
        head = pronoun.head
        if pronoun.dep_ != "poss" or pronoun.tag_ != "PRP$" or head.i <= pronoun.i:
            continue
        if index.at(mention.seg, head.i) is not None:
            continue
        country = mention.actor.country
        code = mention.actor.code_on(date)
        if not country or (code != country and _sector(code) not in STATE_SECTORS):
            continue  # a rebel group's "its fighters" are the group itself
        sector = finder.sector_of(head)
        if sector is None:
            continue
        index.remove(mention)
        actor = generic_actor(country, sector[0], kb)
        text = doc[pronoun.i : head.i + 1].text
        index.add(ActorMention(mention.seg, pronoun.i, head.i + 1, actor, text, "generic", head.i))


def possessed_institutions(
    index: ActorIndex,
    kb: ActorBase,
    date,
    places: Sequence[Place] = (),
    page_country: str | None = None,
) -> None:
    """ "Seoul's Joint Chiefs of Staff", "Kenya's Interior Ministry", "the Ministry of
    Defence in Moscow": a state institution the base knows under a name another country
    also uses is the other country's own when that country possesses it, or holds the
    place it sits in (KORMIL, not USAMIL). A bare such name ("the Federal Police said")
    on a page about another country, where the base's country is never named, is the
    page's country's."""
    named = {m.actor.country for m in index.mentions if m.actor.country}
    for mention in list(index.mentions):
        actor = mention.actor
        if mention.via != "alias" or actor.type == ActorType.STATE or not actor.country:
            continue
        code = actor.code_on(date)
        sector = _sector(code)
        if sector is None or sector not in STATE_SECTORS:
            continue
        doc = index.segments[mention.seg].doc
        head = doc[mention.head] if mention.head is not None else doc[mention.end - 1]
        owner = _owner_country(index, mention.seg, head, mention.start, date)
        # the name itself says no country ("Ministry of Defence", not "U.S. forces")
        generic = kb.sector_for(mention.text.lower().removeprefix("the ")) is not None
        if owner is None and generic:
            owner = seat_country(head, index.segments[mention.seg].offset, places)
        if owner is None and generic and named == {actor.country} | {page_country}:
            owner = page_country
        if owner is None or owner == actor.country:
            continue
        index.remove(mention)
        index.add(dataclasses.replace(mention, actor=generic_actor(owner, sector, kb)))


def _owner_country(index: ActorIndex, seg: int, head: Token, start: int, date) -> str | None:
    """The country of a state that possesses ``head`` ("Seoul's"); None for anyone else
    ("Hamas's political bureau" is no state's office)."""
    owner = next((c for c in head.children if c.dep_ == "poss" and c.i < start), None)
    possessor = index.at(seg, owner.i) if owner is not None else None
    if possessor is None or not possessor.actor.country:
        return None
    owner_sector = _sector(possessor.actor.code_on(date))
    if owner_sector is not None and owner_sector not in STATE_SECTORS:
        return None
    return possessor.actor.country


# nouns for a body made of the groups its "of" phrase names ("an alliance of armed groups")
COLLECTIVE_HEADS = frozenset(
    {"alliance", "coalition", "federation", "union", "bloc", "umbrella", "grouping", "front",
     "network", "council", "committee", "association"}
)  # fmt: skip


def collective_bodies(index: ActorIndex) -> None:
    """ "An alliance of ethnic armed groups said it ...": the alliance is an actor of its
    members' code, so that the clause it heads, and a pronoun after it, has an actor."""
    for mention in list(index.mentions):
        doc = index.segments[mention.seg].doc
        member = doc[mention.head]
        prep = member.head
        if member.dep_ != "pobj" or prep.lower_ != "of" or prep.head.i == prep.i:
            continue
        body = prep.head
        if body.lemma_.lower() not in COLLECTIVE_HEADS or index.at(mention.seg, body.i):
            continue
        start = body.left_edge.i
        if start > body.i or mention.end <= body.i:
            continue
        text = doc[start : mention.end].text
        index.remove(mention)
        index.add(dataclasses.replace(mention, start=start, text=text, head=body.i))
