"""What a demand asks, what a punishment charges, what a preparation readies, on
sentences we wrote: the content of a demand noun or a "for ... to" clause is the
request's, not an act of its own; a charge is alleged; a purpose is no surer than the
act it serves; an army preparing to strike mobilises; a death in custody is harm done by
the keepers; cyber attacks coerce."""

from __future__ import annotations

from coded import codes, events_at


def test_a_demand_nouns_content_is_the_request_not_an_act(analyse_text):
    result = analyse_text(
        "Washington renewed its demand that Moscow withdraw its troops from Ukraine.",
        "2022-03-01",
    )
    assert [e.type for e in result.events] == ["REQUEST"]
    assert codes(result.events[0].target) == ["RUSGOV"]


def test_a_call_for_someone_to_act_asks_them(analyse_text):
    result = analyse_text(
        "Germany repeated its call for Russia to release the detained journalists.",
        "2022-03-01",
    )
    call = events_at(result, "call")
    assert [e.type for e in call] == ["REQUEST"] and codes(call[0].target) == ["RUS"]
    assert events_at(result, "release") == []


def test_pressing_for_someone_to_act_asks_them(analyse_text):
    result = analyse_text(
        "Britain is pushing hard for Washington to back its debt relief plan.", "2005-06-01"
    )
    push = events_at(result, "pushing")
    assert [e.type for e in push] == ["REQUEST"]
    assert codes(push[0].source) == ["GBR"] and codes(push[0].target) == ["USAGOV"]
    assert events_at(result, "back") == []


def test_the_patient_of_a_passive_call_is_not_who_is_asked(analyse_text):
    result = analyse_text("The envoy called for the gunmen to be brought to justice.", "2024-08-28")
    for event in events_at(result, "called"):
        assert "REB" not in "".join(codes(event.target))


def test_a_reminder_that_someone_must_act_asks_them(analyse_text):
    result = analyse_text(
        "Chirac issued a stern reminder to Iraq that it must cooperate with the inspectors.",
        "1998-11-14",
    )
    reminder = events_at(result, "reminder")
    assert [e.type for e in reminder] == ["REQUEST"]
    assert codes(reminder[0].source) == ["FRAGOV"] and codes(reminder[0].target) == ["IRQ"]
    assert events_at(result, "cooperate") == []


def test_a_charge_is_alleged_and_the_arrest_told(analyse_text):
    result = analyse_text(
        "Lebanese police arrested a missionary for collaborating with Israel.", "2001-05-02"
    )
    arrest = events_at(result, "arrested")
    assert arrest and arrest[0].type == "COERCE" and arrest[0].modality.value == "asserted"
    charge = events_at(result, "collaborating")
    assert charge and charge[0].modality.value == "speculated"


def test_the_purpose_of_a_future_grant_is_no_surer_than_the_grant(analyse_text):
    result = analyse_text(
        "Finland will give Tanzania a grant to finance several water projects.", "1990-01-10"
    )
    assert [e.modality.value for e in events_at(result, "give")] == ["predicted"]
    assert all(e.modality.value == "predicted" for e in events_at(result, "finance"))


def test_the_purpose_of_an_announced_act_is_announced_too(analyse_text):
    result = analyse_text(
        "Norway is willing to send equipment to help defend Saudi Arabia.", "1990-08-20"
    )
    defend = events_at(result, "defend")
    assert [e.type for e in defend] == ["AGREE"]
    assert codes(defend[0].source) == ["NOR"] and codes(defend[0].target) == ["SAU"]


def test_mobilising_lobbyists_is_no_military_move(analyse_text):
    result = analyse_text(
        "Saudi Arabia has mobilized pressure groups in the United States.", "1990-08-20"
    )
    assert [e for e in result.events if e.type == "MOBILIZE"] == []


def test_an_army_preparing_to_strike_mobilises(analyse_text):
    result = analyse_text(
        "Russian troops are preparing to storm the city, Ukrainian officials said.",
        "2022-03-01",
    )
    assert [e.type for e in result.events] == ["MOBILIZE"]
    event = result.events[0]
    assert event.trigger == "preparing" and codes(event.source) == ["RUSMIL"]
    # "is prepared to fight" is an intention, a threat, not a move
    threat = analyse_text("The army is prepared to fight the rebels.", "2022-03-01")
    assert [e.type for e in threat.events if e.type == "MOBILIZE"] == []


def test_a_death_in_custody_is_harm_by_the_keepers(analyse_text):
    result = analyse_text(
        "Mahsa Amini died in the custody of Iran's morality police.", "2022-09-17"
    )
    died = events_at(result, "died")
    assert [e.type for e in died] == ["ASSAULT"]
    assert codes(died[0].source) == ["IRNCOP"] and codes(died[0].target) == ["IRNCVL"]
    # a death elsewhere is no one's act
    assert analyse_text("Mahsa Amini died in hospital.", "2022-09-17").events == ()


def test_attacks_on_computers_are_cyber_coercion(analyse_text):
    result = analyse_text("Russian hackers attacked Estonian government websites.", "2007-05-01")
    assert [(e.type, e.mode) for e in result.events] == [("COERCE", "cyber")]
    defaced = analyse_text(
        "Hackers defaced nearly 3,000 Danish web sites over the past month.", "2006-03-01"
    )
    assert [(e.type, e.mode) for e in defaced.events] == [("COERCE", "cyber")]
    statue = analyse_text("Protesters defaced a statue of the king.", "2020-06-01")
    assert [(e.type, e.mode) for e in statue.events] == [("PROTEST", "vandalize")]


def test_receiving_a_mission_is_a_meeting(analyse_text):
    result = analyse_text(
        "Prime Minister Putin received a mission of observers from the OSCE.", "2000-01-10"
    )
    assert [(e.type, e.mode) for e in result.events] == [("CONSULT", "visit")]


def test_a_demand_whose_clause_the_parser_hangs_on_the_verb_keeps_its_content(analyse_text):
    result = analyse_text(
        "The International Labour Organization reiterated its demand today that Israel "
        "ease restrictions on Palestinian workers.",
        "2001-06-01",
    )
    assert [e.type for e in result.events] == ["REQUEST"]
    assert codes(result.events[0].source) == ["UNO"] and codes(result.events[0].target) == ["ISR"]


def test_a_conclusion_that_someone_must_act_asks_them(analyse_text):
    result = analyse_text(
        "The summit concluded that Washington must allocate more money to the crisis.",
        "2003-03-22",
    )
    concluded = events_at(result, "concluded")
    assert [e.type for e in concluded] == ["REQUEST"] and codes(concluded[0].target) == ["USAGOV"]
    # what an inquiry concludes happened is reported, not asked
    inquiry = analyse_text(
        "A UN inquiry concluded that soldiers had killed the protesters.", "2003-03-22"
    )
    killed = events_at(inquiry, "killed")
    assert killed and killed[0].modality.value == "reported"


def test_an_act_ruled_out_is_rejected_by_the_speaker(analyse_text):
    result = analyse_text("Zelensky said talks with Russia were out of the question.", "2022-10-04")
    assert [e.type for e in result.events] == ["REJECT"]
    assert codes(result.events[0].source) == ["UKRGOV"] and codes(result.events[0].target) == [
        "RUS"
    ]
    lifting = analyse_text(
        "US officials said that lifting the sanctions on Burma is out of the question.",
        "2003-07-01",
    )
    assert [e.type for e in lifting.events] == ["REJECT"]
    assert codes(lifting.events[0].target) == ["MMR"]
    quoted = analyse_text('"A ceasefire is off the table," Netanyahu said.', "2024-01-01")
    assert [e.type for e in quoted.events] == ["REJECT"]
    # a state of things out of the question is no rejection
    assert analyse_text("The weather was out of the question.", "2024-01-01").events == ()
