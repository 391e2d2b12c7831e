"""A model follow-up names the candidate's own story: it does not say back the question's "a colleague or
your manager" when the candidate spoke of their manager, and it is not a question any story would fit
("What did the engineer do at the end?"). Either kind is not asked; the bank's follow-up is."""
from __future__ import annotations

from coach.content import default_content
from coach.followups import choice, guards, specific
from coach.followups.prompt import load_template
from coach.paths import PROJECT_ROOT

DISAGREE = "Tell me about a time you strongly disagreed with a colleague or your manager on a technical decision."
MANAGER = ("My manager wanted to move the recommendation service to a vendor's vector database. I built a benchmark "
           "on a week of real queries, wrote up the migration cost, and we kept the current index and tuned it.")
MENTORING = ("An engineer on my team was struggling with code reviews. I paired with her twice a week on the "
             "feature pipeline and gave her the on-call runbook to own. By the end she was doing well.")


def test_the_question_s_choice_said_back_when_the_candidate_spoke_of_one_person_is_an_echo() -> None:
    echo = specific.echoed_choice("How did your colleague or manager react to the benchmark?", DISAGREE, MANAGER)
    assert echo is not None and "colleague or your manager" in echo and "manager" in echo.split("spoke of:")[1]
    assert specific.echoed_choice("How did your colleague react to the benchmark?", DISAGREE, MANAGER)   # not in it
    assert specific.echoed_choice("How did your manager react to the benchmark?", DISAGREE, MANAGER) is None
    both = MANAGER + " A colleague on the platform team backed the vendor too."
    assert specific.echoed_choice("How did your colleague or manager react to the benchmark?", DISAGREE, both) is None


def test_naming_the_alternative_the_candidate_turned_down_is_not_an_echo() -> None:
    question = "How would you choose between batch or streaming features for a fraud model?"
    answer = "I would compute velocity counts in a streaming job, because fraud moves within minutes."
    assert specific.echoed_choice("Why streaming velocity counts rather than batch?", question, answer) is None
    assert specific.echoed_choice("Would you use batch or streaming for the velocity counts?", question, answer)


def test_a_question_any_story_would_fit_is_vague_and_one_naming_the_story_is_not() -> None:
    assert specific.vague("What did the engineer do at the end?", MENTORING)
    assert specific.vague("What happened to the project?", MENTORING)
    assert specific.vague("What was the measurable result of that work?", MENTORING)
    assert specific.vague("How did her code reviews change after the pairing?", MENTORING) is None
    assert specific.vague("How did you get 120 megabytes from 300 million parameters?",
                          "300 million parameters at 4 bytes is 120 megabytes") is None


def test_a_vague_or_echoing_model_question_falls_back_to_the_bank() -> None:
    content = default_content()
    template = load_template(PROJECT_ROOT / "prompts" / "followup.md")
    question = content.question("bh-disagreement")
    asked = [question.prompt]
    for said in ("What happened to the project?", "How did your colleague or manager react to the benchmark?"):
        reply = choice.choose(question, MANAGER, "no_result", [said], asked, content.gaps, template.example_words)
        assert reply.source == "bank" and reply.question != said
        verdict = guards.check(said, MANAGER, choice.gap_words("no_result", "", question, content.gaps),
                               **choice.guard_rules(question, "no_result", "", asked, frozenset()))
        assert any(r.startswith(("vague", "echoes the question")) for r in verdict.reasons), verdict.reasons
    named = "What changed for recall once the current index was tuned?"
    reply = choice.choose(question, MANAGER, "no_result", [named], asked, content.gaps, template.example_words)
    assert (reply.source, reply.question) == ("model", named)


def test_after_a_non_answer_the_question_s_own_topic_is_not_vague() -> None:
    content = default_content()
    question = content.question("bh-disagreement")
    rules = choice.guard_rules(question, "non_answer", "", [question.prompt], frozenset())
    assert rules["story"] is None                     # nothing said to name: narrowing the question is the probe


def test_a_clause_pasted_in_twice_or_a_sentence_pasted_after_after_that_reads_as_broken() -> None:
    from coach.followups import wording

    assert wording.broken("What changed after the director and two staff engineers walked the director and two "
                          "staff engineers through it?") == "a phrase said twice"
    assert wording.broken("What changed after that the service was much cheaper and everyone was happy?")
    assert wording.broken("What did you cut, and what did you refuse to cut?") is None      # parallel, not pasted
    assert wording.broken("What changed after the privacy team signed off?") is None
