"""The app's practice screen (w on Home): the week's plan, a loop from a job description file, the constants."""
from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from history_factory import generate_history
from textual.widgets import Button, Input, Static

from coach.adapters.store_sqlite import SQLiteStore
from coach.tui.app import CoachApp
from coach.tui.screens.interview import InterviewScreen
from coach.tui.screens.practice import PracticeScreen
from tests.fixtures.tui import ui_overrides, wait_for

JD = Path(__file__).parent / "data" / "jds" / "02-payline-fraud-staff.txt"


def _text(screen: Any, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


def test_week_job_plan_and_constants_from_home(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    generate_history(db, sessions=22, questions=2, days=21, rounds=("behavioral", "system-design"))

    async def flow() -> None:
        app = CoachApp(db=db, overrides=ui_overrides())
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_for(pilot, app.kit_ready.is_set, 10, "the kit")
            await pilot.press("w")
            await wait_for(pilot, lambda: isinstance(app.screen, PracticeScreen), 5, "the practice screen")
            screen = app.screen
            week = _text(screen, "#week")
            assert "Practice for the week of" in week and "Retry these questions" in week
            assert "no measurable result" in week
            assert "Seconds in a day: 86,400" in _text(screen, "#constants")
            await pilot.press("j")
            box = screen.query_one("#job-path", Input)
            box.value = str(tmp_path / "missing.txt")
            await pilot.press("enter")
            assert "no such file" in _text(screen, "#job-plan")
            assert screen.query_one("#start-plan", Button).disabled
            box.value = str(JD)
            await pilot.press("enter")
            plan = _text(screen, "#job-plan")
            assert "staff level" in plan and "Fraud and risk" in plan and "sd-fraud-detection" in plan
            assert not screen.query_one("#start-plan", Button).disabled
            await pilot.press("t")
            await wait_for(pilot, lambda: isinstance(app.screen, InterviewScreen), 5, "the interview")
            iv = app.screen
            assert iv.request.plan == screen.plan_name and iv.request.level == "staff"
            await wait_for(pilot, lambda: iv.state == "waiting", 10, "the first question")
    asyncio.run(flow())
    store = SQLiteStore(db)
    session = store.sessions()[0]
    first = store.turns(session["id"])[0]
    store.close()
    assert session["plan"].startswith("staff-machine-learning-engineer")
    assert first["text"].startswith("Before we start, a word about the team") and "Risk Engineering" in first["text"]
