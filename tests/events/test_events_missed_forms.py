"""Event forms the coder used to miss: agentless passives that retell an act, ship and
building seizures, agreeing to a hostile measure, and warnings that are only notice."""

from __future__ import annotations


def coded(result):
    """(type, trigger, sources, targets) of every event and every merged telling."""
    out = set()
    for e in result.events:
        for trigger in {e.trigger, *(m.trigger for m in (e.mentions or ()))}:
            out.add(
                (
                    e.type,
                    trigger,
                    tuple(sorted(a.code for a in e.source)),
                    tuple(sorted(a.code for a in e.target)),
                )
            )
    return out


def types_at(result, trigger):
    return {t for t, trig, _, _ in coded(result) if trig == trigger}


def test_agentless_passive_retells_the_act_just_told(analyse_text):
    result = analyse_text(
        "French jets struck Islamic State positions near Raqqa on Sunday. "
        "Twelve guided bombs were dropped on the targets, the ministry said."
    )
    struck = [c for c in coded(result) if c[1] == "struck"]
    assert struck and struck[0][0] == "ASSAULT"
    dropped = [c for c in coded(result) if c[1] == "dropped"]
    assert dropped, coded(result)
    assert dropped[0][0] == "ASSAULT"
    assert dropped[0][2] == struck[0][2]  # the jets' side dropped them


def test_agentless_passive_with_nothing_told_before_is_not_coded(analyse_text):
    result = analyse_text("Twelve guided bombs were dropped near the river, the ministry said.")
    assert "dropped" not in {c[1] for c in coded(result)}


def test_seizing_a_ship_is_abduction_and_seizing_a_palace_is_assault(analyse_text):
    ship = analyse_text(
        "Al-Shabaab fighters seized a chemical tanker off the Somali coast on Tuesday."
    )
    assert types_at(ship, "seized") == {"ASSAULT"}
    assert any(e.mode == "abduct" for e in ship.events if e.trigger == "seized")
    palace = analyse_text("Islamic State fighters seized the presidential palace in Sirte.")
    assert types_at(palace, "seized") == {"ASSAULT"}
    goods = analyse_text("Turkish police seized a large shipment of weapons in Izmir.")
    assert types_at(goods, "seized") == {"COERCE"}


def test_agreeing_to_sanctions_is_the_sanction(analyse_text):
    result = analyse_text(
        "Foreign ministers of the European Union agreed to a fourth round of sanctions "
        "against Iran on Monday."
    )
    sanctions = [c for c in coded(result) if c[0] == "SANCTION"]
    assert sanctions, coded(result)
    assert sanctions[0][3] == ("IRN",)


def test_agreeing_to_talks_or_mediation_stays_agree(analyse_text):
    result = analyse_text("Ethiopia agreed to African Union mediation in the dispute with Egypt.")
    assert "AGREE" in types_at(result, "agreed")
    truce = analyse_text("Armenia and Azerbaijan agreed to a ceasefire on Saturday.")
    assert "AGREE" in types_at(truce, "agreed")


def test_a_warning_with_no_content_is_advance_notice(analyse_text):
    passive = analyse_text("Officials in Baghdad said the Americans had been warned in advance.")
    assert types_at(passive, "warned") == {"CONSULT"}
    active = analyse_text("A Turkish officer warned the Russians hours before the raid.")
    assert types_at(active, "warned") == {"CONSULT"}


def test_a_warning_with_content_stays_a_threat(analyse_text):
    clause = analyse_text("Iran warned the United States that it would strike back.")
    assert types_at(clause, "warned") == {"THREATEN"}
    against = analyse_text("China warned Japan against any interference in the strait.")
    assert types_at(against, "warned") == {"THREATEN"}


def test_agreeing_to_a_concession_is_also_the_concession(analyse_text):
    result = analyse_text("The ELN rebels agreed to disarm before the end of the year.")
    assert "AGREE" in types_at(result, "agreed")
    disarm = [c for c in coded(result) if c[1] == "disarm"]
    assert disarm and disarm[0][0] == "RETREAT"
    agreed = [c for c in coded(result) if c[1] == "agreed"]
    assert disarm[0][2] == agreed[0][2]  # done by whoever agreed
    resign = analyse_text("The Peruvian prime minister offered to resign on Friday.")
    assert "RETREAT" in types_at(resign, "resign")


def test_agreeing_to_a_cooperative_act_that_is_no_concession_stays_agree(analyse_text):
    result = analyse_text("Egypt agreed to let more aid trucks into Gaza on Sunday.")
    assert "AGREE" in types_at(result, "agreed")
    assert "RETREAT" not in {c[0] for c in coded(result)}
