"""A plan that lists the usual options and ends on "it depends on the situation", making no choice for the case: the
rubrics' correct but generic answer, held at HEDGE_CAP (coach/scoring/hedged.py)."""
from __future__ import annotations

from coach.content.loader import default_content
from coach.scoring import score_answer
from coach.scoring.hedged import HEDGE_CAP
from coach.scoring.unchosen import deferred

LISTED = ("I would first measure how long each stage of the request takes, from the feature lookups to the model call. "
          "Then there are the usual levers: int8 quantisation, distilling into a smaller student, pruning, caching "
          "popular queries, precomputing item features and batching calls on faster GPUs. "
          "Quantisation tends to be the cheapest win and distillation the biggest, while caching needs repeat traffic. "
          "They all cost some accuracy and some engineering time, so it depends on the situation. "
          "I would weigh them and go with whichever set meets the target with the smallest loss.")


def test_an_unconditioned_it_depends_is_heard() -> None:
    assert deferred(LISTED) == "depends on the situation"


def test_a_condition_named_or_a_choice_made_is_not_a_hedge() -> None:
    assert deferred("How many replicas we need depends on the peak rate, about 3,000 a second here.") is None
    assert deferred(LISTED + " In this case I would start with distillation, since the ranker is twice the size "
                             "it needs to be.") is None


def test_a_hedged_plan_stays_at_the_generic_level() -> None:
    content = default_content()
    q = content.questions["xf-latency-budget-cut"]
    card = score_answer(LISTED, question=q, round_spec=content.rounds.get(q.round),
                        rubric=content.rubrics.get(q.round), level="senior")
    assert card.calibration.level <= HEDGE_CAP
