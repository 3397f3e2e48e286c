"""Forms of moving forces and of dissent inside them, on sentences we wrote: troops that
flee or leave a country withdraw (civilians fleeing and a president leaving a city do
not); armed men marching into a city move in, a crowd marching stays a demonstration;
soldiers mutinying protest against their government; a strike held at a workplace is a
labour strike; a state's own forces neither withdraw from nor attack that state."""

from __future__ import annotations

from coded import codes, events_at

GOMA = "GOMA, Nov 20, 2012 (test wire) - "
KABUL = "KABUL, Aug 31, 2021 (test wire) - "


def test_troops_fleeing_withdraw(analyse_text):
    result = analyse_text(
        GOMA + "Congolese soldiers fled the town of Sake on Tuesday.", "2012-11-20"
    )
    fled = events_at(result, "fled")
    assert fled and fled[0].type == "RETREAT"
    assert codes(fled[0].source) == ["CODMIL"]


def test_residents_fleeing_are_no_withdrawal(analyse_text):
    result = analyse_text(
        GOMA + "Thousands of residents fled the fighting on Tuesday.", "2012-11-20"
    )
    assert events_at(result, "fled") == []


def test_troops_leaving_a_country_withdraw_from_it(analyse_text):
    result = analyse_text(KABUL + "The last U.S. troops left Afghanistan on Monday.", "2021-08-31")
    left = events_at(result, "left")
    assert left and left[0].type == "RETREAT" and left[0].mode == "withdraw"
    assert codes(left[0].source) == ["USAMIL"] and codes(left[0].target) == ["AFG"]


def test_forces_pulled_from_the_country_withdraw_from_the_state_it_stands_for(analyse_text):
    result = analyse_text(
        "Burkina Faso expelled three French diplomats. Paris withdrew its special forces "
        "from the country in February.",
        "2023-12-22",
    )
    withdrew = events_at(result, "withdrew")
    assert withdrew and withdrew[0].type == "RETREAT"
    assert codes(withdrew[0].target) == ["BFA"]


def test_a_leader_leaving_a_city_is_no_withdrawal(analyse_text):
    result = analyse_text("President Biden left Washington for Delaware on Friday.", "2021-08-27")
    assert [e for e in events_at(result, "left") if e.type == "RETREAT"] == []


def test_a_state_does_not_withdraw_from_itself(analyse_text):
    result = analyse_text(
        KABUL + "The last U.S. troops left Afghanistan on Monday, ending America's longest war.",
        "2021-08-31",
    )
    for event in events_at(result, "ending"):
        assert "USA" not in codes(event.target)


def test_rebels_marching_into_a_city_move_in(analyse_text):
    result = analyse_text(GOMA + "The M23 rebels marched into Goma on Tuesday.", "2012-11-20")
    marched = events_at(result, "marched")
    assert marched and marched[0].type == "MOBILIZE"
    assert codes(marched[0].source) == ["CODREB"]


def test_a_crowd_marching_into_a_compound_stays_a_demonstration(analyse_text):
    result = analyse_text(
        "BAGHDAD (test wire) - The crowd, many of them in militia uniforms, marched into "
        "the Green Zone on Tuesday.",
        "2019-12-31",
    )
    marched = events_at(result, "marched")
    assert marched and marched[0].type == "PROTEST"


def test_a_day_after_on_is_no_march_on_a_place(analyse_text):
    result = analyse_text(GOMA + "The rebels marched on Tuesday towards the airport.", "2012-11-20")
    assert all(e.type != "ASSAULT" for e in events_at(result, "marched"))


def test_soldiers_mutinying_protest_against_their_government(analyse_text):
    result = analyse_text(
        GOMA + "President Joseph Kabila flew to Kampala on Tuesday. Congolese soldiers "
        "mutinied in Minova on Wednesday.",
        "2012-11-21",
    )
    mutinied = events_at(result, "mutinied")
    assert mutinied and mutinied[0].type == "PROTEST"
    assert codes(mutinied[0].source) == ["CODMIL"] and codes(mutinied[0].target) == ["CODGOV"]


def test_a_strike_at_a_university_is_a_labour_strike(analyse_text):
    result = analyse_text(
        "TEHRAN (test wire) - Students staged a strike at Sharif University on Saturday.",
        "2022-10-01",
    )
    strike = events_at(result, "strike")
    assert strike and strike[0].type == "PROTEST" and strike[0].mode == "strike"
    assert not any(a.code.endswith("EDU") for a in strike[0].target)


def test_moving_a_carrier_group_is_a_mobilisation(analyse_text):
    result = analyse_text(
        "The United States moved a second carrier group to the eastern Mediterranean.",
        "2023-10-16",
    )
    moved = events_at(result, "moved")
    assert moved and (moved[0].type, codes(moved[0].source)) == ("MOBILIZE", ["USA"])
