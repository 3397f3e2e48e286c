"""Names the actor base does not know (actors/unknown.py): an office of a known body."""

from __future__ import annotations

import pytest


def _codes(analysed):
    return {m.text: m.actor.code for m in analysed.mentions if m.actor}


def test_an_unknown_office_of_a_known_body_speaks_for_the_body(analyse_text):
    analysed = analyse_text(
        "Kenzo Oshima, the United Nations Emergency Relief Coordinator, demanded that the "
        "parties allow aid convoys through."
    )
    assert _codes(analysed)["the United Nations Emergency Relief Coordinator"] == "UNO"
    assert any(e.type == "REQUEST" and e.source[0].code == "UNO" for e in analysed.events)


def test_a_body_name_without_an_office_word_stays_unknown(analyse_text):
    analysed = analyse_text("The United Nations Development Fund for Rural Roads opened.")
    codes = _codes(analysed)
    assert codes.get("The United Nations Development Fund for Rural Roads") != "UNO"


def test_a_capital_after_a_title_is_a_persons_name(analyse_text):
    codes = _codes(analyse_text("Gen. Lima said the army would hold the line."))
    assert codes.get("Lima") != "PERGOV"
    assert _codes(analyse_text("Lima said the talks would resume."))["Lima"] == "PERGOV"


def test_a_news_agency_is_media_and_lends_no_country(analyse_text):
    codes = _codes(
        analyse_text(
            "Bandits killed nine people in Marsabit county, police told Reuters. Residents "
            "said the raiders came at night."
        )
    )
    assert codes["Reuters"] == "GBRMED"
    assert codes["Bandits"] == "KENREB"
    assert codes["Residents"] == "KENCVL"


@pytest.mark.parametrize(
    "text, name",
    [
        (
            "Bombers attacked crowds at Hamid Karzai International Airport on Thursday.",
            "Hamid Karzai International Airport",
        ),
        ("Protesters gathered in Tahrir Square on Friday.", "Tahrir Square"),
    ],
)
def test_the_name_of_a_site_is_no_actor(analyse_text, text, name):
    result = analyse_text(text)
    assert not [m for m in result.mentions if name in m.text]


def test_a_blocked_online_service_is_no_actor_and_its_users_are_the_recipients(
    analyse_text,
):
    result = analyse_text(
        "TEHRAN (test wire) - The authorities blocked Instagram and WhatsApp.", "2022-09-25"
    )
    assert not [m for m in result.mentions if m.text in ("Instagram", "WhatsApp")]
    blocked = [e for e in result.events if e.trigger == "blocked"]
    assert blocked and blocked[0].mode == "censor"
    assert [a.code for a in blocked[0].target] == ["IRNCVL"]
