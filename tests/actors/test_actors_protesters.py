"""People a relative clause puts in the streets are protesters (OPP), whatever noun names
them; people with no such clause stay civilians. Sentences we wrote."""

from __future__ import annotations

import pytest


def _code(result, text):
    return {m.actor.code for m in result.mentions if m.text == text}


@pytest.mark.parametrize(
    "sentence",
    [
        "Police detained hundreds of people who joined anti-war protests in Moscow.",
        "Police arrested dozens of people who took part in the rallies in Moscow.",
        "Police beat residents who protested against the war in Moscow.",
    ],
)
def test_people_who_took_to_the_streets_are_protesters(analyse_text, sentence):
    result = analyse_text("MOSCOW (test wire) - " + sentence, "2022-02-25")
    people = [m for m in result.mentions if m.text in ("people", "residents")]
    assert people and all(m.actor.code == "RUSOPP" for m in people)


def test_people_who_only_watched_stay_civilians(analyse_text):
    result = analyse_text(
        "MOSCOW (test wire) - Police detained hundreds of people who watched the parade in Moscow.",
        "2022-02-25",
    )
    assert _code(result, "people") == {"RUSCVL"}


def test_a_town_sets_the_country_of_civilian_sites_before_the_doers_country(analyse_text):
    result = analyse_text("Turkey bombed civilian neighborhoods in Qamishli.", "2019-10-12")
    bombed = [e for e in result.events if e.trigger == "bombed"]
    assert bombed and [a.code for a in bombed[0].target] == ["SYRCVL"]


def test_the_protesters_are_those_the_page_placed_before(analyse_text):
    result = analyse_text(
        "Protesters gathered outside the U.S. embassy in Baghdad on Tuesday. The protesters "
        "chanted slogans against the United States.",
        "2019-12-31",
    )
    assert {m.actor.code for m in result.mentions if m.text.lower() == "protesters"} == {"IRQOPP"}


def test_tear_gas_fired_with_no_one_named_is_fired_at_the_protesters(analyse_text):
    result = analyse_text(
        "Protesters stormed the U.S. embassy compound in Baghdad on Tuesday. U.S. guards "
        "fired tear gas and stun grenades from inside the main building.",
        "2019-12-31",
    )
    fired = [e for e in result.events if e.trigger == "fired"]
    assert fired and fired[0].mode == "crowd-control"
    assert [a.code for a in fired[0].target] == ["IRQOPP"]


def test_a_junta_rules_where_the_page_is_not_where_a_foreign_army_comes_from(analyse_text):
    result = analyse_text(
        "BAMAKO, Feb 17, 2022 (test wire) - France's Barkhane force will pull out of Mali "
        "after nine years. The junta expelled the French ambassador in January. Mali's "
        "army has fought jihadists in the centre of Mali since 2012.",
        "2022-02-17",
    )
    assert {m.actor.code[:3] for m in result.mentions if m.text == "junta"} == {"MLI"}


def test_a_junta_is_the_named_country_a_junta_leader_ruled_on_the_date(analyse_text):
    # France is named most, but only Mali had a junta leader in 2022
    result = analyse_text(
        "France withdrew its troops from Mali in 2022 after the junta demanded that Paris "
        "end the operation. French officials said the French mission had done its work.",
        "2022-08-16",
    )
    assert {m.actor.code[:3] for m in result.mentions if m.text == "junta"} == {"MLI"}


def test_a_curfew_by_a_junta_of_no_country_is_on_no_made_up_people(analyse_text):
    result = analyse_text("The junta extended the curfew until Friday.", "2022-03-03")
    curfew = [e for e in result.events if e.trigger == "curfew"]
    assert curfew and all(
        len(a.code) in (3, 6) and not a.code.startswith("MIL") for a in curfew[0].target
    )
