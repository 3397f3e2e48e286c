"""Leaving an accord, a meeting's sides and a ruler's flight, on sentences we wrote:
withdrawing from, pulling out of or quitting an agreement is a SANCTION (discontinue)
aimed at its other parties, named with the accord ("the agreement with Iran") or told
before on the page; two sides meeting abroad meet each other; a ruler who flees
withdraws, residents who flee do not."""

from __future__ import annotations

from coded import codes, events_at


def test_withdrawing_from_an_agreement_with_a_state_is_aimed_at_that_state(analyse_text):
    result = analyse_text(
        "The president said the United States was withdrawing from the 1987 arms control "
        "agreement with Russia.",
        "2019-08-02",
    )
    withdrew = events_at(result, "withdrawing")
    assert [(e.type, e.mode) for e in withdrew] == [("SANCTION", "discontinue")]
    assert codes(withdrew[0].source) == ["USA"] and codes(withdrew[0].target) == ["RUS"]


def test_pulling_out_of_a_deal_told_before_is_aimed_at_its_other_parties(analyse_text):
    result = analyse_text(
        "Iran signed a nuclear deal with six world powers in 2015. Trump said the United "
        "States would pull out of the deal.",
        "2018-05-09",
    )
    pulled = events_at(result, "pull")
    assert [(e.type, e.mode) for e in pulled] == [("SANCTION", "discontinue")]
    assert codes(pulled[0].target) == ["IRN"]


def test_initialling_an_agreement_is_agreeing_to_it(analyse_text):
    result = analyse_text(
        "Armenia and Azerbaijan initialled a peace agreement in Washington on Friday.",
        "2025-08-09",
    )
    initialled = events_at(result, "initialled")
    assert [e.type for e in initialled] == ["AGREE"]
    assert sorted(codes(initialled[0].source)) == ["ARM", "AZE"]


def test_two_sides_meeting_in_a_third_country_meet_each_other(analyse_text):
    result = analyse_text(
        "The leaders of Armenia and Azerbaijan met in Washington on Friday.", "2025-08-09"
    )
    met = events_at(result, "met")
    assert [e.type for e in met] == ["CONSULT"]
    assert sorted(codes(met[0].target)) == ["ARMGOV", "AZEGOV"]


def test_a_ruler_fleeing_gives_up_but_residents_fleeing_do_not(analyse_text):
    result = analyse_text(
        "Sheikh Hasina resigned and fled to India on Monday. Residents fled the town.",
        "2024-08-06",
    )
    fled = [e for e in result.events if e.trigger == "fled"]
    assert [(e.type, [a.code for a in e.source]) for e in fled] == [("RETREAT", ["BGDGOV"])]


def test_a_rulers_refuge_is_not_the_recipient_of_her_flight(analyse_text):
    result = analyse_text("Sheikh Hasina resigned and fled to India on Monday.", "2024-08-06")
    fled = [e for e in result.events if e.trigger == "fled"]
    assert fled and "IND" not in [a.code[:3] for a in fled[0].target]


def test_handing_weapons_to_monitors_is_disarming(analyse_text):
    result = analyse_text(
        "The rebels handed their weapons to United Nations monitors.", "2017-06-27"
    )
    handed = [e for e in result.events if e.trigger == "handed"]
    assert [(e.type, e.mode) for e in handed] == [("RETREAT", "disarm")]


def test_melting_away_from_the_roads_is_withdrawing(analyse_text):
    result = analyse_text("The gangs will melt away from the main roads.", "2024-06-26")
    melt = [e for e in result.events if e.trigger == "melt"]
    assert [(e.type, e.mode, e.modality.value) for e in melt] == [
        ("RETREAT", "withdraw", "predicted")
    ]


def test_a_state_leaving_an_organisation_of_states_cuts_ties_with_it(analyse_text, event_triples):
    for text in (
        "Niger quit ECOWAS on Sunday.",
        "Niger said it was leaving ECOWAS.",
        "Niger withdrew from ECOWAS on Sunday.",
    ):
        assert (("NER",), "SANCTION", ("IGO",)) in event_triples(analyse_text(text)), text
    # troops leaving a town still withdraw
    found = event_triples(analyse_text("Malian troops left Kidal on Sunday."))
    assert any(f[1] == "RETREAT" for f in found)
