"""The per-page time limit (scale/timeout.py) turns a page that runs too long into a
named failure and leaves the next page alone."""

from __future__ import annotations

import threading
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


def _in_a_worker_thread(function):
    """Run ``function`` in a thread other than the main one, as Dask workers do."""
    result: list = []
    thread = threading.Thread(target=lambda: result.append(function()))
    thread.start()
    thread.join(timeout=30)
    assert not thread.is_alive()
    return result[0]


def test_a_slow_page_in_a_worker_thread_fails_with_e111_and_the_next_one_runs(monkeypatch):
    finished: list[str] = []

    def slow_or_fast(page, resources):
        if page.doc_id == "slow":
            deadline = time.monotonic() + 5
            while time.monotonic() < deadline:  # Python code: interruptible
                time.sleep(0.01)
        finished.append(page.doc_id)
        return "analysed"

    monkeypatch.setattr(sitrep.pipeline, "analyse", slow_or_fast)
    assert _in_a_worker_thread(can_time_out)
    failed = _in_a_worker_thread(lambda: analyse_one(_page("slow"), resources=None, timeout=0.2))
    assert finished == []  # stopped inside the loop, not after it
    assert isinstance(failed, PageFailure)
    assert "[E111]" in failed.error and "slow.txt" in failed.error
    fast = _in_a_worker_thread(lambda: analyse_one(_page("fast"), resources=None, timeout=0.2))
    assert fast == "analysed"
    assert finished == ["fast"]


def test_a_limit_that_is_not_reached_leaves_a_worker_thread_alone():
    def work():
        for _ in range(20):
            with page_time_limit(0.05, "x"):
                pass
        time.sleep(0.3)  # a timer left running would raise here
        return "done"

    assert _in_a_worker_thread(work) == "done"
