"""The progress report and the session lists say what the app said: the session's score, where an answer sits
in its session, clarifying questions apart from answers, and a session with no answers not counted as
practice (real SQLite, the real scorer; typed answers stand in for the microphone, a stub interviewer)."""
from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import DataTable

from coach.adapters.store_sqlite import SQLiteStore
from coach.cli import main
from coach.commands.report import build
from coach.reports import render_html, render_md
from coach.tui.app import CoachApp
from coach.tui.screens.replay import ReplayScreen, SessionScreen
from tests.fixtures.tui import ui_overrides
from tests.fixtures.typed import run_typed_session

STORY = ("I argued with my team that we should keep our gradient boosted model instead of moving to a transformer "
         "for ranking. I owned the ranking service and ran the offline comparison myself. Then I saw the online "
         "test and realised I was wrong, so I changed my position and helped the team migrate.")
RESULT = ("After the migration the click through rate went up by 4 percent and revenue per session rose by 2 percent "
          "within six weeks.")
ASK_FACTS = ("Before I design anything, how many transactions per second do we see at peak, and what is the "
             "latency budget for a decision?")


@pytest.fixture(scope="module")
def story_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One story whose result came only when the follow-up asked for it."""
    db = tmp_path_factory.mktemp("story") / "coach.db"
    run_typed_session(db, "bh-disagreement", [STORY, RESULT])
    return db


def _report(db: Path) -> Any:
    """The progress report built from the history at `db`, as `coach report` builds it."""
    store = SQLiteStore(db)
    try:
        return build(store)
    finally:
        store.close()


def _answers(db: Path) -> list[dict[str, Any]]:
    """The candidate's turns of the first session at `db`, in order."""
    store = SQLiteStore(db)
    try:
        return [t for t in store.turns(store.sessions()[0]["id"]) if t["speaker"] == "candidate"]
    finally:
        store.close()


def test_report_scores_a_session_as_the_app_does(story_db: Path) -> None:
    store = SQLiteStore(story_db)
    try:
        session = store.sessions()[0]
        answers = [t for t in store.turns(session["id"]) if t["speaker"] == "candidate"]
        report = build(store)
    finally:
        store.close()
    first, last = answers[0]["overall"], answers[-1]["overall"]
    assert len(answers) == 2 and last > first + 0.5       # the follow-up's result lifted the story's card
    assert report.overall.points[0].value == pytest.approx(session["overall"])     # what Home and replay show
    assert report.overall.points[0].value == pytest.approx(last)
    assert report.weeks[0].mean_overall == pytest.approx(session["overall"])


def test_report_names_an_answer_by_its_turn_in_the_session(story_db: Path) -> None:
    answers, report = _answers(story_db), _report(story_db)
    assert [a["idx"] for a in answers] == [1, 3] and [a["id"] for a in answers] == [2, 4]
    best = report.best[0]
    assert best.turn_no == 3
    assert "turn 3 in session" in render_html(report) and "turn 4 " not in render_html(report)
    assert "· turn 3 —" in render_md(report)


def test_clarifying_questions_are_counted_apart_from_answers(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "coach.db"
    run_typed_session(db, "sd-fraud-detection", [ASK_FACTS, "We assume two thousand transactions a second at peak."])
    store = SQLiteStore(db)
    row = store.sessions()[0]
    kinds = [t["kind"] for t in store.turns(row["id"]) if t["speaker"] == "candidate"]
    store.close()
    assert kinds == ["clarification", "answer"]
    assert (row["answers"], row["clarifications"]) == (1, 1)
    assert main(["sessions", "--db", str(db)]) == 0
    head, line = capsys.readouterr().out.splitlines()[:2]
    assert "clarifying" in head and line.split()[-4:-2] == ["1", "1"]

    async def flow() -> None:
        app = CoachApp(db=db, overrides=ui_overrides())
        async with app.run_test(size=(140, 24)) as pilot:
            await pilot.press("v")
            assert isinstance(app.screen, ReplayScreen)
            table = app.screen.query_one(DataTable)
            labels = [str(c.label) for c in table.ordered_columns]
            cells = dict(zip(labels, table.get_row_at(0)))
            assert (cells["Answers"], cells["Clarifying"]) == ("1", "1")
    asyncio.run(flow())


def test_a_session_ended_with_no_answers_says_so_and_is_not_counted_as_practice(tmp_path: Path) -> None:
    db = tmp_path / "coach.db"
    run_typed_session(db, "bh-disagreement", [STORY])
    empty = run_typed_session(db, "bh-disagreement", [])
    store = SQLiteStore(db)
    try:
        assert store.session(empty)["status"] == "no_answers"
        report = build(store)
    finally:
        store.close()
    assert report.sessions == 1 and report.weeks[0].sessions == 1

    async def flow() -> None:
        app = CoachApp(db=db, overrides=ui_overrides())
        async with app.run_test(size=(140, 24)) as pilot:
            await pilot.press("v")
            table = app.screen.query_one(DataTable)
            labels = [str(c.label) for c in table.ordered_columns]
            statuses = [str(dict(zip(labels, table.get_row_at(i)))["Status"]) for i in range(table.row_count)]
            assert "ended with no answers" in statuses and "completed" in statuses
            table.move_cursor(row=statuses.index("ended with no answers"))
            await pilot.press("enter")
            screen = app.screen
            assert isinstance(screen, SessionScreen) and screen.session_id == empty
            assert "ended with no answers" in str(screen.query_one("#session-head").render())
    asyncio.run(flow())


def test_closing_praises_the_story_that_came_good_in_its_follow_up_not_its_delivery(story_db: Path) -> None:
    store = SQLiteStore(story_db)
    try:
        turns = store.turns(store.sessions()[0]["id"])
    finally:
        store.close()
    closing = turns[-1]["text"]
    assert turns[-1]["kind"] == "closing"
    assert "What worked best: story structure" in closing and "best: delivery" not in closing


def test_report_counts_in_words_and_names_delivery_as_the_app_does(story_db: Path) -> None:
    report = _report(story_db)
    assert "1 session, 2 answers (2 scored)" in render_html(report)
    assert "1 session, 2 answers (2 scored)" in render_md(report)
    names = [t.name for t in report.dimensions]
    assert "delivery" in names and "communication" not in names     # the app's card and Home say "Delivery"


def test_story_bank_keeps_a_story_and_its_follow_up_answer_as_one_telling(story_db: Path) -> None:
    report = _report(story_db)
    assert len(report.stories) == 1 and report.stories[0].told == 1 and len(report.stories[0].turn_ids) == 2
    told = {c.signal.id: c.status for c in report.coverage}
    assert "told once" in told.values() and "rehearsed" not in told.values()


def test_report_judges_a_story_by_its_card_with_the_follow_up_not_its_first_half(story_db: Path) -> None:
    answers, report = _answers(story_db), _report(story_db)
    final = {d.id: d.score for d in answers[-1]["scores"].dimensions}
    trends = {t.id: t for t in report.dimensions}
    assert trends["star_structure"].points[0].value == pytest.approx(final["star_structure"])
    assert trends["star_structure"].samples == report.overall.samples == 1
    assert [h.turn_no for h in report.best + report.worst] == [3]     # the first half is no weakest answer


def test_report_with_one_question_answered_says_why_no_answer_is_the_weakest(story_db: Path) -> None:
    report = _report(story_db)
    for page in (render_html(report), render_md(report)):
        weakest = page.split("Weakest answers", 1)[1][:300]
        assert "Too few answers yet to pick out the weakest" in weakest and "None scored yet" not in weakest


def test_report_quotes_a_story_as_it_was_scored_with_its_follow_up(story_db: Path) -> None:
    report = _report(story_db)
    assert report.best[0].excerpt.startswith("I argued with my team")      # the story's start, not only the figure
