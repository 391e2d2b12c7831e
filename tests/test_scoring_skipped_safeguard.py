"""A story told as "I skipped the check and it worked out" (a review bypassed, an evaluation not run, the team not
told) shows the judgement a strong interviewer marks down, however tidy the story; the same skip owned as a mistake is
what a mistake story is about, and another team skipping it is the situation, not the speaker's lapse."""
from __future__ import annotations

from tests.scored import card_for

SKIPPED = ("Our search ranker was lagging and nobody owned it, so I took it on over a weekend. I rebuilt the feature "
           "pipeline, retrained a bigger model and pushed it to production on Monday without telling the team, since "
           "the review would have taken two weeks. Click-through went up by four percent. The ads team's reports broke "
           "because I renamed a column, but they fixed it.")
OWNED = ("Our search ranker was lagging, so I took it on over a weekend. I rebuilt the feature pipeline, retrained a "
         "bigger model and pushed it to production on Monday without telling the team, since the review would have "
         "taken two weeks. Click-through went up by four percent, but the ads team's reports broke because I renamed a "
         "column. That was my mistake: I apologised, fixed the reports that day, and since then every change I make "
         "goes through review, however small.")
THEIRS = ("The platform team kept shipping schema changes without telling anyone, and our training jobs failed about "
          "once a week. I set up a meeting with their lead, we agreed a contract test on the five columns we read, and "
          "I added it to their CI myself. Failures dropped from four a month to none in the next quarter.")


def _score(text: str, qid: str) -> tuple[float, str]:
    card = card_for(qid, text)
    assert card.calibration is not None
    return card.overall, " ".join(card.calibration.steps)


def test_a_tidy_story_that_skips_the_review_and_never_owns_it_scores_as_weak() -> None:
    overall, how = _score(SKIPPED, "bh-production-incident")
    assert overall <= 2.0 and "skips a safeguard" in how


def test_the_same_skip_owned_as_a_mistake_is_not_held_down() -> None:
    overall, how = _score(OWNED, "bh-biggest-mistake")
    assert "skips a safeguard" not in how and overall > 2.0


def test_another_team_skipping_the_check_is_the_situation_not_the_speakers_lapse() -> None:
    overall, how = _score(THEIRS, "xf-upstream-pipeline")
    assert "skips a safeguard" not in how and overall > 3.0



ROUND_IT = ("I run the demand forecast for a chain of bakeries, and one Sunday evening I saw Monday's forecast for flour "
            "deliveries had dropped by two thirds. The orders go to the mills at seven, so I had the night to fix it. "
            "I retrained the model on the last month myself and, since it looked sensible, I released it instead of "
            "waiting for the usual review in the morning. Later I found a store had been renamed in the sales feed, "
            "and I mapped the old name to the new one. The orders went out on time and nobody at the mills noticed.")


def test_a_skip_told_as_the_way_round_the_review_scores_as_weak() -> None:
    overall, how = _score(ROUND_IT, "bh-production-incident")
    assert overall <= 2.0 and "skips a safeguard" in how, how
