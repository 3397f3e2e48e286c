"""Shared fixtures: heavy resources are loaded once per test session."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
TEST_DATA = REPO / "tests" / "data"
SAMPLES = REPO / "samples"


@pytest.fixture(scope="session", autouse=True)
def sitrep_cache_dir(tmp_path_factory):
    """Keep the gazetteer's index cache out of the user's home; one build per session."""
    folder = tmp_path_factory.mktemp("sitrep-cache")
    previous = os.environ.get("SITREP_CACHE_DIR")
    os.environ["SITREP_CACHE_DIR"] = str(folder)
    yield folder
    if previous is None:
        os.environ.pop("SITREP_CACHE_DIR", None)
    else:
        os.environ["SITREP_CACHE_DIR"] = previous


@pytest.fixture(scope="session")
def nlp():
    from sitrep.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def resources():
    """The full pipeline resources with the built-in knowledge files."""
    from sitrep.pipeline import load_resources

    return load_resources()


@pytest.fixture(scope="session")
def analyse_text(resources):
    """Analyse a text as a page dated ``date``: returns the AnalysedDocument."""
    from sitrep.models import Page
    from sitrep.pipeline import analyse

    def run(text: str, date: str | None = "2020-01-11", doc_id: str = "t"):
        page = Page(doc_id=doc_id, path=f"{doc_id}.txt", text=text, date=date, content_hash=doc_id)
        return analyse(page, resources)

    return run


@pytest.fixture(scope="session")
def event_triples():
    """(sorted source codes, type, sorted target codes) of each event of an analysed page."""

    def triples(analysed) -> set[tuple[tuple[str, ...], str, tuple[str, ...]]]:
        return {
            (
                tuple(sorted(a.code for a in e.source)),
                e.type,
                tuple(sorted(a.code for a in e.target)),
            )
            for e in analysed.events
        }

    return triples


@pytest.fixture(scope="session")
def postgres_server():
    """A PostgreSQL server for the whole session: the one ``$SITREP_TEST_POSTGRES_URL``
    names, else a throwaway one started by ``scripts/setup-postgres.sh`` (stopped at the
    end); tests that need it are skipped, saying why, only when none can be started."""
    url = os.environ.get("SITREP_TEST_POSTGRES_URL")
    if url:
        yield url
        return
    try:
        started = subprocess.run(
            ["bash", str(REPO / "scripts" / "setup-postgres.sh")],
            capture_output=True,
            text=True,
            timeout=600,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        pytest.skip(f"no PostgreSQL server could be started: {exc}")
    if started.returncode != 0:
        pytest.skip(f"no PostgreSQL server could be started: {started.stderr.strip()[-500:]}")
    folder = next(
        line.split("server in ", 1)[1].split(" ", 1)[0]
        for line in started.stderr.splitlines()
        if "server in " in line
    )
    yield started.stdout.strip()
    subprocess.run(["bash", str(REPO / "scripts" / "setup-postgres.sh"), "--stop", folder])
