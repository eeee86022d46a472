"""A wall-clock limit per article, so one pathological page cannot stall a batch for hours.

Implemented with ``SIGALRM`` (``setitimer``): it interrupts pure-Python loops (regexes run by
the ``re`` module release no control, so a catastrophic pattern finishes its current call first)
and needs the main thread of a process on a POSIX system. Where that is not available (Windows,
Dask worker threads) the limit is silently not enforced, and the per-stage limits of
``newsparse.limits`` still bound the work.
"""
from __future__ import annotations

import signal
import threading
from contextlib import contextmanager
from typing import Iterator, Optional


class Expired(BaseException):
    """Raised inside the running stage when the time is up.

    A ``BaseException`` on purpose: a stage's ``except Exception`` fallback must not swallow it.
    ``Pipeline.run`` turns it into a :class:`newsparse.errors.TimeLimitError` naming the stage.
    """

    def __init__(self, seconds: float) -> None:
        super().__init__(f"took longer than {seconds:g} s")
        self.seconds = seconds


def enforceable() -> bool:
    """Whether a limit can be enforced here (POSIX, main thread)."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_limit(seconds: Optional[float]) -> Iterator[None]:
    """Raise :class:`Expired` in this thread after ``seconds`` (``None`` or ``0`` = no limit)."""
    if not seconds or seconds <= 0 or not enforceable():
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise Expired(seconds)

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
