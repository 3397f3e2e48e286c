"""Round-4 rules: restated event nouns, naming verbs,
crowd violence, reproaches, and the new verb patterns (events/folding.py, coder.py)."""

from __future__ import annotations

import pytest

from sitrep.events.folding import is_restatement
from sitrep.events.patterns import PatternBook


@pytest.fixture(scope="module")
def coded(analyse_text):
    def run(text: str):
        return analyse_text(text, date="2024-03-01").events

    return run


def _types(events) -> list[tuple[str, str]]:
    return sorted((e.trigger, e.type) for e in events)


def test_condemned_event_noun_is_not_a_new_event(coded):
    events = coded("France condemned the airstrikes as a violation of the truce.")
    assert _types(events) == [("condemned", "ACCUSE")]


def test_predicate_nominal_is_not_an_event(coded):
    events = coded("Biden said the coup was a direct assault on democracy.")
    assert "ASSAULT" not in {e.type for e in events}


def test_object_of_a_coded_verb_is_what_it_acts_on(coded):
    events = coded("Washington suspended military assistance to the Malian army.")
    assert [e.type for e in events] == ["SANCTION"]


def test_event_noun_under_a_light_verb_is_still_coded(coded):
    events = coded("Iraqi troops launched an offensive against the Mahdi Army.")
    assert [e.type for e in events] == ["ASSAULT"]


def test_object_predicate_of_a_non_naming_verb_is_coded(coded):
    events = coded("Two Palestinians were shot dead by Israeli troops.")
    assert [(e.type, e.mode) for e in events] == [("ASSAULT", "firearms")]


def test_naming_verb_still_judges(coded):
    events = coded("Iran called the strikes a crime.")
    assert [e.type for e in events] == ["ACCUSE"]


def test_crowd_storming_is_a_riot(coded):
    events = coded("Iraqi protesters stormed the Iranian consulate in Najaf.")
    assert [(e.type, e.mode) for e in events] == [("PROTEST", "riot")]


def test_soldiers_storming_is_an_assault(coded):
    events = coded("Iraqi soldiers stormed the Mahdi Army headquarters in Basra.")
    assert [e.type for e in events] == ["ASSAULT"]


def test_should_have_is_a_reproach_not_a_request(coded):
    events = coded("Senator Tim Kaine said the White House should have consulted Congress.")
    said = [(e.type, e.mode) for e in events if e.trigger == "said"]
    assert said == [("ACCUSE", "disapprove")]


def test_should_is_still_a_request(coded):
    events = coded("Russia said the Kurdish forces should start talks with Damascus.")
    assert "REQUEST" in {e.type for e in events}


def test_hedged_need_is_not_a_request(coded):
    events = coded("Mazloum Abdi said the SDF might have to pull fighters away from the prisons.")
    assert "REQUEST" not in {e.type for e in events}


@pytest.mark.parametrize(
    ("text", "type_", "mode"),
    [
        ("Abiy ordered the Ethiopian army into Tigray.", "MOBILIZE", "troops"),
        ("Russian air defences intercepted the Ukrainian drones.", "ASSAULT", None),
        ("The Sudanese army said it was hunting down the RSF fighters.", "ASSAULT", None),
        (
            "The Burkinabe army enlisted thousands of civilians as volunteers.",
            "MOBILIZE",
            "militia",
        ),
        ("The Ethiopian government cut the internet in Tigray.", "COERCE", "censor"),
        ("The Israeli army held the Palestinian prisoners without charge.", "COERCE", "arrest"),
        ("The Venezuelan police put down the protests.", "COERCE", None),
        ("Russian Defence Minister Sergei Shoigu ordered the pullback.", "RETREAT", "withdraw"),
    ],
)
def test_new_patterns(coded, text, type_, mode):
    events = coded(text)
    assert (type_, mode) in {(e.type, e.mode) for e in events}, _types(events)


def test_restatement_rule_on_a_parse(nlp):
    doc = nlp("Iran condemned the strikes as a violation of sovereignty.")
    violation = next(t for t in doc if t.lower_ == "violation")
    strikes = next(t for t in doc if t.lower_ == "strikes")
    condemned = next(t for t in doc if t.lower_ == "condemned")
    assert is_restatement(violation, set())
    assert is_restatement(strikes, {condemned.i})
    assert not is_restatement(strikes, set())


def test_naming_and_crowd_cues_load():
    cues = PatternBook.load().cues
    assert "call" in cues.naming_verbs and "shoot" not in cues.naming_verbs
    assert {"opp", "cvl"} <= cues.crowd_sectors and "storm" in cues.crowd_acts
