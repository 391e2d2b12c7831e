"""A background told as a walk through the career ("I started out in ..., then I joined ..., after that I moved to
...") is a summary of many jobs, not the story of one piece of work: a plan question answered that way is not lifted
to a story's level, and a skill picked up at a job ("I learned Scala there properly") is not a lesson
(coach/scoring/calibrate.py, coach/scoring/levels.py)."""
from __future__ import annotations

from coach.content import load_content
from coach.scoring import score_answer
from coach.scoring.levels import reflects

WALK = (
    "I started out in chemistry, with a doctorate on reaction rates, and I still think in rates today. "
    "Then I joined a consultancy that built dashboards and a few churn models for retailers, and I learned Scala there "
    "properly. "
    "After that I moved to a logistics firm, where I have been for about five years as a senior ML engineer. "
    "I own the model that predicts delivery windows and the one that plans driver shifts, and I moved both off a "
    "nightly batch onto a streaming job, which took most of a year. "
    "We also tried a graph database for the routes and went back to plain tables, which I think was right. "
    "What ties it together is that I like models whose numbers someone plans a day around.")


def test_a_skill_picked_up_at_a_job_is_not_a_lesson() -> None:
    assert not reflects("Then I joined a consultancy, and I learned Scala there properly.")
    assert reflects("I learned that a model nobody plans around is a model nobody needs.")


def test_a_career_walk_is_not_lifted_to_a_story() -> None:
    content = load_content()
    card = score_answer(WALK, question=content.questions["rc-background"], round_spec=content.rounds.get("recruiter"),
                        rubric=content.rubrics.get("recruiter"), level="senior")
    assert card.calibration.kind == "plan"
    assert not any(s.startswith("answers with a story of their own work") for s in card.calibration.steps)
