"""Time spent in each stage of a build, for ``invoke bench`` (never written into the site)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager

#: Seconds per stage since the last reset(); a build runs in one process, one stage at a time.
STAGES: dict[str, float] = {}


@contextmanager
def stage(name: str) -> Iterator[None]:
    started = time.perf_counter()
    try:
        yield
    finally:
        STAGES[name] = STAGES.get(name, 0.0) + time.perf_counter() - started


def reset() -> None:
    STAGES.clear()
