"""What a new user reads on the app's screens: plain words, never an internal id, nothing stuck or lost."""
from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from textual.widgets import OptionList, Static

from coach.tui.app import CoachApp
from coach.tui.screens.replay import SessionScreen
from coach.tui.screens.scorecard import ScorecardScreen
from tests.fixtures.tui import seed_history, ui_overrides, wait_for


def run(coro: Any) -> Any:
    return asyncio.run(coro)


def _text(screen: Any, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


def test_gaps_and_missing_figures_read_as_words_not_ids(tmp_path: Path) -> None:
    """The seeded card has the gaps no_tradeoff and bad_math and no storage figure; the follow-up probes no_tradeoff."""
    db = tmp_path / "c.db"
    seed_history(db, 1).close()

    async def flow() -> None:
        app = CoachApp(db=db, overrides=ui_overrides())
        async with app.run_test(size=(100, 30)) as pilot:
            await wait_for(pilot, app.kit_ready.is_set, 10, "the kit")
            await pilot.press("v", "enter")
            await wait_for(pilot, lambda: isinstance(app.screen, SessionScreen), 5, "the session")
            screen = app.screen
            card = _text(screen, "#turn-card")
            assert "no alternative weighed" in card and "arithmetic that did not hold up" in card
            assert "no figure for: storage" in card
            assert "no tradeoff" not in card and "bad math" not in card and "missing:" not in card
            await pilot.press("d")
            assert isinstance(app.screen, ScorecardScreen)
            details = str(app.screen.query_one("#dimensions").render())
            assert "Gap: no alternative weighed" in details and "no_tradeoff" not in details
            await pilot.press("escape", "n")
            assert screen.query_one("#turns", OptionList).highlighted == 2
            title = str(screen.query_one("#turn-detail").border_title)
            assert "probing no alternative weighed" in title
    run(flow())
