"""Hyphenated participles before an actor noun: "Iran-backed militias" (a patron, not
the militias' own country), "Saudi-led forces" (a leader, whose forces they are), "the
Houthi-run ministry" (a ruler), "Iranian-made drones" (a maker, no owner)."""

from __future__ import annotations

from spacy.tokens import Token

# "Iran-backed", "Saudi-led": participles whose first part names another actor
HYPHEN_PARTICIPLES = frozenset(
    {
        "backed",
        "supported",
        "sponsored",
        "funded",
        "armed",
        "trained",
        "allied",
        "aligned",
        "affiliated",
        "led",
        "linked",
        "inspired",
        "run",
        "controlled",
        "held",
        "installed",
    }
)


# the maker of a weapon is not whoever uses it: "Iranian-made drones", "U.S.-supplied
# missiles" name no owner
MAKER_PARTICIPLES = frozenset({"made", "built", "manufactured", "designed", "supplied", "produced"})


def made_by(head: Token) -> bool:
    """The weapon noun ``head`` is named by its maker ("Iranian-made drones")."""
    for tok in head.doc[head.left_edge.i : head.i]:
        parts = tok.text.lower().replace("\u2010", "-").split("-")
        if len(parts) > 1 and parts[-1] in MAKER_PARTICIPLES:
            return True
        if tok.lower_ in MAKER_PARTICIPLES and tok.i > 0 and tok.doc[tok.i - 1].text == "-":
            return True
    return False


# "U.S.-led coalition forces", "Saudi-led forces": a force led by a state is coded as
# that state's, as event data codes the coalitions it leads
LEADER_PARTICIPLES = frozenset({"led", "commanded"})


# "the Houthi-run health ministry", "Hamas-controlled Gaza": the ruler's country is the
# institution's, though the ruler is not the institution
RULER_PARTICIPLES = frozenset({"run", "controlled", "administered", "governed"})


# sites an armed group may hold: "the Houthi-controlled air base" is the Houthis', not
# their country's army's
HELD_SITES = frozenset(
    {"base", "airbase", "airport", "position", "checkpoint", "post", "outpost", "camp",
     "barracks", "port", "depot", "garrison", "headquarters", "compound", "territory"}
)  # fmt: skip


def held_site(head: Token) -> bool:
    return head.lemma_.lower() in HELD_SITES


def hyphen_participle(tok: Token) -> str | None:
    """The participle after ``tok`` when ``tok`` is the first part of a hyphenated one
    ("Iran" in "Iran-backed": "backed"), else None."""
    if "-" in tok.text:
        participle = tok.text.rsplit("-", 1)[1].lower()
        return participle if participle in HYPHEN_PARTICIPLES else None
    doc = tok.doc
    for k in range(tok.i + 1, min(tok.i + 4, len(doc) - 1)):
        if doc[k].text in ("-", "\u2010", "\u2011"):
            participle = doc[k + 1].lower_
            return participle if participle in HYPHEN_PARTICIPLES else None
        if doc[k].is_punct or doc[k].is_space:
            return None
    return None


def hyphen_agent(tok: Token) -> bool:
    """True for the first part of a hyphenated participle ("Iran" in "Iran-backed"): it
    names a backer or patron, not the phrase's own country. A leader ("U.S.-led") is the
    phrase's own."""
    participle = hyphen_participle(tok)
    return participle is not None and participle not in LEADER_PARTICIPLES
