"""Repairs of parses the small English model gets wrong in a known, checkable way.

A spaCy component (Doc in, Doc out), added after the parser by ``add_parse_repairs``.
Each repair looks for one exact tree shape and rewrites only the heads and labels of the
tokens in it, so a sentence the parser read right is never touched.

- A count led by "up to" or "upwards of" ("kidnapped up to 16 advisers", "detained
  upwards of 50 activists"): the parser hangs the counted noun from the preposition, as
  if the verb took a particle and a place. The noun is the verb's direct object, and the
  leading words modify the number.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

COMPONENT = "sitrep_parse_repairs"
# leading words of a count, each with the preposition that follows it
COUNT_LEADS = {"up": "to", "upwards": "of"}
# verbs of an amount that changes: after them "up to 30 dollars" is how far it went
AMOUNT_VERBS = frozenset(
    {"go", "rise", "climb", "jump", "increase", "grow", "soar", "surge", "run", "add", "come",
     "amount", "total", "sum", "build", "move", "step", "scale", "ramp", "stack", "pile"}
)  # fmt: skip


def add_parse_repairs(nlp: Language) -> Language:
    """Add the repair component to ``nlp`` (once), after its last component."""
    if COMPONENT not in Language.factories:
        Language.component(COMPONENT, func=repair_parse)
    if COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(COMPONENT, last=True)
    return nlp


def repair_parse(doc: Doc) -> Doc:
    for lead in doc:
        prep = _count_preposition(lead)
        if prep is not None:
            _repair_count(lead, prep)
    return doc


def _count_preposition(lead: Token) -> Token | None:
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


def _repair_count(lead: Token, prep: Token) -> None:
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
