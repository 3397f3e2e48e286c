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
