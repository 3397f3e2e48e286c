"""Each modality cue of data/cues.yaml, on sentences of our own."""

from __future__ import annotations

import pytest

from sitrep.models import Modality

CASES = [
    ("Will Iran attack U.S. troops in Iraq?", "attack", Modality.QUESTION),
    ("If Turkey invades Syria, Russia will condemn Turkey.", "condemn", Modality.HYPOTHETICAL),
    ("Iran could attack U.S. forces in Syria.", "attack", Modality.SPECULATED),
    ("Iran would attack U.S. forces in Syria.", "attack", Modality.SPECULATED),
    ("Iran may attack U.S. forces in Syria.", "attack", Modality.SPECULATED),
    ("Iran will likely attack U.S. forces in Syria.", "attack", Modality.PREDICTED),
    ("Iran is likely to attack U.S. forces in Syria.", "attack", Modality.PREDICTED),
    ("I'm guessing Iran attacked the tanker.", "attacked", Modality.SPECULATED),
    ("Best guess: Iran attacked the tanker.", "attacked", Modality.SPECULATED),
    ("Prediction: Turkey will invade Syria.", "invade", Modality.PREDICTED),
    ("Iran did not attack the tanker.", "attack", Modality.NEGATED),
    ("Iran never attacked the tanker.", "attacked", Modality.NEGATED),
    ("Turkey will invade Syria next spring.", "invade", Modality.PREDICTED),
    ("Turkey is going to invade Syria.", "invade", Modality.PREDICTED),
    ("The Iraqi government said that Iran attacked the tanker.", "attacked", Modality.REPORTED),
    ("According to the Pentagon, Iran attacked the tanker.", "attacked", Modality.REPORTED),
    ("Iran attacked the tanker.", "attacked", Modality.ASSERTED),
    # an act that only dates another keeps its own telling
    ("Israel did not retaliate after the attack on its embassy.", "attack", Modality.ASSERTED),
    ("Israel did not retaliate after the attack on its embassy.", "retaliate", Modality.NEGATED),
    # a relative clause describing the denier is not what is denied
    (
        "Iran, which arms the group, denied any involvement in the attacks.",
        "arms",
        Modality.ASSERTED,
    ),
    # an act awaited in the passive, its "once" parsed as an adverb
    ("The Houthis will stop once a Gaza ceasefire is agreed.", "agreed", Modality.HYPOTHETICAL),
]


@pytest.mark.parametrize(("text", "trigger", "modality"), CASES)
def test_modality_cue(analyse_text, text, trigger, modality):
    result = analyse_text(text)
    found = [e for e in result.events if e.trigger == trigger]
    assert found, [(e.trigger, e.type) for e in result.events]
    assert found[0].modality == modality


def test_reported_speech_names_its_speaker(analyse_text):
    result = analyse_text("The Iraqi government said that Iran attacked the tanker.")
    attacked = next(e for e in result.events if e.trigger == "attacked")
    assert attacked.attributed_to is not None and attacked.attributed_to.code == "IRQGOV"


def test_a_forecast_by_the_author_stays_a_prediction_of_the_act(analyse_text):
    """Only the actor's own announcement turns a future act into a threat or promise."""
    result = analyse_text("Prediction: Iran will attack U.S. troops before the summer.")
    attack = next(e for e in result.events if e.trigger == "attack")
    assert (attack.type, attack.modality) == ("ASSAULT", Modality.PREDICTED)


def test_a_speakers_own_verbal_act_is_asserted(analyse_text):
    analysed = analyse_text(
        "Pakistan's foreign ministry said Islamabad remained committed to the truce and "
        "blamed Indian troops for violations."
    )
    blamed = [e for e in analysed.events if e.trigger == "blamed"]
    assert blamed and blamed[0].modality.value == "asserted"


def test_a_clause_before_a_semicolon_is_not_what_the_next_speaker_said(analyse_text):
    analysed = analyse_text(
        "Rights groups have accused the army of abuses; Human Rights Watch said soldiers "
        "executed 220 villagers."
    )
    accused = [e for e in analysed.events if e.trigger == "accused"]
    assert accused and accused[0].modality.value == "asserted"


def test_a_denied_act_is_told_negated_beside_the_denial(analyse_text):
    analysed = analyse_text("The Kenyan army denied that its soldiers had shot protesters.")
    kinds = {(e.type, e.modality.value) for e in analysed.events}
    assert ("REJECT", "asserted") in kinds
    assert ("ASSAULT", "negated") in kinds


@pytest.mark.parametrize(
    ("text", "trigger", "modality"),
    [
        ("Israel expects Hamas to release more hostages.", "release", "predicted"),
        ("Don't expect Hamas to release the hostages anytime soon.", "release", "negated"),
        ("There is no way Putin agrees to a ceasefire.", "agrees", "negated"),
        ("The expected Russian offensive began on Monday.", "offensive", "asserted"),
    ],
)
def test_expectations_and_flat_denials(analyse_text, text, trigger, modality):
    found = [e for e in analyse_text(text).events if e.trigger == trigger]
    assert found and found[0].modality.value == modality


def test_an_actor_telling_of_its_own_act_is_asserted(analyse_text):
    analysed = analyse_text(
        "Sudan's Rapid Support Forces said on Tuesday they had taken control of Wad Madani. "
        "The Pentagon said Iran had fired missiles at two bases."
    )
    took = [e for e in analysed.events if e.trigger == "taken"]
    fired = [e for e in analysed.events if e.trigger == "fired"]
    assert took and took[0].modality.value == "asserted"
    assert fired and fired[0].modality.value == "reported"


@pytest.mark.parametrize(
    ("sentence", "trigger", "called"),
    [
        ("The Houthis should be bombed back to the stone age.", "bombed", "YEMREB"),
        ("Israel must strike Iran now.", "strike", "ISR"),
    ],
)
def test_an_act_called_for_is_a_call_on_its_subject(analyse_text, sentence, trigger, called):
    # the gold convention ("Ruto should bring them home": REQUEST to Kenya's government):
    # the call is made, asserted; the act is its content, not an event of its own
    events = [e for e in analyse_text(sentence).events if e.trigger == trigger]
    assert [e.type for e in events] == ["REQUEST"], sentence
    assert [a.code for a in events[0].target] == [called]
    assert events[0].modality.value == "asserted"


def test_an_act_told_plainly_is_asserted(analyse_text):
    events = [
        e
        for e in analyse_text("The army shelled the town on Monday.").events
        if e.trigger == "shelled"
    ]
    assert events and events[0].modality.value == "asserted"


def test_a_statement_before_a_question_tag_is_not_asked(analyse_text):
    result = analyse_text(
        "Hezbollah fired 40 rockets at the Golan yesterday, is that the answer?",
        date="2024-04-03",
    )
    fired = [e for e in result.events if e.trigger == "fired"]
    assert fired and fired[0].modality.value == "asserted"
    asked = analyse_text("Will Iran strike Israel, or will it wait?", date="2024-04-03")
    strike = [e for e in asked.events if e.trigger == "strike"]
    assert strike and strike[0].modality.value == "question"


def _modality_of(analyse_text, text, trigger):
    found = [e for e in analyse_text(text).events if e.trigger == trigger]
    assert found, f"no event at {trigger!r}"
    return found[0].modality.value


def test_an_act_someone_is_to_do_is_predicted(analyse_text):
    text = "Under the deal Hamas is to free 50 women and children from Gaza."
    assert _modality_of(analyse_text, text, "free") == "predicted"


def test_a_hedge_on_have_to_holds_the_act(analyse_text):
    text = "The SDF might have to pull its fighters away from the prisons in Syria."
    assert _modality_of(analyse_text, text, "pull") == "speculated"


def test_a_future_need_is_a_call_on_its_subject(analyse_text):
    text = "Israel will have to withdraw its troops from Gaza."
    events = [e for e in analyse_text(text).events if e.trigger == "withdraw"]
    assert [e.type for e in events] == ["REQUEST"]
    assert [a.code for a in events[0].target] == ["ISR"]


def test_a_need_foreseen_under_a_condition_is_no_call(analyse_text):
    text = "If the talks fail, Israel will have to withdraw its troops from Gaza."
    events = [e for e in analyse_text(text).events if e.trigger == "withdraw"]
    assert events and all(e.type != "REQUEST" for e in events)


def test_a_quotation_carried_on_is_said_by_its_speaker(analyse_text):
    result = analyse_text(
        '"This was a targeted killing," an Iraqi lawmaker said. "The Americans will have to '
        'leave Iraq."',
        "2020-01-03",
    )
    leave = [e for e in result.events if e.trigger == "leave"]
    assert leave and leave[0].type == "REQUEST"
    assert [a.code for a in leave[0].source] == ["IRQLEG"]
    assert [a.code for a in leave[0].target] == ["USA"]


def test_a_vow_of_ones_own_side_is_no_call(analyse_text):
    assert all(e.type != "REQUEST" for e in analyse_text("We must fight on, Hamas said.").events)


def test_the_writers_own_suspicion_of_a_future_act_is_a_guess(analyse_text):
    text = "I suspect Tokyo will quietly step up its own patrols around Yonaguni."
    assert _modality_of(analyse_text, text, "patrols") == "speculated"


def test_a_future_hedged_by_an_adverb_stays_predicted(analyse_text):
    text = "Iran will probably strike back at the United States."
    assert _modality_of(analyse_text, text, "strike") == "predicted"


def test_an_act_after_which_something_was_declared_is_not_reported_by_the_declarer(
    analyse_text,
):
    text = (
        "Ethiopia's government declared a state of emergency on Friday after days of "
        "fighting between the military and the Fano militia."
    )
    assert _modality_of(analyse_text, text, "fighting") == "asserted"


def test_an_act_inside_what_was_said_is_still_reported(analyse_text):
    text = "Iran said the attack came after Israel struck its consulate."
    assert _modality_of(analyse_text, text, "struck") == "reported"


def test_a_presence_denied_denies_what_it_was_for(analyse_text):
    text = "Wagner is not there to fight jihadists."
    assert _modality_of(analyse_text, text, "fight") == "negated"
    assert _modality_of(analyse_text, "Israel did not hesitate to strike Gaza.", "strike") == (
        "asserted"
    )
