"""Arguments: the actors that an event's argument words stand for.

``ArgumentReader`` is a part of ``EventCoder`` (a base class): it uses the coder's
``actors`` (the actor base, or None). A token stands for the actor mentioned at it, else
for the nearest actor inside its phrase ("the embassies of Rwanda"), else for the state
a nationality adjective names ("Israeli airstrikes").
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from sitrep.actors.kb import ActorBase
from sitrep.actors.mentions import generic_actor
from sitrep.actors.resolve import ActorIndex, ActorMention
from sitrep.events.folding import COUNTRYLESS
from sitrep.events.implied import measure_country
from sitrep.events.recipients import OWN_STATE_SECTORS
from sitrep.events.syntax import WHERE_NOUNS, says_what_about
from sitrep.models import GENERIC_ACTOR_PREFIX, NON_COUNTRY_PREFIXES, ActorRef, ActorType

# participles whose agent is the doer or user of what they describe
DOING_PARTICIPLES = frozenset(
    {"commit", "carry", "perpetrate", "conduct", "launch", "stage", "inflict", "order",
     "use", "utilize", "utilise", "operate", "run", "own", "occupy", "hold", "control"}
)  # fmt: skip


def _done_by(participle: Token, below: Token) -> bool:
    """ "crimes committed by Croat forces", "depots used by the militia": the agent of a
    participle describing the argument names whose act or property it is (not "a truce
    brokered by Qatar", where the agent only helped)."""
    return (
        participle.dep_ == "acl"
        and participle.tag_ == "VBN"
        and below.dep_ == "agent"
        and participle.lemma_.lower() in DOING_PARTICIPLES
    )


class ArgumentReader:
    """Reads argument tokens as actors (a base class of ``EventCoder``)."""

    actors: ActorBase | None

    def _demonym_state(self, tok: Token):
        """The state a nationality adjective before an event noun names ("Israeli" in
        "Israeli airstrikes"), or None."""
        # "Israeli airstrikes"; "a Greek-owned tanker", where "Greek" may be parsed as
        # an adverbial of the participle
        # "Ukrainian and Russian delegations": the second adjective hangs from the first
        second = tok.dep_ == "conj" and tok.head.dep_ == "amod"
        if (
            self.actors is None
            or not second
            and (tok.dep_ not in ("amod", "npadvmod") or tok.i > tok.head.i)
        ):
            return None
        info = self.actors.country_by_demonym(tok.text)
        return self.actors.find(info.actor_id) if info is not None else None

    def _demonym_states(self, tok: Token) -> list:
        """The states a noun's own nationality word names, or (failing that) the words
        of its modifiers and their compounds name, with coordinated ones."""
        own = self._demonym_state(tok)
        if own is not None:
            return [own]
        words = list(tok.children)  # "a Greek-owned tanker": "Greek" under "owned"
        words += [g for c in words if c.dep_ == "compound" for g in c.children if g.dep_ == "amod"]
        found = []
        for word in words:
            for each in (word, *word.conjuncts):
                state = self._demonym_state(each)
                if state is not None and state not in found:
                    found.append(state)
            if found:
                return found
        return found

    def _code_at(self, index: ActorIndex, seg: int, tok: Token) -> str | None:
        mention = self._argument(index, seg, tok)
        return mention.actor.code if mention is not None else None

    def _argument(self, index: ActorIndex, seg: int, tok: Token) -> ActorMention | None:
        """The actor an argument token stands for: itself, or the nearest actor inside it."""
        direct = index.at(seg, tok.i)
        if direct is not None:
            return direct
        best: tuple[int, int, ActorMention] | None = None
        for sub in tok.subtree:
            mention = index.at(seg, sub.i)
            if mention is None:
                continue
            depth, up = 0, sub
            while up.i != tok.i and depth < 8:
                if up.head.i == tok.i and says_what_about(tok, up):
                    depth = 99  # "a law on foreign agents": what the law is about
                if up.dep_ == "pobj" and up.lemma_.lower() in WHERE_NOUNS:
                    depth = 99  # "the town on the Chinese border": where the town is
                below, up, depth = up, up.head, depth + 1
                clause = up.dep_ in ("relcl", "acl", "ccomp", "advcl") and up.i != tok.i
                if clause and not _done_by(up, below):
                    depth = 99
            if sub.dep_ == "poss" and sub.pos_ == "PRON":
                depth += 1  # "its European partners": the owner only if nothing else
            rank = depth
            if sub.dep_ == "poss":
                rank += 1  # "Iran's supreme leader, Khamenei": the leader before the state
            if mention.via == "unknown":
                rank += 2  # "the army's Northern Command base": a name we know first
            if best is None or rank < best[0]:
                best = (rank, depth, mention)
        return best[2] if best and best[1] <= 4 else None

    def _refs(
        self, index: ActorIndex, seg: int, tokens: Sequence[Token], date: str | None
    ) -> tuple[ActorRef, ...]:
        refs: list[ActorRef] = []
        seen: set[str] = set()
        for tok in tokens:
            mention = self._argument(index, seg, tok)
            if mention is None:
                # "Israeli airstrikes": Israel's; "pushed back a Russian assault": Russia's;
                # "an Egyptian and Qatari ceasefire proposal": both states'
                for state in self._demonym_states(tok):
                    if state.id not in seen:
                        seen.add(state.id)
                        refs.append(ActorRef(state.id, state.name, state.code_on(date), tok.text))
                continue
            found = [mention]
            more: list[ActorRef] = []
            if index.at(seg, tok.i) is None:
                # "the embassies of Rwanda, France and the United States": the owner's
                # conjuncts own them too
                owner = tok.doc[mention.head]
                if owner.dep_ == "pobj" and owner.head.head.i == tok.i:
                    found += [m for c in owner.conjuncts if (m := index.at(seg, c.i))]
                if owner.dep_ == "amod" and owner.head.i == tok.i:
                    # "Ukrainian and Russian delegations": each nationality's state
                    states = [self._demonym_state(c) for c in owner.conjuncts]
                    more = [ActorRef(s.id, s.name, s.code_on(date), s.name) for s in states if s]
            for ref in (*(r for m in found for r in index.to_refs(m, date)), *more):
                if ref.id not in seen:
                    seen.add(ref.id)
                    refs.append(ref)
        return tuple(refs)

    def _sector_refs(self, country: str, sector: str) -> tuple[ActorRef, ...]:
        """A country's body of ``sector`` as the only actor ("MIL": its army), for an
        actor the page implies; none without an actor base."""
        if self.actors is None:
            return ()
        body = generic_actor(country, sector, self.actors)
        return (ActorRef(body.id, body.name, body.code, ""),)

    def _armed_doers(
        self, trigger: Token, type_: str, tokens: Sequence[Token], refs: tuple[ActorRef, ...]
    ) -> tuple[ActorRef, ...]:
        """ "A U.S. drone strike", "Israeli airstrikes": a state that only an adjective of
        a noun naming an attack names did it with its armed forces (MIL). A state named
        as the subject of a verb ("Iran fired missiles") or by "by" stays the state."""
        if type_ != "ASSAULT" or not tokens:
            return refs
        for tok in tokens:
            noun = tok.head  # the attack noun: the trigger, or the subject of its verb
            while noun.dep_ == "compound" and noun.head.pos_ == "NOUN":
                noun = noun.head  # "US drone strikes"
            named = (
                noun.i == trigger.i
                or (noun.dep_ == "nsubj" and noun.head.i == trigger.i)
                or (trigger.dep_ == "acl" and trigger.head.i == noun.i)  # misread participle
            )
            if tok.dep_ not in ("amod", "compound") or noun.pos_ != "NOUN" or not named:
                return refs
        out: list[ActorRef] = []
        for ref in refs:
            state = len(ref.code) == 3 and ref.code not in NON_COUNTRY_PREFIXES
            out.extend(self._sector_refs(ref.code, "MIL") if state else (ref,))
        return tuple(out) if out else refs

    @staticmethod
    def _sentence_country(ps, sentence, target, places) -> str | None:
        """``measure_country`` for a sentence of a parsed segment."""
        lo, hi = ps.offset + sentence.start_char, ps.offset + sentence.end_char
        return measure_country(target, places, lo, hi)

    def _measure_state(self, ps, sentence, target, places) -> tuple[ActorRef, ...]:
        """The government of the country a state measure was taken in (``measure_country``):
        "the internet had been cut", "a curfew was imposed in Dhaka"."""
        country = self._sentence_country(ps, sentence, target, places)
        return self._sector_refs(country, "GOV") if country else ()

    def _population(self, ps, sentence, source, target, places) -> tuple[ActorRef, ...]:
        """Whom a curfew, martial law or a cut of phones and internet is put on when no one
        is named: the people (CVL) of the country it covers ("imposed a curfew on Basra",
        "declared martial law"), the place named, else the doer's own country."""
        if any(len(t.code) != 3 for t in target):
            return target  # someone named ("banned Al Jazeera"), not a country
        country = self._sentence_country(ps, sentence, target, places)
        if country is None and len(source) == 1 and source[0].code[3:] in OWN_STATE_SECTORS:
            country = _one_home(source)
        if country is None or country in NON_COUNTRY_PREFIXES:
            return target
        return self._sector_refs(country, "CVL")

    def _ousted_government(self, ps, sentence, source, places) -> tuple[ActorRef, ...]:
        """Whom a coup is against ("seized power in a coup", "the colonels took power in
        Bamako"): the government of the country it took place in, the place named, else
        the plotters' own."""
        country = self._sentence_country(ps, sentence, (), places) or _one_home(source)
        if country is None or country in NON_COUNTRY_PREFIXES:
            return ()
        return self._sector_refs(country, "GOV")

    def _crowd_of(self, ps, sentence, target, places) -> tuple[tuple, tuple]:
        """The people of the country protests with no one named took place in, and its
        government unless they were aimed at someone else (``measure_country``)."""
        country = self._sentence_country(ps, sentence, target, places)
        if country is None:
            return (), target
        return self._sector_refs(country, "OPP"), target or self._sector_refs(country, "GOV")

    def _speaks_for_a_state(self, ref: ActorRef) -> bool:
        """A government, or a state named as such ("Pakistan", not "Palestinian youths"
        nor a parliament's member on hunger strike)."""
        if self.actors is None:
            return False
        actor = self.actors.find(ref.id)
        if ref.code[3:] == "GOV":
            # a government body, not a person of it ("supporters of a former president")
            if actor is None:  # a generic "the government", not an unknown name
                return ref.id.startswith(GENERIC_ACTOR_PREFIX)
            return actor.type != ActorType.PERSON
        # the state named by its own name ("Pakistan"), not a people ("landowners",
        # "Palestinian youths") coded with its country
        return len(ref.code) == 3 and any(a.id == ref.id for a in self.actors.lookup(ref.text))


def _one_home(source: Sequence[ActorRef]) -> str | None:
    """The one country every doer is of, or None when they are of several."""
    homes = {s.code[:3] for s in source}
    if homes & COUNTRYLESS:
        return None  # "the junta" of no country named: no home to put it in
    return homes.pop() if len(homes) == 1 else None
