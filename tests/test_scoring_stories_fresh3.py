"""Rules of the fifth scoring pass, on answers written for these tests (not copies of the graded set): rates told
with an arrival verb, staff influence and direction told in plain words, story labels on new phrasings."""
from __future__ import annotations

from coach.scoring import score_answer
from coach.scoring.calibrate import staff_signals


def test_a_daily_count_with_an_arrival_verb_is_checked_against_the_rate_per_second() -> None:
    wrong = score_answer("The sensors write 500 rows a second, so roughly 4 million rows arrive in the "
                         "warehouse every day.", round_spec=None)
    bad = [c for c in wrong.sizing.checks if not c.ok]
    assert bad and bad[0].rule == "per_day" and abs(bad[0].expected - 500 * 86400) / (500 * 86400) < 0.01
    right = score_answer("The sensors write 500 rows a second, so roughly 43 million rows arrive in the "
                         "warehouse every day.", round_spec=None)
    assert right.sizing.checks and all(c.ok for c in right.sizing.checks)


def test_influence_without_authority_in_plain_words() -> None:
    for said in ("I took the outage count to the search team's manager and asked for a schema freeze.",
                 "I went to each team's sprint review and showed them the regressions from their own launches.",
                 "My group had no say over the checkout launch, so I wrote up the risk for their director.",
                 "I had to convince two product teams that a shared index was worth a slower first month."):
        assert "influence without authority" in staff_signals(said), said


def test_direction_that_outlasts_the_project_in_plain_words() -> None:
    for said in ("The infra group now offers the same backfill service to any team that asks for it.",
                 "Two years on, that split is the pattern the other ranking teams use.",
                 "Since then the payments org sends us every pricing model for review before launch.",
                 "Five other teams in the company now run the same check before a release."):
        assert "long-term direction" in staff_signals(said), said
    assert "long-term direction" not in staff_signals("I fixed the flaky job and we shipped the model on Friday.")


def _labels(text: str) -> dict[str, str]:
    card = score_answer(text)
    return {s[:25]: lab for s, lab in zip(card.star.sentences, card.star.labels)}


def test_a_belief_held_before_the_story_turned_is_its_setting() -> None:
    card = score_answer("I was convinced the churn model was stale, and I pushed for a weekly retrain. An analyst on "
                        "my team asked whether the cancellation dates were right. I checked a month of accounts and "
                        "found that cancellations were logged a week late. I fixed the logging job instead of "
                        "retraining, and churn recall rose by eight points.")
    assert card.star.labels[0] == "situation"
    assert card.star.situation.evidence[0].startswith("I was convinced")
    assert card.star.action.evidence[0].startswith(("I checked", "I fixed"))


def test_a_habit_that_started_after_the_story_is_what_lasted() -> None:
    card = score_answer("Our search ranker lost clicks after a retrain. I found that the test queries had leaked "
                        "into training and I rolled it back. I added a check that fails the job on any overlap. "
                        "Since then I always diff the train and test sets before I trust an offline gain.")
    assert card.star.labels[-1] == "result"


def test_how_long_it_has_held_is_an_outcome() -> None:
    card = score_answer("We needed a queue for model scoring jobs. I compared a hosted queue with running our own. "
                        "I picked our own because we already ran two like it. It has run for three years with one "
                        "outage, at a fifth of the hosted price.")
    assert card.star.labels[-1] == "result"
    assert card.star.result.present


def test_another_partys_agreement_that_closes_the_story_is_the_outcome() -> None:
    card = score_answer("Our head of sales wanted the lead score used for every region at once. The model had only "
                        "seen two regions, so I did not trust it elsewhere. I walked her through the error by region "
                        "and suggested a slower start. She agreed, and the new regions kept the old process until "
                        "their data caught up.")
    assert card.star.labels[-1] == "result"
    assert card.star.result.evidence[0].startswith("She agreed")


def test_a_team_one_led_is_the_setting_and_a_negated_act_is_no_step() -> None:
    card = score_answer("I led the payments analytics group at the time. The checkout team wanted to launch a new "
                        "fraud rule. I replayed a month of orders with it and found it blocked twice the good orders.")
    assert card.star.labels[0] == "situation"
    weak = score_answer("We used whatever labels were in the table. I did not really find any problems with them. "
                        "Another team took care of the rest.")
    assert weak.star.labels[1] != "action"          # "I did not really find any problems"


def test_how_success_was_measured_is_setting_not_an_outcome() -> None:
    card = score_answer("I owned the store replenishment model. We measured success by the share of shelves "
                        "restocked within one day. I rebuilt the features on hourly sales and moved the retrain to "
                        "nightly. Empty shelves fell from nine to four percent.")
    assert card.star.result.evidence[0].startswith("Empty shelves fell")
    assert _labels(card.star.sentences and " ".join(card.star.sentences))["We measured success by th"] != "result"


def test_a_sweeping_judgement_of_others_costs_like_blame() -> None:
    told = ("Our VP asked us to add voice search because a rival had it. I told him it would not pay off. I said my "
            "team had no time for it. In the end another group built it and nobody used it.")
    plain = score_answer(told)
    sour = score_answer(told.replace("I told him it would not pay off.",
                                     "I told him it would not pay off and that management always chases shiny things.")
                        + " That proved my point.")
    assert any("puts the fault on others" in s for s in sour.calibration.steps)
    assert sour.overall < plain.overall


def test_when_a_step_happened_does_not_measure_the_outcome() -> None:
    card = score_answer("Our CFO wanted the churn forecast to drive the renewal budget in a new market. The model had "
                        "never seen that market. I explained where it was reliable and where it was a guess. I "
                        "suggested keeping the old budget method alongside it. She agreed, and we moved the market onto "
                        "the forecast once it had three months of its own history.")
    assert card.star.result.present and not card.star.measurable_result


def test_a_scene_that_runs_on_before_the_first_step_is_capped() -> None:
    steps = (" I sat down with her and found she had never used our feature store. I paired with her for two "
             "afternoons and split her task into three smaller ones. After that her work landed on time and the "
             "launch slipped only two weeks instead of two months.")
    short = "A teammate on the search project kept missing her deadlines, which held up my ranking work." + steps
    long_scene = ("So this was on the search project, which had been running for about two years before I joined and "
                  "had gone through three managers and a rewrite of the indexer, which was its own long story with "
                  "outages and a migration that never quite finished. The data side was also in a bit of a state, "
                  "because the logging format had changed twice that year and half the dashboards were wrong, and "
                  "people argued about which numbers to trust. Anyway, a teammate kept missing her deadlines, week after "
                  "week, which held up the ranking work I was doing and frustrated the product manager a lot." + steps)
    tight, buried = score_answer(short), score_answer(long_scene)
    assert any("before the first step" in s for s in buried.calibration.steps)
    assert not any("before the first step" in s for s in tight.calibration.steps)
    assert buried.overall < tight.overall


def test_weights_of_a_stated_precision_are_judged_tightly_but_leave_room_for_overhead() -> None:
    half = score_answer("A thirteen billion parameter model in bf16 takes about 13 GB, so one 24 GB card holds it.",
                        round_spec=None)
    bad = [c for c in half.sizing.checks if not c.ok and c.rule == "model_memory"]
    assert bad and abs(bad[0].expected - 26e9) < 1e9
    overhead = score_answer("A thirteen billion parameter model in bf16 takes about 30 GB once the runtime is loaded.",
                            round_spec=None)
    assert [c.ok for c in overhead.sizing.checks if c.rule == "model_memory"] == [True]


def test_wrong_claims_about_serving_latency_in_a_deep_dive_story() -> None:
    from coach.content import load_content
    content = load_content()
    q = content.questions["dd-latency-budget"]
    kw = dict(question=q, round_spec=content.rounds.get("deep-dive"), rubric=content.rubrics.get("deep-dive"))
    wrong = score_answer("Our search ranker had a budget of sixty milliseconds. I converted it to int8, and the lower "
                         "precision improved the accuracy as a bonus. We also moved to larger batches, which made each "
                         "request quicker. We tracked the mean latency per hour, and that covered the slow requests "
                         "too. It stayed at twenty milliseconds.", **kw)
    assert len(wrong.wrong_claims) == 3 and wrong.overall <= 2.0
    right = score_answer("Our search ranker had a budget of sixty milliseconds at p99. I converted it to int8 and we "
                         "lost about half a point of recall. Larger batches raised throughput but made each request "
                         "wait longer, so I capped the batch wait at five milliseconds. We tracked p99 per hour, since "
                         "the average hides the slow requests. It stayed under fifty milliseconds.", **kw)
    assert right.wrong_claims == ()


def test_a_sentence_opening_with_a_plan_or_a_view_sets_no_scene() -> None:
    plan = score_answer("um first i'd go through every alert from the last quarter and mark which ones anybody "
                        "actually had to act on then i'd cut the rest")
    assert "situation" not in plan.star.labels
    view = score_answer("For me, good mentoring is about a shared sense of ownership. I usually pair with people "
                        "early on. It has always worked for the people I helped.")
    assert not view.star.situation.present
    redo = score_answer("I would not hand-roll our own scheduler again; we lost a quarter to it. At the time nothing "
                        "off the shelf fit our jobs.")
    assert redo.star.labels[0] != "other" or redo.star.result.present


def test_design_practices_told_in_plain_words() -> None:
    from coach.scoring import signals
    from coach.scoring.text import sentences
    prod = signals.production_concepts("To judge it I'd keep a small group of users on the old ranking for a "
                                       "quarter, and I'd read the error region by region.")
    assert {"holdout group", "slice evaluation"} <= set(prod)
    assert signals.tradeoff_evidence(sentences("Show the banner only when the expected lift outweighs the "
                                               "chance of an uninstall."))
    assert signals.clarifying(sentences("The real goal is buyers coming back next month, not clicks today."))
    assert not signals.clarifying(sentences("I guess the goal is to show people good things."))


def test_a_comparison_a_step_turned_up_and_a_closing_redo_lesson() -> None:
    card = score_answer("Our pricing team wanted a deep model for demand. I fit a gradient-boosted baseline in a day "
                        "and I asked them to score their model on the same four weeks. Their model was three points "
                        "better on error but it needed a GPU per region. I showed both to the product lead and we "
                        "shipped the baseline, which cut stock-outs by a fifth. If I did it again I would have set the "
                        "serving budget before anyone trained anything.")
    labels = card.star.labels
    assert labels[2] == "action"          # what the side-by-side turned up
    assert labels[-1] == "result"         # the lesson, shaped as a conditional
    opening = score_answer("If I started over I would write the data checks before the model. We lost weeks to bad "
                           "rows later.")
    assert opening.star.labels[0] == "other"    # a redo that opens the answer is no outcome of a story


def test_a_trouble_that_kept_recurring_is_context() -> None:
    card = score_answer("we kept hitting the same outage where a retrain would pass offline and fail for one market "
                        "so i wrote a rule that every launch shows the ten biggest markets and i built the report for it "
                        "within a quarter nine teams ran it")
    assert card.star.labels[0] == "situation"


def _points(text: str, qid: str):
    from coach.content import load_content
    content = load_content()
    q = content.questions[qid]
    return score_answer(text, question=q, round_spec=content.rounds.get(q.round), rubric=content.rubrics.get(q.round))


def test_a_story_point_about_the_outcome_needs_an_outcome_sentence() -> None:
    card = _points("Our launch date was fixed by a trade show. The fraud model would not be ready with every "
                   "feature. I cut the two features that needed a new stream and kept the regional holdout. I "
                   "suggested we launch with the batch features and I logged what we cut as tickets.",
                   "bh-deadline-quality")
    assert "The outcome of the launch" not in {p.point for p in card.talking_points.covered}
    told = _points("Our launch date was fixed by a trade show. The fraud model would not be ready with every "
                   "feature. I cut the two features that needed a new stream and kept the regional holdout. The "
                   "launch went smoothly and we added the stream features a month later.", "bh-deadline-quality")
    assert "The outcome of the launch" in {p.point for p in told.talking_points.covered}


def test_lessons_and_admissions_in_plain_words_carry_their_points() -> None:
    card = _points("I was sure our churn labels were fine and argued for a bigger model. A new analyst asked how "
                   "cancellations were dated. I pulled a month of accounts and a fifth were dated late. I told the "
                   "team in standup that I had been wrong. We fixed the dates and recall went up by a third. Since "
                   "then I look at raw rows before I argue about a model.", "bh-changed-mind")
    covered = {p.point for p in card.talking_points.covered}
    assert "What they learned about how they form opinions" in covered
    assert "What happened to the project after the change" in covered


def test_an_aside_in_a_story_covers_no_point() -> None:
    card = _points("I also believe you should never let quality slip when you save money. For me, profiling "
                   "always comes first.", "bh-cost-reduction")
    assert not card.talking_points.covered


def test_a_gain_in_points_told_with_added_is_a_measured_outcome() -> None:
    card = score_answer("What I dropped was the feature selection sweep, since the full set was within a point of "
                        "it last quarter. I kept the per-country backtest. I filed each shortcut with an owner and a "
                        "date. We closed both a month after launch, and the swept model added about a point, as we "
                        "had guessed.", followup=True)
    assert card.star.labels[-1] == "result" and card.star.measurable_result
    plain = score_answer("I added two features to the model and retrained it.")
    assert plain.star.labels[0] == "action"


def test_a_later_clause_that_became_the_standard_is_the_outcome() -> None:
    card = score_answer("Last spring our ads model overspent budgets in one region for a day. As the engineer on call I "
                        "ran the incident with the billing team. I paused the region and traced it to a stale "
                        "exchange rate. I wrote the review, and the rate check with its alert became the standard for "
                        "every bidding model in the company.")
    assert card.star.labels[-1] == "result"


def test_an_outcome_measured_in_spoken_teens_and_thousands_is_measured() -> None:
    card = score_answer("so our search cluster was costing about thirty thousand a month and finance flagged it "
                        "i looked at the query logs and saw most queries repeated within an hour "
                        "so i put a cache in front of it with a short expiry "
                        "the bill went down to about eleven thousand a month")
    assert card.star.result.present and card.star.measurable_result


def test_a_later_clause_still_in_use_is_the_outcome() -> None:
    card = score_answer("Our teams each deployed models their own way. I wrote the proposal for one shared path and "
                        "built the first version with two engineers. I handed it to the infra team, and it is still how "
                        "every team deploys a model.")
    assert card.star.labels[-1] == "result"


def test_moving_between_jobs_alone_does_not_say_what_connects_them() -> None:
    from coach.content import load_content
    content = load_content()
    q = content.questions["rc-background"]
    kw = dict(question=q, round_spec=content.rounds.get("recruiter"), rubric=content.rubrics.get("recruiter"))
    listed = score_answer("i began in reporting and then i moved into data science and then i moved to a bank", **kw)
    assert "What connects the career steps" not in {p.point for p in listed.talking_points.covered}


def test_we_in_the_scene_is_not_counted_against_the_speaker() -> None:
    scene_we = score_answer("We were building a churn model, and we were using support chats that we had kept for "
                            "years. I asked our privacy counsel to review the plan before any data was pulled. She "
                            "ruled out chats older than a year. I dropped those and kept weekly counts instead. Recall "
                            "fell by one point, and two other teams now use her checklist.")
    assert not any('"we"' in s for s in scene_we.calibration.steps)
    team_we = score_answer("Our churn model was stale. We asked counsel for a review. We dropped the old chats and "
                           "we kept weekly counts. We retrained it and recall fell by one point.")
    assert any('"we"' in s for s in team_we.calibration.steps)
