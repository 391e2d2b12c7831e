"""The progress report on a generated history with known trends: numbers, statements, renderers."""
from __future__ import annotations

import html
import json
import re
import sqlite3
import stat
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest
from history_factory import generate_history

from coach.adapters import progress_sql as sql
from coach.adapters.store_sqlite import SQLiteStore
from coach.cli import main
from coach.commands.report import build
from coach.reports import render_html, render_md

VOID = {"meta", "br", "hr", "img", "input", "link", "rect", "line", "polyline", "circle", "path"}


@pytest.fixture(scope="module")
def report(history_db: Path):
    store = SQLiteStore(history_db)
    try:
        return build(store)
    finally:
        store.close()


def _cards(path: Path) -> list[dict]:
    conn = sqlite3.connect(path)
    rows = conn.execute("select scores from turns where speaker = 'candidate' order by id").fetchall()
    conn.close()
    return [json.loads(r[0]) for r in rows]


def test_dimension_trends_follow_the_generated_paths(report) -> None:
    trends = {t.id: t for t in report.dimensions}
    assert trends["star_structure"].verdict == "improving"
    assert trends["ownership_scope"].verdict == "improving"
    assert trends["communication"].verdict == "slipping"
    assert trends["tradeoffs"].verdict == "steady"
    assert trends["star_structure"].first == pytest.approx(2.2, abs=0.25)
    assert trends["star_structure"].last == pytest.approx(3.8, abs=0.25)
    lowest = min(report.dimensions, key=lambda t: t.last)
    assert lowest.id == "numeric_sizing"
    assert report.overall.points and len(report.overall.points) == report.sessions == 66


def test_counts_and_weekly_log_add_up(report, history_db: Path) -> None:
    assert report.answers == report.scored == 66 * 2 * 2
    assert sum(w.answers for w in report.weeks) == report.answers
    assert sum(w.sessions for w in report.weeks) == report.sessions
    assert len(report.weeks) == 10
    assert all(w.start.weekday() == 0 for w in report.weeks)
    first = report.weeks[0]
    assert dict(first.rounds)["behavioral"] > 0 and first.questions


def test_recurring_gaps_are_counted_and_stated(report) -> None:
    by_key = {(g.round, g.gap): g for g in report.gaps}
    behavioral = by_key[("behavioral", "no_result")]
    assert behavioral.count == sum(1 for k in range(behavioral.total) if k % 3 != 2)
    assert behavioral.statement.startswith(f"No measurable result in {behavioral.count} of {behavioral.total} behavioral answers")
    assert ("system-design", "no_monitoring") in by_key
    assert ("deep-dive", "too_long") not in by_key     # one in four: below the bar for "recurring"
    assert report.gaps[0].gap == "no_result"           # the most frequent share comes first


def test_exact_statement_for_nine_behavioural_answers(tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    generate_history(path, sessions=9, questions=1, followups=False, rounds=("behavioral",))
    store = SQLiteStore(path)
    rep = build(store)
    store.close()
    # answers k = 0..8 miss a result unless k % 3 == 2: six in all, three of k = 4..8
    assert rep.gap_statements == ["No measurable result in 6 of 9 behavioral answers (3 of the latest 5)"]


def test_delivery_and_sizing_trends(report, history_db: Path) -> None:
    assert report.fillers.verdict == "improving" and report.fillers.last < report.fillers.first
    assert report.wpm.verdict == "slower"
    assert report.wpm.first == pytest.approx(178, abs=4) and report.wpm.last == pytest.approx(152, abs=4)
    assert [w for w, _ in report.top_fillers] == ["um", "like", "you know"]
    checks = [c for card in _cards(history_db) for c in card["sizing"]["checks"]]
    assert report.sizing.total == len(checks)
    assert report.sizing.ok == sum(c["ok"] for c in checks)
    shares = [ok / total for _, ok, total in report.sizing.weekly]
    assert shares[0] < 0.6 < 0.9 < shares[-1]
    assert all("inputs give" in m for _, _, m in report.sizing.failures)


def test_best_and_worst_answers_carry_evidence(report) -> None:
    assert len(report.best) == len(report.worst) == 3
    assert min(h.overall for h in report.best) > max(h.overall for h in report.worst)
    assert report.worst[0].day < report.best[0].day       # the history improves
    assert all(h.notes and h.question for h in report.best + report.worst)
    assert any("no measurable result" in n for h in report.worst for n in h.notes)


class _Checker(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.tags: Counter[str] = Counter()
        self.attrs: list[tuple[str, str | None]] = []
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags[tag] += 1
        self.attrs += attrs
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"unexpected </{tag}> with open {self.stack[-3:]}")
        else:
            self.stack.pop()


def test_html_report_is_self_contained_and_has_charts(report) -> None:
    page = render_html(report)
    checker = _Checker()
    checker.feed(page)
    checker.close()
    assert not checker.problems and not checker.stack
    assert checker.tags["svg"] >= 8 and checker.tags["polyline"] >= 8
    assert checker.tags["script"] == 0 and checker.tags["link"] == 0 and checker.tags["img"] == 0
    lowered = page.lower()
    for banned in ("http:", "https:", "//", "src=", "href=", "url(", "@import"):
        assert banned not in lowered, banned
    assert "No measurable result in" in page and "Production incident" in page


def test_markdown_report_has_every_section(report) -> None:
    text = render_md(report)
    for heading in ("## Scores over sessions", "## Gaps that keep coming back", "## Best answers",
                    "## Weakest answers", "## Delivery", "## Napkin math", "## Story bank", "## Weekly log"):
        assert heading in text
    assert "| Story structure (situation, task, action, result) |" in text and "improving" in text   # the rubric's name
    assert "| A model that did not ship | none |" in text


def test_report_command_filters_and_writes_a_private_file(history_db: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "r.html"
    assert main(["report", "--db", str(history_db), "--out", str(out)]) == 0
    assert out.read_text().startswith("<!DOCTYPE html>")
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    capsys.readouterr()
    assert main(["report", "--db", str(history_db), "--round", "system-design", "--since", "2024-02-01"]) == 0
    text = capsys.readouterr().out
    assert "ML system design only" in text and "since 2024-02-01" in text
    assert "Behavioural" not in text.split("## Weekly log")[1] and "ML system design ×" in text
    assert "| Back-of-envelope sizing |" in text and "| Story structure" not in text   # the rubric's names
    assert main(["report", "--db", str(history_db), "--since", "last week"]) == 1
    err = capsys.readouterr().err
    assert "is not a date" in err and err.count("\n") == 1


def test_empty_database_gives_a_friendly_report(tmp_path: Path, capsys) -> None:
    assert main(["report", "--db", str(tmp_path / "empty.db")]) == 0
    assert "No scored answers in this range yet" in capsys.readouterr().out
    assert main(["report", "--db", str(tmp_path / "empty.db"), "--format", "html"]) == 0
    assert "no data yet" in capsys.readouterr().out


def test_report_query_uses_the_progress_index(history_db: Path) -> None:
    store = SQLiteStore(history_db)
    try:
        plan = " ".join(str(r) for r in store.db.conn.execute(
            "EXPLAIN QUERY PLAN " + sql.ANSWERS_SQL.format(since="")).fetchall())
    finally:
        store.close()
    assert "idx_turns_speaker_kind_session" in plan


def test_report_over_a_thousand_sessions(tmp_path: Path) -> None:
    made = generate_history(tmp_path / "big.db", sessions=1000, questions=5, days=140)
    assert made.turns == 20000
    store = SQLiteStore(tmp_path / "big.db")
    try:
        rep = build(store)
    finally:
        store.close()
    assert rep.sessions == 1000 and rep.answers == 10000
    assert {t.id: t.verdict for t in rep.dimensions}["star_structure"] == "improving"
    assert min(rep.dimensions, key=lambda t: t.last).id == "numeric_sizing"
    no_result = next(g for g in rep.gaps if g.gap == "no_result")
    assert no_result.total == made.answers_by_round["behavioral"]
    assert no_result.count == made.gap_counts[("behavioral", "no_result")]
    assert sum(w.answers for w in rep.weeks) == 10000
    assert {c.signal.id: c.status for c in rep.coverage}["model-not-shipped"] == "none"
    assert "<svg" in render_html(rep) and "## Weekly log" in render_md(rep)


def test_html_charts_show_a_dimension_scored_once_and_dates_do_not_wrap(tmp_path: Path) -> None:
    """A dimension scored in one session is a single point: a line through one point draws nothing, so the
    chart showed only the dimensions scored twice. Each point of a short series is now a dot."""
    from tests.fixtures.tui import seed_history

    store = seed_history(tmp_path / "c.db", 1)
    try:
        page = render_html(build(store))
    finally:
        store.close()
    dims = page.split("Rubric dimensions per session", 1)[1].split("</svg>", 1)[0]
    assert dims.count("<circle") >= 4                       # the seeded card's four dimensions, one session
    assert "<td class=day>" in page and ".day{white-space:nowrap}" in page
    week = page.split("<h2>Weekly log", 1)[1]
    assert "Behavioural round ×2" in week and "behavioral ×" not in week    # rounds as the app names them
    assert " · Behavioural round · " in page.split("<h2>Best answers", 1)[1]


def test_html_chart_draws_a_dimension_at_the_sessions_that_scored_it(tmp_path: Path) -> None:
    """Two system-design sessions; numeric sizing is scored in the second only: its dot sits at the second session
    (the right end of the round's axis), not in the middle as a series of its own."""
    from coach.domain import Turn
    from coach.scoring import Scorecard
    from tests.fixtures.tui import sample_card, seed_history

    store = seed_history(tmp_path / "c.db", 1)
    for n, dim_id in enumerate(("tradeoffs", "numeric_sizing")):
        card = sample_card(3.0)
        card["dimensions"] = [{"id": dim_id, "name": "Sizing", "score": 3.0, "rule": "", "evidence": []}]
        sid = store.start_session(id=f"sd-{n}", plan="drill", round="system-design", level="senior",
                                  mode="practice")         # ids in order: two starts in one second sort by id
        store.add_turn(Turn(sid, 0, "interviewer", "Size the feature store.", question_id="sd-x", kind="question"))
        store.add_turn(Turn(sid, 1, "candidate", "About two terabytes a day.", question_id="sd-x", kind="answer",
                            scores=Scorecard.from_dict(card)))
        store.end_session(sid, "completed", overall=3.0)
    try:
        page = render_html(build(store))
    finally:
        store.close()
    design = page.split("<h3>ML system design", 1)[1]
    dims = design.split("Rubric dimensions per session", 1)[1].split("</svg>", 1)[0]
    sizing = dims.split("Back-of-envelope sizing</title>", 1)[0].rsplit("<polyline", 1)[1]
    assert 'points="530.0,' in sizing                      # the right end of a 720-wide chart (720 - 190)


def test_a_long_dimension_name_is_shown_whole_in_the_chart_legend() -> None:
    """The legend is narrow: "Command of the system's internals" goes on two lines instead of losing its end."""
    from coach.reports.svg import line_chart
    svg = line_chart([("Command of the system's internals", [3.0, 3.4]), ("Delivery", [2.0, 2.5])], "dimensions")
    legend = re.sub(r"<title>.*?</title>", "", svg)
    words = html.unescape(re.sub(r"<[^>]+>", " ", legend)).split()
    assert " ".join(words).count("Command of the system's internals") == 1
    # each line of it fits the legend's ~160 px (25 characters of its font) instead of running off the chart
    pieces = [html.unescape(t) for t in re.findall(r">([^<>]+)<", legend) if "ystem" in t or "Command" in t]
    assert pieces and all(len(p) <= 25 for p in pieces), pieces
