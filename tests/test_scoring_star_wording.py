"""STAR labels on wordings the cues were not written from: a passive general truth is not a scene, an ask told by
someone else is not the task when it is what they said, a CV line is not a step, the clearest step opens with the
speaker, and what a rebuilt test set showed is the step's finding. Answers written for these tests."""
from __future__ import annotations

from coach.scoring import score_answer
from coach.scoring.star import StarReport


def _star(text: str) -> StarReport:
    return score_answer(text).star


def _label_of(r: StarReport, start: str) -> str:
    return next(lab for s, lab in zip(r.sentences, r.labels) if s.startswith(start))


def test_a_general_truth_in_the_passive_sets_no_scene() -> None:
    r = _star("Good teams are built on trust more than on process. Feature stores are usually bought rather than "
              "made in house. I tend to push for small experiments before big bets.")
    assert not r.situation.present
    assert set(r.labels) == {"other"}


def test_what_someone_told_me_is_not_my_task() -> None:
    r = _star("Our recommender team wanted to switch to a nightly retrain. Before pushing back I asked the lead why, "
              "and he told me the old model had been too slow to notice new products. I replayed a month of traffic "
              "with both schedules and the nightly one only helped for brand new items. New-item clicks rose by six "
              "percent after we retrained nightly for those items alone.")
    assert not any(e.startswith("Before pushing back") for e in r.task.evidence)


def test_the_next_employer_in_a_career_history_is_not_a_step() -> None:
    r = _star("I started out in physics. And then I joined a small consultancy doing demand forecasts. After that I "
              "moved to a retailer where I look after the pricing models.")
    assert not r.action.present and not r.result.present


def test_the_action_quote_is_a_step_the_speaker_opens_with() -> None:
    r = _star("Our support lead wanted the triage model to close tickets on its own. I showed her that it had only "
              "seen billing tickets and was guessing on the rest. I proposed letting it close billing tickets only for "
              "a month. She agreed, and I wrote a weekly report of the tickets it closed. After the month it agreed "
              "with agents on ninety-five percent of them and we widened it to refunds.")
    assert r.action.evidence[0].startswith("I ")


def test_a_step_inside_a_run_on_sentence_keeps_its_finding() -> None:
    r = _star("so a colleague had a ranking model she wanted live the next week "
              "i was worried the features leaked so instead of arguing i rebuilt the holdout set with features as of "
              "the request time "
              "and the gain dropped from nine percent to two "
              "we fixed the two leaky features together and shipped it a week later "
              "the live gain came in at seven percent")
    assert _label_of(r, "and the gain dropped") == "action"
    assert r.result.evidence and "seven percent" in r.result.evidence[0]


def test_a_belief_in_the_present_perfect_is_not_a_scene_and_covers_no_point() -> None:
    from coach.content.loader import default_content
    content = default_content()
    q = content.question("bh-production-incident")
    card = score_answer("Staying calm during an outage matters more than anything else. Switching back to the old "
                        "model straight away has always worked for me. A review without blame usually finds the "
                        "lasting fix.", question=q, round_spec=content.round(q.round), rubric=content.rubric(q.round))
    assert not card.star.situation.present
    assert card.talking_points.covered == ()


def test_a_follow_up_opening_with_facts_has_no_scene_of_its_own() -> None:
    text = ("Most of the spend was on the GPUs behind the ranker: eight of them at roughly two dollars an hour each. "
            "I batched the requests so each GPU handled four times as many, and moved nightly jobs to spot machines. "
            "The monthly bill went from about eleven thousand dollars to under five thousand.")
    assert score_answer(text).star.situation.present          # read alone, the opening sets a scene
    assert not score_answer(text, followup=True).star.situation.present


def test_plain_words_carry_the_incident_points() -> None:
    from coach.content.loader import default_content
    content = default_content()
    q = content.question("bh-production-incident")
    card = score_answer("One Tuesday our pricing model began quoting zero for a few hundred products. I switched "
                        "traffic back to the last good model within ten minutes. Then I posted in the sales channel "
                        "which quotes were affected and when I would say more. Zero quotes stopped within the hour.",
                        question=q, round_spec=content.round(q.round), rubric=content.rubric(q.round))
    covered = {p.point for p in card.talking_points.covered}
    assert q.talking_points[1] in covered and q.talking_points[3] in covered
    # the same points stated as beliefs, with no incident told, cover nothing
    views = score_answer("Keeping customers informed matters more than the fix. Going back to the last good model "
                         "has saved me many times.", question=q, round_spec=content.round(q.round),
                         rubric=content.rubric(q.round))
    assert views.talking_points.covered == ()


def test_a_change_told_in_the_present_simple_is_a_general_claim_not_an_outcome() -> None:
    r = _star("Teams learn fastest when most of their training happens on real projects. Good leads ask more than "
              "they tell. Confidence rises by about half when people own something real.")
    assert not r.result.present
    told = _star("I paired with her for a month and handed her the rollout. Her review comments fell by about half, "
                 "and today she runs the rollout checklist for the team.")
    assert told.result.present


def test_mentoring_points_and_influence_in_plain_spoken_words() -> None:
    from coach.content.loader import default_content
    content = default_content()
    q = content.question("bh-mentoring")
    card = score_answer(
        "so an analyst on the pricing team not mine kept getting stuck whenever a model had to be deployed "
        "i watched him ship one and saw he had never thought about monitoring "
        "we met for an hour every week and i only asked questions "
        "after a month i gave him the rollout of the new price model "
        "when he skipped the canary i told him straight that it was not optional "
        "the model went out cleanly and he transferred to our team half a year later",
        question=q, round_spec=content.round(q.round), rubric=content.rubric(q.round), level="staff")
    assert len(card.talking_points.covered) >= 5
    assert "influence without authority" not in card.calibration.staff_missing


def test_a_past_perfect_inside_a_relative_clause_is_not_backstory() -> None:
    r = _star("Last year I shipped a pricing change without a replay. I rolled it back the next morning. We refunded "
              "the shoppers who had been overcharged, and the complaints stopped within a day.")
    assert _label_of(r, "We refunded") != "situation"


def test_plain_words_carry_the_changed_mind_points() -> None:
    from coach.content.loader import default_content
    content = default_content()
    q = content.question("bh-changed-mind")
    card = score_answer("I was sure we needed a deep model for churn because the old one missed seasonal customers. "
                        "A teammate suggested better date features first, so I ran both on the same quarter. The "
                        "simple fix closed most of the gap. I said as much at the next review, where I had argued "
                        "the opposite. We shipped the features and churn alerts got about a fifth more precise.",
                        question=q, round_spec=content.round(q.round), rubric=content.rubric(q.round))
    covered = {p.point for p in card.talking_points.covered}
    assert q.talking_points[1] in covered and q.talking_points[2] in covered


def test_the_decision_landing_as_the_last_line_is_the_outcome() -> None:
    r = _star("Last spring the platform group wanted to move every feature job onto a new streaming engine, and I "
              "thought it was premature. I owned the feature pipelines for payments. I replayed a week of traffic "
              "through both and showed the new engine dropped late events for the chargeback features. "
              "We kept the batch path for those features instead.")
    assert _label_of(r, "We kept the batch path") == "result"
    mid = _star("Last spring our ranking job kept timing out. I owned it. We kept the old schedule instead of moving "
                "it, and I rewrote the join with salted keys. The job now finishes in forty minutes.")
    assert _label_of(mid, "We kept the old schedule") != "result"


def test_a_gain_set_against_what_it_cost_is_a_trade_off() -> None:
    from coach.content import default_content
    card = score_answer("Our team lead wanted a larger ranker. I benchmarked it on a month of queries: the lift was "
                        "about a point of recall while serving cost doubled, so we kept the smaller one.",
                        question=default_content().question("bh-disagreement"))
    assert {d.id: d.score for d in card.dimensions}.get("tradeoffs", 0.0) > 0.0


def test_what_someone_had_never_done_is_the_scene_not_an_outcome() -> None:
    r = _star("Last year a new engineer joined my team straight from a research lab. She was strong on modelling but "
              "had never shipped a service. I gave her the retraining pipeline to own and paired with her for two "
              "weeks.")
    assert _label_of(r, "She was strong") != "result" and not r.result.present


def test_the_i_and_we_counts_read_as_said() -> None:
    r = _star("We had a churn model that drifted. I rebuilt the features. We shipped it and we cut churn by 4 percent.")
    assert r.i_count == 1 and r.we_count == 3
    assert '"I" once, "we" 3 times' in r.action.notes, r.action.notes
