"""Juntas (GOV once the leader is sworn in, MIL before), counted plurals ("the three
juntas"), students on protest pages (OPP), model names after an organisation, and a
singular "service member", each on our own sentences."""

from __future__ import annotations

import pytest

from sitrep.ingest import split_page
from sitrep.models import Page
from sitrep.nlp import parse_document
from sitrep.where import find_places


@pytest.fixture(scope="module")
def resolve(resources):
    def run(text: str, date: str) -> dict[str, set[str]]:
        page = Page(doc_id="j", path="j.txt", text=text, date=date, content_hash="j")
        document = split_page(page)
        segments = parse_document(resources.nlp, document)
        places = find_places(segments, "j", resources.gazetteer)
        index = resources.resolver.resolve(segments, places, date)
        out: dict[str, set[str]] = {}
        for m in index.to_mentions("j", date):
            if m.actor is not None:
                out.setdefault(m.text, set()).add(m.actor.code)
        return out

    return run


def _codes_containing(found: dict[str, set[str]], word: str) -> set[str]:
    return {c for text, codes in found.items() if word in text for c in codes}


def test_junta_before_its_leader_is_sworn_in_is_mil(resolve):
    found = resolve(
        "Soldiers in Bamako detained the president on Monday. Two ministers close to "
        "the junta, defence minister Sadio Camara and another officer, were dropped.",
        "2021-05-26",
    )
    assert _codes_containing(found, "junta") == {"MLIMIL"}


def test_junta_after_its_leader_is_sworn_in_is_gov(resolve):
    found = resolve("The Malian junta expelled the French ambassador.", "2022-02-01")
    assert _codes_containing(found, "junta") == {"MLIGOV"}


def test_counted_juntas_take_the_states_listed_before(resolve):
    found = resolve(
        "Burkina Faso, Mali and Niger said they would leave the regional bloc. "
        "The three juntas signed a defence pact in Niamey.",
        "2024-07-08",
    )
    assert _codes_containing(found, "juntas") == {"BFAGOV", "MLIGOV", "NERMIL"}


def test_counted_governments_skip_rebels_and_overshoot(resolve):
    found = resolve(
        "British jets joined American warships in the raid. "
        "President Joe Biden said Houthi attacks had left no choice. "
        "Canada, Australia, Bahrain and the Netherlands helped, the two governments said.",
        "2024-01-12",
    )
    assert _codes_containing(found, "governments") == {"USAGOV", "GBRGOV"}


def test_students_on_a_protest_page_are_opposition(resolve):
    found = resolve(
        "Protests against the government spread across Bangladesh. Police imposed a "
        "curfew after the protests turned violent. The students said they would march "
        "again, and the student leaders met the army chief.",
        "2024-08-04",
    )
    assert _codes_containing(found, "students") == {"BGDOPP"}
    assert _codes_containing(found, "student leaders") == {"BGDOPP"}


def test_students_elsewhere_stay_civilians(resolve):
    found = resolve(
        "Bangladesh reopened its universities on Sunday. The students returned to class.",
        "2024-10-20",
    )
    assert _codes_containing(found, "students") == {"BGDCVL"}


def test_organisation_before_a_model_name_is_not_glued(resolve):
    found = resolve(
        "Royal Air Force Typhoon jets took part in the strikes from a base in Cyprus.",
        "2024-01-12",
    )
    assert "GBRMIL" in _codes_containing(found, "Royal Air Force")


def test_a_single_service_member_is_military(resolve):
    found = resolve("A U.S. service member was wounded in the rocket attack.", "2021-02-16")
    assert _codes_containing(found, "service member") == {"USAMIL"}


def test_breakaway_forces_and_positions_are_rebels(resolve):
    found = resolve(
        "Azerbaijan pounded separatist positions with artillery. "
        "The Karabakh forces agreed to disarm a day later.",
        "2023-09-21",
    )
    assert _codes_containing(found, "separatist positions") == {"AZEREB"}
    assert _codes_containing(found, "Karabakh forces") == {"AZEREB"}


def test_the_opposition_and_the_electoral_council(resolve):
    found = resolve(
        "In Venezuela the electoral council declared Nicolas Maduro the winner. "
        "The opposition published its own tallies.",
        "2024-08-10",
    )
    assert _codes_containing(found, "electoral council") == {"VENGOV"}
    assert _codes_containing(found, "opposition") == {"VENOPP"}


def test_an_indefinite_spokesman_speaks_for_the_institution(resolve):
    found = resolve(
        "Gunmen stormed a hotel in Mogadishu. A police spokesman said five attackers died.",
        "2024-08-03",
    )
    assert _codes_containing(found, "police spokesman") == {"SOMCOP"}


def test_a_dateline_capital_is_not_the_government(resolve):
    found = resolve(
        "SANAA, Jan 12 (wire) - The Houthis said five of their fighters were killed.",
        "2024-01-12",
    )
    assert "YEMGOV" not in _codes_containing(found, "SANAA")


def test_the_three_countries_are_the_three_states_just_named(analyse_text, event_triples):
    result = analyse_text(
        "Mali, Burkina Faso and Niger said they were leaving ECOWAS. The bloc suspended the "
        "three countries after coups.",
        "2024-01-29",
    )
    assert (("IGO",), "SANCTION", ("BFA", "MLI", "NER")) in event_triples(result)
