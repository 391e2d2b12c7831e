"""Loops built from job descriptions: level, topics and questions against a human's reading of each one.

tests/data/jds/ holds fourteen job descriptions written for these tests (different companies, levels and
specialities) and labels.toml, what a strong interviewer would pick for each. Six are held out: four were
set aside while the topic phrases were written (their results were seen once before the last phrase
edits), two were written after the phrases were final.
"""
from __future__ import annotations

import json
import os
import random
import stat
import tomllib
from pathlib import Path

import pytest

from coach.cli import main
from coach.content import default_content
from coach.content.jobs import build_plan, load_rules, plan_name
from coach.interview.plan import build_items

JDS = Path(__file__).parent / "data" / "jds"
LABELS = tomllib.loads((JDS / "labels.toml").read_text(encoding="utf-8"))["jd"]


@pytest.fixture(scope="module")
def plans():
    content, rules = default_content(), load_rules()
    out = []
    for label in LABELS:
        text = (JDS / label["file"]).read_text(encoding="utf-8")
        out.append((label, build_plan(text, plan_name(text), content, rules)))
    return out


def _coverage(pairs) -> float:
    expected = sum(len(label["topics"]) for label, _ in pairs)
    found = sum(len(set(label["topics"]) & {t.id for t in plan.topics}) for label, plan in pairs)
    return found / expected


def test_there_are_enough_varied_job_descriptions() -> None:
    assert len(LABELS) >= 10
    assert {label["level"] for label in LABELS} == {"senior", "staff"}
    assert len({t for label in LABELS for t in label["topics"]}) >= 8
    assert sum(1 for label in LABELS if label.get("held_out")) >= 4


def test_plans_cover_the_expected_topics_and_level(plans) -> None:
    assert _coverage(plans) >= 0.8
    assert _coverage([p for p in plans if p[0].get("held_out")]) >= 0.6      # unseen descriptions
    for label, plan in plans:
        assert plan.level == label["level"], (label["file"], plan.level_reason)


def test_no_question_is_outside_the_role_level(plans) -> None:
    content = default_content()
    for label, plan in plans:
        asked = [qid for _, ids in plan.rounds for qid in ids]
        assert len(asked) == len(set(asked)) >= 10, label["file"]
        for qid in asked:
            assert plan.level in content.question(qid).levels, (label["file"], qid)


def test_questions_lean_toward_the_topics(plans) -> None:
    rules = {t.id: t for t in load_rules().topics}
    picked_by_human = found = 0
    for label, plan in plans:
        asked = {qid for _, ids in plan.rounds for qid in ids}
        for topic in plan.topics[:2]:      # the two strongest topics each get a tagged question
            assert asked & set(rules[topic.id].questions), (label["file"], topic.id)
        design = next(ids for step, ids in plan.rounds if step.round == "system-design")
        tagged = {q for t in plan.topics for q in rules[t.id].questions}
        if tagged & {q.id for q in default_content().questions_for("system-design", plan.level)}:
            assert design[0] in tagged, label["file"]       # a design question on the role's topics when one exists
        picked_by_human += len(label["questions"])
        found += len(asked & set(label["questions"]))
    assert found / picked_by_human >= 0.6


def test_the_team_is_described_before_a_question_that_refers_to_it(plans) -> None:
    content = default_content()
    label, plan = plans[0]
    record = json.loads(json.dumps(plan.to_record()))
    assert "rc-looking-for" in record["team_questions"]
    items = build_items(content, plan.name, None, plan.level, [], random.Random(1), saved=record)
    first = items[0][0]
    assert first.prompt.startswith("Before we start, a word about the team")
    assert "Home Recommendations team" in first.prompt and first.prompt.endswith(content.question(first.id).prompt)
    assert [q.id for q, _ in items] == [qid for step in record["rounds"] for qid in step["questions"]]
    assert items[3][1].time_box_minutes == record["minutes"][items[3][1].id]
    record["team"] = ""                  # no team paragraph: no introduction
    assert build_items(content, plan.name, None, "senior", [], random.Random(1),
                       saved=record)[0][0].prompt == content.question(first.id).prompt


def test_cli_prints_the_plan_and_keeps_it_private(capsys: pytest.CaptureFixture[str]) -> None:
    jd = JDS / "02-payline-fraud-staff.txt"
    assert main(["plan", "--jd", str(jd), "--name", "payline", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) == {"name", "level", "topics", "rounds"}
    assert out["name"] == "payline" and out["level"] == "staff" and "fraud-risk" in out["topics"]
    assert all(set(r) == {"round", "questions"} for r in out["rounds"])
    home = Path(os.environ["COACH_HOME"])
    for path in (home / "plans" / "payline.json", home / "jobs" / "payline.txt"):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert (home / "jobs" / "payline.txt").read_text() == jd.read_text()
    assert main(["plan", "--jd", str(jd), "--name", "payline"]) == 0
    text = capsys.readouterr().out
    assert "staff level (the title says 'staff')" in text and "Fraud and risk (fraud" in text
    assert "coach interview --plan payline" in text


def test_cli_bad_input_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plan", "--jd", str(tmp_path / "missing.txt")]) != 0
    assert "no such file" in capsys.readouterr().err
    short = tmp_path / "short.txt"
    short.write_text("Engineer wanted.")
    assert main(["plan", "--jd", str(short)]) != 0
    assert "does not look like a job description" in capsys.readouterr().err
    assert main(["plan", "--jd", str(JDS / "01-streamly-recs-senior.txt"), "--name", "full-loop"]) != 0
    assert "is a built-in plan" in capsys.readouterr().err
    assert main(["interview", "--headless", "--plan", "nowhere", "--answers", str(short)]) != 0
    assert "no plan named 'nowhere'" in capsys.readouterr().err
    assert main(["interview", "--plan", "nowhere"]) != 0                  # checked before the app opens
    assert "no plan named 'nowhere'" in capsys.readouterr().err


def test_without_a_team_paragraph_no_question_refers_to_one() -> None:
    text = ("Senior Machine Learning Engineer\n\n"
            "Build fraud models for card payments: features, real-time scoring, chargeback labels and "
            "calibrated thresholds. 5+ years of experience shipping models in production.\n")
    rules = load_rules()
    plan = build_plan(text, "solo", default_content(), rules)
    asked = {qid for _, ids in plan.rounds for qid in ids}
    assert plan.team == "" and not asked & set(rules.team_questions)
    assert plan.level == "senior" and [t.id for t in plan.topics][:1] == ["fraud-risk"]
