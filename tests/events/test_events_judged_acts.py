"""Whom a judgement of an act is aimed at, on sentences we wrote: condemning or praising
an act ("condemned the killing of civilians") is aimed at whoever did it, not at those
it was done to; the doer may be named in the noun phrase, in the judgement ("as an
Iranian act of terrorism"), or told earlier on the page."""

from __future__ import annotations

from coded import codes, events_at


def test_condemning_a_killing_is_aimed_at_the_killers_told_before(analyse_text):
    result = analyse_text(
        "Al-Shabaab militants stormed a beachfront hotel in Mogadishu on Friday, killing "
        "32 people. President Hassan Sheikh Mohamud condemned the killing of civilians as "
        "a cowardly act.",
        "2024-08-03",
    )
    condemned = events_at(result, "condemned")
    assert [e.type for e in condemned] == ["ACCUSE"]
    assert codes(condemned[0].target) == ["IMGREB"]


def test_the_victims_of_a_condemned_act_are_not_its_recipient(analyse_text):
    result = analyse_text(
        "The European Union condemned the killing of civilians in Bucha.", "2022-04-03"
    )
    condemned = events_at(result, "condemned")
    assert [e.type for e in condemned] == ["ACCUSE"]
    assert not any(a.code.endswith("CVL") for a in condemned[0].target)


def test_a_doer_named_in_the_judgement_is_the_recipient(analyse_text):
    result = analyse_text(
        "Netanyahu's office condemned the seizure as an Iranian act of terrorism. "
        "Iran denied any role.",
        "2023-04-28",
    )
    condemned = events_at(result, "condemned")
    assert codes(condemned[0].target) == ["IRN"]
    denied = events_at(result, "denied")
    assert [e.type for e in denied] == ["REJECT"] and codes(denied[0].target) == ["ISRGOV"]


def test_the_of_phrase_of_an_act_done_to_no_one_names_its_doer(analyse_text):
    result = analyse_text(
        "Iraq's parliament on Sunday approved the resignation of Prime Minister Adil Abdul-Mahdi.",
        "2019-12-01",
    )
    approved = events_at(result, "approved")
    assert [e.type for e in approved] == ["SUPPORT"]
    assert codes(approved[0].target) == ["IRQGOV"]


def test_welcoming_a_release_is_aimed_at_those_who_released(analyse_text):
    result = analyse_text(
        "Hamas released 24 hostages on Friday. Biden welcomed the release of the hostages.",
        "2023-11-25",
    )
    welcomed = events_at(result, "welcomed")
    assert [e.type for e in welcomed] == ["SUPPORT"]
    assert codes(welcomed[0].target) == ["PSEREB"]


def test_a_judged_act_told_without_a_doer_is_the_act_on_the_same_target(
    analyse_text, event_triples
):
    found = event_triples(
        analyse_text(
            "Ecuador's president ordered the armed forces to neutralise 22 gangs. Hours "
            "earlier, gunmen stormed a television studio in Guayaquil. Police arrested 13 "
            "people after the attack on TC Television. The United States condemned the "
            "attacks.",
            "2024-01-10",
        )
    )
    # not the first act on the page (the president's order), but the storming
    assert (("USA",), "ACCUSE", ("ECUREB",)) in found
