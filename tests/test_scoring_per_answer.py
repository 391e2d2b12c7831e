"""Work done once per answer (coach/scoring/per_answer.py) is forgotten when the next answer starts: one answer's
sentences never stand in for another's, and the memory held is one answer's worth."""
from coach.scoring import per_answer, score_answer, star

STORY = ("At my last company our nightly job kept missing its deadline. I profiled it and found one join doing most of "
         "the work. I rewrote the join, and the job finished two hours earlier.")
OTHER = "Last year our team missed a launch. I wrote the plan again, and we shipped a week later."


def test_a_new_answer_forgets_the_last_answers_sentences() -> None:
    score_answer(STORY)
    story_held = per_answer.held()
    assert "i rewrote the join, and the job finished two hours earlier." in story_held
    score_answer(OTHER)
    other_held = per_answer.held()
    assert other_held and not other_held & story_held
    assert {t.lower() for t in other_held} <= {"last year our team missed a launch.",
                                             "i wrote the plan again, and we shipped a week later."}


def test_a_memo_gives_what_the_rule_gives() -> None:
    per_answer.start()
    assert not per_answer.held()
    low = "we had shipped it the week before."
    first = star.narrative(low)
    assert per_answer.held() and star.narrative(low) == first
    per_answer.start()
    assert not per_answer.held() and star.narrative(low) == first
