"""Repairs of parses the small English model gets wrong in a known, checkable way.

Two spaCy components (Doc in, Doc out), added by ``add_parse_repairs``: the dateline
splitter before the parser, the tree repairs after the pipeline's last component. Each
repair looks for one exact tree shape and rewrites only the heads and labels of the
tokens in it, so a sentence the parser read right is never touched.

- A wire dateline ("NIAMEY, March 22 (Reuters) -") is its own sentence: left in front
  of the lede, the parser reads the city as the subject of the lede's reporting verb
  and the lede's actors as an apposition. This one runs before the parser and only
  marks where the lede starts.
- A lede read as a participle ("Militants killed 40 soldiers on Wednesday, the ministry
  said"): the parser makes "militants" a second subject of "said" and "killed" a
  participle modifying it. The participle, which has its own object, is the reported
  clause, and the noun its subject.
- An object and its name read as one noun ("Putin called the mutineers traitors"): two
  plural nouns in a row after a verb of naming are the object and what it is called.
- A name alone after a naming verb ("Sharif called Prime Minister Narendra Modi") read as
  what something is called: it is the verb's object.
- Headline verbs tagged as nouns or adjectives ("Protesters storm parliament as police
  open fire"): a word with its own subject and object is a verb.
- Two names joined by a comma as a headline's subject ("Pakistan, India agree to
  ceasefire"): the first is the subject, the second its conjunct.
- A headline that opens with a count ("Thousands rally in Tbilisi"): the parser reads
  the count as a number of the next word, a noun. The count is the subject and the
  word a verb.
- The means of a response hung from what is responded to ("would respond to any
  provocation with force"): after a verb of responding, a "with" phrase under the
  object of its "to" is the verb's own.
- A subject interrupted by a clause ("Venezuela, which hosted the talks, called on
  ...") read as a noun root with a participle: the verb is the root.
- A finite verb joined to an infinitive ("urged Rwanda to withdraw and called on the
  rebels to halt"): it is the infinitive's head's second act, with that head's subject.
- Noun-phrase attachments (counts led by "up to", stranded conjuncts, "an aide to X"):
  see ``phrase_repairs``.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Token

from sitrep.nlp.phrase_repairs import (
    count_preposition,
    object_of_stranded_conjunct,
    reduced_relative,
    repair_count,
    repair_stranded_conjunct,
    verb_owned_relation,
)

COMPONENT = "sitrep_parse_repairs"
DATELINE_COMPONENT = "sitrep_datelines"
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
# a place in capitals, optionally its country or state, a date, an agency in brackets,
# then a dash: "NIAMEY, March 22 (Reuters) -", "KYIV, Ukraine (AP) --", "GAZA CITY -";
# or an agency in brackets alone: "(AFP) --"
DATELINE = re.compile(
    r"^\s*(?:[A-Z][A-Z.'\-]{2,}(?: [A-Z][A-Z.'\-]+){0,3}"
    r"(?:,\s*[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+){0,2})?"
    rf"(?:,?\s*{_MONTH}\s+\d{{1,2}}(?:,\s*\d{{4}})?)?"
    r"(?:\s*\([^()\n]{1,40}\))?|\([A-Z][^()\n]{1,39}\))"
    r"\s*(?:-{1,2}|\u2013|\u2014)\s+(?=[A-Z\"'\u201c])"
)
# counts that open a headline as its subject: "Thousands rally", "Hundreds flee"
HEADLINE_COUNTS = frozenset({"thousands", "hundreds", "dozens", "scores", "millions"})
# verbs of responding: "respond to X with Y", where Y is the response
RESPONDING_VERBS = frozenset({"respond", "react", "reply", "retaliate", "answer"})


def add_parse_repairs(nlp: Language) -> Language:
    """Add the repair components to ``nlp`` (once): the dateline splitter before its
    parser, the tree repairs after its last component."""
    if DATELINE_COMPONENT not in Language.factories:
        Language.component(DATELINE_COMPONENT, func=split_dateline)
    if COMPONENT not in Language.factories:
        Language.component(COMPONENT, func=repair_parse)
    if DATELINE_COMPONENT not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe(DATELINE_COMPONENT, before="parser")
    if COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(COMPONENT, last=True)
    return nlp


def split_dateline(doc: Doc) -> Doc:
    """Start a sentence after a wire dateline at the start of the text, and after a short
    line with no verb ("Hamid May 12, 2024 at 11:02 am" over a reader's comment): a header,
    not the start of the sentence below it."""
    match = DATELINE.match(doc.text)
    lede = next((t for t in doc if t.idx >= match.end()), None) if match else None
    if lede is not None and lede.i > 0:
        lede.is_sent_start = True
        if lede.i + 1 < len(doc) and not doc[lede.i + 1].is_punct:
            # "- Burkina Faso's military government ...": the lede's first word is no
            # sentence of its own
            doc[lede.i + 1].is_sent_start = False
    line: list = []
    for tok in doc:
        if "\n" not in tok.text:
            line.append(tok)
            continue
        after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        # the tagger has run, the part of speech is not mapped yet: verbs by their tags
        verbs = [t for t in line if t.tag_.startswith("VB") or t.tag_ == "MD"]
        header = 0 < len(line) <= HEADER_TOKENS and all(t.lower_ in CLOCK_WORDS for t in verbs)
        if header and after is not None and line[-1].text not in (",", ":", "-", "("):
            after.is_sent_start = True
            if after.i + 1 < len(doc) and not doc[after.i + 1].is_space:
                doc[after.i + 1].is_sent_start = False  # "39 prisoners freed": one sentence
        line = []
    return doc


# the most words of a line with no verb that heads what follows it
HEADER_TOKENS = 12
# words of a time of day that a tagger may take for verbs ("11:02 am")
CLOCK_WORDS = frozenset({"am", "pm", "a.m.", "p.m."})


# verbs that report: a clause before them with its own subject is what they report
REPORTING_VERBS = frozenset(
    {"say", "tell", "report", "add", "announce", "claim", "confirm", "state", "write"}
)


# verbs that name their object: "called them traitors", "branded the group terrorists"
NAMING_VERBS = frozenset({"call", "label", "brand", "dub", "term", "name", "deem", "declare"})
PLURAL_TAGS = frozenset({"NNS", "NNPS"})


def repair_parse(doc: Doc) -> Doc:
    for token in doc:
        if (prep := count_preposition(token)) is not None:
            repair_count(token, prep)
        elif _reported_participle(token):
            _repair_reported_clause(token)
        elif (obj := _named_plural(token)) is not None:
            _repair_named_object(token, obj)
        elif (name := _called_name(token)) is not None:
            name.dep_ = "dobj"
        elif (verb := _verb_after_acronym(token)) is not None:
            _repair_acronym_subject(token, verb)
        elif _verb_tagged_otherwise(token):
            token.pos_, token.tag_ = "VERB", "VBP" if token.tag_ in ("NN", "JJ") else "VBZ"
        elif (first := _comma_subject(token)) is not None:
            _repair_comma_subject(token, first)
        elif (means := _misplaced_means(token)) is not None:
            means.head = token
        elif (obj := _object_after_as(token)) is not None:
            obj.head, obj.dep_ = token, "dobj"
        elif _closing_speaker_participle(token):
            _repair_closing_speaker(token)
        elif _intended_infinitive(token):
            token.dep_ = "xcomp"
        elif _speakers_second_act(token) or _finite_after_infinitive(token):
            token.head = token.head.head
        elif (speech := _speakers_act_after_subordinate(token)) is not None:
            token.head = speech
        elif (subject := _subject_of_participle(token)) is not None:
            _repair_participle_clause(token, subject)
        elif _verb_after_interruption(token):
            _repair_interrupted_subject(token)
        elif token.dep_ in ("nsubj", "nsubjpass") and token.head.dep_ in ("aux", "auxpass"):
            token.head = token.head.head  # "Egypt and Qatar are mediating": the verb's subject
        elif (clause := _clause_before_time(token)) is not None:
            token.head = clause  # "the junta that seized power last week attacked ..."
        elif (obj := object_of_stranded_conjunct(token)) is not None:
            repair_stranded_conjunct(token, obj)
        elif (aside := reduced_relative(token)) is not None:
            _repair_reduced_relative(token, *aside)
        elif (relation := verb_owned_relation(token)) is not None:
            token.head = relation  # "arrested an aide to the opposition leader"
        elif (aside := _aside_read_as_main(token)) is not None:
            _repair_aside(token, *aside)
        elif _feeling_read_as_passive(token):
            _repair_feeling(token)
        elif _finite_verb_read_as_clause(token):
            _repair_finite_verb(token)
        elif _counted_headline_verb(token):
            count = doc[token.i - 1]
            token.pos_, token.tag_ = "VERB", "VBP"
            count.dep_, count.pos_, count.tag_ = "nsubj", "NOUN", "NNS"
    return doc


def _repair_reduced_relative(verb: Token, noun: Token, subject: Token) -> None:
    subject.head, subject.dep_ = verb, "nsubj"
    verb.head, verb.dep_ = noun, "relcl"


def _clause_before_time(time: Token) -> Token | None:
    """The relative clause a time phrase ends ("Supporters of the junta that seized power
    last week attacked ... on Sunday"), when the parser hangs the time from the main verb
    that follows: the clause's verb. Only when the main verb has a time of its own."""
    verb = time.head
    if time.dep_ != "npadvmod" or time.ent_type_ != "DATE" or verb.i <= time.i:
        return None
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    before = time.doc[time.left_edge.i - 1] if time.left_edge.i > 0 else None
    clause = next(
        (
            a
            for a in ([before] + list(before.ancestors) if before is not None else [])
            if a.dep_ == "relcl"
        ),
        None,
    )
    if clause is None or clause.right_edge.i != time.left_edge.i - 1:
        return None
    others = [
        t
        for t in verb.subtree
        if t.ent_type_ == "DATE" and t.i > verb.i and t.head.i != time.i and t.i != time.i
    ]
    return clause if others else None


def _counted_headline_verb(token: Token) -> bool:
    """The root of "Thousands rally in Tbilisi", read as a noun counted by its subject."""
    if token.dep_ != "ROOT" or token.tag_ != "NN" or token.i == 0:
        return False
    count = token.doc[token.i - 1]
    return (
        count.lower_ in HEADLINE_COUNTS
        and count.head.i == token.i
        and count.is_sent_start
        and not any(c.dep_ == "det" for c in token.children)
    )


def _misplaced_means(verb: Token) -> Token | None:
    """The "with" of "respond to X with Y" when the parse hangs it from X."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in RESPONDING_VERBS:
        return None
    if any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.children):
        return None
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ != "to":
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            means = [c for c in obj.children if c.dep_ == "prep" and c.lower_ == "with"]
            if means and means[0].i > obj.i:
                return means[0]
    return None


def _object_after_as(verb: Token) -> Token | None:
    """The object of "denounced as a crime Serbia's crackdown", "condemned as illegal
    the decision", which the parse hangs from the "as" phrase as an apposition."""
    if verb.pos_ != "VERB" or any(c.dep_ in ("dobj", "nsubjpass") for c in verb.children):
        return None
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ != "as" or prep.i != verb.i + 1:
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            moved = [c for c in obj.children if c.dep_ == "appos" and c.i > obj.i]
            if moved and not any(t.is_punct for t in obj.doc[obj.i : moved[0].left_edge.i]):
                return moved[0]
    return None


def _verb_tagged_otherwise(token: Token) -> bool:
    """A noun or adjective with both a subject and a direct object after it."""
    if token.pos_ not in ("NOUN", "ADJ") or token.dep_ not in ("ROOT", "advcl", "conj", "ccomp"):
        return False
    deps = {c.dep_: c for c in token.children}
    subject, obj = deps.get("nsubj"), deps.get("dobj")
    return subject is not None and obj is not None and subject.i < token.i < obj.i


def _comma_subject(verb: Token) -> Token | None:
    """The name before "X, Y <verb>" that the parser hung from the verb as a modifier."""
    if verb.pos_ != "VERB":
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ != "PROPN" or subject.i < 2:
        return None
    comma, first = verb.doc[subject.left_edge.i - 1], verb.doc[subject.left_edge.i - 2]
    if comma.text != "," or first.pos_ != "PROPN" or not first.ent_type_:
        return None
    name = first
    while name.dep_ == "compound" and name.head.i < subject.i:
        name = name.head
    if name.head.i != verb.i or name.dep_ not in ("npadvmod", "nmod", "dep", "appos", "nsubj"):
        return None
    return name if name.dep_ != "nsubj" else None


def _repair_comma_subject(verb: Token, first: Token) -> None:
    subject = next(c for c in verb.children if c.dep_ == "nsubj")
    comma = verb.doc[subject.left_edge.i - 1]
    first.dep_ = "nsubj"
    subject.head, subject.dep_ = first, "conj"
    comma.head = first


def _called_name(verb: Token) -> Token | None:
    """ "Sharif called Prime Minister Narendra Modi": a name alone after a naming verb,
    read as what some object is called, is the object itself (whom he phoned)."""
    if verb.lemma_.lower() not in NAMING_VERBS or verb.pos_ != "VERB":
        return None
    if any(c.dep_ in ("dobj", "dative") for c in verb.children):
        return None
    name = next((c for c in verb.children if c.dep_ == "oprd"), None)
    if name is None or name.pos_ != "PROPN" or name.i < verb.i:
        return None
    # a person, a body or a country; not a name given to a thing ("Charge of the Knights")
    return name if name.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") else None


def _named_plural(verb: Token) -> Token | None:
    """The plural noun a naming verb's plural object hides ("called the mutineers
    traitors": "mutineers" parsed as a compound of the object "traitors")."""
    if verb.lemma_.lower() not in NAMING_VERBS or verb.pos_ != "VERB":
        return None
    name = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if name is None or name.tag_ not in PLURAL_TAGS:
        return None
    if any(c.dep_ in ("oprd", "appos") for c in verb.children):
        return None
    if name.i == 0:
        return None
    obj = name.doc[name.i - 1]
    if obj.dep_ != "compound" or obj.head.i != name.i:
        return None
    # a plural, or a people's name the tagger took for a singular ("the Houthis")
    plural = obj.tag_ in PLURAL_TAGS or (obj.tag_ == "NNP" and obj.text.endswith("s"))
    return obj if plural else None


def _repair_named_object(verb: Token, obj: Token) -> None:
    name = obj.head
    determiners = [c for c in name.children if c.dep_ in ("det", "poss") and c.i < obj.i]
    obj.head, obj.dep_ = verb, "dobj"
    name.dep_ = "oprd"
    for det in determiners:
        det.head = obj


def _reported_participle(verb: Token) -> bool:
    """ "Militants killed 40 soldiers, the ministry said" parsed with "killed" as a
    participle of "militants" and "militants" as a second subject of "said"."""
    if verb.dep_ != "acl" or verb.tag_ != "VBN" or verb.i != verb.head.i + 1:
        return False
    noun, reporter = verb.head, verb.head.head
    if noun.dep_ != "nsubj" or reporter.lemma_.lower() not in REPORTING_VERBS:
        return False
    if not any(c.dep_ == "dobj" for c in verb.children):
        return False
    later = [c for c in reporter.children if c.dep_ == "nsubj" and c.i > verb.i]
    return bool(later) and reporter.i > verb.i


def _repair_reported_clause(verb: Token) -> None:
    noun, reporter = verb.head, verb.head.head
    verb.head, verb.dep_, verb.tag_ = reporter, "ccomp", "VBD"
    noun.head = verb


# verbs that close a sentence with who says it ("..., a rights group charged")
CLOSING_SPEECH_VERBS = REPORTING_VERBS | {
    "protest", "complain", "charge", "allege", "warn", "insist", "argue", "note", "assert",
    "contend", "maintain", "explain", "acknowledge", "admit",
}  # fmt: skip


def _closing_speaker_participle(verb: Token) -> bool:
    """ "Police are failing to act, a rights group protested." parsed with "protested"
    as a participle of "group" and "group" in apposition to a noun of the clause."""
    if verb.dep_ != "acl" or verb.tag_ not in ("VBN", "VBD") or verb.i != verb.head.i + 1:
        return False
    if verb.lemma_.lower() not in CLOSING_SPEECH_VERBS:
        return False
    noun = verb.head
    if noun.dep_ != "appos" or noun.left_edge.i == 0:
        return False
    if noun.doc[noun.left_edge.i - 1].text != ",":
        return False
    if any(c.dep_ in ("dobj", "ccomp", "xcomp", "nsubj") for c in verb.children):
        return False
    root = verb.sent.root
    return root.i < noun.left_edge.i and all(
        t.is_punct or t.i <= verb.i or t.head.i >= verb.i
        for t in verb.sent[verb.i - verb.sent.start :]
    )


def _repair_closing_speaker(verb: Token) -> None:
    noun, root = verb.head, verb.sent.root
    verb.head, verb.dep_, verb.tag_ = verb, "ROOT", "VBD"
    root.head, root.dep_ = verb, "ccomp"
    noun.head, noun.dep_ = verb, "nsubj"


# verbs whose "to" infinitive is what is intended, never a purpose
INTENDING_VERBS = frozenset(
    {"vow", "swear", "pledge", "promise", "threaten", "refuse", "agree", "decide", "plan",
     "offer", "attempt", "try", "want", "intend", "resolve", "undertake", "seek", "aim"}
)  # fmt: skip


def _intended_infinitive(verb: Token) -> bool:
    """ "have sworn to fight", parsed with the infinitive as a purpose clause."""
    if verb.dep_ != "advcl" or verb.head.lemma_.lower() not in INTENDING_VERBS:
        return False
    to = verb.doc[verb.head.i + 1] if verb.head.i + 1 < len(verb.doc) else None
    return (
        to is not None
        and to.lower_ == "to"
        and to.head.i == verb.i
        and to.dep_ == "aux"
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    )


# what a speaker goes on to do after saying something: "said ... and accused", "and ordered"
# things a reported clause may be about that cannot themselves speak or act on words
SPEECHLESS_SUBJECTS = frozenset(
    {"strike", "attack", "raid", "bombing", "shelling", "move", "decision", "operation",
     "offensive", "killing", "deal", "agreement", "accord", "sanction", "plan", "law", "vote",
     "election", "ban", "incursion", "invasion", "blockade", "measure", "step", "policy",
     "resolution", "referendum", "annexation", "visit", "drill", "exercise", "test", "launch",
     "town", "city", "village", "base", "district", "province", "airport", "port", "bridge",
     "protest", "demonstration", "rally", "unrest", "riot", "march"}
)  # fmt: skip
SPEAKER_ACTS = frozenset(
    {"accuse", "order", "call", "urge", "warn", "demand", "threaten", "vow", "deny", "reject",
     "announce", "promise", "pledge", "condemn", "blame", "ask", "appeal", "insist", "add",
     "criticise", "criticize", "dismiss", "welcome", "praise", "instruct", "direct",
     "recall", "summon", "expel", "suspend", "close", "sever", "cut", "tell"}
)  # fmt: skip


def _speakers_act_after_subordinate(verb: Token) -> Token | None:
    """ "Netanyahu said the war would resume once the truce ended and vowed to destroy
    Hamas", parsed with "vowed" joined to the "once" clause: the speaker's second act,
    joined to "said"."""
    if verb.dep_ != "conj" or verb.tag_ != "VBD" or verb.lemma_.lower() not in SPEAKER_ACTS:
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    clause = verb.head
    if clause.dep_ != "advcl" or not any(c.dep_ == "mark" for c in clause.children):
        return None
    reported, speech = clause.head, clause.head.head
    if reported.dep_ != "ccomp" or speech.lemma_.lower() not in CLOSING_SPEECH_VERBS:
        return None
    spoke = speech.tag_ == "VBD" and any(c.dep_ == "nsubj" for c in speech.children)
    return speech if spoke and reported.i < clause.i < verb.i else None


def _speakers_second_act(verb: Token) -> bool:
    """ "Petro said the attack 'closes a process' and ordered the army to ...", parsed
    with "ordered" joined to the reported clause (whose subject it would then take)
    instead of to "said"."""
    if verb.dep_ != "conj" or verb.tag_ != "VBD" or verb.lemma_.lower() not in SPEAKER_ACTS:
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return False
    clause = verb.head
    if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in CLOSING_SPEECH_VERBS | {"deny"}:
        return False
    if clause.head.tag_ != "VBD" or not any(c.dep_ == "nsubj" for c in clause.head.children):
        return False
    # the reported clause is a statement about how things are, not a told past act, or
    # its subject is a thing that cannot speak ("said the strikes violated Afghan
    # sovereignty and warned that ...")
    if clause.tag_ in ("VBZ", "VBP", "MD") or clause.lemma_.lower() in ("be", "have"):
        return True
    if clause.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ == "had" for c in clause.children):
        # "said Israel had crossed all red lines and vowed ...": a simple past beside the
        # reported past perfect is the speaker's
        return True
    if verb.i >= 2 and verb.doc[verb.i - 1].dep_ == "cc" and verb.doc[verb.i - 2].text == ",":
        return True  # "said its coast guard had taken measures ..., and blamed Manila"
    if verb.doc[verb.i - 1].text == "," and any(c.dep_ == "nsubjpass" for c in clause.children):
        return True  # "said two children were killed, recalled its ambassador and ..."
    subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    return bool(subjects) and all(
        s.pos_ == "NOUN" and s.lemma_.lower() in SPEECHLESS_SUBJECTS for s in subjects
    )


def _verb_after_interruption(verb: Token) -> bool:
    """ "Venezuela, which has hosted the talks, called on both parties to ...", parsed with
    the name as the root and the verb as a participle modifying it: a sentence with no
    main verb whose noun root is followed, past a comma-closed clause, by a past-tense
    verb. The verb is the root and the name its subject."""
    root = verb.sent.root
    if verb.dep_ != "acl" or verb.tag_ not in ("VBD", "VBN") or verb.i < root.i:
        return False
    if root.pos_ not in ("PROPN", "NOUN") or verb.i < 2 or verb.doc[verb.i - 1].text != ",":
        return False
    # the verb hangs from the root or from a word of the clause that interrupts it
    return any(
        c.dep_ in ("relcl", "appos")
        and c.i < verb.i
        and (verb.head.i == root.i or verb.head in c.subtree)
        for c in root.children
    )


def _repair_interrupted_subject(verb: Token) -> None:
    root = verb.sent.root
    for child in [c for c in root.children if c.i > verb.i]:
        child.head = verb  # the closing full stop
    verb.head, verb.dep_ = verb, "ROOT"
    root.head, root.dep_ = verb, "nsubj"


def _finite_after_infinitive(verb: Token) -> bool:
    """ "urged Rwanda to withdraw its forces and called on the rebels to halt", parsed
    with "called" joined to the infinitive (whose subject, Rwanda, it would then take):
    a past or present-tense verb cannot be coordinated with an infinitive, so it is the
    second act of the infinitive's head."""
    head = verb.head
    if verb.dep_ != "conj" or verb.tag_ not in ("VBD", "VBZ") or head.tag_ != "VB":
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in verb.children):
        return False
    if head.dep_ not in ("xcomp", "ccomp", "advcl"):
        return False
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children)


def _subject_of_participle(verb: Token) -> Token | None:
    """ "The SAF bombed markets in Nyala." parsed as one noun phrase, "bombed" an
    adjective of "markets": the name before the participle is its subject."""
    noun = verb.head
    if verb.dep_ != "amod" or verb.tag_ not in ("VBN", "VBD") or noun.dep_ != "ROOT":
        return None
    if noun.pos_ != "NOUN":
        return None
    trailing: set[int] = set()
    if verb.tag_ == "VBD":  # participial adjectives and a trailing participle clause
        for tok in noun.sent:
            if _trailing_participle(tok, noun):
                trailing.update(t.i for t in tok.subtree)
            elif tok.dep_ == "amod" and tok.tag_ in ("VBN", "VBG"):
                trailing.add(tok.i)
    if any(t.pos_ in ("VERB", "AUX") and t.i != verb.i and t.i not in trailing for t in noun.sent):
        return None
    before = [c for c in noun.children if c.i < verb.i]
    names = [
        c
        for c in before
        if (c.pos_ in ("PROPN", "NOUN") and c.dep_ in ("nmod", "compound"))
        or (verb.tag_ == "VBD" and c.dep_ == "amod" and _owned_word(c))
    ]
    if not names or names[-1].i != verb.i - 1:
        return None
    return names[-1]


def _trailing_participle(verb: Token, noun: Token) -> bool:
    """ "..., detaining the country's leader": a participle clause hung from the noun after
    it, which a sentence read as one noun phrase may carry."""
    return (
        verb.head.i == noun.i
        and verb.dep_ in ("advcl", "acl")
        and verb.tag_ == "VBG"
        and verb.i > noun.i
    )


def _owned_word(word: Token) -> bool:
    """ "military" of "Myanmar's military seized power", read as an adjective: a word right
    after a possessive is the owned noun."""
    return word.i > 0 and word.doc[word.i - 1].tag_ == "POS"


def _repair_participle_clause(verb: Token, subject: Token) -> None:
    noun = verb.head
    for child in [c for c in noun.children if c.i < subject.i]:
        child.head = subject  # "The" of "The SAF"
    verb.head, verb.dep_, verb.pos_, verb.tag_ = verb, "ROOT", "VERB", "VBD"
    subject.head, subject.dep_ = verb, "nsubj"
    if subject.pos_ == "ADJ":
        subject.pos_, subject.tag_ = "NOUN", "NN"
    noun.head, noun.dep_ = verb, "dobj"
    for child in [
        c
        for c in noun.children
        if (c.dep_ == "punct" and c.i == noun.sent.end - 1) or _trailing_participle(c, noun)
    ]:
        child.head = verb


def _verb_after_acronym(root: Token) -> Token | None:
    """ "ECOWAS imposed sanctions on Niger", read as a verb "ECOWAS" with "imposed" an
    adjective of its object: a name in capitals that opens the sentence is the subject
    of the past verb after it."""
    name = root.text
    if root.dep_ != "ROOT" or root.pos_ not in ("VERB", "NOUN", "PROPN"):
        return None
    lead = _leading_noun(root)
    if root.i != root.sent.start and lead is None:
        return None
    if len(name) < 3 or not name.isalpha() or not name.isupper():
        return None
    after = root.doc[root.i + 1] if root.i + 1 < root.sent.end else None
    if after is None or after.tag_ not in ("VBD", "VBN") or after.dep_ != "amod":
        return None
    obj = after.head
    if obj.head.i != root.i or obj.dep_ not in ("dobj", "nsubj", "attr"):
        return None
    return after


def _leading_noun(name: Token) -> Token | None:
    """ "The West African bloc ECOWAS threatened ...": the noun the name stands beside,
    read as its subject, when it is all that comes before the name."""
    lead = next((c for c in name.children if c.dep_ == "nsubj" and c.i < name.i), None)
    if lead is None or lead.pos_ != "NOUN" or lead.i != name.i - 1:
        return None
    return lead if lead.left_edge.i == name.sent.start else None


def _repair_acronym_subject(name: Token, verb: Token) -> None:
    obj = verb.head
    lead = _leading_noun(name)
    moved = [c for c in name.children if c.i != obj.i and c is not lead]
    verb.head, verb.dep_, verb.pos_, verb.tag_ = verb, "ROOT", "VERB", "VBD"
    name.head, name.dep_, name.pos_, name.tag_ = verb, "nsubj", "PROPN", "NNP"
    if lead is not None:
        # "the bloc ECOWAS": the name set beside the noun that is the subject
        lead.head, lead.dep_ = verb, "nsubj"
        name.head, name.dep_ = lead, "appos"
    obj.head, obj.dep_ = verb, "dobj"
    for child in moved:
        child.head = verb


# nouns that name what a clause says, in a writer's aside after it: "..., a charge Kigali
# denies"
ASIDE_NOUNS = frozenset(
    {"charge", "claim", "accusation", "allegation", "assertion", "account", "version"}
)


def _aside_read_as_main(verb: Token) -> tuple[Token, Token, Token] | None:
    """ "Congo accused Rwanda of backing the rebels, a charge Kigali denies", read as
    "a charge Kigali" denying the clause before it: the sentence's clause is the main one,
    the aside a relative clause of its noun. Returns the clause, the noun and the aside's
    subject."""
    if verb.dep_ != "ROOT" or verb.pos_ not in ("VERB", "AUX"):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.i == 0:
        return None
    start = subject.left_edge
    if verb.doc[start.i - 1].text != "," or start.lower_ not in ("a", "an"):
        return None
    nouns = [t for t in verb.doc[start.i : subject.right_edge.i + 1] if t.lower_ in ASIDE_NOUNS]
    if len(nouns) != 1:
        return None
    noun = nouns[0]
    actor = (
        subject
        if noun.i != subject.i
        else next((c for c in noun.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
    )
    if actor is None or actor.i < noun.i:
        return None
    clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i < start.i), None)
    if clause is None:
        return None
    return clause, noun, actor


def _repair_aside(verb: Token, clause: Token, noun: Token, actor: Token) -> None:
    moved = [c for c in verb.children if c.dep_ == "punct"]
    clause.head, clause.dep_ = clause, "ROOT"
    noun.head, noun.dep_ = clause, "npadvmod"
    for word in verb.doc[noun.left_edge.i : noun.i]:
        word.head = noun  # "a" of "a charge"
    actor.head, actor.dep_ = verb, "nsubj"
    verb.head, verb.dep_ = noun, "relcl"
    for child in moved:
        child.head = clause


def _finite_verb_read_as_clause(verb: Token) -> bool:
    """ "A UN report accused Rwanda of ...", read as one noun phrase with "accused" a
    clause of "report": a past verb right after the sentence's head noun, with an object
    of its own and no other verb in the sentence, is the sentence's verb."""
    noun = verb.head
    if verb.dep_ != "acl" or verb.tag_ != "VBD" or noun.dep_ != "ROOT" or verb.i != noun.i + 1:
        return False
    if noun.pos_ not in ("NOUN", "PROPN") or not any(c.dep_ == "dobj" for c in verb.children):
        return False
    inside = {t.i for t in verb.subtree}
    return not any(t.pos_ in ("VERB", "AUX") and t.i not in inside for t in noun.sent)


def _repair_finite_verb(verb: Token) -> None:
    noun = verb.head
    moved = [c for c in noun.children if c.dep_ == "punct" and c.i > verb.i]
    verb.head, verb.dep_ = verb, "ROOT"
    noun.head, noun.dep_ = verb, "nsubj"
    for child in moved:
        child.head = verb


# participles of feeling that say how someone takes an act: "was alarmed by the killings"
FEELING_PARTICIPLES = frozenset(
    {"alarmed", "shocked", "outraged", "appalled", "horrified", "dismayed", "disturbed",
     "troubled", "saddened", "angered", "disappointed", "concerned"}
)  # fmt: skip


def _feeling_read_as_passive(verb: Token) -> bool:
    """ "it was alarmed by the killings", read as a passive with "the killings" its
    agent: the feeling is an adjective after "be", and its "by" says what it is about."""
    if verb.lower_ not in FEELING_PARTICIPLES or verb.tag_ != "VBN":
        return False
    children = {c.dep_ for c in verb.children}
    return {"auxpass", "nsubjpass", "agent"} <= children


def _repair_feeling(verb: Token) -> None:
    be = next(c for c in verb.children if c.dep_ == "auxpass")
    subject = next(c for c in verb.children if c.dep_ == "nsubjpass")
    be.head, be.dep_ = verb.head if verb.head.i != verb.i else be, verb.dep_
    be.pos_ = "AUX"
    for child in [
        c for c in verb.children if c.dep_ in ("nsubjpass", "aux", "neg", "punct", "cc", "conj")
    ]:
        child.head = be  # the clause's own words go to "be"; "deeply", "by ..." stay
    for child in verb.children:
        if child.dep_ == "agent":
            child.dep_ = "prep"
    subject.dep_ = "nsubj"
    verb.head, verb.dep_, verb.pos_, verb.tag_ = be, "acomp", "ADJ", "JJ"
