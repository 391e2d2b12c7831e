"""The bench's peak memory: sampled, put down to what ran then, and reset between ways of ending a turn."""
from __future__ import annotations

import time

import numpy as np

from coach.bench import memwatch


def test_the_peak_is_caught_with_the_stage_and_reset_between_modes() -> None:
    before = memwatch.rss_mb()
    with memwatch.PeakWatch(every_s=0.005) as watch:
        watch.stage = "a big buffer"
        held = np.ones(80 * 1024 * 1024 // 8)           # 80 MiB, touched
        time.sleep(0.1)
        del held
        time.sleep(0.05)
    assert watch.top_mb >= before + 60, (before, watch.top)
    assert watch.top["stage"] == "a big buffer"
    high = memwatch.hwm_mb()
    if memwatch.reset_peak():                          # Linux: the high-water mark starts again from now
        assert memwatch.hwm_mb() < high - 40, (high, memwatch.hwm_mb())
