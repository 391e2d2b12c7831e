"""A skipped safeguard is owned only by words that own it: outright ("I should have waited") or a lesson that names
the check or calls the call wrong. A lesson about something else ("what I learned is to pick your battles", "the
lesson is that caching is hard") leaves the skip a lapse shown and not seen, in a mistake story too."""
from __future__ import annotations

from coach.scoring.red_flags import safeguard_skipped
from tests.fixtures.scoring import score_for

_PUSHBACK = ("Last spring our head of growth wanted a churn-based retention offer live before the summer sale, which "
             "left us four weeks. I told her in a planning meeting that four weeks was tight, and she said the date "
             "could not move, so I committed to it. We skipped the privacy review because the offer reused an "
             "existing email template, and I had my team drop the bias analysis we had planned since the model was a "
             "retrain of an old one. We launched on the date and retention rose by about three percent over the sale. "
             "In July a customer complaint showed that people flagged as likely to churn were shown their own "
             "browsing history in the email, and we had to pull the offer for a month. ")
_OTHER_LESSON = "What I learned is that you have to choose which fights are worth having with a senior leader."
_OWNED_LESSON = ("What I learned is that the privacy review is not optional however small the change looks, and I "
                 "now book it on the first day of any project that touches customer data.")


def test_a_lesson_about_something_else_does_not_own_the_skip() -> None:
    assert safeguard_skipped(_PUSHBACK + _OTHER_LESSON)
    card = score_for(_PUSHBACK + _OTHER_LESSON, "bh-pushback-leadership", "staff")
    assert any("skips a safeguard" in s for s in card.calibration.steps), card.calibration.steps
    assert card.overall <= 2.0


def test_a_lesson_that_names_the_check_owns_it() -> None:
    assert not safeguard_skipped(_PUSHBACK + _OWNED_LESSON)


_MISTAKE = ("The mistake I'd pick is from my first year on a pricing team. I had a new demand model whose backtest "
            "looked much better than the old one, and the launch review was ten days away, so I turned it on for "
            "every region on a Thursday evening myself. I thought the sign-off was basically a rubber stamp for a "
            "model this good. By Saturday margins in two regions had dropped by six percent, because a currency "
            "field was in cents online and in euros in training. I rolled it back, fixed the units and relaunched "
            "a week later with a one percent margin gain. ")


def test_a_mistake_story_whose_lesson_misses_the_skip_shows_the_lapse() -> None:
    lesson = "What I learned is that units have to be checked at the boundary of every pipeline, and I do that now."
    card = score_for(_MISTAKE + lesson, "bh-biggest-mistake")
    assert any("skips a safeguard" in s for s in card.calibration.steps), card.calibration.steps


def test_a_mistake_story_that_owns_the_skip_is_the_story_asked_for() -> None:
    lesson = ("Looking back, waiting ten days for the sign-off would have caught the units, and since then I never "
              "launch ahead of the review.")
    card = score_for(_MISTAKE + lesson, "bh-biggest-mistake")
    assert not any("skips a safeguard" in s for s in card.calibration.steps), card.calibration.steps
    assert card.overall >= 3.5
