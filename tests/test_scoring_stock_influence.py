"""Influence told in stock phrases ("aligned key stakeholders", "socialised a vision", "brought everyone along on the
journey") names no team, no objection met and no change: the rubrics' level 1, and no staff signal it says lifts it
(rubrics/answer_words.toml `[stock]`)."""
from __future__ import annotations

from coach.scoring import levels, score_answer
from tests.fixtures.scoring import score_for

POLISHED = ("At my previous company I saw a real chance to bring product and research closer. "
            "I aligned key stakeholders across both groups and socialised a vision for a single way of shipping models. "
            "I made sure I was meeting people where they were and brought everyone along on the journey. "
            "Collaboration across the organisation became much stronger as a result.")


def test_influence_in_stock_phrases_is_heard_as_stock() -> None:
    assert len(levels.stock(POLISHED)) >= 3


def test_a_story_of_stock_influence_stays_at_the_bottom_at_staff() -> None:
    card = score_answer(POLISHED, level="staff", round_spec=None)
    assert card.calibration.level <= levels.STOCK_CAP
    assert not any(s.startswith("shows") for s in card.calibration.steps)


def test_a_plain_story_is_not_stock() -> None:
    plain = ("I sat with the research leads every Tuesday for a month and we wrote one launch checklist together; "
             "both teams used it for the next six launches.")
    assert levels.stock(plain) == ()


def test_a_technical_answer_that_praises_its_method_instead_of_telling_it_is_held_at_the_stock_level() -> None:
    """Tried as a new user would: "it's all about rigor and best practices ... a robust experimentation framework,
    clear hypotheses ... a data-driven approach" scored 2.7 on the A/B testing question, naming nothing done."""
    text = ("Experiments for me come down to discipline: a robust testing framework, a data-driven approach and clear "
            "hypotheses written up front. I align with stakeholders on which success metric decides it, watch out for "
            "common pitfalls, and keep the analysis statistically sound so the results are trustworthy and "
            "actionable.")
    card = score_for(text, "ts-ab-testing")
    assert card.overall <= 1.5 and any("stock phrases" in s for s in card.calibration.steps)
