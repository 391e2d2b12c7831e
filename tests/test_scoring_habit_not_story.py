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


def test_a_spoken_method_with_the_first_thing_i_do_is_no_story_even_when_it_says_we_need() -> None:
    """"we even need a model" is no step taken in the past: the method is still all the answer says."""
    method = ("yeah so outages are pretty common in ml so the first thing i do is get the right people in a channel "
              "and work out who is affected. then i check whether we even need to roll back or whether a feature flag "
              "is enough. um i write a short timeline as i go so the review is easy, and i make sure the fix gets a "
              "test so it does not come back. that's basically how i handle an incident.")
    assert _gaps(method)[:1] == ["non_answer"]
