"""Word-level tests the actor passes share: counts, datelines, model names, articles."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from sitrep.models import Place, SegmentKind
from sitrep.nlp import ParsedSegment
from sitrep.nlp.phrase_repairs import SERVICE_NOUNS

# nouns for one who leads or speaks for a group: the group's word before them says whose
# ("a gang leader", "the rebel commander", "a militia spokesman"), over their own sector
GROUP_ROLES = frozenset(
    {"leader", "commander", "chief", "boss", "chieftain", "kingpin", "founder", "spokesman",
     "spokeswoman", "spokesperson", "representative", "emissary", "negotiator"}
)  # fmt: skip
# things an act may hit that stand for whoever owns them, named by a sector word before
# them ("shot down an army helicopter", "stormed government offices")
OWNED_EQUIPMENT = frozenset(
    {"helicopter", "convoy", "vehicle", "car", "truck", "jet", "plane", "aircraft", "patrol",
     "building", "office", "headquarters", "warship", "ship", "boat", "drone", "tank",
     "base", "post", "outpost", "camp", "checkpoint", "barracks", "station", "position",
     "studio", "newsroom"}
)  # fmt: skip
COUNT_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "both": 2}


def count_of(tok: Token) -> int:
    if tok.text.isdigit():
        return int(tok.text)
    return COUNT_WORDS.get(tok.lower_, 0)


def dateline_place(tok: Token) -> bool:
    """ "SANAA, Nov 19 (wire) -", "WASHINGTON/SANAA, January 12": a place in capitals
    at the start of a report says where it was filed, not who acted."""
    if not tok.text.isupper() or len(tok.text) < 3:
        return False
    first = tok.sent.start
    before = tok.doc[first : tok.i]
    after = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return (
        tok.i - first <= 4
        and all(t.text.isupper() or t.is_punct for t in before)
        and after is not None
        and after.text in (",", "/", "-", "(")
    )


def model_name(tok: Token) -> bool:
    """A capitalised word that, with any capitalised words after it, modifies a common
    noun: "Typhoon" in "Royal Air Force Typhoon jets", "Abrams" in "U.S. Abrams tanks"."""
    head = tok
    while head.dep_ == "compound" and head.head.i > head.i:
        head = head.head
        if head.pos_ == "NOUN" and head.text.islower():
            return True
    return False


def indefinite(head: Token) -> bool:
    """ "a shopkeeper in Muzaffarabad", "one resident": one unnamed person. The article
    may hang from a premodifier ("A rights monitoring group")."""
    edge = head.left_edge
    return any(
        c.dep_ in ("det", "nummod") and c.lower_ in ("a", "an", "one", "another")
        for c in (*head.children, edge)
    )


def owner_phrase(tok: Token) -> bool:
    """The object of an "of" or "from" after a noun ("fighters of JNIM"), or of "to"
    after a noun of personal service ("advisers to the president")."""
    if tok.dep_ != "pobj" or tok.head.head.i >= tok.i:
        return False
    if tok.head.lower_ == "to":
        return tok.head.head.lemma_.lower() in SERVICE_NOUNS
    return tok.head.lower_ in ("of", "from")


def punct_between(a: Token, b: Token) -> bool:
    lo, hi = sorted((a.i, b.i))
    return any(t.is_punct for t in a.doc[lo + 1 : hi])


def determined(tok: Token) -> bool:
    return any(c.dep_ in ("det", "poss") for c in tok.children)


# verbs of handing goods over: what they hand over is goods, not a force that acts
HANDING_VERBS = frozenset(
    {"send", "supply", "deliver", "sell", "provide", "ship", "give", "transfer", "donate",
     "export", "smuggle", "buy", "purchase", "acquire", "receive", "lend"}
)  # fmt: skip


def handed_over(head: Token) -> bool:
    """``head`` names goods handed over ("sent Haftar weapons and drones", "supplies the
    GNA with armoured vehicles"): the object of a verb of handing over, or its "with"
    phrase, or a conjunct of either."""
    noun = head
    while noun.dep_ == "conj" and noun.head.i != noun.i:
        noun = noun.head
    if noun.dep_ in ("dobj", "nsubjpass"):
        return noun.head.lemma_.lower() in HANDING_VERBS
    if noun.dep_ == "pobj" and noun.head.lower_ == "with":
        return noun.head.head.lemma_.lower() in HANDING_VERBS
    return False


# verbs and nouns of taking to the streets: "people who protested", "who joined the rallies"
PROTESTING_VERBS = frozenset({"protest", "demonstrate", "rally", "march", "riot"})
PROTEST_NOUNS = frozenset(
    {"protest", "rally", "demonstration", "march", "sit-in", "strike", "vigil", "riot"}
)
JOINING_VERBS = frozenset(
    {"join", "attend", "stage", "hold", "take", "lead", "organise", "organize"}
)


def joined_protests(head: Token) -> bool:
    """People a relative clause says took to the streets ("hundreds of people who joined
    anti-war protests"): protesters, whatever noun names them."""
    holders = [head]
    if head.dep_ == "pobj" and head.head.lower_ == "of":
        holders.append(head.head.head)  # "hundreds of people who joined": on the count
    for clause in (c for h in holders for c in h.children if c.dep_ in ("relcl", "acl")):
        lemma = clause.lemma_.lower()
        if lemma in PROTESTING_VERBS:
            return True
        if lemma not in JOINING_VERBS:
            continue
        objects = [c for c in clause.children if c.dep_ == "dobj"]
        objects += [o for p in clause.children if p.dep_ == "prep" for o in p.children]
        objects += [o for d in objects for p in d.children if p.dep_ == "prep" for o in p.children]
        if any(o.lemma_.lower() in PROTEST_NOUNS for o in objects):
            return True  # "who took part in the rallies": "part" + "in the rallies"
    return False


def joined_forces(head: Token) -> bool:
    """ "the gangs joined forces", "agreed to join forces": the idiom for acting
    together, with no armed forces in it (bare "forces", the object of "join")."""
    return (
        head.lower_ == "forces"
        and head.dep_ == "dobj"
        and head.head.lemma_.lower() == "join"
        and not any(c.dep_ in ("det", "amod", "compound", "poss", "nummod") for c in head.children)
    )


# words for protests: a page whose body repeats them tells of protests
PROTEST_WORDS = frozenset(
    {"protest", "protester", "protestor", "demonstration", "demonstrator", "uprising",
     "sit-in", "rally", "unrest", "riot", "curfew"}
)  # fmt: skip
MIN_PROTEST_WORDS = 3  # a curfew and two protests, say


def protest_page(segments: Sequence[ParsedSegment]) -> bool:
    """True when a page's body tells of protests: its words for them recur."""
    seen = 0
    for ps in segments:
        if ps.kind == SegmentKind.COMMENT:
            continue
        seen += sum(1 for t in ps.doc if t.lemma_.lower() in PROTEST_WORDS)
        if seen >= MIN_PROTEST_WORDS:
            return True
    return False


# ships and the trade that runs them: their flag is never implied by where they sail
SEAGOING_NOUNS = frozenset({"vessel", "ship", "tanker", "carrier", "freighter", "line"})


def seagoing(head: Token) -> bool:
    """ "merchant vessels", "shipping companies", "oil tankers"."""
    return head.lemma_.lower() in SEAGOING_NOUNS or any(
        c.lower_ == "shipping" for c in head.children if c.dep_ in ("compound", "amod")
    )


# words that set a noun above any one state: "regional leaders", "world powers"
MANY_STATES_WORDS = frozenset({"regional", "international", "world", "global"})


def of_many_states(head: Token) -> bool:
    """ "regional leaders", "world powers", "international mediators"; not "the regional
    government" (of a region within one state)."""
    words = {c.lower_ for c in head.children if c.dep_ in ("amod", "compound")}
    if "regional" in words and head.tag_ not in ("NNS", "NNPS"):
        return False
    return bool(words & MANY_STATES_WORDS)


def based_in(tok: Token) -> bool:
    """The place part of "Norway-based", "London-based" (one token or split at the hyphen)."""
    doc = tok.doc
    if tok.lower_.endswith("-based"):
        return True
    return tok.i + 2 < len(doc) and doc[tok.i + 1].text == "-" and doc[tok.i + 2].lower_ == "based"


def not_bases(places: Sequence[Place], segments: Sequence[ParsedSegment]) -> list[Place]:
    """``places`` less those named only as where a body is based ("Oslo-based")."""
    out = []
    for place in places:
        ps = next((ps for ps in segments if 0 <= place.start - ps.offset < len(ps.doc.text)), None)
        span = (
            ps.doc.char_span(
                place.start - ps.offset, place.end - ps.offset, alignment_mode="expand"
            )
            if ps is not None
            else None
        )
        if span is None or not based_in(span[-1]):
            out.append(place)
    return out
