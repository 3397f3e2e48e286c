"""CLI: ingest (with a fake pipeline), export, events, actors, documents, help and exit codes.

The real pipeline is replaced by a tiny fake: each line of a page is ``<Src> <verb> <Tgt>.``
(a line starting ``Comment:`` is a reader comment), so the tests control every record.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import sys
import types
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from sitrep.cli import cli, main
from sitrep.errors import EmptyInputError, InputError, ModelNotFoundError
from sitrep.ingest.limits import ReadLimits
from sitrep.models import (
    Actor,
    ActorRef,
    ActorType,
    AnalysedDocument,
    Document,
    Event,
    Mention,
    Modality,
    Page,
    Segment,
    SegmentKind,
)

KNOWN = {
    "Iran": Actor("iran", "Iran", ActorType.STATE, "IRN", "IRN"),
    "Iraq": Actor("iraq", "Iraq", ActorType.STATE, "IRQ", "IRQ"),
    "Turkey": Actor("turkey", "Turkey", ActorType.STATE, "TUR", "TUR"),
}
VERBS = {"attacked": "ASSAULT", "met": "CONSULT", "accused": "ACCUSE"}


def actor_for(name: str) -> Actor:
    if name in KNOWN:
        return KNOWN[name]
    return Actor(f"unknown:{name.lower()}", name, ActorType.GROUP, "UNK", known=False)


def fake_analyse(page: Page, resources: object) -> AnalysedDocument:
    assert resources == "fake-resources"
    text = page.text or ""
    if "UNREADABLE" in text:
        raise EmptyInputError(page.path, "nothing left after removing boilerplate")
    segments, mentions, events, actors = [], [], [], {}
    pos = 0
    for n, line in enumerate(text.split("\n")):
        start, end = pos, pos + len(line)
        pos = end + 1
        if not line.strip():
            continue
        kind = SegmentKind.COMMENT if line.startswith("Comment:") else SegmentKind.BODY
        segments.append(Segment(start, end, kind))
        words = line.removeprefix("Comment:").strip().rstrip(".").split()
        if len(words) != 3 or words[1] not in VERBS:
            continue
        refs = []
        for word in (words[0], words[2]):
            actor = actor_for(word)
            actors[actor.id] = actor
            w_start = text.index(word, start)
            ref = ActorRef(actor.id, actor.name, actor.code, word)
            refs.append(ref)
            mentions.append(
                Mention(page.doc_id, w_start, w_start + len(word), word, kind, ref, "GPE")
            )
        t_start = text.index(words[1], start)
        events.append(
            Event(
                event_id=f"{page.doc_id}:{n}",
                doc_id=page.doc_id,
                type=VERBS[words[1]],
                mode=None,
                source=(refs[0],),
                target=(refs[1],),
                date=page.date,
                location=None,
                modality=Modality.ASSERTED,
                segment=kind,
                sentence=line,
                start=start,
                end=end,
                trigger=words[1],
                trigger_start=t_start,
                trigger_end=t_start + len(words[1]),
                confidence=0.9,
            )
        )
    document = Document(
        doc_id=page.doc_id,
        path=page.path,
        text=text,
        segments=tuple(segments),
        content_hash=page.content_hash,
        title=page.title,
        date=page.date,
        date_source="metadata" if page.date else None,
    )
    return AnalysedDocument(
        document=document,
        mentions=tuple(mentions),
        events=tuple(events),
        actors=tuple(actors.values()),
    )


def fake_read_pages(paths, limits=None):
    for raw in paths:
        path = Path(raw)
        files = sorted(path.iterdir()) if path.is_dir() else [path]
        for file in files:
            if not file.exists():
                yield InputError(str(file), "no such file")
                continue
            text = file.read_text(encoding="utf-8")
            if not text.strip():
                yield EmptyInputError(str(file), "the file is empty")
                continue
            yield Page(
                doc_id=file.stem,
                path=str(file),
                text=text,
                title=f"Page {file.stem}",
                date="2024-05-0" + str(len(file.stem) % 9 + 1),
                content_hash=hashlib.sha256(text.encode()).hexdigest(),
            )


class Calls:
    def __init__(self) -> None:
        self.analyse = 0
        self.load = 0
        self.actor_paths: list[str] = []


@pytest.fixture
def fakes(monkeypatch):
    """Replace sitrep.pipeline and sitrep.ingest.read_pages with the fakes above."""
    calls = Calls()

    def load_resources(actor_paths=(), gazetteer_paths=(), pattern_paths=()):
        calls.load += 1
        calls.actor_paths = [str(p) for p in actor_paths]
        return "fake-resources"

    def analyse(page, resources):
        calls.analyse += 1
        return fake_analyse(page, resources)

    pipeline = types.ModuleType("sitrep.pipeline")
    pipeline.load_resources = load_resources
    pipeline.analyse = analyse
    ingest = types.ModuleType("sitrep.ingest")
    ingest.read_pages = fake_read_pages
    ingest.ReadLimits = ReadLimits
    monkeypatch.setitem(sys.modules, "sitrep.pipeline", pipeline)
    monkeypatch.setitem(sys.modules, "sitrep.ingest", ingest)
    monkeypatch.delenv("SITREP_DB", raising=False)
    return calls


@pytest.fixture
def pages(tmp_path):
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "alpha.txt").write_text("Iran attacked Iraq.\nComment: Turkey accused Iran.\n")
    (folder / "beta.txt").write_text("Iraq met Turkey.\nMilitiamen attacked Iraq.\n")
    (folder / "empty.txt").write_text("   \n")
    return folder


def run(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(cli, list(args), env=env)


@pytest.fixture
def db(tmp_path, fakes, pages):
    path = str(tmp_path / "t.db")
    result = run("ingest", "--db", path, str(pages))
    assert result.exit_code == 0, result.output
    return path


# -- help ---------------------------------------------------------------------------------


def test_every_command_has_help_with_an_example():
    group_help = run("--help")
    assert group_help.exit_code == 0
    assert "Example:" in group_help.stdout
    assert cli.commands, "the group has no commands"
    for name, command in cli.commands.items():
        assert command.help and command.help.strip(), f"{name} has no help text"
        result = run(name, "--help")
        assert result.exit_code == 0, name
        assert "Example:" in result.stdout, f"sitrep {name} --help has no example"
        example = result.stdout.split("Example:", 1)[1].splitlines()[0]
        assert f"sitrep {name}" in example, f"the example of {name} does not run {name}"
        for param in command.params:
            if isinstance(param, click.Option):
                assert param.help, f"option {param.name} of {name} has no help"


def test_main_entry_point_runs(capsys):
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert "sitrep" in capsys.readouterr().out


# -- ingest -------------------------------------------------------------------------------


def test_ingest_stores_good_pages_and_reports_bad_ones(tmp_path, fakes, pages):
    path = str(tmp_path / "t.db")
    result = run("ingest", "--db", path, str(pages))
    assert result.exit_code == 0, result.output
    empty = str(pages / "empty.txt")
    assert f"error: {empty}: the file is empty" in result.stderr.splitlines()
    assert "2 pages read: 2 inserted, 0 replaced, 0 unchanged, 1 failed" in result.stdout
    assert "stored 4 events (told 4 times), 8 mentions, 0 places" in result.stdout
    assert "sitrep events --db" in result.stdout
    assert "Traceback" not in result.output
    from sitrep.store import Filters, Store

    with Store.open(path) as store:
        assert store.count("documents") == 2
        assert store.count("events", Filters(include_comments=True)) == 4
        assert [f.path for f in store.failures()] == [empty]


def test_reingest_skips_unchanged_pages_without_analysing(tmp_path, fakes, pages):
    path = str(tmp_path / "t.db")
    run("ingest", "--db", path, str(pages))
    assert fakes.analyse == 2
    again = run("ingest", "--db", path, str(pages))
    assert again.exit_code == 0
    assert fakes.analyse == 2 and fakes.load == 1  # nothing analysed, nothing loaded
    assert "2 unchanged" in again.stdout
    (pages / "beta.txt").write_text("Iraq met Iran.\n")
    changed = run("ingest", "--db", path, "--quiet", str(pages))
    assert changed.exit_code == 0
    assert changed.stdout == ""
    from sitrep.store import Filters, Store

    with Store.open(path) as store:
        assert store.count("events", Filters(doc="beta")) == 1
        assert store.count("documents") == 2


def test_ingest_continues_after_a_page_the_pipeline_rejects(tmp_path, fakes, pages):
    (pages / "gamma.txt").write_text("UNREADABLE\n")
    result = run("ingest", "--db", str(tmp_path / "t.db"), str(pages))
    assert result.exit_code == 0
    assert any(
        line.startswith("error: ") and "gamma.txt" in line and "boilerplate" in line
        for line in result.stderr.splitlines()
    )
    assert "2 inserted" in result.stdout and "2 failed" in result.stdout


def test_ingest_exits_1_when_nothing_could_be_ingested(tmp_path, fakes, pages):
    result = run("ingest", "--db", str(tmp_path / "t.db"), str(pages / "empty.txt"))
    assert result.exit_code == 1
    assert "no page could be ingested" in result.stderr
    nothing = tmp_path / "none"
    nothing.mkdir()
    result = run("ingest", "--db", str(tmp_path / "t.db"), str(nothing))
    assert result.exit_code == 1
    assert "no pages found" in result.stderr


def test_sitrep_error_is_one_line_exit_1(tmp_path, fakes, pages, monkeypatch):
    def missing_model(actor_paths=(), gazetteer_paths=(), pattern_paths=()):
        raise ModelNotFoundError("spaCy model 'en_core_web_sm' is not installed; install it")

    monkeypatch.setattr(sys.modules["sitrep.pipeline"], "load_resources", missing_model)
    result = run("ingest", "--db", str(tmp_path / "t.db"), str(pages))
    assert result.exit_code == 1
    assert "error: [E200] spaCy model" in result.stderr
    assert "Traceback" not in result.output


def test_ingest_usage_errors_exit_2(tmp_path, fakes):
    assert run("ingest", "--db", str(tmp_path / "t.db")).exit_code == 2
    missing_actors = run("ingest", "--actors", str(tmp_path / "nope.yaml"), str(tmp_path))
    assert missing_actors.exit_code == 2


def test_default_database_comes_from_env_then_current_folder(tmp_path, fakes, pages, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert run("ingest", str(pages)).exit_code == 0
    assert (tmp_path / "sitrep.db").is_file()
    env_db = str(tmp_path / "env.db")
    assert run("ingest", str(pages), env={"SITREP_DB": env_db}).exit_code == 0
    listed = run("documents", "--format", "jsonl", env={"SITREP_DB": env_db})
    assert listed.exit_code == 0
    assert len(listed.stdout.splitlines()) == 2


# -- read commands ------------------------------------------------------------------------


@pytest.mark.parametrize("args", [("export", "events"), ("events",), ("actors",), ("documents",)])
def test_read_commands_refuse_a_missing_database(tmp_path, args):
    result = run(*args, "--db", str(tmp_path / "missing.db"))
    assert result.exit_code == 1
    assert "no database at" in result.stderr and "sitrep ingest" in result.stderr
    assert not (tmp_path / "missing.db").exists()


def test_export_bad_table_lists_the_valid_ones(db):
    result = run("export", "--db", db, "people")
    assert result.exit_code == 2
    for table in ("documents", "events", "mentions", "places", "actors"):
        assert table in result.stderr


def test_export_events_jsonl_to_stdout(db):
    result = run("export", "--db", db, "events")
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert {r["event_id"] for r in rows} == {"alpha:0", "beta:0", "beta:1"}  # no comments
    for row in rows:
        assert {"event_id", "doc", "type", "source", "target", "sentence"} <= set(row)
    with_comments = run("export", "--db", db, "events", "--comments")
    assert len(with_comments.stdout.splitlines()) == 4


def test_export_csv_to_a_file_parses(db, tmp_path):
    out = tmp_path / "mentions.csv"
    result = run("export", "--db", db, "mentions", "--format", "csv", "-o", str(out))
    assert result.exit_code == 0
    assert "wrote 8 mentions rows" in result.stderr
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 8
    assert json.loads(rows[0]["actor"])["id"] in {"iran", "iraq", "turkey", "unknown:militiamen"}


def test_export_filters(db, tmp_path):
    result = run("export", "--db", db, "events", "--actor", "IRN", "--comments")
    ids = {json.loads(line)["event_id"] for line in result.stdout.splitlines()}
    assert ids == {"alpha:0", "alpha:1"}
    refused = run("export", "--db", db, "mentions", "--type", "ASSAULT")
    assert refused.exit_code == 2
    assert refused.stderr.strip().startswith("error: [E500] --type cannot filter mentions")
    out = tmp_path / "never.csv"
    refused = run("export", "--db", db, "mentions", "--type", "ASSAULT", "-o", str(out))
    assert refused.exit_code == 2 and not out.exists()


def test_events_table_and_formats(db):
    table = run("events", "--db", db)
    assert table.exit_code == 0
    lines = table.stdout.splitlines()
    assert lines[0].split()[:4] == ["DATE", "TYPE", "MODE", "SOURCE"]
    assert any("ASSAULT" in line and "IRN Iran" in line for line in lines)
    assert not any("ACCUSE" in line for line in lines)  # the comment's event
    assert any(
        "ACCUSE" in line for line in run("events", "--db", db, "--comments").stdout.splitlines()
    )
    jsonl = run("events", "--db", db, "--type", "assault", "--format", "jsonl", "--limit", "1")
    assert [json.loads(line)["type"] for line in jsonl.stdout.splitlines()] == ["ASSAULT"]
    csv_out = run("events", "--db", db, "--format", "csv")
    assert next(csv.reader(io.StringIO(csv_out.stdout)))[0] == "event_id"


def test_events_bad_filter_is_a_usage_error_without_traceback(db):
    result = run("events", "--db", db, "--from", "last tuesday")
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "YYYY-MM-DD" in result.stderr
    assert "Traceback" not in result.output


def test_events_with_no_match_says_so(db):
    result = run("events", "--db", db, "--actor", "Atlantis")
    assert result.exit_code == 0
    assert result.stdout == "" and "no events match" in result.stderr


def test_actors_lists_counts(db):
    result = run("actors", "--db", db, "--format", "jsonl")
    assert result.exit_code == 0
    actors = {row["id"]: row for row in map(json.loads, result.stdout.splitlines())}
    assert actors["iraq"]["events"] == 3 and actors["iraq"]["mentions"] == 3
    assert actors["iran"]["events"] == 2  # the comment event counts here
    unknown = run("actors", "--db", db, "--unknown", "--format", "jsonl")
    assert [json.loads(line)["id"] for line in unknown.stdout.splitlines()] == [
        "unknown:militiamen"
    ]
    table = run("actors", "--db", db)
    assert table.stdout.splitlines()[0].split()[:2] == ["CODE", "NAME"]
    assert "IRQ" in table.stdout


def test_documents_lists_counts(db, tmp_path):
    result = run("documents", "--db", db)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split()[:3] == ["DOC", "DATE", "EVENTS"]
    assert any(line.split()[0] == "alpha" for line in lines)
    out = tmp_path / "docs.csv"
    assert run("documents", "--db", db, "--format", "csv", "-o", str(out)).exit_code == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert {r["doc"]: int(r["events"]) for r in rows} == {"alpha": 2, "beta": 2}


# -- sitrep.toml ----------------------------------------------------------------------------


def test_config_file_sets_the_database_and_actor_files(tmp_path, monkeypatch, fakes, pages):
    actors = tmp_path / "mine.yaml"
    actors.write_text(
        "schema: 1\nactors:\n"
        "  - id: valley_brigade\n    name: Valley Brigade\n    type: armed_group\n"
        "    code: IRQPRM\n    country: IRQ\n",
        encoding="utf-8",
    )
    config = tmp_path / "sitrep.toml"
    config.write_text('db = "from-config.db"\nactors = ["mine.yaml"]\n', encoding="utf-8")
    monkeypatch.setenv("SITREP_CONFIG", str(config))
    monkeypatch.delenv("SITREP_DB", raising=False)
    monkeypatch.chdir(tmp_path)
    result = run("ingest", str(pages))
    assert result.exit_code == 0, result.output
    assert "from-config.db" in result.stdout
    assert (tmp_path / "from-config.db").exists()
    assert fakes.actor_paths == [str(actors)]


def test_a_broken_config_file_is_named_in_the_error(tmp_path, monkeypatch):
    config = tmp_path / "sitrep.toml"
    config.write_text("db = [not toml", encoding="utf-8")
    monkeypatch.setenv("SITREP_CONFIG", str(config))
    monkeypatch.delenv("SITREP_DB", raising=False)
    result = run("documents")
    assert result.exit_code != 0
    assert str(config) in result.stderr
    assert "Traceback" not in result.output


def test_a_cut_actor_cell_still_says_how_many_more_actors_there_are() -> None:
    from sitrep.cli import render_table

    table = render_table(
        ["source", "sentence"],
        [["SDNREB Rapid Support Forces of Sudan +2", "The RSF attacked."]],
        [24, 40],
    )
    row = table.splitlines()[2]
    assert row.startswith("SDNREB Rapid Support… +2")
    assert len(row.split("  ")[0]) == 24
    # a cell without a count is cut as before
    table = render_table(["name"], [["Sudanese Armed Forces of the Republic"]], [12])
    assert table.splitlines()[2] == "Sudanese Ar…"
