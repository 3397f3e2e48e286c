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
