"""Claims: the predictions, speculations and hypotheticals a page puts forward.

Opinion pages are full of them ("Prediction: the PM will be gone by summer", "I'm
guessing Tehran answers within the week", "If the troops leave, Ankara will move in").
An analyst wants them listed so that they can check later which came true. A sentence is
a claim when

- an event coded from it is predicted, speculated or hypothetical; or
- it names at least one actor, and its main verb reads as predicted, speculated or
  hypothetical by the same cues the coder uses for events (``events/modality.py``).

The claim's holder is whoever the sentence says makes it (the subject of a speech verb
above the claimed event: "analysts expect that ..."), else None: the page's author, or the
commenter for a reader comment. ``made_on`` is the page's date; ``about`` the date the
sentence itself gives for the claimed event, when it gives one.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from spacy.tokens import Span, Token

from sitrep.actors.resolve import ActorIndex
from sitrep.events.modality import FIRST_PERSON, read_modality
from sitrep.events.patterns import Cues
from sitrep.models import ActorRef, Claim, Event, Modality, SegmentKind
from sitrep.nlp import ParsedSegment

CLAIM_KINDS = {
    Modality.PREDICTED: "prediction",
    Modality.SPECULATED: "speculation",
    Modality.HYPOTHETICAL: "hypothetical",
}
# verbs of belief and expectation whose subject holds the claim below them, beside the
# speech verbs, hedges and prediction cues of data/cues.yaml
BELIEF_VERBS = frozenset(
    {"expect", "believe", "think", "fear", "anticipate", "forecast", "predict", "reckon", "hope"}
)
CLAIM_SEGMENTS = (SegmentKind.BODY, SegmentKind.QUOTE, SegmentKind.COMMENT)


def _speaker_above(token: Token, cues: Cues) -> Token | None:
    """The subject of the nearest speech verb governing ``token`` ("X expects that ...")."""
    tok, depth = token, 0
    while tok.head.i != tok.i and depth < 10:
        tok, depth = tok.head, depth + 1
        lemma = tok.lemma_.lower()
        if lemma in cues.speech_verbs or lemma in cues.hedges or lemma in BELIEF_VERBS:
            subject = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is not None and subject.lower_ not in FIRST_PERSON:
                return subject
            return None
    return None


def _holder(
    token: Token, cues: Cues, index: ActorIndex, seg_i: int, date: str | None
) -> ActorRef | None:
    speaker = _speaker_above(token, cues)
    if speaker is None:
        return None
    mention = index.at(seg_i, speaker.i)
    return index.to_ref(mention, date) if mention is not None else None


def _token_at(ps: ParsedSegment, char: int) -> Token | None:
    span = ps.doc.char_span(char - ps.offset, char - ps.offset + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _names_an_actor(index: ActorIndex, seg_i: int, sentence: Span) -> bool:
    return any(index.at(seg_i, tok.i) is not None for tok in sentence)


def _claim_id(doc_id: str, start: int) -> str:
    return hashlib.sha1(f"{doc_id}:claim:{start}".encode()).hexdigest()[:16]


def find_claims(
    doc_id: str,
    segments: Sequence[ParsedSegment],
    events: Sequence[Event],
    index: ActorIndex,
    cues: Cues,
    page_date: str | None,
) -> list[Claim]:
    """The claims of one page, in page order (see the module docstring)."""
    by_sentence: dict[int, list[tuple[Event, int, int]]] = {}
    for event in events:
        for telling in event.mentions or ():
            by_sentence.setdefault(telling.start, []).append(
                (event, telling.trigger_start, int(telling.modality in CLAIM_KINDS))
            )
        if not event.mentions:
            by_sentence.setdefault(event.start, []).append(
                (event, event.trigger_start, int(event.modality in CLAIM_KINDS))
            )
    claims: list[Claim] = []
    for seg_i, ps in enumerate(segments):
        if ps.kind not in CLAIM_SEGMENTS:
            continue
        for sentence in ps.doc.sents:
            start = ps.offset + sentence.start_char
            claimed = [
                (event, trigger)
                for event, trigger, is_claim in by_sentence.get(start, ())
                if is_claim
            ]
            if claimed:
                event, trigger_start = claimed[0]
                telling = next(
                    (m for m in event.mentions if m.trigger_start == trigger_start), None
                )
                modality = telling.modality if telling is not None else event.modality
                anchor = _token_at(ps, trigger_start)
                about = event.date if event.date_text else None
                event_ids = tuple(dict.fromkeys(e.event_id for e, _ in claimed))
            else:
                if not _names_an_actor(index, seg_i, sentence):
                    continue
                anchor = sentence.root
                modality = read_modality(anchor, sentence, cues).modality
                if modality not in CLAIM_KINDS:
                    continue
                about, event_ids = None, ()
            holder = _holder(anchor, cues, index, seg_i, page_date) if anchor is not None else None
            claims.append(
                Claim(
                    claim_id=_claim_id(doc_id, start),
                    doc_id=doc_id,
                    kind=CLAIM_KINDS[modality],
                    text=sentence.text,
                    start=start,
                    end=ps.offset + sentence.end_char,
                    segment=ps.kind,
                    holder=holder,
                    made_on=page_date,
                    about=about,
                    event_ids=event_ids,
                )
            )
    return claims
