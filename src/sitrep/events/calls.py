"""Calls on others to act, told in sentences of their own: an obligation put on a third
party ("Ruto should bring them home", "The Americans will have to leave Iraq") and a
command ("Send her back Modi!", "'Release the hostages,' Biden said"). Each is a REQUEST
by whoever says it; the act called for is its content, not an event of its own."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

from sitrep.events.clauses import obligation_clause, obliging_message
from sitrep.events.modality import FIRST_PERSON
from sitrep.events.patterns import Cues, find_phrases
from sitrep.events.syntax import (
    children,
    finite_beside_nonfinite,
    is_content_clause,
    pobjs,
    subjects,
    with_conjuncts,
)
from sitrep.events.trigger import Trigger

# subjects that name no third party to call on: the speaker's own side, the addressee, or
# no one ("we must fight on" is a vow, "you should see it" advice)
UNCALLED_SUBJECTS = frozenset({"i", "we", "you", "it", "there", "this", "that", "one"})


def called_on(verb: Token, cues: Cues) -> tuple[Token | None, list[Token]]:
    """Whom a sentence of its own calls on to act, by an obligation on them ("Ruto should
    bring them home", "its leader must surrender", "The Americans will have to leave
    Iraq"): the speech verb that reports the call when it is a second content of one
    (else None), and the obligation's subjects; no subjects when the verb carries no such
    call (a hedge, a reproach for a past act, a question, a clause under another verb)."""
    holder = verb
    auxes = [c for c in verb.children if c.dep_ == "aux"]
    obliged = any(a.lower_ in cues.obligation for a in auxes)
    to = any(a.lower_ == "to" for a in auxes)
    if not obliged and to and verb.dep_ == "xcomp" and verb.head.lemma_ in ("have", "need"):
        holder = verb.head  # "will have to leave"
        auxes = [c for c in holder.children if c.dep_ == "aux"]
        obliged = True
    if not obliged or any(
        a.lower_ in cues.hedges or a.lower_ in ("might", "may", "could") for a in auxes
    ):
        return None, []
    if any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children):
        return None, []  # "should have come to Congress first": a reproach, not a call
    root = holder.dep_ == "ROOT" or (holder.dep_ == "conj" and holder.head.dep_ == "ROOT")
    speech = None if root else reported_conjunct(holder, cues)
    if not (root or speech) or holder.sent.text.rstrip().endswith("?"):
        return None, []
    clauses = (holder, holder.head) if holder.dep_ == "conj" else (holder,)
    conditions = [c for h in clauses for c in h.children if c.dep_ == "advcl"]
    if any(
        m.dep_ == "mark" and m.lower_ in cues.conditional for c in conditions for m in c.children
    ):
        return None, []  # "if the coast guard starts boarding, Taipei will have to decide"
    subjects = [c for c in holder.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects or any(s.lower_ in UNCALLED_SUBJECTS for s in subjects):
        return None, []
    return speech, subjects


def reported_conjunct(clause: Token, cues: Cues) -> Token | None:
    """The speech verb a clause is reported by as the second of its contents ("told a
    channel that he would not negotiate and that its leader must surrender"), or None."""
    first = clause.head
    if clause.dep_ != "conj" or first.dep_ != "ccomp":
        return None
    speech = first.head
    return speech if speech.lemma_.lower() in cues.speech_verbs else None


QUOTE_MARKS = frozenset({'"', "\u201c", "\u201d", "'"})


def quoted_speaker(sentence: Span, cues: Cues) -> Token | None:
    """Who says a sentence that carries on a quotation the previous sentence attributed
    ("'This was a targeted killing,' an Iraqi lawmaker said. 'The Americans will have to
    leave Iraq.'"): the subject of that sentence's speech verb, or None."""
    if sentence.start == 0 or sentence[0].text not in QUOTE_MARKS:
        return None
    before = sentence.doc[sentence.start - 1].sent
    if "\n" in sentence.doc[before.start : sentence.start].text:
        return None  # a new paragraph: a new telling
    for tok in before:
        if tok.lemma_.lower() in cues.speech_verbs and tok.pos_ == "VERB":
            subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            if subject is not None and any(t.text in QUOTE_MARKS for t in before):
                return subject
    return None


# verbs a writer bids the reader with ("note that", "imagine", "share this"): no call on
# anyone in the news
READER_VERBS = frozenset(
    {"note", "consider", "remember", "imagine", "see", "look", "read", "watch", "thank",
     "let", "share", "reply", "join", "sign", "subscribe", "click", "follow", "login", "sort",
     "check", "keep", "mark", "expect", "guess", "wait", "stay", "enjoy", "pray", "listen",
     "compare", "think", "ask", "tell", "say", "believe", "trust", "forget", "go", "come"}
)  # fmt: skip


def imperative_call(verb: Token, cues: Cues) -> tuple[list[Token], list[Token]] | None:
    """A command in a sentence of its own ("Send her back Modi!", "Lift the sanctions and
    let people eat.", "'Release the hostages,' Biden said."): a call (REQUEST) by whoever
    says it on whom it names as addressed (a name set off at either end), else on whom
    the page shows doing what it would undo. Returns the speaker words and the addressee
    words, or None when the verb gives no command."""
    sent = verb.sent
    words = [t for t in sent if not t.is_punct and not t.is_space]
    if not words or verb.tag_ != "VB" or sent.text.rstrip().endswith("?"):
        return None
    if verb.lemma_.lower() in READER_VERBS or any(
        c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "expl") for c in verb.children
    ):
        return None
    vocative = [
        t
        for t in words[:1]
        if t.pos_ == "PROPN" and t.i + 1 < sent.end and sent.doc[t.i + 1].text == ","
    ]
    first = words[1] if vocative and len(words) > 1 else words[0]
    if first.lower_ == "please" and len(words) > 1:
        first = words[words.index(first) + 1]
    if first.i != verb.i:
        return None
    speakers: list[Token] = []
    if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in cues.speech_verbs:
        speakers = [c for c in verb.head.children if c.dep_ == "nsubj"]
    elif verb.dep_ != "ROOT":
        return None
    objects = [c for c in verb.children if c.dep_ in ("dobj", "npadvmod", "appos")]
    last = words[-1]
    if last.pos_ == "PROPN" and last.head.i == verb.i and len(objects) > 1:
        vocative.append(last)  # "Send her back Modi!": the second object is whom it is to
    return speakers, vocative


def call_trigger(verb: Token, cues: Cues) -> Trigger | None:
    """The REQUEST a verb's sentence makes by calling on someone to do the verb's act, or
    None."""
    if verb.pos_ != "VERB":
        return None
    speech, called = called_on(verb, cues)
    if called:
        said_by = tuple(c for c in speech.children if c.dep_ == "nsubj") if speech else ()
        return Trigger(verb, "REQUEST", None, said_by, tuple(called), 0.75, called_for=True)
    command = imperative_call(verb, cues)
    if command is not None:
        speakers, addressees = command
        return Trigger(
            verb, "REQUEST", None, tuple(speakers), tuple(addressees), 0.7, called_for=True
        )
    return None


def obligation_trigger(verb: Token, cues: Cues) -> list[Trigger]:
    """ "Russia said Sudan must return the helicopter", "issued a reminder to Iraq that it
    must cooperate": the speaker asks the subject of the obligation to act (REQUEST); the
    act itself is the request's content. An obligation on a past act is a reproach
    (ACCUSE); one on the speaker's own side a vow (nothing)."""
    clause = obligation_clause(verb, cues)
    said = verb
    if clause is None and (message := obliging_message(verb, cues)) is not None:
        said, clause = message
    if clause is None:
        return []
    auxes = [c for c in clause.children if c.dep_ == "aux"]
    if any(c.lower_ in cues.hedges for c in auxes):
        return []  # "might have to pull back": a guess about a need, not a demand
    # "should have come to Congress first": an obligation on a past act is a reproach
    reproach = clause.tag_ == "VBN" and any(c.lemma_ == "have" for c in auxes)
    targets = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    if targets and all(t.lower_ in FIRST_PERSON for t in targets):
        return []  # "we must fight on, Hamas said": a vow, no call on anyone
    return [
        Trigger(
            said,
            "ACCUSE" if reproach else "REQUEST",
            "disapprove" if reproach else None,
            tuple(with_conjuncts(subjects(verb))),
            tuple(with_conjuncts(targets)),
            0.8,
        )
    ]


# prepositions of an act's noun or object that name whom the act would involve
INVOLVED_PREPS = ("with", "on", "against", "to", "from")


def ruled_out(verb: Token, cues: Cues) -> Trigger | None:
    """ "Zelensky said talks with Russia were out of the question", "'A ceasefire is off
    the table,' Netanyahu said": a speaker ruling an act out rejects it (REJECT), of whom
    the act would involve ("with Russia", "the sanctions on Burma"); by the speech verb's
    subject, or by no one named. The act itself is the rejection's content."""
    if verb.lemma_ != "be" or not cues.ruled_out_phrases:
        return None
    acts = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
    after = verb.doc[verb.i + 1 : verb.i + 6]
    if not acts or not any(
        start == 0 for start, _, _ in find_phrases(after, cues.ruled_out_phrases)
    ):
        return None
    speech = (
        verb.head
        if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in cues.speech_verbs
        else None
    )
    involved: list[Token] = []
    for act in acts:
        nouns = [act, *children(act, "dobj")]  # "removing the sanctions on Burma"
        involved += [o for noun in nouns for o in pobjs(noun, INVOLVED_PREPS)]
    sources = with_conjuncts(subjects(speech)) if speech is not None else []
    return Trigger(verb, "REJECT", None, tuple(sources), tuple(with_conjuncts(involved)), 0.8)


def ruling_copulas(triggers: Sequence[Trigger]) -> set[int]:
    """Indices of the copulas among ``triggers`` that rule an act out (``ruled_out``)."""
    return {t.token.i for t in triggers if t.type == "REJECT" and t.token.lemma_ == "be"}


def ruled_out_act(noun: Token, ruled: set[int]) -> bool:
    """The noun is the act a ruling-out copula (indices ``ruled``) has as its subject,
    or the object of that subject's gerund ("removing the sanctions is out of the
    question")."""
    tok = noun.head if noun.dep_ == "dobj" else noun
    return tok.dep_ in ("nsubj", "csubj") and tok.head.i in ruled


# acts whose complement is what they agree, ask, refuse, threaten or concede
CONTENT_TYPES = frozenset({"AGREE", "REQUEST", "REJECT", "THREATEN", "CONCEDE"})


def embedded(trigger: Trigger, found: Sequence[Trigger], denying: frozenset[str]) -> bool:
    """ "agreed to withdraw", "threatened to strike", "said Sudan must return it": the
    complement (and what is coordinated with it) is the content of the agreement,
    threat or request, not an event of its own. ``denying``: verbs whose complement is
    told, negated, beside the denial (cues.yaml negating_verbs)."""
    content = {o.token.i for o in found if o.type in CONTENT_TYPES and o is not trigger}
    given = content | {o.token.i for o in found if o.mode == "expel" and o is not trigger}
    tok = trigger.token
    if tok.pos_ not in ("VERB", "AUX") and tok.dep_ in ("dobj", "nsubjpass"):
        tok = tok.head  # "promised to continue military aid": the noun's verb
    for _ in range(4):
        if tok.head.i == tok.i:
            return False
        if finite_beside_nonfinite(tok):
            # "denied targeting civilians and accused the army", as parsed: a finite
            # verb is coordinated with the clause above the gerund, not inside it
            tok = tok.head.head
            continue
        if tok.dep_ in ("nsubj", "csubj") and tok.head.i in content:
            # "lifting the sanctions is out of the question": the act ruled out
            return tok.head.i in ruling_copulas(found)
        if tok.dep_ == "advcl" and tok.head.i in given and tok.head.lemma_.lower() == "give":
            # "gave the French ambassador 48 hours to leave": the act the deadline demands
            return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
        if tok.dep_ not in ("xcomp", "ccomp", "conj", "acomp") and not (
            tok.head.i in content and is_content_clause(tok)
        ):
            return False  # "its demand that Israel ease ...": the demand's content
        if tok.dep_ == "ccomp" and any(o.i in content for o in children(tok.head, "dobj")):
            return True  # "reiterated its demand today that Israel ease ...", as parsed
        if tok.dep_ != "conj" and tok.head.i in content:
            # "denied that its soldiers had shot protesters": the denied act is told,
            # negated, beside the denial (cues.yaml negating_verbs)
            return not (tok.dep_ == "ccomp" and tok.head.lemma_.lower() in denying)
        tok = tok.head
    return False
