"""International bodies from actors/international_bodies.yaml, on sentences we wrote: UN
agencies and peace operations are UNO, other intergovernmental bodies and their missions
IGO, non-governmental organisations NGO; names that are ordinary words stay unmatched."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.actors.kb import ActorBase, normalise_name, parse_actor_file

ACTOR_FILE = (
    Path(__file__).resolve().parents[2]
    / "src"
    / "sitrep"
    / "data"
    / "actors"
    / "international_bodies.yaml"
)


@pytest.fixture(scope="module")
def kb() -> ActorBase:
    return ActorBase.load()


def _by_text(analysed):
    return {m.text: m.actor for m in analysed.mentions if m.actor is not None}


def _actor_of(analysed, text):
    mentions = _by_text(analysed)
    assert text in mentions, (text, sorted(mentions))
    return mentions[text]


# ---------------------------------------------------------------------------------------
# the file itself


def test_the_file_parses_under_the_schema_and_every_entry_has_an_international_code():
    entries = parse_actor_file(ACTOR_FILE.name, ACTOR_FILE.read_text("utf-8"))
    assert len(entries) >= 100
    for entry in entries:
        assert entry.actor.code[:3] in {"UNO", "IGO", "NGO"}, entry.actor.id


def test_no_name_in_the_file_names_another_actor_too(kb: ActorBase) -> None:
    new_ids = {e.actor.id for e in parse_actor_file(ACTOR_FILE.name, ACTOR_FILE.read_text("utf-8"))}
    owners: dict[tuple[str, bool], set[str]] = {}
    for entry in kb.alias_entries:
        owners.setdefault((entry.key, entry.case_sensitive), set()).add(entry.actor_id)
    shared = {key: ids for key, ids in owners.items() if ids & new_ids and len(ids) > 1}
    assert not shared


def test_un_bodies_are_part_of_the_un_and_missions_are_dated(kb: ActorBase) -> None:
    for actor_id in ("ilo", "fao", "unama", "unamid", "untso"):
        assert kb.find(actor_id).code == "UNO"
        assert any(r.predicate == "part_of" and r.object == "un" for r in kb.relations_of(actor_id))
    assert any(r.object == "un" for r in kb.relations_of("unamsil", on="2003-01-01"))
    assert all(r.object != "un" for r in kb.relations_of("unamsil", on="2010-01-01"))
    assert any(r.object == "nato" for r in kb.relations_of("sfor", on="2000-06-01"))
    assert any(r.object == "african_union" for r in kb.relations_of("amis", on="2006-01-01"))


@pytest.mark.parametrize(
    ("name", "actor_id"),
    [
        ("International Labor Organization", "ilo"),
        ("Doctors of the World", "medecins_du_monde"),
        ("Medecins du Monde", "medecins_du_monde"),
        ("Department of Peacekeeping Operations", "un_department_of_peace_operations"),
        ("Organisation for Economic Co-operation and Development", "oecd"),
        ("Commonwealth of Independent States", "cis"),
    ],
)
def test_lookup_finds_full_names_and_spellings(kb: ActorBase, name: str, actor_id: str) -> None:
    assert actor_id in [a.id for a in kb.lookup(name)]


def test_risky_bare_names_are_left_out(kb: ActorBase) -> None:
    for name in ("Article 19", "CARE", "Care", "PEN", "Stabilization Force", "Quartet"):
        assert kb.lookup(name) == [], name
    assert normalise_name("Commonwealth") not in dict(kb.aliases)


# ---------------------------------------------------------------------------------------
# names on a page


def test_a_un_agency_acronym_in_a_sentence_is_uno(analyse_text):
    actor = _actor_of(analyse_text("The ILO called on Israel to ease restrictions."), "ILO")
    assert actor.id == "ilo"
    assert actor.code == "UNO"


def test_the_us_spelling_of_the_labour_office_is_the_ilo(analyse_text):
    result = analyse_text("The International Labor Office said unemployment in Gaza had soared.")
    actor = _actor_of(result, "The International Labor Office")
    assert actor.id == "ilo"
    assert actor.code == "UNO"


@pytest.mark.parametrize(
    ("text", "mention", "actor_id", "code", "date"),
    [
        (
            "UNAMID peacekeepers were ambushed near El Fasher.",
            "UNAMID peacekeepers",
            "unamid",
            "UNO",
            "2009-05-01",
        ),
        (
            "UNPROFOR commanders in Sarajevo protested the shelling.",
            "UNPROFOR commanders",
            "unprofor",
            "UNO",
            "1994-05-01",
        ),
        (
            "SFOR troops arrested a war crimes suspect near Prijedor.",
            "SFOR troops",
            "sfor",
            "IGOMIL",
            "1999-05-01",
        ),
        (
            "MINURSO said it had recorded new violations of the ceasefire.",
            "MINURSO",
            "minurso",
            "UNO",
            "2021-01-11",
        ),
    ],
)
def test_a_peace_operation_resolves_to_its_code(analyse_text, text, mention, actor_id, code, date):
    actor = _actor_of(analyse_text(text, date=date), mention)
    assert actor.id == actor_id
    assert actor.code == code


@pytest.mark.parametrize(
    ("text", "mention", "actor_id", "code"),
    [
        (
            "The Carter Center said the election was not credible.",
            "The Carter Center",
            "carter_center",
            "NGO",
        ),
        ("Freedom House downgraded India's rating.", "Freedom House", "freedom_house", "NGO"),
        (
            "Caritas said it had delivered food to Aleppo.",
            "Caritas",
            "caritas_internationalis",
            "NGO",
        ),
        (
            "CARE International said two of its staff were killed.",
            "CARE International",
            "care_international",
            "NGO",
        ),
    ],
)
def test_an_ngo_resolves_to_ngo(analyse_text, text, mention, actor_id, code):
    actor = _actor_of(analyse_text(text), mention)
    assert actor.id == actor_id
    assert actor.code == code


def test_regional_bodies_are_igo(analyse_text):
    mentions = _by_text(
        analyse_text(
            "The East African Community sent troops to Goma. "
            "The European Court of Human Rights ruled against Russia."
        )
    )
    assert mentions["The East African Community"].code == "IGO"
    assert mentions["The European Court of Human Rights"].code == "IGOJUD"


def test_an_article_of_a_constitution_is_not_the_free_speech_group(analyse_text):
    mentions = _by_text(analyse_text("Article 19 of the constitution guarantees free speech."))
    assert all(actor.id != "article_19" for actor in mentions.values())


def test_the_warsaw_pact_is_not_the_polish_capital(analyse_text):
    actor = _actor_of(
        analyse_text("The Warsaw Pact held exercises near the border.", date="1985-06-01"),
        "The Warsaw Pact",
    )
    assert actor.id == "warsaw_pact"
    assert actor.code == "IGOMIL"


def test_the_great_lakes_conference_is_an_intergovernmental_body(analyse_text):
    result = analyse_text(
        "Leaders of the International Conference on the Great Lakes Region met in Kampala.",
        "2012-11-24",
    )
    codes = {m.actor.code for m in result.mentions if m.actor is not None}
    assert "IGO" in codes
