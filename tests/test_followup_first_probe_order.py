"""In a design, a figure a few times off its own inputs is probed after what the design is missing; a slip of an
order of magnitude is still probed first. Answers written for these tests."""
from __future__ import annotations

from tests.fixtures.scoring import first_follow_up, score_for

# No question asked of the interviewer, the serving options never weighed, and a replica count three times what
# its own inputs give (2,400 a second over 800 a second each is three, not nine): spares or headroom, perhaps.
FEW_FOLD = ("I'll design the pipeline that checks uploaded photos. Uploads arrive at about two thousand four hundred "
            "a second, and one GPU replica classifies eight hundred images a second, so that's nine replicas. Each "
            "image is resized, embedded by a vision model, and a classifier puts it in allow, block or human "
            "review. Reviewers label the review band, and those labels feed retraining every week. I'd watch the "
            "block rate per category on a dashboard and alert when it moves by more than a fifth in a day.")
# The same design with the count thirty times off: every later figure would rest on it.
TENFOLD = FEW_FOLD.replace("so that's nine replicas", "so that's ninety replicas")


def _wrong_figures(text: str) -> int:
    return sum(1 for c in score_for(text, "sd-image-moderation").sizing.checks if not c.ok)


def test_a_few_fold_design_figure_waits_for_the_missing_requirements() -> None:
    assert _wrong_figures(FEW_FOLD) == 1          # the scorer still finds it: it is the next probe, or the feedback's
    assert first_follow_up(FEW_FOLD, "sd-image-moderation") == "no_clarifying"


def test_an_order_of_magnitude_slip_is_still_probed_first() -> None:
    assert _wrong_figures(TENFOLD) == 1
    assert first_follow_up(TENFOLD, "sd-image-moderation") == "bad_math"
