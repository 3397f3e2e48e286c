"""Forces named by who leads or backs them, and peoples named "ethnic", on sentences we
wrote: a "Saudi-led" force is the leader's, an "Iran-backed" militia is not its patron's
and its patron does not make the page a story about that country; "ethnic Hungarians"
living in another country are that country's people."""

from __future__ import annotations


def codes(result, text):
    return [m.actor.code for m in result.mentions if m.text == text]


def test_a_force_led_by_a_state_is_that_states(analyse_text):
    result = analyse_text("Kenyan-led forces stormed the port, Somali officials said.")
    assert codes(result, "Kenyan-led forces") == ["KENMIL"]
    strike = [e for e in result.events if e.trigger == "stormed"]
    assert strike and [a.code for a in strike[0].source] == ["KENMIL"]


def test_a_force_backed_by_a_state_is_not_its_patrons(analyse_text):
    result = analyse_text("Rwanda-backed rebels seized the town, Congolese officials said.")
    rebels = [m.actor.code for m in result.mentions if m.text.endswith("rebels")]
    assert rebels and not rebels[0].startswith("RWA")


def test_a_patron_does_not_make_the_page_its_story(analyse_text):
    result = analyse_text("Iran-backed militias shelled the airport, Iraqi officials said.")
    militias = [m.actor.code for m in result.mentions if m.text == "militias"]
    assert militias == ["IRQPRM"]


def test_an_ethnic_people_belongs_to_the_country_it_lives_in(analyse_text):
    result = analyse_text("Thousands of ethnic Hungarians rallied in Slovakia on Sunday.")
    hungarians = [m.actor.code for m in result.mentions if m.text == "Hungarians"]
    assert hungarians == ["SVKCVL"]
    plain = analyse_text("Thousands of Hungarians rallied in Budapest on Sunday.")
    assert [m.actor.code for m in plain.mentions if m.text == "Hungarians"] == ["HUNCVL"]


def test_albanians_are_counted_where_they_live(analyse_text):
    result = analyse_text("Ethnic Albanians marched in North Macedonia on Saturday.")
    assert [m.actor.code for m in result.mentions if m.text == "Albanians"] == ["MKDCVL"]


def test_an_institution_run_by_a_group_is_its_countrys(analyse_text):
    result = analyse_text("The Houthi-run health ministry said 12 people were killed in Hodeidah.")
    assert codes(result, "health ministry") == ["YEMGOV"]
    backed = analyse_text(
        "Iran-backed militias fired rockets at the embassy, Iraqi officials said."
    )
    assert codes(backed, "militias") == ["IRQPRM"]


def test_a_plural_nationality_tagged_as_a_singular_name_is_that_countrys_people(
    analyse_text,
):
    result = analyse_text("Colombians narrowly rejected the peace deal.", "2016-10-03")
    assert codes(result, "Colombians") == ["COLCVL"]
    rejected = [e for e in result.events if e.trigger == "rejected"]
    assert rejected and [a.code for a in rejected[0].source] == ["COLCVL"]


def test_the_contingent_is_the_force_named_before(analyse_text):
    result = analyse_text(
        "Kenyan police officers arrived in Port-au-Prince yesterday. The contingent will "
        "patrol the airport.",
        "2024-06-26",
    )
    assert codes(result, "contingent") == ["KENCOP"]


def test_a_leader_of_a_named_nationality_is_not_the_last_leader_named(analyse_text):
    result = analyse_text(
        "Aliyev spoke on Monday. The Turkish leader praised the operation.", "2023-09-25"
    )
    assert "AZEGOV" not in codes(result, "leader") + codes(result, "Turkish leader")
    praised = [e for e in result.events if e.trigger == "praised"]
    assert praised and [a.code[:3] for a in praised[0].source] == ["TUR"]
