"""sitrep's export format: how stored records are written out as JSON lines or CSV.

This docstring is the contract; the README copies it.

General rules
-------------
* JSONL: one JSON object per line, UTF-8, keys in the order listed below.
* CSV: a header row with the same field names, one row per record. Nested values (objects
  and lists) are JSON-encoded inside the cell; ``null`` is an empty cell; booleans are
  ``true``/``false``.
* Offsets (``start``, ``end``, ``trigger_start``, ``trigger_end``) are character offsets
  (Python ``str`` indices, i.e. Unicode code points) into the page's text exactly as sitrep
  read it: the ``text`` field of the ``documents`` export. ``text[start:end]`` is the
  thing the record points at.
* Dates are ISO 8601 strings, possibly partial (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``).
* Fields marked *extra* go beyond the core contract; they are stable too.

documents
---------
``doc`` (id), ``title``, ``url``, ``date``, ``date_source`` (``"metadata"``; ``"content"``:
a publication date the page states; ``"inferred"``: from the dates and well-known dated
events the page mentions; or null), ``body`` (the article's own text: body and quoted paragraphs joined by
newlines), ``comments`` (list of reader comments), ``removed`` (list of stretches dropped
as boilerplate: ads, navigation, share buttons); extra: ``source``, ``path`` (the file
read), ``date_confidence`` (0..1, how sure the date is), ``text`` (the whole page text
that offsets index), ``segments`` (list of
``{start, end, kind}``, kind one of title, body, quote, comment, boilerplate).

events
------
``event_id``, ``doc``, ``type`` (PLOVER type, current names), ``mode`` (or null),
``source`` and ``target`` (``{id, name, code, text}`` or null), ``date``, ``location``
(``{name, lat, lon, country, geonames_id}`` or null), ``modality`` (asserted, reported,
speculated, predicted, hypothetical, negated, question), ``segment`` (body, quote, comment,
title), ``sentence``, ``start``, ``end`` (the sentence), ``confidence`` (0..1); extra:
``trigger`` (the words that name the event), ``trigger_start``, ``trigger_end``, ``quad``
(verbal/material cooperation/conflict), ``score`` (conflict-cooperation weight),
``attributed_to`` (``{id, name, code, text}`` of whoever the page says reported it, or
null), ``date_precision`` (day, week, month, season, year, or ``page`` when the sentence
gives no date and the event carries the page's date), ``date_text`` (the words the date came
from, or null), ``context`` (the purpose or cause the sentence gives, or null),
``mentions`` (every place on the page that tells this event, the first included: a list of
``{start, end, sentence, trigger, trigger_start, trigger_end, segment, modality}``; mentions
of the same event on one page are merged into one record), ``cluster`` (the id shared by
records of the same event on several pages, or null). The ``location`` object also carries
``precision`` (country, admin1, city, site). An actor's ``code`` is the code it held on the
event's date; its ``text`` is the page's words for it.

PLOVER actors may be compound. When an event has several sources (or targets),
``source`` (``target``) is the first and the JSON line also carries ``sources``
(``targets``): the list of all of them, in page order. With one or none, the list key is
absent from JSON lines (and its CSV cell is empty).

mentions
--------
``doc``, ``text``, ``start``, ``end``, ``actor`` (``{id, name, code}`` or null when the
words matched no actor); extra: ``segment``, ``label`` (the spaCy entity label, or ``NP``
for a noun phrase).

places
------
``doc``, ``text``, ``start``, ``end``, ``name``, ``lat``, ``lon``, ``country`` (ISO
alpha-3 or null), ``geonames_id`` (or null); extra: ``precision`` (country, admin1, city,
site), ``kind`` (``toponym``, a place name, or ``demonym``, a nationality word such as
"Turkish" that mentions the country; demonyms are never an event's location).

relations
---------
What a page states about how two actors stand: ``doc``, ``subject`` and ``object``
(``{id, name, code, text}``), ``predicate`` (leads, member_of, allied_with, backed_by,
opposes), ``start``, ``end`` (the sentence), ``sentence``; extra: ``text`` (the words that
state it), ``segment``, ``date`` (the page's date: when the page states it).

claims
------
Predictions, speculations, hypotheticals and open questions a page puts forward, kept so
they can be checked later: ``claim_id``, ``doc``, ``kind`` (prediction, speculation,
hypothetical, question), ``holder`` (``{id, name, code, text}`` of who makes the claim, or
null for the page's author), ``text`` (the sentence), ``start``, ``end``, ``made_on`` (the
date the claim was made: the page's date); extra: ``about`` (the date the claim is about,
when the sentence gives one), ``segment``, ``event_ids`` (events coded from it).

actors
------
``id``, ``name``, ``code`` (default code), ``aliases`` (list), ``roles`` (list of
``{code, title, start, end}``, dated positions whose code applies while held); extra:
``type``, ``country`` (ISO alpha-3 or null), ``known`` (false for actors made up from a
name that is not in the actor base).

Parquet
-------
``--format parquet --output DIR`` writes a Hive-partitioned Parquet data set (pyarrow)
into the new or empty folder DIR: one column per field above, in the same order, plus
``month`` (``YYYY-MM`` of the row's date: ``date`` for events, documents and relations,
``made_on`` for claims; ``unknown`` when there is none), the partition key, so files lie
under ``DIR/month=2024-05/``. Actors and mentions, which have no date, are written
unpartitioned. Nested values (actor refs, ``location``, ``mentions``, lists) are JSON
strings, exactly as in CSV cells, so every engine reads them the same way (DuckDB:
``json_extract_string(source, '$.name')``); offsets are 64-bit integers, ``confidence``,
``score``, ``lat``, ``lon`` and ``date_confidence`` doubles, ``known`` a boolean, the rest
strings. ``sources``/``targets`` are null when an event has one actor or none.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import IO, Any

from sitrep.errors import QueryError
from sitrep.models import (
    Actor,
    ActorRef,
    AnalysedDocument,
    Claim,
    Document,
    Event,
    EventMention,
    Mention,
    Place,
    Relation,
)

DOCUMENT_FIELDS = (
    "doc",
    "title",
    "url",
    "date",
    "date_source",
    "body",
    "comments",
    "removed",
    "source",
    "path",
    "date_confidence",
    "text",
    "segments",
)
EVENT_FIELDS = (
    "event_id",
    "doc",
    "type",
    "mode",
    "source",
    "target",
    "sources",
    "targets",
    "date",
    "location",
    "modality",
    "segment",
    "sentence",
    "start",
    "end",
    "confidence",
    "trigger",
    "trigger_start",
    "trigger_end",
    "quad",
    "score",
    "attributed_to",
    "date_precision",
    "date_text",
    "context",
    "mentions",
    "cluster",
)
MENTION_FIELDS = ("doc", "text", "start", "end", "actor", "segment", "label")
PLACE_FIELDS = (
    "doc",
    "text",
    "start",
    "end",
    "name",
    "lat",
    "lon",
    "country",
    "geonames_id",
    "precision",
    "kind",
)
ACTOR_FIELDS = ("id", "name", "code", "aliases", "roles", "type", "country", "known")
RELATION_FIELDS = (
    "doc",
    "subject",
    "predicate",
    "object",
    "start",
    "end",
    "sentence",
    "text",
    "segment",
    "date",
)
CLAIM_FIELDS = (
    "claim_id",
    "doc",
    "kind",
    "holder",
    "text",
    "start",
    "end",
    "made_on",
    "about",
    "segment",
    "event_ids",
)

FIELDS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "documents": DOCUMENT_FIELDS,
        "events": EVENT_FIELDS,
        "mentions": MENTION_FIELDS,
        "places": PLACE_FIELDS,
        "actors": ACTOR_FIELDS,
        "relations": RELATION_FIELDS,
        "claims": CLAIM_FIELDS,
    }
)
"""Every field of each export table, in output order (the CSV header)."""

OPTIONAL_FIELDS = frozenset({"sources", "targets"})
"""Fields that JSON lines carry only when they apply (see the module docstring)."""

FORMATS = ("jsonl", "csv")


def unknown_table_message(table: str) -> str:
    return f"unknown table {table!r}; use one of: {', '.join(FIELDS)}"


def actor_ref_to_dict(ref: ActorRef | None) -> dict[str, Any] | None:
    if ref is None:
        return None
    return {"id": ref.id, "name": ref.name, "code": ref.code, "text": ref.text}


def location_to_dict(place: Place | None) -> dict[str, Any] | None:
    if place is None:
        return None
    return {
        "name": place.name,
        "lat": place.lat,
        "lon": place.lon,
        "country": place.country,
        "geonames_id": place.geonames_id,
        "precision": place.precision,
    }


def document_to_dict(document: Document) -> dict[str, Any]:
    return {
        "doc": document.doc_id,
        "title": document.title,
        "url": document.url,
        "date": document.date,
        "date_source": document.date_source,
        "body": document.body,
        "comments": document.comments,
        "removed": document.removed,
        "source": document.source,
        "path": document.path,
        "date_confidence": document.date_confidence,
        "text": document.text,
        "segments": [
            {"start": s.start, "end": s.end, "kind": s.kind.value} for s in document.segments
        ],
    }


def event_to_dict(event: Event) -> dict[str, Any]:
    row: dict[str, Any] = {
        "event_id": event.event_id,
        "doc": event.doc_id,
        "type": event.type,
        "mode": event.mode,
        "source": actor_ref_to_dict(event.source[0]) if event.source else None,
        "target": actor_ref_to_dict(event.target[0]) if event.target else None,
    }
    if len(event.source) > 1:
        row["sources"] = [actor_ref_to_dict(ref) for ref in event.source]
    if len(event.target) > 1:
        row["targets"] = [actor_ref_to_dict(ref) for ref in event.target]
    row.update(
        {
            "date": event.date,
            "location": location_to_dict(event.location),
            "modality": event.modality.value,
            "segment": event.segment.value,
            "sentence": event.sentence,
            "start": event.start,
            "end": event.end,
            "confidence": event.confidence,
            "trigger": event.trigger,
            "trigger_start": event.trigger_start,
            "trigger_end": event.trigger_end,
            "quad": event.quad,
            "score": event.score,
            "attributed_to": actor_ref_to_dict(event.attributed_to),
            "date_precision": event.date_precision,
            "date_text": event.date_text,
            "context": event.context,
            "mentions": [event_mention_to_dict(m) for m in event.mentions],
            "cluster": event.cluster_id,
        }
    )
    return row


def event_mention_to_dict(mention: EventMention) -> dict[str, Any]:
    return {
        "start": mention.start,
        "end": mention.end,
        "sentence": mention.sentence,
        "trigger": mention.trigger,
        "trigger_start": mention.trigger_start,
        "trigger_end": mention.trigger_end,
        "segment": mention.segment.value,
        "modality": mention.modality.value,
    }


def relation_to_dict(relation: Relation) -> dict[str, Any]:
    return {
        "doc": relation.doc_id,
        "subject": actor_ref_to_dict(relation.subject),
        "predicate": relation.predicate,
        "object": actor_ref_to_dict(relation.object),
        "start": relation.start,
        "end": relation.end,
        "sentence": relation.sentence,
        "text": relation.text,
        "segment": relation.segment.value,
        "date": relation.date,
    }


def claim_to_dict(claim: Claim) -> dict[str, Any]:
    return {
        "claim_id": claim.claim_id,
        "doc": claim.doc_id,
        "kind": claim.kind,
        "holder": actor_ref_to_dict(claim.holder),
        "text": claim.text,
        "start": claim.start,
        "end": claim.end,
        "made_on": claim.made_on,
        "about": claim.about,
        "segment": claim.segment.value,
        "event_ids": list(claim.event_ids),
    }


def mention_to_dict(mention: Mention) -> dict[str, Any]:
    actor = mention.actor
    return {
        "doc": mention.doc_id,
        "text": mention.text,
        "start": mention.start,
        "end": mention.end,
        "actor": None
        if actor is None
        else {"id": actor.id, "name": actor.name, "code": actor.code},
        "segment": mention.segment.value,
        "label": mention.label,
    }


def place_to_dict(place: Place) -> dict[str, Any]:
    return {
        "doc": place.doc_id,
        "text": place.text,
        "start": place.start,
        "end": place.end,
        **location_to_dict(place),
        "kind": place.kind,
    }


def actor_to_dict(actor: Actor) -> dict[str, Any]:
    return {
        "id": actor.id,
        "name": actor.name,
        "code": actor.code,
        "aliases": list(actor.aliases),
        "roles": [
            {"code": r.code, "title": r.title, "start": r.start, "end": r.end} for r in actor.roles
        ],
        "type": actor.type.value,
        "country": actor.country,
        "known": actor.known,
    }


def analysed_to_dicts(analysed: AnalysedDocument, table: str) -> list[dict[str, Any]]:
    """The export rows one analysed page contributes to ``table``."""
    if table == "documents":
        return [document_to_dict(analysed.document)]
    if table == "events":
        return [event_to_dict(e) for e in analysed.events]
    if table == "mentions":
        return [mention_to_dict(m) for m in analysed.mentions]
    if table == "places":
        return [place_to_dict(p) for p in analysed.places]
    if table == "actors":
        return [actor_to_dict(a) for a in analysed.actors]
    if table == "relations":
        return [relation_to_dict(r) for r in analysed.relations]
    if table == "claims":
        return [claim_to_dict(c) for c in analysed.claims]
    raise QueryError(unknown_table_message(table))


def csv_cell(value: Any) -> str:
    """One CSV cell: nested values JSON-encoded, null empty, booleans true/false."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return value
    if isinstance(value, int | float):
        return repr(value)
    return json.dumps(value, ensure_ascii=False)


def write_jsonl(rows: Iterable[Mapping[str, Any]], stream: IO[str]) -> int:
    """Write one JSON object per line; returns how many rows were written."""
    count = 0
    for row in rows:
        stream.write(json.dumps(row, ensure_ascii=False))
        stream.write("\n")
        count += 1
    return count


def write_csv(rows: Iterable[Mapping[str, Any]], stream: IO[str], fields: Sequence[str]) -> int:
    """Write a header of ``fields`` and one row per record; returns how many were written."""
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(fields)
    count = 0
    for row in rows:
        writer.writerow([csv_cell(row.get(name)) for name in fields])
        count += 1
    return count


def write_rows(
    rows: Iterable[Mapping[str, Any]], stream: IO[str], table: str, fmt: str = "jsonl"
) -> int:
    """Write rows of ``table`` as ``fmt`` (jsonl or csv); returns how many were written."""
    if fmt == "jsonl":
        return write_jsonl(rows, stream)
    if fmt == "csv":
        if table not in FIELDS:
            raise QueryError(unknown_table_message(table))
        return write_csv(rows, stream, FIELDS[table])
    raise QueryError(f"unknown export format {fmt!r}; use one of: {', '.join(FORMATS)}")


# -- Parquet ------------------------------------------------------------------------------

PARQUET_DATE_FIELD = MappingProxyType(
    {"events": "date", "documents": "date", "relations": "date", "claims": "made_on"}
)
"""The field whose month partitions each table's Parquet data set."""

_INT_FIELDS = frozenset({"start", "end", "trigger_start", "trigger_end", "geonames_id"})
_FLOAT_FIELDS = frozenset({"confidence", "score", "lat", "lon", "date_confidence"})
_BOOL_FIELDS = frozenset({"known"})
PARQUET_ROWS_PER_FILE = 50_000


def _parquet_schema(table: str) -> Any:
    import pyarrow as pa

    def kind(name: str) -> Any:
        if name in _INT_FIELDS:
            return pa.int64()
        if name in _FLOAT_FIELDS:
            return pa.float64()
        if name in _BOOL_FIELDS:
            return pa.bool_()
        return pa.string()

    fields = [pa.field(name, kind(name)) for name in FIELDS[table]]
    if table in PARQUET_DATE_FIELD:
        fields.append(pa.field("month", pa.string()))
    return pa.schema(fields)


def _parquet_row(row: Mapping[str, Any], table: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in FIELDS[table]:
        value = row.get(name)
        if isinstance(value, dict | list | tuple):
            value = json.dumps(value, ensure_ascii=False)
        elif name in _FLOAT_FIELDS and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        out[name] = value
    date_field = PARQUET_DATE_FIELD.get(table)
    if date_field is not None:
        date = row.get(date_field)
        out["month"] = date[:7] if isinstance(date, str) and len(date) >= 7 else "unknown"
    return out


def write_parquet(rows: Iterable[Mapping[str, Any]], folder: str, table: str) -> int:
    """Write rows of ``table`` as a Parquet data set in ``folder`` (new or empty),
    partitioned by month where the table has a date; returns how many rows were written.
    Rows are written in files of at most ``PARQUET_ROWS_PER_FILE``, never all in memory."""
    from pathlib import Path

    if table not in FIELDS:
        raise QueryError(unknown_table_message(table))
    target = Path(folder)
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise QueryError(
            f"--output {folder} must be a new or empty folder for --format parquet; "
            "remove it or choose another"
        )
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = _parquet_schema(table)
    partitioned = table in PARQUET_DATE_FIELD
    target.mkdir(parents=True, exist_ok=True)
    count = 0
    part = 0
    chunk: list[dict[str, Any]] = []

    def flush() -> None:
        nonlocal part
        if not chunk and part > 0:
            return
        data = pa.Table.from_pylist(chunk, schema=schema)
        if partitioned:
            pq.write_to_dataset(
                data,
                root_path=str(target),
                partition_cols=["month"],
                basename_template=f"part-{part:05d}-{{i}}.parquet",
            )
        else:
            pq.write_table(data, str(target / f"part-{part:05d}.parquet"))
        part += 1
        chunk.clear()

    for row in rows:
        chunk.append(_parquet_row(row, table))
        count += 1
        if len(chunk) >= PARQUET_ROWS_PER_FILE:
            flush()
    if chunk or (part == 0 and not partitioned):
        flush()
    return count
