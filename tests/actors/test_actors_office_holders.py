"""Office-holders and those who serve them, on sentences we wrote: "he" and "she" take
an office-holder the knowledge base gives only a body's code; an aide or adviser "to"
someone is of that person's side; ships and shipping firms take no flag from where they
sail."""

from __future__ import annotations


def mention_codes(result):
    return {m.text: m.actor.code for m in result.mentions if m.actor is not None}


def test_she_is_the_envoy_who_spoke(analyse_text):
    result = analyse_text(
        "The junta's spokesman Zaw Min Tun spoke on Monday. The United Nations special "
        "envoy said she would travel to Naypyidaw next week.",
        "2024-03-14",
    )
    assert mention_codes(result)["she"] == "UNO"


def test_he_is_the_official_who_spoke(analyse_text):
    result = analyse_text("A senior Iraqi official said he had not been informed.", "2024-03-14")
    assert mention_codes(result)["he"] == "IRQGOV"


def test_an_aide_to_a_leader_is_of_the_leaders_side(analyse_text, event_triples):
    result = analyse_text(
        "Venezuelan police arrested a senior aide to opposition leader Maria Corina Machado "
        "on Thursday night.",
        "2024-08-09",
    )
    assert (("VENCOP",), "COERCE", ("VENOPP",)) in event_triples(result)
    advisers = analyse_text("Police arrested two advisers to the opposition leader.")
    assert mention_codes(advisers)["advisers"] == "OPP"


def test_merchant_ships_take_no_flag_from_the_page(analyse_text):
    result = analyse_text(
        "Houthi rebels in Yemen fired missiles on Friday. The Houthis have attacked dozens "
        "of merchant vessels since November.",
        "2024-01-27",
    )
    codes = mention_codes(result)
    assert codes["merchant vessels"] == "BUS", codes
    british = analyse_text("The Houthis fired missiles at a British oil tanker.", "2024-01-27")
    assert mention_codes(british)["British oil tanker"] == "GBRBUS"


def test_the_office_in_a_title_is_no_actor(analyse_text):
    result = analyse_text(
        "Secretary of State Antony Blinken announced $100 million for the mission.", "2024-03-12"
    )
    assert "State" not in mention_codes(result)
    assert mention_codes(result)["Antony Blinken"] == "USAGOV"


def test_regional_leaders_are_of_no_one_state_but_a_regional_government_is(analyse_text):
    result = analyse_text("Ruto met regional leaders in Nairobi.", "2025-01-27")
    assert mention_codes(result)["leaders"] == "GOV"
    tigray = analyse_text(
        "Ethiopia's parliament voted to dissolve the regional government in Tigray.", "2020-11-07"
    )
    assert mention_codes(tigray)["government"] == "ETHGOV"
