"""Conversions between sitrep's records (``sitrep.models``) and database rows.

``*_values`` turn a record into the column values to insert; ``*_from_row`` rebuild the
record from a stored row, so that exports always go through ``sitrep.export`` and a
stored record exports exactly like the record the pipeline produced.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sitrep import export
from sitrep.models import (
    Actor,
    ActorRef,
    ActorType,
    Claim,
    Document,
    Event,
    EventMention,
    Mention,
    Modality,
    Place,
    Relation,
    Role,
    Segment,
    SegmentKind,
)


def ref_to_json(ref: ActorRef) -> dict[str, Any]:
    return {"id": ref.id, "name": ref.name, "code": ref.code, "text": ref.text}


def ref_from_dict(data: Mapping[str, Any]) -> ActorRef:
    return ActorRef(id=data["id"], name=data["name"], code=data["code"], text=data["text"])


def ref_from_json(data: Mapping[str, Any] | None) -> ActorRef | None:
    return None if data is None else ref_from_dict(data)


def place_to_json(place: Place) -> dict[str, Any]:
    return {
        "doc": place.doc_id,
        "start": place.start,
        "end": place.end,
        "text": place.text,
        "name": place.name,
        "lat": place.lat,
        "lon": place.lon,
        "country": place.country,
        "geonames_id": place.geonames_id,
        "precision": place.precision,
    }


def place_from_json(data: Mapping[str, Any] | None) -> Place | None:
    if data is None:
        return None
    return Place(
        doc_id=data["doc"],
        start=data["start"],
        end=data["end"],
        text=data["text"],
        name=data["name"],
        lat=data["lat"],
        lon=data["lon"],
        country=data.get("country"),
        geonames_id=data.get("geonames_id"),
        precision=data.get("precision", "city"),
    )


def document_values(document: Document, ingested_at: str) -> dict[str, Any]:
    return {
        "doc": document.doc_id,
        "path": document.path,
        "title": document.title,
        "url": document.url,
        "date": document.date,
        "date_source": document.date_source,
        "date_confidence": document.date_confidence,
        "source": document.source,
        "content_hash": document.content_hash,
        "text": document.text,
        "segments": [[s.start, s.end, s.kind.value] for s in document.segments],
        "ingested_at": ingested_at,
    }


def document_from_row(row: Mapping[str, Any]) -> Document:
    return Document(
        doc_id=row["doc"],
        path=row["path"],
        text=row["text"],
        segments=tuple(Segment(s, e, SegmentKind(k)) for s, e, k in row["segments"]),
        content_hash=row["content_hash"],
        title=row["title"],
        url=row["url"],
        date=row["date"],
        date_source=row["date_source"],
        date_confidence=row["date_confidence"],
        source=row["source"],
    )


def actor_values(actor: Actor) -> dict[str, Any]:
    return {
        "id": actor.id,
        "name": actor.name,
        "code": actor.code,
        "type": actor.type.value,
        "country": actor.country,
        "aliases": list(actor.aliases),
        "roles": [
            {"code": r.code, "title": r.title, "start": r.start, "end": r.end} for r in actor.roles
        ],
        "known": actor.known,
    }


def actor_from_row(row: Mapping[str, Any]) -> Actor:
    return Actor(
        id=row["id"],
        name=row["name"],
        type=ActorType(row["type"]),
        code=row["code"],
        country=row["country"],
        aliases=tuple(row["aliases"]),
        roles=tuple(
            Role(code=r["code"], title=r.get("title", ""), start=r.get("start"), end=r.get("end"))
            for r in row["roles"]
        ),
        known=bool(row["known"]),
    )


def mention_values(mention: Mention, doc_id: str) -> dict[str, Any]:
    actor = mention.actor
    return {
        "doc": doc_id,
        "start": mention.start,
        "end": mention.end,
        "text": mention.text,
        "segment": mention.segment.value,
        "label": mention.label,
        "actor_id": actor.id if actor else None,
        "actor_name": actor.name if actor else None,
        "actor_code": actor.code if actor else None,
    }


def mention_from_row(row: Mapping[str, Any]) -> Mention:
    actor = None
    if row["actor_id"] is not None:
        actor = ActorRef(
            id=row["actor_id"], name=row["actor_name"], code=row["actor_code"], text=row["text"]
        )
    return Mention(
        doc_id=row["doc"],
        start=row["start"],
        end=row["end"],
        text=row["text"],
        segment=SegmentKind(row["segment"]),
        actor=actor,
        label=row["label"],
    )


def place_values(place: Place, doc_id: str) -> dict[str, Any]:
    values = place_to_json(place)
    values["doc"] = doc_id
    values["kind"] = place.kind
    return values


def place_from_row(row: Mapping[str, Any]) -> Place:
    return Place(
        doc_id=row["doc"],
        start=row["start"],
        end=row["end"],
        text=row["text"],
        name=row["name"],
        lat=row["lat"],
        lon=row["lon"],
        country=row["country"],
        geonames_id=row["geonames_id"],
        precision=row["precision"],
        kind=row["kind"],
    )


def event_values(event: Event, doc_id: str) -> dict[str, Any]:
    return {
        "event_id": event.event_id,
        "doc": doc_id,
        "type": event.type,
        "mode": event.mode,
        "source": [ref_to_json(r) for r in event.source],
        "target": [ref_to_json(r) for r in event.target],
        "date": event.date,
        "date_precision": event.date_precision,
        "location": place_to_json(event.location) if event.location else None,
        "modality": event.modality.value,
        "segment": event.segment.value,
        "sentence": event.sentence,
        "start": event.start,
        "end": event.end,
        "trigger": event.trigger,
        "trigger_start": event.trigger_start,
        "trigger_end": event.trigger_end,
        "confidence": event.confidence,
        "quad": event.quad,
        "score": event.score,
        "attributed_to": ref_to_json(event.attributed_to) if event.attributed_to else None,
        "date_text": event.date_text,
        "context": event.context,
        "mentions": [export.event_mention_to_dict(m) for m in event.mentions],
        "cluster_id": event.cluster_id,
        **event_place_values(event),
        **event_pair_values(event),
    }


def event_place_values(event: Event) -> dict[str, Any]:
    """The event's place as the plain columns the API filters and groups by."""
    place = event.location
    return {
        "lat": place.lat if place else None,
        "lon": place.lon if place else None,
        "place_name": place.name if place else None,
        "place_country": place.country if place else None,
    }


def event_pair_values(event: Event) -> dict[str, Any]:
    """How many source -> target pairs (different ids) the event links, and the pair
    itself when there is exactly one: the actor network counts those without a join."""
    pairs = [(s.id, t.id) for s in event.source for t in event.target if s.id != t.id]
    single = pairs[0] if len(pairs) == 1 else (None, None)
    return {"pair_source": single[0], "pair_target": single[1], "pair_rows": len(pairs)}


def event_mention_from_json(data: Mapping[str, Any]) -> EventMention:
    return EventMention(
        start=data["start"],
        end=data["end"],
        sentence=data["sentence"],
        trigger=data["trigger"],
        trigger_start=data["trigger_start"],
        trigger_end=data["trigger_end"],
        segment=SegmentKind(data["segment"]),
        modality=Modality(data["modality"]),
    )


def event_actor_values(event: Event) -> list[dict[str, Any]]:
    """Rows of the ``event_actors`` table: one per source and target actor of an event."""
    rows = []
    seen: set[str] = set()
    for role, refs in (("source", event.source), ("target", event.target)):
        for position, ref in enumerate(refs):
            rows.append(
                {
                    "event_id": event.event_id,
                    "role": role,
                    "position": position,
                    "actor_id": ref.id,
                    "name": ref.name,
                    "code": ref.code,
                    "repeats_actor": ref.id in seen,
                    "type": event.type,
                    "date": event.date,
                }
            )
            seen.add(ref.id)
    return rows


def event_from_row(row: Mapping[str, Any]) -> Event:
    return Event(
        event_id=row["event_id"],
        doc_id=row["doc"],
        type=row["type"],
        mode=row["mode"],
        source=tuple(ref_from_dict(r) for r in row["source"]),
        target=tuple(ref_from_dict(r) for r in row["target"]),
        date=row["date"],
        location=place_from_json(row["location"]),
        modality=Modality(row["modality"]),
        segment=SegmentKind(row["segment"]),
        sentence=row["sentence"],
        start=row["start"],
        end=row["end"],
        trigger=row["trigger"],
        trigger_start=row["trigger_start"],
        trigger_end=row["trigger_end"],
        confidence=row["confidence"],
        quad=row["quad"],
        score=row["score"],
        attributed_to=ref_from_json(row["attributed_to"]),
        date_precision=row["date_precision"],
        date_text=row["date_text"],
        context=row["context"],
        mentions=tuple(event_mention_from_json(m) for m in row["mentions"] or ()),
        cluster_id=row["cluster_id"],
    )


def _ref_columns(prefix: str, ref: ActorRef) -> dict[str, Any]:
    return {
        f"{prefix}_id": ref.id,
        f"{prefix}_name": ref.name,
        f"{prefix}_code": ref.code,
        f"{prefix}_text": ref.text,
    }


def _ref_from_columns(prefix: str, row: Mapping[str, Any]) -> ActorRef:
    return ActorRef(
        id=row[f"{prefix}_id"],
        name=row[f"{prefix}_name"],
        code=row[f"{prefix}_code"],
        text=row[f"{prefix}_text"],
    )


def relation_values(relation: Relation, doc_id: str) -> dict[str, Any]:
    return {
        "doc": doc_id,
        **_ref_columns("subject", relation.subject),
        "predicate": relation.predicate,
        **_ref_columns("object", relation.object),
        "start": relation.start,
        "end": relation.end,
        "sentence": relation.sentence,
        "text": relation.text,
        "segment": relation.segment.value,
        "date": relation.date,
    }


def relation_from_row(row: Mapping[str, Any]) -> Relation:
    return Relation(
        doc_id=row["doc"],
        subject=_ref_from_columns("subject", row),
        predicate=row["predicate"],
        object=_ref_from_columns("object", row),
        start=row["start"],
        end=row["end"],
        sentence=row["sentence"],
        text=row["text"],
        segment=SegmentKind(row["segment"]),
        date=row["date"],
    )


def claim_values(claim: Claim, doc_id: str) -> dict[str, Any]:
    return {
        "claim_id": claim.claim_id,
        "doc": doc_id,
        "kind": claim.kind,
        "text": claim.text,
        "start": claim.start,
        "end": claim.end,
        "segment": claim.segment.value,
        "holder": ref_to_json(claim.holder) if claim.holder else None,
        "made_on": claim.made_on,
        "about": claim.about,
        "event_ids": list(claim.event_ids),
    }


def claim_from_row(row: Mapping[str, Any]) -> Claim:
    return Claim(
        claim_id=row["claim_id"],
        doc_id=row["doc"],
        kind=row["kind"],
        text=row["text"],
        start=row["start"],
        end=row["end"],
        segment=SegmentKind(row["segment"]),
        holder=ref_from_json(row["holder"]),
        made_on=row["made_on"],
        about=row["about"],
        event_ids=tuple(row["event_ids"]),
    )
