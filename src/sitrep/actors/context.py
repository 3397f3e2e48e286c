"""Which country a phrase without one belongs to: "the government", "police", "Lawmakers".

A sector noun that names no country takes, in order:

1. the country of the phrase it is coordinated with ("Iraqi soldiers and police");
2. the country of the places in its sentence when they agree ("protesters in Basra");
3. for a state institution ("the government", "the army"), the country of the nearest
   earlier phrase in its sentence that names a state institution of a country ("the
   Iraqi parliament asked the government");
4. for a definite noun ("the militias"), the country of the latest earlier phrase of the
   same sector that had one;
5. the page's dominant country;
6. on a page with no dominant country, a country named in the sentence before (its
   subject first, then the nearest).

Nearest-country rules that also count plain country names and capitals were tried and
lost: in news text the other country in a sentence is as often the opponent.

Countries named as a backer ("Iran-backed") or a target ("fired at U.S. bases") do not
count as the phrase's own country.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from sitrep.actors.hyphens import (
    LEADER_PARTICIPLES,
    RULER_PARTICIPLES,
    hyphen_agent,
    hyphen_participle,
)
from sitrep.actors.kb import ActorBase
from sitrep.actors.mentions import (
    STATE_SECTORS,
    ActorIndex,
    ActorMention,
    PageContext,
    is_capitalised,
    reporter_country,
)
from sitrep.actors.words import GROUP_ROLES, OWNED_EQUIPMENT
from sitrep.models import (
    NON_COUNTRY_PREFIXES,
    Actor,
    ActorType,
    Place,
    SegmentKind,
)

WHERE_PREPS = frozenset(
    {"in", "at", "near", "inside", "outside", "around", "across", "throughout", "within"}
)
# verbs of going by a route: "around" after them is the way taken, not where one is
ROUTE_VERBS = frozenset({"reroute", "route", "divert", "sail", "detour", "steer", "navigate"})
DATELINE_WEIGHT = 3  # "MOGADISHU, Aug 3, 2024 -": the place a wire report is filed from
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
TARGET_PREPS = frozenset({"at", "against", "on", "toward", "towards", "into"})
# links inside a noun phrase's premodifiers ("the U.S. and British forces", "Burkina
# Faso's military government")
PREMODIFIER_DEPS = frozenset(
    {"det", "predet", "amod", "compound", "poss", "nmod", "nummod", "quantmod", "case",
     "cc", "conj", "npadvmod", "advmod", "punct"}
)  # fmt: skip


def phrase_start(head: Token) -> int:
    """The first token of ``head``'s premodifiers: its left edge, but never past a clause
    of its own, as when a misparse makes the noun the root of a whole sentence."""
    start = head.i
    for k in range(head.i - 1, head.left_edge.i - 1, -1):
        up = head.doc[k]
        while up.i != head.i:
            if up.dep_ not in PREMODIFIER_DEPS or (
                up.pos_ in ("VERB", "AUX") and up.dep_ != "amod"
            ):
                return start
            up = up.head
        start = k
    return start


def named_ethnic(tok: Token) -> bool:
    """A nationality word after "ethnic" ("ethnic Albanians"): a people, not its state."""
    return tok.i > 0 and tok.doc[tok.i - 1].lower_ == "ethnic"


STANCE_PREFIXES = frozenset({"anti", "pro", "non"})


def stance_prefixed(tok: Token) -> bool:
    """True for a name after "anti-" or "pro-" ("an anti-Syria journalist", "pro-Russian
    separatists"), or for the prefix itself: it names the side taken, not the phrase's
    own country."""
    if "-" in tok.text and tok.text.split("-", 1)[0].lower() in STANCE_PREFIXES:
        return True
    doc = tok.doc
    hyphens = ("-", "\u2010", "\u2011")
    if tok.lower_ in STANCE_PREFIXES and tok.i + 1 < len(doc) and doc[tok.i + 1].text in hyphens:
        return True
    return (
        tok.i >= 2 and doc[tok.i - 1].text in hyphens and doc[tok.i - 2].lower_ in STANCE_PREFIXES
    )


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


def argument_position(tok: Token) -> bool:
    """True when a name is a participant ("Tehran warned", "talks with Tehran"), not a
    location ("in Tehran", "from Tehran")."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ in ("dobj", "nsubjpass") and tok.head.lemma_.lower() in GROUND_VERBS:
        return False  # "missiles hit Kyiv", "rebels took Goma": the city, not its government
    if tok.dep_ == "poss" and tok.head.lower_ in CITY_PARTS:
        return False  # "Nairobi's business district", "Kyiv's mayor": the city's
    if (
        tok.dep_ == "pobj"
        and tok.head.lower_ == "on"
        and tok.head.head.lemma_.lower() in GROUND_NOUNS
    ):
        return False  # "airstrikes on Sanaa": the city
    if tok.dep_ in ("nsubj", "nsubjpass", "dobj", "poss", "agent", "dative", "appos", "attr"):
        return True
    return tok.dep_ == "pobj" and (
        tok.head.lower_ not in LOCATIVE_PREPS or participant_preposition(tok.head)
    )


def participant_preposition(prep: Token) -> bool:
    """ "acceptable to Tehran", "loyal to Baghdad", "help from Egypt", "envoys from
    Qatar": after an adjective or a noun, "to" and "from" name a participant, not a place."""
    if prep.lower_ == "to":
        # "issued a reminder to Iraq": the parser's dative "to" names a recipient
        return prep.head.pos_ == "ADJ" or prep.dep_ == "dative"
    if prep.lower_ == "from":
        return prep.head.pos_ == "NOUN" and prep.head.i < prep.i
    return False


# words for fighters of the transnational jihadist movement (CAMEO's IMG prefix)
JIHADIST_WORDS = frozenset({"jihadist", "jihadists", "jihadi", "jihadis"})


@dataclass(frozen=True)
class NamedCountry:
    """A country named in a sentence: where (document offset), how, and which."""

    at: int
    subject: bool
    iso3: str


def _as_target(tok: Token) -> bool:
    """ "rockets at U.S. bases": the country of an attacked thing is not the actor's."""
    while tok.dep_ in ("compound", "amod", "poss", "nmod") and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ == "pobj" and tok.head.lower_ in TARGET_PREPS


class CountryFinder:
    """Finds the country of phrases that name none, from the page around them."""

    def __init__(self, kb: ActorBase) -> None:
        self.kb = kb

    def sector_of(self, head: Token) -> tuple[str, int] | None:
        """Sector code of a head noun, trying the longest phrase of its premodifiers first:
        "border guard service", then "security forces", then "forces"."""
        if head.pos_ not in ("NOUN", "PROPN"):
            return None
        doc = head.doc
        start = head.i
        while start > 0 and head.i - start < 2 and doc[start - 1].dep_ in ("compound", "amod"):
            start -= 1
        if (
            start == head.i
            and start > 1
            and doc[start - 1].text == "-"
            and not doc[start - 2].whitespace_
        ):
            start -= 2  # "hostage-takers", "peace-keepers": a hyphenated compound
        for first in range(start, head.i):
            phrase = " ".join(t.lower_ for t in doc[first : head.i + 1])
            code = self.kb.sector_for(phrase)
            if code:
                return code, first
        lemma = head.lemma_.lower()
        # "the rebel commander" is the rebels', not an army's; "militia leader Hadi
        # al-Amiri" is a title before a name: the person acts
        titled = head.dep_ == "compound" and head.head.pos_ == "PROPN"
        for mod in head.lefts if lemma in GROUP_ROLES and not titled else ():
            code = self.kb.sector_for(mod.lower_) if mod.dep_ in ("compound", "amod") else None
            if code is not None:
                return code, mod.i
        code = self.kb.sector_for(head.lower_) or self.kb.sector_for(lemma)
        if (
            code is None
            and lemma in MILITARY_SITES
            and any(
                c.dep_ in ("amod", "compound") and self.kb.country_by_demonym(c.text)
                for c in head.lefts
            )
        ):
            return "MIL", head.i  # "Israeli positions", "a Russian base": a state's forces
        if code is None and lemma in OWNED_EQUIPMENT:
            # "an army helicopter", "government offices": the owner's sector
            for mod in (c for c in head.children if c.dep_ == "compound" and c.i < head.i):
                code = self.kb.sector_for(mod.lower_)
                if code is not None:
                    return code, mod.i
        return (code, head.i) if code else None

    def dominant_country(self, index: ActorIndex, places: Sequence[Place]) -> str | None:
        """The country the page is about: counted over actor names, places and
        nationality words, with the dateline's place ("MOGADISHU, Aug 3") weighing most,
        so that a stray place resolved abroad does not outvote the story's country."""
        counts: Counter[str] = Counter()
        patrons: set[int] = set()  # "Iran-backed militias" are not a story about Iran
        for m in index.mentions:
            first = index.segments[m.seg].doc[m.start]
            if hyphen_participle(first) not in (None, *LEADER_PARTICIPLES, *RULER_PARTICIPLES):
                patrons.add(index.segments[m.seg].offset + first.idx)
            elif m.actor.country and not _foreign_voice(m.actor):
                counts[m.actor.country] += 1
        for p in places:
            if p.country and p.start not in patrons:
                counts[p.country] += 1
        datelines = {ps.offset for ps in index.segments[:3] if ps.kind in (SegmentKind.BODY,)}
        for p in places:
            if p.country and p.start in datelines and p.text.isupper():
                counts[p.country] += DATELINE_WEIGHT
        for ps in index.segments:
            for tok in ps.doc:
                if (
                    tok.pos_ in ("ADJ", "PROPN")
                    and is_capitalised(tok)
                    and not stance_prefixed(tok)
                    and not named_ethnic(tok)
                ):
                    info = self.kb.country_by_demonym(tok.text)
                    if info is not None and index.at(index.segments.index(ps), tok.i) is None:
                        counts[info.iso3] += 1
        if not counts:
            return None
        (top, n), *rest = counts.most_common(2) + [("", 0)]
        return top if n > rest[0][1] else None

    def named_in(
        self, index: ActorIndex, seg_i: int, sent: Span, places: Sequence[Place]
    ) -> list[NamedCountry]:
        """Countries a sentence names through actor mentions and places, in order."""
        offset = index.segments[seg_i].offset
        lo, hi = offset + sent.start_char, offset + sent.end_char
        found: list[NamedCountry] = []
        for m in index.mentions:
            if m.seg != seg_i or not (sent.start <= m.start < sent.end) or not m.actor.country:
                continue
            if m.via == "implied" or _foreign_voice(m.actor):
                continue  # a country guessed from the page, or a news agency's home
            tok = sent.doc[m.head]
            first = sent.doc[m.start]
            if hyphen_agent(first) or hyphen_agent(tok) or _as_target(tok):
                continue
            found.append(
                NamedCountry(offset + first.idx, tok.dep_ in SUBJECT_DEPS, m.actor.country)
            )
        found.extend(
            NamedCountry(p.start, False, p.country)
            for p in places
            if lo <= p.start < hi and p.country
        )
        return sorted(found, key=lambda c: c.at)

    def previous_sentence(
        self, index: ActorIndex, seg_i: int, head: Token
    ) -> tuple[int, Span] | None:
        """The sentence before ``head``'s, in this segment or at the end of the one before."""
        sent = head.sent
        if sent.start > 0:
            return seg_i, head.doc[sent.start - 1].sent
        for prev in range(seg_i - 1, -1, -1):
            doc = index.segments[prev].doc
            if index.segments[prev].kind != index.segments[seg_i].kind:
                return None
            if len(doc):
                return prev, doc[len(doc) - 1].sent
        return None

    def implied_country(
        self, index: ActorIndex, seg_i: int, head: Token, context: PageContext
    ) -> str | None:
        """The country of "police" or "the government" when the phrase names none; IMG
        for jihadists, whose groups fight across borders (the gold conventions)."""
        if {head.lower_, *(c.lower_ for c in head.children if c.dep_ in ("amod", "compound"))} & (
            JIHADIST_WORDS
        ):
            return "IMG"
        if head.dep_ == "conj":
            sibling = index.at(seg_i, head.head.i)
            if sibling is not None and sibling.actor.country:
                return sibling.actor.country
        lo, hi = context.offset + head.sent.start_char, context.offset + head.sent.end_char
        # a later act of the sentence places nothing of the phrase ("two children were
        # killed, recalled its ambassador from Tehran")
        later = [c for v in head.ancestors if v.pos_ == "VERB" for c in v.children]
        later = [c for c in later if c.dep_ == "conj" and c.pos_ == "VERB" and c.i > head.i]
        end = min([hi, *(context.offset + c.left_edge.idx for c in later)])
        local = {
            p.country
            for p in context.places
            if lo <= p.start < end
            and p.country
            and p.precision != "country"
            and self._located(head.doc, p.start - context.offset)
            and _clause_of(head, p.start - context.offset)
        }
        if len(local) == 1:
            return self._the_army(index, seg_i, head, context) or local.pop()
        seat = seat_country(head, context.offset, context.places)
        if seat is not None:
            return seat  # "the military government in Niger"
        sender = self._sender(index, seg_i, head)
        if sender is not None:
            return sender  # "Mali's Goita would not send troops": Mali's troops
        sector = self.sector_of(head)
        page = context.page_country
        if sector is not None and sector[0] in STATE_SECTORS and not _acted_against(head):
            institution = self.preceding_institution(index, seg_i, head)
            # "U.S. forces struck at the government's request" on a page about Somalia:
            # foreign forces acting in the page's country do not lend "the government"
            # their country; the host's government is meant
            if institution is not None and (
                page is None or institution[0] == page or institution[1] != "MIL"
            ):
                return institution[0]
        if any(c.lower_ in ("the", "these", "those") for c in head.children):
            earlier = self.earlier_sector_country(index, seg_i, head)
            governing = sector is not None and sector[0] == "GOV" and head.tag_ == "NN"
            if earlier is not None and not (governing and page and earlier != page):
                return earlier
        if sector is not None and sector[0] in ("REB", "INS", "PRM", "CVL", "REF"):
            # "22 fighters were killed, a monitor in Syria said", "fired missiles at
            # Ukraine, killing eight civilians": armed groups and people are of the one
            # country the sentence places things in, not of the page's main actors
            where = self._located_countries(context, head.doc, lo, end, head)
            if len(where) == 1:
                return where.pop()
            ground = context.ground_country
            if ground is not None and sector[0] == "REB":
                # "the gangs" on a page about Kenyan police in Haiti: the armed groups
                # of where the page's events happen (not its people: hostages are often
                # held far from home)
                return ground
        if sector is not None and sector[0] == "COP":
            # "Protesters in Kinshasa attacked ... Police used tear gas": police act at
            # home, in the scene the page has just placed
            scene = self._scene_country(index, seg_i, head, context)
            if scene is not None:
                return scene
        reporter = reporter_country(index, seg_i, head) if sector else None
        if reporter is not None and (
            sector[0] in STATE_SECTORS or (sector[0] == "CVL" and _casualties(head))
        ):
            # "Syrian state media said air defences had shot down ...", "Pakistan said 26
            # civilians had been killed": a state tells of its own forces and dead
            return reporter
        army = self._the_army(index, seg_i, head, context)
        if army is not None:
            return army
        if context.page_country is not None:
            return context.page_country
        towns = {
            p.country
            for p in context.places
            if lo <= p.start < end and p.country and p.precision != "country"
        }
        if len(towns) == 1:
            # the one country whose towns or regions the sentence names, wherever they
            # stand in it ("retook Nagorno-Karabakh, prompting its ethnic Armenians to flee")
            return towns.pop()
        previous = self.previous_sentence(index, seg_i, head)
        if previous is not None:
            prior = self.named_in(index, previous[0], previous[1], context.places)
            subjects = [c for c in prior if c.subject]
            if subjects:
                return subjects[0].iso3
            if prior:
                return prior[-1].iso3
        return None

    def _the_army(
        self, index: ActorIndex, seg_i: int, head: Token, context: PageContext
    ) -> str | None:
        """Whose "the army" or "the military" is, when a place in its sentence would say
        otherwise: the army the page named before ("the Israeli army ... the army entered
        Rafah"), else the page's own state's when the page named its government or
        forces, else that of the government the page named last ("the Israeli government
        has no plan ... the army entered Rafah"): armies fight abroad, so where they are
        says little."""
        if head.lower_ not in ("army", "military") or not any(
            c.lower_ == "the" for c in head.children
        ):
            return None
        earlier = self.earlier_sector_country(index, seg_i, head)
        if earlier is not None:
            return earlier
        governments = [
            m.actor.country
            for m in index.mentions
            if (m.seg, m.start) < (seg_i, head.i)
            and m.actor.country
            and m.actor.code[3:6] in ("GOV", "MIL")
        ]
        if context.page_country in governments:
            return context.page_country
        return governments[-1] if governments else None

    def _located_countries(
        self, context: PageContext, doc: Doc, lo: int, hi: int, head: Token | None = None
    ) -> set[str]:
        """The countries of the places between page offsets ``lo`` and ``hi`` that say
        where something is ("in Kinshasa"), in ``head``'s own clause when given."""
        return {
            p.country
            for p in context.places
            if lo <= p.start < hi
            and p.country
            and self._located(doc, p.start - context.offset)
            and (head is None or _clause_of(head, p.start - context.offset))
        }

    def _scene_country(
        self, index: ActorIndex, seg_i: int, head: Token, context: PageContext
    ) -> str | None:
        """The one country that the places saying where things happen ("in Kinshasa")
        name in ``head``'s sentence, else in the sentence before it."""
        spans = [(seg_i, head.sent)]
        previous = self.previous_sentence(index, seg_i, head)
        if previous is not None and previous[0] == seg_i:
            spans.append(previous)
        for _, sent in spans:
            lo, hi = context.offset + sent.start_char, context.offset + sent.end_char
            where = self._located_countries(context, sent.doc, lo, hi)
            if where:
                return where.pop() if len(where) == 1 else None
        return None

    @staticmethod
    def _sender(index: ActorIndex, seg_i: int, head: Token) -> str | None:
        """The country of a state actor that sends, deploys or withdraws the forces
        ``head`` names, when they are the verb's object."""
        verb = head.head
        if head.dep_ != "dobj" or verb.lemma_.lower() not in SENDING_VERBS:
            return None
        holder = verb
        while holder.dep_ in ("xcomp", "conj") and not any(
            c.dep_ == "nsubj" for c in holder.children
        ):
            holder = holder.head  # "Portugal offered to send soldiers": Portugal sends
        for subject in holder.children:
            mention = index.at(seg_i, subject.i) if subject.dep_ == "nsubj" else None
            if mention is None or not mention.actor.country:
                continue
            sector = mention.actor.code[3:6]
            if mention.actor.type == ActorType.STATE or sector in STATE_SECTORS:
                return mention.actor.country
        return None

    @staticmethod
    def _located(doc: Doc, char: int) -> bool:
        """True when the place at ``char`` says where ("in Basra"), not who ("acceptable
        to Tehran")."""
        tok = doc.char_span(char, char + 1, alignment_mode="expand")
        if tok is None:
            return False
        word = tok.root
        # "in Kharkiv's Freedom Square": a place owning the place that says where
        while word.dep_ in ("compound", "poss") and word.head.i != word.i:
            word = word.head
        prep = word.head
        if prep.lower_ == "around" and prep.head.lemma_.lower() in ROUTE_VERBS:
            return False  # "forced ships to reroute around the Cape": a route, not a home
        return word.dep_ == "pobj" and prep.lower_ in WHERE_PREPS and prep.head.pos_ not in ("ADJ",)

    def preceding_institution(
        self, index: ActorIndex, seg_i: int, head: Token
    ) -> tuple[str, str] | None:
        """ "the Iraqi parliament asked the government": the nearest earlier phrase in the
        sentence naming a country's state institution (GOV, LEG, MIL, ...) by its country
        gives a state-sector noun its country."""
        sent = head.sent
        best: ActorMention | None = None
        for m in index.mentions:
            if m.seg != seg_i or not (sent.start <= m.start < head.i):
                continue
            if m.via not in ("generic", "alias") or m.actor.type == ActorType.PERSON:
                continue
            code, country = m.actor.code, m.actor.country
            if not country or len(code) != 6 or code[3:] not in STATE_SECTORS:
                continue
            if _as_target(sent.doc[m.head]) or hyphen_agent(sent.doc[m.start]):
                continue
            if best is None or m.start > best.start:
                best = m
        return (best.actor.country, best.actor.code[3:6]) if best and best.actor.country else None

    def earlier_sector_country(self, index: ActorIndex, seg_i: int, head: Token) -> str | None:
        """ "the militias" after "Iraqi militias": a definite sector noun with no country
        of its own refers back to the latest earlier phrase of that sector that had one."""
        sector = self.sector_of(head)
        if sector is None:
            return None
        code = sector[0]
        # protesters placed by their own sentence ("Protesters gathered in Baghdad") are
        # those "the protesters" refer to, whatever foreign body the page named since
        vias = ("generic", "alias", "implied") if code == "OPP" else ("generic", "alias")
        best: ActorMention | None = None
        for m in index.mentions:
            if (m.seg, m.start) >= (seg_i, head.i) or m.via not in vias:
                continue
            own = m.actor.code
            later = best is None or (m.seg, m.start) > (best.seg, best.start)
            if m.actor.country and len(own) == 6 and own[3:] == code and later:
                best = m
        return best.actor.country if best else None


PROTEST_CROWDS = frozenset({"student", "students"})
# those who back someone: of an opposition figure or party, they are its movement
SUPPORTER_NOUNS = frozenset({"supporter", "sympathiser", "sympathizer"})
MOVEMENT_SECTORS = frozenset({"OPP", "PTY", "REL", "ELI"})
# a crowd is a protest only on a page that tells of protests; elsewhere people gathered
BARE_CROWDS = frozenset({"crowd", "crowds"})


# verbs whose object is ground: a capital they hit, take or enter is the city itself
GROUND_VERBS = frozenset(
    {"hit", "strike", "shell", "bomb", "bombard", "pound", "rocket", "target", "attack",
     "enter", "capture", "seize", "take", "retake", "surround", "besiege", "encircle",
     "overrun", "storm", "occupy", "raid", "reach", "flee", "evacuate", "liberate"}
)  # fmt: skip
# nouns of attack whose "on" phrase is ground: "airstrikes on Sanaa" hit the city
GROUND_NOUNS = frozenset(
    {"attack", "assault", "strike", "airstrike", "raid", "offensive", "bombardment",
     "incursion", "shelling", "bombing", "advance", "push", "drive"}
)  # fmt: skip
# parts of a city: "Nairobi's business district", "Kyiv's outskirts" are the city's
CITY_PARTS = frozenset(
    {"district", "districts", "outskirts", "suburb", "suburbs", "neighbourhood",
     "neighborhood", "neighbourhoods", "neighborhoods", "centre", "center", "streets",
     "street", "airport", "port", "residents", "hospitals", "hospital", "skyline", "mayor",
     "old", "downtown", "quarter", "outskirt", "market", "markets", "square", "east",
     "west", "north", "south"}
)  # fmt: skip
# weapons that stand for their owner's forces when a nationality or owner names it
WEAPON_NOUNS = frozenset(
    {"missile", "rocket", "shell", "bomb", "mortar", "grenade", "munition", "projectile",
     "torpedo", "shelling", "gunboat", "frigate", "destroyer", "warship", "ship", "vessel",
     "helicopter", "warplane", "gunship", "jet", "bomber", "tank", "drone", "submarine"}
)  # fmt: skip
# a country's soldiers in power, by other words: read as a junta is
JUNTA_PHRASES = frozenset(
    {"military government", "military rulers", "military regime", "military council",
     "ruling military council", "military authorities", "coup leaders", "coup plotters",
     "coup makers"}
)  # fmt: skip
# plurals that count people: "two soldiers" is never two states' soldiers
PERSON_PLURALS = frozenset(
    {"soldier", "officer", "policeman", "civilian", "people", "person", "fighter", "militant",
     "troop", "guard", "member", "official", "diplomat", "protester", "student", "worker",
     "journalist", "child", "man", "woman", "resident", "villager", "hostage", "prisoner"}
)  # fmt: skip
# verbs by which a state moves its own forces: their object is that state's
SENDING_VERBS = frozenset(
    {"send", "deploy", "dispatch", "withdraw", "pull", "station", "redeploy", "recall",
     "mobilize", "mobilise", "move", "reinforce", "airlift", "order", "command"}
)  # fmt: skip


def _foreign_voice(actor) -> bool:
    """A news outlet ("Reuters", "AFP"): where it is based says nothing about where the
    story is, so its country lends nobody a nationality."""
    if actor.code[:3] in NON_COUNTRY_PREFIXES:
        return True  # "JNIM fighters": a transnational group's base is no story's country
    return actor.code[3:6] == "MED" and actor.type == ActorType.ORGANISATION


def title_sector(holders: Sequence[Actor], date: str | None) -> str:
    """The sector a title carries, read from the codes of those who hold it elsewhere
    (a president's GOV, an army chief's MIL); GOV when none says."""
    sectors = [a.code_on(date)[3:6] for a in holders if len(a.code_on(date)) >= 6]
    return max(sorted(set(sectors)), key=sectors.count) if sectors else "GOV"


def place_not_person(
    offset: int, span: Span, actors: Sequence[Actor], place_spans: Sequence[tuple[int, int]]
) -> bool:
    """A person's name that is also the place a preposition puts something in ("ambushed
    a convoy near Djibo"): the place."""
    if any(a.type != ActorType.PERSON for a in actors):
        return False
    s, e = offset + span.start_char, offset + span.end_char
    if (s, e) not in set(place_spans):
        return False
    root = span.root
    return root.dep_ == "pobj" and root.head.lower_ in WHERE_PREPS


def sides_of_a_fight(head: Token) -> bool:
    """ "all parties", "both parties", "the warring parties": the sides of a conflict,
    not political parties (unless "political" says so)."""
    if head.lower_ not in ("parties", "factions"):
        return False
    words = {c.lower_ for c in head.children}
    return bool(words & {"all", "both", "warring", "rival", "two"}) and "political" not in words


# sites only armed forces hold: named by a nationality, they are that state's forces
MILITARY_SITES = frozenset({"position", "outpost", "barracks", "garrison", "bunker", "trench"})


def plural_noun(head: Token) -> bool:
    """A plural noun, also one the tagger took for a name only because it opens the
    sentence ("Gendarmes arrested five men")."""
    if head.tag_ in ("NNS", "NNPS"):
        return True
    if head.lower_ in ("aircraft", "personnel"):  # "military aircraft bombed", not "an aircraft"
        return not any(c.lower_ in ("a", "an", "one", "this", "that") for c in head.children)
    # "Gunmen killed ...": plurals in -men too
    return head.tag_ == "NNP" and head.is_sent_start and head.lower_.endswith(("s", "men"))


def seat_country(head: Token, offset: int, places: Sequence[Place]) -> str | None:
    """The country of the place a noun itself is "in" ("the government in Niger", "the
    Ministry of Defence in Moscow"); ``offset``: where the noun's segment starts."""
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ != "in":
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            at = offset + obj.idx
            for place in places:
                if place.start <= at < place.end and place.country:
                    return place.country
    return None


def demonym_countries(kb: ActorBase, index: ActorIndex) -> set[str]:
    """The countries whose nationality word ("Sudanese") the page uses anywhere."""
    found = set()
    for ps in index.segments:
        for tok in ps.doc:
            info = kb.country_by_demonym(tok.text) if tok.is_title else None
            if info is not None:
                found.add(info.iso3)
    return found


# weapons and vehicles that are goods when handed over ("sent weapons and drones")
GOODS_NOUNS = WEAPON_NOUNS | {"vehicle", "weapon", "arm", "equipment", "ammunition", "artillery"}


# nouns for the members of an armed force that may be soldiers or police: "officers
# fired tear gas" on a page about the police
FORCE_NOUNS = frozenset({"officer", "officers"})


def latest_force_sector(index: ActorIndex, seg_i: int, head: Token) -> str | None:
    """The sector (MIL or COP) of the latest armed force named before ``head``."""
    before = [
        m
        for m in index.mentions
        if (m.seg, m.start) < (seg_i, head.i) and m.actor.code[-3:] in ("MIL", "COP")
    ]
    return max(before, key=lambda m: (m.seg, m.start)).actor.code[-3:] if before else None


# verbs of hostile acts: what a state's body does them to is not its own
HOSTILE_VERBS = frozenset(
    {"sanction", "blacklist", "designate", "target", "attack", "strike", "bomb", "accuse",
     "condemn", "blame", "punish", "ban", "expel", "impose"}
)  # fmt: skip


def _acted_against(head: Token) -> bool:
    """``head`` is what a hostile verb is done to ("sanctioned the morality police",
    "imposed sanctions on the police"): another state's institution, so the doer before
    it lends it no country."""
    if head.dep_ == "dobj":
        return head.head.lemma_.lower() in HOSTILE_VERBS
    if head.dep_ == "pobj" and head.head.lower_ in ("on", "against"):
        holder = head.head.head
        verb = holder.head if holder.dep_ == "dobj" else holder
        return verb.lemma_.lower() in HOSTILE_VERBS or holder.lemma_.lower() == "sanction"
    return False


# clauses that tell of something besides their sentence's main act
SIDE_CLAUSES = frozenset({"advcl", "relcl", "acl"})


def _clause_of(head: Token, char: int) -> bool:
    """The word at ``char`` is not in a side clause that leaves ``head`` out ("while the
    prime minister was in Nairobi ..., the gangs joined forces": Nairobi places him, not
    the gangs)."""
    word = next((t for t in head.sent if t.idx <= char < t.idx + len(t.text)), None)
    while word is not None and word.head.i != word.i:
        if word.dep_ in SIDE_CLAUSES and word.pos_ in ("VERB", "AUX"):
            # "killed 23 people when they blew themselves up in Tel Aviv": a "when" clause
            # tells the same moment, so its place is the act's
            same_moment = any(c.lower_ in ("when", "as") for c in word.children)
            return same_moment or head in list(word.subtree)
        word = word.head
    return True


def places_in(head: Token, offset: int) -> set[int]:
    """Where the phrase of ``head`` says it is: the starts (page offsets) of the words
    of its own "in" phrase ("Kurdish forces in northern Syria")."""
    preps = [c for c in head.children if c.dep_ == "prep" and c.lower_ in ("in", "inside")]
    return {offset + t.idx for p in preps for t in p.subtree}


CASUALTY_VERBS = frozenset({"kill", "wound", "injure", "die", "hurt", "maim"})


def _casualties(head: Token) -> bool:
    """People a clause tells were killed, wounded or died ("26 civilians had been killed")."""
    verb = head.head
    return head.dep_ in ("nsubj", "nsubjpass", "dobj") and verb.lemma_.lower() in CASUALTY_VERBS
