"""A definite noun that repeats a noun the page has just used for an actor ("U.N.
peacekeepers ... the peacekeepers", "Kenyan police officers ... the officers") names
that actor again, whatever other actors of the same sector came between."""

from __future__ import annotations

from spacy.tokens import Token

from sitrep.actors.mentions import ActorIndex, ActorMention
from sitrep.models import Actor

DEFINITE_WORDS = frozenset({"the", "these", "those"})
# how far back, in parsed segments, a repeated noun may reach
MAX_SEGMENTS_BACK = 2


def repeated_noun(index: ActorIndex, seg_i: int, head: Token) -> Actor | None:
    """The actor of the latest earlier mention whose head is the same plural noun as the
    definite ``head``, with a name or a nationality of its own, within two segments."""
    if head.tag_ != "NNS" or not any(c.lower_ in DEFINITE_WORDS for c in head.children):
        return None
    lemma = head.lemma_.lower()
    latest: ActorMention | None = None
    for m in index.mentions:
        if (m.seg, m.start) >= (seg_i, head.i) or m.seg < seg_i - MAX_SEGMENTS_BACK:
            continue
        if index.segments[m.seg].kind != index.segments[seg_i].kind:
            continue
        earlier = index.segments[m.seg].doc[m.head]
        if earlier.lemma_.lower() != lemma or m.via in ("implied", "pronoun", "role_noun"):
            continue
        if m.end - m.start < 2:
            continue  # a bare noun says no more than this one
        if latest is None or (m.seg, m.start) > (latest.seg, latest.start):
            latest = m
    return latest.actor if latest is not None else None
