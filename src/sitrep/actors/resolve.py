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
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from sitrep.actors.allegiance import allegiance
from sitrep.actors.anaphora import Anaphora
from sitrep.actors.collectives import Bloc, Collectives, People
from sitrep.actors.context import (
    BARE_CROWDS,
    FORCE_NOUNS,
    GOODS_NOUNS,
    JUNTA_PHRASES,
    LOCATIVE_PREPS,
    PROTEST_CROWDS,
    WEAPON_NOUNS,
    CountryFinder,
    argument_position,
    demonym_countries,
    latest_force_sector,
    participant_preposition,
    phrase_start,
    place_not_person,
    places_in,
    plural_noun,
    seat_country,
    sides_of_a_fight,
    stance_prefixed,
    title_sector,
)
from sitrep.actors.counting import counted_countries, counted_states, supporters_of
from sitrep.actors.hyphens import (
    RULER_PARTICIPLES,
    held_site,
    hyphen_agent,
    hyphen_participle,
    made_by,
)
from sitrep.actors.kb import ActorBase, normalise_name
from sitrep.actors.mentions import (
    STATE_SECTORS,
    ActorIndex,
    ActorMention,
    PageContext,
    bloc_actor,
    drop_title_words,
    generic_actor,
    inside_place,
    is_capitalised,
    junta_ruled,
    junta_sector,
    starts_name,
    titles_person_by_sector,
)
from sitrep.actors.owners import followers, government_forces, of_owner, of_state, of_states
from sitrep.actors.phrases import (
    collective_bodies,
    counterpart_actor,
    possessed_forces,
    possessed_institutions,
    widen_coordinated_names,
)
from sitrep.actors.repetition import repeated_noun
from sitrep.actors.typos import TypoMatcher
from sitrep.actors.unknown import UnknownNames
from sitrep.actors.words import (
    GROUP_ROLES,
    OWNED_EQUIPMENT,
    based_in,
    dateline_place,
    determined,
    handed_over,
    indefinite,
    joined_forces,
    joined_protests,
    model_name,
    not_bases,
    of_many_states,
    owner_phrase,
    protest_page,
    punct_between,
    seagoing,
)
from sitrep.models import Actor, ActorType, Place, SegmentKind
from sitrep.nlp import ParsedSegment

__all__ = ["ActorIndex", "ActorMention", "ActorResolver"]

log = logging.getLogger(__name__)

# sectors whose unnamed members belong to no country the page implies: aid workers and
# rights groups on a page about Sudan are mostly international (code NGO), so only a
# nationality word ("Sudanese aid workers") gives them one
UNPLACED_SECTORS = frozenset({"NGO"})
# Sectors whose nouns name an actor even as one unnamed member: "a suicide bomber", "a
# rights group", "one demonstrator". State sectors are left out: "a force", "a unit" and
# "a court" are as often things as actors.
INDEFINITE_SECTORS = frozenset({"CVL", "REB", "PRM", "OPP", "NGO", "MED", "JUD"})
FORMATION_NOUNS = frozenset({"unit", "battalion", "brigade", "regiment", "platoon", "garrison"})

MAX_ALIAS_TOKENS = 8
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


JUNTA_NOUNS = frozenset({"junta", "juntas", "putschist", "putschists"})
# singular nouns that name a whole group, as "the government" does: "the opposition"
GROUP_SINGULARS = frozenset({"opposition", "militia", "insurgency"})
# "a police spokesman" speaks for the police, even when the article is indefinite
SPOKES_NOUNS = frozenset({"spokesman", "spokeswoman", "spokesperson"})
COUNT_NOUNS = frozenset({"thousands", "hundreds", "dozens", "millions", "scores", "tens"})


class ActorResolver:
    """Resolves actor mentions on a page. Construct once per process; call per page."""

    def __init__(
        self, kb: ActorBase, anaphora: Anaphora, collectives: Collectives | None = None
    ) -> None:
        self.kb = kb
        self.anaphora = anaphora
        self.typos = TypoMatcher(kb)
        self.collectives = collectives or Collectives.load()
        self.finder = CountryFinder(kb)
        self.unknown = UnknownNames(
            kb, self.typos, self.finder, self.collectives, frozenset(anaphora.titles)
        )

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
        demonyms = demonym_countries(self.kb, index)  # for names two actors share
        for seg_i, ps in enumerate(segments):
            for sent in ps.doc.sents:
                self._match_names(index, seg_i, ps, sent, places, page_people, demonyms, date)
        self._drop_locative_states(index)
        widen_coordinated_names(index, self.kb, date)
        places = not_bases(places, segments)  # "an Oslo-based group": no country for actors
        country = self.finder.dominant_country(index, places)
        titles = self.kb.title_nouns(date)
        protest = protest_page(segments)
        for seg_i, ps in enumerate(segments):
            context = PageContext(ps.offset, places, country, titles, date, protest)
            self._match_phrases(index, seg_i, ps.doc, date, context)
            self.unknown.match(index, seg_i, ps.doc, place_spans, context)
        collective_bodies(index)
        resolve_anaphora(index, self.anaphora, date, self.kb)
        possessed_forces(index, self.finder, self.kb, date)
        possessed_institutions(index, self.kb, date, places, country)
        return index

    # -- pass 1: names from the base --------------------------------------------------

    def _lookup(self, span: Span) -> list[Actor]:
        text = span.text
        if not starts_name(span[0]) or (
            all(t.ent_type_ in ("DATE", "TIME") for t in span) and any(t.like_num for t in span)
        ):
            return []  # "March 8" in a dateline is a day, not the March 8 Alliance
        if len(text.replace(".", "")) <= 3 and not text.replace(".", "").isupper():
            return []  # "Us", "Un" are words; short names count only in capitals
        return self.kb.lookup(text)

    def _glued(self, doc: Doc, start: int, end: int) -> bool:
        """True when a match is part of a longer proper name ("Sadr City", "Ali Sadr")."""
        if end < len(doc):
            nxt = doc[end]
            if (
                nxt.pos_ == "PROPN"
                and is_capitalised(nxt)
                and nxt.ent_type_ not in ("DATE", "TIME")
            ):
                if end - start >= 2 and model_name(nxt):
                    return False  # "Royal Air Force Typhoon jets": a make of the jets
                return nxt.ent_iob_ == "I" and doc[end - 1].ent_iob_ in ("B", "I")
        if start > 0:
            prev = doc[start - 1]
            if (
                prev.pos_ == "PROPN"
                and is_capitalised(prev)
                and prev.lower_ not in self.anaphora.titles
                and prev.ent_type_ == "PERSON"
                and doc[start].ent_iob_ == "I"
            ):
                return True
        return False

    def _match_names(
        self,
        index: ActorIndex,
        seg_i: int,
        ps: ParsedSegment,
        sent: Span,
        places: Sequence[Place],
        page_people: dict[str, Actor],
        demonyms: set[str],
        date: str | None,
    ) -> None:
        doc = ps.doc
        place_spans = [(p.start, p.end) for p in places]
        i = sent.start
        while i < sent.end:
            if not starts_name(doc[i]):
                i += 1  # neither _lookup nor _short_name matches a span starting here
                continue
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
            if (
                self._glued(doc, i, i + n)
                or inside_place(ps.offset, doc[i : i + n], place_spans)
                or (actors[0].type == ActorType.STATE and stance_prefixed(doc[i]))
                or place_not_person(ps.offset, doc[i : i + n], actors, place_spans)
            ):
                i += n
                continue
            page_countries: set[str] = set()
            if len(actors) > 1:  # only an ambiguous name needs the page's countries
                page_countries = {p.country for p in places if p.country}
                page_countries |= {m.actor.country for m in index.mentions if m.actor.country}
                page_countries |= demonyms  # nationality words also further on
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
        if not page_people or not is_capitalised(span[0]):
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
            if based_in(head):
                index.remove(m)  # "a Norway-based group": where it is, not who
                continue
            if head.dep_ in ("appos", "conj") and head.head.dep_ == "pobj":
                # "in Macomia, Mozambique": the country after a town it is in
                head = head.head
                if head.i + 1 >= len(head.doc) or head.doc[head.i + 1].text != ",":
                    continue
            if (
                head.dep_ == "pobj"
                and head.head.lower_ in LOCATIVE_PREPS
                and not participant_preposition(head.head)
            ):
                index.remove(m)

    # -- pass 2: country / actor + sector noun, role titles -----------------------------

    def _modifier_owner(
        self, index: ActorIndex, seg_i: int, head: Token, stop: int
    ) -> tuple[list[str], Actor | None, int]:
        """Countries or the actor that modify ``head``: "Iraqi", "U.S. and British",
        "Sadr's", "Mahdi Army". Returns (countries, actor, first token of the phrase)."""
        doc = head.doc
        left = phrase_start(head)
        countries: list[str] = []
        for tok in doc[left:stop]:
            ruler = index.at(seg_i, tok.i) if hyphen_participle(tok) in RULER_PARTICIPLES else None
            if ruler is not None and ruler.actor.type != ActorType.STATE and held_site(head):
                return [], ruler.actor, left  # "the Houthi-controlled air base": theirs
            if ruler is not None and ruler.actor.country not in (None, *countries):
                countries.append(ruler.actor.country)  # "the Houthi-run health ministry"
            if hyphen_agent(tok) or stance_prefixed(tok):
                continue  # "Iran-backed" or "anti-Syria" militias are not Iran's or Syria's
            if made_by(head) and tok.i < head.i:
                continue  # "Iranian-made drones" are not Iran's
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
        owner = of_owner(index, seg_i, head)
        # "Russian fighters of the Wagner group" are Wagner's; "an Iraqi lawmaker from
        # the Fatah bloc" stays a lawmaker of Iraq
        of = any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children)
        if owner is not None and (not countries or (of and owner.country in countries)):
            return [], owner, left
        return countries, None, left

    def _match_phrases(
        self, index: ActorIndex, seg_i: int, doc: Doc, date: str | None, context: PageContext
    ) -> None:
        # owners first: "doctors from two American aid groups" are the groups'
        owners_first = sorted(doc, key=lambda t: (not owner_phrase(t), t.i))
        for head in owners_first:
            if head.pos_ not in ("NOUN", "PROPN") or head.dep_ == "amod":
                continue
            if self._capital_metonym(index, seg_i, head):
                continue
            counterparts = counterpart_actor(index, seg_i, head, self.kb, date)
            if counterparts is not None:
                actors, start = counterparts
                for inner in {m for k in range(start, head.i + 1) if (m := index.at(seg_i, k))}:
                    index.remove(inner)
                text = doc[start : head.i + 1].text
                index.add(
                    ActorMention(
                        seg_i,
                        start,
                        head.i + 1,
                        actors[0],
                        text,
                        "generic",
                        head.i,
                        tuple(actors[1:]),
                    )
                )
                continue
            if (
                head.dep_ in ("compound", "nmod")
                and index.at(seg_i, head.head.i) is not None
                and not punct_between(head, head.head)
            ):
                continue  # "Turkish President Recep Tayyip Erdogan": the title is part of the name
            if titles_person_by_sector(index, seg_i, head, self.kb):
                # "Sudan's army chief Abdel Fattah al-Burhan", parsed as two subjects
                drop_title_words(index, seg_i, head, self.kb)
                continue
            existing = index.at(seg_i, head.i)
            if existing is not None and existing.actor.type != ActorType.STATE:
                continue
            title = self._title_actor(index, seg_i, head, context)
            if title is not None or self._person_role_noun(head):
                continue
            if self._collective_phrase(index, seg_i, head, context):
                continue
            if sides_of_a_fight(head):
                continue  # "urged all parties to show restraint": the fight's sides
            if joined_forces(head):
                continue  # "the gangs joined forces": an idiom, no armed forces
            if head.lower_ in COUNT_NOUNS and any(
                c.dep_ == "prep" and c.lower_ == "of" for c in head.children
            ):
                continue  # "dozens of protesters": the protesters say who
            if head.lemma_.lower() in WEAPON_NOUNS and made_by(head):
                continue  # "Iranian-made drones": whose they are is not said
            if head.lemma_.lower() in GOODS_NOUNS and handed_over(head):
                continue  # "sent Haftar weapons and drones": goods, not a force
            sector = self.finder.sector_of(head)
            if sector is None and head.lemma_.lower() in WEAPON_NOUNS:
                # "Russian missiles struck ...", "Iran's drones": a weapon with a named
                # owner stands for the owner's forces; a bare "missiles" stands for no one
                owned, owner, _ = self._modifier_owner(index, seg_i, head, head.i)
                sector = ("MIL", head.i) if owned or owner is not None else None
            if sector is None and (
                states := counted_states(self.finder, index, seg_i, head, context)
            ):
                index.add(states)  # "suspended the three countries": the states just named
            if sector is None:
                self._owning_country(index, seg_i, head)
                continue
            code, sector_start = sector
            if head.lemma_.lower() in FORCE_NOUNS and sector_start == head.i:
                code = latest_force_sector(index, seg_i, head) or code  # police "officers"
            countries, owner, left = self._modifier_owner(index, seg_i, head, sector_start)
            pronoun = any(c.dep_ == "poss" and c.pos_ == "PRON" for c in head.children)
            if not countries and owner is None and not pronoun:  # "its ambassador from X"
                named = of_states(index, seg_i, head)  # "the army of Iraq"
                countries = named or counted_countries(self.finder, index, seg_i, head, context)
            country = countries[0] if countries else None
            partners = tuple(generic_actor(c, code, self.kb) for c in countries[1:])
            junta = (
                head.lemma_.lower() in JUNTA_NOUNS
                or head.lower_ in JUNTA_NOUNS
                or doc[sector_start : head.i + 1].text.lower() in JUNTA_PHRASES
            )
            if junta:
                partners = tuple(
                    generic_actor(c, junta_sector(c, context), self.kb) for c in countries[1:]
                )
            if code == "CVL" and context.protest and head.lemma_.lower() in PROTEST_CROWDS:
                code = "OPP"  # students on a page about protests are the protest movement
            elif code == "CVL" and joined_protests(head):
                code = "OPP"  # "hundreds of people who joined anti-war protests"
            elif code == "OPP" and not context.protest and head.lemma_.lower() in BARE_CROWDS:
                code = "CVL"  # "bombers attacked crowds at the airport": people, no protest
            if owner is not None and government_forces(owner, code, date):
                # "Syrian government troops": the government's army, not the government
                actor, via = generic_actor(owner.country, code, self.kb), "generic"
            elif owner is not None:
                actor, via = followers(self.kb, owner, code, date), "alias"
            elif country is not None:
                if junta:
                    code = junta_sector(country, context)
                actor, via = generic_actor(country, code, self.kb), "generic"
            elif (
                (plural_noun(head) and head.dep_ != "compound")
                or (
                    # "the opposition party": a modifier that names the sector counts too
                    (
                        code in STATE_SECTORS
                        or head.lower_ in GROUP_SINGULARS
                        or sector_start < head.i
                    )
                    and any(c.lower_ == "the" for c in head.children)
                )
                or (code in STATE_SECTORS and head.lower_ in SPOKES_NOUNS)
                # "an army helicopter": the sector word names whose it is
                or (sector_start < head.i and head.lemma_.lower() in OWNED_EQUIPMENT)
                # "a gang leader", "a militia spokesman": one who speaks for the group
                or (sector_start < head.i and head.lemma_.lower() in GROUP_ROLES)
                or (code == "LEG" and head.dep_ != "compound" and not determined(head))
                or (code in INDEFINITE_SECTORS and head.tag_ == "NN" and indefinite(head))
                # "militants ambushed a unit": a formation is an actor even when indefinite
                or (head.lower_ in FORMATION_NOUNS and indefinite(head))
            ):
                group = repeated_noun(index, seg_i, head) or self._armed_group_antecedent(
                    index, seg_i, head, code, date
                )
                if group is not None:
                    actor, via = group, "role_noun"
                else:
                    implied = self.finder.implied_country(index, seg_i, head, context)
                    if code in UNPLACED_SECTORS or seagoing(head) or of_many_states(head):
                        # "rights groups", "aid workers": international; "merchant
                        # vessels", "shipping companies": under any flag; "regional
                        # leaders", "world powers": of many states
                        implied = None
                    if junta and seat_country(head, context.offset, context.places) is None:
                        # a junta rules where the page's story is, never a foreign army's
                        # (unless its own "in" says where: "the council in Khartoum")
                        implied = (
                            junta_ruled(index, context)
                            or context.page_country
                            or context.ground_country
                            or implied
                        )
                    if junta and implied:
                        code = junta_sector(implied, context)
                    actor, via = generic_actor(implied, code, self.kb), "implied"
            else:
                continue
            actor = supporters_of(self.kb, index, seg_i, head, actor, date)
            actor = allegiance(actor, head, doc[left : head.i], index, seg_i, self.kb)
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

    def _armed_group_antecedent(
        self, index: ActorIndex, seg_i: int, head: Token, code: str, date: str | None
    ) -> Actor | None:
        """ "the militants", "gunmen", "three attackers" with no country of their own:
        the armed group named last before them in the same thread of text (al-Shabaab,
        JNIM), unless that name was one of several groups named together ("Lashkar-e-Taiba
        and Jaish-e-Mohammed"), which leaves the noun's group open."""
        if code not in ("REB", "PRM") or head.dep_ == "compound":
            return None
        comment = index.segments[seg_i].kind == SegmentKind.COMMENT
        latest: ActorMention | None = None
        for m in index.mentions:
            if (m.seg, m.start) >= (seg_i, head.i) or m.via in ("implied", "generic"):
                continue
            if (index.segments[m.seg].kind == SegmentKind.COMMENT) != comment:
                continue
            if comment and m.seg != seg_i:
                continue  # each reader comment is its own thread
            later = latest is None or (m.seg, m.start) > (latest.seg, latest.start)
            if later and m.actor.type == ActorType.ARMED_GROUP and m.actor.known:
                latest = m
        # "the militants": the last rebel group; "the militias": the last militia; "the
        # militia" (one group): the last of either
        kinds = ("REB", "PRM") if code == "PRM" and head.tag_ == "NN" else (code,)
        if latest is None or not latest.actor.code_on(date).endswith(kinds):
            return None
        doc = index.segments[latest.seg].doc
        for other in index.mentions:
            if other.seg != latest.seg or other.actor.type != ActorType.ARMED_GROUP:
                continue
            if other.actor.id == latest.actor.id:
                continue
            lo, hi = (
                (other.end, latest.start)
                if other.end <= latest.start
                else (latest.end, other.start)
            )
            if 0 <= hi - lo <= 2 and all(t.lower_ in ("and", "or", ",", "&") for t in doc[lo:hi]):
                return None  # "Lashkar-e-Taiba and Jaish-e-Mohammed": which one is open
        return latest.actor

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
        if head.pos_ != "PROPN" or not argument_position(head) or dateline_place(head):
            return False
        if index.at(seg_i, head.i) is not None:
            return False
        doc = head.doc
        before = doc[head.i - 1] if head.i > 0 else None
        if (
            before is not None
            and before.text[:1].isupper()
            and before.lower_ in self.anaphora.titles
        ):
            return False  # "Gen. Lima", "President Santiago": a person's name
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
            actor = generic_actor(info.iso3, "GOV", self.kb)
            text = doc[first : head.i + 1].text
            index.add(ActorMention(seg_i, first, head.i + 1, actor, text, "capital", head.i))
            return True
        return False

    def _title_actor(
        self, index: ActorIndex, seg_i: int, head: Token, context: PageContext
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
            named = countries[0] if countries else of_state(index, seg_i, head)
            country = named or context.page_country
            chosen = [a for a in holders if a.country == country] if country else []
            if len(chosen) != 1 and named and not countries:
                # "the president of Armenia" with no one in the base for it: the
                # country's office, never the page's own president
                chosen = [generic_actor(named, title_sector(holders, context.date), self.kb)]
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

    # -- blocs of states and peoples ----------------------------------------------------

    def _collective_phrase(
        self, index: ActorIndex, seg_i: int, head: Token, context: PageContext
    ) -> bool:
        """ "European allies", "the West", "Kurdish fighters", "the Rohingya": a bloc of
        states (IGO, or the region's code for other sectors) or a people (a country from
        the page, the sector from the noun)."""
        doc = head.doc
        if index.at(seg_i, head.i) is not None:
            return False
        sector = self.finder.sector_of(head)
        code = sector[0] if sector else None
        found: tuple[int, str, Bloc | People] | None = None
        if head.dep_ not in ("amod", "compound", "nmod"):
            determined = any(c.lower_ == "the" for c in head.children)
            if head.lower_ == "west" and determined and head.pos_ == "PROPN":
                found = (head.i, "the West", self.collectives.bloc("the West"))
            people = self.collectives.people(head.text) or self.collectives.faith(head.text)
            if (
                people is not None
                and is_capitalised(head)
                and (
                    head.tag_ in ("NNS", "NNPS")
                    or determined
                    or head.text.endswith("s")
                    or head.dep_ in ("nsubj", "dobj", "pobj")
                )
            ):
                found, code = (head.i, head.text, people), "CVL"
        # "Ukraine and Western governments": a bloc coordinated after a named state
        mods = [m for c in head.children if c.i < head.i for m in (c, *c.conjuncts)]
        for mod in mods:
            if found is not None or mod.dep_ not in ("amod", "compound", "nmod", "conj"):
                continue
            if stance_prefixed(mod):
                continue  # "pro-European protesters": a side taken, not Europe's
            for first in (mod.left_edge.i, mod.i):
                words = doc[first : mod.i + 1].text
                group = self.collectives.bloc(words) or self.collectives.people(words)
                if group is not None and is_capitalised(doc[first]):
                    found = (first, words, group)
                    break
        if found is None or found[2] is None:
            return False
        first, words, group = found
        if isinstance(group, Bloc):
            states = normalise_name(head.text) in self.collectives.state_nouns
            if first == head.i or states or (code in STATE_SECTORS):
                actor = bloc_actor(words, group.code)
            elif code and group.region:
                actor = bloc_actor(words, group.region + code)
            else:
                return False
        else:
            if code is None:
                return False
            if code == "GOV":
                # "Kurdish leaders" lead their people, not the state they live in: the
                # people's own body named before, else the people's opposition
                actor = self._people_actor(group, index, seg_i, head) or generic_actor(
                    self._people_country(group, index, seg_i, head, context), "OPP", self.kb
                )
            else:
                # "Kurdish forces": a people has no army; its armed group named before, else
                # its country's rebels
                own = self._people_actor(group, index, seg_i, head) if code == "MIL" else None
                armed = own is not None and own.code[3:] in ("MIL", "REB", "PRM", "INS")
                country = self._people_country(group, index, seg_i, head, context)
                sector = "REB" if code == "MIL" else code
                actor = own if armed else generic_actor(country, sector, self.kb)
        for inner in {m for k in range(first, head.i + 1) if (m := index.at(seg_i, k))}:
            index.remove(inner)
        text = doc[first : head.i + 1].text
        index.add(ActorMention(seg_i, first, head.i + 1, actor, text, "generic", head.i))
        return True

    @staticmethod
    def _people_actor(people: People, index: ActorIndex, seg_i: int, head: Token) -> Actor | None:
        """The latest of a people's own actors named before ``head`` (the SDF, the KRG)."""
        earlier = [
            m
            for m in index.mentions
            if m.actor.id in people.actors and (m.seg, m.start) < (seg_i, head.i)
        ]
        return max(earlier, key=lambda m: (m.seg, m.start)).actor if earlier else None

    def _people_country(
        self, people: People, index: ActorIndex, seg_i: int, head: Token, context: PageContext
    ) -> str:
        """The country of a people on this page: the one its nationality word names, else
        that of the latest of its actors named earlier, else one of its countries named in
        the sentence or on the page."""
        for mod in (c for c in head.children if c.dep_ in ("amod", "compound") and c.i < head.i):
            info = self.kb.country_by_demonym(mod.text)
            if info is not None and info.iso3 in people.countries:
                return info.iso3  # "Iraqi Kurds", "Syrian Kurds": the country named
        latest = self._people_actor(people, index, seg_i, head)
        if latest is not None and latest.country:
            return latest.country
        where = {p.country for p in context.places if p.start in places_in(head, context.offset)}
        if len(where & set(people.countries)) == 1:
            return (where & set(people.countries)).pop()  # "Kurdish forces in northern Syria"
        named = self.finder.named_in(index, seg_i, head.sent, context.places)
        for country in [c.iso3 for c in named] + [context.page_country]:
            if country in people.countries or country and not people.countries:
                return country  # a faith community: of the country named or the page's
        return people.countries[0] if people.countries else ""
