"""One sentence of our own per PLOVER type: the coder finds (source, type, target)."""

from __future__ import annotations

import pytest

CASES = [
    ("Turkey agreed with Russia on a new gas pipeline deal.", "TUR", "AGREE", "RUS"),
    ("Iranian officials met Iraqi leaders in Baghdad on Monday.", "IRNGOV", "CONSULT", "IRQGOV"),
    ("France praised Ukraine for its reforms.", "FRA", "SUPPORT", "UKR"),
    ("Israel said it would not accept the proposal of Turkey.", "ISR", "REJECT", "TUR"),
    ("Qatar sent food and medicine to Sudan.", "QAT", "AID", "SDN"),
    ("The European Union called on Turkey to release the journalists.", "IGO", "REQUEST", "TUR"),
    ("Iran condemned the United States for the sanctions.", "IRN", "ACCUSE", "USA"),
    ("Iraq rejected the demands of Turkey.", "IRQ", "REJECT", "TUR"),
    ("Iran threatened to attack Iraq.", "IRN", "THREATEN", "IRQ"),
    ("Iraqi students demonstrated against the Iraqi government.", "IRQCVL", "PROTEST", "IRQGOV"),
    ("The United States imposed sanctions on Iran.", "USA", "SANCTION", "IRN"),
    ("Turkey deployed troops to the Syrian border.", "TUR", "MOBILIZE", "SYR"),
    ("Iraqi police arrested five Iranian smugglers.", "IRQCOP", "COERCE", "IRN"),
    ("Israeli aircraft bombed Hamas positions.", "ISRMIL", "ASSAULT", "PSEREB"),
]


def triples(result):
    return {
        (source.code, event.type, target.code)
        for event in result.events
        for source in event.source
        for target in event.target
    }


@pytest.mark.parametrize(("text", "source", "type_", "target"), CASES)
def test_each_type_is_coded_with_its_actors(analyse_text, text, source, type_, target):
    result = analyse_text(text, date="2021-05-01")
    assert (source, type_, target) in triples(result), [
        (e.type, [a.code for a in e.source], [a.code for a in e.target]) for e in result.events
    ]


def test_concede_and_cooperate_and_retreat(analyse_text):
    concede = analyse_text("Hezbollah declared a ceasefire with Israel on Wednesday.")
    assert any(e.type == "CONCEDE" and e.source[0].code.startswith("LBN") for e in concede.events)
    cooperate = analyse_text("Jordan and Egypt signed a trade agreement with Iraq.")
    assert {e.type for e in cooperate.events} & {"COOPERATE", "AGREE"}
    retreat = analyse_text("Russian troops withdrew from Syria on Monday.")
    withdrew = [e for e in retreat.events if e.trigger == "withdrew"]
    assert withdrew and (withdrew[0].type, withdrew[0].mode) == ("RETREAT", "withdraw")
    assert withdrew[0].source[0].code == "RUSMIL"


def test_cooperate_is_joint_material_work(analyse_text):
    result = analyse_text("Iraq and Iran shared intelligence with each other on the militants.")
    assert any(e.type == "COOPERATE" for e in result.events), [
        (e.trigger, e.type) for e in result.events
    ]


def test_every_type_of_the_book_is_covered(resources):
    covered = {c[2] for c in CASES} | {"CONCEDE", "COOPERATE", "RETREAT"}
    assert covered == {t.name for t in resources.patterns.types}
