"""Asked for a time it happened, an answer that describes how the candidate usually works, with no step in the past,
tells no story: the interviewer asks for one. A story told in the past that also names a habit is a story."""
from __future__ import annotations

from tests.scored import card_for

HABIT = ("Over the years I've handled plenty of these on call. The way I approach them is to contain first: if a model "
         "version shipped recently I roll it back, and if the inputs look off I switch to yesterday's scores. Then I "
         "open a channel, name who leads, and post updates every thirty minutes so support is never guessing. Once "
         "things are stable I compare feature and prediction distributions before and after the start, because most "
         "model incidents are data incidents, and a blameless review follows within the week with owners and dates.")
STORY = ("Last March our fraud model started declining good cards after a partner changed a currency field. I usually "
         "contain first, so I rolled back to the previous model within twenty minutes and posted updates every half "
         "hour. I traced the cause to the field change, added a schema check on that feed, and false declines went "
         "back from four percent to the usual half a percent the same day.")


def _gaps(text: str) -> list[str]:
    return [g.id for g in card_for("bh-production-incident", text).gaps]


def test_a_process_described_for_a_tell_me_about_a_time_question_is_no_story() -> None:
    assert _gaps(HABIT)[:1] == ["non_answer"]


def test_a_story_in_the_past_that_names_a_habit_is_a_story() -> None:
    assert "non_answer" not in _gaps(STORY)
