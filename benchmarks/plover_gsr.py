"""Code the PLOVER gold-standard records and score sitrep's event coder on them.

    .venv/bin/python benchmarks/plover_gsr.py               # ../shared/benchmarks/plover_gsr/
    .venv/bin/python benchmarks/plover_gsr.py --misses 20   # also list 20 mismatches
    .venv/bin/python benchmarks/plover_gsr.py --path FILE   # another copy of the records

Each record's sentence runs through the per-page pipeline as a page of its own. The coded
event compared with the gold one is chosen without looking at the gold: the asserted or
reported event with the highest confidence (any event if none is asserted or reported),
ties by the earliest trigger. Gold types carry older PLOVER names (DEMAND, DISAPPROVE,
FIGHT, INVESTIGATE); they are mapped to the current ones by the pattern book.

An actor is found when one of the chosen event's actors has the gold code's country part
(its first three letters, CAMEO spellings such as JAP read as ISO ones; sitrep's UNO and
EUR, CAMEO's IGOUNO and IGOEUR, read as IGO), or when the words of the page that name it
overlap the gold ``actorText``. Figures:

- type accuracy over all records (no event counts as a miss);
- source found, over records with a gold source; target found, over records with a gold
  target; both found, over records with both;
- per-type precision and recall, and a confusion table (gold rows, coded columns).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from sitrep.errors import SitrepError
from sitrep.models import ActorRef, Event, Modality, Page
from sitrep.pipeline import analyse, load_resources

REPO = Path(__file__).resolve().parent.parent
DEFAULT_PATH = REPO.parent / "shared" / "benchmarks" / "plover_gsr" / "PLOVER_GSR_CAMEO.txt"
PLACEHOLDER_DATE = "2000-01-01"
NO_EVENT = "NONE"
# CAMEO country codes that differ from ISO 3166 alpha-3
CAMEO_TO_ISO = {"JAP": "JPN", "ITL": "ITA", "GMY": "DEU", "UKG": "GBR", "RUM": "ROU"}
# sitrep's prefixes for the UN system and the EU's bodies: CAMEO codes both as IGOs
# (IGOUNO, IGOEUR...), and the gold records keep only the first three letters
SITREP_TO_CAMEO = {"UNO": "IGO", "EUR": "IGO"}
STOPWORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "and",
        "in",
        "on",
        "at",
        "to",
        "for",
        "by",
        "with",
        "from",
        "its",
        "their",
        "his",
        "her",
        "'s",
    ]
)


@dataclass(frozen=True)
class GoldActor:
    text: str
    code: str


@dataclass(frozen=True)
class GoldRecord:
    record_id: str
    text: str
    event: str  # current PLOVER name
    source: tuple[GoldActor, ...]
    target: tuple[GoldActor, ...]


@dataclass(frozen=True)
class Outcome:
    gold: GoldRecord
    coded: Event | None

    @property
    def coded_type(self) -> str:
        return self.coded.type if self.coded is not None else NO_EVENT


def parse_lenient_json(raw: str) -> list[dict]:
    """A JSON array that may have trailing commas before ``]`` or ``}``."""
    out: list[str] = []
    in_string = escaped = False
    for i, ch in enumerate(raw):
        if in_string:
            out.append(ch)
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
            continue
        if ch == '"':
            in_string = True
        elif ch == ",":
            rest = raw[i + 1 :].lstrip()
            if rest[:1] in ("]", "}"):
                continue
        out.append(ch)
    return json.loads("".join(out))


def _actors(value: object) -> tuple[GoldActor, ...]:
    if not isinstance(value, list):
        return ()
    return tuple(
        GoldActor(str(a.get("actorText", "")), str(a.get("code", "")).upper())
        for a in value
        if isinstance(a, dict)
    )


def load_records(path: Path, current_name) -> tuple[list[GoldRecord], Counter]:
    """The scorable records; ``current_name`` maps old type names to current ones.
    Returns the records and a count of records skipped, by reason."""
    skipped: Counter = Counter()
    records = []
    for raw in parse_lenient_json(path.read_text(encoding="utf-8")):
        name = str(raw.get("event", "")).upper()
        if name == "DOCUMENT" or not raw.get("text"):
            skipped["documentation"] += 1
            continue
        try:
            event, _mode = current_name(name)
        except SitrepError:
            skipped[f"retired type {name}"] += 1
            continue
        records.append(
            GoldRecord(
                str(raw.get("id", "")),
                str(raw["text"]),
                event,
                _actors(raw.get("source")),
                _actors(raw.get("target")),
            )
        )
    return records, skipped


def choose_event(events: tuple[Event, ...]) -> Event | None:
    """The sentence's main coded event, chosen without the gold: the asserted or reported
    event with the highest confidence, else any event, ties by the earliest trigger."""
    told = [e for e in events if e.modality in (Modality.ASSERTED, Modality.REPORTED)]
    pool = told or list(events)
    if not pool:
        return None
    return min(pool, key=lambda e: (-e.confidence, e.trigger_start))


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in STOPWORDS}


def _country(code: str) -> str:
    part = code[:3].upper()
    return CAMEO_TO_ISO.get(part, SITREP_TO_CAMEO.get(part, part))


def actor_found(coded: tuple[ActorRef, ...], gold: tuple[GoldActor, ...]) -> bool:
    for ref in coded:
        for want in gold:
            if want.code and _country(ref.code) == _country(want.code):
                return True
            if _words(ref.text) & _words(want.text):
                return True
    return False


def score(outcomes: list[Outcome]) -> list[str]:
    total = len(outcomes)
    right = sum(o.coded_type == o.gold.event for o in outcomes)
    coded = sum(o.coded is not None for o in outcomes)
    with_source = [o for o in outcomes if o.gold.source]
    with_target = [o for o in outcomes if o.gold.target]
    with_both = [o for o in outcomes if o.gold.source and o.gold.target]

    def src(o: Outcome) -> bool:
        return o.coded is not None and actor_found(o.coded.source, o.gold.source)

    def tgt(o: Outcome) -> bool:
        return o.coded is not None and actor_found(o.coded.target, o.gold.target)

    def share(hits: int, of: int) -> str:
        return f"{hits}/{of} = {100 * hits / of:.1f}%" if of else "n/a"

    lines = [
        f"records: {total}, with a coded event: {share(coded, total)}",
        f"type accuracy: {share(right, total)}",
        f"source found: {share(sum(map(src, with_source)), len(with_source))}",
        f"target found: {share(sum(map(tgt, with_target)), len(with_target))}",
        f"both found: {share(sum(src(o) and tgt(o) for o in with_both), len(with_both))}",
        "",
        f"{'type':<12}{'gold':>6}{'coded':>7}{'right':>7}{'prec':>8}{'recall':>8}",
    ]
    types = sorted({o.gold.event for o in outcomes} | {o.coded_type for o in outcomes})
    for t in types:
        gold_n = sum(o.gold.event == t for o in outcomes)
        coded_n = sum(o.coded_type == t for o in outcomes)
        hit = sum(o.gold.event == t and o.coded_type == t for o in outcomes)
        prec = f"{100 * hit / coded_n:.0f}%" if coded_n else "-"
        rec = f"{100 * hit / gold_n:.0f}%" if gold_n else "-"
        lines.append(f"{t:<12}{gold_n:>6}{coded_n:>7}{hit:>7}{prec:>8}{rec:>8}")
    lines += ["", "confusion (rows: gold, columns: coded)"]
    abbrev = {t: t[:4] for t in types}
    lines.append(" " * 12 + "".join(f"{abbrev[t]:>5}" for t in types))
    pairs = Counter((o.gold.event, o.coded_type) for o in outcomes)
    for g in types:
        if not any(pairs[(g, c)] for c in types):
            continue
        cells = "".join(f"{pairs[(g, c)] or '.':>5}" for c in types)
        lines.append(f"{g:<12}{cells}")
    return lines


def describe_miss(o: Outcome) -> str:
    def names(refs) -> str:
        return ", ".join(f"{r.text}={r.code}" for r in refs) or "-"

    gold_src = ", ".join(f"{a.text}={a.code}" for a in o.gold.source) or "-"
    gold_tgt = ", ".join(f"{a.text}={a.code}" for a in o.gold.target) or "-"
    line = [f"{o.gold.record_id}: gold {o.gold.event} ({gold_src} -> {gold_tgt})"]
    if o.coded is None:
        line.append("  coded: nothing")
    else:
        e = o.coded
        line.append(
            f"  coded {e.type} at {e.trigger!r} ({names(e.source)} -> {names(e.target)}), "
            f"{e.modality.value}"
        )
    line.append(f"  {o.gold.text}")
    return "\n".join(line)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--path", type=Path, default=DEFAULT_PATH, help="the records file")
    parser.add_argument("--misses", type=int, default=0, metavar="N", help="list N mismatches")
    parser.add_argument(
        "--actor-misses", action="store_true", help="list type-right records missing an actor"
    )
    args = parser.parse_args(argv)
    if not args.path.is_file():
        print(
            f"PLOVER gold-standard records not found at {args.path}; put "
            "PLOVER_GSR_CAMEO.txt there or pass --path. Nothing scored."
        )
        return 0
    resources = load_resources()
    records, skipped = load_records(args.path, resources.patterns.current_name)
    outcomes = []
    for rec in records:
        page = Page(
            doc_id=rec.record_id,
            path=f"{args.path.name}#{rec.record_id}",
            text=rec.text,
            date=PLACEHOLDER_DATE,
            content_hash=rec.record_id,
        )
        outcomes.append(Outcome(rec, choose_event(analyse(page, resources).events)))
    print(f"file: {args.path}")
    if skipped:
        print("skipped: " + ", ".join(f"{n} {why}" for why, n in sorted(skipped.items())))
    for line in score(outcomes):
        print(line)
    if args.misses:
        misses = [o for o in outcomes if o.coded_type != o.gold.event]
        print(f"\nmismatches ({min(args.misses, len(misses))} of {len(misses)}):")
        for o in misses[: args.misses]:
            print(describe_miss(o))
    if args.actor_misses:
        partial = [
            o
            for o in outcomes
            if o.coded is not None
            and o.coded_type == o.gold.event
            and not (
                actor_found(o.coded.source, o.gold.source)
                and (not o.gold.target or actor_found(o.coded.target, o.gold.target))
            )
        ]
        print(f"\nright type, an actor missed ({len(partial)}):")
        for o in partial:
            print(describe_miss(o))
    return 0


if __name__ == "__main__":
    sys.exit(main())
