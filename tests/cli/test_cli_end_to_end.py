"""The real pipeline through the CLI: ingest our own pages, re-run, export, read back."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from sitrep.cli import cli

REPO = Path(__file__).resolve().parents[2]
PAGES = [
    "iraq-basra-offensive-2008-wire.txt",
    "iraq-election-2018-blog.txt",
    "iraq-embassy-siege-2019.html",
    "wire-feed.jsonl",
]
EVENT_FIELDS = {
    "event_id", "doc", "type", "mode", "source", "target", "date", "location", "modality",
    "segment", "sentence", "start", "end", "confidence",
}  # fmt: skip


@pytest.fixture(scope="module")
def ingested(tmp_path_factory, resources):
    import sitrep.pipeline

    folder = tmp_path_factory.mktemp("pages")
    for name in PAGES:
        shutil.copy(REPO / "samples" / name, folder / name)
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02binary\x00" * 20)
    db = folder / "test.db"
    runner = CliRunner()
    original = sitrep.pipeline.load_resources
    sitrep.pipeline.load_resources = lambda *a, **k: resources  # reuse the session's resources
    try:
        first = runner.invoke(cli, ["ingest", "--db", str(db), "--quiet", str(folder)])
        second = runner.invoke(cli, ["ingest", "--db", str(db), str(folder)])
    finally:
        sitrep.pipeline.load_resources = original
    return db, first, second


def test_a_bad_file_does_not_stop_the_batch(ingested):
    _db, first, _second = ingested
    assert first.exit_code == 0, first.output
    assert "broken.txt" in first.output
    listed = CliRunner().invoke(cli, ["documents", "--db", str(ingested[0]), "--format", "jsonl"])
    docs = {json.loads(line)["doc"] for line in listed.output.splitlines() if line.strip()}
    assert {"iraq-basra-offensive-2008-wire", "iraq-election-2018-blog", "wire-0001"} <= docs


def test_a_rerun_adds_nothing(ingested):
    db, first, second = ingested
    assert second.exit_code == 0, second.output
    assert "unchanged" in second.output
    runner = CliRunner()
    rows = runner.invoke(cli, ["export", "--db", str(db), "events"]).output.splitlines()
    ids = [json.loads(r)["event_id"] for r in rows if r.strip()]
    assert ids and len(ids) == len(set(ids))


def test_exported_events_follow_the_contract(ingested):
    db = ingested[0]
    out = CliRunner().invoke(cli, ["export", "--db", str(db), "events"])
    docs = CliRunner().invoke(cli, ["export", "--db", str(db), "documents"])
    texts = {d["doc"]: d["text"] for d in map(json.loads, docs.output.splitlines())}
    events = [json.loads(line) for line in out.output.splitlines()]
    assert events
    for event in events:
        assert set(event) >= EVENT_FIELDS
        assert texts[event["doc"]][event["start"] : event["end"]] == event["sentence"]
        for actor in (event["source"], event["target"]):
            assert actor is None or {"id", "name", "code", "text"} <= set(actor)
    basra = [e for e in events if e["doc"] == "iraq-basra-offensive-2008-wire"]
    assert any(e["type"] == "ASSAULT" and e["source"] for e in basra)


def test_comments_are_kept_out_of_the_body(ingested):
    db = ingested[0]
    out = CliRunner().invoke(cli, ["export", "--db", str(db), "documents"])
    blog = next(
        d for d in map(json.loads, out.output.splitlines()) if d["doc"] == "iraq-election-2018-blog"
    )
    assert blog["comments"]
    assert all(comment not in blog["body"] for comment in blog["comments"])


def test_unknown_actors_are_names_to_promote(ingested):
    db = ingested[0]
    out = CliRunner().invoke(cli, ["actors", "--db", str(db), "--unknown", "--format", "jsonl"])
    assert out.exit_code == 0, out.output
    rows = [json.loads(line) for line in out.output.splitlines() if line.strip()]
    assert rows
    assert all(row["id"].startswith("unknown:") for row in rows)
    assert all(not row["known"] for row in rows)
