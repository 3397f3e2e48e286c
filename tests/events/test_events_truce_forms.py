"""Forms met in reports of a brokered truce, on sentences we wrote: a deal brokered by a
third party is mediation between the deal's parties; the sides of a truce to end the
fighting are each other's enemies when the page tells of no fight first; a helicopter
named by its nationality is that state's armed forces; a weapon named by its maker has
no owner."""

from __future__ import annotations

from coded import codes, events_at

YEREVAN = "YEREVAN, Nov 10, 2020 (test wire) - "


def test_a_deal_brokered_by_a_third_party_mediates_between_its_parties(analyse_text):
    result = analyse_text(
        YEREVAN + "Armenia and Azerbaijan agreed on Tuesday to end six weeks of fighting "
        "over Nagorno-Karabakh under a deal brokered by Russia.",
        "2020-11-10",
    )
    brokered = events_at(result, "brokered")
    assert brokered and brokered[0].type == "CONSULT"
    assert codes(brokered[0].source) == ["RUS"]
    assert codes(brokered[0].target) == ["ARM", "AZE"]


def test_the_sides_of_a_truce_are_each_others_enemies(analyse_text):
    result = analyse_text(
        YEREVAN + "Armenia and Azerbaijan agreed on Tuesday to end six weeks of fighting. "
        "The agreement came two days after Azerbaijani forces captured Shusha.",
        "2020-11-10",
    )
    captured = events_at(result, "captured")
    assert captured and codes(captured[0].source) == ["AZEMIL"]
    assert codes(captured[0].target) == ["ARM"]


def test_a_helicopter_named_by_its_nationality_is_its_armed_forces(analyse_text):
    result = analyse_text(
        "Azerbaijan said it had shot down a Russian helicopter over Armenia by mistake.",
        "2020-11-10",
    )
    shot = events_at(result, "shot")
    assert shot and codes(shot[0].target) == ["RUSMIL"]


def test_a_weapon_named_by_its_maker_has_no_owner(analyse_text):
    result = analyse_text(
        "Russian forces launched Iranian-made drones at Kyiv overnight.", "2022-11-10"
    )
    assert not [m for m in result.mentions if m.actor and m.actor.code.startswith("IRN")]


def test_the_minsk_group_is_an_international_body(analyse_text):
    result = analyse_text("The OSCE Minsk Group met in Vienna.", "2020-11-10")
    assert {m.actor.code for m in result.mentions if "Minsk" in m.text} == {"IGO"}


def test_a_withdrawal_of_forces_from_a_country_is_from_that_country(analyse_text):
    result = analyse_text(
        "The United States speeded up the withdrawal of some invasion forces from Panama on "
        "Wednesday.",
        "1989-12-28",
    )
    withdrawal = events_at(result, "withdrawal")
    assert withdrawal and withdrawal[0].type == "RETREAT"
    assert codes(withdrawal[0].target) == ["PAN"]
