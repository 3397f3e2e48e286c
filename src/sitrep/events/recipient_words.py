"""Where else an event's recipient is named than its object: the clause it embeds
("urged Rwanda to withdraw"), whom something is given to, the subject of a threat's
condition or the goal of a fight ("unless Baghdad accepted", "until the militants were
defeated"), the site of an act a threat or refusal concerns, whom a protest
addresses; who an event noun names as its doer or as the one it was done to; the
accords an act leaves; and the nouns by which a verbal act names an earlier event."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from sitrep.events.syntax import (
    children,
    complements,
    pobjs,
    preps_under,
    to_infinitive,
    with_conjuncts,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from sitrep.events.patterns import NounPattern

FALLBACK_PREPS = ("with", "against", "on", "at", "to", "toward", "towards", "over")
# verbs whose object is what is sent, placed or handed over, not whom the act concerns
TRANSFER_VERBS = frozenset(
    {"deploy", "send", "dispatch", "station", "withdraw", "pull", "contribute", "provide",
     "supply", "deliver", "hand", "transfer", "ship", "give", "return", "move", "redeploy"}
)  # fmt: skip
# verbs of giving: what they give is their object, whom they give it to the recipient
# ("offered its troops to Lebanon's president", "handed two suspects over to Sudan")
GIVING_VERBS = TRANSFER_VERBS | {"offer", "lend", "grant", "sell", "donate", "pledge"}
CONDITION_MARKS = frozenset({"if", "unless"})
# how a condition may hang from the threat: "threatened to stop talks (meant) to reduce ..."
CONDITION_PATH = frozenset({"xcomp", "ccomp", "acl", "dobj", "conj"})
# prepositions of an object noun that name whom the object concerns or comes from
OBJECT_OWNER_PREPS = ("of", "from")


def embedded_arguments(verb: Token) -> list[Token]:
    """Who the act in a verb's complement is done to: its objects and the objects of its
    directed prepositions ("threatened to attack Iraq", "offered aid to Chad"). The
    object of a verb of sending or placing is what is moved, not whom it concerns
    ("refused to deploy peacekeepers in Iraq", "offered to hand over two suspects")."""
    out: list[Token] = []
    for clause in complements(verb):
        if clause.lemma_.lower() in TRANSFER_VERBS:
            out.extend(children(clause, "dative"))
        else:
            out.extend(children(clause, "dobj", "dative"))
        out.extend(pobjs(clause, FALLBACK_PREPS + ("into", "from", "for")))
        for obj in children(clause, "dobj"):
            # "threatened to ban rallies by the opposition": whose the object is
            out.extend(pobjs(obj, ("to", "for", "against", "on", "with", "by", "of")))
    return with_conjuncts(out)


def given_to(trigger: Token) -> list[Token]:
    """Whom a verb of giving gives to: its indirect object or the object of its "to"
    ("offered troops to Lebanon", "gave Tanzania a grant"), when it also has what it
    gives as a direct object."""
    if trigger.pos_ not in ("VERB", "AUX") or trigger.lemma_.lower() not in GIVING_VERBS:
        return []
    objects = children(trigger, "dobj")
    if not objects:
        return []
    to = [c for c in children(trigger, "dative") if c.pos_ in ("NOUN", "PROPN", "PRON")]
    to += pobjs(trigger, ("to",))
    for obj in objects:
        to += pobjs(obj, ("to",))
    return with_conjuncts(to)


def condition_subjects(verb: Token, goals_only: bool = False) -> list[Token]:
    """Whom a threat's condition names: the subject of its "if" or "unless" clause
    ("threatened to launch an offensive unless Baghdad accepted", "threatened to stop
    the talks if the United States goes ahead"); and whom a fight is to end ("until the
    militants are defeated"), the only one with ``goals_only``."""
    out: list[Token] = []
    for clause in verb.subtree:
        marks = {c.lower_ for c in clause.children if c.dep_ == "mark"}
        if clause.dep_ != "advcl" or not marks & (CONDITION_MARKS | {"until"}):
            continue
        up, steps = clause.head, 0  # the threatened act's own condition, not a quote's
        while up.i != verb.i and _on_condition_path(up) and steps < 4:
            up, steps = up.head, steps + 1
        if up.i != verb.i:
            continue
        if marks & CONDITION_MARKS:
            out.extend(() if goals_only else children(clause, "nsubj", "nsubjpass"))
        else:  # "would fight on until the militants were defeated": whom the fight ends
            out.extend(children(clause, "nsubjpass"))
    return with_conjuncts(out)


def _on_condition_path(tok: Token) -> bool:
    """A link from a condition up to its threat: a complement, an object, a conjunct, or
    an infinitive the parser hung as an adverbial ("threatened on Monday to close")."""
    if tok.dep_ in CONDITION_PATH:
        return True
    return tok.dep_ == "advcl" and to_infinitive(tok)


def site_arguments(verb: Token) -> list[Token]:
    """Where the act in a verb's complement would take place: the objects of "in" on
    the complement or on its object ("to impose a curfew in Algiers")."""
    out: list[Token] = []
    for clause in complements(verb):
        out.extend(pobjs(clause, ("in",)))
        for obj in children(clause, "dobj"):
            out.extend(pobjs(obj, ("in",)))
    return with_conjuncts(out)


def protest_addressees(trigger: Token) -> list[Token]:
    """Whom a protest addresses, from what it demands: "staged a hunger strike to demand
    the resignation of X", "marched, calling for independence from X", "rioted in protest
    against X", "blocked streets in defiance of X", "set fire to a U.S. flag"."""
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head
    out: list[Token] = []
    for head in {verb.i: verb, trigger.i: trigger}.values():
        for clause in children(head, "advcl", "xcomp", "acl"):
            for obj in children(clause, "dobj"):
                out.append(obj)
                out.extend(pobjs(obj, OBJECT_OWNER_PREPS + ("against", "by", "for")))
            out.extend(pobjs(clause, ("against", "from", "on", "to")))
            for pobj in pobjs(clause, ("for",)):
                out.extend(pobjs(pobj, OBJECT_OWNER_PREPS + ("against", "by")))
        for pobj in pobjs(head, ("in",)):
            if pobj.lemma_.lower() in ("protest", "defiance", "opposition", "solidarity"):
                out.extend(pobjs(pobj, ("against", "of", "at", "to", "over")))
        # "set fire to a U.S. flag", "marched to parliament": what the protest goes to
        out.extend(pobjs(head, ("to",)))
    return with_conjuncts(out)


def premodifiers(act: Token) -> list[Token]:
    """Words before an event noun that name who it is by or for: "Russia's", "Israeli",
    "the Hamas (attack)"."""
    return [c for c in act.children if c.dep_ in ("poss", "amod", "compound") and c.i < act.i]


def named_doers(act: Token, pattern: NounPattern) -> list[Token]:
    """Who an event noun names as its doer: "Russia's annexation", "the killing by
    soldiers", "Israeli strikes", "the Hamas attack", "the resignation of the prime
    minister" (an act done to no one: its "of" is the doer)."""
    doers = pobjs(act, pattern.source_preps)
    # "killings committed by Serbian paramilitaries": the agent of the act's participle
    doers += [a for clause in children(act, "acl") for a in pobjs(clause, ("by",))]
    if "of" not in pattern.target_preps:
        doers += pobjs(act, ("of",))
    if pattern.premod_role == "source":
        doers += premodifiers(act)
    return with_conjuncts(doers)


def done_to(act: Token, pattern: NounPattern) -> list[Token]:
    """Whom an event noun names as the one it was done to: "the killing of civilians",
    "Soleimani's killing"."""
    patients = pobjs(act, pattern.target_preps)
    if pattern.premod_role != "source":
        patients += premodifiers(act)
    return with_conjuncts(patients)


def judged_doers(verb: Token, acts: dict[Token, NounPattern]) -> list[Token]:
    """Who the acts a verb judges are named as done by: in the acts' own phrases, or in
    the judgement ("condemned the seizure as an Iranian act of terrorism")."""
    doers = [d for act, pattern in acts.items() for d in named_doers(act, pattern)]
    judgements = pobjs(verb, ("as",)) if acts else []
    judgements += [j for act in acts for j in pobjs(act, ("as",))]
    return doers + [d for j in judgements for d in premodifiers(j)]


def accords_left(verb: Token, accord_nouns: frozenset[str]) -> list[Token]:
    """The accords a verb leaves, ends or suspends: its objects and what it withdraws
    from ("withdrawing from the 2015 nuclear agreement", "scrapped the deal", "pulled
    out of the accord")."""
    held = [*children(verb, "dobj"), *pobjs(verb, ("from",))]
    outs = [p for p in preps_under(verb, ("out", "off")) if p.lower_ == "of"]
    held += [n for of in outs for n in children(of, "pobj")]  # "pull out of the deal"
    return [n for n in with_conjuncts(held) if n.lemma_.lower() in accord_nouns]


def referring_nouns(trigger: Token) -> list[Token]:
    """Nouns by which a verbal act may name an earlier event: its objects, what they are
    of or to ("the outbreak of fighting", "changes to the deal"), what the act is for or
    against, and a judged noun ("condemned what he called an attack")."""
    heads = [trigger, *(c for c in complements(trigger) if c.pos_ in ("VERB", "AUX"))]
    out: list[Token] = []
    for head in heads:
        objects = children(head, "dobj", "nsubjpass")
        out.extend(objects)
        for obj in objects:
            out.extend(pobjs(obj, ("of", "to", "on", "against")))
            for clause in children(obj, "relcl", "acl", "ccomp"):
                out.extend(children(clause, "oprd", "dobj"))
        out.extend(pobjs(head, ("for", "of", "against", "to")))
        if children(head, "acomp"):
            out.extend(children(head, "nsubj"))  # "the attack will not go unanswered"
        for feeling in children(head, "acomp"):  # "was deeply concerned about the drills"
            out.extend(pobjs(feeling, ("about", "over", "at", "by", "with")))
        for clause in children(head, "ccomp"):
            out.extend(children(clause, "oprd"))
    # "called the offensive a violation": an adjective with a determiner is a noun
    return [t for t in with_conjuncts(out) if t.pos_ in ("NOUN", "PROPN") or nominal_adj(t)]


def names_its_accord(trigger: Token, accord_nouns: frozenset[str]) -> bool:
    """The trigger is a participle of an accord noun ("a deal brokered by Russia", "the
    truce mediated by Qatar")."""
    head = trigger.head
    return trigger.dep_ == "acl" and head.lemma_.lower() in accord_nouns


def nominal_adj(tok: Token) -> bool:
    """ "the offensive", "the crackdown" misread as an adjective: it has a determiner."""
    return tok.pos_ == "ADJ" and any(c.dep_ == "det" for c in tok.children)


def released(trigger: Token, noun_pattern: Callable[[Token], NounPattern | None]) -> list[Token]:
    """Whom a request asks to be freed: "called for Bazoum's release", "demanded the
    release of the journalists"."""
    out: list[Token] = []
    for noun in [*children(trigger, "dobj"), *pobjs(trigger, ("for",))]:
        pattern = noun_pattern(noun)
        if pattern is not None and pattern.mode == "release":
            out += children(noun, "poss") + pobjs(noun, ("of",))
    return with_conjuncts(out)


# ground, water and air that belong to a state: "violated Turkish airspace", "entered
# Syrian territory", "Ukrainian waters"
TERRITORY_NOUNS = frozenset(
    {"territory", "airspace", "waters", "soil", "land", "sovereignty", "border", "borders",
     "frontier", "coast", "coastline", "shore", "islands", "island", "region", "towns",
     "cities", "villages", "ports"}
)  # fmt: skip


# participles that say who holds a place: "territory held by Islamic State"
HOLDING_PARTICIPLES = frozenset({"hold", "control", "occupy", "seize", "capture", "run"})


def holders_named(places: list[Token]) -> list[Token]:
    """Who a place is said to be held by, in a participle on it or on a phrase set beside
    it ("Baghouz, the last scrap of territory held by Islamic State")."""
    out: list[Token] = []
    for place in places:
        beside = [place, *(c for c in place.children if c.dep_ == "appos")]
        for word in (t for b in beside for t in b.subtree):
            if word.dep_ == "acl" and word.lemma_.lower() in HOLDING_PARTICIPLES:
                out += [o for a in children(word, "agent") for o in children(a, "pobj")]
    return out


def territory_owners(tokens: list[Token]) -> list[Token]:
    """The state words that own a territory noun: its nationality adjective, possessive
    or "of" phrase ("Turkish airspace", "Iraq's territory", "the waters of Ukraine")."""
    out: list[Token] = []
    for tok in tokens:
        if tok.lemma_.lower() in TERRITORY_NOUNS or tok.lower_ in TERRITORY_NOUNS:
            out += [c for c in tok.children if c.dep_ in ("amod", "poss", "compound", "nmod")]
            out += pobjs(tok, ("of",))
    return out


# what air defences bring down: the weapons are the enemy's, who fired them
INCOMING_WEAPONS = frozenset(
    {"missile", "drone", "rocket", "shell", "projectile", "aircraft", "plane", "jet",
     "helicopter", "bomber", "warplane", "uav", "balloon", "interceptor", "they", "them"}
)  # fmt: skip
DOWNING_VERBS = frozenset({"shoot", "intercept", "down", "destroy", "neutralise", "neutralize"})


def downs_weapons(verb: Token) -> bool:
    """ "shot down 37 missiles and 55 drones", "intercepted the rockets": weapons brought
    down, aimed at whoever fired them."""
    objects = with_conjuncts(children(verb, "dobj"))
    # "most of the incoming missiles", "99 percent of them": the weapons counted
    objects = [next(iter(pobjs(o, ("of",))), o) for o in objects]
    return (
        verb.lemma_.lower() in DOWNING_VERBS
        and bool(objects)
        and all(o.lemma_.lower() in INCOMING_WEAPONS for o in objects)
    )


DEFINITE_DETERMINERS = frozenset({"the", "this", "that", "these", "those", "its", "their"})


def of_definite(noun: Token) -> bool:
    """ "the outbreak of fighting", "an end to the violence": a noun under a definite one."""
    prep = noun.head
    return noun.dep_ == "pobj" and prep.head.pos_ == "NOUN" and is_definite(prep.head)


def asks_for_calm(trigger: Token, nouns: frozenset[str]) -> bool:
    """A request for a ceasefire or truce ("called for a ceasefire", "urged a truce"):
    it is addressed to the fight's sides."""
    heads = [*children(trigger, "dobj"), *pobjs(trigger, ("for",))]
    return any(h.lemma_.lower() in nouns for h in heads)


# what is asked when someone must answer for a harm
ACCOUNTING_NOUNS = frozenset(
    {"investigation", "inquiry", "probe", "accountability", "justice", "prosecution"}
)  # fmt: skip


def asks_for_account(trigger: Token) -> bool:
    """The request asks for an investigation, accountability or justice, in its object
    or the clause it governs ("demanded an inquiry", "called for them to be brought to
    justice")."""
    near = [t for t in trigger.subtree if abs(t.i - trigger.i) <= 12]
    return any(t.lemma_.lower() in ACCOUNTING_NOUNS for t in near)


def names_the_sides(trigger: Token, nouns: frozenset[str], words: frozenset[str]) -> bool:
    """The act is addressed to the sides of a fight ("called on all sides", "urged both
    parties", "talks between the two sides"): a plural side noun with a word that marks
    the sides."""
    heads = [*children(trigger, "dobj"), *pobjs(trigger, ("on", "to", "with", "between"))]
    for obj in children(trigger, "dobj"):
        heads += pobjs(obj, ("between", "on"))  # "urged restraint on all sides"
    for noun in heads:
        if noun.lower_ in nouns and any(c.lower_ in words for c in noun.children):
            return True
    return False


def is_definite(noun: Token) -> bool:
    """ "the strikes", "that accusation", "Iran's move": a noun that names a known thing."""
    if any(c.dep_ == "poss" for c in noun.children):
        return True
    if any(c.dep_ == "det" and c.lower_ in DEFINITE_DETERMINERS for c in noun.children):
        return True
    head = noun.head  # "what he called an attack": the judged noun takes the clause's object
    return noun.dep_ == "oprd" and any(c.lower_ == "what" for c in head.children)
