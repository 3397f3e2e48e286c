"""sitrep's command line: thin click commands over the library.

Exit codes: 0 success, 1 nothing could be done (no page ingested, a store or model
problem), 2 a usage error (bad option, bad filter value, unknown table).
"""

from __future__ import annotations

import contextlib
import dataclasses
import importlib
import logging
import re
import shlex
import shutil
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import click

from sitrep import __version__, export
from sitrep.config import load_settings
from sitrep.errors import QueryError, SitrepError

if TYPE_CHECKING:
    from sitrep.store import Filters, Store

logger = logging.getLogger(__name__)

DEFAULT_DB = "sitrep.db"
DB_ENVVAR = "SITREP_DB"
TABLES = tuple(export.FIELDS)


class SitrepGroup(click.Group):
    """A group that turns SitrepError into one line on stderr and an exit code."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except QueryError as exc:
            click.echo(f"error: {exc}", err=True)
            ctx.exit(2)
        except SitrepError as exc:
            click.echo(f"error: {exc}", err=True)
            ctx.exit(1)


# -- shared options and helpers -------------------------------------------------------------


def _default_db() -> str:
    """The database when neither --db nor $SITREP_DB says: sitrep.toml's ``db``, else
    sitrep.db."""
    return load_settings().db or DEFAULT_DB


def db_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--db",
        "db",
        envvar=DB_ENVVAR,
        default=_default_db,
        show_default=DEFAULT_DB,
        show_envvar=True,
        help="Database file (or SQLAlchemy URL); else `db` in sitrep.toml.",
    )(func)


def output_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--output",
        "-o",
        "output",
        type=click.Path(dir_okay=False, writable=True),
        default=None,
        help="Write to this file instead of standard output.",
    )(func)


def format_option(choices: Sequence[str], default: str) -> Callable[..., Any]:
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(list(choices)),
        default=default,
        show_default=True,
        help="Output format.",
    )


def filter_options(func: Callable[..., Any]) -> Callable[..., Any]:
    options = [
        click.option("--actor", help="Actor id, name or code prefix (e.g. IRQ); source or target."),
        click.option("--type", "event_type", help="PLOVER event type(s), comma-separated."),
        click.option("--from", "date_from", help="Earliest date, YYYY[-MM[-DD]]."),
        click.option("--to", "date_to", help="Latest date, YYYY[-MM[-DD]] (whole period)."),
        click.option("--doc", help="Only this document id."),
        click.option("--modality", help="asserted, reported, speculated, ... (comma-separated)."),
        click.option("--segment", help="body, quote, comment or title (comma-separated)."),
        click.option(
            "--comments",
            "include_comments",
            is_flag=True,
            help="Include events found in reader comments.",
        ),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _filters(**values: Any) -> Filters:
    from sitrep.store import Filters

    return Filters(
        actor=values.get("actor"),
        type=values.get("event_type"),
        date_from=values.get("date_from"),
        date_to=values.get("date_to"),
        doc=values.get("doc"),
        modality=values.get("modality"),
        segment=values.get("segment"),
        include_comments=bool(values.get("include_comments")),
    )


def _is_url(db: str) -> bool:
    return "://" in db


def _open_existing(db: str) -> Store:
    """Open a database a read command needs; it must already exist."""
    from sitrep.errors import StoreError
    from sitrep.store import Store

    if not _is_url(db) and not Path(db).expanduser().is_file():
        raise StoreError(
            f"no database at {db}; run `sitrep ingest --db {shlex.quote(db)} PATH...` first, "
            f"or point --db (or ${DB_ENVVAR}) at an existing one"
        )
    return Store.open(db)


@contextlib.contextmanager
def _output(path: str | None) -> Iterator[IO[str]]:
    if path is None:
        yield sys.stdout
        return
    try:
        handle = open(path, "w", encoding="utf-8", newline="")  # noqa: SIM115
    except OSError as exc:
        raise click.FileError(path, hint=exc.strerror) from exc
    with handle:
        yield handle


def _truncate(text: str, width: int) -> str:
    """``text`` cut to ``width`` with an ellipsis; a count of further actors at its end
    ("SDNMIL Sudanese Armed Forces +1") is kept, so that a cut cell still says it."""
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    more = re.search(r" \+\d+$", text)
    suffix = more.group(0) if more and len(more.group(0)) < width - 1 else ""
    body = text[: len(text) - len(suffix)]
    return body[: max(width - len(suffix) - 1, 0)] + "…" + suffix


def render_table(
    headers: Sequence[str],
    rows: Iterable[Sequence[str]],
    max_widths: Sequence[int],
    total_width: int | None = None,
) -> str:
    """A plain text table: columns padded to their widest cell, capped at ``max_widths``.

    With ``total_width``, the last column takes whatever room the others leave (at least
    20 characters).
    """
    raw = [[" ".join(c.split()) for c in row] for row in rows]
    widths = [
        min(max([len(h)] + [len(r[i]) for r in raw]), cap)
        for i, (h, cap) in enumerate(zip(headers, max_widths, strict=True))
    ]
    if total_width is not None:
        room = total_width - sum(widths[:-1]) - 2 * (len(widths) - 1)
        widths[-1] = min(widths[-1], max(room, 20)) if max_widths[-1] else max(room, 20)
    cells = [[_truncate(c, w) for c, w in zip(row, widths, strict=True)] for row in raw]
    lines = ["  ".join(h.upper().ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    for row in cells:
        lines.append("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
    return "\n".join(lines)


def _actor_cell(ref: dict[str, Any] | None, all_refs: list[dict[str, Any]] | None) -> str:
    if ref is None:
        return "-"
    label = f"{ref['code']} {ref['name']}" if ref.get("code") else ref["name"]
    if all_refs and len(all_refs) > 1:
        label += f" +{len(all_refs) - 1}"
    return label


def _write_dataclasses(items: Sequence[Any], stream: IO[str], fmt: str) -> None:
    rows = [dataclasses.asdict(item) for item in items]
    if fmt == "jsonl":
        export.write_jsonl(rows, stream)
    else:
        fields = [f.name for f in dataclasses.fields(items[0])] if items else []
        export.write_csv(rows, stream, fields)


def _terminal_width() -> int:
    return max(shutil.get_terminal_size((160, 24)).columns, 80)


# -- the group ----------------------------------------------------------------------------


@click.group(cls=SitrepGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="sitrep")
@click.option("-v", "--verbose", count=True, help="Log more (-v info, -vv debug).")
def cli(verbose: int) -> None:
    """Turn news and opinion pages into sourced, PLOVER-coded event records.

    \b
    Example: sitrep ingest samples/ && sitrep events --actor IRQ
    """
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


# -- ingest -------------------------------------------------------------------------------


def read_limit_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """Per-page size and time limits (``sitrep.ingest.ReadLimits`` and the page timeout)."""
    options = [
        click.option(
            "--max-page-bytes",
            "max_bytes",
            type=click.IntRange(min=1),
            default=20_000_000,
            show_default=True,
            help="Largest page (file or WARC record) read; larger ones fail with E105.",
        ),
        click.option(
            "--max-line-bytes",
            type=click.IntRange(min=1),
            default=5_000_000,
            show_default=True,
            help="Longest JSONL line read.",
        ),
        click.option(
            "--max-decompressed-bytes",
            type=click.IntRange(min=1),
            default=8_000_000_000,
            show_default=True,
            help="Most bytes one .gz file may expand to (stops zip bombs, E108).",
        ),
        click.option(
            "--max-compression-ratio",
            type=click.IntRange(min=1),
            default=200,
            show_default=True,
            help="Largest expansion ratio of a .gz file.",
        ),
        click.option(
            "--max-html-depth",
            type=click.IntRange(1, 255),
            default=255,
            show_default=True,
            help="Deepest HTML nesting read (E107).",
        ),
        click.option(
            "--max-html-elements",
            type=click.IntRange(min=1),
            default=50_000,
            show_default=True,
            help="Most elements in one HTML page (E110).",
        ),
        click.option(
            "--page-timeout",
            type=click.FloatRange(min=0),
            default=120.0,
            show_default=True,
            help="Seconds one page may take to analyse, 0 for no limit (E111).",
        ),
    ]
    for option in reversed(options):
        func = option(func)
    return func


@cli.command()
@db_option
@click.option(
    "--actors",
    "actor_paths",
    multiple=True,
    type=click.Path(exists=True, path_type=Path),
    help="Extra actor file or folder (YAML), after those of sitrep.toml; repeatable.",
)
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary.")
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=None,
    help="Analyse on a local Dask cluster of N worker processes (default: this process).",
)
@click.option(
    "--scheduler",
    default=None,
    metavar="tcp://HOST:PORT",
    help="Analyse on an existing Dask cluster; every worker must reach --db.",
)
@click.option(
    "--batch-size",
    type=click.IntRange(min=1),
    default=50,
    show_default=True,
    help="Pages saved per database transaction.",
)
@click.option(
    "--partition-size",
    type=click.IntRange(min=1),
    default=64,
    show_default=True,
    help="Pages per Dask task (with --workers or --scheduler).",
)
@click.option(
    "--retry-failed", is_flag=True, help="Analyse pages that failed in earlier runs again."
)
@read_limit_options
@click.argument("paths", nargs=-1, required=True)
def ingest(
    db: str,
    actor_paths: tuple[Path, ...],
    quiet: bool,
    workers: int | None,
    scheduler: str | None,
    batch_size: int,
    partition_size: int,
    retry_failed: bool,
    paths: tuple[str, ...],
    **limits: Any,
) -> None:
    """Analyse pages and store what they report.

    PATHS are files, folders or globs of pages (.html/.htm, .txt, .jsonl, .jsonl.gz,
    .warc, .warc.gz), or URLs that fsspec can open (s3://, gs://, https://...). Each page
    is stored
    exactly once: pages already stored with the same content are skipped without
    analysing, and a run that was interrupted (even killed) can simply be run again. Pages
    that failed are recorded (see `sitrep status`) and skipped by later runs unless
    --retry-failed. --workers N or --scheduler spread the analysis over Dask workers.

    \b
    Example: sitrep ingest --db news.db pages/ extra.html
    Example: sitrep ingest --workers 4 --db postgresql://user@host/sitrep archive/
    """
    from sitrep.scale.runner import FAILED, IngestOptions, ResourceSpec, ingest_pages
    from sitrep.store import Store

    ingest_module = importlib.import_module("sitrep.ingest")
    settings = load_settings()
    spec = ResourceSpec(
        actor_paths=tuple(str(p) for p in [*settings.actors, *actor_paths]),
        gazetteer_paths=tuple(str(p) for p in settings.gazetteer),
        pattern_paths=tuple(str(p) for p in settings.patterns),
    )
    page_timeout = limits.pop("page_timeout")
    options = IngestOptions(
        batch_size=batch_size,
        retry_failed=retry_failed,
        page_timeout=page_timeout or None,
    )
    read_limits = ingest_module.ReadLimits(**limits)
    show_bar = not quiet and sys.stderr.isatty()
    bar = None
    if show_bar:
        from tqdm import tqdm

        bar = tqdm(unit="page", file=sys.stderr, desc="ingest")

    def on_outcome(outcome: Any) -> None:
        if bar is not None:
            bar.update(1)
        if outcome.status in (FAILED, "unreadable") and outcome.error:
            line = f"error: {outcome.error}"
            if bar is not None:
                bar.write(line, file=sys.stderr)
            else:
                click.echo(line, err=True)

    items = ingest_module.read_pages(list(paths), read_limits)
    try:
        if workers is None and scheduler is None:
            with Store.open(db) as store:
                report = ingest_pages(items, store, spec.load, options, on_outcome)
        else:
            from sitrep.scale.cluster import ingest_on_dask

            report = ingest_on_dask(
                items,
                db,
                spec,
                options,
                workers=workers,
                scheduler=scheduler,
                partition_size=partition_size,
                on_outcome=on_outcome,
            )
    finally:
        if bar is not None:
            bar.close()

    if not quiet:
        _print_ingest_summary(report, db)
    if report.stored == 0:
        if report.pages == 0 and report.failed == 0:
            click.echo(f"error: no pages found in {', '.join(map(str, paths))}", err=True)
        else:
            click.echo("error: no page could be ingested", err=True)
        click.get_current_context().exit(1)


def _print_ingest_summary(report: Any, db: str) -> None:
    skipped = (
        f", {report.skipped} skipped (failed before; --retry-failed takes them again)"
        if report.skipped
        else ""
    )
    click.echo(
        f"{report.pages} pages read: {report.inserted} inserted, {report.replaced} replaced, "
        f"{report.unchanged} unchanged, {report.failed} failed{skipped}"
    )
    click.echo(
        f"stored {report.events} events (told {report.tellings} times), {report.mentions} "
        f"mentions, {report.places} places, {report.relations} relations, {report.claims} "
        f"claims in {db}"
    )
    if report.stored:
        db_arg = "" if db == DEFAULT_DB else f" --db {shlex.quote(db)}"
        click.echo("next:")
        click.echo(f"  sitrep events{db_arg}")
        click.echo(f"  sitrep actors{db_arg}")
        click.echo(f"  sitrep export events{db_arg} --format csv --output events.csv")
        click.echo(f"  sitrep export claims{db_arg}")


# -- status -------------------------------------------------------------------------------


@cli.command()
@db_option
@click.option(
    "--errors",
    "error_limit",
    type=click.IntRange(min=0),
    default=20,
    show_default=True,
    help="List at most N failed pages (newest first).",
)
def status(db: str, error_limit: int) -> None:
    """Show what ingest runs have done: pages done, failed (with errors) and pending.

    Pending pages were taken by a run that stopped before storing them; running the same
    `sitrep ingest` again stores them. Failed pages are skipped by later runs unless
    `sitrep ingest --retry-failed`.

    \b
    Example: sitrep status --db news.db
    """
    with _open_existing(db) as store:
        found = store.ingest_status(failure_limit=error_limit)
    click.echo(f"done: {found.done}  failed: {found.failed}  pending: {found.pending}")
    if found.unreadable:
        click.echo(f"unreadable inputs: {len(found.unreadable)}")
    if found.failures:
        click.echo("")
        rows = [(f.doc, f.path, f.updated_at, f.error) for f in found.failures]
        click.echo(
            render_table(
                ["doc", "path", "when", "error"],
                rows,
                [24, 40, 25, 10_000],
                total_width=_terminal_width(),
            )
        )
        if found.failed > len(found.failures):
            click.echo(f"... and {found.failed - len(found.failures)} more (--errors N)")
    if found.unreadable:
        click.echo("")
        click.echo(
            render_table(
                ["input", "error"],
                found.unreadable[:error_limit],
                [60, 10_000],
                total_width=_terminal_width(),
            )
        )
    if found.pending:
        click.echo(
            f"{found.pending} pages pending: run the same `sitrep ingest` again to store them"
        )


# -- export -------------------------------------------------------------------------------


@cli.command("export")
@db_option
@click.argument("table", type=click.Choice(TABLES))
@format_option((*export.FORMATS, "parquet"), "jsonl")
@click.option(
    "--output",
    "-o",
    "output",
    type=click.Path(writable=True),
    default=None,
    help="Write to this file instead of standard output (a new folder for parquet).",
)
@filter_options
@click.option("--limit", type=click.IntRange(min=0), default=None, help="At most N rows.")
def export_command(
    db: str, table: str, fmt: str, output: str | None, limit: int | None, **filters: Any
) -> None:
    """Write a stored table as JSON lines, CSV or Parquet.

    TABLE is documents, events, mentions, places, actors, relations (what pages state about
    how actors stand: leads, member_of, backed_by, ...) or claims (predictions and
    speculations, with who made them and when). The fields are documented in the README
    (Export format). Filters: events take all of them; mentions --actor/--doc/--segment;
    documents --doc/--from/--to; places --doc; actors --actor; relations
    --actor/--doc/--segment; claims --doc/--from/--to/--segment. Parquet (--output DIR)
    writes a data set partitioned by month, nested fields as JSON strings.

    \b
    Example: sitrep export events --type ASSAULT --from 2024-01 --format csv -o out.csv
    Example: sitrep export claims --from 2020-01 --to 2020-03
    Example: sitrep export events --format parquet --output events-parquet/
    """
    flt = _filters(**filters)
    if fmt == "parquet" and output is None:
        raise click.UsageError("--format parquet needs --output DIR (a new or empty folder)")
    with _open_existing(db) as store:
        rows = store.iter_rows(table, flt, limit=limit)  # checks filters before any output
        if fmt == "parquet":
            count = export.write_parquet(rows, str(output), table)
        else:
            if output is not None and Path(output).is_dir():
                raise click.UsageError(f"--output {output} is a folder; give a file name")
            with _output(output) as stream:
                count = export.write_rows(rows, stream, table, fmt)
    if output is not None:
        click.echo(f"wrote {count} {table} rows to {output}", err=True)


# -- events -------------------------------------------------------------------------------


@cli.command()
@db_option
@filter_options
@click.option("--limit", type=click.IntRange(min=0), default=None, help="At most N events.")
@format_option(("table", *export.FORMATS), "table")
@output_option
def events(db: str, limit: int | None, fmt: str, output: str | None, **filters: Any) -> None:
    """List stored events by date, as a table by default.

    Events in reader comments are left out unless --comments or --segment comment.

    \b
    Example: sitrep events --actor IRQ --type ASSAULT,COERCE --from 2024-05 --limit 20
    """
    flt = _filters(**filters)
    with _open_existing(db) as store:
        rows = store.iter_rows("events", flt, limit=limit)
        if fmt != "table":
            with _output(output) as stream:
                export.write_rows(rows, stream, "events", fmt)
            return
        table_rows = [
            (
                row["date"] or "-",
                row["type"],
                row["mode"] or "-",
                _actor_cell(row["source"], row.get("sources")),
                _actor_cell(row["target"], row.get("targets")),
                row["modality"],
                row["doc"],
                row["sentence"],
            )
            for row in rows
        ]
    if not table_rows:
        click.echo("no events match; try fewer filters, or `sitrep documents`", err=True)
        return
    text = render_table(
        ["date", "type", "mode", "source", "target", "modality", "doc", "sentence"],
        table_rows,
        [10, 9, 12, 24, 24, 12, 16, 10_000],
        total_width=_terminal_width(),
    )
    with _output(output) as stream:
        stream.write(text + "\n")


# -- actors -------------------------------------------------------------------------------


@cli.command()
@db_option
@click.option("--unknown", is_flag=True, help="Only actors not in the actor base.")
@format_option(("table", *export.FORMATS), "table")
@output_option
def actors(db: str, unknown: bool, fmt: str, output: str | None) -> None:
    """List stored actors with mention and event counts.

    \b
    Example: sitrep actors --unknown --format csv -o unknown-actors.csv
    """
    with _open_existing(db) as store:
        summaries = store.actor_summaries(unknown_only=unknown)
    with _output(output) as stream:
        if fmt != "table":
            _write_dataclasses(summaries, stream, fmt)
            return
        if not summaries:
            click.echo("no actors stored yet; run `sitrep ingest PATH...`", err=True)
            return
        rows = [
            (
                s.code,
                s.name,
                s.type,
                s.country or "-",
                "yes" if s.known else "no",
                str(s.mentions),
                str(s.events),
                s.id,
            )
            for s in summaries
        ]
        headers = ["code", "name", "type", "country", "known", "mentions", "events", "id"]
        stream.write(render_table(headers, rows, [14, 36, 12, 7, 5, 8, 6, 40]) + "\n")


# -- documents ----------------------------------------------------------------------------


@cli.command()
@db_option
@click.option("--from", "date_from", help="Earliest date, YYYY[-MM[-DD]].")
@click.option("--to", "date_to", help="Latest date, YYYY[-MM[-DD]] (whole period).")
@format_option(("table", *export.FORMATS), "table")
@output_option
def documents(
    db: str, date_from: str | None, date_to: str | None, fmt: str, output: str | None
) -> None:
    """List stored documents with record counts.

    \b
    Example: sitrep documents --from 2024-01 --format jsonl
    """
    flt = _filters(date_from=date_from, date_to=date_to)
    with _open_existing(db) as store:
        summaries = store.document_summaries(flt)
    with _output(output) as stream:
        if fmt != "table":
            _write_dataclasses(summaries, stream, fmt)
            return
        if not summaries:
            click.echo("no documents stored yet; run `sitrep ingest PATH...`", err=True)
            return
        rows = [
            (
                s.doc,
                s.date or "-",
                str(s.events),
                str(s.mentions),
                str(s.places),
                s.title or s.path,
            )
            for s in summaries
        ]
        headers = ["doc", "date", "events", "mentions", "places", "title"]
        table = render_table(
            headers, rows, [24, 10, 6, 8, 6, 10_000], total_width=_terminal_width()
        )
        stream.write(table + "\n")


# -- serve --------------------------------------------------------------------------------


@cli.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port", type=click.IntRange(0, 65535), default=8765, show_default=True, help="TCP port."
)
@click.option(
    "--token",
    envvar="SITREP_TOKEN",
    show_envvar=True,
    default=None,
    help="Token that allows adding and deleting pages; without it the server is read-only.",
)
def serve(db: str, host: str, port: int, token: str | None) -> None:
    """Open the stored events in a web UI (timeline, actor network, map, pages) and REST API.

    The API is under /api/ (schema at /openapi.json). Reading needs no login; adding or
    deleting pages needs --token. Listens on 127.0.0.1 only unless --host says otherwise.

    \b
    Example: SITREP_TOKEN=s3cret sitrep serve --db news.db --port 8765
    """
    import uvicorn

    from sitrep.api import create_app

    app = create_app(db, token=token)
    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"warning: listening on {host}: anyone who can reach it can read", err=True)
    click.echo(f"sitrep: serving {db} at http://{host}:{port}/ (Ctrl-C stops)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


# -- report -------------------------------------------------------------------------------


@cli.command("report")
@db_option
@click.option("--from", "date_from", required=True, help="First day, YYYY[-MM[-DD]].")
@click.option("--to", "date_to", required=True, help="Last day, YYYY[-MM[-DD]] (whole period).")
@click.option("--actor", "actors", multiple=True, help="Actor id, name or code prefix; repeatable.")
@click.option("--country", "countries", multiple=True, help="ISO alpha-3 code; repeatable.")
@click.option("--doc", "docs", multiple=True, help="Only this document id; repeatable.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["html", "pdf", "md"]),
    default="html",
    show_default=True,
    help="html (one file), pdf, or md (with a NAME-figures/ folder).",
)
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="File to write.")
@click.option(
    "--top", type=click.IntRange(min=1), default=10, show_default=True, help="Key events."
)
def report_command(
    db: str,
    date_from: str,
    date_to: str,
    actors: tuple[str, ...],
    countries: tuple[str, ...],
    docs: tuple[str, ...],
    fmt: str,
    output: str | None,
    top: int,
) -> None:
    """Write a situation report on a period: summary, key events with citations, trend,
    actor network, map, claims, new actors and pages used.

    HTML is one self-contained file; PDF is that page rendered by WeasyPrint; md writes
    Markdown with its figures in NAME-figures/ beside it.

    \b
    Example: sitrep report --from 2019-12 --to 2020-01 --country IRQ --format pdf -o brief.pdf
    """
    from sitrep.report import build_report, write_report

    target = output or f"sitrep-report-{date_from}_{date_to}.{fmt}"
    with _open_existing(db) as store:
        built = build_report(store, date_from, date_to, actors, countries, docs, top_events=top)
    write_report(built, target, fmt)
    click.echo(
        f"wrote {target}: {built.summary.total.current} events, "
        f"{len(built.key_events)} key events, {len(built.citations)} citations",
        err=True,
    )


def main(argv: Sequence[str] | None = None) -> None:
    """Console entry point (``sitrep``)."""
    cli.main(args=list(argv) if argv is not None else None, prog_name="sitrep")
