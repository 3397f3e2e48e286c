"""Armed forces as doers, on sentences we wrote: forces deployed in the passive are the
ones that move; a state named only by the adjective of an attack noun ("a U.S. drone
strike") did it with its armed forces; a condemnation of that attack names the state."""

from __future__ import annotations

from sitrep.events.merge import tellings


def events_at(result, trigger):
    return [t for e in result.events for t in tellings(e) if t.trigger == trigger]


def codes(refs):
    return sorted(a.code for a in refs)


def test_troops_deployed_in_the_passive_are_the_doers(analyse_text):
    result = analyse_text("Turkish troops were deployed to Libya in January.")
    found = events_at(result, "deployed")
    assert found and found[0].type == "MOBILIZE"
    assert codes(found[0].source) == ["TURMIL"]
    assert "TURMIL" not in codes(found[0].target)


def test_soldiers_to_be_sent_are_the_doers_of_the_deployment(analyse_text):
    result = analyse_text(
        "About 3,000 more American soldiers would be sent to the region, officials said."
    )
    found = events_at(result, "sent")
    assert found and found[0].type == "MOBILIZE"
    assert codes(found[0].source) == ["USAMIL"]


def test_a_sender_named_by_the_agent_stays_the_doer(analyse_text):
    result = analyse_text("Troops were deployed to the border by the Indian government.")
    found = events_at(result, "deployed")
    assert found and found[0].type == "MOBILIZE"
    assert codes(found[0].source) == ["INDGOV"]


def test_aid_sent_in_the_passive_has_no_forces_as_doers(analyse_text):
    result = analyse_text("Food aid was sent to Gaza on Monday.")
    for event in events_at(result, "sent"):
        assert not event.source


def test_a_drone_strike_named_by_its_state_adjective_is_done_by_its_forces(analyse_text):
    result = analyse_text("A U.S. drone strike killed an Islamic State commander in Nangarhar.")
    found = events_at(result, "killed")
    assert found and found[0].type == "ASSAULT"
    assert codes(found[0].source) == ["USAMIL"]
    assert codes(found[0].target) == ["IMGREB"]


def test_airstrikes_named_by_their_nationality_are_the_air_forces(analyse_text):
    result = analyse_text("Israeli airstrikes hit a building in Rafah on Monday.")
    found = events_at(result, "hit")
    assert found and codes(found[0].source) == ["ISRMIL"]


def test_a_state_that_attacks_as_the_subject_stays_the_state(analyse_text):
    result = analyse_text("Iran fired ballistic missiles at the Ain al-Asad air base.")
    found = events_at(result, "fired")
    assert found and codes(found[0].source) == ["IRN"]


def test_strikes_by_a_state_named_with_by_stay_the_state(analyse_text):
    result = analyse_text("Airstrikes by Russia killed 12 people in Idlib.")
    found = events_at(result, "killed")
    assert found and codes(found[0].source) == ["RUS"]


def test_condemning_a_drone_strike_accuses_the_state(analyse_text):
    result = analyse_text(
        "A U.S. drone strike near the airport killed a senior Iranian general on Friday. "
        "Iraq's prime minister condemned the killing as an act of aggression."
    )
    found = events_at(result, "condemned")
    assert found and found[0].type == "ACCUSE"
    assert codes(found[0].target) == ["USA"]


def test_a_patrol_is_a_force(analyse_text):
    result = analyse_text("Islamic State fighters ambushed a U.S. patrol near the border.")
    found = events_at(result, "ambushed")
    assert found and codes(found[0].target) == ["USAMIL"]


def test_a_later_capture_takes_the_day_of_the_attack_that_lent_it_its_doers(analyse_text):
    result = analyse_text(
        "Russian border guards opened fire on three Ukrainian navy boats on Sunday.\n\n"
        "The Kremlin defended the operation on Monday. Twenty-four Ukrainian sailors were "
        "captured, the navy said.",
        date="2018-11-27",
    )
    found = events_at(result, "captured")
    assert found and codes(found[0].source) == ["RUSCOP"]
    assert (found[0].date, found[0].date_precision) == ("2018-11-25", "day")


def test_a_capture_with_its_own_doer_keeps_the_pages_date(analyse_text):
    result = analyse_text(
        "Russian border guards opened fire on three Ukrainian navy boats on Sunday.\n\n"
        "The Kremlin defended the operation on Monday. Police captured two protesters "
        "in Kyiv, the ministry said.",
        date="2018-11-27",
    )
    found = events_at(result, "captured")
    assert found and found[0].date_precision == "page"


def test_fighters_killed_after_a_strike_on_no_one_named_were_killed_by_the_strikers(
    analyse_text,
):
    result = analyse_text(
        "U.S. jets struck a militia compound near Abu Kamal in Syria on Thursday, the "
        "Pentagon said. At least 22 fighters were killed, a monitoring group in Syria said.",
        date="2021-02-26",
    )
    killed = [t for e in result.events for t in tellings(e) if t.trigger == "killed"]
    assert killed and codes(killed[0].source) == ["USAMIL"]
    assert "SYRREB" in codes(killed[0].target)
    assert (killed[0].date, killed[0].date_precision) == ("2021-02-25", "day")


def test_soldiers_killed_after_a_strike_on_no_one_named_take_no_doer(analyse_text):
    result = analyse_text(
        "Air defences shot down most of the incoming missiles on Saturday. Five Russian "
        "soldiers were killed near the base.",
        date="2018-04-15",
    )
    killed = events_at(result, "killed")
    assert killed and not killed[0].source


def test_unnamed_fighters_are_of_the_country_their_sentence_places_them_in(analyse_text):
    result = analyse_text(
        "U.S. jets struck targets near Abu Kamal on Thursday, the Pentagon said. At least "
        "22 fighters died, a monitoring group in Syria said."
    )
    codes_of = [m.actor.code for m in result.mentions if m.text == "fighters"]
    assert codes_of == ["SYRREB"]


def test_civilians_killed_by_a_foreign_attack_are_of_the_country_attacked(analyse_text):
    result = analyse_text("Russia fired missiles at Ukraine overnight, killing eight civilians.")
    assert [m.actor.code for m in result.mentions if m.text == "civilians"] == ["UKRCVL"]
    # the killing is the toll of the strike, not an attack of its own
    fired = events_at(result, "fired")
    assert fired and codes(fired[0].target) == ["UKR"] and events_at(result, "killing") == []


def test_people_killed_in_a_named_country_are_its_people(analyse_text):
    result = analyse_text("Airstrikes by Israel killed 12 people in Lebanon.")
    killed = events_at(result, "killed")
    assert killed and codes(killed[0].target) == ["LBNCVL"]


def test_a_town_attacked_by_jihadists_is_not_held_by_an_army_of_theirs(analyse_text):
    result = analyse_text("Jihadist fighters attacked the town of Barsalogho in Burkina Faso.")
    attacked = events_at(result, "attacked")
    assert attacked and codes(attacked[0].source) == ["IMGREB"]
    assert "IMGMIL" not in codes(attacked[0].target)


def test_people_killed_in_a_raid_carried_out_by_someone_were_killed_by_them(analyse_text):
    result = analyse_text("Israeli jets carried out a raid in which six people were killed.")
    killed = events_at(result, "killed")
    assert killed and codes(killed[0].source) == ["ISRMIL"]


def test_people_killed_in_an_assault_were_killed_by_whoever_took_the_town(analyse_text):
    result = analyse_text(
        "Islamist insurgents took control of the Mozambican town of Palma after a three-day "
        "assault in which dozens of people were killed.",
        date="2021-03-29",
    )
    killed = events_at(result, "killed")
    assert killed and codes(killed[0].source) == ["MOZREB"]


def test_weapons_shot_down_are_aimed_at_the_forces_that_fired_them(analyse_text, event_triples):
    found = event_triples(
        analyse_text(
            "Russia launched 60 missiles at Ukraine overnight. Ukraine's air force said it had "
            "shot down 37 missiles and 55 drones.",
            "2024-03-22",
        )
    )
    assert (("UKRMIL",), "ASSAULT", ("RUSMIL",)) in found
    # the attack named no target: the downing still answers whoever fired; the air
    # defences are those of the state whose media report it
    found = event_triples(
        analyse_text(
            "The United States and France fired missiles at three sites. Syrian state media "
            "said air defences had shot down most of the incoming missiles.",
            "2018-04-14",
        )
    )
    assert (("SYRMIL",), "ASSAULT", ("FRAMIL", "USAMIL")) in found


def test_a_state_reporter_lends_its_country_to_forces_it_reports_on(analyse_text):
    # the page is mostly about the United States: the reporter's country decides
    result = analyse_text(
        "The United States struck targets near Damascus, the Pentagon and U.S. Central "
        "Command said. American officials called it a warning. Syrian state television "
        "said troops had repelled the attack.",
        "2024-03-22",
    )
    found = {m.text: m.actor.code for m in result.mentions if m.actor}
    assert found.get("troops") == "SYRMIL"
