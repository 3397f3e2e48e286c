"""Blocs of states, peoples, nationality plurals and the country of bare sector nouns,
each on our own sentences."""

from __future__ import annotations

import pytest

from sitrep.actors.collectives import Collectives
from sitrep.errors import DataFileError
from sitrep.ingest import split_page
from sitrep.models import Page
from sitrep.nlp import parse_document
from sitrep.where import find_places


@pytest.fixture(scope="module")
def codes(resources):
    def run(text: str, date: str = "2019-10-10") -> dict[str, set[str]]:
        page = Page(doc_id="c", path="c.txt", text=text, date=date, content_hash="c")
        document = split_page(page)
        segments = parse_document(resources.nlp, document)
        places = find_places(segments, "c", resources.gazetteer)
        index = resources.resolver.resolve(segments, places, date)
        found: dict[str, set[str]] = {}
        for m in index.to_mentions("c", date):
            found.setdefault(m.text, set()).add(m.actor.code)
        return found

    return run


def test_bloc_of_states_is_igo(codes):
    found = codes(
        "The Canadian foreign minister met her Western counterparts in Ottawa. "
        "West African leaders demanded new elections, and Gulf states pledged money."
    )
    assert found.get("West African leaders") == {"IGO"}
    assert found.get("Gulf states") == {"IGO"}


def test_region_with_other_sector_takes_region_code(codes):
    found = codes("Several European companies left the Chilean market after the vote.")
    assert found.get("European companies") == {"EURBUS"}


def test_the_west_is_igo(codes):
    found = codes("The Venezuelan president accused the West of plotting against him.")
    assert found.get("West") == {"IGO"}


def test_people_takes_country_of_its_armed_group_on_page(codes):
    found = codes(
        "The PKK ambushed a patrol near Hakkari. "
        "Officials in Ankara blamed Kurdish fighters for the deaths."
    )
    assert found.get("Kurdish fighters") == {"TURREB"}


def test_people_as_noun_are_civilians_of_their_country(codes):
    found = codes("Bangladeshi officials said more Rohingya had crossed the border this week.")
    assert found.get("Rohingya") == {"MMRCVL"}


def test_definite_nationality_in_fighting_is_the_army(codes):
    found = codes("Near the front the Armenians opened fire on a patrol with artillery.")
    assert found.get("Armenians") == {"ARMMIL"}


def test_government_takes_country_of_institution_in_sentence(codes):
    found = codes(
        "Venezuela and Colombia traded accusations all week. "
        "Colombia's senate then asked the government to close the border crossings. "
        "Venezuela denied everything."
    )
    assert "COLGOV" in found.get("government", set())


def test_collectives_file_is_validated():
    with pytest.raises(DataFileError, match="countries"):
        Collectives.from_text("x.yaml", "schema: 1\nethnic:\n  - {words: [Foo]}\n")
    with pytest.raises(DataFileError, match="schema"):
        Collectives.from_text("x.yaml", "ethnic: []\n")


def test_builtin_collectives_load():
    collectives = Collectives.load()
    assert collectives.bloc("Western").code == "IGO"
    assert "UKR" in collectives.people("Crimean Tatars").countries


def test_a_peoples_troops_are_its_countrys_rebels_not_an_army(analyse_text):
    result = analyse_text("Kurdish troops attacked the village on Monday.")
    codes = [m.actor.code for m in result.mentions if m.text == "Kurdish troops"]
    assert codes and codes[0].endswith("REB")


def test_a_peoples_forces_are_its_armed_group_named_before(analyse_text):
    result = analyse_text(
        "The SDF said on Monday that Kurdish forces had pushed back the attack in Syria."
    )
    codes = [m.actor.code for m in result.mentions if m.text == "Kurdish forces"]
    assert codes == ["SYRREB"]


def test_jihadists_with_no_group_named_are_a_transnational_armed_group(analyse_text):
    result = analyse_text("Jihadist fighters attacked the town of Barsalogho in Burkina Faso.")
    codes = [m.actor.code for m in result.mentions if "fighters" in m.text]
    assert codes == ["IMGREB"]


def test_a_peoples_forces_are_of_the_country_their_own_phrase_places_them_in(analyse_text):
    result = analyse_text("Turkish warplanes struck U.S.-backed Kurdish forces in northern Syria.")
    codes = [m.actor.code for m in result.mentions if "Kurdish forces" in m.text]
    assert codes == ["SYRREB"]


def test_a_faith_community_is_of_the_country_the_page_names(codes):
    found = codes(
        "Mobs attacked the homes and temples of Hindus in several districts of Bangladesh. "
        "Gunmen killed 12 Christians in Plateau state, Nigerian police said.",
        "2024-08-09",
    )
    assert found.get("Hindus") == {"BGDCVL"}
    assert found.get("Christians") == {"NGACVL"}


def test_a_faith_word_before_a_force_is_not_a_people(codes):
    found = codes("Shiite militias attacked the town in Iraq.", "2019-03-15")
    assert not any(code.endswith("CVL") for code in found.get("Shiite militias", set()))


def test_joining_forces_names_no_armed_forces_and_the_coalition_is_the_gangs(codes):
    found = codes(
        "In late February the gangs joined forces in a coalition they call Viv Ansanm. "
        "Jimmy Cherizier, who speaks for the coalition, said his men will fight.",
        "2024-06-26",
    )
    assert "forces" not in found
    assert found.get("coalition") == {"HTIREB"}


def test_a_bloc_named_by_its_region_is_an_organisation_of_states(analyse_text):
    result = analyse_text("The West African bloc ECOWAS threatened military intervention.")
    codes = {m.text: m.actor.code for m in result.mentions if m.actor}
    assert codes.get("West African bloc") == "IGO"
    # a people's bloc in a parliament stays a party
    result = analyse_text("The Kurdish bloc walked out of parliament in Baghdad.")
    codes = {m.text: m.actor.code for m in result.mentions if m.actor}
    assert codes.get("Kurdish bloc") == "IRQPTY"
