"""Guards between the small model and the candidate: only one clean, relevant question gets through."""
from __future__ import annotations

from coach.content import default_content
from coach.followups import choice, guards

ANSWER = "We migrated the churn model to a feature store and the rollout went fine."


def test_clean_takes_first_line_strips_labels_and_cuts_after_question_mark() -> None:
    assert guards.clean('Follow-up: "What did the churn model gain?" Also tell me more.\nnext') == "What did the churn model gain?"


def test_rejects_two_questions_statements_short_long_and_repeats() -> None:
    asked = ["What did the churn model gain from the feature store?"]
    cases = {
        "What changed? And why did the churn model matter?": "more than one question",
        "The churn model was good.": "not a question",
        "Why churn?": "too short",
        "What " + "really " * 30 + "happened with the churn model?": "too long",
        "What did the churn model gain from the feature store?": "repeats an earlier question",
        "What is your favourite programming language these days?": "mentions neither the answer nor the gap",
    }
    for text, reason in cases.items():
        verdict = guards.check(text, ANSWER, ["result"], asked)
        assert not verdict.ok and any(reason in r for r in verdict.reasons), (text, verdict.reasons)


def test_accepts_a_probe_that_quotes_the_answer() -> None:
    verdict = guards.check("How did you measure whether the churn model improved after the migration?", ANSWER, ["measure"], [])
    assert verdict.ok, verdict.reasons


def test_candidate_built_from_the_few_shot_examples_is_rejected() -> None:
    borrowed = frozenset({"checkout", "payments", "tower"})
    verdict = guards.check("How many payments per second does checkout send to the churn model?", ANSWER, ["how many"], [], borrowed)
    assert any("copies the examples" in r for r in verdict.reasons)


def test_bank_fallback_when_no_candidate_passes_and_never_repeats() -> None:
    content = default_content()
    question = content.questions_for("behavioral")[0]
    reply = choice.choose(question, ANSWER, "no_result", ["ok", "Nice answer!", ""], [question.prompt], content.gaps)
    assert reply.source == "bank" and reply.question.endswith("?")
    own = [f.text for f in question.followups if f.gap == "no_result"]
    if own:
        assert reply.question == own[0]
    second = choice.choose(question, ANSWER, "no_result", [], [question.prompt, reply.question], content.gaps)
    assert second.question != reply.question


def test_best_passing_model_candidate_wins_over_the_bank() -> None:
    content = default_content()
    question = content.questions_for("behavioral")[0]
    good = "After the churn model moved to the feature store, which metric improved and by how much?"
    reply = choice.choose(question, ANSWER, "no_result", ["Great answer!", good], [question.prompt], content.gaps)
    assert reply.source == "model" and reply.question == good


def test_the_same_probe_reworded_with_another_tense_is_a_repeat() -> None:
    """"... set up to catch training-serving skew?" then "... set up so this skew is caught ...?" asks the same."""
    first = "What would you set up to catch training-serving skew?"
    again = "What would you set up so this kind of skew is caught before the next experiment?"
    assert guards.repeats(again, first)
    assert not guards.repeats("How big was the online lift once the skew was fixed?", first)


def test_a_follow_up_with_a_bracketed_aside_is_not_said_aloud() -> None:
    """Tried as a new user would: the model wrote "What setup should you set up so that this kind of skew (online
    evaluation flaws) is caught before the next experimental?" and the guards let it through."""
    said = "How did you measure whether the churn model improved (after the migration) in production?"
    verdict = guards.check(said, ANSWER, ["measure"], [])
    assert not verdict.ok and any("bracketed aside" in r for r in verdict.reasons)
    assert guards.check(said.replace(" (after the migration)", " after the migration"), ANSWER, ["measure"], []).ok


def test_a_question_that_speaks_of_the_candidate_as_they_is_rejected() -> None:
    # a talking point's description of the candidate ("How they explained the rollback") turned into a question
    told = "I rolled the churn model back the same evening and wrote up what went wrong for the product team."
    verdict = guards.check("How did they explain the rollback to the product team and agree on next steps?", told,
                           ["rollback"], [])
    assert not verdict.ok and any("as \"they\"" in r for r in verdict.reasons), verdict.reasons
    about_others = guards.check("How did the product team take the rollback once you wrote it up?", told,
                                ["rollback"], [])
    assert about_others.ok, about_others.reasons


def test_a_numbers_probe_after_figures_told_falls_back_to_the_question_s_own_not_the_generic() -> None:
    # the interviewer told the model count and the answer already sized its load ("about 300 requests a second"):
    # "as I said, about 40 models ..." would ask for a size given, so the question's own numbers follow-up is asked,
    # not the generic latency-and-hardware one, which fits a monitoring design poorly
    content = default_content()
    q = content.questions["sd-model-monitoring"]
    told = "About 40 models in production, from 10 to 50,000 predictions per second each."
    answer = ("Every model writes its inputs and scores to one shared table, sampled so it sees about 300 requests a "
              "second, and an hourly job compares each feature's histogram with the training window.")
    probe = choice.bank_followup(q, "no_numbers", [q.prompt, told], content.gaps, "", answer)
    assert probe in [f.text for f in q.followups if f.gap == "no_numbers"], probe
