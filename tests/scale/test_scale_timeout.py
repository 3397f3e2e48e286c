"""The per-page time limit (scale/timeout.py) turns a page that runs too long into a
named failure and leaves the next page alone."""

from __future__ import annotations

import time

import sitrep.pipeline
from sitrep.models import Page
from sitrep.scale.runner import analyse_one
from sitrep.scale.timeout import can_time_out, page_time_limit
from sitrep.store import PageFailure


def _page(name: str) -> Page:
    return Page(doc_id=name, path=f"{name}.txt", text="Iran met Iraq.", content_hash=name)


def test_a_slow_page_fails_with_e111_and_the_next_one_runs(monkeypatch):
    assert can_time_out()  # pytest runs tests in the main thread

    def slow_or_fast(page, resources):
        if page.doc_id == "slow":
            time.sleep(5)
        return "analysed"

    monkeypatch.setattr(sitrep.pipeline, "analyse", slow_or_fast)
    started = time.monotonic()
    failed = analyse_one(_page("slow"), resources=None, timeout=0.2)
    assert time.monotonic() - started < 4
    assert isinstance(failed, PageFailure)
    assert "[E111]" in failed.error and "slow.txt" in failed.error
    assert analyse_one(_page("fast"), resources=None, timeout=0.2) == "analysed"


def test_no_limit_leaves_the_alarm_alone():
    with page_time_limit(None, "x"):
        time.sleep(0.01)
    with page_time_limit(0.5, "x"):
        pass
    time.sleep(0.6)  # an alarm left armed would fire here and fail the test
