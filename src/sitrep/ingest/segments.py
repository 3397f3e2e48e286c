"""Helpers that keep a document's segments valid.

Whatever a splitter decides, the segments it hands on must be sorted, must not
overlap, must not start or end on whitespace and must cover every non-blank character
of the text. :func:`finalise_segments` enforces that; anything a splitter left
uncovered becomes boilerplate, one segment per line.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from sitrep.models import Segment, SegmentKind

logger = logging.getLogger(__name__)


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``[start, end)`` so it neither starts nor ends on whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def line_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The trimmed, non-blank lines of ``text[start:end]`` as spans."""
    spans: list[tuple[int, int]] = []
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl == -1 else nl
        s, e = trim_span(text, pos, stop)
        if s < e:
            spans.append((s, e))
        pos = stop + 1
    return spans


def finalise_segments(text: str, segments: Iterable[Segment]) -> tuple[Segment, ...]:
    """Trim, sort and de-overlap segments, and cover any stray text as boilerplate."""
    trimmed: list[Segment] = []
    for seg in segments:
        s, e = trim_span(text, max(0, seg.start), min(len(text), seg.end))
        if s < e:
            trimmed.append(Segment(s, e, seg.kind))
    trimmed.sort(key=lambda seg: (seg.start, seg.end))
    result: list[Segment] = []
    pos = 0
    for seg in trimmed:
        start = seg.start
        if start < pos:
            logger.debug("overlapping segment %s clipped at %d", seg, pos)
            start, _ = trim_span(text, pos, seg.end)
            if start >= seg.end:
                continue
        result.extend(_gap(text, pos, start))
        result.append(Segment(start, seg.end, seg.kind))
        pos = seg.end
    result.extend(_gap(text, pos, len(text)))
    return tuple(result)


def _gap(text: str, start: int, end: int) -> list[Segment]:
    return [Segment(s, e, SegmentKind.BOILERPLATE) for s, e in line_spans(text, start, end)]
