"""Coercion and naming forms, on sentences we wrote: forcing someone to act coerces them
(the passive "were forced to flee" tells a consequence and codes nothing); what they were
forced to do is theirs; a naming the parser ran into one noun phrase still accuses; a
critic of a president is the opposition of the president's country."""

from __future__ import annotations


def events_at(result, trigger):
    return [e for e in result.events if e.trigger == trigger]


def codes(refs):
    return sorted(a.code for a in refs)


def test_forcing_a_flight_to_land_is_coercion(analyse_text):
    result = analyse_text("Belarus forced a Ryanair flight to land in Minsk on Sunday.")
    forced = events_at(result, "forced")
    assert forced and forced[0].type == "COERCE"
    assert codes(forced[0].source) == ["BLR"]


def test_people_forced_to_flee_in_the_passive_code_no_coercion(analyse_text):
    result = analyse_text("Thousands were forced to flee their homes in Darfur.")
    assert not events_at(result, "forced")


def test_what_someone_was_forced_to_do_is_their_own_act(analyse_text):
    result = analyse_text("Russia forced Ukraine to give up territory.")
    given = events_at(result, "give")
    assert given and codes(given[0].source) == ["UKR"]


def test_a_naming_run_into_one_noun_phrase_still_accuses(analyse_text):
    result = analyse_text("Lithuania's president called the landing state-sponsored terrorism.")
    called = events_at(result, "called")
    assert called and called[0].type == "ACCUSE"
    assert codes(called[0].source) == ["LTUGOV"]


def test_a_phone_call_is_not_a_naming(analyse_text):
    result = analyse_text("The president called the minister on Monday.")
    assert not [e for e in result.events if e.type == "ACCUSE"]


def test_a_critic_of_a_president_is_his_countrys_opposition(analyse_text):
    result = analyse_text(
        "Police detained Roman Protasevich, a critic of President Alexander Lukashenko."
    )
    codes_of = [m.actor.code for m in result.mentions if m.text == "Roman Protasevich"]
    assert codes_of == ["BLROPP"]


def test_agreeing_to_impose_sanctions_is_the_sanction_told_once(analyse_text):
    result = analyse_text("EU leaders agreed on Monday to impose new sanctions on Belarus.")
    sanctions = [e for e in result.events if e.type == "SANCTION"]
    assert len(sanctions) == 1 and codes(sanctions[0].target) == ["BLR"]
    assert not [e for e in result.events if e.type == "AGREE"]


def test_agreeing_to_disarm_stays_an_agreement_and_its_concession(analyse_text):
    result = analyse_text("The rebels in Colombia agreed to disarm.")
    assert {e.type for e in result.events} >= {"AGREE", "RETREAT"}


def test_putting_people_on_trial_is_a_sanction(analyse_text):
    result = analyse_text("Moscow put the 24 Ukrainian sailors on trial in Crimea.")
    found = events_at(result, "put")
    assert found and found[0].type == "SANCTION" and found[0].mode == "convict"


def test_putting_firms_on_a_blacklist_sanctions_them(analyse_text):
    result = analyse_text("Beijing put two US defence firms on its unreliable entity list.")
    found = events_at(result, "put")
    assert found and found[0].type == "SANCTION"
    assert codes(found[0].target) == ["USABUS"]


def test_adding_a_group_to_a_terrorist_list_sanctions_it(analyse_text):
    result = analyse_text("Washington added the Houthis to its terrorist list.")
    found = events_at(result, "added")
    assert found and found[0].type == "SANCTION"


def test_adding_words_is_no_sanction(analyse_text):
    result = analyse_text("The minister added that the talks would go on.")
    assert not events_at(result, "added")


def test_holding_civilians_as_human_shields_coerces_them(analyse_text):
    result = analyse_text(
        "The Sri Lankan army has been holding thousands of Tamil civilians as human shields."
    )
    found = events_at(result, "holding")
    assert found and found[0].type == "COERCE"


def test_holding_a_crew_as_hostages_takes_them(analyse_text):
    result = analyse_text("The Houthis held the crew of the Galaxy Leader as hostages.")
    found = events_at(result, "held")
    assert found and found[0].type == "ASSAULT" and found[0].mode == "abduct"


def test_abusing_people_in_ones_power_is_an_assault_abusing_power_is_not(analyse_text):
    result = analyse_text("U.S. border patrol agents abused Mexican immigrants.")
    found = events_at(result, "abused")
    assert found and found[0].type == "ASSAULT"
    assert not events_at(analyse_text("The minister abused his power."), "abused")


def test_a_government_ordering_a_newspaper_to_suspend_publication_coerces_it(analyse_text):
    result = analyse_text(
        "Nicaragua's government ordered the opposition newspaper La Prensa to suspend "
        "publication indefinitely."
    )
    ordered = events_at(result, "ordered")
    assert ordered and ordered[0].type == "COERCE"
    assert not events_at(result, "suspend")  # the stopping is the order's content


def test_a_court_ordering_the_government_to_stop_stays_a_request(analyse_text):
    result = analyse_text("Kenya's High Court ordered the government to halt the deployment.")
    ordered = events_at(result, "ordered")
    assert ordered and ordered[0].type == "REQUEST"


def test_an_order_to_leave_stays_a_request(analyse_text):
    result = analyse_text("Niger's junta ordered French troops to leave the country.")
    ordered = events_at(result, "ordered")
    assert ordered and ordered[0].type == "REQUEST"


def test_forcing_an_agency_out_of_the_country_expels_it(analyse_text):
    result = analyse_text("Jakarta forced the UN refugee agency out of the country last month.")
    forced = events_at(result, "forced")
    assert forced and forced[0].type == "SANCTION" and forced[0].mode == "expel"


def test_forcing_villagers_out_of_their_homes_displaces_them(analyse_text):
    result = analyse_text("Myanmar's army forced thousands of villagers out of their homes.")
    forced = events_at(result, "forced")
    assert forced and forced[0].type == "COERCE" and forced[0].mode == "deport"
