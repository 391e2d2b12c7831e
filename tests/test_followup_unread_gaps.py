"""The follow-up goes after the largest real gap on answers like the ones nobody tuned on, written for these tests: a
story asked to weigh options that weighs none, "I" said only for who the speaker is, a deflection that defers every
view to an experiment, a problem told as if it were the outcome, a scene set by naming the teams around the work,
and a care word ("rather than hard-coding") that weighs no option."""
from __future__ import annotations

from coach.followups import choice
from tests.fixtures.scoring import bundled_content, first_follow_up, score_for


def test_a_story_asked_to_weigh_options_that_weighs_none_is_asked_what_the_other_side_offered() -> None:
    # build versus buy: the build is told with its reasons and its result, the buy side is never set against it
    text = ("Our fraud analysts needed a rules editor, because every rule change went through an engineer and took a "
            "week. I chose to build one ourselves. The vendor products never got much of a look from me; the team knew "
            "the rules engine well and owning the code meant we could change it whenever the analysts asked. I wrote "
            "the spec and built the first version with one other engineer in six weeks, with versioning and a dry run "
            "against last month's payments. Rule changes went from a week to under a day, and the analysts still use "
            "it three years on.")
    assert first_follow_up(text, "hm-build-vs-buy") == "no_tradeoff"
    weighed = text.replace("The vendor products never got much of a look from me;",
                           "A vendor editor would have been live in a month, but it cost about sixty thousand a year "
                           "and could not read our feature store, so the trade-off favoured building;")
    assert first_follow_up(weighed, "hm-build-vs-buy") != "no_tradeoff"


def test_the_bank_asks_what_buying_would_have_cost_after_a_build_weighed_against_nothing() -> None:
    content = bundled_content()
    q = content.question("hm-build-vs-buy")
    asked = choice.bank_followup(q, "no_tradeoff", [q.prompt], content.gaps)
    assert "buy" in asked.lower()


def test_an_i_that_only_says_who_the_speaker_is_takes_no_part_of_the_work() -> None:
    text = ("sure, so i'm a data scientist at an insurance company, i've been there about three years. we're the "
            "claims team, we own the model that flags claims for a second look, around forty thousand claims a day. "
            "we moved it from rules to a gradient boosted model and we cut the manual review queue by about a third. "
            "before that i was at a bank doing credit risk, and what ties it together is models that feed a money "
            "decision.")
    assert first_follow_up(text, "rc-background") == "we_not_i"
    owned = text.replace("we moved it from rules", "i moved it from rules")
    assert first_follow_up(owned, "rc-background") != "we_not_i"


def test_after_we_the_bank_asks_for_the_candidate_s_part_in_what_was_covered() -> None:
    # "Which of those systems did you personally own?" names the systems the answer covered: it asks for the
    # candidate's part in them, not for the systems again
    content = bundled_content()
    q = content.question("rc-background")
    answer = ("we own the ranking model and the experiment platform, and we moved the ranker to a learned model, "
              "which took bookings up eleven percent")
    asked = choice.bank_followup(q, "we_not_i", [q.prompt], content.gaps, answer=answer)
    assert asked in [f.text for f in q.followups if f.gap == "we_not_i"]


def test_a_view_handed_to_an_experiment_with_no_reason_is_a_non_answer() -> None:
    text = ("well, there's no one right answer to this, every problem is its own thing. i'd try both and see, and "
            "keep whichever does better on the holdout. i've been surprised in both directions before, so i "
            "don't want to prejudge anything until the numbers are in.")
    assert first_follow_up(text, "ts-trees-vs-neural") == "non_answer"
    # the same deferral after the reasons for each side is a view, with its experiment
    full = ("I'd start with gradient-boosted trees: on tabular data they are a strong default, they take missing "
            "values and mixed types with no scaling, and they serve cheaply with readable feature importances. A "
            "neural network earns its place with very large data or high-cardinality ids that want embeddings. "
            "Past that I'd try both and see, with the trees as the baseline the network has to beat.")
    assert first_follow_up(full, "ts-trees-vs-neural") != "non_answer"


def test_after_a_deferral_the_bank_asks_for_a_pick_before_any_experiment() -> None:
    content = bundled_content()
    q = content.question("ts-trees-vs-neural")
    asked = choice.bank_followup(q, "non_answer", [q.prompt], content.gaps)
    assert "pick" in asked and asked.endswith("?")


_MISTAKE = ("the worst one was a churn model i retrained on a thursday evening. i was in a hurry, so i skipped the holdout "
            "comparison we usually ran and pushed it to every region. the date parsing change in my feature code was "
            "wrong for three regions, so the retention offers there went out to the wrong customers. the next morning i got a message from the marketing lead because offer redemptions looked odd. i "
            "pulled the model back to the old version within the hour and told my manager it was my shortcut that "
            "caused it. then i spent the afternoon listing every customer who got the wrong offer so marketing could "
            "decide what to do.")


def test_a_story_that_stops_at_the_cleanup_of_its_trouble_is_asked_how_it_ended() -> None:
    # the sentence about what went wrong reads like a result, but the steps after it answer it: nothing came of them
    assert first_follow_up(_MISTAKE, "bh-biggest-mistake") == "no_result"
    ended = _MISTAKE + (" in the end the wrong offers cost us about forty thousand dollars, and since then every "
                        "retrain i ship goes through the holdout comparison first, which has caught two bad models.")
    assert first_follow_up(ended, "bh-biggest-mistake") != "no_result"


_BOUNDARY = ("so upstream we had the warehouse team, they own the stock feed, and downstream the pricing service called "
             "our demand forecast every hour. it went wrong when the warehouse team started counting returned items "
             "as stock and nobody told us, so the forecast read it as demand dropping and prices fell on about two "
             "hundred products. i spotted the drop in forecast error checks the next morning, compared the stock "
             "feed with the week before and took it to their lead, and we agreed they'd add a separate returns field. "
             "i patched our job to subtract returns that afternoon, and the next day forecast error was back down from nine to four percent.")


def test_a_story_that_opens_on_the_teams_around_the_work_has_set_its_scene() -> None:
    # the scene is who sits upstream and downstream and what each owns; what is missing is what stops the next one
    card_gaps = [g.id for g in score_for(_BOUNDARY, "dd-cross-team-dependencies").gaps]
    assert "no_context" not in card_gaps
    assert first_follow_up(_BOUNDARY, "dd-cross-team-dependencies") == "missing_point"


def test_a_missed_point_asked_by_name_is_its_head_not_the_rubric_line() -> None:
    content = bundled_content()
    q = content.question("dd-cross-team-dependencies")
    evidence = 'missed 1 of 5 talking points: "A concrete problem at a boundary: schema change, SLA miss, ..."'
    asked = [q.prompt] + [f.text for f in q.followups]
    assert choice.bank_followup(q, "missing_point", asked, content.gaps, evidence) == \
        "Can you tell me about a concrete problem at a boundary?"


def test_an_outcome_told_in_the_clause_after_the_last_step_is_the_story_s_result() -> None:
    # the trouble comes first and reads as a result; the measured outcome rides on the last step's sentence
    assert "no_result" not in [g.id for g in score_for(_BOUNDARY, "dd-cross-team-dependencies").gaps]


def test_the_word_training_alone_does_not_carry_the_same_feature_code_as_training() -> None:
    # the features are rebuilt by hand in the function; "its default from training, nothing hard-coded" is about the
    # defaults, not about sharing the training code
    text = ("I'd check each record against a schema first, types and ranges, and turn a failure into an error entry "
            "for that record so the rest of the batch carries on. A missing field takes its default from training; those "
            "defaults come out of the model bundle so nothing is hard-coded. Then I compute the features right here: lowercase and split the description, map words to ids, "
            "put the amount into ten buckets, and one-hot the country. The model runs over chunks of two hundred and "
            "fifty-six rows, and a chunk that throws is retried row by row. I count rejects per reason and time each "
            "chunk, and the tests cover an empty batch, a malformed field of each kind and a row that makes the "
            "model raise.")
    card = score_for(text, "cd-batch-inference")
    assert "Same feature code path as training to avoid skew" in [p.point for p in card.talking_points.missed]
    assert first_follow_up(text, "cd-batch-inference") == "missing_point"


_SPLITS = ("The split has to look like the way the model meets new data once it ships. Anything that forecasts or drifts "
           "gets a time-based split, training on the past and testing on the weeks after. When the same customer shows "
           "up many times, I use grouped splits so no customer lands in both train and test. With small data I'd use "
           "k-fold cross-validation with the same grouping, and I keep a holdout test set that I touch only once. ")


def test_a_point_asking_for_a_real_case_is_not_carried_by_what_one_would_expect() -> None:
    general = _SPLITS + ("As for a random split fooling you, I'd expect the metric to be inflated any time rows from "
                         "one customer sit on both sides.")
    card = score_for(general, "ts-validation-strategy")
    assert "A concrete case where a random split inflated the metric" in [p.point for p in card.talking_points.missed]
    assert first_follow_up(general, "ts-validation-strategy") == "missing_point"
    told = _SPLITS + ("On a churn model last year a random split showed an AUC of 0.91, and it dropped to 0.78 in "
                      "production because the same accounts were in train and test, so the score was inflated.")
    card = score_for(told, "ts-validation-strategy")
    assert "A concrete case where a random split inflated the metric" in [p.point for p in card.talking_points.covered]


def test_a_standard_error_worked_out_loud_is_checked_and_a_slip_probed_first() -> None:
    # sqrt(0.4 x 0.6 / 6,000) is about 0.0063, so a two-point gain is about three standard errors, not thirty
    text = ("I owned the launch review for a new spam classifier. Before anyone ran anything I agreed the bar with the "
            "trust and safety lead: recall on our labelled set of six thousand messages had to go up, with no drop in "
            "precision for any language. Recall went from forty to forty-two percent. To see whether that was noise I "
            "took the square root of point four times point six over six thousand, which is about point zero zero "
            "zero six, so the gain was thirty standard errors. I then ran a two-week holdout on five percent of "
            "traffic, user reports of spam fell by eleven percent, and we launched.")
    card = score_for(text, "dd-evaluation-rigor")
    wrong = [c for c in card.sizing.checks if not c.ok]
    assert wrong and wrong[0].claimed == "point zero zero zero six"
    assert first_follow_up(text, "dd-evaluation-rigor") == "bad_math"
    right = text.replace("point zero zero zero six, so the gain was thirty standard errors",
                         "point zero zero six, so the gain was about three standard errors")
    assert not [c for c in score_for(right, "dd-evaluation-rigor").sizing.checks if not c.ok]


_RULES_EDITOR = ("Our fraud analysts needed a rules editor, because every rule change went through an engineer and took a "
                 "week. I chose to build one ourselves. The vendor products never got much of a look from me; the team "
                 "knew the rules engine well and owning the code meant we could change it whenever the analysts asked. "
                 "I wrote the spec and built the first version with one other engineer in six weeks, with versioning "
                 "and a dry run against last month's payments. Rule changes went from a week to under a day, and the "
                 "analysts still use it three years on.")


def test_a_reply_that_weighs_the_other_option_is_not_asked_for_an_alternative_again() -> None:
    from tests.fixtures.scoring import exchange

    weighed = ("We looked at two hosted rule editors. They'd have been live in a fortnight, but each charged per "
               "analyst seat, close to fifty thousand a year, and neither could test a rule against past payments, so "
               "I judged six weeks of building worth it.")
    asked = exchange("hm-build-vs-buy", [_RULES_EDITOR, weighed])
    assert [gap for gap, _ in asked] == ["no_tradeoff"], asked


def test_once_the_alternative_was_given_the_points_about_options_are_not_asked_for_next() -> None:
    from coach.followups.first import past_answered
    from coach.scoring.gaps import Gap

    # a thin build story: the options, the criteria and how it held up are all missed
    card = score_for("I built our own feature flag service for the model rollouts, with a small team, in about a "
                     "month.", "hm-build-vs-buy")
    missed = [p.point for p in card.talking_points.missed]
    assert any("Options considered" in p for p in missed)
    gap = Gap("missing_point", 0.25, "missed ...")
    left = past_answered(gap, card, {"no_tradeoff"})
    assert left is not None and "Options considered" not in left.evidence and "Criteria" not in left.evidence
    assert past_answered(gap, card, set()) is gap


def test_at_staff_level_an_answer_at_the_bar_still_hears_its_first_probe() -> None:
    from tests.fixtures.scoring import exchange

    # a strong launch story whose standard error is off tenfold: the bar stops the digging, not the first question
    text = ("I owned the launch review for a new spam classifier. Before anyone ran anything I agreed the bar with the "
            "trust and safety lead: recall on our labelled set of six thousand messages had to go up, with no drop in "
            "precision for any language, and a holdout had to show fewer user reports. I also kept a set of two "
            "hundred past misses that every candidate had to pass. Recall went from forty to forty-two percent. To "
            "see whether that was noise I took the square root of point four times point six over six thousand, "
            "which is about point zero zero zero six, so the gain was thirty standard errors. I ran a two-week "
            "holdout on five percent of traffic, user reports of spam fell by eleven percent, and we launched. I "
            "wrote the review up as a checklist, and three other teams now use it for their launches.")
    assert score_for(text, "dd-evaluation-rigor", level="staff").overall >= 3.5
    asked = exchange("dd-evaluation-rigor", [text, "let me redo it: about point zero zero six, so three standard "
                                                    "errors, still real but far less than I said."])
    assert [gap for gap, _ in asked] == ["bad_math"], asked
