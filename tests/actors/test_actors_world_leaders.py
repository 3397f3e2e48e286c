"""Heads of state and government from actors/world_leaders.yaml resolve by name, by
surname after the full name, and by title noun on a page dated inside their term."""

from __future__ import annotations

import pytest


def _by_text(analysed):
    return {m.text: m.actor for m in analysed.mentions if m.actor is not None}


def test_a_full_name_then_the_surname_resolve_to_the_leader(analyse_text):
    mentions = _by_text(
        analyse_text(
            "Senegalese President Macky Sall opened a new port near Dakar on Monday. "
            "Sall said the project would create jobs.",
            date="2019-03-04",
        )
    )
    assert mentions["Macky Sall"].id == "macky_sall"
    assert mentions["Macky Sall"].code == "SENGOV"
    assert mentions["Sall"].id == "macky_sall"


def test_a_surname_alone_does_not_name_the_leader(analyse_text):
    mentions = _by_text(
        analyse_text("Widodo said on Monday that the capital would move.", date="2019-08-26")
    )
    assert all(actor.id != "joko_widodo" for actor in mentions.values())


def test_a_nickname_alias_names_the_leader(analyse_text):
    mentions = _by_text(
        analyse_text("Jokowi visited the flooded districts on Sunday.", date="2020-01-05")
    )
    assert mentions["Jokowi"].id == "joko_widodo"
    assert mentions["Jokowi"].code == "IDNGOV"


@pytest.mark.parametrize(
    ("date", "holder"),
    [("2023-07-04", "macky_sall"), ("2024-06-04", "bassirou_diomaye_faye")],
)
def test_the_demonym_and_title_name_whoever_held_the_office_on_the_page_date(
    analyse_text, date, holder
):
    mentions = _by_text(
        analyse_text(
            "The Senegalese president said on Tuesday that the reforms would continue.",
            date=date,
        )
    )
    actor = mentions["Senegalese president"]
    assert actor.id == holder
    assert actor.code == "SENGOV"


def test_a_prime_minister_title_follows_the_change_of_government(analyse_text):
    before = _by_text(
        analyse_text(
            "The Japanese prime minister said on Friday that defence spending would rise.",
            date="2023-12-01",
        )
    )
    after = _by_text(
        analyse_text(
            "The Japanese prime minister said on Friday that defence spending would rise.",
            date="2026-06-05",
        )
    )
    assert before["Japanese prime minister"].id == "fumio_kishida"
    assert after["Japanese prime minister"].id == "sanae_takaichi"
    assert after["Japanese prime minister"].code == "JPNGOV"


def test_a_former_leader_is_an_elite_after_leaving_office(analyse_text):
    mentions = _by_text(
        analyse_text("Macky Sall gave a lecture in Paris on Thursday.", date="2025-06-05")
    )
    assert mentions["Macky Sall"].code == "SENELI"


def test_a_junta_leader_is_military_until_sworn_in(analyse_text):
    takeover = _by_text(
        analyse_text("The Malagasy junta leader dissolved the senate.", date="2025-10-15")
    )
    sworn_in = _by_text(
        analyse_text("The Malagasy junta leader dissolved the senate.", date="2025-11-20")
    )
    assert takeover["Malagasy junta leader"].id == "michael_randrianirina"
    assert takeover["Malagasy junta leader"].code == "MDGMIL"
    assert sworn_in["Malagasy junta leader"].code == "MDGGOV"
