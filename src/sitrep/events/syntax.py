"""Small readings of the dependency parse that the coder's modules share."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token


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
            out.extend(children(prep, "pobj", "pcomp"))
    return out


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
