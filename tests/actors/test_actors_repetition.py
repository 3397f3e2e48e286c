"""A definite noun repeating one the page used for an actor names that actor again, and
other reference forms met on a wire about a captured city (our own sentences)."""

from __future__ import annotations

from coded import events_at

GOMA = "GOMA, Congo, Nov 20, 2012 (test wire) - "


def codes_of(result, text):
    return {m.actor.code for m in result.mentions if m.text == text}


def test_a_repeated_noun_names_the_same_actor_across_other_forces(analyse_text):
    result = analyse_text(
        GOMA + "M23 rebels captured Goma after Congolese troops abandoned their positions "
        "and U.N. peacekeepers stood aside. A U.N. spokesman said the peacekeepers had not "
        "engaged the rebels.",
        "2012-11-20",
    )
    assert codes_of(result, "peacekeepers") == {"UNO"}


def test_a_bare_noun_repeated_keeps_its_own_reading(analyse_text):
    result = analyse_text(
        GOMA + "Soldiers fled west. The soldiers later looted shops in Minova.", "2012-11-20"
    )
    assert codes_of(result, "soldiers") == {"CODMIL"}


def test_the_three_leaders_are_the_leaders_named_before_on_the_date(analyse_text):
    result = analyse_text(
        "President Joseph Kabila met Rwandan President Paul Kagame and Ugandan President "
        "Yoweri Museveni in Kampala on Wednesday. The three leaders called on the rebels to "
        "leave Goma.",
        "2012-11-22",
    )
    called = events_at(result, "called")
    assert called and sorted(a.code for a in called[0].source) == [
        "CODGOV",
        "RWAGOV",
        "UGAGOV",
    ]


def test_a_denial_of_an_act_answers_its_accuser(analyse_text):
    result = analyse_text(
        GOMA + "Congo's government accused neighbouring Rwanda of backing the rebellion. "
        "Rwanda has denied supporting the rebels.",
        "2012-11-20",
    )
    denied = events_at(result, "denied")
    assert denied and [a.code for a in denied[0].target] == ["CODGOV"]


def test_the_fall_of_a_city_refers_to_its_capture(analyse_text):
    result = analyse_text(
        GOMA + "M23 rebels captured Goma on Tuesday. The U.N. Security Council condemned "
        "the fall of the city.",
        "2012-11-20",
    )
    condemned = events_at(result, "condemned")
    assert condemned and [a.code for a in condemned[0].target] == ["CODREB"]


def test_a_subject_pronoun_takes_the_last_main_clause_subject(analyse_text):
    result = analyse_text(
        GOMA + "The U.N. Security Council demanded that the rebels withdraw immediately. It "
        "also imposed sanctions on the group's leader, Sultani Makenga.",
        "2012-11-20",
    )
    assert codes_of(result, "It") == {"UNO"}
