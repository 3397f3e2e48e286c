"""Tests for the regional actor files added beyond the Middle East: the Horn of Africa,
Afghanistan and Pakistan, Libya, the Caucasus, the Great Lakes, West Africa, Asia, the
Americas and Europe."""

from __future__ import annotations

from importlib import resources

import pytest

from sitrep.actors.kb import ActorBase, parse_actor_file

REGION_FILES = (
    "horn_of_africa.yaml",
    "afpak.yaml",
    "libya.yaml",
    "caucasus.yaml",
    "great_lakes.yaml",
    "west_africa.yaml",
    "asia.yaml",
    "americas.yaml",
    "europe.yaml",
)


@pytest.fixture(scope="module")
def kb() -> ActorBase:
    return ActorBase.load()


def _ids(actors) -> list[str]:
    return [a.id for a in actors]


def _first(kb: ActorBase, name: str) -> str:
    found = kb.lookup(name)
    assert found, f"no actor for {name!r}"
    return found[0].id


@pytest.mark.parametrize("filename", REGION_FILES)
def test_region_file_parses_and_every_entry_is_loaded(kb: ActorBase, filename: str) -> None:
    path = resources.files("sitrep").joinpath("data", "actors", filename)
    entries = parse_actor_file(filename, path.read_text("utf-8"))
    assert len(entries) >= 20
    for entry in entries:
        assert kb.find(entry.actor.id) == entry.actor
        country = entry.actor.country
        if country:
            assert kb.country(country) is not None, (entry.actor.id, country)


@pytest.mark.parametrize(
    ("name", "actor_id"),
    [
        ("TPLF", "tplf"),
        ("Tigray People's Liberation Front", "tplf"),
        ("ENDF", "endf"),
        ("Isaias Afewerki", "isaias_afwerki"),
        ("al-Shabab", "al_shabaab"),
        ("Farmajo", "farmaajo"),
        ("Taleban", "taliban"),
        ("Mullah Baradar", "abdul_ghani_baradar"),
        ("Haibatullah Akhundzada", "hibatullah_akhundzada"),
        ("ISIS-K", "isis_k"),
        ("Pakistani Taliban", "ttp"),
        ("ISI", "isi"),
        ("Haftar", "khalifa_haftar"),
        ("Khalifa Hifter", "khalifa_haftar"),
        ("Moammar Gadhafi", "muammar_gaddafi"),
        ("Fayez al-Serraj", "fayez_al_sarraj"),
        ("Pashinyan", "nikol_pashinyan"),
        ("Nikol Pashinian", "nikol_pashinyan"),
        ("Ilham Aliyev", "ilham_aliyev"),
        ("Georgian Dream", "georgian_dream"),
        ("M23", "m23"),
        ("FARDC", "fardc"),
        ("Kagame", "paul_kagame"),
        ("Boko Haram", "boko_haram"),
        ("Bola Ahmed Tinubu", "bola_tinubu"),
        ("Kim Jong-un", "kim_jong_un"),
        ("Kim Jong Un", "kim_jong_un"),
        ("Tamil Tigers", "ltte"),
        ("Maduro", "nicolas_maduro"),
        ("Nicolas Maduro", "nicolas_maduro"),
        ("CJNG", "cjng"),
        ("El Chapo", "joaquin_guzman"),
        ("Lula", "lula"),
        ("von der Leyen", "ursula_von_der_leyen"),
        ("Vucic", "aleksandar_vucic"),
        ("Lukashenka", "alexander_lukashenko"),
        ("Orban", "viktor_orban"),
    ],
)
def test_lookup_finds_regional_actors(kb: ActorBase, name: str, actor_id: str) -> None:
    assert _first(kb, name) == actor_id


def test_dated_codes_follow_roles(kb: ActorBase) -> None:
    assert kb.find("abiy_ahmed").code_on("2020-11-29") == "ETHGOV"
    tplf = kb.find("tplf")
    assert tplf.code_on("2021-06-01") == "ETHREB"
    assert tplf.code_on("2017-06-01") == "ETHPTY"
    taliban = kb.find("taliban")
    assert taliban.code_on("1999-01-01") == "AFGGOV"
    assert taliban.code_on("2010-01-01") == "AFGREB"
    assert taliban.code_on("2022-01-01") == "AFGGOV"
    gaddafi_forces = kb.find("gaddafi_forces")
    assert gaddafi_forces.code_on("2011-03-20") == "LBYMIL"
    assert gaddafi_forces.code_on("2011-10-01") == "LBYREB"
    assert kb.find("ntc").code_on("2011-04-01") == "LBYREB"
    assert kb.find("ntc").code_on("2012-01-01") == "LBYGOV"
    assert kb.find("ashraf_ghani").code_on("2022-01-01") == "AFGELI"
    maduro = kb.find("nicolas_maduro")
    assert maduro.code_on("2020-01-01") == "VENGOV"
    assert maduro.code_on("2026-03-01") == "VENELI"
    tusk = kb.find("donald_tusk")
    assert tusk.code_on("2016-01-01") == "IGO"
    assert tusk.code_on("2024-06-01") == "POLGOV"


def test_title_nouns_pick_the_office_holder_of_the_date(kb: ActorBase) -> None:
    def holders(noun: str, date: str, country: str) -> list[str]:
        return [a.id for a in kb.title_nouns(date).get(noun, []) if a.country == country]

    assert holders("prime minister", "2020-01-01", "PAK") == ["imran_khan"]
    assert holders("prime minister", "2023-01-01", "PAK") == ["shehbaz_sharif"]
    assert holders("chancellor", "2010-01-01", "DEU") == ["angela_merkel"]
    assert holders("president", "2020-06-01", "KOR") == ["moon_jae_in"]
    nato_chiefs = [a.id for a in kb.title_nouns("2020-01-01")["nato secretary general"]]
    assert nato_chiefs == ["jens_stoltenberg"]


def test_ambiguous_family_names_are_short_names(kb: ActorBase) -> None:
    assert "joseph_kabila" in _ids(kb.lookup("Kabila"))
    assert "laurent_desire_kabila" not in _ids(kb.lookup("Kabila"))
    assert "laurent_desire_kabila" in _ids(kb.short_name_lookup("Kabila"))
    assert kb.lookup("Sharif") == []
    assert {"nawaz_sharif", "shehbaz_sharif"} <= set(_ids(kb.short_name_lookup("Sharif")))
    assert "ilham_aliyev" in _ids(kb.lookup("Aliyev"))
    assert "heydar_aliyev" in _ids(kb.short_name_lookup("Aliyev"))


def test_bare_group_names_keep_their_best_known_owner(kb: ActorBase) -> None:
    # Mozambique's insurgents are called "al-Shabaab" locally, but the bare name is Somalia's.
    assert _ids(kb.lookup("al-Shabaab")) == ["al_shabaab"]
    assert "aswj_mozambique" in _ids(kb.lookup("al-Shabaab in Mozambique"))
    assert "aswj_mozambique" not in _ids(kb.lookup("Ansar al-Sunna"))
    assert "verkhovna_rada" in _ids(kb.lookup("Rada"))
    assert "rada_force" not in _ids(kb.lookup("Rada"))


def test_regional_relations(kb: ActorBase) -> None:
    def objects(subject: str, predicate: str, on: str) -> set[str]:
        return {
            r.object
            for r in kb.relations_of(subject, on=on)
            if r.subject == subject and r.predicate == predicate
        }

    assert "al_qaeda" in objects("al_shabaab", "part_of", "2015-01-01")
    assert "al_qaeda" not in objects("al_shabaab", "part_of", "2009-01-01")
    assert {"wagner_group", "are"} <= objects("libyan_national_army", "backed_by", "2020-01-01")
    assert "rwanda_government" in objects("m23", "backed_by", "2024-01-01")
    assert "isis" in objects("isis_k", "part_of", "2021-08-26")
    assert "taliban" in objects("hibatullah_akhundzada", "leads", "2023-01-01")
    assert "taliban" not in objects("hibatullah_akhundzada", "leads", "2015-01-01")
    assert "boko_haram" in objects("mohammed_yusuf", "leads", "2008-01-01")


def test_somaliland_is_its_breakaway_authorities_not_somalia(analyse_text, event_triples):
    result = analyse_text(
        "In January, Ethiopia signed a memorandum of understanding with Somaliland.",
        "2025-02-20",
    )
    assert ((("ETH",), "AGREE", ("SOMREB",))) in event_triples(result)


def test_crimeas_authorities_are_separatists_before_annexation_and_russian_after(
    analyse_text,
):
    for date, code in (("2014-03-18", "UKRREB"), ("2023-05-01", "RUSGOV")):
        result = analyse_text("Crimean authorities said a drone had hit a fuel depot.", date)
        codes = {m.text: m.actor.code for m in result.mentions}
        assert codes["Crimean authorities"] == code, (date, codes)
