"""Repairs of noun-phrase attachments the small English model gets wrong, called from
``repairs.repair_parse`` (same contract: one exact shape, heads and labels only).

- A count led by "up to" or "upwards of" ("kidnapped up to 16 advisers", "detained
  upwards of 50 activists"): the parser hangs the counted noun from the preposition, as
  if the verb took a particle and a place. The noun is the verb's direct object, and the
  leading words modify the number.
- A noun joined by "and" after a verb's object but hung from the verb as a conjunct of
  it ("killed 13 service members and at least 170 Afghans"): the object's conjunct.
- A relative clause without "that" read as a participle of its own subject ("an attack
  the opposition blamed on security forces", parsed as "the opposition [who were]
  blamed"): after a noun, a determined noun and a verb of judging form a clause about
  the first noun, whose subject is the second.
- Whose aide or adviser someone is ("arrested an aide to the opposition leader"): the
  parser hangs the "to" phrase from the verb, as if the aide were taken somewhere. Right
  after a noun of personal service, "to" names whom the person serves.
"""

from __future__ import annotations

from spacy.tokens import Token

# leading words of a count, each with the preposition that follows it
COUNT_LEADS = {"up": "to", "upwards": "of"}
# verbs of an amount that changes: after them "up to 30 dollars" is how far it went
AMOUNT_VERBS = frozenset(
    {"go", "rise", "climb", "jump", "increase", "grow", "soar", "surge", "run", "add", "come",
     "amount", "total", "sum", "build", "move", "step", "scale", "ramp", "stack", "pile"}
)  # fmt: skip
# people who serve a person or a body: "an aide to", "an adviser to", "bodyguards to"
SERVICE_NOUNS = frozenset(
    {"aide", "adviser", "advisor", "assistant", "counsellor", "counselor", "bodyguard",
     "secretary", "spokesman", "spokeswoman", "spokesperson", "successor", "heir",
     "deputy", "consultant"}
)  # fmt: skip


def count_preposition(lead: Token) -> Token | None:
    """The preposition of a count phrase led by ``lead`` ("up" + "to"), when the parse
    hangs both from the verb and the counted noun from the preposition."""
    wanted = COUNT_LEADS.get(lead.lower_)
    if wanted is None or lead.i + 1 >= len(lead.doc):
        return None
    prep = lead.doc[lead.i + 1]
    verb = lead.head
    if prep.lower_ != wanted or verb.pos_ not in ("VERB", "AUX") or verb.i > lead.i:
        return None
    if verb.lemma_.lower() in AMOUNT_VERBS:
        return None
    if prep.head.i not in (verb.i, lead.i):
        return None
    if any(c.dep_ == "dobj" for c in verb.children):
        return None
    return prep


def repair_count(lead: Token, prep: Token) -> None:
    noun = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if noun is None or noun.pos_ not in ("NOUN", "PROPN"):
        return
    number = next((c for c in noun.children if c.dep_ == "nummod" and c.i < noun.i), None)
    if number is None or number.i != prep.i + 1:
        return
    verb = lead.head
    noun.head, noun.dep_ = verb, "dobj"
    lead.head, lead.dep_ = number, "quantmod"
    prep.head, prep.dep_ = number, "quantmod"


def object_of_stranded_conjunct(noun: Token) -> Token | None:
    """ "killed 13 U.S. service members and at least 170 Afghans", with "Afghans" hung
    from the verb as a conjunct of it: a noun with no verb of its own, joined by "and"
    after the verb's object, is that object's conjunct (a second recipient)."""
    verb = noun.head
    if noun.dep_ != "conj" or noun.pos_ not in ("NOUN", "PROPN") or verb.pos_ != "VERB":
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "dobj", "aux", "auxpass") for c in noun.children):
        return None
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.i < noun.i]
    if not objects:
        return None
    obj = objects[-1]
    between = noun.doc[obj.right_edge.i + 1 : noun.left_edge.i]
    if len(between) != 1 or between[0].lower_ not in ("and", "or"):
        return None
    return obj


def repair_stranded_conjunct(noun: Token, obj: Token) -> None:
    joiner = noun.doc[noun.left_edge.i - 1]
    noun.head = obj
    joiner.head, joiner.dep_ = obj, "cc"


def verb_owned_relation(prep: Token) -> Token | None:
    """The noun of personal service that a "to" phrase hung from a verb follows right
    after ("detained a senior aide to Machado"), when the verb does not take "to" as
    where its object went (it has no other "to" reading we can check, so only nouns of
    service, which are not sent anywhere, are repaired)."""
    if prep.lower_ != "to" or prep.dep_ != "prep" or prep.i == 0:
        return None
    verb = prep.head
    if verb.pos_ != "VERB" or verb.i > prep.i:
        return None
    noun = prep.doc[prep.i - 1]
    if noun.lemma_.lower() not in SERVICE_NOUNS or noun.pos_ != "NOUN":
        return None
    if noun.head.i != verb.i or noun.dep_ not in ("dobj", "nsubjpass", "nsubj"):
        return None
    if not any(c.dep_ == "pobj" and c.pos_ in ("PROPN", "NOUN") for c in prep.children):
        return None
    return noun


# verbs by which a page reports what others said of an act: "an attack the army denied"
JUDGING_ASIDE_VERBS = frozenset(
    {"blame", "deny", "reject", "call", "describe", "claim", "condemn", "dispute", "dismiss",
     "attribute", "term", "label"}
)  # fmt: skip


def reduced_relative(verb: Token) -> tuple[Token, Token] | None:
    """(the noun the clause is about, its subject) for "an attack the opposition blamed on
    ...", parsed with the verb as a participle of "the opposition"."""
    if verb.dep_ != "acl" or verb.tag_ not in ("VBN", "VBD"):
        return None
    if verb.lemma_.lower() not in JUDGING_ASIDE_VERBS or verb.i == 0:
        return None
    subject, beside = verb.head, False
    if subject.i != verb.i - 1:
        # "a move the UN General Assembly condemned", parsed with both the name and the
        # verb hung from "move": the name right before the verb is its subject
        before = verb.doc[verb.i - 1]
        if before.dep_ != "appos" or before.head.i != verb.head.i:
            return None
        subject, beside = before, True
    if subject.pos_ not in ("NOUN", "PROPN") or any(
        c.dep_ == "agent" and not _counted_by(c) for c in verb.children
    ):
        return None
    start = subject.left_edge.i
    if start == 0 or (start == subject.i and subject.pos_ != "PROPN"):
        return None  # a bare common noun before it: "attacks blamed on ..." is a participle
    antecedent = verb.head if beside else verb.doc[start - 1]
    if antecedent.pos_ != "NOUN" or antecedent.i == subject.i:
        return None
    return antecedent, subject


def _counted_by(agent: Token) -> bool:
    """ "by a large majority", "by 141 votes": how a vote went, not who acted."""
    return any(o.lemma_.lower() in ("majority", "vote", "margin") for o in agent.children)
