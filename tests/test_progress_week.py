"""`coach week`: the weekly plan names the weak spots of a generated history; spaced repetition by the rules."""
from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from coach.adapters.store_sqlite import SQLiteStore
from coach.cli import main
from coach.commands.week import build_week
from coach.content import default_content
from coach.progress.history import Answer, History
from coach.progress.trends import weekly_log
from coach.progress.week import RETRY_DAYS, due_retries, next_retry, rounds_to_mock

TODAY = date(2024, 3, 12)          # the generated history runs 2024-01-01 to 2024-03-10


@pytest.fixture(scope="module")
def plan(history_db: Path):
    store = SQLiteStore(history_db)
    try:
        return build_week(store, TODAY)[0]
    finally:
        store.close()


def test_the_plan_names_the_generated_weak_spots(plan) -> None:
    assert plan.week_of == date(2024, 3, 11)
    # numeric sizing is the weakest dimension throughout: its drill comes first
    assert plan.rounds[0].round in ("napkin-math", "system-design") and "numeric sizing" in plan.rounds[0].why
    assert 1 <= len(plan.rounds) <= 3
    # two of every three behavioural answers miss a result: those questions come back
    retried = {r.question_id for r in plan.retries}
    assert retried and all(q.startswith("bh-") for q in retried)
    assert all("no measurable result" in r.why for r in plan.retries)
    # no story about a model that never shipped
    assert [s.signal for s in plan.stories if s.status == "none"] == ["model-not-shipped"]
    assert plan.patterns[0].startswith("No measurable result in") and "behavioral" in plan.patterns[0]
    assert any("monitoring" in p and "system-design" in p for p in plan.patterns)
    assert plan.minutes == sum(r.minutes for r in plan.rounds) + 4 * len(plan.retries) + 5 * len(plan.stories)


def _answer(qid: str, day: date, score: float, gaps: tuple[str, ...] = (), round_id: str = "behavioral",
            turn: int = 0) -> Answer:
    return Answer(turn_id=turn, session_id=f"s{turn}", idx=0, started_at=day.isoformat(), question_id=qid,
                  round=round_id, level="senior", text="...", overall=score, gaps=tuple((g, "") for g in gaps))


def test_spaced_repetition_days_then_a_week_then_weeks() -> None:
    d0 = date(2024, 5, 6)
    bad = _answer("bh-mentoring", d0, 2.0, ("no_result",), turn=1)
    assert next_retry([bad]) == (d0 + timedelta(days=RETRY_DAYS[0]), 0)
    good1 = _answer("bh-mentoring", d0 + timedelta(days=2), 4.0, turn=2)
    assert next_retry([bad, good1]) == (good1.day + timedelta(days=7), 1)
    good2 = _answer("bh-mentoring", d0 + timedelta(days=9), 4.2, turn=3)
    assert next_retry([bad, good1, good2]) == (good2.day + timedelta(days=RETRY_DAYS[2]), 2)
    good3 = _answer("bh-mentoring", d0 + timedelta(days=30), 4.5, turn=4)
    assert next_retry([bad, good1, good2, good3]) is None               # learned: leaves the queue
    again = _answer("bh-mentoring", d0 + timedelta(days=40), 1.5, turn=5)
    assert next_retry([bad, good1, good2, good3, again]) == (again.day + timedelta(days=2), 0)
    assert next_retry([_answer("bh-mentoring", d0, 4.0)]) is None          # never went badly
    # due this week or not
    assert [r.question_id for r in due_retries([bad], d0 + timedelta(days=6))] == ["bh-mentoring"]
    assert due_retries([bad, good1], d0 + timedelta(days=6)) == []        # next one is a week after the good answer


def test_a_different_weak_round_is_named() -> None:
    content = default_content()
    start = date(2024, 4, 1)
    answers = [_answer("rc-background", start + timedelta(days=i), 1.8, ("we_not_i",), "recruiter", i)
               for i in range(6)]
    answers += [_answer("bh-mentoring", start + timedelta(days=i), 4.2, (), "behavioral", 10 + i) for i in range(6)]
    rounds = rounds_to_mock(History(answers=answers), content, start + timedelta(days=8))
    assert rounds[0].round == "recruiter" and "1.8/5" in rounds[0].why
    assert "behavioral" not in [r.round for r in rounds]
    retries = due_retries(answers, start + timedelta(days=14), content)
    assert [r.question_id for r in retries] == ["rc-background"] and "scored 1.8/5" in retries[0].why


def test_weekly_log_lists_the_patterns_of_each_week(history_db: Path) -> None:
    store = SQLiteStore(history_db)
    try:
        hist = store.history()
    finally:
        store.close()
    weeks = weekly_log(hist)
    with_pattern = [w for w in weeks if any(p.startswith("no measurable result") for p in w.patterns)]
    assert len(with_pattern) >= len(weeks) - 2
    first = with_pattern[0]
    behavioral = [a for a in hist.answers if a.round == "behavioral" and a.day >= first.start
                  and a.day < first.start + timedelta(days=7)]
    missed = sum(1 for a in behavioral if "no_result" in a.gap_ids)
    assert f"no measurable result ({missed} of {len(behavioral)} behavioral)" in first.patterns


def test_cli_week_json_and_text(history_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["week", "--db", str(history_db), "--today", TODAY.isoformat(), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) == {"week_of", "minutes", "rounds", "retry", "stories", "patterns"}
    assert out["retry"] and {"question", "due", "last_score", "why"} <= set(out["retry"][0])
    assert main(["week", "--db", str(history_db), "--today", TODAY.isoformat()]) == 0
    text = capsys.readouterr().out
    assert text.startswith("Practice for the week of 2024-03-11") and "Retry these questions" in text
    assert main(["report", "--db", str(history_db)]) == 0
    assert "Struggled with" in capsys.readouterr().out
    assert main(["week", "--db", str(history_db), "--today", "monday"]) != 0
    assert "is not a date" in capsys.readouterr().err
