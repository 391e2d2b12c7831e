"""Thread counts from the cores actually free."""
from __future__ import annotations

import time

from coach.adapters import cpu
from coach.bench.load import busy


def test_thread_plan_never_oversubscribes() -> None:
    assert cpu.thread_plan(2.0, 2) == cpu.ThreadPlan(llm=2, stt=2)
    assert cpu.thread_plan(1.0, 2) == cpu.ThreadPlan(llm=1, stt=1)     # one core taken by another program
    assert cpu.thread_plan(0.2, 2) == cpu.ThreadPlan(llm=1, stt=1)     # at least one thread each
    assert cpu.thread_plan(7.6, 8) == cpu.ThreadPlan(llm=8, stt=8)
    assert cpu.thread_plan(9.0, 2) == cpu.ThreadPlan(llm=2, stt=2)


def test_a_busy_process_takes_a_core_away() -> None:
    monitor = cpu.CpuMonitor(min_window_s=0.3)
    with busy(1):
        time.sleep(0.5)
        monitor.free()              # start the window with the spinner running
        time.sleep(0.6)
        free = monitor.free()
    assert 0.0 <= free <= monitor.cores - 0.6, free


def test_a_monitor_read_at_once_goes_by_the_load_average_not_every_core(monkeypatch) -> None:
    """The interviewer is built right after the monitor is made: on a machine already busy (load average 3 on 2
    cores) the first reading must not say both cores are free."""
    monkeypatch.setattr(cpu.os, "getloadavg", lambda: (3.0, 3.0, 3.0))
    monitor = cpu.CpuMonitor(min_window_s=5.0)
    assert monitor.free() == max(0.0, monitor.cores - 3.0)
    assert cpu.thread_plan(monitor.free(), 2) == cpu.ThreadPlan(llm=1, stt=1)
