"""Score analysed pages against hand-written gold files (tests/data/gold/*.json).

The gold format is documented in tests/data/README-gold.md. Scores are plain counts so
that a benchmark can print them and a test can hold them to a floor:

- split: each gold phrase is where it belongs (body / comments / removed, and nowhere else);
- mentions: a gold mention (surface text + CAMEO-style code) is right when a sitrep mention
  that overlaps an occurrence of that text has that code (boundaries such as a leading
  "the" are not scored; a gold code of null: no actor mention there);
- events: gold and system events are matched one to one when the sentence matches, the
  PLOVER type is the same and the source and target code sets agree; precision is over
  every event sitrep coded in the page, recall over every gold event. Looser recalls
  (type and sentence only; type, sentence and source) show where the misses are;
- places: a gold toponym is found when sitrep has a place with that text, and right when
  it lies within 161 km of the gold point.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sitrep.events.merge import tellings
from sitrep.models import AnalysedDocument, Event
from sitrep.where.disambiguate import distance_km

NEAR_KM = 161.0


@dataclass
class Score:
    """Correct / total counts for one measure."""

    correct: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.correct += int(ok)
        self.total += 1

    @property
    def ratio(self) -> float:
        return self.correct / self.total if self.total else 1.0

    def __str__(self) -> str:
        return f"{self.ratio:6.1%} ({self.correct}/{self.total})"


@dataclass
class Scores:
    split: Score = field(default_factory=Score)
    mentions: Score = field(default_factory=Score)
    event_precision: Score = field(default_factory=Score)
    event_recall: Score = field(default_factory=Score)
    event_type_recall: Score = field(default_factory=Score)
    event_source_recall: Score = field(default_factory=Score)
    modality: Score = field(default_factory=Score)
    places_found: Score = field(default_factory=Score)
    places_near: Score = field(default_factory=Score)
    misses: list[str] = field(default_factory=list)

    def merge(self, other: Scores) -> None:
        for name in (
            "split",
            "mentions",
            "event_precision",
            "event_recall",
            "event_type_recall",
            "event_source_recall",
            "modality",
            "places_found",
            "places_near",
        ):
            mine, theirs = getattr(self, name), getattr(other, name)
            mine.correct += theirs.correct
            mine.total += theirs.total
        self.misses.extend(other.misses)

    def lines(self) -> list[str]:
        return [
            f"body/comment/boilerplate split  {self.split}",
            f"mention accuracy                {self.mentions}",
            f"event precision                 {self.event_precision}",
            f"event recall                    {self.event_recall}",
            f"event recall (type+sentence)    {self.event_type_recall}",
            f"event recall (type+source)      {self.event_source_recall}",
            f"modality of matched events      {self.modality}",
            f"toponyms found                  {self.places_found}",
            f"toponyms within {NEAR_KM:.0f} km          {self.places_near}",
        ]


def load_gold(folder: str | Path) -> list[dict]:
    """Every gold file in ``folder``, sorted by document id."""
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(Path(folder).glob("*.json"))]


def _occurrences(text: str, phrase: str) -> list[tuple[int, int]]:
    """Every (start, end) of ``phrase`` in ``text`` as a whole word or phrase."""
    pattern = re.compile(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)")
    return [(m.start(), m.end()) for m in pattern.finditer(text)]


def _codes(value: str | list[str] | None) -> frozenset[str]:
    if value is None:
        return frozenset()
    if isinstance(value, str):
        return frozenset([value])
    return frozenset(value)


def _event_matches(
    gold: dict, event: Event, *, with_actors: bool, with_target: bool = True
) -> bool:
    if gold["sentence_contains"] not in event.sentence or gold["type"] != event.type:
        return False
    if not with_actors:
        return True
    if _codes(gold.get("source")) != frozenset(a.code for a in event.source):
        return False
    return not with_target or _codes(gold.get("target")) == frozenset(a.code for a in event.target)


def score_document(gold: dict, analysed: AnalysedDocument) -> Scores:
    scores = Scores()
    doc = analysed.document
    name = gold["doc"]
    body, comments = doc.body, doc.comments
    split = gold.get("split") or {}
    for phrase in split.get("body_contains", []):
        ok = phrase in body
        scores.split.add(ok)
        if not ok:
            scores.misses.append(f"{name}: split: not in body: {phrase!r}")
    for phrase in split.get("comments_contain", []):
        ok = any(phrase in c for c in comments) and phrase not in body
        scores.split.add(ok)
        if not ok:
            scores.misses.append(f"{name}: split: not in comments: {phrase!r}")
    for phrase in split.get("removed_contain", []):
        ok = phrase not in body and not any(phrase in c for c in comments)
        scores.split.add(ok)
        if not ok:
            scores.misses.append(f"{name}: split: boilerplate kept: {phrase!r}")

    for mention in gold.get("mentions", []):
        spans = _occurrences(doc.text, mention["text"])
        same_text = [
            m for m in analysed.mentions if any(m.start < e and s < m.end for s, e in spans)
        ]
        if mention.get("code") is None:
            ok = not any(m.actor for m in same_text)
        else:
            ok = any(m.actor and m.actor.code == mention["code"] for m in same_text)
        scores.mentions.add(ok)
        if not ok:
            got = sorted({m.actor.code for m in same_text if m.actor}) or "nothing"
            scores.misses.append(
                f"{name}: mention {mention['text']!r}: want {mention.get('code')}, got {got}"
            )

    told = [telling for event in analysed.events for telling in tellings(event)]
    unmatched = list(told)
    for gold_event in gold.get("events", []):
        match = next(
            (e for e in unmatched if _event_matches(gold_event, e, with_actors=True)), None
        )
        scores.event_recall.add(match is not None)
        scores.event_type_recall.add(
            any(_event_matches(gold_event, e, with_actors=False) for e in told)
        )
        scores.event_source_recall.add(
            any(_event_matches(gold_event, e, with_actors=True, with_target=False) for e in told)
        )
        if match is not None:
            unmatched.remove(match)
            if "modality" in gold_event:
                scores.modality.add(gold_event["modality"] == match.modality.value)
        else:
            scores.misses.append(
                f"{name}: missed event {gold_event.get('source')} {gold_event['type']} "
                f"{gold_event.get('target')} in {gold_event['sentence_contains']!r}"
            )
    for event in told:
        ok = event not in unmatched
        scores.event_precision.add(ok)
        if not ok:
            scores.misses.append(
                f"{name}: extra event {sorted(a.code for a in event.source)} {event.type} "
                f"{sorted(a.code for a in event.target)} at {event.trigger!r}: {event.sentence[:90]!r}"
            )

    for place in gold.get("places", []):
        found = [p for p in analysed.places if p.text == place["text"]]
        scores.places_found.add(bool(found))
        if found:
            near = distance_km(found[0].lat, found[0].lon, place["lat"], place["lon"]) <= NEAR_KM
            scores.places_near.add(near)
        else:
            scores.misses.append(f"{name}: place not found: {place['text']!r}")
    return scores


def score_corpus(golds: Iterable[dict], analysed: dict[str, AnalysedDocument]) -> Scores:
    total = Scores()
    for gold in golds:
        if gold["doc"] in analysed:
            total.merge(score_document(gold, analysed[gold["doc"]]))
        else:
            total.misses.append(f"{gold['doc']}: page not analysed")
    return total
