"""A per-page time limit for analysis.

Some pages make the extraction or the parser slow far beyond their size (long runs of
unclosed table cells in HTML, for one). ``page_time_limit`` stops the analysis of one page
after ``seconds`` and raises ``PageTimeoutError`` for it, so the batch goes on.

Two mechanisms, one contract:

- In a process's main thread (the single-process ingest) a POSIX interval timer
  (``SIGALRM``) interrupts the page.
- In other threads (Dask workers run tasks in a thread pool) a timer thread asks the
  interpreter to raise an exception in the analysing thread
  (``PyThreadState_SetAsyncExc``). The exception is raised at the next Python bytecode,
  so a page stuck inside one long C call (a parser step) stops when that call returns.
  A timer that fires just as the page finishes is cancelled under a lock and any
  exception it left pending is cleared, so it never reaches the next page.
"""

from __future__ import annotations

import contextlib
import ctypes
import logging
import signal
import threading
from collections.abc import Iterator
from types import FrameType

from sitrep.errors import PageTimeoutError

logger = logging.getLogger(__name__)


def can_time_out() -> bool:
    """Whether ``page_time_limit`` can interrupt code here (CPython: in any thread)."""
    if threading.current_thread() is threading.main_thread():
        return hasattr(signal, "setitimer")
    return hasattr(ctypes, "pythonapi")


def _timeout_error(seconds: float, where: str) -> PageTimeoutError:
    return PageTimeoutError(
        where,
        f"analysis took longer than {seconds:g} s; the page is left out (raise "
        "--page-timeout to allow more)",
    )


@contextlib.contextmanager
def page_time_limit(seconds: float | None, where: str) -> Iterator[None]:
    """Raise ``PageTimeoutError`` naming ``where`` if the block runs over ``seconds``."""
    if not seconds or not can_time_out():
        yield
        return
    if threading.current_thread() is threading.main_thread():
        with _alarm(seconds, where):
            yield
    else:
        with _thread_timer(seconds, where):
            yield


@contextlib.contextmanager
def _alarm(seconds: float, where: str) -> Iterator[None]:
    def expired(_signum: int, _frame: FrameType | None) -> None:
        raise _timeout_error(seconds, where)

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


class _Expired(BaseException):
    """Raised asynchronously in the analysing thread; a BaseException so that the
    pipeline's own ``except Exception`` handlers do not swallow it."""


def _set_async_exc(thread_id: int, exc: type[BaseException] | None) -> int:
    return ctypes.pythonapi.PyThreadState_SetAsyncExc(
        ctypes.c_ulong(thread_id), ctypes.py_object(exc) if exc is not None else None
    )


@contextlib.contextmanager
def _thread_timer(seconds: float, where: str) -> Iterator[None]:
    thread_id = threading.get_ident()
    lock = threading.Lock()
    state = {"running": True, "fired": False}

    def expire() -> None:
        with lock:
            if state["running"]:
                state["fired"] = _set_async_exc(thread_id, _Expired) == 1

    timer = threading.Timer(seconds, expire)
    timer.daemon = True
    try:
        try:
            timer.start()
            yield
        finally:
            with lock:
                state["running"] = False
                timer.cancel()
                if state["fired"]:
                    _set_async_exc(thread_id, None)  # clear it if not yet raised
    except _Expired:
        logger.warning("%s: analysis stopped after %g s", where, seconds)
        raise _timeout_error(seconds, where) from None
