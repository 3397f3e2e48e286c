"""Calls on others to act told in sentences of their own (``sitrep.events.calls``), on
sentences we wrote: an obligation put on a third party and a command are each a REQUEST
by whoever says them; the act called for is their content."""

from __future__ import annotations

from coded import codes, events_at


def test_a_command_to_a_leader_named_at_its_end_calls_on_his_government(analyse_text):
    result = analyse_text(
        "Sheikh Hasina fled to India on Monday.\n\nSend her back Modi!", "2024-08-09"
    )
    send = events_at(result, "Send")
    assert send and send[0].type == "REQUEST" and send[0].modality.value == "asserted"
    assert send[0].source == () and codes(send[0].target) == ["INDGOV"]


def test_a_command_to_undo_an_act_calls_on_its_doer(analyse_text):
    result = analyse_text(
        "Washington reimposed oil sanctions on Venezuela in April.\n\nLift the sanctions "
        "and let people eat.",
        "2024-08-01",
    )
    lift = events_at(result, "Lift")
    assert [e.type for e in lift] == ["REQUEST"]
    assert codes(lift[0].target) == ["USAGOV"]


def test_a_quoted_command_is_its_speakers(analyse_text):
    result = analyse_text('"Release the hostages now," Biden said.', "2023-11-20")
    release = events_at(result, "Release")
    assert [e.type for e in release] == ["REQUEST"]
    assert codes(release[0].source) == ["USAGOV"]


def test_words_to_the_reader_are_no_call(analyse_text):
    result = analyse_text(
        "Note that the army did not fire. Read more about the coup here. Click here to subscribe.",
        "2024-08-01",
    )
    assert [e for e in result.events if e.type == "REQUEST"] == []


def test_an_obligation_on_a_leader_calls_on_his_government(analyse_text):
    result = analyse_text(
        "Kenyan police officers arrived in Haiti on Tuesday.\n\nRuto should bring them home.",
        "2024-06-26",
    )
    bring = events_at(result, "bring")
    assert bring and bring[0].type == "REQUEST" and bring[0].modality.value == "asserted"
    assert codes(bring[0].target) == ["KENGOV"]


def test_an_obligation_reported_as_a_second_content_is_the_speakers_call(analyse_text):
    result = analyse_text(
        "Burhan told a television channel that he would not negotiate with the RSF and "
        "that its leader must surrender.",
        "2023-04-16",
    )
    surrender = events_at(result, "surrender")
    assert [e.type for e in surrender] == ["REQUEST"]
    assert codes(surrender[0].source) == ["SDNMIL"] and codes(surrender[0].target) == ["SDNREB"]
    negotiate = events_at(result, "negotiate")
    assert negotiate and negotiate[0].type == "REJECT"
