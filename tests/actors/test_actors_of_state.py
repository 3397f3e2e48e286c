"""A title or sector noun with "of <country>" belongs to that country, not the page's."""

from __future__ import annotations


def _codes(analysed):
    return {m.text: m.actor.code for m in analysed.mentions if m.actor is not None}


def test_the_president_of_a_named_country_is_that_country_office(analyse_text):
    analysed = analyse_text(
        "Putin said on Friday that he would meet the president of Armenia in Moscow.",
        date="2000-01-05",
    )
    president = [m for m in analysed.mentions if m.text.endswith("president")]
    assert president and president[0].actor.code.startswith("ARM")
    assert not president[0].actor.code.startswith("RUS")


def test_the_army_of_a_named_country_is_its_military(analyse_text):
    codes = _codes(
        analyse_text(
            "Sudan's envoy flew to Sudan's border on Monday. The army of Chad said it had "
            "pushed the rebels back."
        )
    )
    assert codes.get("army") == "TCDMIL"


def test_officials_of_an_international_body_belong_to_it(analyse_text):
    analysed = analyse_text("Officials of the African Union met the rebel leaders on Monday.")
    codes = {m.text: m.actor.code for m in analysed.mentions if m.actor}
    assert codes["Officials"] == "IGO"


def test_soldiers_a_state_offers_to_send_are_its_own(analyse_text):
    result = analyse_text("Portugal offered to send soldiers to train Mozambican forces.")
    codes = [m.actor.code for m in result.mentions if m.text == "soldiers"]
    assert codes == ["PRTMIL"]


def test_police_sent_in_a_second_clause_are_the_planners_own(analyse_text):
    result = analyse_text("Germany plans to withdraw its troops and send police.")
    codes = [m.actor.code for m in result.mentions if m.text == "police"]
    assert codes == ["DEUCOP"]


def test_its_ambassador_recalled_from_a_capital_is_the_recallers(analyse_text):
    result = analyse_text("Pakistan recalled its ambassador from Tehran on Wednesday.")
    codes = [m.actor.code for m in result.mentions if m.text == "its ambassador"]
    assert codes == ["PAKGOV"]


def test_a_place_in_a_later_act_of_the_sentence_does_not_place_the_victims(analyse_text):
    result = analyse_text(
        "Pakistan said on Wednesday that Iranian missiles hit a village in Balochistan. "
        "Islamabad said two children were killed, recalled its ambassador from Tehran and "
        "suspended all visits."
    )
    codes = [m.actor.code for m in result.mentions if m.text == "children"]
    assert codes == ["PAKCVL"]
