"""Typed records passed between sitrep's stages.

Every stage takes and returns these frozen dataclasses; no stage hands another a bare
dict. Character offsets (``start``/``end``) always index ``Document.text``: the page's
text exactly as sitrep read it, so ``document.text[start:end]`` is the thing pointed at.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class SegmentKind(StrEnum):
    """What part of a page a stretch of text belongs to."""

    TITLE = "title"
    BODY = "body"
    QUOTE = "quote"  # quoted wire copy or another outlet's text inside the body
    COMMENT = "comment"  # reader comments
    BOILERPLATE = "boilerplate"  # ads, navigation, share buttons, "Join my Patreon"


class Modality(StrEnum):
    """How the page holds an event."""

    ASSERTED = "asserted"
    REPORTED = "reported"
    SPECULATED = "speculated"
    PREDICTED = "predicted"
    HYPOTHETICAL = "hypothetical"
    NEGATED = "negated"
    QUESTION = "question"


class ActorType(StrEnum):
    STATE = "state"
    PERSON = "person"
    ORGANISATION = "organisation"
    ARMED_GROUP = "armed_group"
    PARTY = "party"
    BODY = "body"  # international or intergovernmental body
    GROUP = "group"  # generic collective ("protesters", "Iraqi security forces")


@dataclass(frozen=True)
class Page:
    """One page as read from disk, before any analysis.

    Exactly one of ``text`` (plain text) and ``html`` is set. ``path`` is the file the
    page came from (with ``#line`` appended for JSONL records) and is used in messages.
    """

    doc_id: str
    path: str
    text: str | None = None
    html: str | None = None
    title: str | None = None
    url: str | None = None
    date: str | None = None  # ISO-8601 date from metadata, if any
    source: str | None = None
    content_hash: str = ""


@dataclass(frozen=True)
class Segment:
    start: int
    end: int
    kind: SegmentKind


@dataclass(frozen=True)
class Document:
    """A page split into title, body, quotes, comments and boilerplate.

    ``segments`` are sorted, do not overlap, and cover every non-blank character of
    ``text``.
    """

    doc_id: str
    path: str
    text: str
    segments: tuple[Segment, ...]
    content_hash: str
    title: str | None = None
    url: str | None = None
    date: str | None = None
    date_source: str | None = None  # "metadata", "content", "inferred", or None when unknown
    date_confidence: float | None = None  # how sure an inferred date is (1.0 for metadata)
    source: str | None = None

    def spans(self, *kinds: SegmentKind) -> list[Segment]:
        return [s for s in self.segments if s.kind in kinds]

    def segment_at(self, offset: int) -> SegmentKind:
        for seg in self.segments:
            if seg.start <= offset < seg.end:
                return seg.kind
        return SegmentKind.BOILERPLATE

    @property
    def body(self) -> str:
        """The article's own text (body and quoted copy), paragraphs joined by newlines."""
        return "\n".join(
            self.text[s.start : s.end] for s in self.spans(SegmentKind.BODY, SegmentKind.QUOTE)
        )

    @property
    def comments(self) -> list[str]:
        return [self.text[s.start : s.end] for s in self.spans(SegmentKind.COMMENT)]

    @property
    def removed(self) -> list[str]:
        return [self.text[s.start : s.end] for s in self.spans(SegmentKind.BOILERPLATE)]


@dataclass(frozen=True)
class Role:
    """A position an actor held, with the CAMEO-style code it carries, bounded in time.

    Dates are ISO strings (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``); None is open-ended.
    """

    code: str
    title: str = ""
    start: str | None = None
    end: str | None = None

    def holds_on(self, date: str | None) -> bool:
        if date is None:
            return True
        if self.start and date < self.start[: len(date)]:
            return False
        return not (self.end and date[: len(self.end)] > self.end)


# Ids of actors the knowledge base does not hold: a name it does not know ("unknown:"),
# or a phrase composed of a country and a sector noun ("generic:", e.g. "Iraqi troops").
UNKNOWN_ACTOR_PREFIX = "unknown:"
GENERIC_ACTOR_PREFIX = "generic:"
# actor codes that open with no country: international bodies, NGOs, firms, unknown and
# transnational actors
NON_COUNTRY_PREFIXES = frozenset({"IGO", "NGO", "UNO", "UNK", "MNC", "IMG", "INT"})


def code_sector(code: str) -> str:
    """The sector part of an actor code ("USAMIL" -> "MIL"), or the whole code when it
    names a sector of no country ("OPP" for protesters nobody placed)."""
    return code[3:6] or code


@dataclass(frozen=True)
class Actor:
    """A canonical entity from the actor knowledge base (or one made up for an unknown name)."""

    id: str
    name: str
    type: ActorType
    code: str  # default CAMEO-style code when no dated role applies
    country: str | None = None  # ISO alpha-3, or None for international actors
    aliases: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    known: bool = True  # False for actors made from an unknown name

    def code_on(self, date: str | None) -> str:
        """The actor's code on a date: the latest role held then, else the default code."""
        held = [r for r in self.roles if r.holds_on(date)] if date else []
        if held:
            return max(held, key=lambda r: r.start or "").code
        return self.code


@dataclass(frozen=True)
class ActorRef:
    """An actor as it appears in one record: canonical id/name/code plus the page's words."""

    id: str
    name: str
    code: str
    text: str


@dataclass(frozen=True)
class Mention:
    doc_id: str
    start: int
    end: int
    text: str
    segment: SegmentKind
    actor: ActorRef | None = None
    label: str = ""  # spaCy entity label or "NP" for a noun phrase


@dataclass(frozen=True)
class Place:
    doc_id: str
    start: int
    end: int
    text: str
    name: str
    lat: float
    lon: float
    country: str | None  # ISO alpha-3
    geonames_id: int | None
    precision: str = "city"  # country, admin1, city, site
    kind: str = "toponym"  # "toponym" (a place name) or "demonym" ("Turkish" mentions Turkey)


@dataclass(frozen=True)
class EventMention:
    """One place on a page where an event is told; a merged event keeps all of them."""

    start: int  # sentence start in Document.text
    end: int  # sentence end
    sentence: str
    trigger: str
    trigger_start: int
    trigger_end: int
    segment: SegmentKind
    modality: Modality


@dataclass(frozen=True)
class Event:
    event_id: str
    doc_id: str
    type: str  # PLOVER type, current names
    mode: str | None
    source: tuple[ActorRef, ...]
    target: tuple[ActorRef, ...]
    date: str | None
    location: Place | None
    modality: Modality
    segment: SegmentKind
    sentence: str
    start: int  # sentence start in Document.text
    end: int  # sentence end
    trigger: str  # the words that name the event
    trigger_start: int
    trigger_end: int
    confidence: float
    quad: str = ""
    score: float = 0.0
    attributed_to: ActorRef | None = None
    date_precision: str | None = None
    date_text: str | None = None  # the words the date came from; None when inherited
    context: str | None = None  # why: the purpose or cause the page gives, if any
    mentions: tuple[EventMention, ...] = ()  # every telling on the page, first one included
    cluster_id: str | None = None  # set by the store: the same event told by several pages


@dataclass(frozen=True)
class Relation:
    """A relation between two actors that a page states ("Iran-backed militia", "Sadr's
    Mahdi Army"); ``start``/``end`` are the sentence, ``text`` the words that state it."""

    doc_id: str
    subject: ActorRef
    predicate: str  # leads, member_of, allied_with, backed_by, opposes
    object: ActorRef
    start: int
    end: int
    sentence: str
    text: str
    segment: SegmentKind
    date: str | None = None  # the date the page states it on (the page's date)


@dataclass(frozen=True)
class Claim:
    """A prediction, speculation or hypothetical that a page makes, kept so it can be
    checked later; ``holder`` is who makes it (None: the page's author)."""

    claim_id: str
    doc_id: str
    kind: str  # prediction, speculation, hypothetical, question
    text: str  # the sentence
    start: int
    end: int
    segment: SegmentKind
    holder: ActorRef | None = None
    made_on: str | None = None  # the date the claim was made (the page's date)
    about: str | None = None  # the date it is about, when the sentence gives one
    event_ids: tuple[str, ...] = ()  # events coded from the claim


@dataclass(frozen=True)
class AnalysedDocument:
    """Everything the per-page pipeline found in one page."""

    document: Document
    mentions: tuple[Mention, ...] = ()
    places: tuple[Place, ...] = ()
    events: tuple[Event, ...] = ()
    actors: tuple[Actor, ...] = field(default=())  # the actors this page's records refer to
    relations: tuple[Relation, ...] = ()
    claims: tuple[Claim, ...] = ()
