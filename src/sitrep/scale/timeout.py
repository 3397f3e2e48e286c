"""A per-page time limit for analysis.

Some pages make the extraction or the parser slow far beyond their size (long runs of
unclosed table cells in HTML, for one). ``page_time_limit`` stops the analysis of one page
after ``seconds`` and raises ``PageTimeoutError`` for it, so the batch goes on.

The limit is a POSIX interval timer (``SIGALRM``), so it applies where the analysis runs
in a process's main thread: the single-process ingest. Elsewhere (Dask worker threads) it
cannot interrupt Python code safely and is not applied; the page's size limits still are.
"""

from __future__ import annotations

import contextlib
import logging
import signal
import threading
from collections.abc import Iterator
from types import FrameType

from sitrep.errors import PageTimeoutError

logger = logging.getLogger(__name__)


def can_time_out() -> bool:
    """Whether ``page_time_limit`` can interrupt code here."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextlib.contextmanager
def page_time_limit(seconds: float | None, where: str) -> Iterator[None]:
    """Raise ``PageTimeoutError`` naming ``where`` if the block runs over ``seconds``."""
    if not seconds or not can_time_out():
        yield
        return

    def expired(_signum: int, _frame: FrameType | None) -> None:
        raise PageTimeoutError(
            where,
            f"analysis took longer than {seconds:g} s; the page is left out (raise "
            "--page-timeout to allow more)",
        )

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
