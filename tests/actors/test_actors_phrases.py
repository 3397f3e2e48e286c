"""Coordinated nationalities before a named force, and counterparts (actors/phrases.py)."""

from __future__ import annotations

import pytest


def _codes(analysed, text):
    return sorted(m.actor.code for m in analysed.mentions if m.text == text and m.actor)


def _event(analysed, type_):
    found = [e for e in analysed.events if e.type == type_]
    assert found, f"no {type_} among {[e.type for e in analysed.events]}"
    return found[0]


def test_a_nationality_coordinated_with_a_named_force_joins_it(analyse_text):
    analysed = analyse_text("Militiamen clashed with Iraqi and U.S. forces in Basra on Tuesday.")
    assert _codes(analysed, "Iraqi and U.S. forces") == ["IRQMIL", "USAMIL"]
    assert sorted(a.code for a in _event(analysed, "ASSAULT").target) == ["IRQMIL", "USAMIL"]


def test_three_coordinated_nationalities(analyse_text):
    analysed = analyse_text("Iraqi, British and American troops raided the village.")
    assert _codes(analysed, "Iraqi, British and American troops") == [
        "GBRMIL",
        "IRQMIL",
        "USAMIL",
    ]


def test_a_name_alone_is_not_widened(analyse_text):
    analysed = analyse_text("The talks in Geneva and U.S. forces in Syria were discussed.")
    assert all(m.text != "Geneva and U.S. forces" for m in analysed.mentions)


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Russian Foreign Minister Sergei Lavrov met his Turkish counterpart in Ankara.", "TURGOV"),
        ("The Pakistani army chief called his Indian counterpart on Saturday.", "INDMIL"),
        ("Iran's foreign minister held talks with his Omani counterpart.", "OMNGOV"),
    ],
)
def test_a_counterpart_is_the_named_country_in_the_possessors_sector(analyse_text, text, target):
    event = _event(analyse_text(text), "CONSULT")
    assert [a.code for a in event.target] == [target]


def test_counterparts_from_two_countries(analyse_text):
    analysed = analyse_text("Jordan's foreign minister met counterparts from Egypt and Qatar.")
    assert sorted(a.code for a in _event(analysed, "CONSULT").target) == ["EGYGOV", "QATGOV"]


def test_a_counterpart_with_no_country_is_left_alone(analyse_text):
    analysed = analyse_text("Russian Foreign Minister Sergei Lavrov met his counterpart.")
    assert not any("counterpart" in m.text and m.actor for m in analysed.mentions)


@pytest.mark.parametrize(
    ("text", "words", "code"),
    [
        ("Pakistan said its air force shot down five Indian jets.", "its air force", "PAKMIL"),
        ("The Iraqi government said its troops had retaken the town.", "troops", "IRQMIL"),
    ],
)
def test_a_states_possessed_force_is_its_sector(analyse_text, text, words, code):
    assert _codes(analyse_text(text), words) == [code]


def test_a_rebel_groups_possessed_fighters_stay_the_group(analyse_text):
    analysed = analyse_text("Hamas said its fighters attacked an Israeli patrol.")
    assert _codes(analysed, "fighters") == ["PSEREB"]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Fighters of JNIM opened fire on the convoy.", "IMGREB"),
        ("Militants from the Islamic State attacked a checkpoint in Kirkuk.", "IMGREB"),
    ],
)
def test_an_of_phrase_names_the_group_a_sector_noun_belongs_to(analyse_text, text, code):
    event = _event(analyse_text(text), "ASSAULT")
    assert [a.code for a in event.source] == [code]
