"""The trigger: the word that names an event, with the words of its arguments, as the
coder's passes find and fold it before actors are looked up (``EventCoder._event``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Token

from sitrep.events.patterns import NounPattern, VerbPattern
from sitrep.events.syntax import with_conjuncts

# types whose acts often have no recipient at all ("resigned", "agreed to hold elections",
# "mobilised reservists"): a doer alone completes them, where the reading names no one else
SELF_CONTAINED_TYPES = frozenset({"AGREE", "CONCEDE", "RETREAT", "MOBILIZE"})


@dataclass(frozen=True)
class Trigger:
    token: Token  # the word that names the event
    type: str
    mode: str | None
    source_tokens: tuple[Token, ...]
    target_tokens: tuple[Token, ...]
    confidence: float
    # where else the recipient may be named, tried in order when target_tokens name no actor
    fallback_targets: tuple[Token, ...] = ()
    # the reading itself holds the negation ("did not rule out", "will not go unanswered")
    negation_read: bool = False
    # a mutual act ("clashed", "talks between A and B"): its sides are each other's recipients
    symmetric: bool = False
    # the reading names no recipient ("resigned", "mobilised reservists"): a doer completes it
    no_recipient: bool = False
    # the speech it is told in is the act ("said Iran would pay a heavy price"): its
    # modality is read on the speech verb, not on the threatened clause
    spoken_by: Token | None = None
    # the words call for the act ("Ruto should bring them home"): the call is made now,
    # whatever the modal on the act says
    called_for: bool = False
    # whom the attack's toll names ("attacked the hotel, killing six guests"): its
    # recipients where what was attacked names no one
    toll: tuple[Token, ...] = ()

    @classmethod
    def of(
        cls,
        token: Token,
        pattern: VerbPattern | NounPattern,
        sources: Sequence[Token],
        targets: Sequence[Token],
        confidence: float,
        fallback_targets: Sequence[Token] = (),
    ) -> Trigger:
        """A trigger whose arguments include their coordinated words ("X and Y")."""
        return cls(
            token,
            pattern.type,
            pattern.mode,
            tuple(with_conjuncts(sources)),
            tuple(with_conjuncts(targets)),
            confidence,
            tuple(fallback_targets),
            isinstance(pattern, VerbPattern) and pattern.negate,
            pattern.symmetric,
            isinstance(pattern, VerbPattern)
            and pattern.target == "none"
            and pattern.type in SELF_CONTAINED_TYPES,
        )
