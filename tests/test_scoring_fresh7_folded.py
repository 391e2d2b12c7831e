"""Rules added after the seventh fresh part of the graded set was scored once and folded into tuning, checked on
answers written for these tests (not copies of the graded set)."""
from __future__ import annotations

from coach.scoring import score_answer


def test_an_outcome_told_after_the_time_that_passed_opens_the_result() -> None:
    story = ("so at the parcel depot we had a model that guessed which vans would run late | and my manager wanted "
             "to add the drivers' overtime logs as a feature | and i thought that was a bad idea because overtime "
             "is logged after the van is already late | so first i sat with her and asked what she hoped it would "
             "catch | and i built two versions one with overtime lagged by a week and one without it | and i wrote "
             "up what each one caught for the ops lead | so we agreed to use the lagged logs only on rural routes | "
             "after four months the planners were catching about twenty percent more late vans on rural routes")
    card = score_answer(story.replace(" | ", " "), round_spec=None)
    assert card.star.labels[-1] == "result", card.star.labels
    assert card.star.result.evidence[0].startswith("after four months"), card.star.result.evidence
    assert card.star.measurable_result


def test_the_task_and_constraints_before_the_first_step_do_not_count_as_a_long_scene() -> None:
    # a short scene, then the ask and the constraints the choice was made under: the scene is a sentence or two
    story = ("At a regional bus operator I looked after the model that predicts how full each bus will be. "
             "I had to decide before the winter timetable whether we would keep it or move to the vendor's "
             "forecasting product that the planning director had been shown at a conference. "
             "The constraints were tight: the timetable team needed forecasts by six every morning, the data "
             "lived in an old depot database with gaps on rainy days, and nobody on the team could maintain a "
             "second system, so whatever we picked had to run unattended for months. "
             "I ran both on the last two winters of ticket data and compared their errors route by route. "
             "I showed the director that the vendor was better on busy city routes but worse on the rural ones, "
             "and proposed keeping ours with a weather feature added. "
             "I built the weather feature and wrote the runbook for the night shift. "
             "That winter the forecast error fell from 18 to 12 percent, and the planners cut empty runs by about "
             "a tenth. Looking back, I would have brought the planners into the comparison earlier.")
    card = score_answer(story, round_spec=None)
    assert not any("scene runs" in s for s in card.calibration.steps), card.calibration.steps
    assert card.overall >= 4.0, card.calibration.steps
    # the same steps after a scene that wanders for a paragraph are held down
    scene = ("At a regional bus operator I looked after the model that predicts how full each bus will be, which "
             "had been built years before I joined by a team that had since left, on a database that was being "
             "moved to a new provider, which was a saga of its own. The operator was also going through a "
             "reorganisation at the time, with new managers, new depots opening on the coast and old routes being "
             "cut or merged, and the planning director had been shown a vendor's forecasting product at a "
             "conference and liked it a lot, and there had been long debates about it in several meetings. ")
    wandering = score_answer(scene + story.split(". ", 1)[1], round_spec=None)
    assert any("scene runs" in s for s in wandering.calibration.steps), wandering.calibration.steps
    assert wandering.overall < card.overall


STORY = ("Last year our nightly feature backfill kept missing its deadline. I was asked to make it finish before "
         "the morning retrain. I profiled the job and found one skewed join, and I rewrote it with salted keys. "
         "The job now finishes in 40 minutes instead of 3 hours, and we have not missed a retrain since.")


def test_staff_signals_in_everyday_counts_and_standing_mechanisms() -> None:
    bare = score_answer(STORY, level="staff")
    assert "scope across teams" in bare.calibration.staff_missing
    # scope told as a count past ten, or as other product areas
    for wider in (" Within a year eleven teams ran their backfills the same way.",
                  " The heads of three product areas asked for the same fix."):
        card = score_answer(STORY + wider, level="staff")
        assert "scope across teams" not in card.calibration.staff_missing, wider
    # direction: a standing slot, a mechanism offered to any team doing the same work, the next projects reusing it
    for lasting in (" I set up a standing fortnightly slot with the data platform group.",
                    " The check is now run by the platform group for any team touching the warehouse.",
                    " The next three pipelines went through the same review."):
        card = score_answer(STORY + lasting, level="staff")
        assert "long-term direction" not in card.calibration.staff_missing, lasting
    assert score_answer(STORY + " The next three pipelines went through the same review.",
                        level="staff").overall > bare.overall


def test_a_design_weighing_shared_against_team_owned_and_its_spend_meets_the_staff_bar() -> None:
    from coach.content.loader import default_content
    content = default_content()
    rubric = content.rubrics["system-design"]
    text = ("Before building anything I would ask whether one shared ranking model is the right call. Today four "
            "teams each spend about a hundred and fifty GPU hours a week training their own, so the duplicated "
            "spend is the case for sharing. I would train a shared base on the pooled clicks, and each team is "
            "free to train a small head on top; if a head cannot match a team's current model, that team keeps "
            "its own. I would serve it behind one feature store, monitor each head's own metric, and roll out "
            "with one partner team first.")
    card = score_answer(text, rubric=rubric, round_spec=content.rounds.get("system-design"), level="staff")
    assert "cost and headroom" not in card.calibration.staff_missing, card.calibration.staff_signals
    assert "organisation-level trade-off" not in card.calibration.staff_missing, card.calibration.staff_signals


def _imbalance(text: str):
    from coach.content.loader import default_content
    content = default_content()
    return score_answer(text, question=content.questions["ts-class-imbalance"],
                        round_spec=content.rounds.get("technical-screen"),
                        rubric=content.rubrics.get("technical-screen"), level="senior")


def test_a_wrong_claim_named_by_a_pronoun_is_read_with_the_sentence_before() -> None:
    sound = ("My usual tool is random oversampling of the rare class. I only apply it to the training fold after "
             "splitting, so validation keeps the real class ratio. Class weights in the loss are the other option, "
             "and I pick the cut-off from the precision-recall curve instead of leaving it at 0.5.")
    wrong = ("My usual tool is random oversampling of the rare class. I apply it to the full dataset first, then "
             "split, so that validation is balanced as well. Class weights in the loss are the other option, "
             "and I pick the cut-off from the precision-recall curve instead of leaving it at 0.5.")
    assert not _imbalance(sound).wrong_claims
    card = _imbalance(wrong)
    assert card.wrong_claims and card.wrong_claims[0].evidence.startswith("I apply it to the full dataset")
    assert card.overall <= 2.0 < _imbalance(sound).overall


def test_copies_named_as_the_data_added_are_not_a_warning() -> None:
    card = _imbalance("Random oversampling keeps the probabilities unchanged, since it is only adding copies of "
                      "real rows. Class weights are another option, and I tune the cut-off on the precision-recall "
                      "curve.")
    assert card.wrong_claims, card.calibration.steps
    assert card.overall <= 2.0


def _technical(question: str, text: str):
    from coach.content.loader import default_content
    content = default_content()
    q = content.questions[question]
    return score_answer(text, question=q, round_spec=content.rounds.get(q.round), rubric=content.rubrics.get(q.round),
                        level="senior")


def test_wrong_claims_told_in_other_words_are_caught() -> None:
    # NDCG said to treat every position alike; logged clicks said to need no correction
    assert _technical("ts-ranking-metrics", "I would report NDCG at ten, which is handy because it scores each rank "
                      "evenly across the list, and I would take clicks from the logs as labels.").wrong_claims
    assert _technical("ts-ranking-metrics", "NDCG at ten is my main metric. For labels, clicks from the logs are "
                      "fine as they are, with no need to correct them for position.").wrong_claims
    # a gap between training and validation error called bias
    assert _technical("ts-bias-variance", "When the training error is tiny and the validation error is much higher, "
                      "that is a bias problem, so I add features.").wrong_claims
    # stratifying on the label said to keep users apart
    assert _technical("cd-stratified-split", "A stratified split on the label also ensures every user sits on one "
                      "side, so no grouping is needed.").wrong_claims
    # ... and the right statements are not flagged
    assert not _technical("ts-ranking-metrics", "NDCG discounts each result by its position, so the top of the list "
                          "counts most; clicks from the logs need a correction for position bias.").wrong_claims
    assert not _technical("cd-stratified-split", "Stratifying on the label alone does not keep a user on one side, so "
                          "I group by user first and then balance the label rate across the groups.").wrong_claims


def test_an_answer_of_stock_phrases_scores_low_whatever_its_story_shape() -> None:
    polished = ("We built a unified, extensible data platform that empowered every squad across the company. "
                "The north star was to unlock value from our data so teams could move the needle on business value. "
                "We partnered closely with stakeholders and leveraged a product mindset to drive adoption. "
                "Over time it became a real force multiplier and changed how people worked.")
    card = score_answer(polished, round_spec=None, level="senior")
    assert card.overall <= 1.5, card.calibration.steps
    assert any("stock phrases" in s for s in card.calibration.steps)
    # and no sentence of it is quoted as a part of a story
    assert set(card.star.labels) == {"other"} and not card.star.action.evidence and not card.star.result.evidence
    # a plain story with one stock phrase and its figures is not held down
    plain = score_answer(STORY + " It became a real force multiplier for the team.", round_spec=None, level="senior")
    assert not any("stock phrases" in s for s in plain.calibration.steps)


def test_a_career_chronology_that_never_reaches_the_current_role_scores_low() -> None:
    from coach.content.loader import default_content
    content = default_content()

    def background(text: str):
        return score_answer(text, question=content.questions["rc-background"], round_spec=content.rounds.get("recruiter"),
                            rubric=content.rubrics.get("recruiter"), level="senior")
    history = ("I studied chemistry and did a master's where I wrote a lot of MATLAB for spectra. After that I was at "
               "an agency for three years building reports in Power BI and some SQL. Then I moved to a logistics "
               "start-up where I picked up Python, Airflow and a bit of Spark, and we tried some forecasting. "
               "Then I joined a bank, and I have been reading about vector databases and taking a course on "
               "Kubernetes in the evenings.")
    card = background(history)
    assert card.overall <= 2.0, card.calibration.steps
    assert any("career history" in s for s in card.calibration.steps)
    assert not any(getattr(card.star, c).evidence for c in ("situation", "task", "action", "result"))
    reached = background(history + " Right now I lead the fraud scoring team at the bank: I own the real-time "
                         "model that checks about two thousand card payments a second.")
    assert not any("career history" in s for s in reached.calibration.steps)
    assert reached.overall > card.overall


def test_a_follow_up_that_lists_meetings_is_not_held_at_the_senior_bar() -> None:
    from coach.content.loader import default_content
    content = default_content()

    def followup(text: str):
        return score_answer(text, question=content.questions["xf-metric-conflict"],
                            round_spec=content.rounds.get("cross-functional"),
                            rubric=content.rubrics.get("cross-functional"), level="senior", followup=True)
    meetings = followup("I booked a weekly call with the growth manager and another with the platform lead so "
                        "everyone could voice their concerns. I kept the notes in a shared document and made sure "
                        "each meeting ended on time. After a few weeks the tension eased and we went back to the roadmap.")
    assert meetings.overall <= 2.0, meetings.calibration.steps
    shown = followup("I plotted the trade-off curve: each point of watch time we chased cost about two points of new "
                     "artist plays. I proposed a combined objective with a floor on new artist plays as a guardrail, "
                     "and the product director made the call in the quarterly review, which we wrote into the "
                     "decision log. The combined ranker went live and held watch time flat while new artist plays "
                     "rose by 9 percent.")
    assert shown.overall > 3.0, shown.calibration.steps


def test_the_speakers_tenure_is_not_an_outcome() -> None:
    card = score_answer("I have held the lead title for five years, longer than anyone else on the floor. On my team "
                        "I am the person people ask about the pricing models. I also ran the move of our jobs to the "
                        "new scheduler last spring.", round_spec=None, level="staff")
    assert "result" not in card.star.labels, card.star.labels
    assert not card.star.result.present
    assert card.overall <= 2.0, card.calibration.steps
    # a system that has run for years is still a lasting outcome
    lasting = score_answer("I rebuilt the pricing job with salted keys. It has run for two years with no missed "
                           "deadline.", round_spec=None)
    assert lasting.star.labels[-1] == "result", lasting.star.labels


def test_a_proposal_told_as_what_i_suggested_and_the_leaders_yes_are_action_and_result() -> None:
    story = ("so this was the model that ranks which support tickets an agent sees first | and the head of support "
             "wanted to use it for the new enterprise customers | and the problem was it had only ever seen small "
             "business tickets | so i didn't talk about features i said look for enterprise tickets this ranking is "
             "close to random | and i showed him on last month's enterprise tickets it put only three of the twenty "
             "urgent ones in the top fifty so what i suggested was use it for small business and keep enterprise "
             "tickets in the manual queue for a quarter while we collected labels | and he went with that | and he "
             "explained the plan to the enterprise team himself")
    card = score_answer(story.replace(" | ", " "), round_spec=None)
    labels = card.star.labels
    assert labels[4] == "action", labels
    assert labels[-2] == "result", labels
    assert card.star.result.evidence[0] == "and he went with that", card.star.result.evidence


def test_a_past_perfect_change_after_the_time_the_story_reached_is_the_outcome() -> None:
    card = score_answer("Our five depots each ran their own release scripts. I proposed one shared release "
                        "pipeline and wrote the plan. I kept the depot leads informed with a monthly note showing "
                        "what the pipeline had saved them. By the end of the second quarter the time to release had "
                        "dropped from six weeks to one, and incidents fell from nine to two.", round_spec=None)
    assert card.star.labels[2] == "action", card.star.labels
    assert card.star.labels[3] == "result", card.star.labels
    assert card.star.result.evidence[0].startswith("By the end of the second quarter")
    # a change told in the past perfect before the story is still its context
    scene = score_answer("The cloud bill had doubled in six months. I moved the nightly jobs to spot instances "
                         "and the bill fell by 40 percent.", round_spec=None)
    assert scene.star.labels[0] == "situation", scene.star.labels


def test_staff_signals_of_a_standard_handed_on_and_a_guard_for_many_models() -> None:
    # influence: teams the speaker did not manage, their leads asked; direction: others opting in, the gate handed on
    story = (STORY + " I managed none of the other data teams, so I asked each team lead what would make the check "
             "useless for them. After a pilot the other three teams opted in on their own, and when I moved on the "
             "platform group took over the check.")
    card = score_answer(story, level="staff")
    assert not card.calibration.staff_missing, card.calibration.staff_missing
    from coach.content.loader import default_content
    content = default_content()
    rubric = content.rubrics["technical-screen"]
    text = ("Data drift moves the inputs and concept drift moves the mapping from inputs to outcome. On an airline "
            "pricing model we saw both. For the twenty-odd models in our group a shared job computes weekly PSI "
            "and pages only when a top feature moves, because paging on every feature gave us more false alarms "
            "than real ones.")
    staff = score_answer(text, rubric=rubric, level="staff")
    assert not staff.calibration.staff_missing, staff.calibration.staff_signals


def test_a_plan_that_writes_the_partner_off_loses_for_it() -> None:
    from coach.content.loader import default_content
    content = default_content()
    q = content.questions["xf-latency-budget-cut"]

    def plan(text: str):
        return score_answer(text, question=q, round_spec=content.rounds.get("cross-functional"),
                            rubric=content.rubrics.get("cross-functional"), level="senior")
    fair = ("I would push back, because the ranker cannot run in half the time without losing quality. I would tell "
            "them the budget was set for a reason. If they insisted, I would take it to my director.")
    dismissive = fair.replace("without losing quality.", "without losing quality, and platform engineers usually "
                              "do not understand that.")
    card = plan(dismissive)
    assert any("fault on others" in s for s in card.calibration.steps), card.calibration.steps
    assert card.overall < plan(fair).overall
    assert card.overall <= 2.0


def test_a_follow_up_that_answers_with_one_decision_and_its_alternatives_reaches_the_senior_bar() -> None:
    from coach.content.loader import default_content
    content = default_content()
    text = ("The hard one was whether to retrain the fraud model daily or keep it weekly with a rules layer on top. "
            "Daily would have caught new attack patterns sooner, but it needed a labelling pipeline we did not have, "
            "and weekly was something the team could keep running. A third option was weekly training with a small "
            "online adjustment from the last day's confirmed fraud. I chose weekly with the rules layer because a "
            "team of four could own it, and we gave up reacting to a new attack until the rules caught up.")
    card = score_answer(text, question=content.questions["dd-hardest-decision"],
                        round_spec=content.rounds.get("deep-dive"), rubric=content.rubrics.get("deep-dive"),
                        level="senior", followup=True)
    assert any("a follow-up" in s for s in card.calibration.steps), card.calibration.steps
    assert card.overall >= 2.5


def test_taking_on_the_work_after_the_steps_is_one_more_step_not_the_task() -> None:
    story = ("at the depot we had a model that picked which vans to service each week. my lead wanted to add the "
             "drivers' fault reports as a feature. i sat with him and asked what he hoped it would catch. i built "
             "two versions and compared what each one caught. we agreed to use the reports only for the older vans. "
             "and i took on building that. after three months breakdowns on the road fell by a fifth.")
    card = score_answer(story, round_spec=None)
    assert card.star.labels[5] == "action", card.star.labels
    assert not card.star.task.evidence, card.star.task.evidence


def test_a_follow_up_quotes_no_scene_unless_it_opens_a_new_one() -> None:
    asked = score_answer("The thing we dropped was the second model for new stores; we used the regional average for "
                         "those. I kept the holdout check on the last three months. After launch I went back and "
                         "trained the small model when things were calmer.", round_spec=None, followup=True)
    assert not asked.star.situation.evidence, asked.star.labels
    new_scene = score_answer("About two months after launch, a mobile release started sending the screen size in "
                             "points instead of pixels. I traced the drop to that field and added a check on its "
                             "range. The model was back to its old accuracy the same day.", round_spec=None,
                             followup=True)
    assert new_scene.star.labels[0] == "situation", new_scene.star.labels


def test_a_value_held_and_the_first_thing_i_would_do_are_not_story_parts() -> None:
    view = score_answer("For me it starts with trust. I put a lot of weight on clear goals and on removing blockers "
                        "so people can do their best work. In my experience people rise to a high bar when they "
                        "feel supported.", round_spec=None)
    assert not view.star.action.evidence, view.star.labels
    plan = score_answer("so the first thing i'd want is the number of pages a week and which alerts they come from "
                        "and then i'd turn off the ones that clear on their own", round_spec=None)
    assert not plan.star.situation.evidence, plan.star.labels


def test_the_seventh_fresh_part_after_it_was_folded_in() -> None:
    # Scored once as the eighth pass's clean check (before this pass: Spearman 0.649, 8 answers graded <= 2 above
    # 2.0, 4 grade-5 answers below 4.0, quotes 0.758), then tuned on. One grade-5 answer stays below 4.0: a staff platform design
    # whose napkin check pairs the user table's size with the item count (coach/scoring/napkin_steps.py).
    from coach.eval.scoring import calibration
    f = calibration(("fresh7",))["fresh7"]
    assert f["answers"] >= 48
    assert f["spearman"] >= 0.9 and f["weak_above_2"] == 0 and f["strong_below_4"] <= 1
    assert f["quote_right"] >= 0.9


def test_a_what_would_you_do_question_answered_with_a_measured_story_scores_as_one() -> None:
    from coach.content.loader import default_content
    content = default_content()
    q = next(x for x in content.questions.values() if x.prompt.startswith("Our on-call for the models is noisy"))

    def answer(text: str, level: str = "senior"):
        return score_answer(text, question=q, round_spec=content.rounds.get("hiring-manager"),
                            rubric=content.rubrics.get("hiring-manager"), level=level)
    story = ("When I took over the ranking platform the on-call was getting about thirty pages a week and nobody "
             "wanted the shifts. First I pulled six weeks of pages and tagged each one, and only about a quarter "
             "needed a person. I deleted or quietened the rest and wrote a runbook for every alert we kept. Then we "
             "fixed the two causes behind most real pages, a leaking cache and a cron job that overlapped itself. "
             "I also spread the rota over seven people so nobody was on more than one week in seven. After two "
             "months we were at about five pages a week, and two other serving teams copied the tagging review.")
    card = answer(story)
    assert card.calibration.kind == "plan"
    assert any("answers with a story" in s for s in card.calibration.steps), card.calibration.steps
    assert card.overall >= 4.0
    staff = answer(story, "staff")
    assert "long-term direction" not in staff.calibration.staff_missing


def test_owning_what_went_wrong_counts_as_the_reflection() -> None:
    base = ("Last year a new analyst joined us from a bank. I gave her the churn model to own, with me as her backup "
            "on call for two months. In her first release she skipped the shadow run, and I told her the next "
            "morning why it mattered. She wrote the release checklist we now use, and by the end of the year she had "
            "shipped six releases on her own.")
    plain = score_answer(base, round_spec=None)
    owned = score_answer(base + " It does not always work: with another engineer I waited too long to give hard "
                         "feedback, and I now give it within a day.", round_spec=None)
    assert any("reflection" in s for s in owned.calibration.steps), owned.calibration.steps
    assert owned.overall > plain.overall


def test_a_try_told_in_a_time_clause_is_the_speakers_step_not_the_scene() -> None:
    card = score_answer("Our research group handed us a document reader built in a notebook. When I tried to rebuild "
                        "it, the training run did not reproduce within two points because a tokenizer was pulled "
                        "from the internet. I pinned every version and proposed a split of ownership to the research "
                        "lead. The service went live at 300 milliseconds a page.", round_spec=None)
    assert card.star.labels[1] == "action", card.star.labels
    # an arrival is still the scene: "When I joined, each team kept its own copy"
    scene = score_answer("When I joined, each team kept its own copy of the features. I wrote one shared library "
                         "and moved two teams onto it. Duplicate pipelines fell from six to two.", round_spec=None)
    assert scene.star.labels[0] == "situation", scene.star.labels


def test_i_would_ask_first_is_clarifying_in_a_design() -> None:
    from coach.content.loader import default_content
    content = default_content()
    spec = content.rounds.get("system-design")
    text = ("First I would ask what hurts more, a late estimate or an early one. Then I would split the time into "
            "cooking, pickup and the ride, each with a gradient-boosted model and a quantile loss, and size it at "
            "about a hundred requests a second at dinner.")
    gaps = {g.id for g in score_answer(text, round_spec=spec).gaps}
    assert "no_clarifying" not in gaps
    assert "no_clarifying" in {g.id for g in score_answer(text.split(". ", 1)[1], round_spec=spec).gaps}


def test_outcomes_said_in_words_are_results() -> None:
    base = ("Last year our ranking model cost too much to serve. I was asked to cut the cost. I distilled it into a "
            "smaller student model and moved serving to CPUs. ")
    for end, measured in (("In the end the new model was ten times cheaper to serve.", True),
                          ("We shipped it two sprints early.", True),
                          ("The gap to the big model was under half a point of NDCG, at a tenth of the cost.", True),
                          ("It paid for itself within a quarter.", False)):
        card = score_answer(base + end, round_spec=None)
        assert card.star.labels[-1] == "result", (end, card.star.labels)
        assert card.star.measurable_result == measured, end


def test_a_story_that_wanders_into_asides_loses_for_it() -> None:
    focused = ("At a language app I owned the model that picks the next lesson. I measured thirty-day retention "
               "for the users it ranked against a random order, and I moved the objective from lesson completion to "
               "coming back within a week. Retention rose from 41 to 44 percent over the next quarter.")
    wandering = focused.replace("I measured", "I should say the team was quite new, which was interesting. At one "
                                "point an intern even tried a bandit approach, which did not go anywhere but was "
                                "fun to watch. I measured")
    card = score_answer(wandering, round_spec=None)
    assert any("wanders off" in s for s in card.calibration.steps), card.calibration.steps
    assert card.overall < score_answer(focused, round_spec=None).overall


def test_technology_buzzwords_in_place_of_a_system_are_stock_phrases() -> None:
    card = score_answer("So we built an AI-powered platform for smart pricing. We used state-of-the-art deep learning "
                        "on a cloud-native stack and followed best practices across the whole lifecycle. It was a big "
                        "success for the business.", round_spec=None)
    assert any("stock phrases" in s for s in card.calibration.steps), card.calibration.steps
    assert not card.star.action.evidence
    # one such word in a concrete answer is not held down
    plain = score_answer("I replaced the state-of-the-art transformer with logistic regression on twelve features, "
                         "and p99 latency fell from 80 to 9 milliseconds.", round_spec=None)
    assert not any("stock phrases" in s for s in plain.calibration.steps)


def test_the_lesson_told_as_next_time_or_starting_over_is_the_reflection() -> None:
    base = ("Our weekly forecast kept missing holiday weeks. I added a holiday calendar feature and retrained on "
            "three years of data. Holiday-week error fell from 30 to 12 percent. ")
    # (a lesson tied to what happened; a bare plan with no past event stays an aside)
    for lesson in ("Next time I would bring the store managers in first; they knew which weeks mattered.",
                   "Were I to start over, I would check the calendar data with finance first; it cost us a week."):
        card = score_answer(base + lesson, round_spec=None)
        assert card.star.labels[-1] == "result", (lesson, card.star.labels)


def test_plain_word_outcomes_are_results() -> None:
    base = "The nightly export kept sending duplicate invoices. I traced it to a retry that ran twice and made it idempotent. "
    for end in ("By the next week the invoice counts went back to normal.",
                "The next morning nobody got a duplicate invoice.",
                "The check is now run by the billing team for every export.",
                "Two weeks later the finance team started using it for their own exports."):
        card = score_answer(base + end, round_spec=None)
        assert card.star.labels[-1] == "result", (end, card.star.labels)
    # a bare verdict is not an outcome
    assert score_answer(base + "It worked well.", round_spec=None).star.labels[-1] != "result"
