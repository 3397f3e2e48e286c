"""Promised hostile acts are threats; a protest's aim is part of the protest (folding.py)."""

from __future__ import annotations

import pytest


def _coded(analysed):
    return [
        (sorted(a.code for a in e.source), e.type, e.mode, sorted(a.code for a in e.target))
        for e in analysed.events
    ]


@pytest.mark.parametrize(
    ("text", "source", "target", "mode"),
    [
        (
            "The Sudanese army vowed to crush the rebels in Darfur.",
            ["SDNMIL"],
            ["SDNREB"],
            "violence",
        ),  # fmt: skip
        ("Iran vowed to retaliate against Israel.", ["IRN"], ["ISR"], "violence"),
        (
            "The Iraqi government pledged to arrest members of the Mahdi Army.",
            ["IRQGOV"],
            ["IRQREB"],
            "arrest",
        ),  # fmt: skip
    ],
)
def test_promising_a_hostile_act_is_a_threat(analyse_text, text, source, target, mode):
    coded = _coded(analyse_text(text))
    assert (source, "THREATEN", mode, target) in coded, coded
    assert not any(c[1] in ("AGREE", "ASSAULT", "COERCE") for c in coded)


def test_promising_a_cooperative_act_stays_an_agreement(analyse_text):
    coded = _coded(analyse_text("Qatar pledged to send food aid to Gaza."))
    assert any(c[1] == "AGREE" for c in coded)
    assert not any(c[1] == "THREATEN" for c in coded)


def test_a_protest_made_to_denounce_takes_the_denounced_as_recipient(analyse_text):
    coded = _coded(
        analyse_text("Thousands of people rallied in Sanaa after prayers to denounce Israel.")
    )
    assert [(c[0], c[3]) for c in coded if c[1] == "PROTEST"] == [(["YEMCVL"], ["ISR"])]
    assert not any(c[1] == "ACCUSE" for c in coded)


def test_an_accusation_with_its_own_speaker_is_not_folded_into_a_protest(analyse_text):
    coded = _coded(
        analyse_text("Students protested in Dhaka and the government accused them of rioting.")
    )
    assert any(c[1] == "PROTEST" for c in coded)
    assert any(c[1] == "ACCUSE" and c[0] == ["BGDGOV"] for c in coded)


def test_a_crowd_counted_in_thousands_protests_and_its_demand_is_no_event(
    analyse_text, event_triples
):
    analysed = analyse_text(
        "Thousands rallied in Yerevan on Sunday to demand the prime minister's resignation."
    )
    assert (("ARMCVL",), "PROTEST", ("ARMGOV",)) in event_triples(analysed)
    assert not [e for e in analysed.events if e.type == "RETREAT"]


def test_dozens_of_protesters_are_the_protesters(analyse_text, event_triples):
    found = event_triples(analyse_text("Dozens of protesters were arrested in Minsk."))
    assert any(t == "COERCE" and r and r[0].endswith("OPP") for _, t, r in found)


def test_the_goal_of_a_fight_promised_to_go_on_is_a_threat(analyse_text, event_triples):
    result = analyse_text(
        "Hemedti said his fighters would not stop until they captured all army bases.",
        "2023-05-01",
    )
    assert (("SDNREB",), "THREATEN", ("SDNMIL",)) in event_triples(result)
    assert not [e for e in result.events if e.type == "ASSAULT"]


def test_a_campaign_vowed_until_an_enemy_is_defeated_is_a_threat_to_it(analyse_text):
    result = analyse_text(
        "Somalia's president vowed that his government would keep up its campaign until "
        "al-Shabaab was defeated.",
        "2024-08-03",
    )
    vowed = [e for e in result.events if e.trigger == "vowed"]
    assert vowed and vowed[0].type == "THREATEN"
    assert [a.code for a in vowed[0].target] == ["IMGREB"]


def test_a_campaign_against_no_enemy_is_no_threat(analyse_text):
    result = analyse_text("The party vowed to keep up its campaign until the election.")
    assert not [e for e in result.events if e.type == "THREATEN"]


def test_a_fight_until_someone_is_defeated_is_against_them(analyse_text):
    result = analyse_text("The Somali army fought until al-Shabaab was driven out of the town.")
    fought = [e for e in result.events if e.trigger == "fought"]
    assert fought and [a.code for a in fought[0].target] == ["IMGREB"]


def test_a_warning_to_no_one_named_is_to_those_protesting_against_the_warner(analyse_text):
    result = analyse_text(
        "TEHRAN (test wire) - Protests against the government spread to 80 cities. "
        "President Ebrahim Raisi warned that acts of chaos would not be tolerated.",
        "2022-09-22",
    )
    warned = [e for e in result.events if e.trigger == "warned"]
    assert warned and warned[0].type == "THREATEN"
    assert [a.code for a in warned[0].target] == ["IRNOPP"]


def test_a_ruler_resigning_after_protests_against_her_yields_to_the_protesters(
    analyse_text, event_triples
):
    result = analyse_text(
        "DHAKA (test wire) - Protesters marched against the government for weeks, and the "
        "protests spread to every city. On Monday Prime Minister Sheikh Hasina resigned "
        "and fled to India.",
        "2024-08-05",
    )
    assert (("BGDGOV",), "RETREAT", ("BGDOPP",)) in event_triples(result)


def test_a_resignation_with_no_protest_told_has_no_recipient_invented(analyse_text):
    result = analyse_text("The defence minister resigned on Monday.", "2024-08-05")
    for event in result.events:
        assert not event.target
