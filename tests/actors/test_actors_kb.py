"""Tests for the actor knowledge base loader, validator and its built-in data."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.actors.kb import ActorBase, Relation, normalise_name
from sitrep.errors import DataFileError
from sitrep.models import ActorType


@pytest.fixture(scope="module")
def kb() -> ActorBase:
    return ActorBase.load()


def _ids(actors) -> list[str]:
    return [a.id for a in actors]


# ---------------------------------------------------------------------------------------
# normalise_name


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("Abdul-Mahdi", "abdul mahdi"),
        ("Abdul Mahdi", "ABDUL–MAHDI"),
        ("al-Sadr", "al Sadr"),
        ("Muqtadā al-Ṣadr", "muqtada al sadr"),
        ("U.S.", "US"),
        ("The Pentagon", "pentagon"),
        ("Sa’irun", "Sa'irun"),
        ("Erdoğan", "Erdogan"),
        ("Iraq's", "Iraq"),
        ("  Hashd   al-Shaabi ", "hashd al shaabi"),
    ],
)
def test_normalise_name_folds_spelling_variants(left: str, right: str) -> None:
    assert normalise_name(left) == normalise_name(right)


def test_normalise_name_keeps_distinct_names_apart() -> None:
    assert normalise_name("al-Sadr") != normalise_name("Sadr")
    assert normalise_name("The Hague") == "hague"
    assert normalise_name("the") == "the"


# ---------------------------------------------------------------------------------------
# built-in data


def test_builtin_base_loads_with_every_country(kb: ActorBase) -> None:
    states = [a for a in kb.actors.values() if a.type is ActorType.STATE]
    assert len(states) >= 249
    for iso3 in ("IRQ", "USA", "GBR", "PSE", "XKX", "MMR", "CIV"):
        info = kb.country(iso3)
        assert info is not None
        assert kb.find(info.actor_id).code == iso3
    stats = kb.stats()
    assert stats.actors > 1000
    assert stats.roles > 500
    assert stats.relations > 200
    assert kb.version.startswith("kb-") and len(kb.version) == 15


def test_every_builtin_role_code_extends_a_known_prefix(kb: ActorBase) -> None:
    prefixes = {info for info in (a.country for a in kb.actors.values()) if info}
    prefixes |= {"UNO", "EUR", "IGO", "NGO", "IMG"}
    for actor in kb.actors.values():
        for code in (actor.code, *(r.code for r in actor.roles)):
            assert code[:3] in prefixes, (actor.id, code)


@pytest.mark.parametrize(
    ("name", "actor_id"),
    [
        ("Moqtada al-Sadr", "moqtada_al_sadr"),
        ("Muqtada al Sadr", "moqtada_al_sadr"),
        ("Sadr", "moqtada_al_sadr"),
        ("Madhi Army", "mahdi_army"),
        ("Jaysh al-Mahdi", "mahdi_army"),
        ("U.S.", "usa"),
        ("US", "usa"),
        ("Abdul Mahdi", "adil_abdul_mahdi"),
        ("Hashd al-Shaabi", "popular_mobilization_forces"),
        ("Daesh", "isis"),
        ("Erdogan", "recep_tayyip_erdogan"),
        ("Zelenskyy", "volodymyr_zelensky"),
        ("Quds Force", "quds_force"),
        ("Burma", "mmr"),
        ("Ivory Coast", "civ"),
    ],
)
def test_lookup_finds_aliases_and_misspellings(kb: ActorBase, name: str, actor_id: str) -> None:
    assert actor_id in _ids(kb.lookup(name))


def test_acronyms_match_only_in_capitals(kb: ActorBase) -> None:
    assert kb.lookup("us") == []
    assert "isis" not in _ids(kb.lookup("Isis"))
    assert "isis" in _ids(kb.lookup("IS"))
    assert "esh" not in _ids(kb.lookup("Sadr"))


def test_ambiguous_surnames_are_short_names_only(kb: ActorBase) -> None:
    assert kb.lookup("Mahdi") == []
    assert kb.lookup("Bush") == []
    assert "adil_abdul_mahdi" in _ids(kb.short_name_lookup("Mahdi"))
    assert {"george_w_bush"} <= set(_ids(kb.short_name_lookup("Bush")))
    assert "bashar_al_assad" in _ids(kb.lookup("Assad"))
    assert "hafez_al_assad" not in _ids(kb.lookup("Assad"))
    assert "hafez_al_assad" in _ids(kb.short_name_lookup("Assad"))


def test_roles_give_dated_codes(kb: ActorBase) -> None:
    mahdi = kb.find("adil_abdul_mahdi")
    assert mahdi.code_on("2019-11-30") == "IRQGOV"
    assert mahdi.code_on("2015-03") == "IRQGOV"  # oil minister
    assert mahdi.code_on("2017-06-01") == "IRQPTY"  # between offices
    assert mahdi.code_on("2021-01-01") == "IRQPTY"


def test_trump_two_terms(kb: ActorBase) -> None:
    trump = kb.find("donald_trump")
    assert trump.code_on("2018-05-01") == "USAGOV"
    assert trump.code_on("2022-05-01") == "USAPTY"
    assert trump.code_on("2025-03-01") == "USAGOV"
    presidents = kb.title_nouns("2023-06-01")["president"]
    assert "joe_biden" in _ids(presidents)
    assert "donald_trump" not in _ids(presidents)


def test_title_nouns_follow_the_date(kb: ActorBase) -> None:
    def iraqi_pms(date: str) -> list[str]:
        return [a.id for a in kb.title_nouns(date)["prime minister"] if a.country == "IRQ"]

    assert iraqi_pms("2019-06-01") == ["adil_abdul_mahdi"]
    assert iraqi_pms("2010-01-01") == ["nouri_al_maliki"]
    assert iraqi_pms("2023-01-01") == ["mohammed_shia_al_sudani"]


def test_demonyms_and_capitals(kb: ActorBase) -> None:
    assert kb.country_by_demonym("Iraqi").iso3 == "IRQ"
    assert kb.country_by_demonym("Iraqis").iso3 == "IRQ"
    assert kb.country_by_demonym("British").iso3 == "GBR"
    assert kb.country_by_demonym("Britons").iso3 == "GBR"
    assert kb.country_by_demonym("Americans").iso3 == "USA"
    assert kb.country_by_demonym("polish") is None  # lower case: the verb, not Poland
    assert kb.country_by_demonym("Polish").iso3 == "POL"
    assert kb.country_by_capital("Baghdad").iso3 == "IRQ"
    assert kb.country_by_capital("Teheran").iso3 == "IRN"
    assert kb.country_by_capital("Kiev").iso3 == kb.country_by_capital("Kyiv").iso3 == "UKR"
    assert kb.country_by_capital("Washington").iso3 == "USA"
    assert kb.country_by_capital("Atlantis") is None


def test_sectors(kb: ActorBase) -> None:
    assert kb.sector_for("troops") == "MIL"
    assert kb.sector_for("Security Forces") == "MIL"
    assert kb.sector_for("police") == "COP"
    assert kb.sector_for("lawmakers") == "LEG"
    assert kb.sector_for("protesters") == "OPP"
    assert kb.sector_for("gunmen") == "REB"
    assert kb.sector_for("villagers") == "CVL"
    assert kb.sector_for("teapot") is None


def test_relations_are_dated(kb: ActorBase) -> None:
    on_2005 = kb.relations_of("mahdi_army", on="2005-01-01")
    assert Relation("moqtada_al_sadr", "leads", "mahdi_army", "2003-07", "2008-08") in on_2005
    assert all(r.predicate != "leads" for r in kb.relations_of("mahdi_army", on="2015-01-01"))
    gbr_eu = [r for r in kb.relations_of("gbr") if r.object == "eu"]
    assert gbr_eu
    assert any(r.object == "nato" for r in kb.relations_of("gbr", on="2021-01-01"))
    assert all(r.object != "eu" for r in kb.relations_of("gbr", on="2021-01-01"))


def test_aliases_iterable_covers_names(kb: ActorBase) -> None:
    pairs = set(kb.aliases)
    assert ("iraq", "irq") in pairs
    assert ("madhi army", "mahdi_army") in pairs
    assert any(e.case_sensitive and e.key == "us" for e in kb.alias_entries)


# ---------------------------------------------------------------------------------------
# user files

USER_FILE = """\
schema: 1
actors:
  - id: moqtada_al_sadr
    name: Moqtada al-Sadr
    type: person
    code: IRQPTY
    country: IRQ
    aliases: [Sayyid Moqtada]
  - id: test_militia
    name: Brigade of the Test
    type: armed_group
    code: IRQREB
    country: IRQ
    aliases: [Test Brigade]
    relations:
      - {predicate: backed_by, object: irgc, start: 2020}
"""


def test_user_file_overrides_and_extends(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(USER_FILE, encoding="utf-8")
    base = ActorBase.load([path])
    sadr = base.find("moqtada_al_sadr")
    assert sadr.code == "IRQPTY"
    assert "moqtada_al_sadr" in _ids(base.lookup("Sayyid Moqtada"))
    assert "moqtada_al_sadr" in _ids(base.lookup("Muqtada al Sadr"))  # built-in alias kept
    assert _ids(base.lookup("Test Brigade")) == ["test_militia"]
    assert base.relations_of("test_militia", on="2021")[0].object == "irgc"
    assert base.version != ActorBase.load().version


def test_user_folder_is_read(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(USER_FILE, encoding="utf-8")
    base = ActorBase.load([tmp_path])
    assert base.find("test_militia") is not None


def test_missing_user_path_is_reported(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="no such file"):
        ActorBase.load([tmp_path / "absent.yaml"])


# ---------------------------------------------------------------------------------------
# validation

GOOD_ENTRY = """\
  - id: some_party
    name: Some Party
    type: party
    code: IRQPTY
"""


MINI_BASE = """\
schema: 1
actors:
  - {id: irq, name: Iraq, type: state, code: IRQ, country: IRQ}
"""


def _load_user(tmp_path: Path, body: str) -> ActorBase:
    path = tmp_path / "bad.yaml"
    path.write_text("schema: 1\nactors:\n" + body, encoding="utf-8")
    return ActorBase.from_texts([("base.yaml", MINI_BASE)], None, [(str(path), path.read_text())])


@pytest.mark.parametrize(
    ("body", "entry", "field"),
    [
        (GOOD_ENTRY.replace("type: party", "type: dragon"), "some_party", "type"),
        (GOOD_ENTRY.replace("code: IRQPTY", "code: IRQPT"), "some_party", "code"),
        (GOOD_ENTRY.replace("code: IRQPTY", "code: irqgov"), "some_party", "code"),
        (GOOD_ENTRY.replace("    name: Some Party\n", ""), "some_party", "name"),
        (GOOD_ENTRY + GOOD_ENTRY, "some_party", "id"),
        (
            GOOD_ENTRY + "    roles:\n      - {code: IRQGOV, start: 2019-13-01}\n",
            "some_party",
            "roles[0].start",
        ),
        (
            GOOD_ENTRY + "    roles:\n      - {code: IRQGOV, start: last year}\n",
            "some_party",
            "roles[0].start",
        ),
        (
            GOOD_ENTRY + "    roles:\n      - {code: IRQGOV, start: 2020, end: 2019}\n",
            "some_party",
            "roles[0]",
        ),
        (GOOD_ENTRY + "    roles:\n      - {title: minister}\n", "some_party", "roles[0].code"),
        (
            GOOD_ENTRY + "    relations:\n      - {predicate: leads, object: nobody_here}\n",
            "some_party",
            "relations[0].object",
        ),
        (
            GOOD_ENTRY + "    relations:\n      - {predicate: loves, object: irq}\n",
            "some_party",
            "relations[0].predicate",
        ),
        (GOOD_ENTRY + "    alias: [Typo]\n", "some_party", "alias"),
        (
            GOOD_ENTRY.replace("code: IRQPTY", "code: IRQPTY\n    country: ZZZ"),
            "some_party",
            "country",
        ),
    ],
)
def test_validation_errors_name_file_entry_and_field(
    tmp_path: Path, body: str, entry: str, field: str
) -> None:
    with pytest.raises(DataFileError) as err:
        _load_user(tmp_path, body)
    message = str(err.value)
    assert "bad.yaml" in message
    assert f"entry {entry}" in message
    assert f"'{field}" in message or f"{field}" in message.split(":", 2)[-1]


def test_yaml_syntax_error_names_line(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match=r"bad\.yaml: YAML syntax error at line \d+"):
        _load_user(tmp_path, GOOD_ENTRY.replace("name: Some Party", "name: [Some Party"))


def test_wrong_schema_version_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "old.yaml"
    path.write_text("schema: 2\nactors: []\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="old.yaml.*schema"):
        ActorBase.load([path])


def test_duplicate_ids_across_builtin_files_are_rejected() -> None:
    text = "schema: 1\nactors:\n" + GOOD_ENTRY
    with pytest.raises(DataFileError, match="b.yaml, entry some_party.*a.yaml"):
        ActorBase.from_texts([("a.yaml", text), ("b.yaml", text)])


def test_demonym_on_two_countries_is_rejected() -> None:
    text = """\
schema: 1
actors:
  - {id: aaa, name: A, type: state, code: AAA, country: AAA, demonyms: [Ayish]}
  - {id: bbb, name: B, type: state, code: BBB, country: BBB, demonyms: [Ayish]}
"""
    with pytest.raises(DataFileError, match="entry bbb.*'demonyms'"):
        ActorBase.from_texts([("c.yaml", text)])


def test_sector_noun_in_two_sectors_is_rejected() -> None:
    sectors = "schema: 1\nsectors:\n  MIL: [troops]\n  COP: [troops]\n"
    with pytest.raises(DataFileError, match="s.yaml.*troops"):
        ActorBase.from_texts([], ("s.yaml", sectors))


def test_the_taliban_govern_from_their_interim_government_not_from_the_fall_of_kabul(
    kb: ActorBase,
) -> None:
    taliban = kb.find("taliban")
    assert taliban.code_on("2000-05-01") == "AFGGOV"
    assert taliban.code_on("2015-05-01") == "AFGREB"
    assert taliban.code_on("2021-08-26") == "AFGREB"  # Kabul held, no government formed
    assert taliban.code_on("2021-09-07") == "AFGGOV"
    assert kb.find("zabihullah_mujahid").code_on("2021-08-20") == "AFGREB"
