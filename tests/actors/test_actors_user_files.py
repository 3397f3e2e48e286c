"""User actor files: extending the built-in base, overriding entries, and the precedence."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.actors.kb import ActorBase
from sitrep.errors import DataFileError

BASE = """\
schema: 1
actors:
  - {id: irq, name: Iraq, type: state, code: IRQ, country: IRQ}
  - id: some_cleric
    name: Sayyid Example al-Testi
    type: person
    code: IRQREL
    country: IRQ
    aliases: [Example al-Testi, al-Testi]
    roles:
      - {code: IRQGOV, title: Minister of Examples, start: 2010, end: 2012}
"""


def _base(*user: str) -> ActorBase:
    files = [(f"user{i}.yaml", "schema: 1\nactors:\n" + text) for i, text in enumerate(user)]
    return ActorBase.from_texts([("base.yaml", BASE)], None, files)


def test_a_new_id_extends_the_base():
    kb = _base(
        "  - id: new_brigade\n    name: Brigade of the Valley\n    type: armed_group\n"
        "    code: IRQREB\n    country: IRQ\n    aliases: [Valley Brigade]\n"
    )
    assert [a.id for a in kb.lookup("Valley Brigade")] == ["new_brigade"]
    assert kb.find("some_cleric") is not None


def test_an_override_adds_aliases_and_roles_and_keeps_the_rest():
    kb = _base(
        "  - id: some_cleric\n    aliases: [Ixample al-Testy]\n    roles:\n"
        "      - {code: IRQLEG, title: Member of parliament, start: 2018}\n"
    )
    cleric = kb.find("some_cleric")
    assert cleric.name == "Sayyid Example al-Testi" and cleric.code == "IRQREL"
    assert [a.id for a in kb.lookup("Ixample al-Testy")] == ["some_cleric"]
    assert [a.id for a in kb.lookup("al-Testi")] == ["some_cleric"]  # built-in alias kept
    assert cleric.code_on("2011-06-01") == "IRQGOV"
    assert cleric.code_on("2019-06-01") == "IRQLEG"
    assert cleric.code_on("2015-06-01") == "IRQREL"


def test_an_override_replaces_the_fields_it_gives():
    kb = _base("  - id: some_cleric\n    name: Example al-Testi\n    code: IRQPTY\n")
    cleric = kb.find("some_cleric")
    assert cleric.name == "Example al-Testi" and cleric.code == "IRQPTY"
    # the old canonical name still finds the actor
    assert [a.id for a in kb.lookup("Sayyid Example al-Testi")] == ["some_cleric"]


def test_replace_true_replaces_the_whole_entry():
    kb = _base(
        "  - id: some_cleric\n    replace: true\n    name: Example al-Testi\n"
        "    type: person\n    code: IRQPTY\n    country: IRQ\n"
    )
    cleric = kb.find("some_cleric")
    assert cleric.roles == () and cleric.aliases == ()
    assert kb.lookup("al-Testi") == []


def test_later_user_files_win():
    kb = _base(
        "  - id: some_cleric\n    code: IRQPTY\n",
        "  - id: some_cleric\n    code: IRQOPP\n",
    )
    assert kb.find("some_cleric").code == "IRQOPP"


def test_a_new_entry_still_needs_its_required_fields():
    with pytest.raises(DataFileError, match=r"user0\.yaml, entry lone_actor: missing .*'name'"):
        _base("  - id: lone_actor\n    type: person\n    code: IRQ\n")


def test_replace_must_be_a_boolean():
    with pytest.raises(DataFileError, match="'replace' must be true or false"):
        _base("  - id: some_cleric\n    replace: yes please\n")


def test_override_of_a_builtin_actor_from_disk(tmp_path: Path):
    path = tmp_path / "mine.yaml"
    path.write_text(
        "schema: 1\nactors:\n  - id: moqtada_al_sadr\n    aliases: [Muqtadaa al-Sadr]\n",
        encoding="utf-8",
    )
    kb = ActorBase.load([path])
    sadr = kb.find("moqtada_al_sadr")
    assert [a.id for a in kb.lookup("Muqtadaa al-Sadr")] == ["moqtada_al_sadr"]
    assert sadr.name == ActorBase.load().find("moqtada_al_sadr").name
    assert kb.stats().aliases == ActorBase.load().stats().aliases + 1
