"""Split a plain-text page into title, body, quoted copy, comments and boilerplate.

Plain text scraped from blogs mixes the article with share buttons, ads, sidebars and
the reader comment thread. The splitter works line by line:

1. Boilerplate lines (share buttons, ads, menus, copyright, cookie notices) and the
   link lists under headers such as "Related posts" are recognised from the cue file.
2. The first line is the title when it reads like one.
3. The comment thread starts at a comment-section header ("12 Comments", "Leave a
   Reply"). Without one, a tail of short, reactive, "@name" paragraphs after the article
   is found by a maximum-suffix score over paragraphs (:func:`_headerless_comment_start`).
4. Inside the article, copied wire text ("From Reuters:", a dateline, "> " or indented
   paragraphs, paragraphs wholly in quotation marks) becomes QUOTE until the author's
   own voice resumes (first person, an aside such as "So" or "[Update").
5. Comments are grouped: one COMMENT segment per comment, split at author/timestamp
   lines, "@name" replies, "Reply" buttons and blank lines.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from sitrep.ingest.cues import AuthorMatch, Cues, normalise_phrase
from sitrep.ingest.segments import finalise_segments
from sitrep.models import Segment, SegmentKind

logger = logging.getLogger(__name__)

_WORD = re.compile(r"[\w'’]+")
_SENTENCE_END = re.compile(r"[.!?;:\"”’)\]…]$")
_DASH_ATTRIBUTION = re.compile(r"^[-–—~]\s*\S.{0,60}$")
_OPEN_QUOTES = '“"‘«'
_CLOSE_QUOTES = '”"’»'

# Scores for the headerless comment-tail search (see _block_score).
_STRONG_CUE = 2.5
_BASELINE = -0.6
_MIN_TAIL_SCORE = 1.5
_MIN_ARTICLE_WORDS = 40


@dataclass(frozen=True)
class TextSplit:
    segments: tuple[Segment, ...]
    title: str | None


@dataclass(frozen=True)
class _Line:
    index: int
    start: int  # offset of the first non-blank character
    end: int  # offset after the last non-blank character
    text: str  # the stripped line
    indent: int  # leading whitespace width (tab = 4)
    blank_before: bool  # a blank line (or the start of text) precedes it

    @property
    def words(self) -> int:
        return len(_WORD.findall(self.text))


def split_plain_text(text: str, cues: Cues, known_title: str | None = None) -> TextSplit:
    """Split ``text`` (already normalised to ``\\n`` line ends) into segments."""
    lines = _lines(text)
    if not lines:
        return TextSplit((), known_title)
    segments: list[Segment] = []
    boiler = _boilerplate_flags(lines, cues)

    title_idx = _find_title(lines, boiler, cues, known_title)
    first_content = 0
    if title_idx is not None:
        segments.append(Segment(lines[title_idx].start, lines[title_idx].end, SegmentKind.TITLE))
        first_content = title_idx + 1

    comment_idx = _comment_header_index(lines, first_content, cues)
    if comment_idx is None:
        comment_idx = _headerless_comment_start(lines, boiler, first_content, cues)
    else:
        boiler[comment_idx] = True

    end_body = len(lines) if comment_idx is None else comment_idx
    for i in range(first_content):
        if i != title_idx:
            segments.append(_seg(lines[i], SegmentKind.BOILERPLATE))
    segments.extend(_split_body(lines[first_content:end_body], boiler, cues))
    if comment_idx is not None:
        segments.extend(_split_comments(lines[comment_idx:], boiler, cues))

    title = known_title
    if title is None and title_idx is not None:
        title = lines[title_idx].text
    return TextSplit(finalise_segments(text, segments), title)


# -- lines and flags -------------------------------------------------------------------


def _lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    pos = 0
    blank = True
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            indent = len(raw[:lead].expandtabs(4).replace("\n", ""))
            start = pos + lead
            lines.append(_Line(len(lines), start, start + len(stripped), stripped, indent, blank))
            blank = False
        else:
            blank = True
        pos += len(raw) + 1
    return lines


def _boilerplate_flags(lines: list[_Line], cues: Cues) -> list[bool]:
    """Mark boilerplate lines, including link lists under headers such as "Related"."""
    flags = [cues.is_boilerplate(line.text) for line in lines]
    in_list = False
    for i, line in enumerate(lines):
        if cues.is_list_header(line.text):
            flags[i] = True
            in_list = True
        elif in_list and _is_link_like(line) and not cues.is_comment_header(line.text):
            flags[i] = True
        else:
            in_list = False
    return flags


def _is_link_like(line: _Line) -> bool:
    """A short line that reads like a link title rather than prose."""
    return line.words <= 14 and not line.text.endswith((".", "!"))


def _find_title(
    lines: list[_Line], boiler: list[bool], cues: Cues, known_title: str | None
) -> int | None:
    for i, line in enumerate(lines[:8]):
        if boiler[i]:
            continue
        if known_title and normalise_phrase(line.text) == normalise_phrase(known_title):
            return i
        if i + 1 < len(lines) and _looks_like_title(line, cues):
            return i
        return None
    return None


def _looks_like_title(line: _Line, cues: Cues) -> bool:
    text = line.text
    if not (1 <= line.words <= 20) or len(text) > 160:
        return False
    if text.endswith((".", ",", ";", ":", "…")) or not (text[0].isupper() or text[0].isdigit()):
        return False
    return not (
        cues.is_quote_intro(text)
        or cues.is_dateline(text)
        or cues.is_reply(text)
        or cues.is_comment_header(text)
        or cues.comment_author(text) is not None
    )


# -- where the comment thread starts ---------------------------------------------------


def _comment_header_index(lines: list[_Line], first: int, cues: Cues) -> int | None:
    for i in range(first, len(lines)):
        if not cues.is_comment_header(lines[i].text):
            continue
        if cues.is_weak_comment_header(lines[i].text) and not _looks_like_thread(
            lines[i + 1 :], cues
        ):
            continue
        return i
    return None


def _looks_like_thread(lines: list[_Line], cues: Cues) -> bool:
    """Do the lines after a weak header ("Comments") read like a comment thread?"""
    if not lines:
        return True
    if any(
        cues.comment_author(line.text) or cues.is_reply(line.text) or cues.is_boilerplate(line.text)
        for line in lines
    ):
        return True
    blocks = _blocks(lines)
    words = sum(line.words for line in lines)
    return len(blocks) >= 2 and words / len(blocks) < 40


def _blocks(lines: list[_Line]) -> list[list[_Line]]:
    """Paragraph blocks: blank-line separated runs, or single lines when there are none."""
    if not any(line.blank_before for line in lines[1:]):
        return [[line] for line in lines]
    blocks: list[list[_Line]] = []
    for line in lines:
        if line.blank_before or not blocks:
            blocks.append([])
        blocks[-1].append(line)
    return blocks


def _headerless_comment_start(
    lines: list[_Line], boiler: list[bool], first: int, cues: Cues
) -> int | None:
    """Find a comment thread that has no header, as the best-scoring tail of paragraphs.

    Each paragraph scores positive when it reads like a reader comment (an "@name" or
    author line, a lower-case fragment, a short reactive line) and negative when it
    reads like article prose. The tail with the highest total is the thread, provided
    it holds a strong cue and enough article stays before it.
    """
    blocks = _blocks(lines[first:])
    if len(blocks) < 3:
        return None
    scores = [_block_score(block, boiler, cues) for block in blocks]
    best_total, best_k, running = 0.0, None, 0.0
    for k in range(len(blocks) - 1, 0, -1):
        running += scores[k][0]
        if running >= best_total:
            best_total, best_k = running, k
    if best_k is None or best_total < _MIN_TAIL_SCORE:
        return None
    if not any(strong for _, strong in scores[best_k:]):
        return None
    article_words = sum(line.words for block in blocks[:best_k] for line in block)
    if article_words < _MIN_ARTICLE_WORDS:
        return None
    return blocks[best_k][0].index


def _block_score(block: list[_Line], boiler: list[bool], cues: Cues) -> tuple[float, bool]:
    content = [line for line in block if not boiler[line.index]]
    if not content:
        return 0.0, False
    first = content[0].text
    strong = cues.is_reply(first) or cues.comment_author(first) is not None
    words = sum(line.words for line in content)
    score = _BASELINE + (_STRONG_CUE if strong else 0.0)
    if first[0].islower():
        score += 1.0
    if words <= 12:
        score += 0.6
    elif words <= 25:
        score += 0.3
    elif words > 60:
        score -= 1.0
    opener = _WORD.findall(first.lower())[:1]
    if opener and opener[0] in cues.reactive_starts:
        score += 0.5
    if any(line.text.endswith(("?", "!", "...", "…")) for line in content):
        score += 0.3
    return score, strong


# -- article body ----------------------------------------------------------------------


def _split_body(lines: list[_Line], boiler: list[bool], cues: Cues) -> list[Segment]:
    segments: list[Segment] = []
    units: list[list[_Line]] = []
    wrapped = _is_hard_wrapped([ln for ln in lines if not boiler[ln.index]])
    typical_indent = _typical_indent(lines)
    for line in lines:
        if boiler[line.index]:
            segments.append(_seg(line, SegmentKind.BOILERPLATE))
            units.append([])  # a boilerplate line ends the paragraph
            continue
        if (
            wrapped
            and units
            and units[-1]
            and not line.blank_before
            and _marker(units[-1][-1], typical_indent) == _marker(line, typical_indent)
        ):
            units[-1].append(line)
        else:
            units.append([line])
    units = [u for u in units if u] if units else []

    in_quote = False
    seen_content = False
    previous = SegmentKind.BODY
    for unit in units:
        kind, in_quote = _classify_unit(
            unit, cues, typical_indent, in_quote, seen_content, previous
        )
        seen_content = True
        previous = kind
        segments.append(Segment(unit[0].start, unit[-1].end, kind))
    return segments


def _classify_unit(
    unit: list[_Line],
    cues: Cues,
    typical_indent: int,
    in_quote: bool,
    seen_content: bool,
    previous: SegmentKind,
) -> tuple[SegmentKind, bool]:
    """The kind of one paragraph and whether a quotation continues after it."""
    first = unit[0].text
    joined = " ".join(line.text for line in unit)
    if _marker(unit[0], typical_indent):
        return SegmentKind.QUOTE, in_quote
    if len(unit) == 1 and cues.is_quote_intro(first):
        return SegmentKind.BODY, True
    if _is_wholly_quoted(joined):
        return SegmentKind.QUOTE, in_quote
    if previous is SegmentKind.QUOTE and len(unit) == 1 and _DASH_ATTRIBUTION.match(first):
        return SegmentKind.QUOTE, in_quote
    if cues.is_dateline(first) and not cues.opens_with_voice(joined):
        # A dateline opening the page is the article itself; later, it is copied wire text.
        return (SegmentKind.QUOTE, True) if seen_content else (SegmentKind.BODY, False)
    if in_quote:
        if cues.opens_with_voice(joined) or _is_heading(unit):
            return SegmentKind.BODY, False
        return SegmentKind.QUOTE, True
    return SegmentKind.BODY, False


def _marker(line: _Line, typical_indent: int) -> bool:
    """Is the line marked as quoted by "> " or by indentation beyond the page's norm?"""
    return line.text.startswith(">") or (line.indent >= 4 and line.indent >= typical_indent + 4)


def _typical_indent(lines: list[_Line]) -> int:
    if not lines:
        return 0
    indents = sorted(line.indent for line in lines)
    return indents[len(indents) // 2]


def _is_hard_wrapped(lines: list[_Line]) -> bool:
    """Are paragraphs hard-wrapped over several lines (and separated by blank lines)?"""
    if not any(line.blank_before for line in lines[1:]):
        return False
    inner = [
        a for a, b in zip(lines, lines[1:], strict=False) if not b.blank_before and a.indent < 4
    ]
    if len(inner) < 2:
        return False
    unended = sum(1 for line in inner if not _SENTENCE_END.search(line.text))
    lengths = sorted(len(line.text) for line in inner)
    median = lengths[len(lengths) // 2]
    return unended / len(inner) >= 0.6 and 30 <= median <= 110


def _is_wholly_quoted(text: str) -> bool:
    """A paragraph that is one quotation from its first to its last character."""
    text = text.rstrip(".,;")
    if len(text) < 3 or text[0] not in _OPEN_QUOTES or text[-1] not in _CLOSE_QUOTES:
        return False
    marks = sum(text.count(c) for c in '“”"')
    return marks <= 2 if text[0] in '“"' else True


def _is_heading(unit: list[_Line]) -> bool:
    return len(unit) == 1 and unit[0].words <= 10 and not _SENTENCE_END.search(unit[0].text)


# -- comments --------------------------------------------------------------------------


def _split_comments(lines: list[_Line], boiler: list[bool], cues: Cues) -> list[Segment]:
    """One COMMENT segment per comment; header, author and button lines are boilerplate."""
    segments: list[Segment] = []
    authored = any(cues.comment_author(line.text) for line in lines if not boiler[line.index])
    per_line = not authored and not any(line.blank_before for line in lines[1:])
    current: list[int] = []  # [start, end] of the comment being collected
    after_author = False

    def close() -> None:
        if current:
            segments.append(Segment(current[0], current[1], SegmentKind.COMMENT))
            current.clear()

    for line in lines:
        if boiler[line.index] or cues.is_comment_header(line.text):
            close()
            segments.append(_seg(line, SegmentKind.BOILERPLATE))
            after_author = False
            continue
        author = cues.comment_author(line.text) or _comment_handle(line.text)
        if author is not None:
            close()
            if author.rest is None:
                segments.append(_seg(line, SegmentKind.BOILERPLATE))
                after_author = True
            else:
                rest = line.start + author.rest
                segments.append(Segment(line.start, rest, SegmentKind.BOILERPLATE))
                current.extend([rest, line.end])
                after_author = False
            continue
        new_comment = (
            per_line
            or (cues.is_reply(line.text) and not after_author)
            or (line.blank_before and not authored)
        )
        if new_comment:
            close()
        if current:
            current[1] = line.end
        else:
            current.extend([line.start, line.end])
        after_author = False
    close()
    return segments


# "Khalid: The SAF bombed markets too." / "Reader99: Great post.": in a comment thread, a
# one- or two-word handle and a colon open a comment and name its author
_COMMENT_HANDLE = re.compile(r"^[A-Za-z][\w.'’-]{1,30}(?: [A-Za-z][\w.'’-]{1,30})?:\s+(?=\S)")


def _comment_handle(text: str) -> AuthorMatch | None:
    found = _COMMENT_HANDLE.match(text)
    return AuthorMatch(found.end()) if found else None


def _seg(line: _Line, kind: SegmentKind) -> Segment:
    return Segment(line.start, line.end, kind)
