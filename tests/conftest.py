"""Shared fixtures: heavy resources are loaded once per test session."""

from __future__ import annotations

import os
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
