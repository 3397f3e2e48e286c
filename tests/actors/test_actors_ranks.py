"""A rank alone refers to the person the page introduced with it, on sentences we wrote:
"Captain Ibrahim Traore ... the captain"; a rank the page gave no one stays a generic
officer."""

from __future__ import annotations


def codes_of(result, text):
    return [m.actor.code for m in result.mentions if m.text.lower() == text]


def ids_of(result, text):
    return [m.actor.id for m in result.mentions if m.text.lower() == text]


def test_the_captain_is_the_captain_named_before(analyse_text):
    result = analyse_text(
        "Captain Ibrahim Traore seized power in September 2022. The captain has since "
        "expelled French troops.",
        date="2024-08-28",
    )
    named = [m.actor.id for m in result.mentions if "Traore" in m.text]
    assert named and ids_of(result, "captain") == named[:1]
    expelled = [e for e in result.events if e.trigger == "expelled"]
    assert expelled and [a.code for a in expelled[0].source] == ["BFAGOV"]


def test_an_abbreviated_rank_introduces_the_person_too(analyse_text):
    result = analyse_text(
        "Col. Assimi Goita led the coup in Mali. The colonel later named himself president.",
        date="2021-06-01",
    )
    named = [m.actor.id for m in result.mentions if "Goita" in m.text]
    assert named and ids_of(result, "colonel") == named[:1]


def test_a_rank_nobody_was_introduced_with_stays_a_generic_officer(analyse_text):
    result = analyse_text(
        "Sudan's army said a colonel was killed in Khartoum. The colonel led a battalion.",
        date="2023-05-01",
    )
    assert codes_of(result, "colonel") and all(
        c.endswith("MIL") for c in codes_of(result, "colonel")
    )
    assert all(i.startswith("generic:") for i in ids_of(result, "colonel"))


def test_military_aircraft_are_the_military(analyse_text):
    result = analyse_text(
        "YANGON (test wire) - Myanmar's junta has faced armed resistance since the coup. "
        "Military aircraft bombed a village controlled by the Karen National Union on Saturday.",
        "2021-03-28",
    )
    bombed = [e for e in result.events if e.trigger == "bombed"]
    assert bombed and [a.code for a in bombed[0].source] == ["MMRMIL"]
