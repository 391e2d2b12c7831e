"""The report reads a trend within one round: alternating system-design and behavioural sessions are two series,
each named with its own rubric's words, not one zig-zag called "improving" or "slipping"."""
from __future__ import annotations

from coach.content import default_content
from coach.progress.history import Answer, History, SessionInfo
from coach.progress.report_model import build_report
from coach.reports import render_html, render_md
from coach.scoring.rubric import DimensionScore


def _history() -> History:
    """Six sessions on alternating days: system design always at 4.0, behavioural always at 2.0. Read as one
    series the overall score zig-zags; within each round it is flat."""
    sessions, answers = [], []
    for i in range(6):
        rid, qid, score = ("system-design", "sd-feed-ranking", 4.0) if i % 2 == 0 else \
            ("behavioral", "bh-disagreement", 2.0)
        sid, started = f"s{i}", f"2026-11-{10 + i:02d}T10:00:00"
        sessions.append(SessionInfo(sid, started, "completed", "drill", rid, "senior", score))
        dims = (DimensionScore("tradeoffs", "Trade-offs", 0.5, score, "r"),
                DimensionScore("communication", "Communication", 0.5, score, "r"))
        answers.append(Answer(turn_id=i + 1, session_id=sid, idx=1, started_at=started, question_id=qid,
                              round=rid, level="senior", text="an answer", overall=score, dimensions=dims))
    return History(sessions, answers)


def test_each_round_is_its_own_trend_named_by_its_rubric() -> None:
    content = default_content()
    report = build_report(_history(), content)
    by_round = {rt.round: rt for rt in report.rounds}
    assert set(by_round) == {"system-design", "behavioral"}
    for rt in by_round.values():
        assert len(rt.overall.points) == 3 and rt.overall.verdict == "steady"
    names = {rid: {t.id: t.name for t in rt.dimensions} for rid, rt in by_round.items()}
    rubric = {rid: {d.id: d.name for d in content.rubrics[rid].dimensions} for rid in by_round}
    assert names["behavioral"]["tradeoffs"] == rubric["behavioral"]["tradeoffs"]
    assert names["system-design"]["communication"] == rubric["system-design"]["communication"]
    assert names["behavioral"]["tradeoffs"] != names["system-design"]["tradeoffs"]


def test_the_report_says_trends_are_per_round_and_never_compares_rounds() -> None:
    report = build_report(_history(), default_content())
    text = " ".join(report.summary)
    assert "slipping" not in text and "improving" not in text     # 4.0 then 2.0 is two rounds, not a decline
    assert "ML system design: the overall score went from 4.0 to 4.0" in text
    md, html = render_md(report), render_html(report)
    for page in (md, html):
        assert "per round" in page and "same round only" in page
        assert "Judgment" in page                  # behavioural rubric's name for trade-offs
        assert "Trade-off reasoning" in page       # system design's
    assert md.count("### ") == 2 and html.count("<h3>") == 2
