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


def test_one_unnamed_attacker_or_group_is_an_actor(analyse_text):
    analysed = analyse_text(
        "A suicide bomber killed 12 people at a market in Mogadishu. A rights monitoring "
        "group said the toll would rise."
    )
    assert _codes(analysed, "suicide bomber") == ["SOMREB"]
    assert _codes(analysed, "rights monitoring group") == ["NGO"]


def test_one_unnamed_member_of_a_state_sector_is_not(analyse_text):
    analysed = analyse_text("A force of 300 men was seen near Kismayo.")
    assert _codes(analysed, "force") == []


def test_the_longest_sector_phrase_wins(analyse_text):
    analysed = analyse_text(
        "The Ukrainian border guard service said militant groups had crossed overnight."
    )
    assert _codes(analysed, "Ukrainian border guard service") == ["UKRCOP"]
    assert [c[3:] for c in _codes(analysed, "militant groups")] == ["REB"]


def test_a_weapon_with_a_named_owner_stands_for_its_forces(analyse_text):
    analysed = analyse_text(
        "Russian missiles struck two airfields overnight. Iran's drones hit a tanker. "
        "Missiles also fell near the port."
    )
    assert _codes(analysed, "Russian missiles") == ["RUSMIL"]
    assert _codes(analysed, "Iran's drones") == ["IRNMIL"]
    assert _codes(analysed, "Missiles") == []


def test_where_a_group_is_based_names_no_actor_and_places_no_one(analyse_text):
    result = analyse_text(
        "Norway-based group Iran Human Rights said security forces had shot dead 12 "
        "protesters. The Oslo-based group said police had arrested hundreds of students in "
        "Zahedan.",
        "2022-10-01",
    )
    codes = {m.text: m.actor.code for m in result.mentions if m.actor is not None}
    assert "Norway" not in codes, codes
    assert codes["Iran Human Rights"] == "NGO"
    assert not any(code.startswith("NOR") for code in codes.values()), codes
    assert codes["police"] == "IRNCOP"
