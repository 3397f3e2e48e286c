"""What a page has told so far: the context from which later events take an actor the
sentence leaves out.

The gold convention (``tests/data/README-gold.md``) codes a plainly implied actor: the
side a force fights when it "took the city", the attacker of soldiers who "were also
killed", the authors of the strikes a government "condemned". ``PageContext`` keeps the
events coded earlier on the page, in page order, and answers those three questions.
One is made per ``EventCoder.code`` call; nothing outlives the page.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from sitrep.models import GENERIC_ACTOR_PREFIX, NON_COUNTRY_PREFIXES, ActorRef, Event

# events that make their two sides adversaries of each other
HOSTILE_TYPES = frozenset({"ASSAULT", "COERCE"})
# mutual acts whose parties were at war: the sides of a truce are each other's enemies
TRUCE_TYPES = frozenset({"AGREE", "RETREAT"})
# coercion of a whole population (a curfew, martial law, a blackout): no side in a fight,
# and a measure only a state takes (the coder's agentless measures)
POPULATION_MODES = frozenset({"curfew", "martial-law", "censor"})
STATE_SECTORS = frozenset({"", "GOV", "MIL", "COP", "SPY", "LEG", "JUD"})
# modes of the acts that take someone captive
CAPTURE_MODES = frozenset({"arrest", "abduct"})
# coercions that take people or things into someone's hands: one kind when retold
TAKING_MODES = frozenset({"arrest", "abduct", "seize"})


def _kind_of_coercion(mode: str) -> str:
    return "taking" if mode in TAKING_MODES else mode


# precisions of a date that a later telling of the same act may take over
DATED_PRECISIONS = frozenset({"day", "week"})
# how far back (in events) an implied actor is looked for
LOOKBACK = 12


@dataclass(frozen=True)
class ToldEvent:
    """An event coded earlier on the page, as context for later ones."""

    type: str
    source: tuple[ActorRef, ...]
    target: tuple[ActorRef, ...]
    segment: int = 0  # index of the parsed segment (paragraph) it was told in
    trigger: str = ""  # the word that named it, lower-cased
    mode: str | None = None
    date: str | None = None
    date_precision: str | None = None
    event_id: str = ""

    @property
    def parties(self) -> tuple[ActorRef, ...]:
        seen: dict[str, ActorRef] = {}
        for ref in (*self.source, *self.target):
            seen.setdefault(ref.code, ref)
        return tuple(seen.values())


def word_stem(word: str) -> str:
    """A word without its inflection, enough to tell that "shelling" names what "shelled"
    did ("strikes" and "strike", "bombing" and "bombed")."""
    for suffix in ("ing", "ed", "es", "s", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _codes(refs: Iterable[ActorRef]) -> set[str]:
    return {r.code for r in refs}


def _guessed(refs: Iterable[ActorRef]) -> bool:
    """Every one of ``refs`` is a generic actor ("a suicide bomber", "gunmen"), or there
    are none: doers the page did not name."""
    return all(r.id.startswith(GENERIC_ACTOR_PREFIX) for r in refs)


def _aimed_at(target: Iterable[ActorRef], codes: set[str]) -> bool:
    """``target`` holds one of ``codes`` or an actor of the state one of them is part of."""
    states = {_state_of(c) for c in codes} - {None}
    # "blamed Iran-backed militias" (PRM, no country) is aimed at Kataib Hezbollah (IRQPRM)
    sectors = {c[3:] for c in codes if len(c) == 6}
    return any(r.code in codes or _state_of(r.code) in states or r.code in sectors for r in target)


def _state_of(code: str) -> str | None:
    """The country whose state an actor code is part of ("ETHGOV", "ETHMIL", "ETH"), or
    None for anyone else ("ETHREB", "UNO")."""
    if code[:3] in NON_COUNTRY_PREFIXES:
        return None
    if len(code) in (3, 6) and code[3:] in STATE_SECTORS and code[:3].isalpha():
        return code[:3]
    return None


# sectors of the same kind of party: armed groups outside the state, the state's forces
SECTOR_KINDS = {
    **dict.fromkeys(("REB", "PRM", "INS", "IMG"), "armed"),
    **dict.fromkeys(("MIL", "COP", "SPY"), "forces"),
    **dict.fromkeys(("GOV", "LEG", "JUD", "ELI"), "rulers"),
    **dict.fromkeys(("CVL", "REF", "MED", "HLH", "EDU", "OPP", "LAB"), "civilians"),
}


def _kind(code: str) -> tuple[str, str] | None:
    """The country and kind of party a code names ("IRQREB" and "IRQPRM" are both
    Iraq's armed groups), None for a bare country or an unknown actor."""
    if code[:3] in ("IMG",):
        return ("", "armed")
    kind = SECTOR_KINDS.get(code[3:6])
    return (code[:3], kind) if kind and code[:3] not in NON_COUNTRY_PREFIXES else None


class PageContext:
    """The events of one page coded so far (newest last)."""

    def __init__(self) -> None:
        self._told: list[ToldEvent] = []
        self._credits: dict[str, tuple[ActorRef, ...]] = {}

    def add(self, event: Event, segment: int = 0) -> None:
        told = ToldEvent(
            event.type,
            event.source,
            event.target,
            segment,
            event.trigger.lower(),
            event.mode,
            event.date,
            event.date_precision,
            event.event_id,
        )
        self._told.append(told)

    def credit(self, told: ToldEvent, claimers: tuple[ActorRef, ...]) -> None:
        """``claimers`` said they did ``told`` ("ISIS-K claimed responsibility for the
        blast"): an act whose doers the page could not name is theirs (``claimed_by``)."""
        if not claimers:
            return
        if not _guessed(told.source):
            return  # a doer named by the page is not overruled by a claim
        for i, other in enumerate(self._told):  # "struck crowds ..., killing 13": each act
            same = other.type == told.type and other.segment == told.segment
            if same and _codes(other.source) == _codes(told.source):
                self._credits[other.event_id] = claimers
                # later acts that refer back ("the bombing killed 11 Marines") take them too
                self._told[i] = replace(other, source=claimers)

    def claimed_by(self, event: Event) -> tuple[ActorRef, ...] | None:
        """Who later claimed ``event``, when its own doers were only guessed: none named,
        or only a generic attacker ("a suicide bomber", "gunmen")."""
        claimers = self._credits.get(event.event_id)
        if claimers is None or not _guessed(event.source):
            return None
        return claimers

    def _recent(self) -> list[ToldEvent]:
        return self._told[::-1][:LOOKBACK]

    def latest(
        self,
        types: Iterable[str] | None = None,
        besides: Iterable[ActorRef] = (),
        words: Iterable[str] = (),
    ) -> ToldEvent | None:
        """The newest event with a source, of one of ``types`` (any type when None),
        whose source is not among ``besides`` (an actor does not answer itself); one
        told with one of ``words`` first ("demanded an end to the siege": the siege)."""
        kinds = None if types is None else frozenset(types)
        others = _codes(besides)
        named = frozenset(words)
        fitting = [
            told
            for told in self._told[::-1]
            if told.source
            and (kinds is None or told.type in kinds)
            and not others & _codes(told.source)
        ]
        if not named:
            recent = self._recent()
            return next((told for told in fitting if told in recent), None)
        # an event noun ("condemned the strikes") refers to the act told with that word,
        # else to the first such act on the page, which is what the story is about
        stems = {word_stem(word) for word in named}
        same_word = next((told for told in fitting if word_stem(told.trigger) in stems), None)
        if same_word is not None:
            return same_word
        # "the attack on TC Television", told with no doer: the act on the same target
        # that has one ("gunmen stormed a television studio")
        unnamed = next(
            (t for t in self._told[::-1] if not t.source and word_stem(t.trigger) in stems), None
        )
        aimed = _codes(unnamed.target) if unnamed is not None else set()
        on_same = next((told for told in fitting if aimed & _codes(told.target)), None)
        return on_same or (fitting[-1] if fitting else None)

    def adversary(
        self, source: Iterable[ActorRef], same_country: bool = False
    ) -> tuple[ActorRef, ...]:
        """The other side of the newest hostile event ``source`` took part in; with
        ``same_country``, one that any actor of the source's country took part in (a
        government ordering its army in fights the army's enemy)."""
        codes = _codes(source)
        if not codes:
            return ()

        states = {_state_of(c) for c in codes} - {None} if same_country else set()

        def ours(code: str) -> bool:
            return code in codes or _state_of(code) in states

        def side(refs: Iterable[ActorRef]) -> bool:
            return any(ours(r.code) for r in refs)

        def other(refs: Iterable[ActorRef]) -> tuple[ActorRef, ...]:
            return tuple(r for r in refs if not ours(r.code))

        found: list[tuple[ActorRef, ...]] = []
        for told in self._recent():
            if told.type not in HOSTILE_TYPES or told.mode in POPULATION_MODES:
                continue
            if side(told.source):
                found.append(other(told.target))
            elif side(told.target):
                found.append(other(told.source))
        # a side with a sector ("UKRMIL") is a better enemy than a bare country, which
        # is often only where an earlier act took place
        for sides in found:
            if any(len(ref.code) > 3 for ref in sides):
                return sides
        enemy = next((sides for sides in found if sides), ())
        if enemy:
            return enemy
        # no fight told yet: the other party to a truce or deal "to end the fighting" that
        # both sides made ("Armenia and Azerbaijan agreed to end six weeks of fighting")
        for told in self._recent():
            mutual = _codes(told.source) == _codes(told.target) and len(told.source) >= 2
            if told.type in TRUCE_TYPES and mutual and side(told.source):
                return other(told.source)
        return ()

    def protesters_against(self, rulers: Iterable[ActorRef]) -> tuple[ActorRef, ...]:
        """Who the newest protest against ``rulers`` (or their state) was made by."""
        codes = _codes(rulers)
        if not {_state_of(c) for c in codes} - {None}:
            return ()
        for told in self._recent():
            if told.type == "PROTEST" and told.source and _aimed_at(told.target, codes):
                return tuple(r for r in told.source if _state_of(r.code) is None)
        return ()

    def belligerents(self) -> tuple[ActorRef, ...]:
        """Both sides of the newest hostile event that names both ("urged all sides to
        show restraint", "condemned the outbreak of fighting")."""
        for told in self._recent():
            if told.type != "ASSAULT" or not (told.source and told.target):
                continue
            # the fighting's sides, not those who harmed or held civilians or a crowd
            parties = told.parties
            if any(r.code.startswith("UNK") for r in parties):
                continue  # a side nobody could name
            if all(_kind(r.code) != (r.code[:3], "civilians") for r in parties):
                return told.parties
        return ()

    def accuser(self, accused: Iterable[ActorRef]) -> tuple[ActorRef, ...]:
        """Who made the newest accusation against ``accused`` or its state ("Iran denied
        any role" answers whoever accused Iran)."""
        codes = _codes(accused)
        for told in self._recent():
            if told.type == "ACCUSE" and told.source and _aimed_at(told.target, codes):
                return tuple(r for r in told.source if r.code not in codes)
        return ()

    def agent(self, type_: str, target: Iterable[ActorRef], segment: int) -> tuple[ActorRef, ...]:
        """Who did the newest event of ``type_`` to one of ``target`` in the same
        paragraph: the agent of a passive that names none ("more leaders were detained")."""
        codes = _codes(target)
        for told in self._recent():
            if told.segment != segment:
                break
            if told.type == type_ and told.source and codes & _codes(told.target):
                return tuple(s for s in told.source if s.code not in codes)
            if type_ == "COERCE" and told.mode == "crowd-control" and told.source:
                # "police fired tear gas to disperse them. At least 20 people were
                # arrested": by those who broke up the crowd
                return tuple(s for s in told.source if s.code not in codes)
        if type_ not in HOSTILE_TYPES:
            return ()
        # "at least 22 fighters were killed", "three attackers were shot dead" further
        # on: who the page last said did such harm to the same kind of party. Not for
        # civilians: in a war of two sides, who killed them is often the open question
        kinds = {k for k in map(_kind, codes) if k is not None and k[1] != "civilians"}
        # "24 crew members had been captured" after "opened fire on the boats": those
        # taken are taken by whoever attacked their side
        akin = {type_, "ASSAULT"} if type_ == "COERCE" else {type_}
        for told in self._recent():
            if told.type not in akin or not told.source:
                continue
            if kinds & {_kind(r.code) for r in told.target}:
                return tuple(s for s in told.source if s.code not in codes)
        # "U.S. jets struck a compound in Syria ... 22 fighters were killed": the attack
        # just told with no one named as struck, when those harmed are fighters
        for told in self._recent():
            if told.segment < segment - 1:
                break
            armed = {k for k in kinds if k[1] == "armed"}
            if (
                told.type == type_
                and told.source
                and all(len(r.code) == 3 for r in told.target)  # no one, or only a country
                and armed
                and not armed & {_kind(r.code) for r in told.source}
            ):
                return told.source
        return ()

    def answerable_state(self) -> str | None:
        """The country whose government must answer for the newest harm the page told:
        the doers' state when a state's forces did it, else the state it was done in (the
        victims' country), as far as codes tell."""
        for told in self._recent():
            if told.type not in HOSTILE_TYPES:
                continue
            doers = {c for c in map(_state_of, _codes(told.source)) if c}
            if len(doers) == 1:
                return doers.pop()
            places = {c[:3] for c in _codes(told.target) if c[:3] not in NON_COUNTRY_PREFIXES}
            return places.pop() if len(places) == 1 else None
        return None

    def captors(self, captives: Iterable[ActorRef]) -> tuple[ActorRef, ...]:
        """Who the page said arrested, detained or abducted one of ``captives`` (the
        newest such act): the ones a release of them is up to."""
        keys = {c.id for c in captives} | _codes(captives)
        for told in self._told[::-1]:
            taken = {t.id for t in told.target} | _codes(told.target)
            if told.mode in CAPTURE_MODES and told.source and keys & taken:
                return told.source
        return ()

    def retold(self, type_: str, segment: int, mode: str | None = None) -> ToldEvent | None:
        """The newest event of ``type_`` with a source, told in this paragraph or the one
        before: the act a passive with no actors at all retells ("bombs were dropped",
        "cruise missiles were fired" after "jets struck the port"). A coercion retells
        only one of its own kind: "the borders were closed" does not retell an arrest."""
        for told in self._recent():
            if told.segment < segment - 1:
                break
            if (
                type_ == "COERCE"
                and mode
                and told.mode
                and _kind_of_coercion(told.mode) != _kind_of_coercion(mode)
            ):
                continue
            if told.type == type_ and told.source:
                return told
        return None

    def day_of(
        self, type_: str, source: Iterable[ActorRef], segment: int
    ) -> tuple[str, str, str] | None:
        """(date, precision, words) of the act that lent a later telling its doers (the
        newest event of ``type_``, or an assault for a coercion, by one of ``source``, in
        this paragraph or the one before) when the page put that act on a day or a week:
        "U.S. jets struck on Thursday ... At least 22 fighters were killed" happened
        then. The words stay empty: the date is the earlier telling's."""
        codes = _codes(source)
        akin = {type_, "ASSAULT"} if type_ == "COERCE" else {type_}
        for told in self._recent():
            if told.segment < segment - 1:
                break
            if told.type in akin and codes & _codes(told.source) and told.date:
                if told.date_precision in DATED_PRECISIONS:
                    return told.date, told.date_precision, ""
                if told.date_precision != "page":
                    return None
                # a telling with no date of its own ("claimed the attack") passes over to
                # the act it told again
        return None
