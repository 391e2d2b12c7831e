"""A recurring fault told going down after the work, with no figure ("after this the crashes went down a lot"), is
the story's outcome, unmeasured: the rubric's level 3 (all parts, the result not measured), not a story with no result.
A bill or a latency that "went down" is a quantity a listener wants the figure of, and a fault that went up is the
problem, not the outcome. "The job was more robust" tells of a job that runs, not the speaker's ask."""
from __future__ import annotations

from coach.scoring.star import label_sentence
from tests.scored import card_for

PLAIN = ("At my last job I was responsible for the mobile app's crash reporting model, which grouped the crash logs "
         "for the support team. Every release of the app client changed the log format, and the grouping job was "
         "breaking in the night. My task was to make the job more robust. I spoke with the app team lead. I proposed "
         "that they send us the new format one week before the release, and I wrote a parser that accepts both the "
         "old and the new format. I also added an alert in our channel when too many logs are not parsed. After this "
         "the job was more robust, the crashes of the grouping job went down a lot.")


def test_a_fault_going_down_closes_the_story_as_its_outcome() -> None:
    card = card_for("xf-upstream-pipeline", PLAIN)
    assert card.star.labels[-1] == "result" and card.star.result.present
    assert card.overall >= 2.5, card.calibration.steps if card.calibration else None


def test_only_a_fault_going_down_is_an_outcome_in_words() -> None:
    assert label_sentence("After this the errors in the nightly job went down a lot.")["result"] > 0
    assert label_sentence("The failed runs dropped a lot once the check was in.")["result"] > 0
    assert label_sentence("The bill went down a lot.")["result"] == 0
    assert label_sentence("That month the failures went up a lot.")["result"] == 0


def test_a_job_that_runs_is_not_the_ask() -> None:
    assert label_sentence("The job was failing every night.")["task"] == 0
    assert label_sentence("The job was to cut the serving cost in half.")["task"] > 0
