"""Where the bench's peak memory comes from: resident memory sampled every 10 ms, and at the highest
sample, what each thread was doing (its innermost frames in the coach), so a peak can be put down to
the work that ran at that moment (a transcription beside a rendered line, a follow-up, ...).

`reset_peak()` starts the kernel's own high-water mark afresh (Linux: /proc/self/clear_refs), so each
way of ending a turn reports its own peak, not the one before it.
"""
from __future__ import annotations

import sys
import threading
import time
from types import FrameType
from typing import Any


def _status_kb(key: str) -> int:
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith(key + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def rss_mb() -> int:
    """Resident memory now, in MiB (the unit `peak_rss_mb` reports)."""
    return round(_status_kb("VmRSS") / 1024)


def hwm_mb() -> int:
    """The kernel's high-water mark of resident memory since the last `reset_peak`, in MiB."""
    return round(_status_kb("VmHWM") / 1024)


def reset_peak() -> bool:
    """Start the high-water mark afresh (False where the kernel does not allow it)."""
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as fh:
            fh.write("5")
        return True
    except OSError:
        return False


def _where(frame: FrameType | None) -> str:
    """The innermost frames of the coach's own code on a thread's stack: 'module.function' x2."""
    names: list[str] = []
    while frame is not None and len(names) < 2:
        module = frame.f_globals.get("__name__", "")
        if module.startswith("coach.") and not module.startswith("coach.bench.memwatch"):
            names.append(f"{module.removeprefix('coach.')}.{frame.f_code.co_name}")
        frame = frame.f_back
    return " < ".join(names)


class PeakWatch:
    """A daemon thread sampling VmRSS; `top` holds the highest sample's MiB and what ran then, `by_stage`
    the same for each stage of the bench."""

    def __init__(self, every_s: float = 0.01) -> None:
        self.every_s = every_s
        self.top_mb = 0
        self.top: dict[str, Any] = {}
        self.by_stage: dict[str, dict[str, Any]] = {}     # the highest sample of each stage
        self._started = time.perf_counter()
        self.stage = "loading"          # what the bench is at (set by the harness): models, a mode, the replay
        self.pass_beside_voice_s = 0.0  # samples with a piece of the primed pass decoding while a line rendered
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="peak-watch", daemon=True)

    def __enter__(self) -> "PeakWatch":
        self._thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self._stop.set()
        self._thread.join(timeout=1.0)

    def _run(self) -> None:
        me = threading.get_ident()
        names = {t.ident: t.name for t in threading.enumerate()}
        from coach.adapters import heap

        while not self._stop.wait(self.every_s):
            if heap.active("pass") and heap.active("voice"):
                self.pass_beside_voice_s += self.every_s
            now = rss_mb()
            stage_top = self.by_stage.get(self.stage, {}).get("rss_mb", 0)
            if now <= self.top_mb and now <= stage_top:
                continue
            if len({*sys._current_frames()}) != len(names):
                names = {t.ident: t.name for t in threading.enumerate()}
            doing = {names.get(ident, str(ident)): _where(frame) for ident, frame in sys._current_frames().items()
                     if ident != me}
            sample = {"rss_mb": now, "at_s": round(time.perf_counter() - self._started, 1), "stage": self.stage,
                      "threads": {k: v for k, v in sorted(doing.items()) if v}}
            if now > stage_top:
                self.by_stage[self.stage] = sample
            if now > self.top_mb:
                self.top_mb, self.top = now, sample
