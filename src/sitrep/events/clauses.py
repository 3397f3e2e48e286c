"""Clause-level readings the coder adds to its triggers, all from the dependency parse:

- ``obligation_clause``: "X said that Y must act": a speaker who puts an obligation on
  someone else asks them to act (REQUEST by X to Y);
- ``announcer`` and ``announced_type``: "Syria is willing to withdraw", "Portugal will
  support ..., its president said": an actor announcing its own future act. PLOVER codes
  the announcement: AGREE for a cooperative act ("express intent to cooperate"), THREATEN
  for a hostile one, REJECT for a cooperative act it says it will not do;
- ``context_of``: why an event happened, in the page's words: a purpose clause ("to
  encourage refugees to return"), a cause or occasion phrase ("in response to the
  strike", "over the oil dispute") or a cause clause ("because talks failed").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Span, Token

from sitrep.events.patterns import Cues, VerbPattern, find_phrases
from sitrep.events.syntax import children, is_passive, pobjs, to_infinitive, with_conjuncts
from sitrep.models import ActorRef, code_sector

FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "would", "'d"})
COOPERATIVE_QUADS = frozenset({"verbal_coop", "material_coop"})
# the THREATEN mode that an announced hostile act of a type (and mode) carries
THREAT_MODES = {
    "ASSAULT": "violence",
    "MOBILIZE": "violence",
    "COERCE": "restrict",
    "SANCTION": "relations",
}
THREAT_MODE_BY_MODE = {"arrest": "arrest", "expel": "expel", "deport": "expel"}
TIME_ENTITIES = frozenset({"DATE", "TIME", "CARDINAL", "QUANTITY", "ORDINAL"})
PURPOSE_DEPS = ("advcl", "xcomp")


@dataclass(frozen=True)
class Announcement:
    """Who announces an event's act, and how: ``speaker`` is the token of whoever says it
    (None when the announcing word is the subject's own: "X is willing to ...");
    ``subject`` the token of the actor whose act is announced, when the parse gives one."""

    speaker: Token | None
    subject: Token | None
    cue: str


def _clause_subject(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]


def obligation_clause(verb: Token, cues: Cues) -> Token | None:
    """The complement clause of a speech verb that puts an obligation on its subject
    ("said Sudan must return ...", "insisted that the army has to withdraw"), or None."""
    if verb.lemma_.lower() not in cues.speech_verbs:
        return None
    return _obliging(verb, ("ccomp",), cues)


def obliging_message(verb: Token, cues: Cues) -> tuple[Token, Token] | None:
    """A message noun the verb sends whose "that" clause puts an obligation on its subject
    ("issued a stern reminder to Iraq that it must cooperate"): (noun, clause), or None."""
    for noun in verb.children:
        if noun.dep_ == "dobj" and noun.lemma_.lower() in cues.message_nouns:
            clause = _obliging(noun, ("acl", "ccomp"), cues)
            if clause is not None:
                return noun, clause
    return None


def _obliging(head: Token, deps: tuple[str, ...], cues: Cues) -> Token | None:
    for clause in head.children:
        if clause.dep_ not in deps or not _clause_subject(clause):
            continue
        if any(c.dep_ == "aux" and c.lower_ in cues.obligation for c in clause.children):
            return clause
        words = [t for t in clause.subtree if t.i <= clause.i + 2]
        if find_phrases(words, cues.obligation_phrases):
            return clause
    return None


def is_future(trigger: Token) -> bool:
    """The trigger's own verb carries a future or conditional auxiliary, or "going to"."""
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head
    for child in verb.children:
        if child.dep_ in ("aux", "auxpass") and child.lower_ in FUTURE_AUX:
            return True
    head = verb.head
    return verb.dep_ == "xcomp" and head.lemma_ == "go" and head.tag_ == "VBG"


ASPECT_VERBS = frozenset({"keep", "continue", "start", "begin", "resume", "go"})


def announcer(trigger: Token, cues: Cues) -> Announcement | None:
    """Who announces the trigger's act as their own intention, if anyone.

    Walks up from the trigger's verb: an intention word ("willing", "vowed", "plans")
    announces for its subject; a speech verb over a future act ("said it will ...")
    announces through its speaker."""
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head
    subject = next(iter(_clause_subject(verb)), None)
    future = is_future(trigger) or (
        # "would keep cooperating", "will continue to fund": the aspect verb's future
        verb.dep_ == "xcomp" and verb.head.lemma_.lower() in ASPECT_VERBS and is_future(verb.head)
    )
    tok = verb
    if until_future(verb):
        # "said his fighters would not stop until they captured all bases": the goal of a
        # struggle promised to go on is announced with it
        future, tok = True, verb.head
    for _ in range(5):
        if tok.head.i == tok.i:
            return None
        if tok.dep_ not in ("xcomp", "ccomp", "acomp", "conj") and not is_purpose(tok):
            return None  # "willing to send material to help defend it": the purpose too
        if tok.dep_ == "conj" and _clause_subject(tok) and tok.head.dep_ not in ("ccomp", "xcomp"):
            return None  # "was sworn in in April, and it picked X": a clause of its own
        tok = tok.head
        lemma = tok.lemma_.lower()
        own = next(iter(_clause_subject(tok)), None)
        sworn_in = any(c.dep_ == "prt" for c in tok.children)  # "was sworn in": an oath of office
        if lemma in cues.intention and not sworn_in:  # "was prepared to" (ADJ), not "prepared"
            return Announcement(None, subject or own or _upper_subject(tok), lemma)
        if lemma in cues.speech_verbs and future and own is not None:
            return Announcement(own, subject, lemma)
        if lemma == "be" and own is not None and subject is None:
            subject = own  # "Syria says it is willing to ...": the copula's subject
    return None


def preparing_verb(verb: Token) -> Token | None:
    """The verb "prepare" whose infinitive the attack ``verb`` is, also through an aspect
    verb ("the army prepared to resume shelling", "troops are preparing to storm the
    city"): a force getting ready to strike, not the strike. The adjective of readiness
    ("is prepared to fight") is an intention instead (``announcer``)."""
    tok = verb
    for _ in range(2):
        if tok.dep_ != "xcomp":
            return None
        tok = tok.head
        if tok.lemma_.lower() == "prepare" and tok.pos_ == "VERB" and tok.tag_ != "VBN":
            return tok
        if tok.lemma_.lower() not in ASPECT_VERBS:
            return None
    return None


def death_in_custody(verb: Token) -> list[Token] | None:
    """Those in whose custody someone died ("died in Israeli police custody", "died in
    the custody of Iran's morality police"), or None when the verb tells no such death.
    A death in custody is coded as harm done by the keepers, as human-rights reports and
    PLOVER's gold records code it."""
    if verb.lemma_.lower() != "die":
        return None
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "under"):
            continue
        for custody in children(prep, "pobj"):
            if custody.lemma_.lower() != "custody":
                continue
            keepers = [
                c for c in custody.children if c.dep_ in ("compound", "amod", "poss", "nmod")
            ] + pobjs(custody, ("of",))
            return keepers or None
    return None


def until_future(verb: Token) -> bool:
    """The verb is the goal of an "until" clause of a future verb ("would not stop until
    they captured", "will fight on until the militants are defeated")."""
    return (
        verb.dep_ == "advcl"
        and any(c.dep_ == "mark" and c.lower_ == "until" for c in verb.children)
        and is_future(verb.head)
    )


def is_subordinate(trigger: Token) -> bool:
    """The trigger sits in a relative, adverbial or participial clause: background to
    the sentence's main event ("..., where 24 people were killed")."""
    tok = trigger
    for _ in range(8):
        if tok.dep_ in ("relcl", "acl", "advcl"):
            return True
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def is_purpose(trigger: Token) -> bool:
    """The trigger's verb is an infinitive purpose clause without a subject of its own,
    hanging from another verb ("staged a strike to demand reforms")."""
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head
    if verb.dep_ != "advcl" or _clause_subject(verb):
        return False
    return to_infinitive(verb)


def _upper_subject(tok: Token) -> Token | None:
    while tok.head.i != tok.i:
        own = _clause_subject(tok)
        if own:
            return own[0]
        tok = tok.head
    return next(iter(_clause_subject(tok)), None)


def has_unless_condition(trigger: Token) -> bool:
    """The trigger's act, or the clause announcing it, is conditioned by "unless": "will
    withdraw its force from Chad unless ...", "said it would boycott the vote unless ..."."""
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head
    tok = verb
    for _ in range(3):
        for clause in tok.children:
            if clause.dep_ == "advcl" and any(
                c.dep_ == "mark" and c.lower_ == "unless" for c in clause.children
            ):
                return True
        if tok.dep_ not in ("xcomp", "ccomp", "conj") or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


# acts whose announcement by their actor is the decision itself
DECIDED_TYPES = frozenset({"MOBILIZE", "SANCTION"})


def announced_type(type_: str, quad: str, mode: str | None, negated: bool, unless: bool = False, decided: bool = False) -> tuple[str, str | None] | None:  # fmt: skip
    """The PLOVER type of an actor's announcement of its own act of ``type_``: AGREE for a
    cooperative act, REJECT for one it says it will not do, THREATEN for a hostile one,
    and THREATEN for any act it will do "unless" others act (a coercive condition); a
    promise or threat announced stays itself, told as made. A deployment or sanction
    ``decided`` (said to be coming by its own actor, not vowed) is itself.
    None when the announcement is not coded differently from the act."""
    if quad in COOPERATIVE_QUADS and negated:
        return "REJECT", None  # "said it would not accept the proposal"
    if unless and not negated and type_ not in ("THREATEN", "REQUEST"):
        # "will withdraw its peacekeepers unless the ceasefire holds": a threat
        return "THREATEN", THREAT_MODE_BY_MODE.get(mode or "", THREAT_MODES.get(type_))
    if quad in COOPERATIVE_QUADS and type_ != "AGREE":
        return "AGREE", None
    if type_ in ("AGREE", "THREATEN") and not negated:
        # "said Iran would remain in the deal", "said it would review its cooperation":
        # the announcement is the promise or the threat, made now
        return type_, mode
    if type_ in DECIDED_TYPES and decided and not negated:
        # "said it would send more troops to the region", "announced it would prohibit
        # all aid to the rebels": a deployment or a sanction decided and announced is
        # that act, made now, not a threat
        return type_, mode
    if quad == "material_conflict" and not negated:
        if type_ == "PROTEST":
            return "THREATEN", None
        return "THREATEN", THREAT_MODE_BY_MODE.get(mode or "", THREAT_MODES.get(type_))
    return None


# -- context -----------------------------------------------------------------------


def _text(tokens: list[Token]) -> str:
    doc = tokens[0].doc
    lo, hi = min(t.i for t in tokens), max(t.i for t in tokens)
    while hi > lo and doc[hi].is_punct:
        hi -= 1
    return doc[lo : hi + 1].text


def _purpose(anchor: Token, content_verb: bool) -> list[Token] | None:
    """ "to encourage refugees to return": an infinitive clause without its own subject
    that says what the act is for (an xcomp only when the anchor is not a verb whose
    complement is its content, as in "agreed to withdraw")."""
    for child in anchor.children:
        if child.dep_ not in PURPOSE_DEPS or child.pos_ not in ("VERB", "AUX"):
            continue
        if child.dep_ == "xcomp" and content_verb:
            continue
        marks = [c for c in child.children if c.dep_ in ("aux", "mark")]
        if any(m.lower_ == "to" for m in marks) and not _clause_subject(child):
            return [t for t in child.subtree]
    return None


def _cause_phrase(
    anchor: Token, phrases: tuple[str, ...], skip: frozenset[int]
) -> list[Token] | None:
    for prep in anchor.children:
        if prep.dep_ != "prep" or any(c.i in skip for c in prep.children):
            continue
        words = list(prep.subtree)
        found = find_phrases(words, phrases)
        if not found or found[0][0] != 0:
            continue
        objects = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
        if not objects or all(o.ent_type_ in TIME_ENTITIES for o in objects):
            continue  # "after two days", "over the past month": time, not a cause
        return words
    return None


def _cause_clause(anchor: Token, cues: Cues) -> list[Token] | None:
    for clause in anchor.children:
        if clause.dep_ != "advcl":
            continue
        marks = [c for c in clause.children if c.dep_ == "mark"]
        if any(m.lower_ in cues.cause_markers for m in marks):
            return list(clause.subtree)
    return None


def context_of(
    trigger: Token,
    sentence: Span,
    cues: Cues,
    type_: str,
    content_verb: bool,
    arguments: frozenset[int],
) -> str | None:
    """The purpose or cause the sentence gives for the trigger's event, in its words.
    ``content_verb``: the trigger's complement is its content ("agreed to withdraw"), not
    a purpose; ``arguments``: token indices of the event's actors, never its context."""
    phrases = cues.cause_phrases
    if type_.upper() in {t.upper() for t in cues.reason_types}:
        phrases = (*phrases, *cues.reason_phrases)
    anchors = [trigger]
    if trigger.pos_ not in ("VERB", "AUX") and trigger.head.pos_ in ("VERB", "AUX"):
        anchors.append(trigger.head)  # "staged demonstrations to demand reforms"
    if content_verb:  # "agreed that they should cooperate to encourage ...": the content's
        anchors.extend(c for c in trigger.children if c.dep_ in ("xcomp", "ccomp"))
    for anchor in anchors:
        for found in (
            _purpose(anchor, content_verb and anchor is trigger),
            _cause_phrase(anchor, phrases, arguments),
            _cause_clause(anchor, cues),
        ):
            if (
                found
                and trigger not in found
                and all(sentence.start <= t.i < sentence.end for t in found)
            ):
                return _text(found)
    return None


MODAL_WORDS = frozenset(
    {"will", "would", "could", "can", "may", "might", "shall", "should", "must", "'ll", "wo"}
)


def says_that(verb: Token) -> bool:
    """A verb that takes a "that" clause, or closes the clause it says ("Police failed
    to act, a rights group protested"): it is used to say something."""
    return any(
        c.dep_ == "ccomp"
        and (_closes(verb, c) or any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children))
        for c in verb.children
    )


def _closes(verb: Token, clause: Token) -> bool:
    """ "Police failed to act, a rights group protested": the verb and its subject come
    after the clause it says, past a comma, with no object of their own."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if clause.i > verb.i or not subjects or any(c.dep_ == "dobj" for c in verb.children):
        return False
    first = subjects[0].left_edge.i
    return first > clause.i and first > 0 and verb.doc[first - 1].text == ","


def mere_notice(verb: Token, pattern: VerbPattern, cues: Cues, lemma: str) -> bool:
    """ "the Iraqis were warned", "someone warned them": a warning verb with a person
    told and no content (no clause, no "of"/"against"/"about") is advance notice."""
    if pattern.type != "THREATEN" or pattern.prep is not None:
        return False
    if lemma not in cues.notice_verbs:
        return False
    told = children(verb, "nsubjpass") if is_passive(verb) else children(verb, "dobj")
    content = children(verb, "ccomp", "xcomp", "advcl", "dative") or pobjs(
        verb, ("of", "against", "about", "over")
    )
    return bool(told) and not content


# what a warning may call an outcome without threatening anyone
JUDGED_OUTCOMES = frozenset(
    {"disaster", "catastrophe", "mistake", "tragedy", "error", "blunder", "catastrophic",
     "disastrous", "dangerous", "devastating", "unacceptable", "counterproductive"}
)  # fmt: skip


def warned_of_a_state(verb: Token, pattern: VerbPattern, cues: Cues, lemma: str) -> bool:
    """A warning verb whose only content is a clause telling how things are or were,
    with no modal and no condition ("warned that famine had taken hold", "warned that
    the army is massing troops"), or a danger ("warned of a cholera outbreak"): it tells
    of a danger, it threatens no one."""
    if pattern.type != "THREATEN" or lemma not in cues.notice_verbs:
        return False
    dangers = pobjs(verb, ("of", "about"))
    if dangers and not children(verb, "ccomp", "xcomp"):
        # "warned of a cholera outbreak", "warned of famine": a danger, nobody's act
        return all(n.lemma_.lower() in cues.danger_nouns for n in with_conjuncts(dangers))
    if children(verb, "xcomp", "dobj", "dative") or pobjs(verb, ("of", "against")):
        return False
    clauses = children(verb, "ccomp")
    if not clauses:
        return False
    for clause in clauses:
        if clause.lemma_ == "be" and any(
            c.dep_ in ("attr", "acomp") and c.lemma_.lower() in JUDGED_OUTCOMES
            for c in clause.children
        ):
            continue  # "warned that a new war would be a disaster": a judgement, no threat
        auxes = {c.lower_ for c in clause.children if c.dep_ in ("aux", "auxpass")}
        if auxes & MODAL_WORDS or clause.tag_ in ("VB", "MD"):
            return False
        if any(c.dep_ == "advcl" for c in clause.children):
            return False  # a condition: "that X will pay if ..."
    return True


def not_an_act(verb: Token, pattern: VerbPattern) -> bool:
    """Readings the parse rules out: a phone call needs someone called ("painkillers,
    called opioids" is naming; "called to say" a clause), helping to do something
    ("helped raise awareness") is not giving aid, and nor is a participle that describes
    someone with no giver named ("men armed with knives"); a participle of backing
    describes a standing relation, not an act."""
    named = any(c.pos_ == "PROPN" for c in children(verb, "dobj", "oprd"))
    if pattern.mode == "phone" and verb.dep_ == "relcl" and named:
        return True  # "a coalition they call Viv Ansanm": naming the noun, not a phone call
    if pattern.mode == "phone":
        spoken_to = children(verb, "dobj", "dative") or pobjs(verb, ("with", "to"))
        return not spoken_to or bool(children(verb, "ccomp", "xcomp", "acomp"))
    if pattern.type == "AID" and verb.dep_ == "acl" and verb.tag_ == "VBN":
        return not children(verb, "agent")  # "personnel armed with knives": a description
    if pattern.type == "AID":
        return bool(children(verb, "xcomp", "ccomp")) and not children(verb, "dobj", "dative")
    if pattern.type == "REQUEST" and verb.tag_ == "VBN" and verb.dep_ in ("advcl", "acl"):
        # "did not deny the reports when asked": a question put to the speaker
        return not children(verb, "nsubj", "nsubjpass", "agent") and any(
            c.lower_ in ("when", "if", "as", "after") for c in children(verb, "advmod", "mark")
        )
    if pattern.type == "SUPPORT" and verb.lemma_.lower() in BACKING_LEMMAS:
        # "the army, backed by clan militias": who stands behind whom, a relation
        # (``sitrep export relations``), not an act of support told on the page
        return verb.dep_ == "acl" and verb.tag_ == "VBN"
    return False


# verbs of standing behind someone, which describe as often as they tell
BACKING_LEMMAS = frozenset({"back", "support", "sponsor"})
# people who strike by stopping work: "doctors will strike", "workers staged a strike"
WORKING_SECTORS = frozenset({"OPP", "CVL", "LAB", "EDU", "HLH"})


def names_what(clause: Token) -> bool:
    """ "launched what it called a special military operation": a naming clause whose
    object is "what" (its named noun is the light verb's event)."""
    return clause.lemma_.lower() in NAMING_LEMMAS and any(
        c.lower_ == "what" and c.dep_ in ("dobj", "nsubj") for c in clause.children
    )


NAMING_LEMMAS = frozenset({"call", "describe", "term", "dub", "label", "brand", "style"})


def walkout(lemma: str, source: Sequence[ActorRef], target: Sequence[ActorRef]) -> bool:
    """A strike by people who work, with no one struck or only their workplace ("students
    staged a strike at Sharif University"): a labour strike, not an attack."""
    return (
        lemma == "strike"
        and bool(source)
        and all(workplace(a) for a in target)
        and all(a.code[3:6] in WORKING_SECTORS or a.code in WORKING_SECTORS for a in source)
    )


def workplace(actor: ActorRef) -> bool:
    """A school, hospital or business: where a strike is held, not whom it is against."""
    return code_sector(actor.code) in WORKPLACE_SECTORS


WORKPLACE_SECTORS = frozenset({"EDU", "HLH", "BUS"})


# offices a naming verb may put someone in: "named X (as) prime minister" appoints X
OFFICE_NOUNS = frozenset(
    {"president", "minister", "premier", "chancellor", "governor", "commander", "chief",
     "head", "leader", "chairman", "chair", "speaker", "ambassador", "envoy", "general",
     "secretary", "director", "mayor", "successor", "deputy", "winner", "ruler", "regent"}
)  # fmt: skip


# what a speaker threatens others with when foretelling it in the passive
FATE_VERBS = frozenset(
    {"punish", "crush", "destroy", "annihilate", "eliminate", "hunt", "target", "hit",
     "strike", "attack", "bomb", "wipe", "avenge", "retaliate", "smash", "defeat"}
)  # fmt: skip


def warned_fate(trig, quad: str) -> Token | None:
    """The speech verb that foretells a hostile act with no doer to its subject ("Khamenei
    said Israel will be punished", "warned that those responsible would be hunted down"):
    a future passive of a conflict act in a clause said by someone. None otherwise."""
    verb = trig.token
    if "conflict" not in quad or verb.pos_ not in ("VERB", "AUX") or not is_future(verb):
        return None
    if verb.lemma_.lower() not in FATE_VERBS:
        return None  # "the suspects would be arrested": a prediction, not a threat
    if not any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return None
    if any(c.dep_ == "agent" for c in verb.children) or verb.dep_ != "ccomp":
        return None
    said = verb.head
    return said if _clause_subject(said) and said.pos_ == "VERB" else None


# spans of time given to comply: "gave the junta one week to reinstate Bazoum"
DEADLINE_NOUNS = frozenset({"hour", "day", "week", "month", "deadline", "ultimatum"})
# what an ultimatum says follows a refusal: "... or face military action"
PENALTY_VERBS = frozenset({"face", "risk", "suffer", "bear"})


def deadline_given(verb: Token) -> tuple[str, str | None, list[Token]] | None:
    """ "gave the junta one week to reinstate Bazoum or face military action": a span of
    time given to someone to do something is a demand (REQUEST), and a threat (THREATEN)
    when the words name what follows a refusal ("or face", "or risk"); a span given to an
    envoy or to troops to leave is an expulsion (SANCTION expel: "gave the French
    ambassador 48 hours to leave"). Returns the type, the mode and the tokens of whom it
    is given to."""
    if verb.lemma_.lower() not in ("give", "set", "grant") or verb.pos_ != "VERB":
        return None
    times = [
        c
        for c in verb.children
        if c.dep_ in ("dobj", "npadvmod") and c.lemma_.lower() in DEADLINE_NOUNS
    ]
    if not times:
        return None
    given = [c for c in verb.children if c.dep_ in ("dative", "dobj") and c not in times]
    given += [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "to" for o in p.children]
    if not given:
        return None
    acts = [
        c
        for t in (*times, verb)
        for c in t.children
        if c.dep_ in ("relcl", "acl", "xcomp", "advcl")
    ]
    acts = [a for a in acts if any(x.dep_ == "aux" and x.lower_ == "to" for x in a.children)]
    if not acts:
        return None
    penalty = any(
        c.dep_ == "conj" and c.lemma_.lower() in PENALTY_VERBS for a in acts for c in a.children
    )
    leaving = any(a.lemma_.lower() in LEAVING_VERBS | {"depart"} for a in acts)
    if leaving and not penalty and any(g.lemma_.lower() in EXPELLED_NOUNS for g in given):
        return "SANCTION", "expel", given
    return ("THREATEN" if penalty else "REQUEST"), None, given


# verbs of leaving a place or a body ("quit the bloc", "withdrew from the African Union")
LEAVING_VERBS = frozenset({"leave", "quit", "exit", "withdraw"})
# those a state sends out of its country when it tells them to leave
EXPELLED_NOUNS = frozenset(
    {"ambassador", "envoy", "diplomat", "attache", "consul", "troop", "soldier", "force",
     "contingent", "mission", "peacekeeper", "staff", "correspondent", "journalist"}
)  # fmt: skip


# prepositions under whose terms a standing accord is named: "under its defence pact"
TERMS_PREPS = frozenset({"under", "within", "by"})
# verbs that say what a rule or accord takes in: "the treaty covers attacks on vessels"
SCOPE_VERBS = frozenset(
    {"cover", "include", "exclude", "govern", "define", "forbid", "prohibit", "outlaw"}
)


def standing_accord(noun: Token, accord_nouns: frozenset[str]) -> bool:
    """An accord the page names as one in force, not one made: owned by a pronoun ("its
    mutual defence treaty with the Philippines") or the terms something is done under
    ("under the 2015 deal")."""
    if noun.lemma_.lower() not in accord_nouns:
        return False
    owned = any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in noun.children)
    return owned or (noun.dep_ == "pobj" and noun.head.lower_ in TERMS_PREPS)


def within_scope(noun: Token) -> bool:
    """An act named as what a rule or accord takes in ("covers attacks on Philippine
    vessels"), no act that happened."""
    return noun.dep_ == "dobj" and noun.head.lemma_.lower() in SCOPE_VERBS


# auxiliaries of blame still to come: FUTURE_AUX less "'d", which may be "had" ("they'd
# held Iran responsible")
FUTURE_AUXILIARIES = FUTURE_AUX - {"'d"}


def future_blame(verb: Token) -> bool:
    """Blame told as to come ("Iran will be held responsible", "we would hold them
    responsible"): a threat of consequences, not an accusation made."""
    return any(c.dep_ == "aux" and c.lower_ in FUTURE_AUXILIARIES for c in verb.children)
