"""After a decision told without its why, the interviewer does not ask which alternative was considered when the
candidate named the option they left in the same breath ("I chose to move the scoring from nightly batch to an online
endpoint"): it asks what the choice cost or why it won, about that decision, as a strong interviewer would."""
from __future__ import annotations

from coach.content import default_content
from coach.eval.followup_gaps import aim
from coach.followups import choice
from coach.followups.option_left import asks_for_the_option_left, names_the_option_left

OVERVIEW = ("The system I'd pick is the churn model for a music streaming service. Listening events land in a "
            "warehouse, we build weekly features per subscriber, and a logistic model scores who is likely to cancel "
            "so the retention team can send offers. I was the lead on it, and I decided to move scoring from "
            "weekly batch to an online endpoint. Cancellations among the people we reached fell by about a fifth.")


def test_a_decision_naming_what_it_left() -> None:
    assert names_the_option_left("we went with a hosted vector index instead of our own")
    assert names_the_option_left("I decided to move from hand-written rules to a learned model")
    assert not names_the_option_left("I decided to use a hosted vector index")


def test_the_alternative_is_not_asked_for_when_the_decision_named_it() -> None:
    content = default_content()
    q = content.question("dd-project-walkthrough")
    a = aim({"round": "deep-dive", "text": OVERVIEW}, q, content)
    assert a.gap == "no_tradeoff"
    reply = choice.choose(q, OVERVIEW, a.gap, [], [q.prompt], content.gaps, target=a.finding)
    assert not asks_for_the_option_left(reply.question, a.finding.evidence)
    assert "alternative" not in reply.question.lower()
    assert "online endpoint" in reply.question        # still about the decision told


def test_a_model_question_asking_for_the_named_alternative_is_turned_down() -> None:
    content = default_content()
    q = content.question("dd-project-walkthrough")
    a = aim({"round": "deep-dive", "text": OVERVIEW}, q, content)
    asked = "Which alternatives did you consider before moving the scoring to an online endpoint?"
    _, judged = choice.verdicts(q, OVERVIEW, a.gap, [asked], [q.prompt], content.gaps, target=a.finding)
    assert not judged[0].ok
