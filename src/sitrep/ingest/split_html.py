"""Split an HTML page into title, article body, quotes, comments and boilerplate.

``Document.text`` for an HTML page is text sitrep builds: the title, a blank line, the
article's paragraphs (trafilatura's main-text extraction, ``<blockquote>`` kept apart
as quotes), the reader comments (one per comment), then the page's remaining visible
lines (menus, ads, share buttons, footers), each once. Paragraphs are separated by
blank lines and every paragraph, comment and removed line is its own segment.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from datetime import date, datetime

import trafilatura
from lxml import etree
from lxml import html as lxml_html

from sitrep.ingest.limits import (
    DEFAULT_MAX_HTML_ELEMENTS,
    HTML_PARSER_MAX_DEPTH,
    NestingTooDeepError,
    TooManyElementsError,
)
from sitrep.models import Segment, SegmentKind

logger = logging.getLogger(__name__)

_SPACES = re.compile(r"[ \t\r\f\v\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_TITLE_SUFFIX = re.compile(r"\s+[|–—·:»-]\s+[^|–—·:»]{2,60}$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "br",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
    ]
)
_INVISIBLE_TAGS = frozenset(
    [
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "head",
        "iframe",
        "object",
        "embed",
        "canvas",
        "select",
        "option",
    ]
)
# Comment containers: class or id tokens, checked on every element.
_COMMENT_CONTENT_CLASSES = frozenset(
    {
        "comment-content",
        "comment-body",
        "comment-text",
        "commentbody",
        "comment_text",
        "comment-entry",
        "comment__body",
        "comment__content",
        "comment-message",
    }
)
_COMMENT_ITEM_CLASSES = frozenset({"comment", "comment-item", "commentlist-item", "reply"})
_COMMENT_META_CLASSES = frozenset(
    {
        "comment-author",
        "comment-meta",
        "comment-metadata",
        "comment-reply",
        "reply",
        "comment-reply-link",
        "vcard",
        "says",
        "comment-awaiting-moderation",
        "comment-footer",
        "comment__meta",
        "comment__author",
        "comment-actions",
    }
)
_COMMENT_SECTION_IDS = re.compile(r"^(comments?|disqus_thread|respond|responses)$", re.I)
_DATE_META_KEYS = (
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "dc.date",
    "dc.date.issued",
    "dcterms.date",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
)


@dataclass(frozen=True)
class HtmlMetadata:
    title: str | None
    date: str | None  # YYYY-MM-DD
    url: str | None


@dataclass(frozen=True)
class HtmlSplit:
    text: str
    segments: tuple[Segment, ...]
    title: str | None
    date: str | None


def parse_html(html: str) -> lxml_html.HtmlElement | None:
    """Parse HTML leniently; None when there is nothing to parse."""
    if not html.strip():
        return None
    try:
        # lxml refuses str input that carries an XML encoding declaration.
        return lxml_html.document_fromstring(html.encode("utf-8"), parser=_parser())
    except (etree.ParserError, ValueError) as exc:
        logger.debug("could not parse HTML: %s", exc)
        return None


def _parser() -> lxml_html.HTMLParser:
    return lxml_html.HTMLParser(encoding="utf-8", remove_comments=True)


@dataclass(frozen=True)
class HtmlShape:
    depth: int  # how deep elements nest (the root counts 1)
    elements: int  # how many elements the tree holds


def html_shape(tree: lxml_html.HtmlElement | None) -> HtmlShape:
    """Nesting depth and element count of ``tree``, walked without recursion."""
    if tree is None:
        return HtmlShape(0, 0)
    depth = deepest = elements = 0
    for event, _ in etree.iterwalk(tree, events=("start", "end")):
        if event == "start":
            depth += 1
            elements += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    return HtmlShape(deepest, elements)


def check_html_shape(
    tree: lxml_html.HtmlElement | None,
    where: str,
    max_depth: int = HTML_PARSER_MAX_DEPTH,
    max_elements: int = DEFAULT_MAX_HTML_ELEMENTS,
) -> None:
    """Raise a named InputError (naming ``where``) for a tree too deep or too big to read.

    lxml stops at depth 256 and drops the rest of the page, so a tree that deep is
    always refused: what sitrep would read is not the whole page. Article extraction
    slows down faster than linearly with the element count, hence ``max_elements``.
    """
    shape = html_shape(tree)
    limit = min(max_depth, HTML_PARSER_MAX_DEPTH)
    if shape.depth > limit:
        shown = f"at least {shape.depth}" if shape.depth > HTML_PARSER_MAX_DEPTH else shape.depth
        raise NestingTooDeepError(
            where,
            f"HTML elements nest {shown} levels deep, over the limit of {limit}; the page "
            "is malformed (unclosed tags or generated nesting): fix or drop it",
        )
    if shape.elements > max_elements:
        raise TooManyElementsError(
            where,
            f"the HTML page has {shape.elements} elements, over the limit of {max_elements}; "
            "drop the page or raise the element limit (ReadLimits.max_html_elements)",
        )


# -- metadata --------------------------------------------------------------------------


def html_metadata(html: str, tree: lxml_html.HtmlElement | None = None) -> HtmlMetadata:
    """Title (og:title, <title>, <h1>), publication date and canonical URL from metadata."""
    tree = parse_html(html) if tree is None else tree
    if tree is None:
        return HtmlMetadata(None, None, None)
    metas: dict[str, str] = {}
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        content = (meta.get("content") or "").strip()
        if key and content and key not in metas:
            metas[key] = content
    return HtmlMetadata(_title(tree, metas), _date(tree, metas), _url(tree, metas))


def _title(tree: lxml_html.HtmlElement, metas: dict[str, str]) -> str | None:
    for key in ("og:title", "twitter:title"):
        if metas.get(key):
            return _clean(metas[key])
    titles = tree.xpath("//title")
    if titles:
        text = _clean(titles[0].text_content())
        if text:
            return _TITLE_SUFFIX.sub("", text) or text
    headings = tree.xpath("//h1")
    if headings:
        text = _clean(headings[0].text_content())
        return text or None
    return None


def _date(tree: lxml_html.HtmlElement, metas: dict[str, str]) -> str | None:
    for key in _DATE_META_KEYS:
        found = normalise_date(metas.get(key, ""))
        if found:
            return found
    for node in tree.xpath("//*[@itemprop='datePublished']"):
        found = normalise_date(node.get("datetime") or node.get("content") or node.text_content())
        if found:
            return found
    for script in tree.xpath("//script[@type='application/ld+json']"):
        found = _json_ld_date(script.text_content())
        if found:
            return found
    for node in tree.xpath("//time[@datetime]"):
        found = normalise_date(node.get("datetime", ""))
        if found:
            return found
    return None


def _json_ld_date(raw: str) -> str | None:
    try:
        data = json.loads(raw)
    except json.JSONDecodeError:
        logger.debug("skipping JSON-LD block that is not valid JSON")
        return None
    stack = [data]
    while stack:
        node = stack.pop(0)
        if isinstance(node, list):
            stack.extend(node)
        elif isinstance(node, dict):
            value = node.get("datePublished")
            if isinstance(value, str) and normalise_date(value):
                return normalise_date(value)
            stack.extend(v for v in node.values() if isinstance(v, dict | list))
    return None


def _url(tree: lxml_html.HtmlElement, metas: dict[str, str]) -> str | None:
    for link in tree.xpath("//link[@rel='canonical'][@href]"):
        return link.get("href")
    return metas.get("og:url")


def normalise_date(value: str) -> str | None:
    """An ISO-8601 date or date-time as ``YYYY-MM-DD``; None when it is not one."""
    value = value.strip()
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        match = _ISO_DATE.match(value)
        if match:
            try:
                return date(*(int(g) for g in match.groups())).isoformat()
            except ValueError:
                return None
    return None


# -- splitting -------------------------------------------------------------------------


def split_html(
    html: str,
    known_title: str | None = None,
    where: str = "HTML page",
    max_elements: int = DEFAULT_MAX_HTML_ELEMENTS,
) -> HtmlSplit:
    """Split ``html``; raises NestingTooDeepError or TooManyElementsError (naming
    ``where``) for a page nested so deep that the parser would cut it off, or so big that
    extraction would take minutes."""
    tree = parse_html(html)
    check_html_shape(tree, where, max_elements=max_elements)
    meta = html_metadata(html, tree)
    title = known_title or meta.title
    body = _body_paragraphs(html, tree)
    comments = _dom_comments(tree) or _trafilatura_comments(html)
    comment_keys = {_key(p) for c in comments for p in c.split("\n")}
    body = [(t, k) for t, k in body if _key(t) not in comment_keys]
    if title and body and _key(body[0][0]) == _key(title):
        body = body[1:]  # the headline repeated as the first heading

    builder = _TextBuilder()
    if title:
        builder.add(title, SegmentKind.TITLE)
    for text, kind in body:
        builder.add(text, kind)
    for comment in comments:
        builder.add(comment, SegmentKind.COMMENT)
    kept = [title or ""] + [t for t, _ in body] + comments
    for line in _removed_lines(tree, kept):
        builder.add(line, SegmentKind.BOILERPLATE, separator="\n")
    return HtmlSplit(builder.text(), tuple(builder.segments), title, meta.date)


class _TextBuilder:
    """Append paragraphs to a text, recording one segment per paragraph."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.segments: list[Segment] = []

    def add(self, text: str, kind: SegmentKind, separator: str = "\n\n") -> None:
        text = text.strip()
        if not text:
            return
        if self.parts:
            if kind is SegmentKind.BOILERPLATE and self.segments[-1].kind is not kind:
                separator = "\n\n"
            self.parts.append(separator)
            self.length += len(separator)
        self.segments.append(Segment(self.length, self.length + len(text), kind))
        self.parts.append(text)
        self.length += len(text)

    def text(self) -> str:
        return "".join(self.parts)


def _body_paragraphs(
    html: str, tree: lxml_html.HtmlElement | None
) -> list[tuple[str, SegmentKind]]:
    """The article's paragraphs from trafilatura, blockquotes as QUOTE."""
    try:
        xml = trafilatura.extract(
            html, output_format="xml", include_comments=False, include_tables=True
        )
    except (ValueError, TypeError, etree.LxmlError) as exc:
        logger.warning("trafilatura could not extract the article: %s", exc)
        xml = None
    if xml:
        try:
            root = etree.fromstring(xml.encode("utf-8"))
        except etree.XMLSyntaxError as exc:
            logger.warning("trafilatura returned invalid XML: %s", exc)
            root = None
        if root is not None:
            main = root.find("main")
            if main is not None:
                paragraphs: list[tuple[str, SegmentKind]] = []
                _walk_extracted(main, SegmentKind.BODY, paragraphs)
                if paragraphs:
                    return paragraphs
    return _fallback_paragraphs(tree)


def _walk_extracted(
    node: etree._Element, kind: SegmentKind, out: list[tuple[str, SegmentKind]]
) -> None:
    for child in node:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == "quote":
            if any(isinstance(c.tag, str) and c.tag in _EXTRACTED_BLOCKS for c in child):
                _walk_extracted(child, SegmentKind.QUOTE, out)
            else:
                _add_lines(_xml_text(child), SegmentKind.QUOTE, out)
        elif tag in ("list", "table", "div"):
            _walk_extracted(child, kind, out)
        elif tag in _EXTRACTED_BLOCKS or tag != "graphic":
            _add_lines(_xml_text(child), kind, out)


_EXTRACTED_BLOCKS = frozenset({"p", "head", "item", "cell", "code", "list", "table", "row"})


def _xml_text(node: etree._Element) -> str:
    """Text of an extracted element; ``<lb/>`` line breaks become newlines."""
    if node.tag == "row":
        cells = (_clean("".join(cell.itertext())) for cell in node)
        return " | ".join(c for c in cells if c)
    for lb in node.iter("lb"):
        lb.text = "\n"
    return "".join(node.itertext())


def _add_lines(text: str, kind: SegmentKind, out: list[tuple[str, SegmentKind]]) -> None:
    for line in text.split("\n"):
        cleaned = _clean(line)
        if cleaned:
            out.append((cleaned, kind))


def _fallback_paragraphs(tree: lxml_html.HtmlElement | None) -> list[tuple[str, SegmentKind]]:
    """Paragraphs straight from the DOM when trafilatura finds no article."""
    if tree is None:
        return []
    roots = tree.xpath("//article") or tree.xpath("//main") or tree.xpath("//body") or [tree]
    out: list[tuple[str, SegmentKind]] = []
    for node in roots[0].iter("p", "h2", "h3", "h4", "li", "blockquote"):
        if _in_furniture(node) or node.xpath("ancestor::blockquote"):
            continue
        if node.tag == "li" and node.xpath(".//p"):
            continue
        kind = SegmentKind.QUOTE if node.tag == "blockquote" else SegmentKind.BODY
        if node.tag == "blockquote" and node.xpath(".//p"):
            for p in node.iter("p"):
                _add_lines(_visible_text(p), kind, out)
        else:
            _add_lines(_visible_text(node), kind, out)
    return out


def _in_furniture(node: lxml_html.HtmlElement) -> bool:
    for anc in node.iterancestors():
        if anc.tag in ("nav", "footer", "header", "aside", "form") or _is_comment_node(anc):
            return True
    return False


# -- comments --------------------------------------------------------------------------


def _tokens(node: lxml_html.HtmlElement) -> set[str]:
    return set((node.get("class") or "").lower().split())


def _is_comment_node(node: lxml_html.HtmlElement) -> bool:
    if not isinstance(node.tag, str):
        return False
    tokens = _tokens(node)
    if tokens & (_COMMENT_CONTENT_CLASSES | _COMMENT_ITEM_CLASSES | {"comments", "commentlist"}):
        return True
    node_id = node.get("id") or ""
    return bool(
        _COMMENT_SECTION_IDS.match(node_id) or re.match(r"^(comment|div-comment)-\d+$", node_id)
    )


def _dom_comments(tree: lxml_html.HtmlElement | None) -> list[str]:
    """One text per comment from common comment markup (WordPress, Blogger, Disqus-like)."""
    if tree is None:
        return []
    contents = [
        n for n in tree.iter() if isinstance(n.tag, str) and _tokens(n) & _COMMENT_CONTENT_CLASSES
    ]
    if not contents:
        contents = [
            n
            for n in tree.iter()
            if isinstance(n.tag, str)
            and (
                _tokens(n) & _COMMENT_ITEM_CLASSES or re.match(r"^comment-\d+$", n.get("id") or "")
            )
            and n.tag not in ("a", "span", "button")
        ]
    comments: list[str] = []
    seen: set[str] = set()
    for node in contents:
        text = _comment_text(node)
        key = _key(text)
        if text and key not in seen:
            seen.add(key)
            comments.append(text)
    return comments


def _comment_text(node: lxml_html.HtmlElement) -> str:
    """A comment's own words: without author/meta/reply parts and without nested replies."""
    lines: list[str] = []
    _collect_visible(node, lines, skip=_skip_in_comment(node))
    return "\n".join(line for line in (_clean(x) for x in "".join(lines).split("\n")) if line)


def _skip_in_comment(root: lxml_html.HtmlElement):
    def skip(node: lxml_html.HtmlElement) -> bool:
        if node is root:
            return False
        tokens = _tokens(node)
        if tokens & _COMMENT_META_CLASSES:
            return True
        # a nested reply is a comment of its own
        return bool(tokens & (_COMMENT_ITEM_CLASSES | _COMMENT_CONTENT_CLASSES | {"children"}))

    return skip


def _trafilatura_comments(html: str) -> list[str]:
    try:
        xml = trafilatura.extract(html, output_format="xml", include_comments=True)
    except (ValueError, TypeError, etree.LxmlError) as exc:
        logger.warning("trafilatura could not extract comments: %s", exc)
        return []
    if not xml:
        return []
    try:
        root = etree.fromstring(xml.encode("utf-8"))
    except etree.XMLSyntaxError:
        return []
    section = root.find("comments")
    if section is None:
        return []
    return [t for t in (_clean(_xml_text(p)) for p in section) if t]


# -- visible text and removed lines ----------------------------------------------------


def _visible_text(node: lxml_html.HtmlElement) -> str:
    parts: list[str] = []
    _collect_visible(node, parts, skip=lambda n: False)
    return "".join(parts)


def _collect_visible(node, parts: list[str], skip) -> None:
    tag = node.tag if isinstance(node.tag, str) else ""
    if tag in _INVISIBLE_TAGS or node.get("hidden") is not None or skip(node):
        if node.tail and tag:
            parts.append(node.tail)
        return
    block = tag in _BLOCK_TAGS
    if block:
        parts.append("\n")
    if node.text and tag:
        parts.append(node.text)
    for child in node:
        _collect_visible(child, parts, skip)
    if block:
        parts.append("\n")
    if node.tail:
        parts.append(node.tail)


def _removed_lines(tree: lxml_html.HtmlElement | None, kept: list[str]) -> list[str]:
    """Visible lines of the page not in the title, body or comments, each once."""
    if tree is None:
        return []
    body = tree.find("body")
    root = body if body is not None else tree
    parts: list[str] = []
    _collect_visible(root, parts, skip=lambda n: False)
    kept_keys = {_key(line) for text in kept for line in text.split("\n")}
    kept_text = "\n".join(_key(t) for t in kept)
    out: list[str] = []
    seen: set[str] = set()
    for raw in "".join(parts).split("\n"):
        line = _clean(raw)
        key = _key(line)
        if not line or key in seen or key in kept_keys:
            continue
        if len(key) >= 25 and key in kept_text:
            continue
        seen.add(key)
        out.append(line)
    return out


def _clean(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def _key(text: str) -> str:
    return " ".join(text.split()).lower()
