"""Measures that fall on a whole people, coups, and claims of responsibility, on
sentences we wrote: a curfew, martial law or a cut of phones and internet is put on the
people of the country it covers; a coup is against that country's government; a group
that claims an attack the page told with no named doer did it."""

from __future__ import annotations

from coded import codes, events_at


def test_a_curfew_on_a_city_is_on_its_people(analyse_text):
    result = analyse_text("The Iraqi army imposed a curfew on Basra on Thursday.")
    found = events_at(result, "imposed")
    assert found and found[0].type == "COERCE"
    assert codes(found[0].source) == ["IRQMIL"]
    assert codes(found[0].target) == ["IRQCVL"]


def test_martial_law_with_no_place_is_on_the_doers_own_people(analyse_text):
    result = analyse_text("President Volodymyr Zelenskiy declared martial law.", "2022-02-24")
    found = [e for e in result.events if e.mode == "martial-law"]
    assert found and codes(found[0].source) == ["UKRGOV"]
    assert codes(found[0].target) == ["UKRCVL"]


def test_an_internet_cut_with_no_one_named_falls_on_the_countrys_people(analyse_text):
    result = analyse_text("In Bangladesh the internet had been cut by the government.")
    found = events_at(result, "cut")
    assert found and codes(found[0].target) == ["BGDCVL"]


def test_a_ban_on_a_named_body_keeps_its_target(analyse_text):
    result = analyse_text("Egypt banned Al Jazeera.")
    found = events_at(result, "banned")
    assert found and "EGYCVL" not in codes(found[0].target)
    assert found[0].target


def test_a_coup_is_against_the_government_of_the_country_it_took_place_in(analyse_text):
    result = analyse_text(
        "Nine months after the colonels took power in Bamako, they have done it again.",
        "2021-05-26",
    )
    found = events_at(result, "took")
    assert found and found[0].type == "COERCE"
    assert codes(found[0].source) == ["MLIMIL"]
    assert codes(found[0].target) == ["MLIGOV"]


def test_an_army_that_seized_power_did_it_to_its_government(analyse_text):
    result = analyse_text(
        "Myanmar's military seized power in a coup on Monday, detaining the country's "
        "elected leader Aung San Suu Kyi.",
        "2021-02-01",
    )
    seized = events_at(result, "seized")
    assert seized and seized[0].type == "COERCE"
    assert codes(seized[0].source) == ["MMRMIL"]
    assert codes(seized[0].target) == ["MMRGOV"]
    detained = events_at(result, "detaining")
    assert detained and codes(detained[0].source) == ["MMRMIL"]


def test_seizing_weapons_is_no_coup(analyse_text):
    result = analyse_text("Nigerian police seized weapons in Lagos.")
    for event in events_at(result, "seized"):
        assert "NGAGOV" not in codes(event.target)


def test_a_curfew_is_no_enemy_of_the_army_that_enters_a_town_later(analyse_text):
    result = analyse_text(
        "Ethiopian troops fought Tigrayan forces near Mekelle on Monday. "
        "Phones and internet in Tigray were cut the same day. "
        "Government forces entered Mekelle on Saturday."
    )
    for event in events_at(result, "entered"):
        assert "ETHCVL" not in codes(event.target)


def test_a_claim_of_an_attack_told_with_no_named_doer_makes_the_claimer_its_doer(
    analyse_text,
):
    result = analyse_text(
        "A suicide bomber struck outside Kabul airport on Thursday, killing 13 American "
        "service members, officials said. Islamic State claimed responsibility for the "
        "blast.",
        "2021-08-27",
    )
    # the killing is the toll of the strike: one attack, on those it killed
    struck = events_at(result, "struck")
    assert struck and codes(struck[0].source) == ["IMGREB"]
    assert codes(struck[0].target) == ["USAMIL"]
    assert events_at(result, "killing") == []
    claimed = events_at(result, "claimed")
    assert claimed and codes(claimed[0].target) == ["USAMIL"]


def test_a_claim_does_not_take_an_attack_whose_doer_was_named(analyse_text):
    result = analyse_text(
        "Russian forces shelled Kharkiv on Monday, killing four civilians. "
        "Islamic State claimed responsibility for the attack."
    )
    for event in events_at(result, "shelled"):
        assert "IMGREB" not in codes(event.source)


def test_a_relative_pronoun_object_is_its_antecedent(analyse_text):
    result = analyse_text(
        "The Ethiopian rebels fired rockets at Eritrea, which they accuse of sending "
        "troops across the border."
    )
    found = events_at(result, "accuse")
    assert found and found[0].type == "ACCUSE"
    assert codes(found[0].target) == ["ERI"]


def test_a_meeting_called_for_is_asked_of_the_body_that_meets(analyse_text):
    result = analyse_text(
        "France and Germany called for an emergency meeting of the United Nations Security Council."
    )
    found = events_at(result, "called")
    assert found and found[0].type == "REQUEST"
    assert codes(found[0].target) == ["UNO"]


def test_an_act_told_after_a_claim_refers_back_to_the_claimers(analyse_text):
    result = analyse_text(
        "KABUL (sitrep) - Two suicide bombers attacked crowds at the airport on Thursday, "
        "killing 13 U.S. troops and scores of Afghans. Islamic State claimed the attack in "
        "a statement. The bombing killed 11 Marines, the Pentagon said.",
        "2021-08-27",
    )
    killed = events_at(result, "killed")
    assert killed and codes(killed[0].source) == ["IMGREB"]


def test_crowds_attacked_on_a_page_with_no_protest_are_civilians(analyse_text):
    result = analyse_text(
        "KABUL (sitrep) - Two suicide bombers attacked crowds at the airport on Thursday.",
        "2021-08-27",
    )
    crowds = [m for m in result.mentions if m.text == "crowds"]
    assert crowds and crowds[0].actor.code == "AFGCVL"


def test_a_place_naming_whose_troops_is_not_where_the_act_happened(analyse_text):
    result = analyse_text("A bomb killed 13 U.S. troops on Thursday.", "2021-08-27")
    killed = events_at(result, "killed")
    assert killed and killed[0].location is None
    result = analyse_text("A bomb killed 13 people in Kabul on Thursday.", "2021-08-27")
    killed = events_at(result, "killed")
    assert killed and killed[0].location is not None and killed[0].location.country == "AFG"


def test_crowds_on_a_page_about_protests_stay_the_protesters(analyse_text):
    result = analyse_text(
        "Protests spread across Dhaka on Monday. Police fired tear gas at the crowds as "
        "the protests grew, and a curfew was imposed after the rally."
    )
    crowds = [m for m in result.mentions if m.text == "crowds"]
    assert crowds and crowds[0].actor.code == "BGDOPP"


def test_an_attack_told_again_without_a_day_keeps_the_day_of_the_attack(analyse_text):
    result = analyse_text(
        "KABUL (test wire) - Islamic State fighters struck crowds outside Kabul airport on "
        "Thursday.\n\nIslamic State gunmen then opened fire on the crowd, the Pentagon said.",
        "2021-08-27",
    )
    opened = events_at(result, "opened")
    assert opened and opened[0].date == "2021-08-26"


def test_a_crackdown_on_protests_is_on_those_who_protested(analyse_text):
    result = analyse_text(
        "YANGON (test wire) - Thousands of people protested against the military coup in "
        "Yangon on Sunday. Myanmar's army began a crackdown on the protests on Monday.",
        "2021-03-01",
    )
    crackdown = [e for e in result.events if e.trigger == "crackdown"]
    protested = [e for e in result.events if e.trigger == "protested"]
    assert crackdown and protested
    assert [a.code for a in crackdown[0].target] == [a.code for a in protested[0].source]


def test_a_crackdown_on_protests_with_none_told_is_on_the_opposition(analyse_text):
    result = analyse_text(
        "YANGON (test wire) - Myanmar's army began a crackdown on the protests on Monday.",
        "2021-03-01",
    )
    crackdown = [e for e in result.events if e.trigger == "crackdown"]
    assert crackdown and [a.code for a in crackdown[0].target] == ["MMROPP"]
