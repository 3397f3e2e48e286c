"""The scorer itself: it must count what it says it counts."""

from __future__ import annotations

from sitrep.evaluation import score_document
from sitrep.models import (
    ActorRef,
    AnalysedDocument,
    Document,
    Event,
    Mention,
    Modality,
    Segment,
    SegmentKind,
)

TEXT = "Iraqi troops attacked the Mahdi Army in Basra.\nGreat post!"


def _analysed(target_code: str) -> AnalysedDocument:
    doc = Document(
        doc_id="d",
        path="d.txt",
        text=TEXT,
        segments=(Segment(0, 46, SegmentKind.BODY), Segment(47, 58, SegmentKind.COMMENT)),
        content_hash="h",
    )
    troops = ActorRef("generic:irqmil", "Iraq MIL", "IRQMIL", "Iraqi troops")
    army = ActorRef("mahdi_army", "Mahdi Army", target_code, "the Mahdi Army")
    event = Event(
        event_id="e1", doc_id="d", type="ASSAULT", mode=None, source=(troops,), target=(army,),
        date=None, location=None, modality=Modality.ASSERTED, segment=SegmentKind.BODY,
        sentence=TEXT[:46], start=0, end=46, trigger="attacked", trigger_start=13,
        trigger_end=21, confidence=0.8,
    )  # fmt: skip
    mentions = (
        Mention("d", 0, 12, "Iraqi troops", SegmentKind.BODY, troops),
        Mention("d", 22, 36, "the Mahdi Army", SegmentKind.BODY, army),
    )
    return AnalysedDocument(document=doc, mentions=mentions, events=(event,))


GOLD = {
    "doc": "d",
    "split": {"body_contains": ["attacked the Mahdi"], "comments_contain": ["Great post"]},
    "mentions": [
        {"text": "Iraqi troops", "code": "IRQMIL"},
        {"text": "Mahdi Army", "code": "IRQREB"},
        {"text": "Basra", "code": None},
    ],
    "events": [
        {"sentence_contains": "attacked", "source": "IRQMIL", "type": "ASSAULT", "target": "IRQREB"}
    ],
}


def test_a_right_page_scores_full_marks():
    scores = score_document(GOLD, _analysed("IRQREB"))
    assert scores.split.ratio == 1.0
    assert (scores.mentions.correct, scores.mentions.total) == (3, 3)
    assert (scores.event_precision.ratio, scores.event_recall.ratio) == (1.0, 1.0)


def test_a_wrong_target_code_costs_the_event_and_the_mention():
    scores = score_document(GOLD, _analysed("IRQMIL"))
    assert scores.event_recall.correct == 0 and scores.event_precision.correct == 0
    assert scores.event_type_recall.correct == 1
    assert scores.event_source_recall.correct == 1
    assert scores.mentions.correct == 2
    assert any("missed event" in m for m in scores.misses)
