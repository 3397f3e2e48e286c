"""Complement readings: "hold X accountable" and "will not go unanswered" (THREATEN)."""

from __future__ import annotations

import pytest

from sitrep.errors import DataFileError
from sitrep.events.patterns import VerbContext, VerbPattern


def threats(result):
    return [
        (e.trigger, [a.code for a in e.source], [a.code for a in e.target], e.modality.value)
        for e in result.events
        if e.type == "THREATEN"
    ]


def test_hold_accountable_threatens_the_one_held(analyse_text):
    result = analyse_text(
        "Iran's foreign minister said Tehran would hold Washington accountable for the killing."
    )
    found = threats(result)
    assert found and found[0][0] == "hold", found
    assert found[0][1] == ["IRNGOV"] and found[0][2] == ["USAGOV"]


def test_hold_without_the_complement_is_no_threat(analyse_text):
    result = analyse_text("The French president will hold talks in Berlin on Monday.")
    assert not threats(result)


def test_will_not_go_unanswered_threatens_the_authors_of_the_act(analyse_text):
    result = analyse_text(
        "Israeli jets bombed a Hezbollah depot near Tyre on Monday. "
        "A Hezbollah spokesman said the attack would not go unanswered."
    )
    found = [t for t in threats(result) if t[0] == "go"]
    assert found, threats(result)
    trigger, source, target, modality = found[0]
    assert source == ["LBNREB"] and target == ["ISRMIL"]
    assert modality == "asserted"  # the "not" is part of the threat


def test_going_unanswered_without_negation_is_no_threat(analyse_text):
    result = analyse_text("The letters from the Iranian minister went unanswered for weeks.")
    assert not [t for t in threats(result) if t[0] == "went"]


def test_complement_is_required_by_the_pattern():
    pattern = VerbPattern(lemma="hold", type="THREATEN", complements=("accountable",))
    assert pattern.accepts(VerbContext("hold", complements=("accountable",)))
    assert not pattern.accepts(VerbContext("hold", objects=("talk",)))


def test_complement_must_be_single_words(tmp_path):
    from importlib.resources import files

    from sitrep.events.pattern_records import CUES_FILE, VERBS_FILE
    from sitrep.events.patterns import PatternBook

    data = files("sitrep.data")
    verbs = (data / VERBS_FILE).read_text()
    verbs = verbs.replace(
        "complement: [accountable, liable]",
        'complement: ["held to account", responsible]',
    )
    (tmp_path / VERBS_FILE).write_text(verbs)
    (tmp_path / CUES_FILE).write_text((data / CUES_FILE).read_text())
    with pytest.raises(DataFileError, match="complement"):
        PatternBook.from_files(tmp_path / VERBS_FILE, tmp_path / CUES_FILE)
