"""The adaptive drill picks the weakest recent dimension and the round that weights it most."""
from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import pytest
from history_factory import generate_history

from coach.adapters import progress_sql as sql
from coach.adapters.store_sqlite import SQLiteStore
from coach.content import default_content
from coach.errors import CoachError
from coach.progress import plan_weakest_drill, weakest_dimension


@pytest.fixture(scope="module")
def content():
    return default_content()


def test_drill_targets_the_weakest_dimension_of_a_real_history(tmp_path: Path, content) -> None:
    generate_history(tmp_path / "c.db", sessions=30, questions=2)
    store = SQLiteStore(tmp_path / "c.db")
    history = sql.recent_dimension_scores(store.db.conn, limit=10)
    recent = store.recent_question_ids()
    store.close()
    assert len(history) == 10
    questions, reason = plan_weakest_drill(history, content, "staff", recent, random.Random(3), 3)
    assert len(questions) == 3 and {q.round for q in questions} == {"napkin-math"}   # numbers weigh most in the estimation drills
    assert len({q.id for q in questions}) == 3
    assert not {q.id for q in questions} & set(recent[:5])   # fresh questions first
    mean = weakest_dimension(history)[1]
    assert "numeric sizing" in reason and f"({mean:.1f}/5)" in reason
    assert "last 10 answers" in reason and "napkin-math" in reason and reason.endswith(".")


def test_window_is_the_last_ten_answers(content) -> None:
    old = [{"communication": 0.5, "star_structure": 4.0}] * 20
    new = [{"communication": 4.5, "star_structure": 1.5}] * 10
    assert weakest_dimension(old + new) == ("star_structure", 1.5)
    questions, reason = plan_weakest_drill(old + new, content, "senior", [], random.Random(1), 2)
    assert {q.round for q in questions} == {"behavioral"}
    assert "STAR structure" in reason and "(1.5/5)" in reason


def test_tied_rounds_share_the_drill_and_scorecards_are_accepted(content) -> None:
    cards = [{"overall": 2.0, "dimensions": [
        {"id": "technical_depth", "name": "Depth", "weight": 0.4, "score": 1.0},
        {"id": "communication", "name": "Talk", "weight": 0.2, "score": 4.0}]}] * 4
    questions, reason = plan_weakest_drill(cards, content, None, [], random.Random(5), 4)
    rounds = [q.round for q in questions]
    assert sorted(set(rounds)) == ["coding", "technical-screen"] and len(questions) == 4
    assert rounds[0] != rounds[1]                        # alternates between the tied rounds
    assert "technical depth" in reason and "last 4 answers" in reason


def test_same_seed_same_drill(content) -> None:
    history = [{"numeric_sizing": 1.0}]
    one = plan_weakest_drill(history, content, "staff", [], random.Random(9), 3)
    two = plan_weakest_drill(history, content, "staff", [], random.Random(9), 3)
    assert [q.id for q in one[0]] == [q.id for q in two[0]]
    assert "last answer" in one[1]


def test_no_history_is_a_clear_error(content) -> None:
    with pytest.raises(CoachError, match="no scored answers yet"):
        plan_weakest_drill([], content, "staff", [], random.Random(1), 3)


def test_pure_modules_do_not_import_devices_models_or_ui() -> None:
    code = ("import sys; import coach.progress.drill, coach.progress.report_model, coach.progress.history, "
            "coach.reports, coach.adapters.progress_sql; "
            "bad = [m for m in ('textual', 'sounddevice', 'faster_whisper', 'llama_cpp', 'pyttsx3') if m in sys.modules]; "
            "print(bad); sys.exit(1 if bad else 0)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=Path(__file__).resolve().parent.parent)
    assert done.returncode == 0, done.stdout + done.stderr
