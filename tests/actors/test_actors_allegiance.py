"""Whose side a generic armed phrase is on, on sentences we wrote: armed men tied to a
named group ("linked to Islamic State", "IS-linked", "loyal to the TPLF") are that group;
forces a foreign state backs stay as before (``proxy_forces``)."""

from __future__ import annotations


def codes_of(result, word):
    return [m.actor.code for m in result.mentions if word in m.text]


def test_militants_linked_to_islamic_state_are_islamic_states(analyse_text):
    result = analyse_text(
        "Militants linked to Islamic State attacked the town of Palma in Mozambique."
    )
    assert codes_of(result, "Militants") == ["IMGREB"]


def test_a_hyphenated_tie_names_the_group_too(analyse_text):
    result = analyse_text("IS-linked insurgents attacked the town of Palma in Mozambique.")
    attacked = [e for e in result.events if e.trigger == "attacked"]
    assert attacked and [a.code for a in attacked[0].source] == ["IMGREB"]


def test_forces_loyal_to_a_party_at_war_are_that_party(analyse_text):
    result = analyse_text(
        "Witnesses blamed forces loyal to the TPLF for the killings.", date="2020-11-20"
    )
    blamed = [e for e in result.events if e.trigger == "blamed"]
    assert blamed and [a.code for a in blamed[0].target] == ["ETHREB"]


def test_killings_with_no_enemy_told_have_no_recipient_invented(analyse_text):
    result = analyse_text(
        "Witnesses blamed forces loyal to the TPLF for the killings.", date="2020-11-20"
    )
    killings = [e for e in result.events if e.trigger == "killings"]
    assert killings and not killings[0].target


def test_militants_tied_to_no_named_group_stay_generic(analyse_text):
    result = analyse_text("Militants linked to the attack were arrested in Pemba, Mozambique.")
    assert all(c != "IMGREB" for c in codes_of(result, "Militants"))


def test_a_leaders_men_named_by_a_pronoun_are_the_group_he_commands(analyse_text):
    result = analyse_text(
        "Hemedti said his fighters would capture all army bases.", date="2023-05-01"
    )
    fighters = [m for m in result.mentions if m.text == "fighters"]
    assert fighters and fighters[0].actor.name == "Rapid Support Forces"
    assert fighters[0].actor.code == "SDNREB"


def test_a_head_of_state_s_men_by_a_pronoun_are_still_the_states(analyse_text):
    result = analyse_text("Putin said his troops would stay in Crimea.", date="2022-05-01")
    troops = [m for m in result.mentions if m.text == "troops"]
    assert troops and troops[0].actor.code == "RUSMIL"
