"""Load beside the measurement (`coach bench --busy N`) and the process's peak memory."""
from __future__ import annotations

import multiprocessing
import resource
from contextlib import contextmanager
from collections.abc import Iterator


def _spin(stop: object) -> None:
    x = 0
    while not stop.is_set():      # type: ignore[attr-defined]
        for _ in range(100_000):
            x = (x * 31 + 7) % 1_000_003


@contextmanager
def busy(n: int) -> Iterator[None]:
    """`n` CPU-bound processes spinning until the block ends (another program keeping cores busy)."""
    if n <= 0:
        yield
        return
    ctx = multiprocessing.get_context("spawn")
    stop = ctx.Event()
    procs = [ctx.Process(target=_spin, args=(stop,), daemon=True, name=f"busy-{i}") for i in range(n)]
    for p in procs:
        p.start()
    try:
        yield
    finally:
        stop.set()
        for p in procs:
            p.join(timeout=5)
            if p.is_alive():
                p.terminate()


def peak_rss_mb() -> int:
    """Peak resident memory of this process (the models, the app's runner), in MB."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
