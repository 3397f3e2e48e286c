"""CLI at scale: `sitrep status`, batch options and `sitrep export --format parquet`."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from sitrep.cli import cli
from sitrep.scale.generate import write_jsonl


@pytest.fixture(scope="module")
def ingested(tmp_path_factory, resources):
    import sitrep.pipeline

    folder = tmp_path_factory.mktemp("scale-cli")
    write_jsonl(folder / "pages.jsonl", 20)
    (folder / "broken.txt").write_bytes(b"\x00\x01binary\x00" * 20)
    db = folder / "t.db"
    original = sitrep.pipeline.load_resources
    sitrep.pipeline.load_resources = lambda *a, **k: resources
    try:
        result = CliRunner().invoke(
            cli, ["ingest", "--db", str(db), "--batch-size", "7", str(folder)]
        )
    finally:
        sitrep.pipeline.load_resources = original
    assert result.exit_code == 0, result.output
    return db, result


def test_ingest_in_batches_then_status(ingested):
    db, result = ingested
    assert "20 pages read: 20 inserted" in result.stdout
    status = CliRunner().invoke(cli, ["status", "--db", str(db)])
    assert status.exit_code == 0, status.output
    assert "done: 20  failed: 0  pending: 0" in status.output
    assert "unreadable inputs: 1" in status.output and "broken.txt" in status.output


def test_export_events_as_parquet_partitioned_by_month(ingested, tmp_path):
    import pyarrow.dataset as ds

    db, _ = ingested
    out = tmp_path / "events"
    result = CliRunner().invoke(
        cli, ["export", "events", "--db", str(db), "--format", "parquet", "--output", str(out)]
    )
    assert result.exit_code == 0, result.output
    jsonl = CliRunner().invoke(cli, ["export", "events", "--db", str(db)])
    expected = [json.loads(line) for line in jsonl.output.splitlines()]
    months = {p.name for p in out.iterdir()}
    assert months == {f"month={e['date'][:7]}" for e in expected}
    table = ds.dataset(str(out), format="parquet", partitioning="hive").to_table()
    assert table.num_rows == len(expected)
    rows = {r["event_id"]: r for r in table.to_pylist()}
    for event in expected:
        row = rows[event["event_id"]]
        assert row["start"] == event["start"] and row["type"] == event["type"]
        assert (json.loads(row["source"]) if row["source"] else None) == event["source"]
    again = CliRunner().invoke(
        cli, ["export", "events", "--db", str(db), "--format", "parquet", "--output", str(out)]
    )
    assert again.exit_code == 2 and "new or empty folder" in again.output
    missing = CliRunner().invoke(cli, ["export", "events", "--db", str(db), "--format", "parquet"])
    assert missing.exit_code == 2


def test_readme_duckdb_query_reads_the_parquet_export(ingested, tmp_path):
    duckdb = pytest.importorskip("duckdb")
    db, _ = ingested
    out = tmp_path / "events"
    CliRunner().invoke(
        cli, ["export", "events", "--db", str(db), "--format", "parquet", "-o", str(out)]
    )
    query = f"""
        SELECT month, type, json_extract_string(source, '$.name') AS source, count(*) AS n
        FROM read_parquet('{out}/**/*.parquet', hive_partitioning = true)
        WHERE month >= '2023-01'
        GROUP BY ALL ORDER BY n DESC
    """
    rows = duckdb.sql(query).fetchall()
    assert rows and sum(r[3] for r in rows) > 0
