"""``build_report``: a situation report for a period, from the stored records.

Every section is computed from the events the store's query layer returns for the
period (and its filters), so a count in the report is a count a reader can reproduce with
``sitrep events --from ... --to ...``.
"""

from __future__ import annotations

import logging
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from urllib.parse import quote

from sitrep.errors import QueryError
from sitrep.report.data import (
    CLAIM_KIND,
    SPECULATIVE,
    Selection,
    StoredClaim,
    StoredEvent,
    StoredPage,
    check_selection,
    load_pages,
    select_claims,
    select_events,
    stored_span,
    unknown_actor_ids,
)
from sitrep.report.model import (
    QUADS,
    ActorActivity,
    Citation,
    ClaimItem,
    CountChange,
    DyadActivity,
    KeyEvent,
    MapPoint,
    Network,
    NetworkEdge,
    NetworkNode,
    PageUsed,
    Period,
    Report,
    Summary,
    Trend,
    TrendPoint,
    UnknownActor,
)
from sitrep.report.period import day_of, make_period, previous_period
from sitrep.store import Store

logger = logging.getLogger(__name__)

NOT_HAPPENINGS = (*SPECULATIVE, "negated", "question")
"""Modalities left out of the key events: the page does not say these happened."""
AUTHOR = "the page's author"


class _CitationBook:
    """Numbers citations in the order they are first used; one number per sentence."""

    def __init__(self, pages: dict[str, StoredPage]) -> None:
        self._pages = pages
        self._by_key: dict[tuple[str, int, int], Citation] = {}

    def cite(self, doc: str, start: int, end: int, sentence: str, event_id: str) -> Citation:
        key = (doc, start, end)
        if key not in self._by_key:
            page = self._pages[doc]
            self._by_key[key] = Citation(
                number=len(self._by_key) + 1,
                doc=doc,
                title=page.title,
                url=page.url,
                page_date=page.date,
                sentence=sentence,
                start=start,
                end=end,
                event_id=event_id,
                link=sentence_link(page.url, sentence),
            )
        return self._by_key[key]

    def all(self) -> tuple[Citation, ...]:
        return tuple(sorted(self._by_key.values(), key=lambda c: c.number))


def _fragment_part(words: Sequence[str]) -> str:
    return quote(" ".join(words), safe="").replace("-", "%2D")


def sentence_link(url: str | None, sentence: str) -> str | None:
    """The page's url with a text fragment (``#:~:text=``) that jumps to the sentence."""
    if not url:
        return None
    words = sentence.split()
    if not words:
        return url
    if len(words) > 10:
        directive = f"text={_fragment_part(words[:5])},{_fragment_part(words[-3:])}"
    else:
        directive = f"text={_fragment_part(words)}"
    return f"{url}:~:{directive}" if "#" in url else f"{url}#:~:{directive}"


def _changes(current: Counter[str], previous: Counter[str], order: Iterable[str]) -> tuple:
    labels = list(order)
    labels += sorted((set(current) | set(previous)) - set(labels))
    return tuple(
        CountChange(label, current[label], previous[label])
        for label in labels
        if current[label] or previous[label]
    )


def _actor_counts(events: Sequence[StoredEvent]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for event in events:
        for actor_id in {a.id for a in event.actors}:
            counts[actor_id] += 1
    return counts


def _dyads(events: Sequence[StoredEvent]) -> dict[tuple[str, str], list[float]]:
    pairs: dict[tuple[str, str], list[float]] = defaultdict(list)
    for event in events:
        for pair in {(s.id, t.id) for s in event.sources for t in event.targets if s.id != t.id}:
            pairs[pair].append(event.score)
    return pairs


def _names(events: Sequence[StoredEvent]) -> dict[str, tuple[str, str]]:
    names = {}
    for event in events:
        for actor in event.actors:
            names.setdefault(actor.id, (actor.name, actor.code))
    return names


def _summary(events: Sequence[StoredEvent], previous: Sequence[StoredEvent], top: int) -> Summary:
    names = _names([*events, *previous])
    actors_now, actors_before = _actor_counts(events), _actor_counts(previous)
    top_actors = tuple(
        ActorActivity(
            id=actor_id,
            name=names[actor_id][0],
            code=names[actor_id][1],
            current=n,
            previous=actors_before[actor_id],
        )
        for actor_id, n in sorted(actors_now.items(), key=lambda kv: (-kv[1], names[kv[0]][0]))[
            :top
        ]
    )
    dyads_now, dyads_before = _dyads(events), _dyads(previous)
    ranked = sorted(dyads_now.items(), key=lambda kv: (-len(kv[1]), names[kv[0][0]][0]))[:top]
    top_dyads = tuple(
        DyadActivity(
            source_id=s,
            source_name=names[s][0],
            target_id=t,
            target_name=names[t][0],
            current=len(scores),
            previous=len(dyads_before.get((s, t), [])),
            mean_score=round(sum(scores) / len(scores), 2),
        )
        for (s, t), scores in ranked
    )
    return Summary(
        total=CountChange("events", len(events), len(previous)),
        by_quad=_changes(Counter(e.quad for e in events), Counter(e.quad for e in previous), QUADS),
        by_type=tuple(
            sorted(
                _changes(Counter(e.type for e in events), Counter(e.type for e in previous), ()),
                key=lambda c: (-c.current, -c.previous, c.label),
            )
        ),
        by_modality=_changes(
            Counter(e.modality for e in events), Counter(e.modality for e in previous), ()
        ),
        net_score=round(sum(e.score for e in events), 1),
        previous_net_score=round(sum(e.score for e in previous), 1),
        top_actors=top_actors,
        top_dyads=top_dyads,
        pages=len({e.doc for e in events}),
        previous_pages=len({e.doc for e in previous}),
    )


def _group_key(event: StoredEvent) -> tuple:
    """Events of one group are the same happening: the store's cluster when it has one,
    else the same type, actors and day."""
    if event.cluster:
        return ("cluster", event.cluster)
    return (
        "same",
        event.type,
        tuple(sorted({a.id for a in event.sources})),
        tuple(sorted({a.id for a in event.targets})),
        (event.date or "")[:10],
    )


def _key_events(
    events: Sequence[StoredEvent],
    pages: dict[str, StoredPage],
    book: _CitationBook,
    top: int,
    per_event_citations: int,
) -> tuple[KeyEvent, ...]:
    groups: dict[tuple, list[StoredEvent]] = defaultdict(list)
    for event in events:
        if event.modality not in NOT_HAPPENINGS:
            groups[_group_key(event)].append(event)

    def weight(group: list[StoredEvent]) -> float:
        docs = len({e.doc for e in group})
        return max(abs(e.score) for e in group) * (1 + math.log2(docs))

    def order(group: list[StoredEvent]) -> tuple:
        tellings = sum(len(e.tellings) for e in group)
        first = min(group, key=lambda e: (e.date or "", e.event_id))
        return (-weight(group), -len({e.doc for e in group}), -tellings, first.date or "")

    chosen = sorted(groups.values(), key=order)[:top]
    key_events = []
    for rank, group in enumerate(chosen, start=1):
        lead = max(group, key=lambda e: (abs(e.score), -len(e.date or ""), e.event_id))
        placed = next((e for e in [lead, *group] if e.place), None)
        dated = min(group, key=lambda e: (-len(e.date or ""), e.date or "", e.event_id))
        by_page = sorted(group, key=lambda e: (pages[e.doc].date or "", e.doc, e.start))
        citations = []
        for event in by_page:
            for telling in event.tellings:
                if len(citations) < per_event_citations:
                    citations.append(
                        book.cite(
                            event.doc, telling.start, telling.end, telling.sentence, event.event_id
                        )
                    )
        key_events.append(
            KeyEvent(
                rank=rank,
                event_ids=tuple(e.event_id for e in by_page),
                type=lead.type,
                mode=lead.mode,
                quad=lead.quad,
                score=lead.score,
                sources=tuple(dict.fromkeys(a.name for e in group for a in e.sources)),
                targets=tuple(dict.fromkeys(a.name for e in group for a in e.targets)),
                trigger=lead.trigger,
                date=dated.date,
                date_precision=dated.date_precision,
                place=placed.place if placed else None,
                country=placed.country if placed else None,
                modality=lead.modality,
                independent_sources=len({e.doc for e in group}),
                mentions=sum(len(e.tellings) for e in group),
                weight=round(weight(group), 2),
                citations=tuple(dict.fromkeys(citations)),
            )
        )
    return tuple(key_events)


def _bucket(period: Period) -> str:
    days = (date.fromisoformat(period.last_day) - date.fromisoformat(period.first_day)).days + 1
    if days <= 62:
        return "day"
    if days <= 3 * 366:
        return "week"
    return "month"


def _bucket_start(day: date, bucket: str) -> date:
    if bucket == "week":
        return day - timedelta(days=day.weekday())
    if bucket == "month":
        return day.replace(day=1)
    return day


def _next_bucket(day: date, bucket: str) -> date:
    if bucket == "week":
        return day + timedelta(days=7)
    if bucket == "month":
        return date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return day + timedelta(days=1)


def _trend(events: Sequence[StoredEvent], period: Period) -> Trend:
    bucket = _bucket(period)
    counts: dict[date, list[int]] = defaultdict(lambda: [0] * len(QUADS))
    scores: dict[date, float] = defaultdict(float)
    for event in events:
        if not event.date:
            continue
        start = _bucket_start(day_of(event.date), bucket)
        if event.quad in QUADS:
            counts[start][QUADS.index(event.quad)] += 1
        scores[start] += event.score
    points = []
    day = _bucket_start(date.fromisoformat(period.first_day), bucket)
    last = date.fromisoformat(period.last_day)
    while day <= last:
        points.append(
            TrendPoint(day.isoformat(), tuple(counts.get(day, [0] * 4)), round(scores[day], 1))
        )
        day = _next_bucket(day, bucket)
    return Trend(bucket, tuple(points))


def _network(events: Sequence[StoredEvent], limit: int) -> Network:
    names = _names(events)
    counts = _actor_counts(events)
    kept = sorted(counts, key=lambda a: (-counts[a], names[a][0]))[:limit]
    nodes = tuple(NetworkNode(a, names[a][0], names[a][1], counts[a]) for a in kept)
    inside = set(kept)
    edges = tuple(
        NetworkEdge(s, t, len(scores), round(sum(scores) / len(scores), 2))
        for (s, t), scores in sorted(_dyads(events).items())
        if s in inside and t in inside
    )
    return Network(nodes, edges, left_out=len(counts) - len(kept))


def _places(events: Sequence[StoredEvent]) -> tuple[MapPoint, ...]:
    found: dict[tuple[str, float, float], list[StoredEvent]] = defaultdict(list)
    for event in events:
        if event.place and event.lat is not None and event.lon is not None:
            found[(event.place, float(event.lat), float(event.lon))].append(event)
    points = [
        MapPoint(
            name=name,
            lat=lat,
            lon=lon,
            country=group[0].country,
            events=len(group),
            mean_score=round(sum(e.score for e in group) / len(group), 2),
        )
        for (name, lat, lon), group in found.items()
    ]
    return tuple(sorted(points, key=lambda p: (-p.events, p.name)))


@dataclass(frozen=True)
class _ClaimFound:
    kind: str
    text: str
    holder: str
    made_on: str | None
    about: str | None
    doc: str
    start: int
    end: int
    ref: str  # the claim id or event id


def _claims_found(
    events: Sequence[StoredEvent], stored: Sequence[StoredClaim], pages: dict[str, StoredPage]
) -> list[_ClaimFound]:
    """Claims from the claims table, then speculative events no claim covers."""
    found = [
        _ClaimFound(
            claim.kind,
            claim.text,
            claim.holder.name if claim.holder else AUTHOR,
            claim.made_on,
            claim.about,
            claim.doc,
            claim.start,
            claim.end,
            claim.claim_id,
        )
        for claim in stored
    ]
    covered = {event_id for claim in stored for event_id in claim.event_ids}
    seen = {(c.doc, c.start) for c in stored}
    for event in events:
        if event.modality not in SPECULATIVE or event.event_id in covered:
            continue
        if (event.doc, event.start) in seen:
            continue
        seen.add((event.doc, event.start))
        page_date = pages[event.doc].date
        found.append(
            _ClaimFound(
                CLAIM_KIND[event.modality],
                event.sentence,
                event.holder.name if event.holder else AUTHOR,
                page_date,
                event.date if event.date != page_date else None,
                event.doc,
                event.start,
                event.end,
                event.event_id,
            )
        )
    return found


def _latest_first(value: str | None) -> tuple[int, ...]:
    return tuple(-int(p) for p in (value or "0").split("-") if p.isdigit())


def _claims(found: Sequence[_ClaimFound], book: _CitationBook, most: int) -> tuple[ClaimItem, ...]:
    """At most ``most`` claims (named holders and predictions first, then the latest),
    in date order, each with its citation."""
    kept = sorted(
        found, key=lambda c: (c.holder == AUTHOR, c.kind != "prediction", _latest_first(c.made_on))
    )[:most]
    kept.sort(key=lambda c: (c.made_on or "", c.doc, c.start))
    return tuple(
        ClaimItem(
            c.kind,
            c.text,
            c.holder,
            c.made_on,
            c.about,
            book.cite(c.doc, c.start, c.end, c.text, c.ref),
        )
        for c in kept
    )


def _claims_in_selection(
    claims: Sequence[StoredClaim], events: Sequence[StoredEvent], selection: Selection
) -> list[StoredClaim]:
    if not (selection.actors or selection.countries):
        return list(claims)
    selected = {e.event_id for e in events}
    wanted = [a.lower() for a in selection.actors]

    def holder_matches(claim: StoredClaim) -> bool:
        holder = claim.holder
        if holder is None:
            return False
        if holder.code[:3] in selection.countries:
            return True
        return any(
            w in (holder.id.lower(), holder.name.lower()) or holder.code.lower().startswith(w)
            for w in wanted
        )

    return [c for c in claims if selected.intersection(c.event_ids) or holder_matches(c)]


def _unknown_actors(
    events: Sequence[StoredEvent], unknown: dict[str, str]
) -> tuple[UnknownActor, ...]:
    seen: dict[str, list[StoredEvent]] = defaultdict(list)
    for event in events:
        for actor_id in {a.id for a in event.actors if a.id in unknown}:
            seen[actor_id].append(event)
    codes = {a.id: a.code for e in events for a in e.actors}
    found = [
        UnknownActor(
            id=actor_id,
            name=unknown[actor_id],
            code=codes.get(actor_id, ""),
            events=len(group),
            first_seen=min((e.date for e in group if e.date), default=None),
            docs=tuple(sorted({e.doc for e in group})),
        )
        for actor_id, group in seen.items()
    ]
    return tuple(sorted(found, key=lambda u: (-u.events, u.name)))


def _pages_used(
    pages: dict[str, StoredPage],
    event_counts: Counter[str],
    citations: Sequence[Citation],
    most: int,
) -> tuple[PageUsed, ...]:
    """Pages the report cites, then the pages with most events: at most ``most`` (or
    every cited page, if more), by date."""
    cited = {c.doc for c in citations}
    ranked = sorted(pages, key=lambda d: (d not in cited, -event_counts[d], d))
    kept = [d for d in ranked if d in cited] or []
    kept += [d for d in ranked if d not in cited][: max(0, most - len(kept))]
    chosen = sorted((pages[d] for d in kept), key=lambda p: (p.date or "", p.doc))
    return tuple(PageUsed(p.doc, p.title, p.url, p.date, event_counts[p.doc]) for p in chosen)


def _empty_message(store: Store, period: Period, selection: Selection) -> str:
    focus = []
    if selection.actors:
        focus.append("actor " + ", ".join(selection.actors))
    if selection.countries:
        focus.append("country " + ", ".join(selection.countries))
    if selection.docs:
        focus.append("page " + ", ".join(selection.docs))
    what = f" for {'; '.join(focus)}" if focus else ""
    first, last = stored_span(store)
    span = (
        f"stored pages are dated {first} to {last}"
        if first
        else "no stored page has a date; run `sitrep ingest` on dated pages"
    )
    return (
        f"no events from {period.first_day} to {period.last_day}{what}; "
        f"{span}: choose a period inside it or drop filters"
    )


def build_report(
    store: Store,
    period_from: str | date,
    period_to: str | date,
    actors: Sequence[str] = (),
    countries: Sequence[str] = (),
    docs: Sequence[str] = (),
    *,
    top_events: int = 10,
    top_actors: int = 8,
    network_limit: int = 25,
    citations_per_event: int = 4,
    top_claims: int = 20,
    top_pages: int = 40,
    generated_on: str | None = None,
) -> Report:
    """A situation report on the stored events from ``period_from`` to ``period_to``.

    ``actors`` (ids, names or code prefixes) and ``countries`` (ISO alpha-3: events in the
    country or by or against its actors) narrow it; ``docs`` keeps only those pages.
    Raises ``QueryError`` for malformed or reversed dates, unknown actors, countries or
    pages, and a period with no events.
    """
    if isinstance(actors, str) or isinstance(countries, str) or isinstance(docs, str):
        raise QueryError("actors, countries and docs take lists of values, not one string")
    period = make_period(period_from, period_to)
    previous = previous_period(period)
    selection = check_selection(store, Selection(tuple(actors), tuple(countries), tuple(docs)))
    events = select_events(store, period, selection)
    if not events:
        raise QueryError(_empty_message(store, period, selection))
    before = select_events(store, previous, selection)
    stored_claims = _claims_in_selection(select_claims(store, period, selection), events, selection)
    pages = load_pages(store, [e.doc for e in events] + [c.doc for c in stored_claims])
    book = _CitationBook(pages)
    key_events = _key_events(events, pages, book, top_events, citations_per_event)
    found_claims = _claims_found(events, stored_claims, pages)
    claims = _claims(found_claims, book, top_claims)
    event_counts = Counter(e.doc for e in events)
    report = Report(
        title="Situation report",
        period=period,
        previous=previous,
        actors=selection.actors,
        countries=selection.countries,
        docs=selection.docs,
        generated_on=generated_on or datetime.now(UTC).date().isoformat(),
        summary=_summary(events, before, top_actors),
        key_events=key_events,
        trend=_trend(events, period),
        network=_network(events, network_limit),
        places=_places(events),
        claims=claims,
        claims_total=len(found_claims),
        unknown_actors=_unknown_actors(events, unknown_actor_ids(store)),
        pages=_pages_used(pages, event_counts, book.all(), top_pages),
        pages_total=len(pages),
        citations=book.all(),
    )
    logger.info(
        "report %s: %d events, %d key events, %d citations",
        period.label,
        len(events),
        len(key_events),
        len(report.citations),
    )
    return report
