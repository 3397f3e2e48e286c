"""Implied recipients (events/implied.py): reciprocal acts and a crowd's own government."""

from __future__ import annotations


def test_accusing_each_other_is_one_accusation_per_side(analyse_text, event_triples):
    found = event_triples(
        analyse_text("India and Pakistan accused each other on Sunday of breaking the truce.")
    )
    assert (("IND",), "ACCUSE", ("PAK",)) in found
    assert (("PAK",), "ACCUSE", ("IND",)) in found
    assert (("IND", "PAK"), "ACCUSE", ()) not in found


def test_one_another_after_a_preposition_splits_too(analyse_text, event_triples):
    analysed = analyse_text("Armenia and Azerbaijan clashed with one another on the border.")
    found = event_triples(analysed)
    assert (("ARM",), "ASSAULT", ("AZE",)) in found
    assert (("AZE",), "ASSAULT", ("ARM",)) in found
    assert len({e.event_id for e in analysed.events}) == len(analysed.events)


def test_a_joint_act_without_each_other_stays_one_event(analyse_text, event_triples):
    found = event_triples(
        analyse_text("India and Pakistan accused Afghanistan of harbouring militants.")
    )
    assert (("IND", "PAK"), "ACCUSE", ("AFG",)) in found


def test_a_protest_with_no_addressee_is_against_its_own_government_named_on_the_page(
    analyse_text,
):
    analysed = analyse_text(
        "Prime Minister Sheikh Hasina ordered a curfew on Sunday. "
        "Thousands of students marched in Dhaka on Monday.",
        date="2024-08-01",
    )
    protests = [e for e in analysed.events if e.type == "PROTEST"]
    assert protests
    assert [a.code for a in protests[0].target] == ["BGDGOV"]
    assert protests[0].target[0].text == "Sheikh Hasina"  # a mention on the page


def test_with_no_government_on_the_page_a_protest_is_addressed_to_where_it_is(analyse_text):
    """No mention to point at: the government of the country the protest took place in,
    implied (no words of the page stand for it)."""
    analysed = analyse_text("Thousands of students marched in Dhaka on Monday.", date="2024-08-01")
    protests = [e for e in analysed.events if e.type == "PROTEST"]
    assert protests and [a.code for a in protests[0].target] == ["BGDGOV"]
    assert protests[0].target[0].text == ""


def test_a_protest_placed_nowhere_has_no_recipient(analyse_text):
    analysed = analyse_text("Thousands of students marched on Monday.", date="2024-08-01")
    protests = [e for e in analysed.events if e.type == "PROTEST"]
    assert protests and protests[0].target == ()


def test_a_foreign_government_is_not_the_crowds_own(analyse_text):
    analysed = analyse_text(
        "The French government raised fuel taxes. Thousands of students marched in Dhaka.",
        date="2024-08-01",
    )
    protests = [e for e in analysed.events if e.type == "PROTEST"]
    assert protests and all(not a.code.startswith("FRA") for a in protests[0].target)


def test_a_threat_to_act_in_a_place_concerns_that_place(analyse_text):
    analysed = analyse_text("Israel threatened to ban voting in East Jerusalem.")
    threats = [e for e in analysed.events if e.type == "THREATEN"]
    assert threats and [a.code for a in threats[0].target] == ["PSE"]


def test_a_raid_in_a_place_does_not_make_the_place_its_target(analyse_text):
    analysed = analyse_text("Iraqi forces raided houses in Basra.")
    raids = [e for e in analysed.events if e.type == "COERCE"]
    # not Iraq, where the raid happened; the houses' people (see test_events_accused_acts)
    assert raids and [a.code for a in raids[0].target] == ["IRQCVL"]
    offices = analyse_text("Iraqi forces raided offices in Basra.")
    raids = [e for e in offices.events if e.type == "COERCE"]
    assert raids and raids[0].target == ()


def test_the_town_of_a_place_stands_for_its_country(analyse_text):
    analysed = analyse_text("U.S. helicopters evacuated the wounded from the town of Gorazde.")
    aid = [e for e in analysed.events if e.type == "AID"]
    assert aid and [a.code for a in aid[0].target] == ["BIH"]


def test_a_month_named_march_is_no_protest_march(analyse_text, event_triples):
    # "on March 1" is a date: the town taken is held by the rebels' enemy, not by
    # protesters against them
    found = event_triples(analyse_text("Haitian rebels seized Jacmel on March 1.", "2021-03-06"))
    assert (("HTIREB",), "ASSAULT", ("HTIMIL",)) in found
    found = event_triples(
        analyse_text("Haitian police fired tear gas on the march in Port-au-Prince.", "2021-03-06")
    )
    assert any(target == ("HTIOPP",) for _, _, target in found), found
