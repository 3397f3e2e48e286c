"""Shapes from wire copy we wrote about Myanmar, Venezuela, the Horn of Africa, the Red
Sea and the Caucasus: a speaker's second act after a denial is asserted and the
speaker's own; a threat is not aimed at the threatener's own group; causing someone to
act makes them the actor; rejecting "the request" answers whoever made it; a speaker's
second verb still reports what it says; a gerund that is the topic of talks is no act."""

from __future__ import annotations

from tests.coded import codes, events_at


def test_an_accusation_after_a_denial_is_the_speakers_own_and_asserted(analyse_text):
    result = analyse_text(
        "A spokesman for the junta, Zaw Min Tun, denied that the town had fallen and "
        "accused the rebels of using civilians as human shields.",
        "2024-03-14",
    )
    accused = events_at(result, "accused")
    assert accused and accused[0].type == "ACCUSE"
    assert accused[0].modality.value == "asserted"
    assert codes(accused[0].source) == ["MMRGOV"]
    assert codes(accused[0].target) == ["MMRREB"]


def test_a_threat_is_not_aimed_at_the_threateners_own_group(analyse_text):
    result = analyse_text(
        "The Houthis said they had fired missiles at a tanker. A Houthi spokesman, Yahya "
        "Saree, warned that the group would expand its operations if the strikes continued.",
        "2024-01-27",
    )
    warned = events_at(result, "warned")
    assert warned and warned[0].type == "THREATEN"
    assert "YEMREB" not in codes(warned[0].target), warned[0].target


def test_those_prompted_or_caused_to_act_are_its_actors(analyse_text):
    result = analyse_text("The offensive prompted the rebels to withdraw from the town.")
    withdraw = events_at(result, "withdraw")
    assert withdraw and withdraw[0].type == "RETREAT"
    assert codes(withdraw[0].source) == ["REB"]


def test_rejecting_the_request_answers_whoever_made_it(analyse_text):
    result = analyse_text(
        "Brazil urged the electoral authority to release the tally sheets. Maduro rejected "
        "the request.",
        "2024-08-09",
    )
    rejected = events_at(result, "rejected")
    assert rejected and rejected[0].type == "REJECT"
    assert codes(rejected[0].target) == ["BRA"]


def test_an_accusation_made_by_a_second_verb_still_reports_its_content(analyse_text):
    result = analyse_text(
        "Maduro rejected the request and accused the United States of backing a coup.",
        "2024-08-09",
    )
    backing = events_at(result, "backing")
    assert backing, result.events
    assert backing[0].modality.value == "reported"


def test_a_gerund_that_talks_are_about_is_no_act_of_its_own(analyse_text):
    result = analyse_text(
        "Armenian Prime Minister Nikol Pashinyan said Yerevan was ready to begin "
        "consultations on signing the agreement.",
        "2025-03-14",
    )
    assert events_at(result, "signing") == []
    assert events_at(result, "consultations")


def test_a_minister_named_only_by_title_speaks_for_the_state_that_just_acted(analyse_text):
    result = analyse_text(
        "Congo's government said it was severing diplomatic relations with Rwanda. Foreign "
        "Minister Therese Kayikwamba Wagner accused Rwanda of a declaration of war and urged "
        "the Security Council to impose sanctions on Kigali.",
        "2025-01-27",
    )
    accused = events_at(result, "accused")
    assert accused and codes(accused[0].source) == ["CODGOV"], accused


def test_police_are_of_the_scene_the_page_just_placed(analyse_text):
    result = analyse_text(
        "Rwanda denied backing the rebels, and its president spoke to Rubio. Protesters in "
        "Kinshasa attacked the embassies of Rwanda, France and the United States on Tuesday. "
        "Police used tear gas to disperse the crowds.",
        "2025-01-29",
    )
    used = events_at(result, "used")
    assert used and codes(used[0].source) == ["CODCOP"], used


def test_an_offer_is_not_made_to_the_offerers_own_government(analyse_text):
    result = analyse_text(
        "Kenya's President William Ruto said he would convene an emergency summit of "
        "regional leaders within 48 hours.",
        "2025-01-27",
    )
    convene = events_at(result, "convene")
    assert convene and "KENGOV" not in codes(convene[0].target), convene


def test_both_countries_are_the_two_states(analyse_text):
    result = analyse_text(
        "Pakistan's army said it shot down five Indian jets. Guterres called on both "
        "countries to show restraint.",
        "2025-05-07",
    )
    called = events_at(result, "called")
    assert called and codes(called[0].target) == ["IND", "PAK"], called


def test_a_state_reports_its_own_dead(analyse_text, event_triples):
    result = analyse_text(
        "NEW DELHI, May 7 - India struck nine sites in Pakistan. Pakistan said 26 civilians "
        "had been killed.",
        "2025-05-07",
    )
    killed = events_at(result, "killed")
    assert killed and codes(killed[0].target) == ["PAKCVL"], killed


def test_nothing_targeted_is_a_negated_attack(analyse_text):
    result = analyse_text(
        "Misri told reporters that no Pakistani military facilities had been targeted.",
        "2025-05-07",
    )
    targeted = events_at(result, "targeted")
    assert targeted and targeted[0].modality.value == "negated"


def test_denouncing_a_speech_answers_its_speaker(analyse_text):
    result = analyse_text(
        "Taiwan's President Lai Ching-te said in his inauguration speech that China should "
        "stop its military intimidation. Beijing denounced the speech as a confession of "
        "independence.",
        "2024-05-24",
    )
    denounced = events_at(result, "denounced")
    assert denounced and codes(denounced[0].target) == ["TWNGOV"], denounced


def test_a_proposal_named_by_nationalities_is_those_states(analyse_text):
    result = analyse_text(
        "Hamas said on Monday that it had accepted an Egyptian and Qatari ceasefire proposal.",
        "2024-05-08",
    )
    accepted = events_at(result, "accepted")
    assert accepted and codes(accepted[0].target) == ["EGY", "QAT"], accepted


def test_the_army_is_that_of_the_government_just_named_not_of_where_it_fights(analyse_text):
    result = analyse_text(
        "The Israeli government has no plan for the day after. The army entered the eastern "
        "part of Rafah on Tuesday and seized the crossing with Egypt.",
        "2024-05-08",
    )
    seized = events_at(result, "seized")
    assert seized and codes(seized[0].source) == ["ISRMIL"], seized
    assert "EGY" not in codes(seized[0].target)
