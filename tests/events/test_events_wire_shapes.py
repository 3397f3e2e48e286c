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
