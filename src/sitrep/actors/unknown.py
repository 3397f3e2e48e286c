"""Pass 3 of actor resolution: named entities the actor base does not know.

A PERSON, ORG or NORP entity that no earlier pass covered becomes an actor: a nationality
word ("60 Iraqis", "the Russians") stands for its country's people or state; a people
("the Kurds") for that people's civilians; a typo of a known name for that actor; any
other name for an unknown actor whose code is composed from the country and sector words
in and around it ("Tigray People's Liberation Front" -> ETH + REB).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from sitrep.actors.collectives import Collectives
from sitrep.actors.context import WHERE_PREPS, CountryFinder, named_ethnic, stance_prefixed
from sitrep.actors.kb import ActorBase, normalise_name
from sitrep.actors.mentions import (
    STATE_SECTORS,
    ActorIndex,
    ActorMention,
    PageContext,
    generic_actor,
    inside_place,
    is_capitalised,
    titles_person,
    unknown_actor,
)
from sitrep.actors.typos import TypoMatcher
from sitrep.models import Actor, ActorType

# the shortest untagged word tried as a misspelt known name
TYPO_MIN_UNTAGGED = 8
# nouns for someone set against another: "a critic of President X" is not X's office
OPPONENT_NOUNS = frozenset(
    {"critic", "opponent", "rival", "foe", "enemy", "challenger", "detractor", "dissident"}
)
ENTITY_TYPES = {"PERSON": ActorType.PERSON, "ORG": ActorType.ORGANISATION, "NORP": ActorType.GROUP}
# last words of an office's name: "the UN Emergency Relief Coordinator"
OFFICE_WORDS = frozenset(
    {"coordinator", "envoy", "commissioner", "chief", "spokesman", "spokeswoman",
     "spokesperson", "secretary", "representative", "rapporteur", "head", "director",
     "chairman", "chairwoman", "chair", "president", "mission", "delegation", "negotiator",
     "mediator", "leader", "commander"}
)  # fmt: skip
BODY_TYPES = (ActorType.BODY, ActorType.ORGANISATION, ActorType.ARMED_GROUP, ActorType.PARTY)
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


# nouns whose "of" phrase names a place: "the town of Chinshwehaw"
PLACE_KIND_NOUNS = frozenset(
    {"town", "city", "village", "district", "province", "region", "state", "port", "county",
     "municipality", "island", "islands", "governorate", "prefecture", "enclave", "camp",
     "neighbourhood", "neighborhood", "suburb", "area", "valley", "river", "border", "mount"}
)  # fmt: skip


def named_place(ent: Span) -> bool:
    """A name given as what a place noun is ("the town of X", "X province"): a place."""
    root = ent.root
    if root.dep_ == "pobj" and root.head.lower_ == "of":
        return root.head.head.lemma_.lower() in PLACE_KIND_NOUNS
    if root.dep_ == "compound" and root.head.lemma_.lower() in PLACE_KIND_NOUNS:
        return True  # "the Solino neighbourhood", "the Zamzam camp"
    # "attacked a police station in Kut": a one-word name where something happened is a
    # place the gazetteer lacks, not someone
    return (
        len(ent) == 1
        and ent.label_ in ("PERSON", "ORG")
        and root.dep_ == "pobj"
        and root.head.lower_ in WHERE_WORDS
        and not any(c.dep_ in ("poss", "case") for c in root.children)
    )


# the last words of names of treaties, laws and plans: documents, not actors
INSTRUMENT_WORDS = frozenset(
    {"treaty", "agreement", "accord", "accords", "convention", "protocol", "pact", "charter",
     "act", "law", "plan", "initiative", "resolution", "declaration", "memorandum", "deal"}
)  # fmt: skip
# the last words of names of sites: "Hamid Karzai International Airport", "Abbey Gate",
# "Tahrir Square"; a site is where an act happens, not who does it
FACILITY_WORDS = frozenset(
    {"airport", "airfield", "airbase", "gate", "bridge", "square", "stadium", "crossing",
     "checkpoint", "highway", "motorway", "road", "street", "avenue", "roundabout",
     "terminal", "pier", "dam", "pipeline", "mall", "tower", "towers"}
)  # fmt: skip
# online services that governments block: what a blackout cuts, not who acts
PLATFORM_NAMES = frozenset(
    {"instagram", "whatsapp", "facebook", "twitter", "telegram", "youtube", "tiktok",
     "signal", "skype", "google", "wikipedia", "snapchat", "messenger", "viber", "x"}
)  # fmt: skip
# where something happened; not "at", which also names employers ("worked at Reuters")
WHERE_WORDS = WHERE_PREPS - {"at", "within"}


class UnknownNames:
    """Makes actors of the named entities the base does not know."""

    def __init__(
        self,
        kb: ActorBase,
        typos: TypoMatcher,
        finder: CountryFinder,
        collectives: Collectives,
        titles: frozenset[str] = frozenset(),
    ) -> None:
        self.kb = kb
        self.typos = typos
        self.finder = finder
        self.collectives = collectives
        self.titles = titles  # words of a title before a name ("Defence Secretary ...")

    def state_named(self, ent: Span) -> Actor | None:
        """The state whose own name is the whole of a one-word name the tagger took for a
        person or an organisation ("Niger", "Chad"), or None."""
        if len(ent) != 1 or ent.label_ == "NORP":
            return None
        found = self.kb.lookup(ent.text)
        if len(found) == 1 and found[0].type == ActorType.STATE:
            return found[0]
        return None

    def match(
        self,
        index: ActorIndex,
        seg_i: int,
        doc: Doc,
        place_spans: Sequence[tuple[int, int]],
        context: PageContext,
    ) -> None:
        offset = context.offset
        for ent in doc.ents:
            atype = ENTITY_TYPES.get(ent.label_)
            if atype is None or index.covered(seg_i, ent.start, ent.end):
                continue
            if inside_place(offset, ent, place_spans) or any(
                ps <= offset + ent.start_char < pe for ps, pe in place_spans
            ):
                continue
            if all(t.lower_ in self.titles for t in ent):
                continue  # "Defence" in "Defence Secretary Lloyd Austin": part of a title
            if _portfolio(ent):
                continue  # "State" in "Secretary of State Antony Blinken": the office
            if named_place(ent):
                continue  # "the town of Chinshwehaw": a place the gazetteer lacks
            if ent[-1].lower_ in INSTRUMENT_WORDS:
                continue  # "the Indus Waters Treaty", "the Minsk Agreement": a text, no one
            if ent[-1].lower_ in FACILITY_WORDS and len(ent) > 1:
                continue  # "Hamid Karzai International Airport", "Abbey Gate": a site
            if ent.text.lower() in PLATFORM_NAMES:
                continue  # "restricted access to Instagram": a service blocked, no one
            if (
                ent.label_ == "NORP"
                and ent.root.dep_ in ("amod", "compound")
                and _describes_a_named_actor(index, seg_i, ent.root.head)
            ):
                # "Islamist insurgents", "the West African bloc ECOWAS": a word describing
                # an actor named already
                continue
            if stance_prefixed(ent[0]):
                continue  # "pro-Russian", "anti-American": a side taken, not an actor
            if (
                ent.label_ == "NORP"
                and ent.root.dep_ in ("amod", "compound")
                and self.collectives.people(ent.text)
            ):
                continue  # "Kurdish villages": a people's, no one named
            if ent.label_ == "NORP":
                info = self.kb.country_by_demonym(ent.text)
                if info is None and ent.text.endswith("s"):
                    info = self.kb.country_by_demonym(ent.text[:-1])
                if info is not None:
                    # "Colombians rejected the deal", the plural tagged as a singular name
                    plural = ent.root.tag_ in ("NNS", "NNPS") or (
                        ent.root.tag_ == "NNP"
                        and ent.root.text.endswith("s")
                        and not ent.root.text.endswith("ss")
                    )
                    if plural and ent.root.dep_ in ARGUMENT_DEPS:
                        # "60 Iraqis were killed": the people of that country;
                        # "the Americans were warned": the country itself
                        definite = ent.start > 0 and doc[ent.start - 1].lower_ == "the"
                        # "60 Iraqis were killed": the people of that country; "the
                        # Americans were warned": the country itself, or its armed forces
                        # where the sentence is about fighting ("the Russians opened fire")
                        country = info.iso3
                        if named_ethnic(ent[0]):
                            # "ethnic Albanians demonstrated in Serbia": an ethnic group of
                            # the country they live in, not the state of that name
                            home = self.finder.implied_country(index, seg_i, ent.root, context)
                            country = home or country
                        actor = generic_actor(country, "CVL", self.kb)
                        if definite and self.military_sentence(ent.sent):
                            actor = generic_actor(info.iso3, "MIL", self.kb)
                        elif definite:
                            actor = self.kb.find(info.actor_id) or actor
                        index.add(
                            ActorMention(
                                seg_i, ent.start, ent.end, actor, ent.text, "generic", ent.root.i
                            )
                        )
                    continue
            if not any(t.is_alpha and is_capitalised(t) for t in ent):
                continue
            state = self.state_named(ent)
            if state is not None:
                # "cut aid to Niger", with Niger tagged a person: the country of that name
                index.add(ActorMention(seg_i, ent.start, ent.end, state, ent.text, "alias", ent.root.i))  # fmt: skip
                continue
            office = self.office_of_known_body(ent)
            if office is not None:
                # "the United Nations Emergency Relief Coordinator" speaks for the UN
                index.add(ActorMention(seg_i, ent.start, ent.end, office, ent.text, "alias", ent.root.i))  # fmt: skip
                continue
            code, country = self.compose_code(index, seg_i, ent, context)
            if code and country is None:
                # "Prime Minister Abiy Ahmed" on a page about Ethiopia; "Congo's government
                # said ... Foreign Minister X accused Rwanda": the government that spoke
                country = self._spoken_for(index, seg_i, ent, code, context)
                country = country or self.finder.implied_country(index, seg_i, ent.root, context)
                code = (country or "") + code
            sector = self.kb.sector_for(ent.text)
            if sector is not None and titles_person(index, seg_i, ent.root):
                continue  # "Army chief Abdel Fattah al-Burhan": the army is the chief's title
            if sector is not None:
                # a sector noun the tagger took for a name ("Militiamen had attacked ...")
                generic = generic_actor(country, sector, self.kb)
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
            actor = unknown_actor(ent.text, atype, code, country)
            known = self.earlier_unknown(index, actor)
            index.add(
                ActorMention(
                    seg_i, ent.start, ent.end, known or actor, ent.text, "unknown", ent.root.i
                )
            )

        self.match_nationality_plurals(index, seg_i, doc)
        self.match_misspelt_countries(index, seg_i, doc, offset, place_spans)

    def _spoken_for(
        self, index: ActorIndex, seg_i: int, ent: Span, code: str, context: PageContext
    ) -> str | None:
        """The country of the state that the previous sentence's subject names, for a
        state office-holder whose title names no country and who opens the sentence: the
        page has just told what that state did, and its minister speaks next."""
        if code not in STATE_SECTORS or ent.root.dep_ not in ("nsubj", "nsubjpass"):
            return None
        previous = self.finder.previous_sentence(index, seg_i, ent.root)
        if previous is None:
            return None
        subjects = [c for c in self.finder.named_in(index, *previous, context.places) if c.subject]
        return subjects[0].iso3 if subjects else None

    def match_misspelt_countries(
        self,
        index: ActorIndex,
        seg_i: int,
        doc: Doc,
        offset: int,
        place_spans: Sequence[tuple[int, int]],
    ) -> None:
        """ "Ethopia has agreed", "an offer from Afganistan": a capitalised word that no
        name or place matched and that is one letter or two from a country's name."""
        for tok in doc:
            if tok.pos_ != "PROPN" or not is_capitalised(tok) or index.at(seg_i, tok.i):
                continue
            if tok.ent_type_ not in ("", "GPE", "ORG") or tok.ent_iob_ == "I":
                continue
            nxt = tok.i + 1
            if tok.ent_type_ and nxt < len(doc) and doc[nxt].ent_iob_ == "I":
                continue  # a word of a longer name
            start = offset + tok.idx
            if any(ps <= start < pe for ps, pe in place_spans):
                continue
            if self.kb.country_by_demonym(tok.text) is not None:
                continue
            actor = self.typos.match_country(tok.text)
            if actor is None and not tok.ent_type_ and len(tok.text) >= TYPO_MIN_UNTAGGED:
                # "Netanyahoo bombed Rafah": a long name the tagger did not mark at all
                found = self.typos.match(doc, doc[tok.i : tok.i + 1])
                actor = found[1] if found is not None and found[0] == tok.i else None
            if actor is not None:
                index.add(ActorMention(seg_i, tok.i, tok.i + 1, actor, tok.text, "alias", tok.i))

    def match_nationality_plurals(self, index: ActorIndex, seg_i: int, doc: Doc) -> None:
        """ "the opinion of Colombians": a plural nationality word the tagger did not mark
        as an entity still names that country's people (the country itself after "the")."""
        for tok in doc:
            if tok.ent_type_ not in ("", "LOC", "GPE") or index.at(seg_i, tok.i) is not None:
                continue
            if not (is_capitalised(tok) and tok.text.endswith("s") and tok.tag_ in ("NNS", "NNPS")):
                continue
            if tok.dep_ not in ARGUMENT_DEPS or tok.dep_ in ("compound", "nmod"):
                continue
            # "the North Koreans": a demonym of two words, the first a compound
            first = tok.i - 1 if tok.i and doc[tok.i - 1].dep_ == "compound" else tok.i
            if index.covered(seg_i, first, tok.i + 1):
                continue
            for start in dict.fromkeys((first, tok.i)):
                text = doc[start : tok.i + 1].text
                info = self.kb.country_by_demonym(text)
                if info is not None and text in info.demonyms:
                    break
            else:
                continue
            if doc[start].ent_type_ and start == tok.i:
                continue  # a one-word plural the tagger took for a place stays a place
            definite = start > 0 and doc[start - 1].lower_ == "the"
            actor = generic_actor(info.iso3, "CVL", self.kb)
            if definite:
                actor = self.kb.find(info.actor_id) or actor
            index.add(ActorMention(seg_i, start, tok.i + 1, actor, text, "generic", tok.i))

    def office_of_known_body(self, ent: Span) -> Actor | None:
        """The known organisation, armed group or international body whose office an
        unknown name is: the name ends in an office word and starts with the body's name
        ("the United Nations Emergency Relief Coordinator", "Hamas political bureau
        chief")."""
        words = [t for t in ent if t.lower_ != "the"]
        if len(words) < 2 or words[-1].lower_ not in OFFICE_WORDS:
            return None
        for end in range(len(words) - 1, 0, -1):
            found = self.kb.lookup(" ".join(t.text for t in words[:end]))
            bodies = [a for a in found if a.type in BODY_TYPES]
            if len(bodies) == 1:
                return bodies[0]
        return None

    def earlier_unknown(self, index: ActorIndex, actor: Actor) -> Actor | None:
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

    def compose_code(
        self, index: ActorIndex, seg_i: int, ent: Span, context: PageContext
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
        for prep in (c for c in ent.root.children if c.dep_ == "prep" and c.lower_ == "of"):
            # "the Law Society of Kenya": the state its "of" phrase names
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                owner = index.at(seg_i, obj.i)
                if owner is not None and owner.actor.type == ActorType.STATE:
                    country = country or owner.actor.country
        words = [t.lower_ for t in ent if t.is_alpha]
        for n in (2, 1):
            if len(words) >= n and sector is None:
                sector = self.kb.sector_for(" ".join(words[-n:]))
        neighbourhood = list(doc[ent.root.left_edge.i : ent.start]) + [
            t for t in ent.root.children if t.dep_ == "appos"
        ]
        for appos in [t for t in ent.root.children if t.dep_ == "appos"]:
            if appos.lemma_.lower() in OPPONENT_NOUNS:
                # "Roman Protasevich, a critic of President Lukashenko": the opposition of
                # the country of the one he opposes, not that one's office
                foes = [index.at(seg_i, t.i) for t in appos.subtree if t.i != appos.i]
                country = country or next(
                    (m.actor.country for m in foes if m is not None and m.actor.country), None
                )
                sector = sector or "OPP"
                continue
            neighbourhood.extend(appos.subtree)
        if ent.root.dep_ == "appos":
            neighbourhood.extend(ent.root.head.subtree)
        for tok in neighbourhood:
            if ent.start <= tok.i < ent.end:
                continue
            mention = index.at(seg_i, tok.i)
            if mention is not None and mention.actor.code:
                code = mention.actor.code_on(None)
                if mention.actor.country is None and not mention.actor.known:
                    # "Chief of Army Staff X" with no country named: the sector alone
                    sector = sector or code[:3]
                    continue
                country = country or (code[:3] if len(code) >= 3 else None)
                sector = sector or (code[3:6] or None)
                continue
            info = self.kb.country_by_demonym(tok.text)
            if info is not None:
                country = country or info.iso3
                continue
            sector = sector or self.kb.sector_for(tok.lower_)
        return (country or "") + (sector or ""), country

    def military_sentence(self, sent: Span) -> bool:
        """True when a sentence is about fighting: a word of ``military_context``."""
        words = self.collectives.military_context
        return any(t.lemma_.lower() in words or t.lower_ in words for t in sent)


# what a minister or secretary "of" holds: the office, not an actor
PORTFOLIOS = frozenset(
    {"state", "defence", "defense", "interior", "justice", "finance", "treasury", "staff",
     "energy", "health", "education", "commerce", "agriculture", "labor", "labour", "war",
     "homeland security", "foreign affairs", "home affairs", "information", "the army"}
)  # fmt: skip
PORTFOLIO_HOLDERS = frozenset(
    {"secretary", "minister", "chief", "chiefs", "ministers", "secretaries"}
)


def _portfolio(ent: Span) -> bool:
    """ "Secretary of State", "Minister of Defence", "Chief of Staff": the words after
    "of" name the office."""
    start = ent.start - (1 if ent[0].lower_ == "the" else 0)
    if start < 2 or ent.text.lower().removeprefix("the ") not in PORTFOLIOS:
        return False
    doc = ent.doc
    return doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in PORTFOLIO_HOLDERS


def _describes_a_named_actor(index: ActorIndex, seg_i: int, noun: Token) -> bool:
    """The noun is an actor's mention, or carries one in apposition ("the bloc ECOWAS",
    also where the parser hangs the name elsewhere)."""
    named = [noun, *(c for c in noun.children if c.dep_ == "appos")]
    if noun.i + 1 < len(noun.doc) and noun.doc[noun.i + 1].pos_ == "PROPN":
        named.append(noun.doc[noun.i + 1])
    return any(index.at(seg_i, t.i) is not None for t in named)
