"""Clause-level coding: context (why), obligations as requests, announced acts as
AGREE/THREATEN/REJECT, recipients inside complements and at places, coordination."""

from __future__ import annotations

import pytest

from sitrep.ingest import split_page
from sitrep.models import Modality, Page
from sitrep.nlp import parse_document
from sitrep.where import find_places


def only(result, trigger):
    found = [e for e in result.events if e.trigger == trigger]
    assert found, [(e.trigger, e.type) for e in result.events]
    return found[0]


@pytest.fixture(scope="module")
def coded(resources):
    """The coder's own events for a text, before the pipeline merges tellings."""

    def run(text: str, date: str = "2020-01-11"):
        page = Page(doc_id="c", path="c.txt", text=text, date=date, content_hash="c")
        document = split_page(page)
        segments = parse_document(resources.nlp, document)
        places = find_places(segments, document.doc_id, resources.gazetteer)
        index = resources.resolver.resolve(segments, places, date)
        return resources.coder.code(
            document.doc_id, segments, index, places, lambda s, o: (date, "page", None)
        )

    return run


# -- context ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "trigger", "context"),
    [
        (
            "Turkey shelled Kurdish positions in response to the bombing in Ankara.",
            "shelled",
            "in response to the bombing in Ankara",
        ),
        (
            "Iraqi protesters marched against the government over the oil dispute.",
            "marched",
            "over the oil dispute",
        ),
        (
            "Colombia closed the border because Venezuelan troops had crossed it.",
            "closed",
            "because Venezuelan troops had crossed it",
        ),
        (
            "Qatar sent food to Gaza to help displaced families.",
            "sent",
            "to help displaced families",
        ),
        ("Iran condemned the United States for the sanctions.", "condemned", "for the sanctions"),
    ],
)
def test_context_is_the_purpose_or_cause_in_the_page_words(analyse_text, text, trigger, context):
    event = only(analyse_text(text), trigger)
    assert event.context == context
    assert context in event.sentence


def test_agreement_context_comes_from_its_content(analyse_text):
    result = analyse_text(
        "Hungarian and Romanian officials agreed that their countries should cooperate "
        "to help refugees return home."
    )
    assert only(result, "agreed").context == "to help refugees return home"


def test_no_context_when_the_sentence_gives_none(analyse_text):
    result = analyse_text("Iran condemned the United States on Friday after two days.")
    assert only(result, "condemned").context is None
    plain = analyse_text("The United Nations called for talks between Iraq and Turkey.")
    assert all(e.context is None for e in plain.events)


# -- obligations and announcements -------------------------------------------------------


def test_a_speaker_saying_someone_must_act_requests_it(analyse_text):
    result = analyse_text("Iraq said that Turkey must withdraw its troops from Bashiqa.")
    said = only(result, "said")
    assert (said.type, said.source[0].code, said.target[0].code) == ("REQUEST", "IRQ", "TUR")
    assert not [e for e in result.events if e.trigger == "withdraw"]
    has_to = analyse_text("Egypt insisted that Israel has to reopen the crossing.")
    assert only(has_to, "insisted").target[0].code == "ISR"


def test_an_actor_announcing_its_own_attack_threatens(analyse_text):
    result = analyse_text("Iran said it will attack U.S. bases if Washington strikes again.")
    attack = only(result, "attack")
    assert (attack.type, attack.mode, attack.modality) == (
        "THREATEN",
        "violence",
        Modality.ASSERTED,
    )
    assert attack.source[0].code == "IRN" and attack.target[0].code == "USA"


def test_an_actor_announcing_its_own_cooperation_agrees(analyse_text):
    result = analyse_text("Syria says it is willing to withdraw its troops from Lebanon.")
    withdraw = only(result, "withdraw")
    assert (withdraw.type, withdraw.source[0].code, withdraw.target[0].code) == (
        "AGREE",
        "SYR",
        "LBN",
    )


def test_an_actor_saying_it_will_not_cooperate_rejects(analyse_text):
    result = analyse_text("Syria said it would not accept the proposal of Turkey.")
    assert only(result, "accept").type == "REJECT"


def test_someone_else_saying_what_an_actor_will_do_is_a_report(analyse_text):
    result = analyse_text("The Iraqi government said that Iran will attack the tanker.")
    attack = only(result, "attack")
    assert attack.type == "ASSAULT"
    assert attack.modality == Modality.PREDICTED


# -- recipients ------------------------------------------------------------------------------


def test_a_threat_takes_its_recipient_from_the_threatened_act(analyse_text):
    result = analyse_text("Iran threatened to attack Iraq.")
    assert only(result, "threatened").target[0].code == "IRQ"


def test_a_place_the_act_is_directed_at_names_the_recipient(analyse_text):
    sent = only(analyse_text("Qatar sent food and medicine to Sudan."), "sent")
    assert [a.code for a in sent.target] == ["SDN"]
    visit = only(analyse_text("The Saudi king arrived in Amman for a state visit."), "arrived")
    assert (visit.type, [a.code for a in visit.target]) == ("CONSULT", ["JOR"])


def test_a_site_is_not_a_recipient(analyse_text):
    result = analyse_text("Iraqi police arrested five smugglers in Basra.")
    assert all(a.code != "IRQ" for a in only(result, "arrested").target)


# -- coordination --------------------------------------------------------------------------


def test_coordinated_verbs_and_nouns_each_give_an_event(coded):
    events = coded(
        "Iraqi police clashed with Mahdi Army fighters and conducted raids and arrests in Basra."
    )
    by_trigger = {e.trigger: e for e in events}
    assert by_trigger["clashed"].type == "ASSAULT"
    assert [a.code for a in by_trigger["clashed"].target] == ["IRQREB"]
    for noun in ("raids", "arrests"):
        assert by_trigger[noun].type == "COERCE"
        assert by_trigger[noun].source[0].code == "IRQCOP"


def test_coordinated_verbs_share_their_subject(coded):
    events = coded("Turkish troops crossed the border and attacked Kurdish fighters in Afrin.")
    attacked = next(e for e in events if e.trigger == "attacked")
    assert attacked.type == "ASSAULT" and attacked.source[0].code == "TURMIL"


def test_coordinated_content_of_an_agreement_is_not_coded_twice(coded):
    events = coded("Russia agreed to withdraw its troops and release the prisoners.")
    assert [e.type for e in events] == ["AGREE"]


def test_an_act_announced_with_an_unless_condition_is_a_threat(analyse_text, event_triples):
    found = event_triples(
        analyse_text(
            "Nigeria announced that it will withdraw its peacekeeping force from Chad unless "
            "the government arranged a ceasefire with the rebels."
        )
    )
    assert (("NGA",), "THREATEN", ("TCD",)) in found
    assert not any(t in ("AGREE", "RETREAT") and s == ("NGA",) for s, t, _ in found)


def test_an_act_announced_without_a_condition_stays_an_intent(analyse_text, event_triples):
    found = event_triples(analyse_text("Syria said it will withdraw its troops from Lebanon."))
    assert (("SYR",), "AGREE", ("LBN",)) in found


def test_an_order_to_ones_own_army_is_the_ordered_act(analyse_text, event_triples):
    found = event_triples(
        analyse_text("Ethiopia's prime minister ordered the army to attack the rebels in Tigray.")
    )
    assert (("ETHGOV",), "ASSAULT", ("ETHREB",)) in found
    assert not any(t == "REQUEST" for _, t, _ in found)


def test_an_order_to_foreign_troops_stays_a_request(analyse_text, event_triples):
    found = event_triples(
        analyse_text("The Burkinabe government ordered French troops to leave the country.")
    )
    assert (("BFAGOV",), "REQUEST", ("FRAMIL",)) in found


def test_a_documents_clause_is_its_authors_act(analyse_text, event_triples):
    found = event_triples(
        analyse_text(
            "The EU released a statement calling on Russia to withdraw. Egypt issued a "
            "statement condemning the attack on Rafah."
        )
    )
    assert (("IGO",), "REQUEST", ("RUS",)) in found
    assert any(s == ("EGY",) and t == "ACCUSE" for s, t, _ in found)
