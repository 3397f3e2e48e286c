"""Which date expression of a sentence belongs to an event: the one in the trigger's clause.

A sentence often carries several dates for several events ("broke in on Tuesday, in protest
at strikes that killed 25 fighters two days ago"). A date belongs to the clause it hangs
from in the dependency parse. An event takes a date from its own clause first, else from
the clause that governs it ("said on Tuesday they had taken the city"), but never from a
clause below it ("signed the treaty with leaders installed after gunmen seized parliament
in February") nor across a relative clause told in the past perfect ("sanctioned the men
who had stormed the parliament": an earlier act), and a future or modal clause does not
borrow a past clause's date. A plain relative clause does share the time of the clause it
hangs from ("sanctioned on Thursday officials it accused of rigging the vote").

``N days after <clause>`` shifts a date inherited by that clause ("pushed in on Thursday, a
day after Erdogan announced the offensive": the announcement is Wednesday).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from sitrep.when.patterns import NUMBER_WORDS

CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "advcl", "relcl", "acl", "xcomp", "pcomp", "conj"})
# relative clauses describe a noun: they lend no date to the clause above them, and borrow
# its date unless their tense sets them earlier ("who had stormed ...")
BACKGROUND_DEPS = frozenset({"relcl"})
# auxiliaries of the past perfect: the act came before the time the sentence is set in
PLUPERFECT_AUX = frozenset({"had", "'d"})
# a date that modifies a noun dates that noun ("the 2015 agreement", "its October 7 attack")
NOUN_MODIFIER_DEPS = frozenset({"compound", "nmod", "amod", "poss", "nummod", "det"})
# ... unless the noun is itself a point in time for the clause ("since the October 7 attack")
TEMPORAL_PREPS = frozenset({"since", "after", "before", "until", "following", "by", "on"})
# a noun event reached through these words is another, earlier event ("in response to
# months of attacks", "in protest at strikes"): the clause's date is not its date
ELSEWHERE_WORDS = frozenset(
    {"after", "following", "since", "before", "response", "retaliation", "protest",
     "revenge", "reprisal", "wake", "amid"}
)  # fmt: skip
# an open complement shares its governor's time ("began targeting ships in November")
SAME_TIME_DEPS = frozenset({"xcomp"})
# ... unless the governor asks for, plans or promises it: the act comes later, at a time
# of its own ("called on supporters to march on Saturday", "vowed to retaliate next week");
# an order, a decision or an agreement is told with its complement's time ("ordered French
# troops to leave in early 2023", "agreed to resign on Monday night")
LATER_ACT_LEMMAS = frozenset(
    {"call", "urge", "ask", "plan", "threaten", "vow", "promise", "pledge", "want", "seek",
     "hope", "intend", "invite", "encourage", "demand", "request", "offer", "prepare", "aim",
     "expect", "warn", "appeal", "press", "schedule", "propose"}
)  # fmt: skip
WHEN_MARKERS = frozenset({"when", "as"})
# verbs of saying and judging: a conjunct told with one is a statement of its own, not
# the next step of the act it is joined to
SPEECH_LEMMAS = frozenset(
    {"say", "tell", "add", "claim", "blame", "accuse", "deny", "condemn", "call", "urge",
     "warn", "report", "state", "insist", "allege", "praise", "criticise", "criticize",
     "describe", "announce", "confirm", "reject", "welcome", "demand", "argue"}
)  # fmt: skip
# acts that, as a verb's subject, do what the verb tells at their own time: "Sunday's
# strike killed 30 people"
ACT_NOUNS = frozenset(
    {"strike", "airstrike", "attack", "raid", "bombing", "blast", "explosion", "shelling",
     "ambush", "assault", "offensive", "bombardment", "clash", "clashes", "fighting"}
)  # fmt: skip
MODALS = frozenset({"will", "would", "shall", "should", "could", "may", "might", "must", "'ll"})
OFFSET_UNITS = {"hour": 0, "day": 1, "week": 7, "month": 30, "year": 365}
MAX_DEPTH = 60


@dataclass(frozen=True)
class Attachment:
    """How a date expression relates to a trigger: ``rank`` 0 (hangs from the trigger
    itself), 1 (the trigger's clause), 2+ (a governing clause, one more per level); and
    ``shift_days``, the shift an ``N days after/before`` clause puts on an inherited date."""

    rank: int
    shift_days: int = 0


def is_clause_head(token: Token) -> bool:
    """A verb, or a word that heads a clause ("planning" mis-tagged as a noun)."""
    if token.pos_ in ("VERB", "AUX"):
        return True
    if token.dep_ in CLAUSE_DEPS and token.dep_ != "conj":
        return any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in token.children)
    return False


def clause_head(token: Token) -> Token:
    """The head of the clause ``token`` stands in (``token`` itself for a verb)."""
    current = token
    for _ in range(MAX_DEPTH):
        if is_clause_head(current) or current.head.i == current.i:
            return current
        current = current.head
    return current


def clause_unit(head: Token) -> Token:
    """A clause head lifted through open complements to the clause whose time it shares."""
    current = head
    for _ in range(MAX_DEPTH):
        if current.dep_ not in SAME_TIME_DEPS or current.head.i == current.i:
            return current
        if current.head.lemma_.lower() in LATER_ACT_LEMMAS:
            return current
        current = clause_head(current.head)
    return current


def is_modal(head: Token) -> bool:
    """Whether the clause is future or modal ("will attack", "could be sanctioned")."""
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in MODALS for c in head.children) or (
        head.tag_ == "MD" and head.lower_ in MODALS
    )


def clause_shift(head: Token) -> int | None:
    """Days from the governing clause's date to this clause's, for "a day after X" (-1)
    and "two days before X" (+2); None when the clause carries no such offset. The marker
    is the clause's own "after" ("three days after she resigned") or the preposition whose
    gerund the clause is ("a day after ordering the release")."""
    marker = next(
        (
            c
            for c in head.children
            if c.dep_ in ("mark", "prep") and c.lower_ in ("after", "before")
        ),
        None,
    )
    if marker is None and head.dep_ == "pcomp" and head.head.lower_ in ("after", "before"):
        marker = head.head
    if marker is None:
        return None
    # "a day" hangs from the clause or from its marker; a preposition the clause merely
    # governs ("meeting a demand, a day after ordering X") shifts its gerund, not the clause
    governed = marker.head.i == head.i and marker.dep_ == "prep"
    offsets = [*head.children, *(() if governed else marker.children)]
    for child in offsets:
        if child.dep_ != "npadvmod" or child.lemma_.lower() not in OFFSET_UNITS:
            continue
        count = 1
        for mod in child.children:
            if mod.dep_ == "nummod":
                word = mod.lower_
                count = int(word) if word.isdigit() else NUMBER_WORDS.get(word, 1)
        days = count * OFFSET_UNITS[child.lemma_.lower()]
        return -days if marker.lower_ == "after" else days
    return None


# prepositions whose date ends a span the act holds for, and dates no act
END_BOUND_PREPS = frozenset({"until", "till", "through", "to"})


def attachment(date: Span, trigger: Token) -> Attachment | None:
    """How the date expression ``date`` (its tokens) relates to ``trigger``'s event, or
    None when it belongs to another event's clause."""
    date_root = date.root
    bound = date_root.head if date_root.dep_ == "pobj" else date[0]
    if bound.lower_ in END_BOUND_PREPS and bound.i <= date.start:
        return None  # "proposed staying in power until 2026": when a span ends, not an act
    if bound.lower_ == "by" and _deadline_clause(clause_head(bound)):
        return None  # "agreed to withdraw by Friday": a deadline, not when anything happened
    own = clause_unit(clause_head(trigger))
    if own.dep_ in BACKGROUND_DEPS and _dates_noun_of(date, own.head):
        # "in 2004, when his militia was fighting"; "Sunday's vote, which many boycotted"
        return Attachment(2)
    if modifies_other_noun(date_root, trigger):
        return None
    current = date_root
    for _ in range(MAX_DEPTH):
        if current.i == trigger.i:
            return Attachment(0)
        if is_clause_head(current) or current.head.i == current.i:
            break
        current = current.head
    if trigger.i != own.i and not is_clause_head(trigger) and _reached_elsewhere(trigger, own):
        return None
    date_unit = clause_unit(clause_head(date_root))
    if date_unit.i == own.i:
        return Attachment(1)
    if (
        date_unit.dep_ == "conj"
        and clause_unit(clause_head(date_unit.head)).i == own.i
        and not _has_subject(date_unit)
    ):
        return Attachment(2)  # "were stabbed and hacked to death on November 9"
    if _is_when_clause(date_unit) and _lends_to(clause_unit(clause_head(date_unit.head)), own):
        # "were killed when gunmen stormed the hotel on Friday": the same moment
        return Attachment(2)
    if _is_since_clause(date_unit) and clause_unit(clause_head(date_unit.head)).i == own.i:
        # "have fired missiles since the war began last month": the state's start
        return Attachment(2)
    if is_modal(own):
        return None
    shift = clause_shift(own)
    if shift is not None and date.end <= own.i and _governs(own, date_unit):
        # "Troops crossed on Thursday, a day after X announced", parsed with "announced"
        # as the main verb: the dated clause before the marker is still the governor
        return Attachment(2, shift)
    unit, shift = own, 0
    for level in range(MAX_DEPTH):
        if unit.head.i == unit.i or (unit.dep_ in BACKGROUND_DEPS and is_pluperfect(unit)):
            return None
        if unit.dep_ == "conj" and _has_subject(unit) and not _next_act(unit, date_unit):
            return None  # "..., and witnesses blamed the militia": its own statement
        offset = clause_shift(unit)
        if offset is not None:
            shift += offset
        unit = clause_unit(clause_head(unit.head))
        if unit.i == date_unit.i:
            return Attachment(2 + level, shift)
    return None


def _deadline_clause(head: Token) -> bool:
    """An infinitive or a future clause: "by" a date there sets a deadline."""
    return is_modal(head) or any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children)


def _is_when_clause(head: Token) -> bool:
    """An adverbial clause introduced by "when" or "as", which sets the time of the clause
    it hangs from ("killed when militants stormed the hotel on Friday")."""
    return head.dep_ == "advcl" and any(
        c.dep_ in ("advmod", "mark") and c.lower_ in WHEN_MARKERS and c.i < head.i
        for c in head.children
    )


def _next_act(conj: Token, date_unit: Token) -> bool:
    """Whether a conjunct with its own subject goes on with the dated act it is joined to,
    on the same occasion: both told in the simple past, the dated one directly, and the
    conjunct an act rather than words about it ("He landed in Madrid on Sunday, and the
    government granted him asylum"; not "..., and witnesses blamed the militia")."""
    governor = clause_unit(clause_head(conj.head))
    if governor.i != date_unit.i or conj.lemma_.lower() in SPEECH_LEMMAS:
        return False
    return _simple_past(conj) and _simple_past(governor)


def _simple_past(head: Token) -> bool:
    """A clause in the simple past, active ("landed") or passive ("were killed")."""
    if head.tag_ == "VBD" and not any(c.dep_ in ("aux", "auxpass") for c in head.children):
        return True
    return (
        head.tag_ == "VBN"
        and any(c.dep_ == "auxpass" and c.tag_ == "VBD" for c in head.children)
        and not any(c.dep_ == "aux" for c in head.children)
    )


def _is_since_clause(head: Token) -> bool:
    """An adverbial clause introduced by "since" that dates the start of an ongoing
    state told in the perfect ("have fired drones since the war began in October")."""
    if head.dep_ != "advcl" or not any(
        c.dep_ == "mark" and c.lower_ == "since" and c.i < head.i for c in head.children
    ):
        return False
    governor = clause_unit(clause_head(head.head))
    return any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in governor.children) or any(
        c.dep_ == "aux" and c.lemma_.lower() == "be" for c in governor.children
    )


def _lends_to(governor: Token, own: Token) -> bool:
    """Whether ``governor`` is ``own`` or a subjectless verb joined to it ("were killed and
    wounded when ...")."""
    current = governor
    for _ in range(MAX_DEPTH):
        if current.i == own.i:
            return True
        if current.dep_ != "conj" or current.head.i == current.i:
            return False
        current = clause_unit(clause_head(current.head))
    return False


def is_pluperfect(head: Token) -> bool:
    """Whether the clause is told in the past perfect ("had stormed", "had been seized")."""
    return any(c.dep_ == "aux" and c.lower_ in PLUPERFECT_AUX for c in head.children)


def _has_subject(head: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children)


def _governs(head: Token, token: Token) -> bool:
    """Whether ``token`` lies in ``head``'s subtree."""
    current = token
    for _ in range(MAX_DEPTH):
        if current.i == head.i:
            return True
        if current.head.i == current.i:
            return False
        current = current.head
    return False


def _dates_noun_of(date: Span, noun: Token) -> bool:
    """Whether the date is ``noun`` itself or modifies it."""
    return date.start <= noun.i < date.end or (
        date.root.head.i == noun.i and date.root.dep_ in NOUN_MODIFIER_DEPS
    )


def modifies_other_noun(date_root: Token, trigger: Token) -> bool:
    """A date that modifies a noun other than the trigger, where that noun is no point in
    time for its clause ("withdrawing from the 2015 agreement")."""
    if date_root.dep_ == "npadvmod" and date_root.head.tag_ == "NNS":
        # "the deadliest attacks in the capital this year": it bounds a set of events
        return date_root.head.i != trigger.i
    if date_root.dep_ not in NOUN_MODIFIER_DEPS or date_root.head.pos_ not in ("NOUN", "PROPN"):
        return False
    noun = date_root.head
    if _leads_a_name(date_root, noun):
        return False
    if noun.i == trigger.i:
        return False
    if noun.dep_ == "nsubj" and noun.head.i == trigger.i and noun.lemma_.lower() in ACT_NOUNS:
        return False  # "Sunday's strike on the market killed 30 people": the strike's day
    return not (noun.dep_ == "pobj" and noun.head.lower_ in TEMPORAL_PREPS)


def _leads_a_name(date_root: Token, noun: Token) -> bool:
    """A time phrase that opens its sentence and that the parser hung on the name after it
    ("Last night Ahmed Khan took the oath"): names take no date modifier, so it is the
    clause's time."""
    if date_root.dep_ != "compound" or noun.pos_ != "PROPN":
        return False
    first = min(t.i for t in date_root.subtree)
    return first == date_root.sent.start and not any(
        t.dep_ in ("det", "poss") for t in noun.children if t.i < date_root.i
    )


def _reached_elsewhere(noun: Token, clause: Token) -> bool:
    """Whether the noun trigger hangs from its clause through "in response to",
    "after" and the like, which name another, earlier event."""
    current = noun.head
    for _ in range(MAX_DEPTH):
        if current.i == clause.i or current.head.i == current.i:
            return False
        if current.lemma_.lower() in ELSEWHERE_WORDS:
            return True
        current = current.head
    return False
