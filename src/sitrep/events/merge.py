"""One event, many mentions: merging the tellings of the same event on one page.

A page often tells one event several times: in the title, in the lead, again in a quote
and once more in the analysis ("the strike", "Friday's attack"). Counting each telling as
an event is what makes GDELT-style counts swell, so the coder's events are merged here
before they leave the pipeline. Two tellings are the same event when:

- they have the same PLOVER type, and the same mode or one of them has none;
- their actors agree: on each side (sources, targets) one set contains the other, and
  together they share at least one actor; a mutual act (the same sides as doers and
  recipients: "India and Pakistan exchanged fire") merges only with mutual acts;
- their dates are compatible: equal, one a prefix of the other ("2020-01" and
  "2020-01-03"), or one only inherited from the page;
- their places are compatible: the same place, or one of them has none;
- they are held the same way: asserted and reported tellings merge (the page and its
  source agree that it happened); a prediction, speculation, hypothetical, question or
  denial only merges with another of its own kind;
- they are in the same voice: reader comments never merge with the article, so that a
  comment repeating the news stays a comment;
- within one sentence, two triggers are one event only when both name the same mode
  ("marched ..., chanting slogans": one demonstration); otherwise the sentence names two
  acts of a kind ("conducted raids and arrests").

The merged event keeps the first body telling as its sentence (the title restates the
body), all tellings in page order as ``mentions``, the union of the actors, the most
precise date, the first place and the strongest confidence.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence

from sitrep.models import ActorRef, Event, EventMention, Modality, SegmentKind

PAGE_PRECISION = "page"
FACTUAL = frozenset({Modality.ASSERTED, Modality.REPORTED})
PRECISION_RANK = {"day": 5, "week": 4, "month": 3, "season": 2, "year": 1, PAGE_PRECISION: 0}


def telling_of(event: Event) -> EventMention:
    """The event's own sentence and trigger as one telling."""
    return EventMention(
        start=event.start,
        end=event.end,
        sentence=event.sentence,
        trigger=event.trigger,
        trigger_start=event.trigger_start,
        trigger_end=event.trigger_end,
        segment=event.segment,
        modality=event.modality,
    )


def tellings(event: Event) -> list[Event]:
    """An event seen once per telling: the record with each mention's sentence, trigger,
    segment and modality (for scoring sentence by sentence)."""
    if len(event.mentions) <= 1:
        return [event]
    return [
        dataclasses.replace(
            event,
            sentence=m.sentence,
            start=m.start,
            end=m.end,
            trigger=m.trigger,
            trigger_start=m.trigger_start,
            trigger_end=m.trigger_end,
            segment=m.segment,
            modality=m.modality,
        )
        for m in event.mentions
    ]


def _voice(segment: SegmentKind) -> str:
    return "comment" if segment == SegmentKind.COMMENT else "article"


def _holding(modality: Modality) -> str:
    return "factual" if modality in FACTUAL else modality.value


def _ids(refs: Iterable[ActorRef]) -> frozenset[str]:
    return frozenset(ref.id for ref in refs)


def _nested(a: frozenset[str], b: frozenset[str]) -> bool:
    return a <= b or b <= a


def dates_compatible(a: Event, b: Event) -> bool:
    """Equal, one a prefix of the other, or one of them only the page's date."""
    if a.date is None or b.date is None:
        return True
    if PAGE_PRECISION in (a.date_precision, b.date_precision):
        return True
    short, long = sorted((a.date, b.date), key=len)
    return long.startswith(short)


def _places_compatible(a: Event, b: Event) -> bool:
    if a.location is None or b.location is None:
        return True
    la, lb = a.location, b.location
    if la.geonames_id is not None and lb.geonames_id is not None:
        return la.geonames_id == lb.geonames_id
    return la.name == lb.name


def same_event(a: Event, b: Event) -> bool:
    """Whether two tellings on one page are the same event (see the module docstring)."""
    if a.type != b.type or (a.mode and b.mode and a.mode != b.mode):
        return False
    same_sentence = a.doc_id == b.doc_id and a.start == b.start
    if same_sentence and a.trigger_start != b.trigger_start and not (a.mode and a.mode == b.mode):
        return False
    if _voice(a.segment) != _voice(b.segment) or _holding(a.modality) != _holding(b.modality):
        return False
    sa, sb, ta, tb = _ids(a.source), _ids(b.source), _ids(a.target), _ids(b.target)
    if not (_nested(sa, sb) and _nested(ta, tb)):
        return False
    if (sa == ta) != (sb == tb):
        return False  # a mutual act ("the two sides exchanged fire") is not one side's act
    if not ((sa & sb) or (ta & tb)):
        return False
    return dates_compatible(a, b) and _places_compatible(a, b)


def _union(groups: Sequence[tuple[ActorRef, ...]]) -> tuple[ActorRef, ...]:
    seen: dict[str, ActorRef] = {}
    for refs in groups:
        for ref in refs:
            seen.setdefault(ref.id, ref)
    return tuple(seen.values())


def _best_date(group: Sequence[Event]) -> Event:
    return max(group, key=lambda e: (PRECISION_RANK.get(e.date_precision or "", -1), -e.start))


def _combine(group: Sequence[Event]) -> Event:
    ordered = sorted(group, key=lambda e: e.trigger_start)
    first = ordered[0]
    lead = next((e for e in ordered if e.segment != SegmentKind.TITLE), first)
    dated = _best_date(ordered)
    modality = (
        Modality.ASSERTED
        if any(e.modality == Modality.ASSERTED for e in ordered)
        else lead.modality
    )
    attributed = lead.attributed_to or next(
        (e.attributed_to for e in ordered if e.attributed_to is not None), None
    )
    return dataclasses.replace(
        lead,
        mode=lead.mode or next((e.mode for e in ordered if e.mode), None),
        source=_union([e.source for e in ordered]),
        target=_union([e.target for e in ordered]),
        date=dated.date,
        date_precision=dated.date_precision,
        date_text=dated.date_text,
        location=lead.location or next((e.location for e in ordered if e.location), None),
        modality=modality,
        attributed_to=attributed if modality != Modality.ASSERTED else lead.attributed_to,
        confidence=max(e.confidence for e in ordered),
        context=lead.context or next((e.context for e in ordered if e.context), None),
        mentions=tuple(m for e in ordered for m in (e.mentions or (telling_of(e),))),
    )


def merge_events(events: Sequence[Event]) -> list[Event]:
    """Merge the tellings of the same event on one page; events in page order.

    Greedy in page order: each event joins the first earlier group all of whose members it
    is the same event as, else starts a group of its own.
    """
    groups: list[list[Event]] = []
    for event in sorted(events, key=lambda e: (e.trigger_start, e.type)):
        for group in groups:
            if all(same_event(member, event) for member in group):
                group.append(event)
                break
        else:
            groups.append([event])
    merged = [_combine(group) for group in groups]
    return sorted(merged, key=lambda e: (e.start, e.trigger_start))
