"""The gap the interview's first follow-up aims at, by the interview's own engine, with no model loaded."""
from __future__ import annotations

import json

from coach import services
from coach.content import default_content
from coach.domain import Transcript
from coach.eval import followup_gaps
from coach.eval import followups as fe
from coach.interview.engine import InterviewEngine, NeedFollowUp
from coach.scoring import score_answer


def _first_follow_up(text: str, qid: str) -> str | None:
    content = default_content()
    q = content.question(qid)
    spec = content.round(q.round)
    card = score_answer(Transcript(text), question=q, round_spec=spec, rubric=content.rubric(q.round), level="senior")
    engine = InterviewEngine([(q, spec)])
    engine.start(0.0)
    action = engine.answered(text, card, 1.0)
    return action.gap if isinstance(action, NeedFollowUp) else None


def test_a_thin_plan_for_a_what_would_you_do_question_is_probed_not_passed_over() -> None:
    text = ("I'd mostly get to know people first. I'd have coffee with everyone on the team, read through the "
            "wiki, and try to pick up a few small tickets so I learn how things are done here.")
    assert _first_follow_up(text, "hm-first-90-days") == "missing_point"


def test_gaps_only_mode_reports_the_engines_gap_per_case_without_loading_a_model(monkeypatch, capsys) -> None:
    def no_model(*_: object, **__: object) -> None:
        raise AssertionError("--gaps-only must not load a model")

    monkeypatch.setattr(services, "build_interviewer", no_model)
    assert fe.main(["--gaps-only", "--set", "held-out 6", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)["gaps"]
    assert result["cases"] == 20 and set(result["sets"]) == {"held-out 6"}
    assert result["gap_accuracy"] >= 0.95       # folded in after it was scored: a guard, not a measure
    assert all(m["gap"] != m["label"] for m in result["misses"])


def test_gaps_only_aims_a_measured_story_at_what_it_left_out_not_at_its_result() -> None:
    content = default_content()
    strong = {"round": "behavioral", "top_gap": "no_result", "text": (
        "Last spring our fraud model's recall fell from ninety to seventy percent in two weeks, and I owned the fix. "
        "I traced it to a new merchant category the features had never seen, I added it to the encoder and a "
        "drift alert on category shares, and I retrained. Recall was back at eighty-nine percent within four days, "
        "and the alert has caught two more shifts since.")}
    aim = followup_gaps.aim(strong, content.question("bh-production-incident"), content)
    assert aim.gap == "missing_point" and "no_result" not in {g.id for g in aim.card.gaps}
    assert "talking points" in aim.finding.evidence


def test_an_unknown_set_is_one_line_naming_the_sets(capsys) -> None:
    assert fe.main(["--gaps-only", "--set", "no such set"]) == 2
    err = capsys.readouterr().err
    assert "held-out 6" in err and "Traceback" not in err

