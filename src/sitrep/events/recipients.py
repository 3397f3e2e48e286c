"""Recipients: whom an event is done to, from the parse, from places that stand for
actors, and from what the page has told before.

``RecipientFinder`` is a part of ``EventCoder`` (its base class): it uses the coder's
``book``, ``actors``, ``_refs``, ``_sector_refs`` and ``_noun_pattern``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from sitrep.events.discourse import word_stem
from sitrep.events.implied import own_government, ruler_flees
from sitrep.events.recipient_words import (
    FALLBACK_PREPS,
    OBJECT_OWNER_PREPS,
    accords_left,
    asks_for_account,
    asks_for_calm,
    condition_subjects,
    done_to,
    downs_weapons,
    embedded_arguments,
    given_to,
    holders_named,
    is_definite,
    judged_doers,
    names_its_accord,
    names_the_sides,
    of_definite,
    protest_addressees,
    referring_nouns,
    released,
    site_arguments,
    territory_owners,
)
from sitrep.events.syntax import (
    WHERE_NOUNS,
    border_neighbour,
    children,
    complements,
    crossing_with,
    named_in_what,
    pobjs,
    subjects,
    with_conjuncts,
)
from sitrep.models import GENERIC_ACTOR_PREFIX, NON_COUNTRY_PREFIXES, ActorRef, ActorType, Place
from sitrep.nlp.repairs import RESPONDING_VERBS

if TYPE_CHECKING:
    from collections.abc import Callable

    from sitrep.events.discourse import PageContext
    from sitrep.events.patterns import NounPattern
    from sitrep.events.trigger import Trigger

MATERIAL_PREPS = ("against", "on", "at", "upon", "into")
# prepositions whose object is where an act is directed ("sent arms to Pakistan")
DIRECTED_PREPS = ("to", "into", "against", "on", "at", "toward", "towards", "from", "with")
# verbs of taking ground or goods: "from X" names whom it is taken from
WRESTING_VERBS = frozenset(
    {"take", "capture", "seize", "retake", "recapture", "wrest", "liberate", "reclaim", "win",
     "confiscate", "impound", "steal", "loot", "expropriate", "grab"}
)  # fmt: skip
# verbs by which a group owns an act: the act's recipient is the claim's
CLAIMING_VERBS = frozenset({"claim"})
# material cooperation is given to someone: "granted asylum to 18 rebels"
DATIVE_PREPS = ("to", "for")
# modes of acts that cover an area: the place under a curfew or ban is its recipient
AREA_MODES = frozenset({"curfew", "martial-law", "restrict", "access"})
SITE_PREPS = frozenset({"in", "near", "around", "inside", "outside", "across", "throughout"})
# verbal acts about an act of their own (threat, refusal, offer): where that act would
# take place is what they concern
CONTENT_RECIPIENT_TYPES = frozenset({"THREATEN", "REJECT", "AGREE"})
# acts whose recipient is never the actor's own country, when a place in it is all the
# sentence names
HOME_GROUND_TYPES = frozenset({"ASSAULT", "MOBILIZE", "RETREAT"})
# a force that attacks, takes, leaves or hits back with no recipient named acts on its enemy
ADVERSARY_TYPES = frozenset({"ASSAULT", "RETREAT"})
# types whose makers a claim noun ("rejected the charge") answers
CLAIM_TYPES = frozenset({"ACCUSE", "REJECT", "THREATEN"})
# what a decision or move refers to: an act, not talk about one
ACT_TYPES = frozenset({"CONCEDE", "COOPERATE", "AID", "RETREAT", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "AGREE", "THREATEN"})  # fmt: skip
# types of the earlier events an event noun of a verbal act may refer to
REFERRED_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "PROTEST", "RETREAT", "AGREE", "THREATEN", "ACCUSE", "COOPERATE", "AID", "CONSULT", "REQUEST"})  # fmt: skip
# verbal acts that judge what someone did: their recipient is the doer
JUDGING_TYPES = frozenset({"ACCUSE", "SUPPORT"})
VERBAL_TYPES = frozenset(
    {
        "AGREE",
        "CONSULT",
        "SUPPORT",
        "CONCEDE",
        "REQUEST",
        "ACCUSE",
        "REJECT",
        "THREATEN",
        "RETREAT",
        "COOPERATE",
    }
)


# verbs of warning: with no one named, a state warns those who defy it
WARNING_VERBS = frozenset({"warn", "caution"})
# gatherings a body is asked to hold: "called for an urgent session of the council"
MEETING_NOUNS = frozenset({"meeting", "session", "summit", "sitting", "consultation", "talk"})


def fallback_targets(verb: Token) -> list[Token]:
    """Other places a verb's recipient is named when its object is not an actor:
    "observed a truce with the Houthis", "demanded that the government halt the
    operation", "urged Tehran to ...", "called for talks with Kyiv"."""
    out: list[Token] = []
    for obj in children(verb, "dobj"):
        # "demanded the removal of the president", "rejected an offer from Kabul",
        # "mediated talks between Israel and Hamas"
        out.extend(pobjs(obj, FALLBACK_PREPS + OBJECT_OWNER_PREPS + ("between",)))
        # "blocked the EU's sanctions package" (a named owner, not "its troops")
        out.extend(c for c in children(obj, "poss") if c.pos_ in ("PROPN", "NOUN"))
    out.extend(pobjs(verb, FALLBACK_PREPS))
    for meeting in pobjs(verb, ("for",)):
        # "called for an emergency meeting of the Security Council": the body asked to meet
        if meeting.lemma_.lower() in MEETING_NOUNS:
            out.extend(pobjs(meeting, ("of", "with", "between")))
    for clause in children(verb, "ccomp", "xcomp"):
        out.extend(children(clause, "nsubj", "nsubjpass"))
    return with_conjuncts(out)


# a state's missions abroad: an act on one's own concerns its host
MISSION_NOUNS = frozenset({"embassy", "consulate", "mission", "legation"})
# things whose owner an act against them is aimed at
OWNED_NOUNS = frozenset(
    {"asset", "account", "property", "fund", "holding", "reserve", "home", "house", "office",
     "headquarters", "compound", "residence", "ship", "vessel", "tanker", "aircraft", "plane",
     "passport", "licence", "license", "broadcast", "website", "newspaper", "station",
     "embassy", "consulate", "farm", "land", "business", "shop", "bank", "branch", "bureau",
     "outlet", "channel", "agency", "company", "firm", "factory", "boat"}
)  # fmt: skip


def _last_word(text: str) -> str:
    """The last word of a mention's text, lower-cased ("" for a ref named by no text)."""
    words = text.split()
    return words[-1].lower() if words else ""


# acts a judging aside may name: "an attack Hamas condemned"
ASIDE_ACTS = frozenset({"attack", "strike", "raid", "killing", "bombing", "offensive", "invasion"})
# sites that host troops other than their owner's
BASE_NOUNS = frozenset({"base", "airbase", "outpost", "camp", "compound", "garrison"})
# acts of taking a place: whom it is taken from, not those living there
TAKING = frozenset(
    {"take", "seize", "capture", "overrun", "occupy", "recapture", "retake", "storm"}
)
# places people live, trade, learn, heal and pray in: harm to them with no owner named
# is harm to civilians
CIVILIAN_SITES = frozenset(
    {"home", "house", "shop", "store", "market", "marketplace", "pharmacy", "school",
     "hospital", "clinic", "mosque", "church", "temple", "synagogue", "village", "hamlet",
     "neighbourhood", "neighborhood", "restaurant", "cafe", "hotel", "bakery", "kiosk",
     "dwelling", "hut", "tent", "shelter", "orphanage", "university"}
)  # fmt: skip
# "Serbian-run bank branches", "a Russian-owned tanker": the participle names the owner
OWNER_PARTICIPLES = frozenset({"run", "own", "operate", "flag", "control", "manage"})
OWN_STATE_SECTORS = frozenset({"", "GOV", "MIL", "LEG", "ELI", "SPY", "COP"})


def _as_body(code: str) -> str:
    """A bare country code as its government ("CAN" and "CANGOV" are one body)."""
    return code + "GOV" if len(code) == 3 and code not in NON_COUNTRY_PREFIXES else code


def same_state(a: ActorRef, b: ActorRef) -> bool:
    """Two refs for one state: the same country, each bare or a state sector."""
    return (
        len(a.code) >= 3
        and a.code[:3] == b.code[:3]
        and a.code[3:6] in OWN_STATE_SECTORS
        and b.code[3:6] in OWN_STATE_SECTORS
    )


def not_own_side(
    target: tuple[ActorRef, ...], source: tuple[ActorRef, ...], state: bool = True
) -> tuple[ActorRef, ...]:
    """``target`` less the source's own body under any name and, with ``state``, less
    any body of the source's own state."""
    return tuple(
        r
        for r in target
        if not any((state and same_state(r, s)) or r.code == s.code for s in source)
    )


class RecipientFinder:
    """Finds an event's recipient (a base class of ``EventCoder``)."""

    def _recipient(
        self, ps, seg_i, trig, index, places, date, told=None, source=()
    ) -> tuple[ActorRef, ...]:
        """``_found_recipient``, except that those an attack on a base hurt say whose
        troops were there ("rockets were fired at the Ain al-Asad air base, wounding
        several U.S. personnel"), and that an accusation is not aimed at an unnamed actor
        given the accuser's own code by guess."""
        target = self._found_recipient(ps, seg_i, trig, index, places, date, told, source)
        if trig.type == "ACCUSE":
            # "blamed a sniper": someone unnamed whose side the page only guessed is not
            # the accuser's own side
            codes = {s.code for s in source}
            target = tuple(
                r for r in target if not (r.id.startswith(GENERIC_ACTOR_PREFIX) and r.code in codes)
            )
        if trig.toll and target and all(_last_word(r.text) in BASE_NOUNS for r in target):
            doers = {s.id for s in source}
            hurt = self._refs(index, seg_i, list(trig.toll), date)
            return tuple(r for r in hurt if r.id not in doers) or target
        return target

    def _found_recipient(
        self, ps, seg_i, trig, index, places, date, told=None, source=()
    ) -> tuple[ActorRef, ...]:
        """The event's recipient: its target words, else where else a recipient is named
        (see ``fallback_targets``), else the recipient of the act it announces ("threatened
        to attack Iraq"), else what the page told before (``_told_recipient``), else a
        place the act is directed at ("sent arms to Pakistan", "arrived in Amman" for a
        visit): the place's country."""
        doers, ours = {s.id for s in source}, {_as_body(s.code) for s in source}

        def others(tokens: list[Token]) -> tuple[ActorRef, ...]:
            # the doer is never its own recipient: "condemned what he called an attack"
            # names the speaker again, not whom the act is for; nor is its own side named
            # as an owner ("the minister welcomed Baku's demand"), nor its own property
            # ("Canada closed its embassy in Tehran")
            found: dict[str, ActorRef] = {}
            for tok in tokens:
                refs = self._refs(index, seg_i, [tok], date)
                owned = (
                    tok.lemma_.lower() in OWNED_NOUNS
                    or index.at(seg_i, tok.i) is None
                    or tok.dep_ == "poss"
                )
                if owned and any(_as_body(r.code) in ours and not self._person(r) for r in refs):
                    continue  # but "certified Maduro's victory": someone else of that side
                for ref in refs:
                    if ref.id not in doers:
                        found.setdefault(ref.id, ref)
            return tuple(found.values())

        receivers = given_to(trig.token)
        if receivers:
            target = others(receivers)
            if target:
                return target
        if trig.type == "RETREAT" and ruler_flees(self._lemma(trig.token), source):
            # "Hasina fled to India": before those who rose against her, not at her refuge
            return told.protesters_against(source) if told is not None else ()
        acts = self._judged_acts(trig)
        judged = [p for act, pattern in acts.items() for p in done_to(act, pattern)]
        doers_named = judged_doers(trig.token, acts)
        target_tokens = [t for t in trig.target_tokens if t not in acts]
        if trig.type == "ASSAULT":
            # "seized the crossing with Egypt": taken from whoever held it, not from Egypt
            target_tokens = [t for t in target_tokens if not crossing_with(t)]
        grounds = [*target_tokens, *(c for c in children(trig.token, "dobj") if c not in acts)]
        grounds += pobjs(trig.token, DIRECTED_PREPS)
        verb = trig.token if trig.token.pos_ in ("VERB", "AUX") else trig.token.head
        named = named_in_what(verb)  # "struck what it called militant hideouts"
        target = others(target_tokens) or others(doers_named)
        target = target or others(territory_owners(grounds)) or others(named)
        if not target and trig.type in ("COERCE", "ASSAULT") and source:
            # "the army's crackdown on protests", "protests were put down by police": on
            # the crowd that protested
            target = self._crowd_of_protest(trig, source, told)
        if not target and trig.type in HOME_GROUND_TYPES:
            # "captured Baghouz, the last scrap of territory held by Islamic State"
            target = others(holders_named([*trig.target_tokens, *grounds]))
        if target:
            return target
        if trig.type == "REQUEST" and told is not None:
            # "called for Bazoum's release": asked of those the page said hold him
            captives = self._refs(index, seg_i, released(trig.token, self._noun_pattern), date)
            target = told.captors(captives) if captives else ()
            if target:
                return target
        if trig.type in VERBAL_TYPES:
            target = others([t for t in trig.fallback_targets if t not in judged])
            if not target and trig.type == "REJECT":
                # "..., a claim the Pentagon rejected": whoever made the claim
                target = others(self._claim_makers(trig.token))
            if not target and trig.type == "ACCUSE":
                # "..., a move the UN General Assembly condemned": whoever made the move
                acts = self.book.cues.decision_nouns | ASIDE_ACTS
                target = others(self._claim_makers(trig.token, acts))
            denial = (
                trig.type == "REJECT" and self._lemma(trig.token) in self.book.cues.denying_verbs
            )
            if trig.type == "THREATEN" or denial:
                # "warned that Washington would stop arms supplies if Israel ...": the
                # threatener's own side doing the threatened act is not its recipient;
                # "denied that the army had targeted civilians" answers an accuser; nor is
                # the speaker's own body ("a Houthi spokesman warned that the group would")
                target = not_own_side(target, source)
            elif trig.type == "AGREE":
                # "said he would convene a summit of regional leaders": not his own
                target = not_own_side(target, source, state=False)
            if denial and told is not None and not children(trig.token, "dobj"):
                # "Rwanda has denied supporting the rebels": a denial of an act, not of
                # a claim named, answers whoever accused it of that act
                target = told.accuser(source) or target
        else:
            # "fired rockets at Israeli positions": what the weapon was aimed at;
            # "granted asylum to 18 rebels": whom material cooperation goes to
            preps = MATERIAL_PREPS
            if self.book.type_info(trig.type).quad == "material_coop":
                preps = DATIVE_PREPS + MATERIAL_PREPS
            elif self._lemma(trig.token) in WRESTING_VERBS:
                preps = MATERIAL_PREPS + ("from",)  # "recaptured the town from al-Shabaab"
            elif trig.type == "SANCTION":
                preps = MATERIAL_PREPS + ("to", "with")  # "cut aid to the junta"
            aimed = pobjs(trig.token, preps)
            objects = with_conjuncts(children(trig.token, "dobj"))
            if trig.type == "MOBILIZE":
                # "mobilized reservists for a possible war against Iraq": the war's enemy
                for purpose in pobjs(trig.token, ("for",)):
                    aimed += pobjs(purpose, ("against", "on"))
            if self._lemma(trig.token) in CLAIMING_VERBS:
                # "claimed responsibility for the attack on a tanker": the claimed act's
                objects += [n for o in objects for n in pobjs(o, ("for",))]
                aimed += [n for o in objects for n in pobjs(o, ("of",))]
            if trig.type == "SANCTION":
                # "withdrawing from the nuclear agreement with Iran": its other parties
                objects += accords_left(trig.token, self.book.cues.accord_nouns)
            for obj in objects:
                # "launched 120 missiles and 90 drones at Ukraine"; not "the town on the
                # Chinese border", which says where the town is
                aimed += [n for n in pobjs(obj, preps) if n.lemma_.lower() not in WHERE_NOUNS]
                if obj.lemma_.lower() in OWNED_NOUNS:
                    # "froze the assets of three oligarchs", "raided the group's offices"
                    owners = pobjs(obj, ("of", "belonging")) + children(obj, "poss")
                    aimed += with_conjuncts(owners)  # "the embassies of Rwanda and France"
                    aimed += [
                        c
                        for c in obj.children
                        if c.dep_ == "amod" and c.lemma_.lower() in OWNER_PARTICIPLES
                    ]
            target = others(aimed)
        if target:
            return target
        embedded = embedded_arguments(trig.token)
        if trig.type == "PROTEST":
            embedded += protest_addressees(trig.token)
        target = self._refs(index, seg_i, embedded, date)
        # "urged all parties to resolve their differences": "their" may be read as the
        # speaker's own; the doer is never its own recipient
        target = tuple(t for t in target if t.id not in {s.id for s in source})
        if trig.type in ("THREATEN", "AGREE"):
            # "warned it would expand its operations"
            target = not_own_side(target, source, state=trig.type == "THREATEN")
        if not target and trig.type in ("THREATEN", "ASSAULT"):
            ends = condition_subjects(trig.token, goals_only=trig.type == "ASSAULT")
            target = self._refs(index, seg_i, ends, date)
        # "attacked a hotel, killing six guests": whom it killed, where nothing else is named
        toll = others(trig.toll)
        if not target and toll and not children(trig.token, "dobj"):
            target = toll  # "struck outside Kabul airport, killing 13 U.S. troops"
        if not target and trig.type == "ASSAULT" and self._lemma(trig.token) not in TAKING:
            # "shelled a village", "fire on villages": those living there, not the enemy
            target = self._civilian_sites(ps, trig, places, source)
        if not target and told is not None:
            target = self._told_recipient(trig, source, told)
        if not target and trig.type == "PROTEST" and self.actors is not None:
            # soldiers who mutiny or protest do so against their own government too
            crowd = self.book.cues.crowd_sectors | {"mil"}
            target = own_government(
                index, seg_i, trig.token, source, crowd, date
            ) or self._protest_site(ps, trig, places, date)
        if not target and trig.type == "COERCE" and self._lemma(trig.token) not in TAKING:
            # "looted homes" (an assault's sites were read before what the page told);
            # not "seized the village", taken from whoever held it
            target = self._civilian_sites(ps, trig, places, source)
        if target or self.actors is None and not places:
            return target or toll
        area = self._covers_area(trig)
        # "strengthened its forces in Lebanon", "will evacuate settlements in Gaza": forces
        # placed in, or pulled from, a country act on it; in the doer's own country the
        # home-ground rule below finds the enemy instead
        stationed = trig.type in ("MOBILIZE", "RETREAT")
        preps = DIRECTED_PREPS + (("in",) if trig.type == "CONSULT" or area or stationed else ())
        objects = [o for o in with_conjuncts(children(trig.token, "dobj")) if o not in acts]
        candidates = [*target_tokens, *objects]
        for head in (trig.token, *objects, *complements(trig.token)):
            candidates += [
                c for c in pobjs(head, preps) if trig.type != "ASSAULT" or not border_neighbour(c)
            ]
        candidates += embedded
        sites: list[Token] = []
        if trig.type != "CONSULT" and not area and not stationed:
            # "raids in Basra" happen there, not to it; a curfew in Basra is put on it
            # (not the pattern's own target words: "an operation in Ukraine" is on it)
            sites = [c for c in candidates if c.head.lower_ in SITE_PREPS]
            candidates = [c for c in candidates if c not in sites or c in trig.target_tokens]
            # "fired shells at targets in Jericho": where what it was aimed at stands
            aimed_at = pobjs(trig.token, MATERIAL_PREPS)
            heads = (trig.token, *objects, *aimed_at)
            sites += [p for head in heads for p in pobjs(head, SITE_PREPS)]
            sites += named
        # "closed its embassy in Tehran": a mission stands for the relations with its host
        candidates += [
            p for o in objects if o.lemma_.lower() in MISSION_NOUNS for p in pobjs(o, ("in",))
        ]
        if trig.type in CONTENT_RECIPIENT_TYPES:
            # "threatened to ban voting in East Jerusalem", "refused to deploy troops in
            # Iraq": a threat, refusal or offer of an act there concerns that place
            candidates += site_arguments(trig.token)
        placed = self._place_actors(ps, candidates, places, date)
        if not placed and stationed:
            # "withdrew its special forces from the country": a state named by a word
            pobj = [c for c in candidates if c.dep_ == "pobj"]
            placed = tuple(r for r in self._refs(index, seg_i, pobj, date) if len(r.code) == 3)
        if not placed and sites and source and trig.type in ("ASSAULT", "COERCE", "SANCTION"):
            # "Pakistan struck hideouts inside Iran": an attack on foreign ground is on
            # the country it hit (not on the doers' own, where "in" only says where)
            homes = {a.code[:3] for a in source}
            abroad = [
                a for a in self._place_actors(ps, sites, places, date) if a.code[:3] not in homes
            ]
            return tuple(a for a in abroad if len(a.code) == 3) or toll
        if placed and source and not area and trig.type in HOME_GROUND_TYPES:
            homes = {a.code[:3] for a in source}
            if all(p.code[:3] in homes for p in placed):
                # "the army took control of Mekelle", "ordered the military into Tigray":
                # a force on its own country's ground acts on its enemy there, not on
                # its own country
                enemy = told.adversary(source, same_country=True) if told is not None else ()
                return enemy or self._state_forces(source)
        return placed or toll

    def _judged_acts(self, trig: Trigger) -> dict[Token, NounPattern]:
        """The acts a judging trigger judges: "condemned the killing of civilians",
        "praised the release of the hostages". Condemning or praising an act is aimed
        at whoever did it (``_named_doers``, else the doer the page told), not at those
        it was done to."""
        if trig.type not in JUDGING_TYPES:
            return {}
        objects = with_conjuncts([*children(trig.token, "dobj"), *trig.target_tokens])
        return {
            act: pattern
            for act in dict.fromkeys(objects)
            if act.pos_ == "NOUN"
            and (pattern := self._noun_pattern(act)) is not None
            and pattern.type in REFERRED_TYPES
        }

    def _protest_site(self, ps, trig: Trigger, places, date) -> tuple[ActorRef, ...]:
        """ "Ethnic Albanians demonstrated in Serbia", "rioted at a jail in northern
        Israel": a protest addressed to no one named is addressed to the government of
        the one country it took place in."""
        heads = [trig.token, *pobjs(trig.token, ("at", "outside", "near"))]
        sites = [p for head in heads for p in pobjs(head, ("in", "at", "outside", "near"))]
        countries = {a.code[:3] for a in self._place_actors(ps, sites, places, date)}
        countries -= NON_COUNTRY_PREFIXES
        return self._sector_refs(countries.pop(), "GOV") if len(countries) == 1 else ()

    def _state_forces(self, source: tuple[ActorRef, ...]) -> tuple[ActorRef, ...]:
        """The army a country's rebels fight when the page has shown no other enemy
        ("M23 rebels captured Goma": Congo's army held it)."""
        homes = {a.code[:3] for a in source if a.code[3:6] in ("REB", "INS")}
        if len(homes) != 1 or len(homes) != len({a.code[:3] for a in source}):
            return ()
        home = homes.pop()  # jihadists (IMG) have no home army: whose town it is says
        return () if home in NON_COUNTRY_PREFIXES else self._sector_refs(home, "MIL")

    def _told_recipient(
        self, trig: Trigger, source: tuple[ActorRef, ...], told: PageContext
    ) -> tuple[ActorRef, ...]:
        """A recipient the page implies by what it told before: the authors of an event a
        verbal act refers back to ("condemned the strikes", "rejected the charge"), and
        the enemy of a force that takes, attacks or leaves a place or hits back without
        naming whom ("took control of the city", "withdrew from the town")."""
        if self._lemma(trig.token) in CLAIMING_VERBS and source:
            claimed = self._claimed_act(trig, told, source)
            if claimed is not None:
                told.credit(claimed, source)  # the act told before is theirs
                return tuple(r for r in claimed.target if r.id not in {s.id for s in source})
        accords = self.book.cues.accord_nouns
        left = trig.type == "SANCTION" and accords_left(trig.token, accords)
        if left or trig.type == "CONSULT" and names_its_accord(trig.token, accords):
            # "agreed to end the fighting under a deal brokered by Russia": the parties;
            # "pulled out of the deal": the other parties to the deal the page told
            accord = told.latest({"AGREE"}, source)
            if accord is not None:
                return tuple(p for p in accord.parties if not any(p.id == s.id for s in source))
        if trig.type in VERBAL_TYPES - {"RETREAT"}:
            actors = self._doers_referred(referring_nouns(trig.token), told, source)
            if actors:
                return self._answering_states(actors)
            cues = self.book.cues
            if names_the_sides(trig.token, cues.side_nouns, cues.side_words):
                return told.belligerents()
            if trig.type == "REJECT" and trig.token.lemma_.lower() in cues.denying_verbs:
                return told.accuser(source)
            if trig.type == "THREATEN" and trig.mode == "violence":
                # "vowed to launch counter-attacks": against the enemy the page has shown
                return told.adversary(source, same_country=True)
            if trig.type == "THREATEN" and trig.token.lemma_.lower() in WARNING_VERBS:
                # "warned that acts of chaos would not be tolerated": a government warns
                # those the page has shown protesting against it
                return told.protesters_against(source)
            if trig.type == "REQUEST" and asks_for_calm(trig.token, cues.calm_nouns):
                return told.belligerents()  # "called for a ceasefire"
            if trig.type == "REQUEST" and asks_for_account(trig.token):
                # "demanded an independent investigation", "called for those responsible
                # to be brought to justice": of the government that must answer for it
                country = told.answerable_state()
                return self._sector_refs(country, "GOV") if country else ()
            return ()
        if trig.type == "ASSAULT" and trig.mode == "crowd-control":
            # "guards fired tear gas from inside the building": at the crowd protesting
            crowd = told.protesters_against(source)
            if crowd:
                return crowd
        if trig.type in ("ASSAULT", "COERCE"):
            # "repelled the assault", "foiled the attack": an act against an act told
            # before is against its doers
            objects = [n for n in with_conjuncts(children(trig.token, "dobj")) if is_definite(n)]
            actors = self._doers_referred(objects, told, source)
            if actors:
                return actors
        protesters = told.protesters_against(source) if trig.mode == "resign" else ()
        if trig.type == "RETREAT" and protesters:
            # "Hasina resigned and fled": a ruler steps down before those protesting
            # against her, when the page has told of them
            return protesters
        if (
            trig.type in ADVERSARY_TYPES
            and source
            and ((downed := downs_weapons(trig.token)) or self._holds_nothing_named(trig.token))
        ):
            enemy = told.adversary(source, same_country=True)
            if downed:
                # "air defences shot down most of the missiles": the forces that fired them
                fired = told.latest({"ASSAULT"}, source)
                enemy = enemy or (fired.source if fired is not None else ())
                forces = [
                    self._sector_refs(r.code, "MIL") if len(r.code) == 3 else (r,) for r in enemy
                ]
                return tuple(r for refs in forces for r in refs)
            # "the killings" with no one told as their enemy: whom is not said
            return enemy or (self._state_forces(source) if trig.token.pos_ == "VERB" else ())
        return ()

    def _crowd_of_protest(
        self, trig: Trigger, source: tuple[ActorRef, ...], told: PageContext | None
    ) -> tuple[ActorRef, ...]:
        """The protesters an act on protests is done to: those the page told protesting,
        else the opposition of the doer's country."""
        words = [*trig.target_tokens, *pobjs(trig.token, ("on", "against"))]
        # a common noun: "on March 1" names a month, not a march
        if not any(w.lemma_.lower() in PROTEST_NOUNS and w.pos_ == "NOUN" for w in words):
            return ()
        before = told.latest({"PROTEST"}, source) if told is not None else None
        if before is not None and before.source:
            return before.source
        homes = {a.code[:3] for a in source if len(a.code) == 6} - NON_COUNTRY_PREFIXES
        return self._sector_refs(homes.pop(), "OPP") if len(homes) == 1 else ()

    def _claim_makers(self, verb: Token, nouns: frozenset[str] | None = None) -> list[Token]:
        """Who made the claim a relative clause answers ("Russia said the strikes hit a
        factory, a claim the Pentagon rejected"), or, with act ``nouns``, who did the act
        it judges ("Moscow annexed four regions, a move the Assembly condemned"): the
        subject of the clause the noun is set beside."""
        noun = verb.head
        wanted = self.book.cues.claim_nouns if nouns is None else nouns
        if verb.dep_ != "relcl" or noun.lemma_.lower() not in wanted and noun.lower_ not in wanted:
            return []
        if noun.dep_ not in ("appos", "npadvmod", "dep"):
            return []
        clause = noun.head
        while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
            clause = clause.head  # up from the noun it is set beside to that noun's clause
        if clause.dep_ == "ccomp" and clause.head.lemma_.lower() in self.book.cues.speech_verbs:
            clause = clause.head  # "Russia said the strikes hit a factory": Russia claims
        return subjects(clause)

    def _claimed_act(self, trig: Trigger, told: PageContext, source: tuple[ActorRef, ...]):
        """The act told before that a claim refers to ("claimed responsibility for the
        blast", "claimed Thursday's attack"): the newest of its type by someone else."""
        objects = with_conjuncts(children(trig.token, "dobj"))
        nouns = [n for o in objects for n in pobjs(o, ("for",))] or objects
        harm = self.book.cues.harm_nouns
        if not any(is_definite(n) or n.lemma_.lower() in harm for n in nouns):
            return None
        return told.latest({trig.type}, source)

    def _civilian_sites(self, ps, trig: Trigger, places, source) -> tuple[ActorRef, ...]:
        """ "torched dozens of homes in Macomia", "the pharmacy was looted": homes, shops
        and schools with no owner named are the civilians' of the country they stand in
        (a place in the sentence, else the doer's own country)."""
        sites = with_conjuncts(children(trig.token, "dobj", "nsubjpass"))
        sites += with_conjuncts(pobjs(trig.token, ("on", "at", "against")))  # "fire on villages"
        sites += [n for o in sites for n in pobjs(o, ("of",))]  # "dozens of homes"
        if self.actors is None or not any(o.lemma_.lower() in CIVILIAN_SITES for o in sites):
            return ()
        sent = trig.token.sent
        lo, hi = ps.offset + sent.start_char, ps.offset + sent.end_char
        # not a name the site is called by ("the Pearl Beach hotel")
        named = [(ps.offset + o.left_edge.idx, ps.offset + o.idx) for o in sites]
        around = [
            p
            for p in places
            if lo <= p.start < hi
            and p.country
            and not any(a <= p.start < b for a, b in named)
            and not _acting(ps, p)  # "Israel shelled a village in Lebanon": not Israel
        ]
        # a town before a country: "Turkey bombed homes in Qamishli" stand in Syria
        around.sort(key=lambda p: p.precision == "country")
        country = around[0].country if around else None
        if country is None:
            country = next(
                (
                    a.code[:3]
                    for a in source
                    if len(a.code) == 6 and a.code[:3] not in NON_COUNTRY_PREFIXES
                ),
                None,
            )
        return self._sector_refs(country, "CVL") if country else ()

    def _person(self, ref: ActorRef) -> bool:
        """A person the actor base knows by name (not a state, body or generic group)."""
        actor = self.actors.find(ref.id) if self.actors is not None else None
        return actor is not None and actor.type == ActorType.PERSON

    def _answering_states(self, refs: tuple[ActorRef, ...]) -> tuple[ActorRef, ...]:
        """Doers named back in words ("condemned the killing"): a state's forces that
        the page only implied ("a U.S. drone strike": text-less USAMIL) answer as the
        state itself, as the page's words put it."""
        out: dict[str, ActorRef] = {}
        for ref in refs:
            implied = ref.code[3:] == "MIL" and not ref.text
            state = self._state_actor(ref.code[:3]) if implied else None
            ref = ActorRef(state.id, state.name, state.code, "") if state else ref
            out.setdefault(ref.id, ref)
        return tuple(out.values())

    def _doers_referred(
        self, nouns: list[Token], told: PageContext, source: tuple[ActorRef, ...]
    ) -> tuple[ActorRef, ...]:
        """The actors, other than ``source``, of the first earlier event one of ``nouns``
        refers to (``_referent``)."""
        ids = {a.id for a in source}
        for noun in nouns:
            found = self._referent(noun, told, source)
            actors = tuple(a for a in found or () if a.id not in ids)
            if actors:
                return actors
        return ()

    def _holds_nothing_named(self, trigger: Token) -> bool:
        """The act's objects, if any, are ground that someone holds ("took control of the
        city", "pushed into districts", "left its positions") rather than a named thing
        ("attacked police stations", "targeted ships")."""
        held = self.book.cues.held_nouns
        preps = DIRECTED_PREPS
        if trigger.lemma_.lower() in RESPONDING_VERBS:
            preps = tuple(p for p in preps if p != "with")  # "respond with force": the means
        objects = [*children(trigger, "dobj"), *pobjs(trigger, preps)]
        for obj in with_conjuncts(objects):
            if obj.ent_type_ in ("GPE", "LOC", "FAC", "DATE", "TIME"):
                continue
            if obj.lemma_.lower() not in held and obj.lower_ not in held:
                return False
        return True

    def _referent(
        self, noun: Token, told: PageContext, besides: tuple[ActorRef, ...]
    ) -> tuple[ActorRef, ...] | None:
        """The actors of the earlier event ``noun`` refers to, None when it refers to none."""
        cues = self.book.cues
        words = {noun.lower_, noun.lemma_.lower()}
        if words & cues.hostility_nouns and (is_definite(noun) or of_definite(noun)):
            return told.belligerents() or None
        if not is_definite(noun):
            return None
        if words & cues.harm_nouns:
            event = told.latest({"ASSAULT"}, besides)  # the newest harm, by any word
            return event.source if event else None
        if words & cues.claim_nouns:
            event = told.latest(CLAIM_TYPES, besides)
            return event.source if event else None
        if words & cues.statement_nouns:
            event = told.latest(VERBAL_TYPES - {"RETREAT", "COOPERATE"}, besides)
            return event.source if event else None
        if words & cues.accord_nouns:
            event = told.latest({"AGREE"})
            return event.parties if event else None
        pattern = self._noun_pattern(noun)
        if pattern is not None and pattern.type in REFERRED_TYPES:
            event = told.latest({pattern.type}, besides, words)
            if event is None:
                return None
            return event.parties if pattern.symmetric else event.source
        if words & cues.decision_nouns:
            # "praised the move": the act the story is about, first told on the page
            event = told.latest(ACT_TYPES, besides, words)
            return event.source if event else None
        return None

    def _covers_area(self, trig: Trigger) -> bool:
        """The act puts an area under (or frees it from) a curfew, ban, emergency rule or
        blockade: its own mode says so, or its object or complement is such a noun
        ("lifted a night curfew in X", "threatened to impose martial law in X")."""
        if trig.mode in AREA_MODES:
            return True
        heads = [trig.token, *complements(trig.token)]
        for head in heads:
            for obj in children(head, "dobj", "nsubjpass"):
                pattern = self._noun_pattern(obj)
                if pattern is not None and pattern.mode in AREA_MODES:
                    return True
        return False

    def _place_actors(self, ps, tokens, places, date) -> tuple[ActorRef, ...]:
        """The countries of the places that ``tokens`` name, as actors."""
        out: dict[str, ActorRef] = {}
        for tok in with_conjuncts(tokens):
            # "in Montenegro province": the place may be the noun's compound; "the
            # republic of Nakhichevan", "the town of Gorazde": the object of its "of"
            named = [tok, *(c for c in tok.children if c.dep_ == "compound")]
            if tok.pos_ == "NOUN":
                named += pobjs(tok, ("of",))
            for word in named:
                at = ps.offset + word.idx
                for place in places:
                    if place.start <= at < place.end and place.country:
                        ref = self._country_ref(place, date)
                        out.setdefault(ref.id, ref)
        return tuple(out.values())

    def _state_actor(self, iso3: str):
        """The actor base's state of ``iso3``, or None."""
        info = self.actors.country(iso3) if self.actors is not None else None
        return self.actors.find(info.actor_id) if info is not None and self.actors else None

    def _country_ref(self, place: Place, date: str | None) -> ActorRef:
        iso3 = place.country or ""
        actor = self._state_actor(iso3)
        if actor is not None:
            return ActorRef(actor.id, actor.name, actor.code_on(date), place.text)
        return ActorRef(iso3.lower(), iso3, iso3, place.text)


# verbs that tell the course of an act named by its noun: "the offensive began"
COURSE_VERBS = frozenset(
    {"begin", "start", "continue", "resume", "stop", "end", "erupt", "break", "intensify",
     "escalate", "spread", "happen", "last", "persist", "subside", "ease"}
)  # fmt: skip


def told_source(
    trig: Trigger,
    told: PageContext,
    target: tuple[ActorRef, ...],
    noun_pattern: Callable[[Token], NounPattern | None],
) -> tuple[ActorRef, ...]:
    """A doer the page told before: of the hostile act a verb's subject names back ("the
    strike targeted a commander", "the attack killed six": a definite event noun of the
    verb's own type with no actor of its own), and of a release, whoever took the
    released captive ("Bazoum's release": the soldiers who detained him)."""
    if trig.mode == "release" and target:
        return told.captors(target)
    verb = trig.token
    if trig.type not in ("ASSAULT", "COERCE"):
        return ()
    if verb.pos_ in ("NOUN", "PROPN") and verb.dep_ == "nsubj" and is_definite(verb):
        # "the offensive began on Wednesday": the offensive the page told with that word
        if verb.head.lemma_.lower() not in COURSE_VERBS:
            return ()
        event = told.latest({trig.type}, target, (verb.lemma_.lower(),))
        same = event is not None and word_stem(event.trigger) == word_stem(verb.lower_)
        return event.source if same else ()
    if verb.pos_ not in ("VERB", "AUX"):
        return ()
    for noun in children(verb, "nsubj"):
        pattern = noun_pattern(noun)
        if pattern is None or pattern.type != trig.type or not is_definite(noun):
            continue
        event = told.latest({trig.type}, target, (noun.lemma_.lower(),))
        if event is not None:
            return event.source
    return ()


# what a crowd does in the streets, as the object of an act against it
PROTEST_NOUNS = frozenset(
    {"protest", "demonstration", "rally", "dissent", "unrest", "uprising", "riot", "march",
     "sit-in", "demonstrator", "protester"}
)  # fmt: skip


def _acting(ps, place: Place) -> bool:
    """A place named as one who acts (the subject: "Israel shelled ..."), not where."""
    span = ps.doc.char_span(place.start - ps.offset, place.end - ps.offset, alignment_mode="expand")
    return span is not None and span.root.dep_ in ("nsubj", "nsubjpass", "poss")
