"""Non-answers said at length: not knowing admitted in a longer turn, and a view that commits to nothing,
whatever the pronoun "one" or "those two" in them; a partial answer that admits a gap is still an answer."""
from __future__ import annotations

from coach.content import default_content
from coach.scoring import score_answer


def _top(text: str, question: str, round_id: str) -> str:
    content = default_content()
    card = score_answer(text, question=content.question(question), round_spec=content.round(round_id),
                        rubric=content.rubric(round_id))
    return card.gaps[0].id if card.gaps else ""


def test_admitting_not_knowing_at_length_is_a_non_answer() -> None:
    text = ("right, data drift versus concept drift. those two always blur together for me, I can't spell out the "
            "difference off the top of my head honestly. I suppose in production you watch the dashboards and "
            "retrain if something seems off. was that the kind of thing you meant")
    assert 30 <= len(text.split()) < 60
    assert _top(text, "ts-drift-types", "technical-screen") == "non_answer"


def test_a_partial_answer_that_admits_a_gap_is_not_a_non_answer() -> None:
    text = ("I couldn't give you the textbook definition, but data drift is the inputs shifting, say the feature "
            "distribution moves and PSI on a weekly window climbs, while concept drift is the relationship to the "
            "label changing, so performance drops even with stable inputs and I'd need fresh labels to retrain.")
    assert _top(text, "ts-drift-types", "technical-screen") != "non_answer"


def test_a_view_that_commits_to_nothing_is_a_non_answer_even_after_a_big_one() -> None:
    text = ("Ooh, that's a tough one. It just depends on the company really, there are pros and cons to both and "
            "every team is different. I don't really have a firm opinion, I'd want to see how things run here "
            "before I said anything.")
    assert _top(text, "hm-platform-philosophy", "hiring-manager") == "non_answer"


def test_no_example_and_a_request_for_another_angle_passes_even_past_sixty_words() -> None:
    text = ("Right, mentoring someone who then outgrew you. Honestly I can't think of a single example that fits, "
            "most of the people I've worked with were already senior when I met them, and the juniors tended to "
            "move to other groups before anything like that could happen. I do enjoy pairing and code review, "
            "and I try to make time for it when the sprint allows. Is there a different angle you'd like me to "
            "take on it?")
    assert 60 <= len(text.split()) < 90
    assert _top(text, "bh-mentoring", "behavioral") == "non_answer"


def test_handing_the_question_back_for_a_concrete_case_with_no_view_is_a_non_answer() -> None:
    text = ("Okay, when you say loss functions, do you mean for ranking or for classification? Where I've been we "
            "mostly used whatever the library shipped with, so the choice rarely came up for us. It really depends "
            "on the problem, I'd say. Is there a specific situation you have in mind? I'd find it much easier to "
            "talk about a real setup you describe.")
    assert 60 <= len(text.split()) < 90
    assert _top(text, "ts-loss-functions", "technical-screen") == "non_answer"


def test_offering_a_different_story_instead_of_the_one_asked_is_a_non_answer() -> None:
    text = ("To be fair, I haven't actually owned one of those. Where I work the platform team takes the outages "
            "and we on the modelling side mostly read the write-ups later, which I do carefully and I think I get "
            "how they are handled. Would a smaller slip we spotted in staging do instead? Or I could describe how "
            "I'd like such a night to be run, if that helps.")
    assert 60 <= len(text.split()) < 90
    assert _top(text, "bh-production-incident", "behavioral") == "non_answer"
