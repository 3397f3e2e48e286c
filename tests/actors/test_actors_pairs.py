"""Plural pronouns and pair phrases ("both sides", "the two countries") stand for every
actor they refer to (actors/coref.py)."""

from __future__ import annotations


def _codes(analysed, text):
    """Codes of the mentions of ``text``: one mention per actor it stands for."""
    return sorted(m.actor.code for m in analysed.mentions if m.text == text and m.actor)


def test_they_after_a_coordinated_subject_is_both(analyse_text):
    analysed = analyse_text("Cuba and Norway said they would keep supporting the talks.")
    assert _codes(analysed, "they") == ["CUB", "NOR"]


def test_both_sides_are_the_pair_named_before(analyse_text):
    analysed = analyse_text(
        "India and Pakistan traded fire for four days. On Saturday both sides agreed to "
        "stop all firing."
    )
    assert _codes(analysed, "sides") == ["IND", "PAK"]


def test_the_two_sides_are_the_belligerents_not_the_mediators_beside_them(analyse_text):
    analysed = analyse_text(
        "Sudan's army fought the Rapid Support Forces in Khartoum. Mediators from Egypt and "
        "South Sudan offered to host talks, and late on Sunday the two sides agreed to a truce."
    )
    codes = _codes(analysed, "two sides")
    assert len(codes) == 2 and not {"EGY", "SSD"} & set(codes)


def test_civilians_are_no_side(analyse_text):
    analysed = analyse_text(
        "Pakistan said the strikes killed 31 civilians. Both countries later agreed to talk."
    )
    assert "PAKCVL" not in _codes(analysed, "countries")


def test_their_forces_after_a_pair_are_both_armies(analyse_text):
    analysed = analyse_text(
        "India and Pakistan clashed again. Their troops exchanged artillery fire overnight."
    )
    assert _codes(analysed, "troops") == ["INDMIL", "PAKMIL"]


def test_it_after_a_singular_institution_is_that_institution(analyse_text):
    analysed = analyse_text("Kenya's army said on Monday that it had retaken the town.")
    assert _codes(analysed, "it") == ["KENMIL"]


def test_it_never_takes_a_plural_crowd(analyse_text):
    analysed = analyse_text("Protesters blocked the road, and the police said it was illegal.")
    assert "OPP" not in "".join(_codes(analysed, "it"))


def test_weapons_launched_by_a_state_are_its_forces(analyse_text):
    analysed = analyse_text("Air defences shot down 40 drones launched by Russia overnight.")
    assert _codes(analysed, "drones") == ["RUSMIL"]
