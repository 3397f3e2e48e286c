"""spaCy pipeline setup: sentences, tokens, entities and dependency parse.

The page is parsed one segment at a time (a title, a body paragraph, a comment), so
sentences never cross segment boundaries. ``ParsedSegment.offset`` maps the spaCy
Doc's character offsets back to ``Document.text``: ``offset + token.idx``.
"""

from __future__ import annotations

from sitrep.nlp.pipeline import ParsedSegment, load_nlp, parse_document

__all__ = ["ParsedSegment", "load_nlp", "parse_document"]
