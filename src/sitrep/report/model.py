"""The records of a situation report: what ``build_report`` finds and the writers render.

Every number in a report comes from the stored records, and every statement a reader may
want to check carries a numbered ``Citation`` that names the page and quotes its sentence.
"""

from __future__ import annotations

from dataclasses import dataclass

QUADS = ("verbal_coop", "material_coop", "verbal_conflict", "material_conflict")
"""PLOVER's four quad categories, cooperation first."""

QUAD_LABELS = {
    "verbal_coop": "Verbal cooperation",
    "material_coop": "Material cooperation",
    "verbal_conflict": "Verbal conflict",
    "material_conflict": "Material conflict",
}


@dataclass(frozen=True)
class Period:
    """A stretch of days, both ends included. ``date_from``/``date_to`` are what the
    store's filters get (possibly partial: ``2020`` or ``2020-01``); ``first_day`` and
    ``last_day`` are the full ISO dates they cover."""

    date_from: str
    date_to: str
    first_day: str
    last_day: str

    @property
    def label(self) -> str:
        if self.date_from == self.date_to:
            return self.date_from
        return f"{self.date_from} to {self.date_to}"


@dataclass(frozen=True)
class CountChange:
    """A count in the report's period next to the same count in the period before."""

    label: str
    current: int
    previous: int

    @property
    def delta(self) -> int:
        return self.current - self.previous

    @property
    def direction(self) -> str:
        """ "up", "down" or "same"."""
        if self.delta > 0:
            return "up"
        if self.delta < 0:
            return "down"
        return "same"


@dataclass(frozen=True)
class ActorActivity:
    """An actor and how many of the period's events name it (as source or target)."""

    id: str
    name: str
    code: str
    current: int
    previous: int


@dataclass(frozen=True)
class DyadActivity:
    """A source -> target pair and its events in the period; ``mean_score`` is the mean
    conflict-cooperation score of the period's events between them."""

    source_id: str
    source_name: str
    target_id: str
    target_name: str
    current: int
    previous: int
    mean_score: float


@dataclass(frozen=True)
class Summary:
    total: CountChange
    by_quad: tuple[CountChange, ...]
    by_type: tuple[CountChange, ...]
    by_modality: tuple[CountChange, ...]
    net_score: float  # sum of scores in the period: > 0 leans cooperative
    previous_net_score: float
    top_actors: tuple[ActorActivity, ...]
    top_dyads: tuple[DyadActivity, ...]
    pages: int  # pages the period's events come from
    previous_pages: int


@dataclass(frozen=True)
class Citation:
    """A numbered pointer to the sentence of a stored page that tells an event.

    ``doc_text[start:end] == sentence`` for the stored page ``doc``; ``url`` is the page's
    own address when it has one (``link`` adds a text fragment that jumps to the sentence).
    """

    number: int
    doc: str
    title: str
    url: str | None
    page_date: str | None
    sentence: str
    start: int
    end: int
    event_id: str
    link: str | None


@dataclass(frozen=True)
class KeyEvent:
    """One event, merged across the pages that tell it, with its citations."""

    rank: int
    event_ids: tuple[str, ...]
    type: str
    mode: str | None
    quad: str
    score: float
    sources: tuple[str, ...]  # names of the actors who did it
    targets: tuple[str, ...]  # names of the actors it was done to
    trigger: str
    date: str | None
    date_precision: str | None
    place: str | None
    country: str | None
    modality: str
    independent_sources: int  # distinct pages
    mentions: int  # tellings on those pages
    weight: float  # the ranking weight: |score| x (1 + log2(independent sources))
    citations: tuple[Citation, ...]


@dataclass(frozen=True)
class TrendPoint:
    start: str  # first day of the bucket (ISO date)
    counts: tuple[int, ...]  # per quad, in ``QUADS`` order
    net_score: float

    @property
    def total(self) -> int:
        return sum(self.counts)


@dataclass(frozen=True)
class Trend:
    bucket: str  # "day" or "week" (weeks start on Monday)
    points: tuple[TrendPoint, ...]


@dataclass(frozen=True)
class NetworkNode:
    id: str
    name: str
    code: str
    events: int


@dataclass(frozen=True)
class NetworkEdge:
    source: str  # actor id
    target: str
    events: int
    mean_score: float


@dataclass(frozen=True)
class Network:
    nodes: tuple[NetworkNode, ...]
    edges: tuple[NetworkEdge, ...]
    left_out: int  # actors beyond the figure's limit


@dataclass(frozen=True)
class MapPoint:
    name: str
    lat: float
    lon: float
    country: str | None
    events: int
    mean_score: float


@dataclass(frozen=True)
class ClaimItem:
    """A prediction, speculation or hypothetical made in the period, and who holds it."""

    kind: str  # prediction, speculation, hypothetical, question
    text: str
    holder: str  # a name, or "the page's author"
    made_on: str | None
    about: str | None
    citation: Citation


@dataclass(frozen=True)
class UnknownActor:
    id: str
    name: str
    code: str
    events: int
    first_seen: str | None
    docs: tuple[str, ...]


@dataclass(frozen=True)
class PageUsed:
    doc: str
    title: str
    url: str | None
    date: str | None
    events: int


@dataclass(frozen=True)
class Figure:
    """A rendered figure: PNG bytes plus what a reader needs without the picture."""

    name: str  # file stem: trend, network, map
    title: str
    caption: str
    png: bytes


@dataclass(frozen=True)
class Report:
    title: str
    period: Period
    previous: Period
    actors: tuple[str, ...]  # the filters as given
    countries: tuple[str, ...]
    docs: tuple[str, ...]
    generated_on: str
    summary: Summary
    key_events: tuple[KeyEvent, ...]
    trend: Trend
    network: Network
    places: tuple[MapPoint, ...]
    claims: tuple[ClaimItem, ...]  # the ``top_claims`` most telling ones
    claims_total: int  # all claims found in the period
    unknown_actors: tuple[UnknownActor, ...]
    pages: tuple[PageUsed, ...]  # cited pages, then the busiest, up to ``top_pages``
    pages_total: int  # all pages the period's events come from
    citations: tuple[Citation, ...]  # every citation, by number

    @property
    def focus(self) -> str:
        """The filters in words, for headings."""
        parts = []
        if self.actors:
            parts.append("actors " + ", ".join(self.actors))
        if self.countries:
            parts.append("countries " + ", ".join(self.countries))
        if self.docs:
            parts.append("pages " + ", ".join(self.docs))
        return "; ".join(parts) or "all stored events"
