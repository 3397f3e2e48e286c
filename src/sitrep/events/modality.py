"""How the page holds an event: asserted, reported, speculated, predicted, hypothetical,
negated or a question, and who says so.

Every cue is read from the parse around the event's trigger, using the cue lists of the
pattern book (data/cues.yaml):

- question: the sentence ends with "?";
- hypothetical: the trigger's clause, or a clause it governs or depends on, is introduced
  by a conditional marker ("if", "unless");
- negated: the trigger has a negation child ("not", "never", "no");
- predicted: a future auxiliary ("will", "shall", "'ll", "going to"), a prediction cue
  ("Prediction:", "is expected to"), or an intention verb governing the trigger
  ("vowed to retaliate", "plans to withdraw");
- speculated: a hedging modal or adverb on the trigger ("may", "could", "likely"), or a
  hedging clause that governs it ("I'm guessing", "Best guess:", "I suspect");
- reported: the trigger sits in the complement of a speech verb ("X said that ...",
  "X accused Y of ...") or the sentence has "according to X": ``attributed_to`` is X.

When several apply, the pattern book's ``precedence`` decides.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from sitrep.events.clauses import ASPECT_VERBS
from sitrep.events.patterns import Cues, find_phrases
from sitrep.events.syntax import finite_beside_nonfinite, to_infinitive
from sitrep.models import Modality

FUTURE_AUX = {"will", "shall", "'ll", "wo"}
HEDGE_MODALS = {"may", "might", "could", "can"}
FIRST_PERSON = {"i", "we"}


@dataclass(frozen=True)
class ModalityReading:
    modality: Modality
    speaker: Token | None  # head token of whoever the event is attributed to
    cue: str


# prepositions whose object is an act told as the time of another
BACKGROUND_PREPS = frozenset({"since", "after", "before", "following", "despite", "amid", "during"})
# verbs whose act is made on a condition: "threatened sanctions if the assault continued"
CONDITIONING_VERBS = frozenset({"threaten", "warn", "vow"})
TOLD_TAGS = frozenset({"VBD", "VBZ", "VBP", "VBN"})
# verbs whose complement is an expected event: "expects Hamas to release more hostages"
EXPECTING_VERBS = frozenset({"expect", "anticipate", "foresee", "predict", "forecast"})


def _made_threat(verb: Token) -> bool:
    """A threat or warning told as made ("threatened sanctions if ...", "has warned"): the
    if-clause under it is what the threat holds over someone, not a doubt on it."""
    if verb.lemma_.lower() not in CONDITIONING_VERBS or verb.tag_ not in TOLD_TAGS:
        return False
    return not any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children)


def _clause_chain(trigger: Token) -> list[Token]:
    """The trigger and the verbs above it up to the sentence root. A semicolon between a
    clause and the verb the parser hung it from ends the chain: "Rights groups accused the
    army; HRW said ...": the first clause is not what HRW said."""
    chain = [trigger]
    tok = trigger
    while tok.head.i != tok.i and len(chain) < 12:
        lo, hi = sorted((tok.i, tok.head.i))
        if any(t.text == ";" for t in tok.doc[lo + 1 : hi]):
            break
        if _aside(tok):
            break  # "accused France of interfering, a charge Paris denied": the writer's
        # "denied targeting civilians and accused the army", as parsed: the verb
        # the gerund hangs from is the one "accused" is coordinated with
        tok = tok.head.head if finite_beside_nonfinite(tok) else tok.head
        chain.append(tok)
    return chain


def _aside(clause: Token) -> bool:
    """A relative clause of a noun set off by a comma after its clause ("..., a charge
    Paris denied", "..., a claim the Pentagon rejected"): the writer's own aside, not
    part of what the clause reports."""
    noun = clause.head
    if clause.dep_ != "relcl" or noun.dep_ not in ("appos", "npadvmod", "dep"):
        return False
    start = noun.left_edge.i
    return start > 0 and noun.doc[start - 1].text == ","


def _present(clause: Token) -> bool:
    """A clause in the present tense, active or passive ("once a ceasefire is agreed")."""
    return clause.tag_ in ("VBZ", "VBP") or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP") for c in clause.children
    )


def _awaited_in_the_past(clause: Token) -> bool:
    """ "said they would stay until American troops left Iraq": a past tense after
    "until" under a "would" clause is the same awaited act, told in reported speech."""
    upper = clause.head
    past = clause.tag_ == "VBD" or any(
        c.dep_ in ("aux", "auxpass") and c.lower_ in ("was", "were", "had") for c in clause.children
    )
    return past and any(c.dep_ == "aux" and c.lower_ in ("would", "'d") for c in upper.children)


# verbs of being or coming somewhere, whose "to" clause says what for
PRESENCE_VERBS = frozenset({"be", "come", "go", "arrive", "travel", "fly", "deploy"})


def _purpose_of_presence(verb: Token) -> bool:
    """The verb is the purpose of someone's being or coming somewhere ("is not there to
    fight", "did not come to negotiate"): a negation of the presence denies the act."""
    return (
        verb.dep_ in ("xcomp", "advcl")
        and to_infinitive(verb)
        and verb.head.lemma_.lower() in PRESENCE_VERBS
    )


def _charge(verb: Token, cues: Cues) -> bool:
    """The verb is a gerund after "for" or "of" that says what someone is punished for
    ("arrested for collaborating", "convicted of spying for Israel"): a charge."""
    prep = verb.head
    if verb.tag_ != "VBG" or verb.dep_ != "pcomp" or prep.lower_ not in ("for", "of"):
        return False
    punisher = prep.head
    if punisher.pos_ in ("NOUN", "PROPN") and punisher.dep_ in ("dobj", "nsubjpass"):
        punisher = punisher.head  # "arrested a missionary for collaborating", as parsed
    return punisher.pos_ == "VERB" and punisher.lemma_.lower() in cues.punishing_verbs


def _served_verb(verb: Token) -> Token | None:
    """The verb whose purpose the infinitive ``verb`` is, when it is one with no subject
    of its own: "sent troops to help" (a clause of the verb), "a grant to finance
    projects" (a clause of the verb's object)."""
    if not to_infinitive(verb):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    if verb.dep_ == "advcl":
        return verb.head
    noun = verb.head
    if (
        verb.dep_ in ("relcl", "acl")
        and noun.dep_ in ("dobj", "dative")
        and noun.head.pos_ == "VERB"
    ):
        return noun.head
    return None


def _described_part(chain: list[Token]) -> list[Token]:
    """The chain up to a relative clause describing a noun: "Iran, which arms the group,
    denied any involvement": the phrases around "denied" do not reach the arming."""
    for i, clause in enumerate(chain):
        if _describing_clause(clause):
            return chain[: i + 1]
    return chain


def _describing_clause(clause: Token) -> bool:
    """A relative clause whose relative pronoun is one of its own arguments ("a report
    that accused Rwanda", "the deal which they signed"), as against a noun's content
    clause ("reports that troops had entered")."""
    return clause.dep_ == "relcl" and any(
        c.lower_ in ("that", "which", "who", "whom") and c.dep_ in ("nsubj", "nsubjpass", "dobj")
        for c in clause.children
    )


def _said_chain(chain: list[Token], cues: Cues) -> list[Token]:
    """The chain up to a speech verb that is coordinated with another verb: "denied any
    role and said it remained committed": what is said is not under the denial. A
    speaker's second act joined to the speech verb ("denied that the town had fallen and
    accused the rebels") is neither said nor denied: the chain is the act alone."""
    if (
        len(chain) > 1
        and chain[0].dep_ == "conj"
        and chain[0].head.i == chain[1].i
        and chain[1].lemma_.lower() in cues.speech_verbs
        and chain[0].tag_ == "VBD"
    ):
        return chain[:1]
    for k, tok in enumerate(chain[1:], start=1):
        if tok.dep_ == "conj" and tok.lemma_.lower() in cues.speech_verbs:
            return chain[: k + 1]
    return chain


def _none_of(noun: Token) -> bool:
    """A noun phrase that names nothing: "no military facilities", "nobody", "none"."""
    if noun.lower_ in ("nobody", "none", "nothing", "noone"):
        return True
    return any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children)


def _passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def _speaker(verb: Token) -> Token | None:
    """Who says so: the subject of an active speech verb, the agent of a passive one."""
    if _passive(verb):
        by = next((c for c in verb.children if c.dep_ == "agent"), None)
        return next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
    own = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if own is None and verb.dep_ == "conj" and verb.head.i != verb.i:
        return _speaker(verb.head)  # "rejected the request and accused the US of ..."
    if own is None and verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.lemma_ in ACCUSING:
        return _speaker(verb.head)  # "gave the envoy 48 hours to leave, accusing him of"
    return own


# participles of accusing whose subject is the clause they hang from ("..., accusing him")
ACCUSING = frozenset({"accuse", "blame", "charge"})
OWN_CLAUSE_DEPS = frozenset({"ccomp", "advcl", "parataxis", "conj"})


def _phrase_near(sentence: Span, phrases: tuple[str, ...], chain: list[Token]) -> str | None:
    """A cue phrase that opens the sentence ("Prediction:", "I think") or touches the
    trigger's chain of clauses ("is expected to", "plans to")."""
    # a clause of its own below the chain ("Police failed to act, a group protested") is
    # what is said, not a cue on the saying
    near = {t.i for t in chain} | {
        c.i for t in chain for c in t.children if c.dep_ not in OWN_CLAUSE_DEPS
    }
    tokens = list(sentence)
    trigger = chain[0].i
    for start, end, phrase in find_phrases(tokens, phrases):
        inside = {tokens[k].i for k in range(start, end)}
        if trigger in inside:
            continue  # "denied any involvement": the cue is the event's own word
        if start == 0 or inside & near:
            return phrase
    return None


# temporal markers whose clause, in the present tense, waits on an act yet to come
AWAITED_MARKS = frozenset({"until", "till", "once"})


# words that open a short question tagged onto a statement: "..., is that the answer?"
TAG_OPENERS = frozenset(
    {"is", "was", "are", "were", "will", "would", "did", "does", "do", "can", "could",
     "right", "no", "who", "what", "why", "how", "isn't", "wasn't", "didn't", "doesn't"}
)  # fmt: skip


def _before_question_tag(trigger: Token, sentence: Span) -> bool:
    """The trigger is in a statement before a short question tagged on after a comma
    ("Hezbollah fired 40 rockets yesterday, is that the answer?"): only the tag asks."""
    commas = [t for t in sentence if t.text == "," and t.i > trigger.i]
    if not commas or sentence[0].lower_ in TAG_OPENERS:
        return False  # "Will Iran strike back, or will it wait?": asked from the start
    tail = sentence.doc[commas[-1].i + 1 : sentence.end]
    return 0 < len(tail) <= 8 and tail[0].lower_ in TAG_OPENERS


# words that set an act as the circumstance of another, not as what is said about it:
# "declared a state of emergency after days of fighting"
CIRCUMSTANCE_WORDS = frozenset(
    {"after", "before", "since", "during", "amid", "following", "despite", "because", "as",
     "when", "while", "until"}
)  # fmt: skip


def _circumstance(chain: list[Token], speech: Token) -> bool:
    """The chain reaches the speech verb through a time or cause phrase or clause of the
    speech verb itself: the act is when or why it was said, not what was said ("Iran said
    the attack came after Israel struck": the strike is still what Iran said)."""
    below = chain[chain.index(speech) - 1]
    if below.dep_ == "prep" and below.lower_ in CIRCUMSTANCE_WORDS:
        return True
    return below.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in CIRCUMSTANCE_WORDS for c in below.children
    )


def read_modality(trigger: Token, sentence: Span, cues: Cues) -> ModalityReading:
    """Read the modality of the event named by ``trigger`` in ``sentence``."""
    found: dict[Modality, ModalityReading] = {}

    def note(modality: Modality, cue: str, speaker: Token | None = None) -> None:
        found.setdefault(modality, ModalityReading(modality, speaker, cue))

    if cues.is_question(sentence.text) and not _before_question_tag(trigger, sentence):
        note(Modality.QUESTION, "?")

    guessed = False  # a first-person hedge governs the event
    chain = _clause_chain(trigger)
    verb = (
        trigger
        if trigger.pos_ in ("VERB", "AUX")
        else next((t for t in chain if t.pos_ in ("VERB", "AUX")), trigger)
    )
    own = [verb] if verb is trigger else [trigger, verb]
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in ASPECT_VERBS:
        own.append(verb.head)  # "will keep striking Syria": the aspect verb's modal is its
    if trigger.dep_ == "pobj" and trigger.head.lower_ in BACKGROUND_PREPS:
        # "has not spoken since the Hamas attack": the attack is the time it is counted
        # from, untouched by the verb's negation or modal
        own = [trigger]

    # conditionals: a marker on the trigger's own clause, on a clause above it, or an
    # if-clause attached to the trigger's verb ("If X happens, Y will ...")
    for tok in chain:
        for child in tok.children:
            if child.dep_ == "mark" and child.lower_ in cues.conditional:
                note(Modality.HYPOTHETICAL, child.lower_)
            elif (
                # "once" may be parsed as an adverb opening its clause
                (child.dep_ == "mark" or child.i == tok.left_edge.i)
                and child.lower_ in AWAITED_MARKS
                and tok.dep_ == "advcl"
                and (_present(tok) or _awaited_in_the_past(tok))
            ):
                # "will keep fighting until Israel ends its war": a present tense after
                # "until" or "once" is an awaited act, a condition, not one told
                note(Modality.HYPOTHETICAL, child.lower_)
    for child in verb.children:
        if child.dep_ == "advcl" and any(
            g.dep_ == "mark" and g.lower_ in cues.conditional for g in child.children
        ):
            if _made_threat(verb):
                continue  # "threatened sanctions if the assault continued": its condition
            note(Modality.HYPOTHETICAL, "if-clause")
    conditional_modal = next(
        (
            c.lower_
            for c in verb.children
            if c.dep_ == "aux" and c.lower_ in cues.conditional_modals
        ),
        None,
    )
    if conditional_modal and (
        Modality.HYPOTHETICAL in found or find_phrases(list(sentence), cues.conditional_phrases)
    ):
        note(Modality.HYPOTHETICAL, conditional_modal)
    elif conditional_modal:
        note(Modality.SPECULATED, conditional_modal)

    purpose = verb.head if _purpose_of_presence(verb) else None
    if purpose is not None and any(c.dep_ == "neg" for c in purpose.children):
        note(Modality.NEGATED, "not there to")  # "Wagner is not there to fight jihadists"
    for tok in own:
        for child in tok.children:
            if child.dep_ == "neg" or (
                child.lower_ in cues.negation and child.dep_ in ("advmod", "det", "neg")
            ):
                note(Modality.NEGATED, child.lower_)
            if child.dep_ in ("nsubj", "nsubjpass", "dobj") and _none_of(child):
                note(Modality.NEGATED, "no")  # "no military facilities had been targeted"

    for tok in own:
        for child in tok.children:
            low = child.lower_
            if child.dep_ in ("aux", "auxpass") and low in FUTURE_AUX:
                note(Modality.PREDICTED, low)
            elif (
                child.dep_ in ("aux", "auxpass")
                and low in HEDGE_MODALS
                or child.dep_ == "advmod"
                and low in cues.hedges
            ):
                note(Modality.SPECULATED, low)
            elif child.dep_ in ("aux", "advmod") and low in cues.prediction:
                note(Modality.PREDICTED, low)
    if _charge(verb, cues):
        note(Modality.SPECULATED, "charged")  # "arrested for collaborating with Israel"
    served = _served_verb(verb)
    if served is not None:
        # "will give Tanzania a grant to finance projects", "may send troops to help": the
        # purpose of a future or hedged act is no more certain than the act
        for child in served.children:
            if child.dep_ == "aux" and child.lower_ in FUTURE_AUX:
                note(Modality.PREDICTED, child.lower_)
            elif child.dep_ == "aux" and child.lower_ in HEDGE_MODALS:
                note(Modality.SPECULATED, child.lower_)
    # "the Houthis should be bombed", "Israel must strike": an act called for, not done;
    # "must have known" is an inference
    for child in verb.children:
        if child.dep_ == "aux" and child.lower_ in cues.obligation:
            perfect = any(c.dep_ == "aux" and c.lower_ == "have" for c in verb.children)
            note(Modality.SPECULATED if perfect else Modality.HYPOTHETICAL, child.lower_)
    going = to_infinitive(verb)
    if going and verb.head.lemma_ == "be" and verb.head.pos_ == "AUX" and verb.dep_ == "xcomp":
        note(Modality.PREDICTED, "is to")  # "Hamas is to free 50 women": arranged, to come
    if going and verb.head.lemma_ in ("have", "need") and verb.dep_ == "xcomp":
        # "might have to pull fighters away": the modal on "have" holds the act
        for aux in (c.lower_ for c in verb.head.children if c.dep_ == "aux"):
            if aux in FUTURE_AUX:
                note(Modality.PREDICTED, aux)
            elif aux in HEDGE_MODALS:
                note(Modality.SPECULATED, aux)
    if (
        going
        and verb.head.lemma_ == "go"
        and any(a.lower_ in ("is", "are", "am", "'s", "'re") for a in verb.head.children)
    ):
        note(Modality.PREDICTED, "going to")
        if any(c.dep_ == "neg" for c in verb.head.children):
            note(Modality.NEGATED, "not going to")  # "we are not going to leave our towns"

    for phrases, modality in (
        (cues.conditional_phrases, Modality.HYPOTHETICAL),
        (cues.negation_phrases, Modality.NEGATED),
        (cues.prediction_phrases, Modality.PREDICTED),
        (cues.hedge_phrases, Modality.SPECULATED),
    ):
        phrase = _phrase_near(sentence, phrases, _said_chain(_described_part(chain), cues))
        if phrase:
            note(modality, phrase)
            if modality == Modality.SPECULATED and phrase.split()[0] in ("i", "my", "i'm"):
                guessed = True  # "I'm guessing X will": the writer's guess, not a forecast

    # verbs above the trigger: intention, hedging and speech; a verb the clause below is
    # only coordinated with ("rejected the results and called for protests") does not
    # govern it
    described = False  # the chain passed a relative clause describing a noun
    for below, upper in zip(chain, chain[1:], strict=False):
        described = described or _describing_clause(below)
        if below.dep_ == "conj" and (below.head.i == upper.i or finite_beside_nonfinite(below)):
            continue
        lemma = upper.lemma_.lower()
        speaker = _speaker(upper)
        if lemma in EXPECTING_VERBS and upper.pos_ == "VERB":
            # "Israel expects Hamas to release more", "don't expect Hamas to release ..."
            negated = any(c.dep_ == "neg" for c in upper.children)
            note(Modality.NEGATED if negated else Modality.PREDICTED, lemma)
        elif lemma in cues.negating_verbs:
            # "rejected a UN report that accused it of ...": the report did accuse it;
            # what is denied is the report's content, not the relative clause
            if not described:
                note(Modality.NEGATED, lemma)
        elif lemma in cues.hedges:
            note(Modality.SPECULATED, lemma)
            guessed = guessed or (speaker is not None and speaker.lower_ in FIRST_PERSON)
        elif lemma in cues.speech_verbs and speaker is not None:
            if speaker.lower_ not in FIRST_PERSON and not _circumstance(chain, upper):
                note(Modality.REPORTED, lemma, speaker)
        elif lemma in cues.speech_verbs and _passive(upper):
            note(Modality.SPECULATED, lemma)  # "was accused of ...", "is said to ...": nobody named
    for tok in sentence:
        if (
            tok.lower_ == "according"
            and tok.i + 1 < len(tok.doc)
            and tok.doc[tok.i + 1].lower_ == "to"
        ):
            pobj = next((c for c in tok.doc[tok.i + 1].children if c.dep_ == "pobj"), None)
            note(Modality.REPORTED, "according to", pobj)

    if guessed:
        found.pop(Modality.PREDICTED, None)
    strongest = cues.strongest(found)
    return found.get(strongest, ModalityReading(Modality.ASSERTED, None, ""))
