"""Rules of the pass that folded in the fifth fresh part, on answers written for these tests (not copies of the
graded set or its chains): napkin chains told with everyday verbs, and the phrasings the scorer misread."""
from __future__ import annotations

from coach.scoring import score_answer


def _checks(text: str) -> list:
    return score_answer(text, round_spec=None).sizing.checks


def _bad(text: str) -> list:
    return [c for c in _checks(text) if not c.ok]


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 0.05 * max(a, b)


def test_fan_out_told_as_each_of_the_requests_fetching_items() -> None:
    wrong = _bad("Each of the 3,000 searches a second pulls 100 passages for the reader, so the reader sees "
                 "about 30,000 passages a second.")
    assert wrong and wrong[0].rule == "fan_out" and _close(wrong[0].expected, 300_000)
    right = _checks("Each of the 3,000 searches a second pulls 100 passages for the reader, so the reader sees "
                    "about 300,000 passages a second.")
    assert right and all(c.ok for c in right)


def test_fan_out_into_lookups_uses_the_peak_rate() -> None:
    wrong = _bad("We peak at 8,000 requests a second; each request does 20 cache lookups, so the cache takes "
                 "about 16,000 lookups a second.")
    assert wrong and wrong[0].rule == "fan_out" and _close(wrong[0].expected, 160_000)


def test_a_count_after_each_day_and_a_verb_is_a_daily_rate() -> None:
    wrong = _bad("The clickstream brings in 2,000 events a second, so every day adds roughly 17 million events.")
    assert wrong and wrong[0].rule == "per_day" and _close(wrong[0].expected, 2000 * 86400)
    right = _checks("The clickstream brings in 2,000 events a second, so every day adds roughly 170 million events.")
    assert right and all(c.ok for c in right)
    # a dataset trained on each day is a size, not a rate
    assert not _bad("Every day we retrain on 30 million examples from the last month.")


def test_a_daily_count_of_questions_turns_into_a_rate_per_second() -> None:
    wrong = _bad("The help bot gets 9 million questions a day, which works out to about 10,000 questions a second.")
    assert wrong and wrong[0].rule == "qps_from_daily" and _close(wrong[0].expected, 9e6 / 86400)
    right = _checks("The help bot gets 9 million questions a day, which works out to about 100 questions a second.")
    assert right and all(c.ok for c in right)


def test_one_machine_handles_a_bare_number_is_its_capacity() -> None:
    wrong = _bad("At peak we see 9,000 requests a second and one pod handles 300, so 10 pods will do.")
    assert wrong and wrong[0].rule == "capacity" and _close(wrong[0].expected, 30)
    right = _checks("At peak we see 9,000 requests a second and one pod handles 300, so 40 pods with headroom.")
    assert right and all(c.ok for c in right)


def test_bytes_apiece_under_adam_is_not_the_total() -> None:
    checks = _checks("Full fine-tuning of a 3 billion parameter model with Adam in mixed precision takes "
                     "16 bytes apiece, so about 48 gigabytes before activations.")
    assert checks and all(c.ok for c in checks)
    assert _bad("Full fine-tuning of a 3 billion parameter model with Adam in mixed precision takes "
                "16 bytes apiece, so about 5 gigabytes before activations.")


def test_a_metric_set_aside_with_prefer_to_is_not_favoured() -> None:
    from coach.scoring.concepts import fires
    cue = "roc | roc auc + @favour + rare | few positives"
    assert not fires(cue, "I prefer the PR curve to ROC AUC when positives are rare, because ROC's false-positive "
                          "rate hides the flood of negatives.")
    assert fires(cue, "I prefer ROC AUC when positives are rare, because it is stable.")


def _claims(question_id: str, text: str) -> list[str]:
    from coach.content.loader import default_content
    from coach.scoring.claims import find
    from coach.scoring.text import sentences
    question = default_content().questions[question_id]
    return [w.claim for w in find(question, sentences(text))]


def test_new_wrong_claims_are_named_and_their_correct_forms_are_not() -> None:
    cases = [
        ("ts-metric-choice",
         "Precision is independent of the base rate, since it only counts what the model flagged.",
         "Precision drops as the base rate drops, so I measure it on data with the production mix."),
        ("ts-metric-choice",
         "I quote F1 at a 0.5 cut-off, because it is threshold-free and nobody has to pick an operating point.",
         "F1 moves with the cut-off, so I pick the threshold from error costs and report PR AUC as the summary."),
        ("ts-validation-strategy",
         "Fitting on recent months and testing on older months is just as valid, the model has no sense of time.",
         "I train on the older months and test on the most recent one, so the score reflects the future."),
        ("ts-offline-online-gap",
         "Since we ship the same artifact that we evaluated, skew is impossible here.",
         "Even with the same artifact, skew is possible, because the serving features are built by other code."),
        ("cd-logistic-regression",
         "For the cross-entropy loss the gradient is (p - y) * p * (1 - p) * x for each row.",
         "For the cross-entropy loss the gradient is (p - y) * x, since the p (1 - p) from the sigmoid cancels."),
        ("cd-logistic-regression",
         "The loss is convex, so any step size reaches the minimum and I never tune it.",
         "The loss is convex, but a step size that is too large still diverges, so I tune it."),
        ("dd-data-quality",
         "Orders still inside the chargeback window had no label yet, so we marked them as good, which was harmless.",
         "Orders still inside the chargeback window had no label yet, so we left them out until the labels matured."),
        ("dd-data-quality",
         "Our training accuracy climbed every week, which told us the labels were clean.",
         "Training accuracy climbed every week, but that does not mean the labels were clean, so we audited 500."),
    ]
    for qid, wrong, right in cases:
        assert _claims(qid, wrong), (qid, wrong)
        assert not _claims(qid, right), (qid, right)


def test_a_decimal_point_does_not_split_a_clause() -> None:
    from coach.scoring.concepts import clauses
    assert len(clauses("I report F1 at the 0.5 cut-off as a threshold-free summary")) == 1


def test_staff_signals_in_plain_words() -> None:
    from coach.scoring.calibrate import staff_signals
    assert "long-term direction" in staff_signals(
        "The review checklist became the standard for the payments and lending model teams.")
    assert "scope across teams" in staff_signals(
        "I walked the legal director and the head of operations through the same two numbers.")
    assert "scope across teams" not in staff_signals("I showed both options to the support lead.")
    assert "influence without authority" in staff_signals(
        "I wrote the rollout rules down and had the data director and the ads team sign them before the test.")
    assert "limits in production" in staff_signals(
        "Grouped by store the score fell to 0.7, and that is what we saw live.", ("limits in production",))


def test_unmeasured_outcomes_told_as_a_verdict_or_a_release_are_results() -> None:
    card = score_answer("Our onboarding flow lost half of new sellers at the tax step. I rewrote the form so the "
                        "tax questions came last and were prefilled. The sellers and the sales team both told us it "
                        "was far easier.")
    assert card.star.labels[-1] == "result"
    spoken = score_answer("so we had a churn model the growth team wanted out that week and i found it was badly "
                          "off for new users so i held it back and retrained it on recent sign-ups and three weeks "
                          "later the new version went out without that problem")
    assert spoken.star.result.present


def test_a_list_of_tools_is_not_a_background() -> None:
    from coach.content.loader import default_content
    content = default_content()
    question = content.questions["rc-background"]
    tools = ("uh well i studied economics and after that a marketing agency where i touched forecasting plus a bit "
             "of nlp then a logistics startup running spark jobs on kubernetes with tensorflow and later pytorch "
             "and now a bank where the stack is sagemaker with mlflow and a feature store and lately i read about "
             "transformers in the evenings and honestly that is roughly my path")
    card = score_answer(tools, question=question, round_spec=content.rounds.get("recruiter"),
                        rubric=content.rubrics.get("recruiter"), level="senior")
    assert card.overall <= 2.0, card.calibration.steps


def test_another_persons_answer_after_a_step_is_part_of_the_action() -> None:
    card = score_answer("Our nightly export kept failing and the on-call rota was exhausted. I sat down with the "
                        "engineer who owned it and asked what was going on. She told me the vendor had changed the "
                        "file format twice without notice. I wrote a schema check that stopped the job with a clear "
                        "message, and failures dropped from nine a month to one.")
    assert card.star.labels[2] == "action", card.star.labels


def test_figures_in_the_steps_lift_a_story_whose_outcome_is_told_in_words() -> None:
    base = ("so we had a new search ranker and the sales team wanted it out before the trade fair "
            "and when i split the results by country it was much worse for the smaller markets "
            "so i checked it again on a fresh sample "
            "then i told the sales lead we could not ship it everywhere "
            "and we turned it on only for the big markets "
            "and i retrained it with more data from the small ones "
            "and a while later the new ranker went out everywhere without that problem")
    measured = base.replace("much worse for the smaller markets", "six points worse for the four smaller markets") \
        .replace("on a fresh sample", "on three fresh months of data")
    plain, figures = score_answer(base), score_answer(measured)
    assert figures.overall > plain.overall, (plain.calibration.steps, figures.calibration.steps)


def test_an_offline_winner_said_to_always_overtake_live_is_a_wrong_claim() -> None:
    assert _claims("ts-offline-online-gap", "People distrust new things, but a ranker that won offline is bound "
                                            "to overtake the old one after a few weeks, so we just wait.")
    assert not _claims("ts-offline-online-gap", "A ranker that won offline does not always beat the old one live, "
                                                "so I check the proxy metric first.")


def test_a_step_that_goes_on_with_and_we_is_still_a_step() -> None:
    from coach.scoring.star import label_sentence
    scores = label_sentence("I sat with her for three mornings on the parser, and we cut the first release down to "
                            "the four file types the finance team used.")
    assert scores["action"] > scores["result"], scores


def test_a_sound_story_without_staff_signals_stays_near_the_senior_bar_at_staff() -> None:
    story = ("Our churn model was due to launch on Monday and the growth team wanted it live. When I split its "
             "results by tenure it was twelve points worse for accounts under three months old. I checked it on "
             "four more months of data and the gap held. I told the growth lead we should hold it for new "
             "accounts, and we shipped it for older accounts only. I retrained it with recent sign-ups. In the "
             "end the full model went live without the gap.")
    senior, staff = score_answer(story, level="senior"), score_answer(story, level="staff")
    assert staff.overall < senior.overall
    assert staff.overall >= 2.4, staff.calibration.steps


def test_a_last_step_that_ends_with_the_release_after_some_weeks_carries_the_outcome() -> None:
    card = score_answer("The fraud team wanted the new scorer on before the sale. I found it flagged twice as many "
                        "gift-card orders from new shops. I held that part back and kept the old rules for them. "
                        "I retrained it on a fresh month of orders and three weeks later the scorer went live for "
                        "every shop.")
    assert card.star.result.present, card.star.labels


def test_views_with_no_story_cover_no_story_point() -> None:
    from coach.content.loader import default_content
    content = default_content()
    question = next(q for q in content.questions.values() if q.round == "behavioral" and q.talking_points
                    and any("stakeholder" in p.lower() for p in q.talking_points))
    views = ("Outages show you who a team really is. The first job in any incident is to protect users, and the "
             "cause can wait. Clear updates to stakeholders during an outage matter as much as the technical fix. "
             "Blameless reviews with lasting fixes are the only way teams get better.")
    card = score_answer(views, question=question, round_spec=content.rounds.get("behavioral"),
                        rubric=content.rubrics.get("behavioral"), level="senior")
    assert not card.talking_points.covered, card.talking_points.covered


def test_a_keyword_with_symbols_matches_as_written_or_spoken() -> None:
    from coach.content.loader import default_content
    from coach.scoring.talking_points import coverage
    from coach.scoring.text import clean, sentences
    question = default_content().questions["cd-kmeans"]
    init = question.talking_points[1]
    plain = sentences(clean("Each round, k-means moves every point to its closest center and then moves the centers."))
    spoken = sentences(clean("I seed the centers with k means plus plus, which spreads them apart."))
    assert init not in [p.point for p in coverage(question, plain).covered]
    assert init in [p.point for p in coverage(question, spoken).covered]
