"""How many cores are free right now, so the models do not fight other programs or each other.

llama.cpp spins a thread per core it is given; when another process keeps one of two cores
busy, two llama.cpp threads run 2-3x slower than one (each token waits for the slower
thread). `CpuMonitor.free()` counts the cores the rest of the machine leaves idle (the
coach's own work is not counted against it), from /proc/stat, between two calls.
`thread_plan` gives both models every free core (at least one); the two do not fight because
the interviewer, when it generates while the speech model is transcribing (the live
transcriber during a draft), leaves it a core (`services._llm_threads_now`).
"""
from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _machine_busy_s() -> tuple[float, float] | None:
    """(busy CPU seconds of the whole machine, seconds of our own process) since boot; None off Linux."""
    try:
        with open("/proc/stat", encoding="ascii") as fh:
            fields = [int(v) for v in fh.readline().split()[1:]]
        with open("/proc/self/stat", encoding="ascii") as fh:
            mine = fh.read().rsplit(")", 1)[1].split()
    except (OSError, ValueError, IndexError):
        return None
    tick = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)          # idle + iowait
    busy = sum(fields[:8]) - idle                                       # user..steal
    own = int(mine[11]) + int(mine[12])                                 # utime + stime (fields 14, 15)
    return busy / tick, own / tick


class CpuMonitor:
    """Free cores, measured over the time between calls (at least `min_window_s`)."""

    def __init__(self, min_window_s: float = 0.2) -> None:
        self.cores = _cores()
        self.min_window_s = min_window_s
        self._lock = threading.Lock()
        self._last = (time.monotonic(), _machine_busy_s())
        # until a window has passed, the load average: a monitor made just before a model loads was read at once
        # and said every core was free, and two llama.cpp threads on a machine already busy read the interviewer's
        # prompt far slower than one
        self._free = self._loadavg_free()

    def free(self) -> float:
        """Cores that programs other than the coach leave idle (0..cores)."""
        with self._lock:
            now, sample = time.monotonic(), _machine_busy_s()
            then, before = self._last
            if sample is None or before is None:
                return self._loadavg_free()
            if now - then < self.min_window_s:
                return self._free
            others = (sample[0] - before[0]) - (sample[1] - before[1])
            self._free = max(0.0, min(self.cores, self.cores - others / (now - then)))
            self._last = (now, sample)
            return self._free

    def _loadavg_free(self) -> float:
        try:
            return max(0.0, self.cores - os.getloadavg()[0])
        except OSError:
            return float(self.cores)


@dataclass(frozen=True)
class ThreadPlan:
    llm: int
    stt: int


def thread_plan(free: float, cores: int) -> ThreadPlan:
    """Every free core (at least one) for each model; they seldom run at once, and when they do
    the interviewer takes one thread fewer."""
    usable = max(1, min(cores, int(free + 0.5)))
    return ThreadPlan(llm=usable, stt=usable)


_monitor: CpuMonitor | None = None


def monitor() -> CpuMonitor:
    global _monitor
    if _monitor is None:
        _monitor = CpuMonitor()
    return _monitor
