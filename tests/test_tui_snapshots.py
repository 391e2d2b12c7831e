"""Snapshots of Home, Interview and Replay with fixed data, a frozen clock and no cursor blink.

Update them after a deliberate UI change with: pytest tests/test_tui_snapshots.py --snapshot-update
"""
from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input

from coach.config import Settings
from coach.tui.app import CoachApp
from coach.tui.screens.interview import InterviewScreen
from coach.tui.wiring import SessionRequest
from tests.fixtures.tui import ANSWER, fixed_items, seed_history, ui_overrides, wait_for

SIZE = (80, 24)


@pytest.fixture(autouse=True)
def utc(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()


def _app(tmp_path: Path, sessions: int = 3) -> CoachApp:
    db = tmp_path / "coach.db"
    seed_history(db, sessions).close()
    return CoachApp(db=db, settings=Settings(), overrides=ui_overrides(), clock=lambda: 1000.0, seed=1)


async def _settle(pilot: Any) -> None:
    app = pilot.app
    await wait_for(pilot, app.kit_ready.is_set, 10, "the kit")
    await pilot.pause(0.2)
    for box in app.screen.query(Input):
        box.cursor_blink = False
    await pilot.pause()


def test_home_snapshot(tmp_path: Path, snap_compare: Any) -> None:
    assert snap_compare(_app(tmp_path), terminal_size=SIZE, run_before=_settle)


def test_interview_scorecard_snapshot(tmp_path: Path, snap_compare: Any) -> None:
    async def run_before(pilot: Any) -> None:
        app = pilot.app
        await wait_for(pilot, app.kit_ready.is_set, 10, "the kit")
        screen = InterviewScreen(SessionRequest(items=fixed_items(), mode="practice"))
        await app.push_screen(screen)
        await wait_for(pilot, lambda: screen.state == "waiting", 10, "the candidate's turn")
        box = screen.query_one("#iv-typed", Input)
        box.value = ANSWER
        await pilot.press("enter")
        await wait_for(pilot, lambda: screen.state == "feedback", 10, "the scorecard")
        await _settle(pilot)

    assert snap_compare(_app(tmp_path, sessions=0), terminal_size=SIZE, run_before=run_before)


def test_replay_session_snapshot(tmp_path: Path, snap_compare: Any) -> None:
    async def run_before(pilot: Any) -> None:
        await _settle(pilot)
        await pilot.press("v")                       # Home -> past sessions
        await pilot.press("enter")                   # open the newest
        await pilot.pause(0.2)
        await _settle(pilot)

    assert snap_compare(_app(tmp_path), terminal_size=SIZE, run_before=run_before)
