"""How the triggers found in one sentence fold into each other.

One rule, about event words that do not name an event of their own:

- A restatement: an event noun that characterises or is acted on by another event word is
  not a new event. "condemned the strikes", "suspended security assistance", "accepted
  the resignation": the strikes, the aid and the resignation were told (or not) where
  they happened; here they are what the verbal or material act is about. "was a direct
  assault on democracy", "called it a violation", "condemned the raid as a breach of the
  truce": a predicate that judges something is a name for it, not an act.

Not done: folding "agreed to disarm" into one RETREAT, as our gold files do, would lose
the PLOVER gold-standard records, which code "agreed to resign" and "offered to hand over"
as AGREE; the AGREE with its content embedded stays.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol, TypeVar

from spacy.tokens import Token

# the event types a commitment verb turns into when its complement is one of them
COMMITTED_TYPES = frozenset({"RETREAT"})
# the types whose verbs commit their subject to the complement ("agreed to", "offered to")
COMMITTING_TYPES = frozenset({"AGREE"})


class _Trigger(Protocol):
    token: Token
    type: str
    mode: str | None
    source_tokens: tuple[Token, ...]


T = TypeVar("T", bound=_Trigger)


def _coordination_head(tok: Token) -> Token:
    """The first conjunct of a coordination ("the halt ... and the release" -> halt)."""
    for _ in range(6):
        if tok.dep_ != "conj" or tok.head.i == tok.i:
            break
        tok = tok.head
    return tok


def is_restatement(noun: Token, acting_verbs: Iterable[int]) -> bool:
    """True when the event noun names something another word of the sentence judges or
    acts on: a predicate nominal ("was an assault", "called it a violation"), the
    object of "as" ("condemned X as a breach"), or the object of a verb that is itself
    coded as an event by its own pattern (``acting_verbs``: token indices)."""
    head = _coordination_head(noun)
    if head.dep_ in ("attr", "oprd"):
        return True
    if head.dep_ == "pobj" and head.head.lower_ == "as" and head.head.head.pos_ in ("VERB", "AUX"):
        return True
    return head.dep_ in ("dobj", "nsubjpass") and head.head.i in set(acting_verbs)
