"""Recipients named by where an act happens, on sentences we wrote: a protest addressed
to no one is addressed to the government of the country it took place in; towns and
villages named by a nationality are that state's; a people's villages name no actor."""

from __future__ import annotations


def events_at(result, trigger):
    return [e for e in result.events if e.trigger == trigger]


def codes(refs):
    return sorted(a.code for a in refs)


def test_a_protest_in_a_country_is_addressed_to_its_government(analyse_text):
    result = analyse_text("Up to 100 ethnic Albanians demonstrated on Tuesday in Serbia.")
    found = events_at(result, "demonstrated")
    assert found and found[0].type == "PROTEST"
    assert codes(found[0].target) == ["SRBGOV"]


def test_a_riot_at_a_jail_abroad_is_addressed_to_the_host_government(analyse_text):
    result = analyse_text("Palestinian prisoners rioted on Monday at a jail in northern Israel.")
    found = events_at(result, "rioted")
    assert found and codes(found[0].target) == ["ISRGOV"]


def test_a_protest_placed_in_two_countries_names_no_government(analyse_text):
    result = analyse_text("Workers demonstrated in Strasbourg and in Kehl on Friday.")
    for event in events_at(result, "demonstrated"):
        assert len({a.code[:3] for a in event.target}) <= 1


def test_towns_named_by_a_nationality_are_that_states(analyse_text):
    result = analyse_text("Iran threatened on Monday to shell Iraqi towns near the border.")
    found = events_at(result, "threatened")
    assert found and found[0].type == "THREATEN"
    assert codes(found[0].target) == ["IRQ"]


def test_a_single_town_of_a_nationality_only_places_the_act(analyse_text):
    result = analyse_text(
        "U.S. jets hit buildings near Al Bukamal in Syria, across the frontier from the "
        "Iraqi town of Al Qaim."
    )
    found = events_at(result, "hit")
    assert found and "IRQ" not in codes(found[0].target)


def test_a_peoples_villages_name_no_unknown_actor(analyse_text):
    result = analyse_text("Turkish jets bombed Kurdish villages on Sunday.")
    assert not [m for m in result.mentions if m.text == "Kurdish"]


def test_protests_breaking_out_are_the_countrys_people_against_its_government(analyse_text):
    result = analyse_text("Protests broke out in Caracas the day after the election.")
    found = [e for e in result.events if e.type == "PROTEST"]
    assert found and codes(found[0].source) == ["VENOPP"]
    assert codes(found[0].target) == ["VENGOV"]


def test_a_protest_lodged_by_a_state_is_no_crowd(analyse_text):
    result = analyse_text("The protest was lodged by the foreign ministry on Monday.")
    assert not [e for e in result.events if "OPP" in " ".join(codes(e.source))]


def test_protests_with_no_country_to_place_them_invent_no_crowd(analyse_text):
    result = analyse_text("Protests broke out after the vote.")
    assert not [e for e in result.events if e.type == "PROTEST"]


def test_the_protests_named_again_are_the_protests_told_before(analyse_text):
    result = analyse_text(
        "Two days ago Sadr's followers launched a civil strike in Basra. The protests came "
        "a day after the U.S. military death toll reached 4,000.",
        date="2008-03-25",
    )
    came = [e for e in result.events if e.trigger == "protests"]
    assert came and codes(came[0].source) == ["IRQPTY"]


def test_captors_marching_children_into_a_forest_hold_no_demonstration(analyse_text):
    result = analyse_text(
        "The attackers stormed the school in Kuriga and marched the children into a forest."
    )
    assert not [e for e in result.events if e.type == "PROTEST"]


def test_an_attack_on_foreign_ground_is_on_the_country_it_hit(analyse_text):
    result = analyse_text(
        "Iran hit targets in Pakistan's Balochistan province on Tuesday.", date="2024-01-18"
    )
    found = [e for e in result.events if e.trigger == "hit"]
    assert found and codes(found[0].target) == ["PAK"]


def test_an_attack_on_the_doers_own_ground_is_not_on_their_country(analyse_text):
    result = analyse_text("Iraqi forces shelled abandoned buildings in Basra on Tuesday.")
    for event in [e for e in result.events if e.trigger == "shelled"]:
        assert "IRQ" not in codes(event.target)


def test_an_attack_on_what_the_doer_called_hideouts_abroad_is_on_that_country(analyse_text):
    result = analyse_text(
        "Pakistan carried out air strikes on what it called militant hideouts inside Iran."
    )
    found = [e for e in result.events if e.trigger == "strikes"]
    assert found and codes(found[0].target) == ["IRN"]


def test_what_the_doer_said_it_struck_names_the_recipient(analyse_text):
    result = analyse_text("Israel struck what it said were Hezbollah weapons depots.")
    found = [e for e in result.events if e.trigger == "struck"]
    assert found and codes(found[0].target) == ["LBNREB"]


def test_negotiators_who_return_somewhere_for_talks_hold_them(analyse_text):
    result = analyse_text(
        "U.S. and Russian negotiators return to Geneva this week for talks on limiting missiles."
    )
    talks = [e for e in result.events if e.type == "CONSULT"]
    assert talks and codes(talks[0].source) == ["RUSGOV", "USAGOV"]


def test_a_measure_abroad_with_no_one_named_is_on_the_country_it_is_taken_in(analyse_text):
    result = analyse_text(
        "The World Food Programme said it had suspended food distributions in Gezira, Sudan."
    )
    found = [e for e in result.events if e.trigger == "suspended"]
    assert found and codes(found[0].target) == ["SDN"]


def test_targets_aimed_at_in_a_foreign_town_put_the_attack_on_that_country(analyse_text):
    result = analyse_text("Israeli tanks fired shells at targets in Jericho.", "2000-10-10")
    fired = [e for e in result.events if e.trigger == "fired"]
    assert fired and [a.code for a in fired[0].target] == ["PSE"]


def test_a_when_clause_places_the_victims_of_its_act(analyse_text):
    result = analyse_text(
        "Two Palestinian suicide bombers killed 23 people late Sunday when they blew "
        "themselves up in Tel Aviv, police said.",
        "2001-12-02",
    )
    killed = [e for e in result.events if e.trigger == "killed"]
    assert killed and [a.code for a in killed[0].target] == ["ISRCVL"]


def test_a_shelled_village_is_its_peoples_not_the_last_enemy(analyse_text, event_triples):
    found = event_triples(
        analyse_text(
            "Hezbollah fired missiles at Israeli positions on Sunday. Israel shelled a "
            "village in south Lebanon.",
            "2023-10-16",
        )
    )
    # the village stands in Lebanon: not in Israel, the country that shelled it
    assert (("ISR",), "ASSAULT", ("LBNCVL",)) in found
    # taking a village is done to whoever held it
    found = event_triples(
        analyse_text("Syrian rebels clashed with the army. The rebels took a village near Idlib.")
    )
    assert not any(target == ("SYRCVL",) for _, _, target in found)


def test_a_village_captured_is_taken_from_its_country_not_from_its_people(
    analyse_text, event_triples
):
    found = event_triples(
        analyse_text(
            "Russia's defence ministry said its forces had captured the village of "
            "Novohrodivka in eastern Ukraine, as Moscow presses towards Pokrovsk.",
            "2024-09-02",
        )
    )
    assert (("RUSMIL",), "ASSAULT", ("UKR",)) in found
    # pressing towards a town is an advance on it, not a request
    assert not any(f[1] == "REQUEST" for f in found), found
