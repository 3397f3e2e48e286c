"""Forms met in reports of coups and their aftermath, on sentences we wrote: a span of
time given to comply is a demand, and a threat when a penalty follows "or"; suspending
broadcasts silences media; supporters of an opposition are the opposition and those of
a junta its people; a presidential guard is an armed force; a time phrase that ends a
relative clause dates that clause, not the verb after it."""

from __future__ import annotations

from coded import codes, events_at


def codes_of(result, text):
    return {m.actor.code for m in result.mentions if m.text == text}


NIAMEY = "NIAMEY, July 31, 2023 (test wire) - "


def test_a_deadline_with_a_penalty_is_a_threat(analyse_text):
    result = analyse_text(
        NIAMEY + "ECOWAS on Sunday gave the junta one week to reinstate Bazoum or face "
        "possible military action.",
        "2023-07-31",
    )
    gave = events_at(result, "gave")
    assert gave and gave[0].type == "THREATEN"
    assert codes(gave[0].source) == ["IGO"] and codes(gave[0].target) == ["NERMIL"]


def test_a_deadline_without_a_penalty_is_a_demand(analyse_text):
    result = analyse_text(
        "BAGHDAD (test wire) - Iraqi commanders gave the gunmen 72 hours to hand over their "
        "weapons.",
        "2008-03-26",
    )
    gave = events_at(result, "gave")
    assert gave and gave[0].type == "REQUEST"


def test_suspending_broadcasts_silences_their_owner(analyse_text):
    result = analyse_text(
        NIAMEY + "The junta also suspended the broadcasts of France 24 and RFI.", "2023-07-31"
    )
    suspended = events_at(result, "suspended")
    assert suspended and suspended[0].type == "COERCE" and suspended[0].mode == "censor"
    assert codes(suspended[0].target) == ["FRAMED", "FRAMED"]


def test_supporters_of_a_junta_are_its_countrys_people(analyse_text):
    result = analyse_text(
        NIAMEY + "Supporters of the military junta attacked the French embassy on Sunday.",
        "2023-07-31",
    )
    assert codes_of(result, "Supporters") == {"NERCVL"}


def test_supporters_of_an_opposition_leader_are_the_opposition(analyse_text):
    result = analyse_text(
        "Supporters of Imran Khan stormed army buildings in Lahore.", "2023-05-10"
    )
    assert codes_of(result, "Supporters") == {"PAKOPP"}


def test_a_presidential_guard_is_an_armed_force(analyse_text):
    result = analyse_text(
        NIAMEY + "Members of the presidential guard detained President Mohamed Bazoum at his "
        "residence on Wednesday.",
        "2023-07-31",
    )
    detained = events_at(result, "detained")
    assert detained and codes(detained[0].source) == ["NERMIL"]
    assert codes(detained[0].target) == ["NERGOV"]


def test_a_time_ending_a_relative_clause_dates_that_clause(analyse_text):
    result = analyse_text(
        NIAMEY + "Supporters of the military junta that seized power in Niger last week "
        "attacked the French embassy in Niamey on Sunday.",
        "2023-07-31",
    )
    attacked = events_at(result, "attacked")
    assert attacked and attacked[0].date == "2023-07-30"


def test_a_pronoun_inside_a_conjunct_does_not_take_that_conjunct_as_partner(analyse_text):
    result = analyse_text(
        "BAGHDAD (test wire) - On Tuesday, militiamen and their supporters stormed the outer "
        "compound of the U.S. embassy.",
        "2019-12-31",
    )
    assert codes_of(result, "their") == {"IRQPRM"}


def test_a_bloc_named_in_capitals_imposes_its_sanctions(analyse_text):
    result = analyse_text(
        NIAMEY + "ECOWAS imposed sanctions on Niger and suspended all commercial transactions.",
        "2023-07-31",
    )
    imposed = events_at(result, "imposed")
    assert imposed and imposed[0].type == "SANCTION"
    assert codes(imposed[0].source) == ["IGO"] and codes(imposed[0].target) == ["NER"]


def test_a_bombing_that_killed_troops_and_civilians_hit_both(analyse_text):
    result = analyse_text(
        "KABUL, Aug 27, 2021 (test wire) - The bombing killed 13 U.S. service members and "
        "at least 170 Afghans.",
        "2021-08-27",
    )
    killed = events_at(result, "killed")
    assert killed and codes(killed[0].target) == ["AFGCVL", "USAMIL"]


def test_a_leader_held_since_the_coup_is_held_by_those_who_detained_him(analyse_text):
    result = analyse_text(
        NIAMEY + "Members of the presidential guard detained President Mohamed Bazoum on "
        "Wednesday. Bazoum has been held at his residence since then.",
        "2023-07-28",
    )
    held = events_at(result, "held")
    assert held and held[0].type == "COERCE" and held[0].mode == "arrest"
    assert codes(held[0].source) == ["NERMIL"] and codes(held[0].target) == ["NERGOV"]


def test_holding_someone_to_account_is_no_detention(analyse_text):
    result = analyse_text("ECOWAS said it would hold General Tiani accountable.", "2023-07-30")
    assert all(e.type != "COERCE" for e in events_at(result, "hold"))


def test_a_country_the_tagger_took_for_a_person_is_the_country(analyse_text):
    result = analyse_text(
        "The United States threatened to cut aid to Niger on Monday.", "2023-07-31"
    )
    assert {m.actor.code for m in result.mentions if m.text == "Niger"} == {"NER"}
    threatened = events_at(result, "threatened")
    assert threatened and codes(threatened[0].target) == ["NER"]


def test_protesters_attacking_an_embassy_riot_against_its_state(analyse_text):
    result = analyse_text(
        NIAMEY + "Protesters attacked the French embassy in Niamey on Sunday.", "2023-07-31"
    )
    attacked = events_at(result, "attacked")
    assert attacked and attacked[0].type == "PROTEST" and attacked[0].mode == "riot"
    assert codes(attacked[0].target) == ["FRAGOV"]


def test_refusing_to_tolerate_an_attack_is_a_threat(analyse_text):
    result = analyse_text(
        NIAMEY + "France said it would not tolerate any attack against its interests.",
        "2023-07-31",
    )
    tolerate = events_at(result, "tolerate")
    assert tolerate and tolerate[0].type == "THREATEN"
    assert codes(tolerate[0].source) == ["FRA"] and tolerate[0].modality.value == "asserted"


def test_soldiers_ousting_a_president_seize_power_from_him(analyse_text, event_triples):
    found = event_triples(
        analyse_text("Soldiers ousted President Mohamed Bazoum in July.", "2023-08-01")
    )
    assert (("NERMIL",), "COERCE", ("NERGOV",)) in found
