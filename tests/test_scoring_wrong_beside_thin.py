"""One wrong claim keeps a technical answer at level 2 at most; below that cap, how much of the question the rest
gets right still orders answers: a wrong claim beside an account that covers most of what was asked is a 2, beside
one that says little else it is nearer the level-1 descriptor ("states something incorrect")."""
from __future__ import annotations

from coach.content import default_content
from coach.scoring import Scorecard, score_answer
from coach.scoring.calibrate import WRONG_CAPS, _thin_beside_wrong

WRONG = "For a rare class ROC AUC is the metric to use, because it ignores the imbalance completely. "
THIN = (WRONG + "Accuracy tells you nothing here, since predicting no fraud at all already scores above 99 percent. "
        "So ROC AUC is what I would put on the dashboard for the fraud model, and I would leave it there.")
RICH = (WRONG + "Accuracy is useless here, since predicting no fraud at all already scores above 99 percent. "
        "Precision is the share of the cases we flag that turn out to be fraud, and recall is the share of all the "
        "fraud that we flag. I would set the threshold from what a missed fraud costs against what a blocked good "
        "customer costs, and then check precision and recall per merchant type, since the rates differ a lot. "
        "Alongside it I would report average precision, the area under the precision-recall curve.")


def _card(text: str) -> Scorecard:
    content = default_content()
    q = content.question("ts-metric-choice")
    return score_answer(text, question=q, round_spec=content.round(q.round), rubric=content.rubric(q.round),
                        level="senior")


def test_the_cap_falls_with_the_share_right() -> None:
    assert _thin_beside_wrong(0.6) == WRONG_CAPS[0]
    assert _thin_beside_wrong(0.0) == WRONG_CAPS[-1]
    assert WRONG_CAPS[-1] < _thin_beside_wrong(0.25) < WRONG_CAPS[0]


def test_a_wrong_claim_beside_little_else_ranks_below_one_beside_a_sound_account() -> None:
    thin, rich = _card(THIN), _card(RICH)
    assert len(thin.wrong_claims) == 1 and len(rich.wrong_claims) == 1
    assert rich.overall <= 2.0 and thin.overall < rich.overall
