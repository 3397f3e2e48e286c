"""Sector nouns with no country of their own: NGOs stay international, one unnamed
civilian takes the country of the place around them (actors/resolve.py)."""

from __future__ import annotations


def _codes(analysed, text):
    return sorted(m.actor.code for m in analysed.mentions if m.text == text and m.actor)


def test_rights_groups_on_a_countrys_page_are_international(analyse_text):
    analysed = analyse_text(
        "Burkina Faso's army raided the village. Rights groups accused the army of abuses."
    )
    assert _codes(analysed, "Rights groups") == ["NGO"]


def test_a_nationality_still_places_an_ngo(analyse_text):
    assert _codes(analyse_text("Sudanese aid workers said the convoy was looted."), "Sudanese aid workers") == ["SDNNGO"]  # fmt: skip


def test_one_unnamed_civilian_takes_the_country_of_the_place(analyse_text):
    analysed = analyse_text("A shopkeeper in Muzaffarabad said the shelling lasted all night.")
    assert _codes(analysed, "shopkeeper") == ["PAKCVL"]


def test_a_definite_singular_civilian_noun_is_left_to_coreference(analyse_text):
    analysed = analyse_text("The resident said the shelling lasted all night.")
    assert _codes(analysed, "resident") == []
