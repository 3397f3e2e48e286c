"""Judgements and loose coordination, on sentences we wrote: being "concerned" is a
disapproval of what it is concerned about; naming a side a rebel militia accuses it; a
state naming its own act judges no one of its own; a verb hung loosely after another
("opened fire, then boarded and seized") keeps the first verb's doer."""

from __future__ import annotations

from coded import codes, events_at


def test_concern_about_an_act_told_before_disapproves_of_its_doers(analyse_text):
    result = analyse_text(
        "Chinese forces began large-scale drills around Taiwan on Thursday. The State "
        "Department said it was deeply concerned about the drills.",
        "2024-05-25",
    )
    concerned = [e for e in result.events if e.type == "ACCUSE"]
    assert concerned and codes(concerned[0].source) == ["USAGOV"]
    assert [a.code[:3] for a in concerned[0].target] == ["CHN"]


def test_naming_a_side_a_rebel_militia_accuses_it(analyse_text):
    result = analyse_text(
        "Sudan's army and the Rapid Support Forces fought in Khartoum. The army later "
        "described the RSF as a rebel militia.",
        "2023-04-16",
    )
    found = events_at(result, "described")
    assert found and found[0].type == "ACCUSE"
    assert codes(found[0].source) == ["SDNMIL"]
    assert codes(found[0].target) == ["SDNREB"]


def test_a_state_naming_its_own_act_accuses_none_of_its_own(analyse_text):
    result = analyse_text(
        "Chinese forces began drills around Taiwan on Thursday. Beijing called the drills "
        "strong punishment for separatist acts.",
        "2024-05-25",
    )
    for event in events_at(result, "called"):
        assert not [a for a in event.target if a.code.startswith("CHN")]


def test_a_verb_hung_loosely_after_another_keeps_its_doer(analyse_text):
    result = analyse_text(
        "Russian vessels opened fire, then boarded and seized all three Ukrainian boats.",
        "2018-11-25",
    )
    seized = events_at(result, "seized")
    assert seized and codes(seized[0].source) == ["RUSMIL"]


def test_a_claim_rejected_in_an_aside_is_the_claimants_and_the_writers_statement(
    analyse_text,
):
    result = analyse_text(
        "The Russian defence ministry said 71 of the missiles had been intercepted, a claim "
        "the Pentagon rejected.",
        "2018-04-14",
    )
    rejected = events_at(result, "rejected")
    assert rejected and rejected[0].type == "REJECT"
    assert codes(rejected[0].source) == ["USAMIL"]
    assert codes(rejected[0].target) == ["RUSMIL"]
    assert rejected[0].modality.value == "asserted"


def test_a_charge_denied_in_an_aside_is_not_reported_by_the_accuser(analyse_text):
    result = analyse_text(
        "NIAMEY (test wire) - The junta accused France of planning to intervene, a charge "
        "Paris denied.",
        "2023-07-31",
    )
    denied = events_at(result, "denied")
    assert denied and denied[0].modality.value == "asserted"
    assert denied[0].attributed_to is None


def test_an_accusation_denied_in_an_aside_was_still_made(analyse_text):
    result = analyse_text(
        "Congo accused Rwanda of backing the rebels, a charge Kigali denies.", "2012-11-22"
    )
    accused = events_at(result, "accused")
    assert accused and accused[0].type == "ACCUSE" and accused[0].modality.value == "asserted"
    assert codes(accused[0].source) == ["COD"] and codes(accused[0].target) == ["RWA"]
    denies = events_at(result, "denies")
    assert denies and denies[0].type == "REJECT" and codes(denies[0].target) == ["COD"]


def test_a_report_rejected_by_the_accused_did_accuse_it(analyse_text):
    result = analyse_text(
        "Rwanda rejected a UN report that accused it of supporting the M23.", "2012-11-22"
    )
    accused = events_at(result, "accused")
    assert accused and accused[0].modality.value == "asserted"
    assert codes(accused[0].source) == ["UNO"] and codes(accused[0].target) == ["RWA"]


def test_a_report_speaks_for_the_body_named_before_it(analyse_text):
    result = analyse_text("A UN report accused Rwanda of supporting the M23.", "2012-11-22")
    accused = events_at(result, "accused")
    assert accused and codes(accused[0].source) == ["UNO"]


def test_blocking_a_councils_statement_rejects_the_council(analyse_text):
    result = analyse_text(
        "Russia blocked a Security Council statement calling on Haftar to halt his advance.",
        "2019-04-10",
    )
    blocked = events_at(result, "blocked")
    assert blocked and blocked[0].type == "REJECT"
    assert codes(blocked[0].source) == ["RUS"] and codes(blocked[0].target) == ["UNO"]
    calling = events_at(result, "calling")
    assert all(codes(e.source) != ["RUS"] for e in calling)


def test_a_deadline_given_in_a_purpose_clause_is_a_demand(analyse_text):
    result = analyse_text(
        "The West African bloc ECOWAS gave the junta one week to reinstate President "
        "Mohamed Bazoum.",
        "2023-07-30",
    )
    gave = events_at(result, "gave")
    assert gave and gave[0].type == "REQUEST"
    assert codes(gave[0].source) == ["IGO"] and codes(gave[0].target) == ["NERMIL"]
    assert not any(m.text == "West African" for m in result.mentions)


def test_a_foe_of_the_same_country_announces_no_act_of_the_other(analyse_text):
    result = analyse_text(
        "The rebels said they would keep fighting until the army withdrew from Goma.",
        "2012-11-22",
    )
    withdrew = events_at(result, "withdrew")
    assert withdrew and withdrew[0].type == "RETREAT"
    assert withdrew[0].modality.value == "hypothetical"


def test_an_act_done_after_another_has_the_same_doer(analyse_text):
    result = analyse_text(
        "Washington reimposed oil sanctions in April after accusing Maduro of breaking his "
        "promise to hold a competitive vote.",
        "2024-08-01",
    )
    accusing = events_at(result, "accusing")
    assert accusing and codes(accusing[0].source) == ["USAGOV"]
    assert codes(accusing[0].target) == ["VENGOV"]


def test_the_object_of_the_act_before_still_does_what_it_is_accused_of(analyse_text):
    result = analyse_text("Iran accused Israel of killing the scientist.", "2020-11-28")
    killing = events_at(result, "killing")
    assert killing and codes(killing[0].source) == ["ISR"]


def test_the_act_a_penalty_is_for_is_done_by_the_punished(analyse_text):
    result = analyse_text(
        "Washington imposed sanctions on Iranian drone makers for supplying Russia.",
        "2022-10-17",
    )
    supplying = events_at(result, "supplying")
    assert supplying and codes(supplying[0].source) == ["IRN"]
    assert codes(supplying[0].target) == ["RUS"]


def test_a_crowd_of_no_country_storming_a_building_riots(analyse_text):
    result = analyse_text(
        "Protesters stormed the government building and beat the speaker of parliament.",
        "2020-11-10",
    )
    stormed = events_at(result, "stormed")
    assert stormed and stormed[0].type == "PROTEST" and stormed[0].mode == "riot"
    beat = events_at(result, "beat")
    assert beat and beat[0].type == "ASSAULT"  # beating a person stays an assault


def test_being_alarmed_by_an_act_disapproves_of_its_doers(analyse_text):
    result = analyse_text(
        "Security forces killed 40 protesters in Zahedan on Friday. The UN human rights "
        "office said it was alarmed by the killings.",
        "2022-10-17",
    )
    alarmed = [e for e in result.events if e.type == "ACCUSE"]
    assert alarmed and codes(alarmed[0].source) == ["UNO"]
    killed = events_at(result, "killed")
    assert killed and codes(alarmed[0].target) == codes(killed[0].source)
