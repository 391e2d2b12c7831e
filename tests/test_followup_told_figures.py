"""After the interviewer has given a figure of the problem (a clarifying question answered from the question's
facts), the follow-up on missing numbers starts from that figure and never asks for it again."""
from __future__ import annotations

from coach.content import default_content
from coach.followups import choice

ANSWER = ("I'd put a gradient boosted model behind a scoring service, with card and merchant features from an online "
          "store, and send the unsure cases to the analysts.")


def _fraud():
    content = default_content()
    question = content.questions["sd-fraud-detection"]
    traffic = dict(question.facts)["traffic"]
    return content, question, traffic


def test_the_numbers_probe_starts_from_the_figure_the_interviewer_gave() -> None:
    content, question, traffic = _fraud()
    before = choice.bank_followup(question, "no_numbers", [question.prompt], content.gaps, "", ANSWER)
    after = choice.bank_followup(question, "no_numbers", [question.prompt, traffic], content.gaps, "", ANSWER)
    assert "800" not in before
    assert after.startswith("As I said, about 800 payments per second on average, and 3,000 at the holiday peak.")
    assert after.endswith("?")
    assert after != before


def test_a_model_question_asking_for_the_given_figure_again_falls_back_to_the_bank() -> None:
    content, question, traffic = _fraud()
    asked = [question.prompt, traffic]
    again = "How many payments per second do you process at peak, and what latency do you need?"
    reply = choice.choose(question, ANSWER, "no_numbers", [again], asked, content.gaps)
    assert reply.source == "bank" and "800" in reply.question and reply.question != again


def test_a_fact_with_no_figure_or_not_told_changes_nothing() -> None:
    content, question, _ = _fraud()
    constraint = dict(question.facts)["constraints"]
    plain = choice.bank_followup(question, "no_numbers", [question.prompt], content.gaps, "", ANSWER)
    assert choice.bank_followup(question, "no_numbers", [question.prompt, constraint], content.gaps, "", ANSWER) == plain
    # another gap is not about the figures
    assert "As I said" not in choice.bank_followup(question, "no_monitoring", [question.prompt, dict(question.facts)["traffic"]],
                                                   content.gaps, "", ANSWER)
