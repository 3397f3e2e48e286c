"""Forms met in reports of air campaigns and the resistance to them, on sentences we
wrote: resisting is fighting back; attacking a country's sovereignty is said of an act,
no attack of its own; a base an armed group controls is that group's."""

from __future__ import annotations

from coded import codes, events_at

SANAA = "SANAA, March 27, 2015 (test wire) - "


def test_resisting_an_advance_fights_its_doers(analyse_text):
    result = analyse_text(
        "Turkey launched an offensive against Kurdish forces in northern Syria on "
        "Wednesday. The Kurdish-led SDF said it was resisting the offensive.",
        "2019-10-10",
    )
    resisting = events_at(result, "resisting")
    assert resisting and resisting[0].type == "ASSAULT"
    assert codes(resisting[0].target) == ["TUR"]


def test_resisting_pressure_is_a_refusal(analyse_text):
    result = analyse_text(
        "Iraqi Prime Minister Adel Abdul Mahdi resisted pressure to resign.", "2019-10-10"
    )
    resisted = events_at(result, "resisted")
    assert resisted and resisted[0].type == "REJECT"


def test_a_vow_to_resist_threatens_the_attackers(analyse_text):
    result = analyse_text(
        SANAA + "Saudi jets bombed Houthi positions on Thursday. The Houthis vowed to resist.",
        "2015-03-27",
    )
    vowed = events_at(result, "vowed")
    assert vowed and vowed[0].type == "THREATEN"
    assert codes(vowed[0].target) == ["SAUMIL"]


def test_attacking_a_countrys_sovereignty_is_no_attack(analyse_text):
    result = analyse_text(
        SANAA + "The Houthis accused Riyadh of attacking Yemen's sovereignty.", "2015-03-27"
    )
    assert events_at(result, "attacking") == []
    accused = events_at(result, "accused")
    assert accused and codes(accused[0].target) == ["SAUGOV"]


def test_a_base_an_armed_group_controls_is_the_groups(analyse_text):
    result = analyse_text(
        SANAA + "Saudi jets struck the Houthi-controlled air base in Sanaa on Thursday.",
        "2015-03-27",
    )
    struck = events_at(result, "struck")
    assert struck and codes(struck[0].target) == ["YEMREB"]
