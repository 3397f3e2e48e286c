"""How the triggers found in one sentence fold into each other.

Three rules. First, about event words that do not name an event of their own:

- A restatement: an event noun that characterises or is acted on by another event word is
  not a new event. "condemned the strikes", "suspended security assistance", "accepted
  the resignation": the strikes, the aid and the resignation were told (or not) where
  they happened; here they are what the verbal or material act is about. "was a direct
  assault on democracy", "called it a violation", "condemned the raid as a breach of the
  truce": a predicate that judges something is a name for it, not an act.
- A promised hostile act: "vowed to crush the rebels" is a THREATEN, not an AGREE
  (``promised_threats``).
- A protest's aim: "rallied to denounce the United States" is one PROTEST against the
  United States, not a PROTEST and an ACCUSE (``protest_aims``).
- An event noun as the subject of a verb of the same type: "an Israeli airstrike killed
  30 people" is one ASSAULT by Israel on the 30, not an airstrike by Israel and a killing
  by no one (``acts_of_event_nouns``).
- A passive told with a "when" clause of its type: "15 people were killed when a suicide
  bomber blew himself up" is one ASSAULT by the bomber (``agents_of_when_clauses``).
- An order to one's own forces: "Abiy ordered the army to attack the rebels" is the
  attack, done by the one who ordered it, not a REQUEST to the army (``own_orders``).

Not done: folding "agreed to disarm" into one RETREAT, as our gold files do, would lose
the PLOVER gold-standard records, which code "agreed to resign" and "offered to hand over"
as AGREE; the AGREE with its content embedded stays.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import TYPE_CHECKING, Protocol, TypeVar

from spacy.tokens import Token

from sitrep.actors.words import determined
from sitrep.events.clauses import (
    ASPECT_VERBS,
    LEAVING_VERBS,
    THREAT_MODE_BY_MODE,
    THREAT_MODES,
    announced_type,
)
from sitrep.events.syntax import ABOUT_PREPS, subjects
from sitrep.events.trigger import Trigger

if TYPE_CHECKING:
    from sitrep.events.pattern_records import Cues
    from sitrep.events.patterns import PatternBook

# prepositions whose event noun is how a coded act was done: "killed in a strike"
MEANS_PREPS = frozenset({"in", "during", "with", "by", "through"})
# the event types a commitment verb turns into when its complement is one of them
COMMITTED_TYPES = frozenset({"RETREAT"})
# the types whose verbs commit their subject to the complement ("agreed to", "offered to")
COMMITTING_TYPES = frozenset({"AGREE"})
# promising verbs: AGREE, but promising a hostile act is a threat ("vowed to crush")
PROMISING_VERBS = frozenset({"vow", "pledge", "promise", "swear"})
# what someone is promised to face or pay: "vowed that Israel would face a just punishment"
PUNISHMENT_NOUNS = frozenset(
    {"punishment", "consequence", "retaliation", "response", "revenge", "retribution",
     "price", "reprisal", "vengeance"}
)  # fmt: skip
# nouns for fighting that a promise to continue makes a threat: "vowed to continue its
# battle" (not events of their own: "the war in Ukraine" is mostly background)
FIGHT_NOUNS = frozenset({"battle", "fight", "war", "struggle", "jihad", "resistance"})
# what may be a fight or not ("its campaign against the militants", "an election
# campaign"): one only when it has an enemy named
CAMPAIGN_NOUNS = frozenset({"campaign", "offensive", "operation", "crackdown", "onslaught"})
# promised acts that beat an enemy without naming how: "vowed to defeat the rebels"
DEFEAT_VERBS = frozenset({"defeat", "vanquish", "rout", "eradicate", "exterminate"})
POLL_NOUNS = frozenset({"election", "poll", "vote", "ballot", "race", "primary", "referendum"})
# what a fight may be against without anyone being threatened
NOT_ENEMIES = frozenset(
    {"corruption", "poverty", "inflation", "disease", "pandemic", "virus", "crime", "hunger",
     "cancer", "drug", "impunity", "injustice", "inequality", "climate", "fire"}
)  # fmt: skip


def _goal_subjects(verb: Token) -> list[Token]:
    """Who is to be defeated or driven out by the time an act ends: the passive subject
    of its "until" clause ("until the militants were defeated")."""
    return [
        s
        for c in _deps(verb, "advcl")
        if any(m.dep_ == "mark" and m.lower_ == "until" for m in c.children)
        for s in _deps(c, "nsubjpass")
    ]


def _lost_at_polls(verb: Token) -> bool:
    """ "to defeat the ruling party in the election": a defeat at the polls."""
    return any(
        o.lemma_.lower() in POLL_NOUNS for p in _deps(verb, "prep") for o in _deps(p, "pobj")
    )


def _not_enemies(tokens) -> bool:
    """ "the fight against corruption": what the fight is against is no one."""
    return any(t.lemma_.lower() in NOT_ENEMIES for t in tokens)


# verbs of command: ordering one's own forces to act is the act
ORDER_VERBS = frozenset({"order", "command", "instruct", "direct"})
# what an order makes someone stop doing: "ordered the paper to suspend publication"
STOPPING_VERBS = frozenset({"suspend", "close", "shut", "halt", "cease", "stop", "end", "disband"})
# the sectors that carry out a state's orders
ARMED_GROUP_SECTORS = frozenset({"REB", "INS"})
FORCE_SECTORS = frozenset({"MIL", "COP", "SPY", "PRM"})


class _Trigger(Protocol):
    token: Token
    type: str
    mode: str | None
    source_tokens: tuple[Token, ...]
    target_tokens: tuple[Token, ...]
    symmetric: bool
    toll: tuple[Token, ...]


T = TypeVar("T", bound=_Trigger)


def _coordination_head(tok: Token) -> Token:
    """The first conjunct of a coordination ("the halt ... and the release" -> halt)."""
    for _ in range(6):
        if tok.dep_ != "conj" or tok.head.i == tok.i:
            break
        tok = tok.head
    return tok


# verbs that lay an act "for" or "of" which they name at someone's door
BLAMING_VERBS = frozenset({"blame", "accuse", "fault"})


def blamed_for(noun: Token) -> list[Token]:
    """Whom a verb of blame holds to have done the act ``noun`` names: "blamed Armenian
    forces for the shelling of Ganja", "accused Israel of the attack": its objects."""
    head = _coordination_head(noun)
    prep = head.head
    if head.dep_ != "pobj" or prep.lower_ not in ("for", "of"):
        return []
    verb = prep.head
    if verb.lemma_.lower() not in BLAMING_VERBS:
        return []
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return [o for obj in objects for o in (obj, *obj.conjuncts)]


def is_restatement(noun: Token, acting_verbs: Iterable[int]) -> bool:
    """True when the event noun names something another word of the sentence judges or
    acts on: a predicate nominal ("was an assault", "called it a violation"), the
    object of "as" ("condemned X as a breach"), or the object of a verb that is itself
    coded as an event by its own pattern (``acting_verbs``: token indices), directly or
    through "to" or "for" ("agreed to a ceasefire", "called for an investigation")."""
    head = _coordination_head(noun)
    if head.dep_ in ("attr", "oprd"):
        return True
    if head.dep_ == "pobj" and head.head.lower_ == "as" and head.head.head.pos_ in ("VERB", "AUX"):
        return True
    acting = set(acting_verbs)
    if blamed_for(noun):
        return False  # "blamed the rebels for the shelling": the act laid at their door
    if head.dep_ == "pobj" and head.head.lower_ in ("to", "for") and head.head.head.i in acting:
        return True  # "agreed to a ceasefire", "called for a ceasefire": the act's content
    return head.dep_ in ("dobj", "nsubjpass") and head.head.i in acting


def crushing_verbs(verbs: list[T], nouns: list[T]) -> set[int]:
    """Coercive or violent verbs whose object or passive subject is a protest told here
    for the first time ("protests that broke out after the vote were put down by
    security forces"): the protest is an event of its own, not a restatement. A protest
    with a determiner or an owner ("the protests were put down") is taken as told
    before."""
    protests = {
        n.token.head.i
        for n in nouns
        if n.type == "PROTEST" and n.token.dep_ in ("dobj", "nsubjpass") and not determined(n.token)
    }
    return {v.token.i for v in verbs if v.type in ("COERCE", "ASSAULT") and v.token.i in protests}


def _deps(tok: Token, *deps: str) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


# a state that leaves (``LEAVING_VERBS``) an organisation of states cuts its ties; codes of
# organisations of states (CAMEO's IGO, sitrep's UN system and EU bodies)
BODY_PREFIXES = ("IGO", "UNO", "EUR")


def bodies_left(
    found: list[T], sentence: Iterable[Token], code_at: Callable[[Token], str | None]
) -> list[T]:
    """ "Mali, Burkina Faso and Niger were leaving ECOWAS", "Niger quit the bloc",
    "withdrew from the African Union": leaving an organisation of states cuts ties with
    it (SANCTION, discontinue), whatever reading the verb had."""
    left: dict[int, Trigger] = {}
    for verb in sentence:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in LEAVING_VERBS:
            continue
        bodies = _deps(verb, "dobj") + [
            o for p in _deps(verb, "prep") if p.lower_ == "from" for o in _deps(p, "pobj")
        ]
        bodies = [b for b in bodies if (code_at(b) or "").startswith(BODY_PREFIXES)]
        if bodies:
            left[verb.i] = Trigger(
                verb, "SANCTION", "discontinue", tuple(subjects(verb)), tuple(bodies), 0.8
            )
    kept = [t for t in found if t.token.i not in left]
    return [*kept, *left.values()]  # type: ignore[list-item]


# verbs of weighing an act not yet taken: "is considering strikes on Syria"
DELIBERATING_VERBS = frozenset({"consider", "weigh", "mull", "contemplate", "explore"})
CONSIDERED_DEPS = frozenset({"dobj", "nsubjpass", "xcomp", "pcomp"})


def considered_acts(
    found: list[T], book: PatternBook, doers: Callable[[Token], list[Token]]
) -> list[T]:
    """ "Washington is considering strikes on Syria", "further sanctions were being
    considered": a hostile act weighed is a threat of it, made by whoever weighs it
    (``doers`` of the weighing verb), aimed where the act would be."""
    out = []
    for trig in found:
        verb = trig.token.head
        if (
            trig.token.dep_ in CONSIDERED_DEPS
            and verb.pos_ == "VERB"
            and verb.lemma_.lower() in DELIBERATING_VERBS
            and trig.type != "PROTEST"
            and book.type_info(trig.type).quad == "material_conflict"
        ):
            mode = THREAT_MODE_BY_MODE.get(trig.mode or "", THREAT_MODES.get(trig.type))
            trig = replace(
                trig, token=verb, type="THREATEN", mode=mode, source_tokens=tuple(doers(verb))
            )
        out.append(trig)
    return out


def promised_threats(found: list[T], book: PatternBook, lemma: Callable[[Token], str]) -> list[T]:
    """ "vowed to crush the rebels", "pledged that those responsible would be hunted
    down": promising a hostile act (a material-conflict complement) is a THREATEN,
    with the act's recipient and a mode from the act (README-patterns.md); the
    complement stays the threat's content."""
    by_token = {t.token.i: t for t in found}
    out = []
    for trig in found:
        if trig.type == "AGREE" and lemma(trig.token) in PROMISING_VERBS:
            # "kept promising a counteroffensive": the promised act as the object
            for noun in _deps(trig.token, "dobj"):
                named = by_token.get(noun.i) or book.noun_pattern(noun.lemma_)
                if named is not None and book.type_info(named.type).quad == "material_conflict":
                    coded = announced_type(named.type, "material_conflict", named.mode, False)
                    if coded is not None:
                        trig = replace(trig, type=coded[0], mode=coded[1])
                        break
            for comp in _deps(trig.token, "xcomp", "ccomp") if trig.type == "AGREE" else ():
                clauses = (comp, *comp.conjuncts)
                # "vowed to keep fighting", "pledged to continue to strike": the act kept up
                clauses += tuple(
                    x for c in clauses if lemma(c) in ASPECT_VERBS for x in _deps(c, "xcomp")
                )
                # "vowed to continue the offensive": a light verb's act is its noun's
                nouns = [o for c in clauses for o in _deps(c, "dobj")]
                inner = next((by_token[c.i] for c in (*clauses, *nouns) if c.i in by_token), None)
                fight = next((n for n in nouns if n.lemma_.lower() in FIGHT_NOUNS), None)
                campaign = next((n for n in nouns if n.lemma_.lower() in CAMPAIGN_NOUNS), None)
                punished = _faces_punishment(clauses, lemma)
                if inner is None and punished:
                    # "vowed that Israel would face a just punishment": a threat to it
                    trig = replace(trig, type="THREATEN", mode=None, target_tokens=punished)
                    break
                if inner is None and _answers_harm(clauses, lemma):
                    # "vowed to respond to the killing": retaliation promised is a threat
                    trig = replace(trig, type="THREATEN", mode="violence")
                    break
                enemies = tuple(
                    o
                    for p in (_deps(fight or campaign, "prep") if fight or campaign else ())
                    if p.lower_ == "against"
                    for o in _deps(p, "pobj")
                )
                defeat = next((c for c in clauses if lemma(c) in DEFEAT_VERBS), None)
                if fight is None and defeat is not None and not _lost_at_polls(defeat):
                    # "vowed to defeat the rebels": to fight them until they are beaten
                    enemies = tuple(o for o in _deps(defeat, "dobj") if o.ent_type_ != "PERSON")
                    fight = defeat if enemies else None
                if fight is None and campaign is not None:
                    # "would keep up its campaign until the militants were defeated": a
                    # campaign is a fight when someone is named as what it is to defeat
                    enemies = enemies or tuple(
                        o for c in clauses for o in _goal_subjects(c) if o.ent_type_ != "DATE"
                    )
                    fight = campaign if enemies else None
                if inner is None and fight is not None and not _not_enemies(enemies):
                    # "vowed to continue its battle against Israel": to keep fighting
                    trig = replace(
                        trig,
                        type="THREATEN",
                        mode="violence",
                        target_tokens=enemies or trig.target_tokens,
                    )
                    break
                if inner is None or book.type_info(inner.type).quad != "material_conflict":
                    continue
                negated = any(c.dep_ == "neg" for c in comp.children)
                coded = announced_type(inner.type, "material_conflict", inner.mode, negated)
                if coded is not None:
                    trig = replace(
                        trig,
                        type=coded[0],
                        mode=coded[1],
                        target_tokens=inner.target_tokens or trig.target_tokens,
                    )
                    break
        out.append(trig)
    return out


def protest_aims(found: list[T], book: PatternBook) -> list[T]:
    """ "rallied to denounce the United States", "marched, chanting slogans against the
    prime minister": the words a protest is made to say are the protest's aim, not
    acts of their own; the protest takes their recipient. The aim is a verbal
    conflict act in a clause without its own subject that hangs from the protest verb
    (directly, or through a phrase of it: "rallied after prayers to denounce")."""
    protests = {t.token.i: t for t in found if t.type == "PROTEST" and t.token.pos_ == "VERB"}
    folded: dict[int, T] = {}
    dropped: set[int] = set()
    for inner in found:
        clause = inner.token
        if (
            not protests
            or clause.pos_ != "VERB"
            or book.type_info(inner.type).quad != "verbal_conflict"
            or clause.dep_ not in ("advcl", "xcomp", "acl")
            or _deps(clause, "nsubj", "nsubjpass")
        ):
            continue
        up = clause.head
        for _ in range(3):
            if up.i in protests or up.dep_ not in ("pobj", "prep", "dobj"):
                break
            up = up.head
        trig = protests.get(up.i)
        if trig is None:
            continue
        dropped.add(id(inner))
        protest = folded.get(up.i, trig)
        folded[up.i] = replace(protest, target_tokens=protest.target_tokens or inner.target_tokens)
    return [
        folded.get(t.token.i, t) if t.type == "PROTEST" else t
        for t in found
        if id(t) not in dropped
    ]


def own_orders(
    found: list[T], lemma: Callable[[Token], str], code_of: Callable[[Token], str | None]
) -> list[T]:
    """ "Abiy ordered the army into Tigray to attack the rebels", "officers had been
    ordered to fire on the crowds": an order to one's own forces (same country; army,
    police, intelligence or militia) is the ordered act, done by whoever gave the order
    (by the forces, when the order's giver is not named). An order to anyone else
    ("ordered French troops to leave") stays a REQUEST. ``code_of`` gives the actor
    code a token stands for, or None."""
    by_token = {t.token.i: t for t in found}
    dropped: set[int] = set()
    swapped: dict[int, T] = {}
    for trig in found:
        if trig.type != "REQUEST" or lemma(trig.token) not in ORDER_VERBS:
            continue
        content = [
            by_token[c.i]
            for comp in _deps(trig.token, "xcomp", "ccomp")
            for c in (comp, *comp.conjuncts)
            if c.i in by_token
        ]
        givers = [c for c in map(code_of, trig.source_tokens) if c]
        takers = [c for c in map(code_of, trig.target_tokens) if c]
        stopped = [
            c
            for comp in _deps(trig.token, "xcomp")
            for c in (comp, *comp.conjuncts)
            if lemma(c) in STOPPING_VERBS
        ]
        rulers = givers and all(_rules(g) for g in givers)
        if stopped and rulers and takers and not any(_own_force(c, givers) for c in takers):
            # "ordered the newspaper La Prensa to suspend publication": a government
            # making someone else stop is coercion, not a request; the stopping is its
            # content, not an act of the one made to stop
            swapped[id(trig)] = replace(trig, type="COERCE", mode="restrict")
            dropped.update(id(by_token[c.i]) for c in stopped if c.i in by_token)
            continue
        if not content or not takers or not all(_own_force(c, givers) for c in takers):
            continue
        dropped.add(id(trig))
        doers = trig.source_tokens if givers else trig.target_tokens
        for inner in content:
            swapped[id(inner)] = replace(inner, source_tokens=doers)
    return [swapped.get(id(t), t) for t in found if id(t) not in dropped]


# codes that name a sector or body with no country ("REB" for rebels nobody placed)
COUNTRYLESS = frozenset(
    {"GOV", "MIL", "COP", "SPY", "JUD", "LEG", "REB", "PRM", "INS", "OPP", "CVL", "REF",
     "PTY", "REL", "BUS", "MED", "NGO", "EDU", "HLH", "LAB", "ELI", "IGO", "UNO", "IMG", "UNK"}
)  # fmt: skip


def _rules(code: str) -> bool:
    """A state, or its executive, army, police or intelligence (not its courts)."""
    if code[:3] in COUNTRYLESS or not code[:3].isalpha():
        return False
    return len(code) == 3 or code[3:6] in ("GOV", "MIL", "COP", "SPY")


def _own_force(code: str, givers: list[str]) -> bool:
    """A state's force (by its sector) of the country of every giver of the order, or an
    armed group's own fighters ("Haftar ordered his forces to attack": the LNA's)."""
    if code[3:6] in ARMED_GROUP_SECTORS and givers:
        return all(g == code for g in givers)
    if code[3:6] not in FORCE_SECTORS:
        return False
    return all(g[:3] == code[:3] for g in givers)


def acts_of_event_nouns(verbs: list[T], nouns: list[T]) -> tuple[list[T], list[T]]:
    """ "An Israeli airstrike killed 30 people", "the shelling destroyed a school": a verb
    whose subject is an event noun of its own type is that event: the verb takes the
    noun's doers (and its mode where it has none), and the noun is not told again."""
    by_token = {n.token.i: n for n in nouns}
    used: set[int] = set()
    out: list[T] = []
    for verb in verbs:
        subjects = verb.source_tokens
        noun = by_token.get(subjects[0].i) if len(subjects) == 1 else None
        if noun is not None and noun.type == verb.type and verb.token.pos_ in ("VERB", "AUX"):
            used.add(id(noun))
            verb = replace(verb, source_tokens=noun.source_tokens, mode=verb.mode or noun.mode)
        means = _means_noun(verb, by_token)
        if means is not None and id(means) not in used:
            # "killed a commander in a strike on Beirut", "threw stones during
            # demonstrations against X": the noun is how the act was done
            used.add(id(means))
            verb = replace(
                verb,
                source_tokens=verb.source_tokens or means.source_tokens,
                target_tokens=verb.target_tokens or means.target_tokens,
                mode=verb.mode or means.mode,
            )
        out.append(verb)
    return out, [n for n in nouns if id(n) not in used]


def _means_noun(verb: _Trigger, nouns: dict[int, T]) -> T | None:
    """An event noun of the verb's own type in one of its "in", "during", "with", "by" or
    "through" phrases."""
    if verb.token.pos_ not in ("VERB", "AUX"):
        return None
    for prep in _deps(verb.token, "prep", "agent"):
        if prep.lower_ not in MEANS_PREPS:
            continue
        for obj in _deps(prep, "pobj"):
            noun = nouns.get(obj.i)
            if noun is not None and noun.type == verb.type:
                return noun
    return None


def casualty_tolls(found: list[T]) -> list[T]:
    """ "killed a contractor and wounded a soldier", "attacked the base, killing one
    officer and wounding another": the dead and the wounded are the toll of one attack,
    not attacks of their own. A casualty verb coordinated with another (or a participle
    hanging from an attack) folds into it: a coordinated toll adds whom it names, a
    participle names them where what was attacked names no one."""
    by_token = {t.token.i: t for t in found}
    merged: dict[int, T] = {}
    used: set[int] = set()
    for trig in found:
        if trig.type != "ASSAULT" or trig.token.lemma_.lower() not in CASUALTY_LEMMAS:
            continue
        coordinated = trig.token.dep_ == "conj"
        participle = trig.token.dep_ == "advcl" and trig.token.tag_ == "VBG"
        head = by_token.get(trig.token.head.i)
        if head is None or head.type != "ASSAULT" or not (coordinated or participle):
            continue
        if head.symmetric:
            continue  # "traded fire along the border, killing civilians": one side's toll
        if coordinated and head.token.lemma_.lower() not in CASUALTY_LEMMAS:
            continue  # "stormed the hotel and killed ten": told as two acts
        head = merged.get(id(head), head)
        if coordinated:
            head = replace(head, target_tokens=(*head.target_tokens, *trig.target_tokens))
        else:  # whom the attack killed, where what it attacked names no one
            head = replace(head, toll=(*head.toll, *trig.target_tokens))
        merged[id(by_token[trig.token.head.i])] = head
        used.add(id(trig))
    return [merged.get(id(t), t) for t in found if id(t) not in used]


def agents_of_when_clauses(found: list[T]) -> list[T]:
    """ "15 people were killed when a suicide bomber blew himself up": an agentless act
    with a "when" (or "as") clause naming an act of the same type is that act: it takes
    the clause's doers and mode, and the clause is not told again."""
    by_token = {t.token.i: t for t in found}
    used: set[int] = set()
    swapped: dict[int, T] = {}
    for trig in found:
        if trig.source_tokens or trig.token.pos_ not in ("VERB", "AUX"):
            continue
        # "32 people were killed and 63 wounded when ...": the clause may hang from the toll
        clauses = _deps(trig.token, "advcl")
        clauses += [c for conj in _deps(trig.token, "conj") for c in _deps(conj, "advcl")]
        for clause in clauses:
            inner = by_token.get(clause.i)
            if inner is None or inner.type != trig.type or not inner.source_tokens:
                continue
            if not any(c.lower_ in ("when", "as", "after") for c in clause.children):
                continue
            used.add(id(inner))
            swapped[id(trig)] = replace(
                trig, source_tokens=inner.source_tokens, mode=trig.mode or inner.mode
            )
            break
    return [swapped.get(id(t), t) for t in found if id(t) not in used]


# verbs that count an attack's dead and wounded
CASUALTY_LEMMAS = frozenset({"kill", "wound", "injure", "maim"})
# hostile measures that an agreement among those who take them decides ("EU leaders
# agreed to impose new sanctions"): the measure itself, as "agreed to new sanctions" is
DECIDED_BY_AGREEMENT = frozenset({"SANCTION"})


def agreed_concessions(
    found: list[T], cues: Cues, lemma: Callable[[Token], str]
) -> tuple[list[T], set[int]]:
    """ "agreed to disarm", "offered to resign": agreeing to disarm, resign or cease fire
    (cues: conceded_modes) is also that concession (RETREAT), by whoever agreed. The
    complement is kept as an event of its own (the AGREE stays: PLOVER's gold records code
    the agreement) and takes the agreeing actors. Agreeing to impose a sanction is the
    sanction (``DECIDED_BY_AGREEMENT``). Returns the triggers and the ids of the
    complements kept."""
    by_token = {t.token.i: t for t in found}
    swapped: dict[int, T] = {}
    kept: set[int] = set()
    dropped: set[int] = set()
    for trig in found:
        tok = trig.token
        if trig.type != "AGREE":
            continue
        for comp in (c for c in tok.children if c.dep_ == "xcomp"):
            inner = by_token.get(comp.i)
            if inner is None:
                continue
            if inner.type in DECIDED_BY_AGREEMENT and lemma(tok) == "agree":
                targets = inner.target_tokens or trig.target_tokens
                swapped[id(trig)] = replace(
                    trig, type=inner.type, mode=inner.mode, target_tokens=targets
                )
                dropped.add(id(inner))  # told once, as the agreement
            elif (
                lemma(tok) in cues.conceding_verbs
                and inner.type == "RETREAT"
                and inner.mode in cues.conceded_modes
            ):
                swapped[id(inner)] = replace(
                    inner,
                    source_tokens=inner.source_tokens or trig.source_tokens,
                    target_tokens=inner.target_tokens or trig.target_tokens,
                    confidence=min(inner.confidence, trig.confidence - 0.05),
                    no_recipient=trig.no_recipient,  # it ranks below the agreement
                )
                kept.add(id(swapped[id(inner)]))
    return [swapped.get(id(t), t) for t in found if id(t) not in dropped], kept


# talk that an act's gerund may be the topic of: "consultations on signing the agreement"
TOPIC_TYPES = frozenset({"CONSULT", "AGREE"})


def talk_topics(found: list[T], book: PatternBook) -> list[T]:
    """ "was ready to begin consultations on signing the agreement", "talks about ending
    the war": a gerund after "on", "about" or "over" a noun of talks or agreement is what
    the talks are about, not an act of its own."""
    out = []
    for trig in found:
        tok = trig.token
        prep = tok.head
        if tok.dep_ == "pcomp" and tok.tag_ == "VBG" and prep.lower_ in ABOUT_PREPS:
            named = book.noun_pattern(prep.head.lemma_.lower())
            if prep.head.pos_ == "NOUN" and named is not None and named.type in TOPIC_TYPES:
                continue
        out.append(trig)
    return out


def _faces_punishment(clauses: tuple, lemma: Callable[[Token], str]) -> tuple:
    """The subjects of a promised clause in which they face, suffer or pay a penalty
    ("it would face a just punishment", "those responsible will pay a heavy price")."""
    for clause in clauses:
        if lemma(clause) not in ("face", "suffer", "pay", "receive"):
            continue
        if any(o.lemma_.lower() in PUNISHMENT_NOUNS for o in _deps(clause, "dobj")):
            return tuple(_deps(clause, "nsubj"))
    return ()


# harm that a response answers: "vowed to respond to the killing"
ANSWERED_HARMS = frozenset(
    {"attack", "aggression", "killing", "assassination", "strike", "airstrike", "assault",
     "bombing", "raid", "invasion", "incursion", "provocation", "murder", "massacre"}
)  # fmt: skip


def _answers_harm(clauses: tuple, lemma: Callable[[Token], str]) -> bool:
    """A promised clause that responds to a harm ("to respond to the killing")."""
    return any(
        lemma(clause) in ("respond", "react", "reply", "answer")
        and any(
            o.lemma_.lower() in ANSWERED_HARMS
            for p in _deps(clause, "prep")
            if p.lower_ == "to"
            for o in _deps(p, "pobj")
        )
        for clause in clauses
    )
