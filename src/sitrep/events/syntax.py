"""Small readings of the dependency parse that the coder's modules share."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from sitrep.events.pattern_records import PERSON_OBJECT, PLACE_OBJECT
from sitrep.models import Place
from sitrep.nlp import ParsedSegment

if TYPE_CHECKING:
    from sitrep.events.patterns import VerbPattern


def children(tok: Token, *deps: str) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def with_conjuncts(tokens: Sequence[Token]) -> list[Token]:
    out: list[Token] = []
    for tok in tokens:
        out.append(tok)
        out.extend(t for t in tok.conjuncts if t.i > tok.i)
    return out


def pobjs(head: Token, preps: Sequence[str]) -> list[Token]:
    out = []
    for prep in head.children:
        if prep.dep_ in ("prep", "agent", "dative") and prep.lower_ in preps:
            out.extend(children(prep, "pobj", "pcomp") or stranded_object(prep))
    return out


def preps_under(head: Token, words: Sequence[str]) -> list[Token]:
    """Prepositions the parser hung under one of ``head``'s prepositions named by
    ``words``: "pull out of the deal" read as "out" > "of" (the "of" is the verb's)."""
    return [
        inner
        for prep in head.children
        if prep.dep_ == "prep" and prep.lower_ in words
        for inner in prep.children
        if inner.dep_ == "prep"
    ]


def stranded_object(prep: Token) -> list[Token]:
    """The object of a preposition the parser left empty because it made the noun the
    subject of a reduced clause that follows ("granted asylum to five officers holed up
    in the embassy": "officers" hangs from "holed"). The noun phrase must start right
    after the preposition and its clause must follow it."""
    if any(True for _ in prep.children) or prep.i + 1 >= len(prep.doc):
        return []
    start = prep.i + 1
    for tok in prep.doc[start : start + 8]:
        if (
            tok.dep_ in ("nsubj", "nsubjpass")
            and tok.pos_ in ("NOUN", "PROPN", "PRON")
            and tok.left_edge.i == start
            and tok.head.i > tok.i
            and tok.head.pos_ in ("VERB", "AUX")
        ):
            return [tok]
    return []


def complements(verb: Token) -> list[Token]:
    """The verbs of the clauses a verb takes as its content ("threatened to attack ...",
    "offered to hand over ...", "is willing to withdraw ..."), down the chain."""
    out: list[Token] = []
    frontier = [verb]
    for _ in range(3):
        frontier = [
            c
            for tok in frontier
            for c in tok.children
            if c.dep_ in ("xcomp", "ccomp", "acomp") or (c.dep_ == "conj" and tok is not verb)
        ]
        out.extend(frontier)
    return out


DISTRIBUTIVE_WORDS = frozenset({"both", "each", "separately", "individually", "respectively"})


def adjective_complements(verb: Token) -> list[Token]:
    """Adjective or participle complements: "hold X accountable" (parsed as a small clause
    or an object predicate), "would not go unanswered"."""
    return [
        c
        for c in verb.children
        if c.dep_ in ("acomp", "oprd", "ccomp", "xcomp") and c.tag_ in ("JJ", "VBN")
    ]


def distributive(trigger: Token, sources: Sequence[Token]) -> bool:
    """The sides act each on its own: "A and B both held meetings", "each signed"."""
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head
    words = [*verb.children, *(c for s in sources for c in s.children)]
    return any(
        w.lower_ in DISTRIBUTIVE_WORDS and w.dep_ in ("appos", "advmod", "dep", "nsubj", "npadvmod")
        for w in words
    )


def to_infinitive(verb: Token) -> bool:
    """The verb is a "to" infinitive ("to withdraw"): it has "to" as an auxiliary."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def infinitive(verb: Token) -> Token | None:
    """The verb of a to-infinitive complement: "declined to send troops" -> send."""
    return next(
        (
            child
            for child in verb.children
            if child.dep_ == "xcomp"
            and child.pos_ in ("VERB", "AUX")
            and child.i > verb.i
            and to_infinitive(child)
        ),
        None,
    )


# participles that after "be" tell a state of their subject, not an act done to it:
# "Israel is opposed to the plan", "Hanoi is committed to reform", "were engaged in
# fighting"; they read as passive only with an agent ("was opposed by the army")
STATIVE_PARTICIPLES = {
    "oppose": ("to",), "commit": ("to",), "dedicate": ("to",), "devote": ("to",),
    "engage": ("in",), "involve": ("in",), "prepare": ("to", "for"), "determine": ("to",),
}  # fmt: skip


def is_passive(verb: Token) -> bool:
    """A passive verb, or a participle modifying a noun ("civilians killed in the raid").
    A participle with a direct object is no passive: the parser has misread an active
    verb after its subject ("Israeli airstrikes killed 30 people" as "airstrikes [that
    were] killed"); nor is a participle of state ("is opposed to the plan")."""
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return not is_stative(verb)
    # "politicians accused of financing the gangs": a participle right after its noun,
    # even if tagged past
    participle = verb.tag_ == "VBN" or verb.tag_ == "VBD" and verb.head.i == verb.i - 1
    return participle and verb.dep_ == "acl" and not children(verb, "dobj")


def is_stative(verb: Token) -> bool:
    """ "Israel is opposed to French mediation": a participle of state after "be", with
    its preposition (or an infinitive) and no agent."""
    preps = STATIVE_PARTICIPLES.get(verb.lemma_.lower())
    if preps is None or verb.tag_ != "VBN" or children(verb, "agent"):
        return False
    return any((c.dep_ == "prep" and c.lower_ in preps) or c.dep_ == "xcomp" for c in verb.children)


def is_time(prep: Token) -> bool:
    """ "on Tuesday", "in June": a preposition that only dates the event."""
    objects = children(prep, "pobj")
    return bool(objects) and all(o.ent_type_ in ("DATE", "TIME") for o in objects)


PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})
# nouns that count what their "of" names: "swarms of drones", "a barrage of rockets"
MEASURE_NOUNS = frozenset(
    {"swarm", "wave", "barrage", "salvo", "volley", "hail", "series", "string", "number",
     "dozen", "hundred", "thousand", "score", "couple", "pair", "batch", "convoy", "column",
     "contingent", "unit", "battalion", "company", "group", "team", "squad", "flotilla",
     "fleet", "shipment", "consignment", "ton", "tonne", "truckload", "package", "kg",
     "kilogram", "kilo", "litre", "liter", "gallon", "barrel", "crate", "box", "load",
     "quantity", "amount", "supply", "most", "much", "part", "parts", "half", "all", "rest",
     "bulk", "majority", "swathe", "swath", "chunk", "large", "some"}
)  # fmt: skip
# nouns that only frame the act their modifier names: "mediation efforts", "aid programmes"
FRAME_NOUNS = frozenset({"effort", "bid", "attempt", "programme", "program", "initiative"})


def object_lemmas(nouns: Sequence[Token], places: frozenset[int] = frozenset()) -> tuple[str, ...]:
    """Head lemmas of object nouns and, with their premodifiers, multiword lemmas."""
    out: list[str] = []
    for noun in with_conjuncts(nouns):
        out.append(noun.lemma_.lower())
        if noun.pos_ == "PROPN" and (noun.ent_type_ in PLACE_ENTITIES or noun.i in places):
            out.append(PLACE_OBJECT)  # "rebels took Goma": a named place
        if noun.pos_ == "PROPN" and noun.ent_type_ in ("PERSON", "") and noun.i not in places:
            out.append(PERSON_OBJECT)  # "the guard held Bazoum": a named person
        for of_obj in pobjs(noun, ("of",)):  # "a state of emergency"
            out.append(f"{noun.lemma_.lower()} of {of_obj.lemma_.lower()}")
        if noun.pos_ == "NUM":  # "gave $5 million in aid": the amount is of aid
            out.extend(object_lemmas(pobjs(noun, ("in",))))
        out.extend(  # "a paper U.S. flag", parsed as paper + appos flag
            appos.lemma_.lower()
            for appos in noun.children
            if appos.dep_ == "appos"
            and appos.i > noun.i
            and not any(t.is_punct for t in noun.doc[noun.i + 1 : appos.i])
        )
        if noun.lemma_.lower() in MEASURE_NOUNS:  # "sent swarms of drones"
            out.extend(object_lemmas(pobjs(noun, ("of",))))
        mods = [c.lower_ for c in noun.children if c.dep_ in ("compound", "amod") and c.i < noun.i]
        if mods:
            out.append(" ".join([*mods, noun.lemma_.lower()]))
        if len(mods) > 1:  # "Danish web sites": the compound next to the head as well
            out.append(f"{mods[-1]} {noun.lemma_.lower()}")
        for mod in (c for c in noun.children if c.dep_ == "nmod" and c.i < noun.i):
            # "tear gas and stun grenades", read as "(tear gas and stun) grenades": each
            # coordinated object whole
            inner = [
                m.lower_ for m in mod.children if m.dep_ in ("compound", "amod") and m.i < mod.i
            ]
            out.append(" ".join([*inner, mod.lemma_.lower()]))
            out.extend(f"{c.lower_} {noun.lemma_.lower()}" for c in mod.conjuncts)
        if noun.lemma_.lower() in FRAME_NOUNS:  # "ended mediation efforts": mediation
            out.extend(c.lemma_.lower() for c in noun.children if c.dep_ == "compound")
    return tuple(out)


def place_tokens(ps: ParsedSegment, places: Sequence[Place]) -> frozenset[int]:
    """Indices of the segment's tokens that lie inside a place the geoparser found."""
    out: set[int] = set()
    for place in places:
        if not ps.offset <= place.start < place.end <= ps.offset + len(ps.doc.text):
            continue
        span = ps.doc.char_span(place.start - ps.offset, place.end - ps.offset, "expand")
        if span is not None:
            out.update(t.i for t in span)
    return frozenset(out)


EVENT_LOCATIVE_PREPS = (
    "in",
    "at",
    "near",
    "outside",
    "inside",
    "across",
    "throughout",
    "around",
    "on",
)


def event_location(
    ps: ParsedSegment, sentence: Span, trigger: Token, places: Sequence[Place]
) -> Place | None:
    """The place the event happened: a place under the trigger's locative preposition,
    else one modifying the trigger ("their Basra offensive"), else the sentence's only place."""
    lo, hi = ps.offset + sentence.start_char, ps.offset + sentence.end_char
    in_sentence = [p for p in places if lo <= p.start and p.end <= hi]
    if not in_sentence:
        return None
    anchors = [trigger, *(trigger.head for _ in [0] if trigger.dep_ in ("dobj", "pobj"))]
    for anchor in anchors:
        for prep in anchor.children:
            if prep.dep_ == "prep" and prep.lower_ in EVENT_LOCATIVE_PREPS:
                for sub in prep.subtree:
                    for place in in_sentence:
                        if place.start <= ps.offset + sub.idx < place.end:
                            return place
        for child in anchor.children:
            if child.dep_ in ("compound", "nmod", "poss"):
                for place in in_sentence:
                    if place.start <= ps.offset + child.idx < place.end:
                        return place
    # "killing 13 U.S. troops": a place word naming whose troops says nothing of where
    standalone = [p for p in in_sentence if not _names_whose(sentence, p.start - ps.offset)]
    return standalone[0] if len(standalone) == 1 else None


def _names_whose(sentence: Span, char: int) -> bool:
    """The place at ``char`` modifies a plural noun ("U.S. troops", "Iranian-backed
    militias"): it says whose they are, not where anything happened."""
    word = next((t for t in sentence if t.idx <= char < t.idx + len(t.text)), None)
    if word is None:
        return False
    while word.dep_ == "compound" and word.head.dep_ == "compound":
        word = word.head
    return word.dep_ in ("compound", "amod", "nmod") and word.head.tag_ in ("NNS", "NNPS")


ADVERB_PARTICLES = frozenset({"down", "off", "out", "up", "back", "away", "over"})


def verb_particle(verb: Token, out_of: bool = True) -> str | None:
    """The verb's particle: a particle child, an adverb the small parser took for one
    right after the verb ("shot down", "hit back"), or, with ``out_of``, "out"/"off"
    read as a preposition before "of" ("ordered the troops out of the country")."""
    for c in verb.children:
        if c.dep_ == "prt":
            return c.lower_
    for c in verb.children:
        if c.dep_ == "advmod" and c.i == verb.i + 1 and c.lower_ in ADVERB_PARTICLES:
            return c.lower_
    if not out_of:
        return None
    for c in verb.children:
        if (
            c.dep_ == "prep"
            and c.lower_ in ("out", "off")
            and any(g.dep_ == "prep" and g.lower_ == "of" for g in c.children)
        ):
            return c.lower_
    return None


# documents whose participle clause is their author's act: "a resolution demanding ..."
DOCUMENT_NOUNS = frozenset(
    {"resolution", "statement", "declaration", "communique", "letter", "decree", "law",
     "bill", "motion", "order", "report", "petition", "appeal", "note", "memo", "ruling"}
)  # fmt: skip
# nouns that say where something lies: "the town on the Chinese border" names no actor
WHERE_NOUNS = frozenset(
    {"border", "frontier", "coast", "edge", "outskirts", "bank", "shore", "side", "fringe",
     "periphery", "doorstep", "boundary"}
)  # fmt: skip
BORDER_NOUNS = frozenset({"crossing", "border", "frontier", "boundary", "checkpoint"})


def border_neighbour(tok: Token) -> bool:
    """The object of "with" after a noun of a border or a way across one ("the crossing
    with Egypt", "the border with Lebanon"): the neighbour across it, not its holder."""
    prep = tok.head
    return tok.dep_ == "pobj" and prep.lower_ == "with" and prep.head.lemma_.lower() in BORDER_NOUNS


def crossing_with(noun: Token) -> bool:
    """A border or crossing named by the neighbour across it ("the crossing with Egypt")."""
    return noun.lemma_.lower() in BORDER_NOUNS and any(
        border_neighbour(g) for c in noun.children if c.lower_ == "with" for g in c.children
    )


# nouns whose "on" or "about" phrase says what they concern, not who they are
ABOUT_NOUNS = DOCUMENT_NOUNS | {"policy", "reform", "tax", "plan", "measure", "debate", "vote", "referendum", "inquiry", "investigation"}  # fmt: skip
ABOUT_PREPS = frozenset({"on", "about", "concerning", "regarding", "over"})


def says_what_about(noun: Token, child: Token) -> bool:
    """``child`` of ``noun`` says what a law, policy or inquiry is about ("a law on
    foreign agents"): the actors in it are its subject matter, not the noun's own."""
    return (
        child.dep_ == "prep" and child.lower_ in ABOUT_PREPS and noun.lemma_.lower() in ABOUT_NOUNS
    )


def object_predicates(verb: Token) -> list[Token]:
    """ "declared Maduro the winner": a noun right after the object (no comma between),
    which the parser reads as the object's apposition, is what the object is named."""
    named = [
        a
        for o in children(verb, "dobj")
        for a in children(o, "appos")
        if (
            a.left_edge.i == o.right_edge.i + 1
            or a.left_edge.i == o.i + 1
            # 'called the attacks "a war crime"': the name in quotation marks
            or (a.left_edge.i == o.i + 2 and o.doc[o.i + 1].is_quote)
        )
        and a.pos_ != "PROPN"  # "called Prime Minister Narendra Modi": the same person
    ]
    # "declared President Ruto the winner": the name read as a clause of the verb
    named += [
        c
        for o in children(verb, "dobj")
        for c in children(verb, "ccomp")
        if c.pos_ == "NOUN" and c.left_edge.i == o.right_edge.i + 1
    ]
    if children(verb, "dobj"):
        named += pobjs(verb, ("as",))  # "described the army chief as a criminal"
    return named


SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
# verbs that judge someone "of" or "for" an act: their object did it
JUDGING_VERBS = frozenset(
    {"accuse", "blame", "suspect", "charge", "convict", "condemn", "criticise", "criticize",
     "praise", "thank", "credit", "fault", "punish", "indict", "sentence", "arrest", "detain"}
)  # fmt: skip
INHERIT_DEPS = ("conj", "xcomp", "advcl", "relcl", "acl", "pcomp", "acomp")
# verbs of coming together for an event: "converged for a rally", "gathered for a
# protest", "took part in the strike": their subject is who held the event
GATHERING_VERBS = frozenset(
    {"gather", "converge", "assemble", "congregate", "mass", "turn", "take", "join",
     "participate", "flock", "pour", "stream", "come", "head", "march", "walk", "return",
     "travel", "fly", "arrive", "sit"}
)  # fmt: skip
GATHERING_PREPS = frozenset({"for", "in", "into", "to"})


def gathered_for(noun: Token) -> list[Token]:
    """The subjects of the verb by which people came to an event noun ("thousands
    converged for a rally", "workers took part in the strike")."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in GATHERING_PREPS:
        return []
    verb = prep.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in GATHERING_VERBS:
        return []
    if verb.lemma_.lower() == "take" and not any(c.lower_ == "part" for c in verb.children):
        return []
    if verb.lemma_.lower() == "turn" and not any(c.lower_ == "out" for c in verb.children):
        return []
    return subjects(verb)


def authors(document: Token) -> list[Token]:
    """Who wrote a document noun: its possessor, its "by"/"from" phrase, or the subject of
    the verb that adopted, issued or signed it ("the Council adopted a resolution")."""
    own = children(document, "poss") or pobjs(document, ("by", "from"))
    own = own or [c for c in children(document, "compound") if c.pos_ == "PROPN"]  # "a UN report"
    if own:
        return own
    if document.dep_ in ("dobj", "nsubjpass") and document.head.pos_ in ("VERB", "AUX"):
        return subjects(document.head)
    return []


ATTACK_NOUNS = frozenset(
    {"attack", "strike", "airstrike", "raid", "bombing", "assault", "ambush", "offensive",
     "shelling", "explosion", "blast"}
)  # fmt: skip


def _attack_on(noun: Token) -> Token | None:
    """The attack noun whose target ``noun`` is ("an attack on a base"), or None."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in ("on", "against", "at"):
        return None
    attack = prep.head
    return attack if attack.lemma_.lower() in ATTACK_NOUNS else None


# verbs whose object does what their complement says: "forced Kyiv to cede land"
OBJECT_CONTROL_VERBS = frozenset(
    {"force", "compel", "oblige", "coerce", "pressure", "persuade", "convince",
     "allow", "permit", "enable", "help", "order", "urge", "ask", "tell", "push", "prompt",
     "cause", "drive", "spur", "encourage", "invite", "instruct", "direct", "require", "lead"}
)  # fmt: skip


def subjects(verb: Token) -> list[Token]:
    """The verb's own subject, or the subject it inherits through coordination/control."""
    tok = verb
    for _ in range(6):
        own = children(tok, *SUBJECT_DEPS)
        if own and tok.dep_ == "relcl" and own[0].tag_ in ("WDT", "WP"):
            attack = _attack_on(tok.head)
            if attack is not None:
                # "claimed an attack on a base that killed two soldiers": the attack
                # killed them, so whoever made it
                return (
                    children(attack, "poss")
                    or pobjs(attack, ("by",))
                    or (subjects(attack.head) if attack.dep_ == "dobj" else [])
                )
            return [tok.head]  # "the militia, which carried out ...": the antecedent
        if own:
            return own
        if _loose_conjunct(tok):
            tok = tok.head  # "opened fire, then boarded and seized": the first verb's subject
            continue
        if tok.dep_ in INHERIT_DEPS and tok.head.i != tok.i:
            if tok.dep_ == "acl" and tok.head.lemma_.lower() in DOCUMENT_NOUNS:
                return authors(tok.head)  # "a resolution demanding a ceasefire"
            if tok.dep_ in ("relcl", "acl"):
                return [tok.head]
            if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in OBJECT_CONTROL_VERBS:
                objects = children(tok.head, "dobj")
                if objects:
                    return objects  # "forced Ukraine to give up territory": Ukraine gives
            tok = tok.head
            if tok.dep_ == "prep" and tok.lower_ == "for":
                penalty = tok.head if tok.head.lemma_.lower() in PENALTY_NOUNS else None
                punished = pobjs(penalty, ("on", "against")) if penalty is not None else []
                if punished:
                    return punished  # "sanctions on drone makers for supplying Russia"
            if (
                tok.dep_ == "prep"
                and tok.lower_ in ("of", "for")
                and tok.head.dep_ == "dobj"
                and tok.head.head.lemma_.lower() in JUDGING_VERBS
            ):
                return [tok.head]  # "accused Chinese vessels of ramming", "of" on the object
            accuser = tok.head.head if tok.head.dep_ == "pobj" else None
            if (
                tok.dep_ == "prep"
                and tok.lower_ in ("of", "for")
                and accuser is not None
                and accuser.dep_ == "agent"
                and accuser.head.lemma_.lower() in JUDGING_VERBS
            ):
                # "was accused by U.N. experts of supplying weapons": "of" hung on the
                # accusers; the accused is the passive subject
                return children(accuser.head, "nsubjpass") or [tok.head]
            if tok.dep_ in ("prep", "agent") and tok.head.i != tok.i:
                if tok.lower_ in CIRCUMSTANCE_PREPS:
                    # "reimposed sanctions after accusing Maduro of ...": the doer of the
                    # main act, not what it acted on
                    tok = tok.head
                    continue
                tok = tok.head  # "gained fame for directing attacks": through the preposition
                objects = children(tok, "dobj")
                if objects and objects[0].tag_ in ("WDT", "WP") and tok.dep_ == "relcl":
                    return [tok.head]  # "Ukraine, which it accused of helping": Ukraine
                if objects:
                    return objects  # "accused Trump of threatening him": the object acts
            continue
        break
    return []


# penalties whose "on" names who is punished, and for whose act: "sanctions on X for ..."
PENALTY_NOUNS = frozenset(
    {"sanction", "penalty", "fine", "ban", "embargo", "restriction", "tariff"}
)
# prepositions that set an act beside another in time or cause: the same doer acts
CIRCUMSTANCE_PREPS = frozenset(
    {"after", "before", "since", "while", "despite", "following", "upon", "by", "without"}
)


def _loose_conjunct(verb: Token) -> bool:
    """A verb the parser hung from an earlier verb as an unlabelled dependent ("opened
    fire, then boarded ..."): a further act of the same doer."""
    head = verb.head
    return (
        verb.dep_ == "dep"
        and verb.pos_ == "VERB"
        and head.pos_ == "VERB"
        and head.i < verb.i
        and verb.tag_ in ("VBD", "VBZ", "VBP")
    )


def finite_beside_nonfinite(verb: Token) -> bool:
    """A finite verb the parser coordinated with a gerund below another verb ("denied
    targeting civilians and accused the army"): a tense the gerund cannot share, so an
    act of its own beside the verb above."""
    head = verb.head
    return (
        verb.dep_ == "conj"
        and verb.tag_ in ("VBD", "VBZ", "VBP")
        and head.tag_ == "VBG"
        and head.dep_ in ("xcomp", "pcomp")
        and head.head.i != head.i
    )


def antecedent(tok: Token) -> Token:
    """The noun a relative pronoun object stands for ("Eritrea, which they accuse of
    sending troops": Eritrea); any other token is itself."""
    clause = tok.head
    if tok.tag_ in ("WDT", "WP") and tok.dep_ in ("dobj", "dative") and clause.dep_ == "relcl":
        return clause.head
    return tok


# verbs that keep someone "from" doing something: that act does not happen
PREVENTING_VERBS = frozenset(
    {"ban", "bar", "prevent", "stop", "block", "prohibit", "forbid", "keep", "deter",
     "restrict", "exclude", "disqualify", "refrain", "dissuade", "discourage"}
)  # fmt: skip


def prevented_act(verb: Token) -> bool:
    """An act in the "from" phrase of a preventing verb or of its object ("banned them
    from travelling", "prevented the students from marching"): it does not happen."""
    if verb.dep_ not in ("pcomp", "pobj") or verb.head.lower_ != "from":
        return False
    head = verb.head.head
    if head.dep_ == "dobj":
        head = head.head
    return head.lemma_.lower() in PREVENTING_VERBS


def speech_verb(verb: Token) -> Token | None:
    """The verb whose clause ``verb`` is said in ("Trump said Iran would pay"): its head
    when ``verb`` is a complement clause or coordinated with one, else None."""
    while verb.dep_ == "conj" and verb.head.i != verb.i and verb.head.dep_ in ("ccomp", "conj"):
        verb = verb.head  # "said Iran had made a mistake and would pay for it"
    return verb.head if verb.dep_ in ("ccomp", "conj") and verb.head.i != verb.i else None


def doers_of(verb: Token) -> list[Token]:
    """Who does ``verb``: its subject; in the passive, its agent, else whoever says so
    ("further sanctions were being considered, officials said": the officials)."""
    if not is_passive(verb):
        return subjects(verb)
    said = speech_verb(verb)
    return pobjs(verb, ("by",)) or (subjects(said) if said is not None else [])


def complement_sources_targets(
    verb: Token, pattern: VerbPattern
) -> tuple[list[Token], list[Token]]:
    """Arguments of a complement reading. "X would hold Y accountable": X threatens Y (Y is
    the object, or the subject of the small clause). "the attack will not go unanswered":
    the act is no actor, so the one who says so threatens, and the act's authors (found
    from what the page told before) are the recipients."""
    comps = [
        c
        for c in adjective_complements(verb)
        if c.lemma_.lower() in pattern.complements or c.lower_ in pattern.complements
    ]
    if pattern.target == "none":
        said = speech_verb(verb)
        return (subjects(said) if said is not None else []), []
    if is_passive(verb):
        # "Iran will be held accountable": Iran is held to account, by whoever is named,
        # else by the one who says so
        return doers_of(verb), children(verb, "nsubjpass")
    targets = children(verb, "dobj") or [
        s for c in comps for s in children(c, "nsubj", "nsubjpass")
    ]
    return subjects(verb), targets


def content_subjects(noun: Token) -> list[Token]:
    """The subject of a noun's content clause ("a demand that Armenia change its
    constitution", "the accusation that Russia armed the rebels"): a clause opened by
    "that" as a mark, not a relative clause ("the demand that Baku made")."""
    out: list[Token] = []
    for clause in noun.children:
        if is_content_clause(clause):
            out.extend(c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass"))
    return with_conjuncts(out)


def is_content_clause(clause: Token) -> bool:
    """The clause says what a noun or verb of asking, saying or agreeing is about: opened
    by "that" ("a demand that Armenia change ...") or a "for" with a subject of its own
    ("a call for Israel to ease ...", "pressed for Russia to release ..."), as against a
    relative clause ("the demand that Baku made") or a purpose ("for peace")."""
    marks = {c.lower_ for c in clause.children if c.dep_ == "mark"}
    if clause.dep_ in ("acl", "ccomp", "relcl", "appos") and "that" in marks:
        return True
    return (
        clause.dep_ in ("acl", "advcl", "relcl")
        and "for" in marks
        and to_infinitive(clause)
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)
    )


def shared_object(conj: Token) -> list[Token]:
    """The object a verb coordinated right after another carries for both ("ramming and
    boarding a supply boat"): only when the later verb has no subject of its own."""
    if conj.pos_ != "VERB" or any(c.dep_ in ("nsubj", "nsubjpass") for c in conj.children):
        return []
    if conj.i - conj.head.i > 3:
        return []  # "fired rockets at the town and then, hours later, shelled the base"
    return children(conj, "dobj")


def agentless(trigger: Token) -> bool:
    """A passive verb that names no agent ("were killed", "was also detained")."""
    return (
        trigger.pos_ in ("VERB", "AUX")
        and is_passive(trigger)
        # "by evening", "by Monday": a time, not an agent
        and not [t for t in pobjs(trigger, ("by",)) if t.ent_type_ not in ("DATE", "TIME")]
    )


def named_in_what(head: Token) -> list[Token]:
    """ "struck what it said were weapons depots", "strikes on what it called militant
    hideouts inside Iran": the nouns a naming or saying clause puts in place of "what",
    and the places its prepositions name."""
    clauses = [c for c in head.children if c.dep_ in ("ccomp", "pcomp")]
    clauses += [
        g for p in head.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pcomp"
    ]
    out: list[Token] = []
    for clause in clauses:
        said = [clause, *(c for c in clause.children if c.dep_ == "ccomp")]
        if not any(c.lower_ == "what" for t in (head, clause) for c in t.children):
            continue
        for verb in said:
            out += [c for c in verb.children if c.dep_ in ("oprd", "attr", "ccomp", "dobj")]
            out += [
                o for p in verb.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"
            ]
    return [t for t in out if t.pos_ in ("NOUN", "PROPN") and t.lower_ != "what"]


def run_together(noun: Token) -> bool:
    """ "called [the landing] [state-sponsored terrorism]": a determined noun the parser
    hung from the next noun as a modifier, where two noun phrases meet."""
    return (
        noun.dep_ == "amod"
        and noun.pos_ == "NOUN"
        and any(c.dep_ == "det" for c in noun.head.children if c.i < noun.i)
        and noun.i + 1 < noun.head.i
    )


def noun_targets(noun: Token, preps: Sequence[str]) -> list[Token]:
    """The objects of an event noun's target prepositions, also where the parser hangs
    them on its "of" object ("the withdrawal of some forces from Panama") or on the verb
    the noun breaks out with ("fighting broke out in Tripoli between A and B")."""
    own = pobjs(noun, preps)
    nested = tuple(p for p in preps if p != "of")
    own = own or [t for o in pobjs(noun, ("of",)) for t in pobjs(o, nested)]
    verb = noun.head
    if not own and noun.dep_ == "nsubj" and verb.lemma_.lower() in OCCURRING_VERBS:
        own = pobjs(verb, tuple(p for p in nested if p in ("between", "with", "against")))
    return own


# verbs that say an event happened, whose prepositions may be the event's own
OCCURRING_VERBS = frozenset(
    {"break", "erupt", "flare", "rage", "continue", "resume", "intensify", "escalate",
     "begin", "start", "spread", "occur", "take"}
)  # fmt: skip
