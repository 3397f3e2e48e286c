"""The dated-events table: loading, validation, user files and matching."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.errors import DataFileError
from sitrep.when import DatedEventTable
from sitrep.when.dated_events import load_dated_events


@pytest.fixture(scope="module")
def table() -> DatedEventTable:
    return DatedEventTable.load()


def _write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "extra_events.yaml"
    path.write_text(body, encoding="utf-8")
    return path


def test_built_in_table_is_broad_and_valid(table):
    assert len(table.events) >= 150
    ids = [e.id for e in table.events]
    assert len(ids) == len(set(ids))
    years = {e.year for e in table.events}
    assert min(years) <= 2002 and max(years) >= 2024
    countries = {c for e in table.events for c in e.countries}
    for region_sample in ("IRQ", "SYR", "UKR", "SDN", "MMR", "COL", "AFG", "NER"):
        assert region_sample in countries
    assert all(e.value == e.date[: len(e.value)] for e in table.events)


@pytest.mark.parametrize(
    ("sentence", "event_id"),
    [
        ("Anger has grown since the killing of Soleimani outside the airport.", "soleimani-killing"),
        ("Supporters of the militia besieged the U.S. embassy for two days.", "baghdad-embassy-storming"),
        ("Residents are still rebuilding after the Beirut port explosion.", "beirut-port-explosion"),
        ("Markets fell after Russia's invasion of Ukraine.", "russian-invasion-ukraine"),
    ],
)  # fmt: skip
def test_find_names_events_in_sentences(table, sentence, event_id):
    assert event_id in {m.event.id for m in table.find(sentence)}


def test_a_sentence_with_another_year_does_not_name_the_event(table):
    found = table.find("Many recalled the 2006 Beirut port explosion rumours.")
    assert "beirut-port-explosion" not in {m.event.id for m in found}


def test_match_words_must_stand_close_together(table):
    far = (
        "Sadr spoke at length about the wages of teachers, the price of bread and the state "
        "of the roads in the south, and then about the clashes near the Green Zone."
    )
    near = "Sadr supporters clashed with guards inside the Green Zone."
    assert "green-zone-clashes-2022" not in {m.event.id for m in table.find(far)}
    assert "green-zone-clashes-2022" in {m.event.id for m in table.find(near)}


def test_user_file_adds_and_replaces_entries(tmp_path):
    path = _write(
        tmp_path,
        'schema: 1\nversion: "test"\nevents:\n'
        '  - {id: lake-town-flood, date: "2019-05", precision: month, names: [Lake Town flood]}\n'
        '  - {id: beirut-port-explosion, date: "2020-08-05", precision: day, names: [port blast]}\n',
    )
    table = DatedEventTable.load([path])
    by_id = {e.id: e for e in table.events}
    assert by_id["lake-town-flood"].value == "2019-05"
    assert by_id["beirut-port-explosion"].date == "2020-08-05"
    assert any(v == "extra_events.yaml:test" for v in table.versions)


@pytest.mark.parametrize(
    ("entry", "problem"),
    [
        ('{id: x-1, date: "2019-13-01", precision: day, names: [a]}', "field 'date'"),
        ('{id: x-1, date: "2019-05", precision: day, names: [a]}', "field 'date'"),
        ('{id: x-1, date: "2019-05-01", precision: hour, names: [a]}', "field 'precision'"),
        ('{id: X 1, date: "2019-05-01", precision: day, names: [a]}', "field 'id'"),
        ('{id: x-1, date: "2019-05-01", precision: day, names: [a], when: b}', "unknown field"),
        ('{id: x-1, date: "2019-05-01", precision: day}', "'names' and 'match'"),
        ('{id: x-1, date: "2019-05-01", precision: day, match: [[a, 2019]]}', "match[0]"),
        ('{id: x-1, date: "2019-05-01", precision: day, names: [a], countries: [Iraq]}',
         "field 'countries'"),
    ],
)  # fmt: skip
def test_invalid_entries_name_file_entry_and_field(tmp_path, entry, problem):
    path = _write(tmp_path, f"schema: 1\nevents:\n  - {entry}\n")
    with pytest.raises(DataFileError) as caught:
        load_dated_events(path)
    message = str(caught.value)
    assert "extra_events.yaml" in message and "#1" in message and problem in message


def test_duplicate_ids_and_wrong_schema_are_rejected(tmp_path):
    entry = '{id: x-1, date: "2019-05-01", precision: day, names: [a]}'
    path = _write(tmp_path, f"schema: 1\nevents:\n  - {entry}\n  - {entry}\n")
    with pytest.raises(DataFileError, match="used twice"):
        load_dated_events(path)
    path = _write(tmp_path, f"schema: 2\nevents:\n  - {entry}\n")
    with pytest.raises(DataFileError, match="'schema' must be 1"):
        load_dated_events(path)
