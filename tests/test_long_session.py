"""A short sample of benchmarks/long_session.py (which runs 90 minutes of answers in one session).

Three spoken answers through the app, headless, on the real models: every turn reaches the database,
memory does not climb, the event loop never stalls and a key press still changes the screen while
an answer is being transcribed.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.fixtures import load_benchmark

long_session = load_benchmark("long_session")

SHORT_ANSWERS = (
    "When our fraud model was retrained by hand every month, I owned automating it. I built a weekly pipeline "
    "with validation checks and a shadow run, and fraud losses dropped by thirty percent.",
    "I would size it first: two thousand transactions per second, fifty milliseconds each, and a feature store "
    "with streaming aggregates. The trade-off is freshness against cost, so only velocity features stream.",
)


@pytest.mark.slow
def test_short_long_session_keeps_memory_flat_and_the_ui_responsive(tmp_path: Path, transcriber: Any,
                                                                    interviewer: Any) -> None:
    f = long_session.long_session(tmp_path, answers=3, texts=SHORT_ANSWERS, app=True,
                                  transcriber=transcriber, interviewer=interviewer)
    assert f.answers == 3 and f.session_status == "ended_early"   # ended by the candidate before the last question
    assert f.db_answers == 3 and f.answers_complete == 3          # every answer whole in the database
    assert f.db_turns == f.saved_events                         # every turn the runner saved, and no more
    assert f.db_turns >= 3 + 3 + 1                              # a question or follow-up per answer, and the close
    # memory: after the first answer (models warm), the next answers add little
    first, last = f.rss_samples[0][1], f.rss_samples[-1][1]
    assert last - first < 150, f"RSS grew {last - first:.0f} MB over {f.answers} answers: {f.rss_samples}"
    # the UI: the event loop never stalls, a key press still retitles the screen while transcribing
    assert f.lag_ticks > 20 and f.lag_max_ms is not None and f.lag_max_ms < 500, f"event-loop lag {f.lag_max_ms} ms"
    assert f.screen_updates_missed == 0 and f.key_presses == 3
    assert f.key_max_ms is not None and f.key_max_ms < 500, f"key press took {f.key_max_ms} ms"
    assert f.summary_s is not None and f.summary_s < 10


def test_footer_does_not_keep_its_old_keys_alive() -> None:
    """Every focus change recomposes the footer; Textual's own Footer kept each old set of keys reachable."""
    import asyncio
    import gc

    from textual.app import App, ComposeResult
    from textual.widgets import Input
    from textual.widgets._footer import FooterKey

    from coach.tui.widgets.footer import Footer

    class Two(App[None]):
        BINDINGS = [("f1", "bell", "One"), ("f2", "bell", "Two"), ("f3", "bell", "Three")]

        def compose(self) -> ComposeResult:
            yield Input(id="a")
            yield Input(id="b")
            yield Footer()

    async def run() -> tuple[int, int]:
        async with Two().run_test() as pilot:
            for _ in range(40):
                for box in ("#a", "#b"):
                    pilot.app.query_one(box).focus()
                    await pilot.pause(0.01)
            await pilot.pause(0.2)
            gc.collect()
            keys = [o for o in gc.get_objects() if isinstance(o, FooterKey)]
            return len(keys), sum(not k.is_attached for k in keys)

    alive, detached = asyncio.run(run())
    assert detached < 40, f"{detached} removed footer keys still reachable ({alive} in all)"
