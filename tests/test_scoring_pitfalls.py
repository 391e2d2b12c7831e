"""The question's pitfalls (rubrics/pitfalls.toml): a lapse of the judgement the question tests lowers the level."""
from __future__ import annotations

import pytest

from coach.content.loader import default_content
from coach.content.pitfalls import question_pitfalls
from coach.scoring import pitfalls, score_answer
from coach.scoring.text import clean, sentences


@pytest.fixture(scope="module")
def content():  # type: ignore[no-untyped-def]
    return default_content()


def _card(content, qid: str, text: str, level: str = "senior"):  # type: ignore[no-untyped-def]
    q = content.questions[qid]
    return score_answer(text, question=q, round_spec=content.rounds.get(q.round), rubric=content.rubrics.get(q.round),
                        level=level)


SETUP = ("At a grocery delivery company the warehouse data team owned the nightly job that built our demand "
         "training tables, and twice a month a renamed column made our retraining fail. ")
FIXED = ("I sat with their lead for an afternoon to learn what forced the renames, and we agreed a schema check "
         "that runs before their job publishes. I wrote the check and added an alert to both teams' channel. "
         "In the three months after, retraining failed once instead of six times.")
BLAMED = ("Honestly it was entirely their fault, and I started copying their director on every failure so there "
          "was a paper trail. ")


def test_blaming_the_partner_costs_a_level_and_names_the_pitfall(content) -> None:  # type: ignore[no-untyped-def]
    fair = _card(content, "xf-upstream-pipeline", SETUP + FIXED)
    blamed = _card(content, "xf-upstream-pipeline", SETUP + BLAMED + FIXED)
    assert blamed.overall < fair.overall - 0.5
    assert any("pitfall" in s and "Blaming" in s for s in blamed.calibration.steps)
    assert not any("pitfall" in s for s in fair.calibration.steps)
    # the card says which pitfall, quoting the sentence, and what does better
    line = next(x for x in blamed.feedback if x.startswith("Pitfall:"))
    assert "entirely their fault" in line and "Instead:" in line
    assert not any(x.startswith("Pitfall:") for x in fair.feedback)


def test_going_over_the_partner_team_to_its_director_is_the_pitfall(content) -> None:  # type: ignore[no-untyped-def]
    q = content.questions["xf-upstream-pipeline"]
    went = "After the third failure I escalated the issue to their director and asked for a freeze."
    assert [x.pitfall for x in pitfalls.fallen(q, sentences(clean(went)))]
    warned = "Rather than escalating the issue to their director, I sat with their lead for an afternoon."
    assert pitfalls.fallen(q, sentences(clean(warned))) == ()


def test_warning_against_the_pitfall_is_not_falling_into_it(content) -> None:  # type: ignore[no-untyped-def]
    q = content.questions["bh-cross-team-influence"]
    said = ("Rather than escalating to the director, I ran a pilot with the team that had the most to gain. "
            "The trap is to get leadership to mandate it, which people resent.")
    assert pitfalls.fallen(q, sentences(clean(said))) == ()
    did = "When two teams held out I escalated it to the director, who mandated the new format."
    assert [x.pitfall for x in pitfalls.fallen(q, sentences(clean(did)))]


def test_a_weak_answer_loses_nothing_more(content) -> None:  # type: ignore[no-untyped-def]
    """A lapse brings an answer down to the rubrics' level 2, not below: one already there has lost its level."""
    thin = "Things have gone downhill at my company. I want something new."
    card = _card(content, "rc-why-looking", thin)
    assert card.calibration.level <= 2.0
    assert not any("pitfall" in s for s in card.calibration.steps)


def test_a_negation_the_cue_holds_is_heard(content) -> None:  # type: ignore[no-untyped-def]
    q = content.questions["dd-what-broke"]
    assert pitfalls.fallen(q, sentences(clean("Honestly nothing ever broke in the two years I ran it.")))
    assert pitfalls.fallen(q, sentences(clean("The day the cache went stale, forecasts broke for six hours."))) == ()


def test_every_pitfall_names_a_question_in_the_bank(content) -> None:  # type: ignore[no-untyped-def]
    table = question_pitfalls()
    assert table
    assert not [q for q in table if q not in content.questions]


def test_no_pitfall_fires_on_a_graded_answer_of_grade_three_or_more(content) -> None:  # type: ignore[no-untyped-def]
    """Precision on the graded set: a lapse is heard only in answers an interviewer graded weak."""
    from coach.eval.graded import load_graded

    wrong = []
    for g in load_graded():
        q = content.questions.get(g.question) if g.question else None
        if q is None or g.grade < 3:
            continue
        lapses = pitfalls.fallen(q, sentences(clean(g.text)))
        if lapses:
            wrong.append(f"{g.id} (grade {g.grade}): {lapses[0].pitfall}: {lapses[0].evidence}")
    assert not wrong, wrong
