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
