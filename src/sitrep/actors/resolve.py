"""Mention -> actor resolution on parsed segments.

The resolver reads every parsed segment of a page in order and finds actor mentions in
four passes, each more general than the one before:

1. names from the actor base (longest match wins, case-sensitive for short acronyms,
   a name glued to another capitalised word such as "Sadr City" is not that actor);
   surnames resolve to people named in full earlier on the page;
2. noun phrases built from a country or a known actor plus a sector noun ("Iraqi
   security forces", "U.S. troops", "Mahdi Army militiamen") or a role title ("the Iraqi
   prime minister");
3. named entities the base does not know, which become unknown actors with a code
   composed from the nationality and sector words around them;
4. pronouns and role nouns ("he", "the cleric", "the group"), in ``sitrep.actors.coref``.

The result is an ``ActorIndex``: the mentions in document order, and a lookup from a
token to the mention that covers it, which the event coder uses.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from sitrep.actors.anaphora import Anaphora
from sitrep.actors.kb import ActorBase, normalise_name
from sitrep.actors.typos import TypoMatcher
from sitrep.models import (
    GENERIC_ACTOR_PREFIX,
    UNKNOWN_ACTOR_PREFIX,
    Actor,
    ActorRef,
    ActorType,
    Mention,
    Place,
)
from sitrep.nlp import ParsedSegment

log = logging.getLogger(__name__)

MAX_ALIAS_TOKENS = 8
ENTITY_TYPES = {"PERSON": ActorType.PERSON, "ORG": ActorType.ORGANISATION, "NORP": ActorType.GROUP}
ARGUMENT_DEPS = {
    "nsubj",
    "nsubjpass",
    "dobj",
    "pobj",
    "poss",
    "appos",
    "conj",
    "agent",
    "attr",
    "dative",
    "ROOT",
    "npadvmod",
    "compound",
    "nmod",
}
LOCATIVE_PREPS = {
    "in",
    "at",
    "near",
    "from",
    "across",
    "throughout",
    "inside",
    "outside",
    "around",
    "into",
    "to",
    "through",
    "within",
    "toward",
    "towards",
    "over",
    "via",
}
WHERE_PREPS = {
    "in",
    "inside",
    "near",
    "from",
    "across",
    "throughout",
    "within",
    "around",
    "outside",
    "through",
    "via",
}
# "Iran-backed", "Saudi-led": participles whose first part names another actor
HYPHEN_PARTICIPLES = frozenset(
    {
        "backed",
        "supported",
        "sponsored",
        "funded",
        "armed",
        "trained",
        "allied",
        "aligned",
        "affiliated",
        "led",
        "linked",
        "inspired",
        "run",
        "controlled",
        "held",
        "installed",
    }
)
STATE_SECTORS = {"GOV", "MIL", "COP", "LEG", "JUD", "SPY"}
_SLUG = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class _PageContext:
    """What the phrase passes know about the page around a segment."""

    offset: int  # the segment's offset in Document.text
    places: Sequence[Place]
    page_country: str | None
    titles: Mapping[str, list[Actor]]  # role title -> who held it on the page's date


@dataclass(frozen=True)
class ActorMention:
    """One mention of an actor: token span ``[start, end)`` in segment ``seg``."""

    seg: int
    start: int
    end: int
    actor: Actor
    text: str
    via: str  # alias | short_name | generic | implied | capital | title | unknown | pronoun | role_noun
    head: int  # token index of the mention's head word
    partners: tuple[Actor, ...] = ()  # "U.S. and British planes": the other coordinated actors


@dataclass
class ActorIndex:
    """Mentions of one page in document order, with token -> mention lookup."""

    segments: Sequence[ParsedSegment]
    mentions: list[ActorMention] = field(default_factory=list)
    _by_token: dict[tuple[int, int], ActorMention] = field(default_factory=dict)

    def add(self, mention: ActorMention) -> None:
        for i in range(mention.start, mention.end):
            self._by_token[(mention.seg, i)] = mention
        self.mentions.append(mention)

    @property
    def actors(self) -> dict[str, Actor]:
        """The actors mentioned (coordinated partners included), by id."""
        found = {m.actor.id: m.actor for m in self.mentions}
        for m in self.mentions:
            for partner in m.partners:
                found.setdefault(partner.id, partner)
        return found

    def remove(self, mention: ActorMention) -> None:
        self.mentions.remove(mention)
        for i in range(mention.start, mention.end):
            if self._by_token.get((mention.seg, i)) is mention:
                del self._by_token[(mention.seg, i)]

    def at(self, seg: int, token_i: int) -> ActorMention | None:
        return self._by_token.get((seg, token_i))

    def covered(self, seg: int, start: int, end: int) -> bool:
        return any((seg, i) in self._by_token for i in range(start, end))

    def sorted(self) -> list[ActorMention]:
        return sorted(self.mentions, key=lambda m: (m.seg, m.start))

    def to_ref(self, mention: ActorMention, date: str | None) -> ActorRef:
        actor = mention.actor
        return ActorRef(id=actor.id, name=actor.name, code=actor.code_on(date), text=mention.text)

    def to_refs(self, mention: ActorMention, date: str | None) -> list[ActorRef]:
        """The mention's actor and any actors coordinated with it in the same phrase."""
        refs = [self.to_ref(mention, date)]
        refs.extend(
            ActorRef(id=a.id, name=a.name, code=a.code_on(date), text=mention.text)
            for a in mention.partners
        )
        return refs

    def to_mentions(self, doc_id: str, date: str | None) -> list[Mention]:
        out = []
        for m in self.sorted():
            ps = self.segments[m.seg]
            span = ps.doc[m.start : m.end]
            start = ps.offset + span.start_char
            # "U.S. and British planes": one mention per coordinated actor, same words
            out.extend(
                Mention(
                    doc_id=doc_id,
                    start=start,
                    end=ps.offset + span.end_char,
                    text=span.text,
                    segment=ps.kind,
                    actor=ref,
                    label=m.via,
                )
                for ref in self.to_refs(m, date)
            )
        return out


def _argument_position(tok: Token) -> bool:
    """True when a name is a participant ("Tehran warned", "talks with Tehran"), not a
    location ("in Tehran", "from Tehran")."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ in ("nsubj", "nsubjpass", "dobj", "poss", "agent", "dative", "appos", "attr"):
        return True
    return tok.dep_ == "pobj" and (
        tok.head.lower_ not in LOCATIVE_PREPS or _participant_preposition(tok.head)
    )


def _participant_preposition(prep: Token) -> bool:
    """ "acceptable to Tehran", "loyal to Baghdad", "help from Egypt", "envoys from
    Qatar": after an adjective or a noun, "to" and "from" name a participant, not a place."""
    if prep.lower_ == "to":
        return prep.head.pos_ == "ADJ"
    if prep.lower_ == "from":
        return prep.head.pos_ == "NOUN" and prep.head.i < prep.i
    return False


def _hyphen_agent(tok: Token) -> bool:
    """True for the first part of a hyphenated participle ("Iran" in "Iran-backed",
    "U.S.-led"): it names a backer or leader, not the phrase's own country."""
    if "-" in tok.text and tok.text.rsplit("-", 1)[1].lower() in HYPHEN_PARTICIPLES:
        return True
    doc = tok.doc
    for k in range(tok.i + 1, min(tok.i + 4, len(doc) - 1)):
        if doc[k].text in ("-", "\u2010", "\u2011"):
            return doc[k + 1].lower_ in HYPHEN_PARTICIPLES
        if doc[k].is_punct or doc[k].is_space:
            return False
    return False


def _determined(tok: Token) -> bool:
    return any(c.dep_ in ("det", "poss") for c in tok.children)


def _is_capitalised(token: Token) -> bool:
    return token.text[:1].isupper()


def _generic_actor(country: str | None, sector: str, kb: ActorBase) -> Actor:
    code = (country or "") + sector
    info = kb.country(country) if country else None
    place = kb.find(info.actor_id).name if info and kb.find(info.actor_id) else (country or "")
    name = f"{place} {sector}".strip() if place else sector
    return Actor(
        id=f"{GENERIC_ACTOR_PREFIX}{code.lower()}",
        name=name,
        type=ActorType.GROUP,
        code=code,
        country=country,
        known=False,
    )


def _unknown_actor(text: str, atype: ActorType, code: str, country: str | None) -> Actor:
    slug = _SLUG.sub("-", normalise_name(text)).strip("-") or "x"
    return Actor(
        id=f"{UNKNOWN_ACTOR_PREFIX}{slug}",
        name=text,
        type=atype,
        code=code or "UNK",
        country=country,
        aliases=(text,),
        known=False,
    )


class ActorResolver:
    """Resolves actor mentions on a page. Construct once per process; call per page."""

    def __init__(self, kb: ActorBase, anaphora: Anaphora) -> None:
        self.kb = kb
        self.anaphora = anaphora
        self.typos = TypoMatcher(kb)

    # -- public ---------------------------------------------------------------------

    def resolve(
        self,
        segments: Sequence[ParsedSegment],
        places: Sequence[Place] = (),
        date: str | None = None,
    ) -> ActorIndex:
        from sitrep.actors.coref import resolve_anaphora

        index = ActorIndex(segments=segments)
        place_spans = [(p.start, p.end) for p in places]
        page_people: dict[str, Actor] = {}
        for seg_i, ps in enumerate(segments):
            for sent in ps.doc.sents:
                self._match_names(index, seg_i, ps, sent, places, page_people, date)
        self._drop_locative_states(index)
        country = self._dominant_country(index, places)
        titles = self.kb.title_nouns(date)
        for seg_i, ps in enumerate(segments):
            context = _PageContext(ps.offset, places, country, titles)
            self._match_phrases(index, seg_i, ps.doc, date, context)
            self._match_unknown_entities(index, seg_i, ps.doc, place_spans, context)
        resolve_anaphora(index, self.anaphora, date)
        return index

    # -- pass 1: names from the base --------------------------------------------------

    def _lookup(self, span: Span) -> list[Actor]:
        text = span.text
        if not _is_capitalised(span[0]) and not span[0].text[:1].isdigit():
            return []
        if len(text.replace(".", "")) <= 3 and not text.replace(".", "").isupper():
            return []  # "Us", "Un" are words; short names count only in capitals
        return self.kb.lookup(text)

    def _glued(self, doc: Doc, start: int, end: int) -> bool:
        """True when a match is part of a longer proper name ("Sadr City", "Ali Sadr")."""
        if end < len(doc):
            nxt = doc[end]
            if (
                nxt.pos_ == "PROPN"
                and _is_capitalised(nxt)
                and nxt.ent_type_ not in ("DATE", "TIME")
            ):
                return nxt.ent_iob_ == "I" and doc[end - 1].ent_iob_ in ("B", "I")
        if start > 0:
            prev = doc[start - 1]
            if (
                prev.pos_ == "PROPN"
                and _is_capitalised(prev)
                and prev.lower_ not in self.anaphora.titles
                and prev.ent_type_ == "PERSON"
                and doc[start].ent_iob_ == "I"
            ):
                return True
        return False

    def _inside_place(
        self, offset: int, span: Span, place_spans: Sequence[tuple[int, int]]
    ) -> bool:
        s, e = offset + span.start_char, offset + span.end_char
        return any(ps <= s and e <= pe and (pe - ps) > (e - s) for ps, pe in place_spans)

    def _match_names(
        self,
        index: ActorIndex,
        seg_i: int,
        ps: ParsedSegment,
        sent: Span,
        places: Sequence[Place],
        page_people: dict[str, Actor],
        date: str | None,
    ) -> None:
        doc = ps.doc
        place_spans = [(p.start, p.end) for p in places]
        i = sent.start
        while i < sent.end:
            found: tuple[int, list[Actor], str] | None = None
            for n in range(min(MAX_ALIAS_TOKENS, sent.end - i), 0, -1):
                span = doc[i : i + n]
                if span[-1].is_punct or span[0].is_punct:
                    continue
                actors = self._lookup(span)
                via = "alias"
                if not actors:
                    actors = self._short_name(span, page_people)
                    via = "short_name"
                if actors:
                    found = (n, actors, via)
                    break
            if found is None:
                i += 1
                continue
            n, actors, via = found
            if self._glued(doc, i, i + n) or self._inside_place(
                ps.offset, doc[i : i + n], place_spans
            ):
                i += n
                continue
            page_countries: set[str] = set()
            if len(actors) > 1:  # only an ambiguous name needs the page's countries
                page_countries = {p.country for p in places if p.country}
                page_countries |= {m.actor.country for m in index.mentions if m.actor.country}
            actor = self._choose(actors, date, index, page_countries)
            head = max(
                range(i, i + n), key=lambda k: (doc[k].head.i < i or doc[k].head.i >= i + n, k)
            )
            mention = ActorMention(seg_i, i, i + n, actor, doc[i : i + n].text, via, head)
            index.add(mention)
            if actor.type == ActorType.PERSON:
                page_people[actor.id] = actor
            i += n

    def _short_name(self, span: Span, page_people: dict[str, Actor]) -> list[Actor]:
        """A surname alone means a person already named in full on this page."""
        if not page_people or not _is_capitalised(span[0]):
            return []
        candidates = [a for a in self.kb.short_name_lookup(span.text) if a.id in page_people]
        if candidates:
            return candidates
        key = normalise_name(span.text)
        return [
            a
            for a in page_people.values()
            if any(normalise_name(alias).split()[-1:] == [key] for alias in (a.name, *a.aliases))
            and " " not in key
        ]

    def _choose(
        self, actors: list[Actor], date: str | None, index: ActorIndex, countries: set[str]
    ) -> Actor:
        """Several actors share a name: prefer one already on the page, then one of a
        country the page is about, then one holding a role on the date."""
        if len(actors) == 1:
            return actors[0]
        on_page = [a for a in actors if a.id in index.actors]
        if on_page:
            return on_page[0]
        local = [a for a in actors if a.country in countries]
        if len(local) == 1:
            return local[0]
        pool = local or actors
        in_role = [a for a in pool if any(r.holds_on(date) for r in a.roles)] if date else []
        return (in_role or pool)[0]

    def _drop_locative_states(self, index: ActorIndex) -> None:
        """ "attacks in Iraq": a country after a locative preposition is a place, not an actor."""
        for m in list(index.mentions):
            if m.actor.type != ActorType.STATE:
                continue
            head = index.segments[m.seg].doc[m.head]
            if (
                head.dep_ == "pobj"
                and head.head.lower_ in LOCATIVE_PREPS
                and not _participant_preposition(head.head)
            ):
                index.remove(m)

    # -- pass 2: country / actor + sector noun, role titles -----------------------------

    def _dominant_country(self, index: ActorIndex, places: Sequence[Place]) -> str | None:
        counts: Counter[str] = Counter()
        for m in index.mentions:
            if m.actor.country:
                counts[m.actor.country] += 1
        for p in places:
            if p.country:
                counts[p.country] += 1
        if not counts:
            return None
        (top, n), *rest = counts.most_common(2) + [("", 0)]
        return top if n > rest[0][1] else None

    def _sector_of(self, head: Token) -> tuple[str, int] | None:
        """Sector code of a head noun, trying two-word phrases ("security forces") first."""
        if head.pos_ not in ("NOUN", "PROPN"):
            return None
        doc = head.doc
        if head.i > 0 and doc[head.i - 1].dep_ in ("compound", "amod"):
            two = f"{doc[head.i - 1].lower_} {head.lower_}"
            code = self.kb.sector_for(two)
            if code:
                return code, head.i - 1
        code = self.kb.sector_for(head.lower_) or self.kb.sector_for(head.lemma_.lower())
        return (code, head.i) if code else None

    def _modifier_owner(
        self, index: ActorIndex, seg_i: int, head: Token, stop: int
    ) -> tuple[list[str], Actor | None, int]:
        """Countries or the actor that modify ``head``: "Iraqi", "U.S. and British",
        "Sadr's", "Mahdi Army". Returns (countries, actor, first token of the phrase)."""
        doc = head.doc
        left = head.left_edge.i
        countries: list[str] = []
        for tok in doc[left:stop]:
            if _hyphen_agent(tok):
                continue  # "Iran-backed militias" are not Iran's militias
            if (
                tok.dep_
                not in ("amod", "compound", "poss", "nmod", "conj", "case", "det", "cc", "punct")
                and tok.i != left
            ):
                continue
            mention = index.at(seg_i, tok.i)
            if mention is not None:
                if mention.actor.type != ActorType.STATE:
                    return [], mention.actor, left
                if mention.actor.country and mention.actor.country not in countries:
                    countries.append(mention.actor.country)
                continue
            info = self.kb.country_by_demonym(tok.text)
            if info is not None and info.iso3 not in countries:
                countries.append(info.iso3)
        return countries, None, left

    def _match_phrases(
        self, index: ActorIndex, seg_i: int, doc: Doc, date: str | None, context: _PageContext
    ) -> None:
        for head in doc:
            if head.pos_ not in ("NOUN", "PROPN") or head.dep_ == "amod":
                continue
            if self._capital_metonym(index, seg_i, head):
                continue
            if head.dep_ in ("compound", "nmod") and index.at(seg_i, head.head.i) is not None:
                continue  # "Turkish President Recep Tayyip Erdogan": the title is part of the name
            existing = index.at(seg_i, head.i)
            if existing is not None and existing.actor.type != ActorType.STATE:
                continue
            title = self._title_actor(index, seg_i, head, context)
            if title is not None or self._person_role_noun(head):
                continue
            sector = self._sector_of(head)
            if sector is None:
                self._owning_country(index, seg_i, head)
                continue
            code, sector_start = sector
            countries, owner, left = self._modifier_owner(index, seg_i, head, sector_start)
            country = countries[0] if countries else None
            partners = tuple(_generic_actor(c, code, self.kb) for c in countries[1:])
            if owner is not None:
                actor, via = owner, "alias"
            elif country is not None:
                actor, via = _generic_actor(country, code, self.kb), "generic"
            elif (
                (head.tag_ in ("NNS", "NNPS") and head.dep_ != "compound")
                or (code in STATE_SECTORS and any(c.lower_ == "the" for c in head.children))
                or (code == "LEG" and head.dep_ != "compound" and not _determined(head))
            ):
                implied = self._implied_country(index, seg_i, head, context)
                actor, via = _generic_actor(implied, code, self.kb), "implied"
            else:
                continue
            start = left if (country or owner) else min(sector_start, head.i)
            while start < head.i and doc[start].dep_ in (
                "det",
                "punct",
                "cc",
                "nummod",
                "quantmod",
            ):
                start += 1
            for inner in {m for k in range(start, head.i + 1) if (m := index.at(seg_i, k))}:
                index.remove(inner)
            text = doc[start : head.i + 1].text
            index.add(ActorMention(seg_i, start, head.i + 1, actor, text, via, head.i, partners))

    def _implied_country(
        self, index: ActorIndex, seg_i: int, head: Token, context: _PageContext
    ) -> str | None:
        """The country of "police" or "the government" when the phrase names none: that of
        the phrase it is coordinated with ("Iraqi soldiers and police"), else of the places
        in its sentence when they agree ("protesters in Basra"), else the page's country."""
        if head.dep_ == "conj":
            sibling = index.at(seg_i, head.head.i)
            if sibling is not None and sibling.actor.country:
                return sibling.actor.country
        if any(c.lower_ in ("the", "these", "those") for c in head.children):
            earlier = self._earlier_sector_country(index, seg_i, head)
            if earlier is not None:
                return earlier
        sent = head.sent
        lo, hi = context.offset + sent.start_char, context.offset + sent.end_char
        countries = {
            p.country
            for p in context.places
            if lo <= p.start < hi and p.country and p.precision != "country"
        }
        if len(countries) == 1:
            return countries.pop()
        return context.page_country

    def _earlier_sector_country(self, index: ActorIndex, seg_i: int, head: Token) -> str | None:
        """ "the militias" after "Iraqi militias": a definite sector noun with no country
        of its own refers back to the latest earlier phrase of that sector that had one."""
        sector = self._sector_of(head)
        if sector is None:
            return None
        code = sector[0]
        best: ActorMention | None = None
        for m in index.mentions:
            if (m.seg, m.start) >= (seg_i, head.i) or m.via not in ("generic", "alias"):
                continue
            own = m.actor.code
            later = best is None or (m.seg, m.start) > (best.seg, best.start)
            if m.actor.country and len(own) == 6 and own[3:] == code and later:
                best = m
        return best.actor.country if best else None

    def _owning_country(self, index: ActorIndex, seg_i: int, head: Token) -> None:
        """ "fired rockets at Israeli positions", "seized Iranian tankers": a nationality on
        a thing that is attacked or taken stands for its country."""
        if head.dep_ not in ("dobj", "pobj", "nsubjpass") or (
            head.dep_ == "pobj" and head.head.lower_ in WHERE_PREPS
        ):
            return  # "in Iraqi towns" says where, not whose
        for mod in head.children:
            if mod.dep_ != "amod" or mod.i > head.i or index.at(seg_i, mod.i) is not None:
                continue
            info = self.kb.country_by_demonym(mod.text)
            state = self.kb.find(info.actor_id) if info else None
            if state is not None:
                index.add(ActorMention(seg_i, mod.i, mod.i + 1, state, mod.text, "demonym", mod.i))
                return

    def _person_role_noun(self, head: Token) -> bool:
        """ "the general", "the minister": one person named earlier, left to coreference."""
        referent = self.anaphora.role_nouns.get(head.lower_)
        return (
            referent is not None
            and referent.types == (ActorType.PERSON,)
            and head.tag_ in ("NN", "NNP")
            and any(c.lower_ == "the" for c in head.children)
            and not any(c.dep_ in ("amod", "compound", "poss") for c in head.children)
        )

    def _capital_metonym(self, index: ActorIndex, seg_i: int, head: Token) -> bool:
        """ "Baghdad said", "Washington's demands": a capital as an argument is its government."""
        if head.pos_ != "PROPN" or not _argument_position(head):
            return False
        if index.at(seg_i, head.i) is not None:
            return False
        doc = head.doc
        start = head.i
        while (
            start > 0
            and doc[start - 1].dep_ == "compound"
            and doc[start - 1].pos_ == "PROPN"
            and head.i - start < 2
        ):
            start -= 1
        for first in range(start, head.i + 1):  # "Addis Ababa", "New Delhi", then "Delhi"
            info = self.kb.country_by_capital(doc[first : head.i + 1].text)
            if info is None or index.covered(seg_i, first, head.i + 1):
                continue
            actor = _generic_actor(info.iso3, "GOV", self.kb)
            text = doc[first : head.i + 1].text
            index.add(ActorMention(seg_i, first, head.i + 1, actor, text, "capital", head.i))
            return True
        return False

    def _title_actor(
        self, index: ActorIndex, seg_i: int, head: Token, context: _PageContext
    ) -> Actor | None:
        """ "the (Iraqi) prime minister" -> whoever held that title on the date."""
        doc = head.doc
        for n in (3, 2, 1):
            start = head.i - n + 1
            if start < 0:
                continue
            phrase = normalise_name(doc[start : head.i + 1].text)
            holders = context.titles.get(phrase)
            if not holders:
                continue
            following = doc[head.i + 1] if head.i + 1 < len(doc) else None
            if following is not None and (
                following.ent_type_ == "PERSON" or index.at(seg_i, following.i) is not None
            ):
                # "Prime Minister Haider al-Abadi", "President George Washington": a name
                # follows the title, so the name is the mention, whoever holds the title today
                return None
            countries, _owner, left = self._modifier_owner(index, seg_i, head, start)
            country = countries[0] if countries else context.page_country
            chosen = [a for a in holders if a.country == country] if country else []
            if len(chosen) != 1:
                return None
            first = min(left, start)
            while first < head.i and (doc[first].dep_ in ("det", "punct") or doc[first].like_num):
                first += 1
            for inner in {m for k in range(first, head.i + 1) if (m := index.at(seg_i, k))}:
                index.remove(inner)
            mention = ActorMention(
                seg_i, first, head.i + 1, chosen[0], doc[first : head.i + 1].text, "title", head.i
            )
            index.add(mention)
            return chosen[0]
        return None

    # -- pass 3: names the base does not know ---------------------------------------

    def _match_unknown_entities(
        self,
        index: ActorIndex,
        seg_i: int,
        doc: Doc,
        place_spans: Sequence[tuple[int, int]],
        context: _PageContext,
    ) -> None:
        offset = context.offset
        for ent in doc.ents:
            atype = ENTITY_TYPES.get(ent.label_)
            if atype is None or index.covered(seg_i, ent.start, ent.end):
                continue
            if self._inside_place(offset, ent, place_spans) or any(
                ps <= offset + ent.start_char < pe for ps, pe in place_spans
            ):
                continue
            if ent.label_ == "NORP":
                info = self.kb.country_by_demonym(ent.text)
                if info is None and ent.text.endswith("s"):
                    info = self.kb.country_by_demonym(ent.text[:-1])
                if info is not None:
                    if ent.root.tag_ in ("NNS", "NNPS") and ent.root.dep_ in ARGUMENT_DEPS:
                        # "60 Iraqis were killed": the people of that country;
                        # "the Americans were warned": the country itself
                        definite = ent.start > 0 and doc[ent.start - 1].lower_ == "the"
                        state = self.kb.find(info.actor_id) if definite else None
                        actor = state or _generic_actor(info.iso3, "CVL", self.kb)
                        index.add(
                            ActorMention(
                                seg_i, ent.start, ent.end, actor, ent.text, "generic", ent.root.i
                            )
                        )
                    continue
            if not any(t.is_alpha and _is_capitalised(t) for t in ent):
                continue
            code, country = self._compose_code(index, seg_i, ent, context)
            if code and country is None:
                # "Prime Minister Abiy Ahmed" on a page about Ethiopia
                country = self._implied_country(index, seg_i, ent.root, context)
                code = (country or "") + code
            sector = self.kb.sector_for(ent.text)
            if sector is not None:
                # a sector noun the tagger took for a name ("Militiamen had attacked ...")
                generic = _generic_actor(country, sector, self.kb)
                index.add(
                    ActorMention(
                        seg_i, ent.start, ent.end, generic, ent.text, "implied", ent.root.i
                    )
                )
                continue
            typo = self.typos.match(doc, ent)
            if typo is not None:
                first, actor = typo
                if not index.covered(seg_i, first, ent.start):
                    text = doc[first : ent.end].text
                    index.add(ActorMention(seg_i, first, ent.end, actor, text, "alias", ent.root.i))
                    continue
            actor = _unknown_actor(ent.text, atype, code, country)
            known = self._earlier_unknown(index, actor)
            index.add(
                ActorMention(
                    seg_i, ent.start, ent.end, known or actor, ent.text, "unknown", ent.root.i
                )
            )

    def _earlier_unknown(self, index: ActorIndex, actor: Actor) -> Actor | None:
        """ "Williams" after "Holly Williams": the same unknown person."""
        key = normalise_name(actor.name)
        for m in index.mentions:
            if m.actor.known or m.actor.type != actor.type:
                continue
            other = normalise_name(m.actor.name)
            if other == key or (
                actor.type == ActorType.PERSON and other.split()[-1:] == key.split()[-1:]
            ):
                return m.actor
        return None

    def _compose_code(
        self, index: ActorIndex, seg_i: int, ent: Span, context: _PageContext
    ) -> tuple[str, str | None]:
        """Country + sector for an unknown name, from its own words ("Tigray People's
        Liberation Front": a place in Ethiopia + "liberation front") and the words around it."""
        doc = ent.doc
        country: str | None = None
        sector: str | None = None
        lo, hi = context.offset + ent.start_char, context.offset + ent.end_char
        inner = [p.country for p in context.places if lo <= p.start and p.end <= hi and p.country]
        country = inner[0] if inner else None
        for tok in ent:
            info = self.kb.country_by_demonym(tok.text)
            country = country or (info.iso3 if info else None)
        words = [t.lower_ for t in ent if t.is_alpha]
        for n in (2, 1):
            if len(words) >= n and sector is None:
                sector = self.kb.sector_for(" ".join(words[-n:]))
        neighbourhood = list(doc[ent.root.left_edge.i : ent.start]) + [
            t for t in ent.root.children if t.dep_ == "appos"
        ]
        for appos in [t for t in ent.root.children if t.dep_ == "appos"]:
            neighbourhood.extend(appos.subtree)
        if ent.root.dep_ == "appos":
            neighbourhood.extend(ent.root.head.subtree)
        for tok in neighbourhood:
            if ent.start <= tok.i < ent.end:
                continue
            mention = index.at(seg_i, tok.i)
            if mention is not None and mention.actor.code:
                code = mention.actor.code_on(None)
                country = country or (code[:3] if len(code) >= 3 else None)
                sector = sector or (code[3:6] or None)
                continue
            info = self.kb.country_by_demonym(tok.text)
            if info is not None:
                country = country or info.iso3
                continue
            sector = sector or self.kb.sector_for(tok.lower_)
        return (country or "") + (sector or ""), country
