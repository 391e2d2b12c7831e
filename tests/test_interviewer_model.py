"""The bundled GGUF interviewer, for real: whatever it says reaches the candidate as one question."""
from __future__ import annotations

import re

from coach.content import default_content
from coach.followups import guards


def _is_one_question(text: str) -> bool:
    n = len(guards.words(text))
    return text.endswith("?") and text.count("?") == 1 and 5 <= n <= 30


def test_bundled_model_follow_up_is_exactly_one_question(interviewer) -> None:
    question = default_content().questions_for("behavioral")[0]
    answer = ("So we were migrating the churn model to a new feature store and the team argued for weeks. "
              "We eventually shipped it and it was fine.")
    reply = interviewer.follow_up(question, answer, "no_result", [question.prompt])
    assert _is_one_question(reply.question), reply
    assert reply.source in ("model", "bank")
    assert reply.gap == "no_result"
    assert reply.question != question.prompt
    # the reply carries its own pace: no counters left on the interviewer between calls
    assert reply.first_token_at is not None and reply.tokens > 0 and reply.generation_s > 0


def test_raw_model_candidates_are_real_generations(interviewer) -> None:
    question = default_content().questions_for("system-design")[0]
    candidates = interviewer.propose(question, "I would use a two tower model and a ranking service.", "no_numbers")
    assert len(candidates) == 3
    assert any(re.search(r"[a-z]{3,}", c.lower()) for c in candidates)   # the model produced words


def test_each_candidate_stops_at_its_question_mark_and_a_spent_budget_allows_no_second(interviewer) -> None:
    import time

    question = default_content().question("dd-latency-budget")
    answer = ("Two years ago I owned the ranking service for our marketplace search. Latency had crept up to "
              "four hundred milliseconds, so I split retrieval from the heavy ranker and cached embeddings.")
    relaxed = interviewer.follow_up(question, answer, "missing_point", [question.prompt])
    if relaxed.source == "bank":
        assert len(relaxed.candidates) == 2          # the first failed the guards: one more try, then the bank
    for text in relaxed.candidates:
        assert text.count("?") <= 1 and (text.rstrip().endswith("?") or "?" not in text)   # nothing after the "?"
    hurried = interviewer.follow_up(question, answer, "missing_point", [question.prompt], deadline=time.perf_counter())
    assert len(hurried.candidates) == 1                                   # the budget was spent: no second try
    assert hurried.candidates[0].count("?") <= 1


def test_a_follow_up_aimed_at_a_missed_point_asks_about_that_point(interviewer) -> None:
    from coach.followups.choice import GAP_WORDS

    content = default_content()
    question = content.question("sd-home-recommendations")
    answer = ("I'd retrieve a few hundred candidates with a two tower model, rank them with gradient boosted trees "
              "on click and purchase history, and A/B test the ranker against the current one.")
    target = 'missed 1 of 7 talking points: "Cold start for new users and new items"'
    reply = interviewer.follow_up(question, answer, "missing_point", [question.prompt], target=target)
    assert _is_one_question(reply.question), reply
    if reply.source == "bank":       # the bank's follow-up about the missed point, not the first one listed
        assert "five minutes ago" in reply.question
    else:
        assert any(w in reply.question.lower() for w in GAP_WORDS["missing_point"] + ("new", "cold"))


def test_after_wrong_arithmetic_the_default_model_asks_how_the_figure_was_derived(interviewer) -> None:
    """The finding reaches the model in plain words (the figure and its inputs, not the right answer),
    so it writes the question itself; whatever it writes names the figure or the bank asks."""
    content = default_content()
    question = content.question("dd-scaling")
    answer = ("Our ranking service grew from one region to four. We served about two thousand requests per second "
              "per machine and had forty machines, so about eight thousand requests per second in total, and the "
              "feature cache ran out of memory first.")
    card = __import__("coach.scoring", fromlist=["score_answer"]).score_answer(
        answer, question=question, round_spec=content.round("deep-dive"), rubric=content.rubric("deep-dive"))
    top = card.gaps[0]
    assert top.id == "bad_math", card.gaps
    from coach.followups.findings import Finding

    reply = interviewer.follow_up(question, answer, top.id, [question.prompt], target=Finding.of(card, top))
    assert _is_one_question(reply.question), reply
    assert "80,000" not in reply.question and "eighty" not in reply.question.lower()   # never gives the answer
    if reply.source == "model":
        assert re.search(r"eight thousand|8,000|8000", reply.question.lower()), reply


def test_the_model_rewrites_the_banks_draft_instead_of_copying_it(interviewer) -> None:
    """The draft says what to ask; the model is steered off five of its tokens in a row (unless it is sure
    of the next one), so what it writes is its own question about this answer, not the draft read out."""
    from coach.followups.choice import bank_followup

    content = default_content()
    question = content.question("bh-production-incident")
    answer = ("Our fraud model started declining far more payments than usual. We rolled back within the hour, "
              "we traced it to a feature whose units had changed upstream, and we added a range check.")
    draft = bank_followup(question, "we_not_i", [question.prompt], content.gaps, "", answer)
    reply = interviewer.follow_up(question, answer, "we_not_i", [question.prompt])
    assert reply.candidates
    for text in reply.candidates:
        assert guards.clean(text).lower() != draft.lower(), (text, draft)


def test_a_candidate_cut_off_by_the_reply_deadline_is_never_asked_half_written(interviewer) -> None:
    import threading

    question = default_content().question("dd-latency-budget")
    answer = "I split retrieval from the ranker and cached embeddings, and latency went down a lot."
    stop = threading.Event()
    timer = threading.Timer(0.05, stop.set)      # mid-generation at the latest
    timer.start()
    reply = interviewer.follow_up(question, answer, "no_numbers", [question.prompt], cancel=stop)
    timer.cancel()
    assert reply.source == "bank" and reply.candidates == ()
    assert _is_one_question(reply.question), reply
