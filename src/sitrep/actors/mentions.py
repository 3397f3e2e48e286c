"""Records of the actor layer: one mention, the page's index of mentions, and the actors
made for phrases the base does not name (generic "Iraqi troops", unknown names).

Split out of ``sitrep.actors.resolve`` so that the resolver's passes (``resolve``,
``context``, ``collectives``, ``unknown``, ``coref``) share them without import cycles.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from sitrep.actors.kb import ActorBase, normalise_name
from sitrep.actors.words import based_in
from sitrep.models import (
    GENERIC_ACTOR_PREFIX,
    NON_COUNTRY_PREFIXES,
    UNKNOWN_ACTOR_PREFIX,
    Actor,
    ActorRef,
    ActorType,
    Mention,
    Place,
)
from sitrep.nlp import ParsedSegment

STATE_SECTORS = {"GOV", "MIL", "COP", "LEG", "JUD", "SPY"}
# words that put a person's office in the past: their role on the page's date applies
FORMER_WORDS = frozenset({"former", "ex", "late"})
# a leader who left office this recently is still told of in office on the page
RECENT_OFFICE_DAYS = 31
_SLUG = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class PageContext:
    """What the phrase passes know about the page around a segment."""

    offset: int  # the segment's offset in Document.text
    places: Sequence[Place]
    page_country: str | None
    titles: Mapping[str, list[Actor]]  # role title -> who held it on the page's date
    date: str | None = None  # the page's date
    protest: bool = False  # the page tells of protests (students there are OPP)

    @property
    def ground_country(self) -> str | None:
        """The country most of the page's towns, cities and regions are in (more than half
        of the different ones, each counted once however often it is named): where its
        events take place, whoever's actors it is about."""
        named = {(p.name, p.country) for p in self.places if p.country and p.precision != "country"}
        counts = Counter(country for _, country in named)
        top = counts.most_common(1)
        return top[0][0] if top and top[0][1] * 2 > sum(counts.values()) else None


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
        """Mentions with the codes their actors carry: a person out of office on the
        page's date who held a role at the time of the mention's own event ("three days
        after Hasina resigned") carries that role's code."""
        out = []
        dater = None
        for m in self.sorted():
            ps = self.segments[m.seg]
            span = ps.doc[m.start : m.end]
            start = ps.offset + span.start_char
            when = date
            if _left_office_before(m.actor, date):
                if dater is None:
                    from sitrep.when import EventDater  # the when layer does not need actors

                    dater = EventDater(self.segments, date)
                when = _mention_event_date(dater, ps, m, date)
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
                for ref in self.to_refs(m, when)
            )
        return out


def _left_office_before(actor: Actor, date: str | None) -> bool:
    """True for a person who holds no role on ``date`` but held one that ended before it."""
    if date is None or actor.type != ActorType.PERSON or not actor.roles:
        return False
    if any(r.holds_on(date) for r in actor.roles):
        return False
    return any(r.end and r.end < date for r in actor.roles)


def _mention_event_date(dater, ps: ParsedSegment, mention: ActorMention, date: str | None):
    """The date of the event a mention takes part in: the clause its head belongs to,
    dated like the event coder dates it; the page's date when the page gives none or the
    person is called former."""
    doc = ps.doc
    head = doc[mention.head]
    if any(t.lower_ in FORMER_WORDS for t in doc[max(0, mention.start - 3) : mention.start]):
        return date
    verb = head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    resolved = dater.resolve(head.sent, ps.offset, verb if verb.pos_ in ("VERB", "AUX") else None)
    if resolved is not None and resolved.value and resolved.value <= (date or ""):
        return resolved.value
    if not mention.actor.code.endswith("ELI"):
        return date  # out of office into another active role (a commander turned rebel)
    return _recent_role_end(mention.actor, date) or date


def _recent_role_end(actor: Actor, date: str | None) -> str | None:
    """The end of a role left at most ``RECENT_OFFICE_DAYS`` before ``date``: a page
    written days after a leader fell still tells of the leader in office."""
    if date is None or len(date) < 10:
        return None
    try:
        today = dt.date.fromisoformat(date[:10])
    except ValueError:
        return None
    ends = []
    for role in actor.roles:
        if role.end and len(role.end) == 10 and role.end < date:
            try:
                ended = dt.date.fromisoformat(role.end)
            except ValueError:
                continue
            if (today - ended).days <= RECENT_OFFICE_DAYS:
                ends.append(role.end)
    return max(ends) if ends else None


def is_capitalised(token: Token) -> bool:
    return token.text[:1].isupper()


# Arabic articles written in lower case at the start of a name ("al-Qaeda", "al-Shabaab",
# "ash-Sham"); "al" alone may also stand apart ("al Qaeda")
NAME_ARTICLES = frozenset({"al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ul"})


def starts_name(token: Token) -> bool:
    """True when a name may start at ``token``: a capital or a digit, or a lower-case
    Arabic article joined to a capitalised word ("al-Qaeda", "al Qaeda")."""
    first = token.text[:1]
    if first.isupper() or first.isdigit():
        return True
    if token.text not in NAME_ARTICLES:
        return False
    doc = token.doc
    nxt = token.i + 1
    if nxt < len(doc) and doc[nxt].text in ("-", "\u2010", "\u2011") and not doc[nxt].whitespace_:
        nxt += 1
    elif token.text != "al" or not token.whitespace_:
        return False
    return nxt < len(doc) and nxt > token.i and is_capitalised(doc[nxt])


def generic_actor(country: str | None, sector: str, kb: ActorBase) -> Actor:
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


def unknown_actor(text: str, atype: ActorType, code: str, country: str | None) -> Actor:
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


def inside_place(offset: int, span: Span, place_spans: Sequence[tuple[int, int]]) -> bool:
    """True when ``span`` lies inside a longer place name ("Sadr" in "Sadr City")."""
    s, e = offset + span.start_char, offset + span.end_char
    return any(ps <= s and e <= pe and (pe - ps) > (e - s) for ps, pe in place_spans)


def bloc_actor(words: str, code: str) -> Actor:
    """A group of states or a region named by a collective word ("European allies")."""
    slug = _SLUG.sub("-", normalise_name(words)).strip("-") or "x"
    return Actor(
        id=f"{GENERIC_ACTOR_PREFIX}{code.lower()}-{slug}",
        name=words,
        type=ActorType.GROUP,
        code=code,
        country=None,
        known=False,
    )


def titles_person(index: ActorIndex, seg_i: int, word: Token) -> bool:
    """A common noun (or its modifier) right before a person's name, with nothing
    between: the person's title ("army chief Abdel Fattah al-Burhan"), not an actor."""
    while word.dep_ == "compound" and word.head.i == word.i + 1:
        word = word.head
    after = index.at(seg_i, word.i + 1) if word.i + 1 < len(word.doc) else None
    return (
        word.tag_ in ("NN", "NNP")
        and word.whitespace_ != ""
        and after is not None
        and after.start == word.i + 1
        and after.actor.type == ActorType.PERSON
    )


def titles_person_by_sector(index: ActorIndex, seg_i: int, word: Token, kb: ActorBase) -> bool:
    """``titles_person``, for a title of sector words only ("army chief"): a title with a
    group's name in it ("senior Houthi official") stays the group's phrase."""
    if not titles_person(index, seg_i, word):
        return False
    for mod in word.subtree:
        m = index.at(seg_i, mod.i)
        if m is not None and mod.i < word.i and kb.sector_for(word.doc[m.head].lower_) is None:
            return False
    return True


def drop_title_words(index: ActorIndex, seg_i: int, title: Token, kb: ActorBase) -> None:
    """The words of a person's title name no actor of their own: "army" in "army chief
    Abdel Fattah al-Burhan" is the chief's."""
    for m in [m for m in index.mentions if m.seg == seg_i]:
        word = title.doc[m.head]
        if (
            word.dep_ == "compound"
            and word.head.i == title.i
            and m.actor.type != ActorType.PERSON
            and kb.sector_for(word.lower_) is not None  # a named group stays: "Badr leader"
        ):
            index.remove(m)


def junta_ruled(index: ActorIndex, context: PageContext) -> str | None:
    """The one country named on the page that a junta leader ruled on the page's date
    ("France withdrew its troops from Mali after the junta demanded ..." -> Mali)."""
    ruled = {a.country for a in context.titles.get("junta leader", ()) if a.country}
    named = {m.actor.country for m in index.mentions} | {p.country for p in context.places}
    found = ruled & named
    return found.pop() if len(found) == 1 else None


# verbs that report what someone says happened
REPORTING_VERBS = frozenset({"say", "report", "announce", "claim", "confirm", "add", "tell"})


def reporter_country(index: ActorIndex, seg_i: int, head: Token) -> str | None:
    """The country of whoever reports the clause ``head`` stands in, when that reporter
    speaks for a state ("Syrian state media said air defences had shot down ...": Syria's
    air defences; "Ukraine's military said troops repelled ...")."""
    clause = head
    while clause.dep_ not in ("ccomp", "ROOT") and clause.head.i != clause.i:
        clause = clause.head
    verb = clause.head
    if clause.dep_ != "ccomp" or verb.lemma_.lower() not in REPORTING_VERBS:
        return None
    for subject in (c for c in verb.children if c.dep_ == "nsubj"):
        for word in subject.subtree:
            if based_in(word):
                continue  # "a Britain-based monitor": where it sits, not whom it speaks for
            mention = index.at(seg_i, word.i)
            country = mention.actor.country if mention is not None else None
            # a body coded without its country (an NGO where it is based) speaks for none
            if (
                country
                and country not in NON_COUNTRY_PREFIXES
                and mention.actor.code[:3] == country
            ):
                return country
    return None


def junta_sector(country: str, context: PageContext) -> str:
    """A junta is its country's government (GOV) once its leader has been sworn in
    as head of state on the page's date, and the military (MIL) until then: the
    code of the role that makes someone that country's "junta leader" decides."""
    leaders = [a for a in context.titles.get("junta leader", ()) if a.country == country]
    if any(a.code_on(context.date).endswith("GOV") for a in leaders):
        return "GOV"
    return "MIL"
