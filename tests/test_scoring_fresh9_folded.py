"""Rules added after the ninth fresh part of the graded set was scored once and folded in, checked on answers and
chains written for these tests (not copies of the graded set)."""
from __future__ import annotations

from typing import Any

from coach.scoring import score_answer
from coach.scoring.star import label_sentence
from tests.fixtures.scoring import score_for


def _flags(text: str) -> list[Any]:
    return [c for c in score_answer(text).sizing.checks if not c.ok]


# --- wrong claims stated with confidence, in new words ---------------------------------------------------------------

def test_confident_leakage_myths_are_named_and_hold_the_answer_down() -> None:
    wrong = ("Leakage is just duplicate records sitting in train and test. The way to prevent it is to randomise the "
             "order before you split, and that settles it. It is actually best practice to fit the normaliser and "
             "the imputer on the full dataset, because more data gives more reliable statistics. An accuracy of "
             "99 percent on a hard problem usually means the features are really strong.")
    card = score_for(wrong, "ts-data-leakage")
    named = {w.claim for w in card.wrong_claims}
    assert "Fitting preprocessing on the whole dataset before the split is fine" in named, named
    assert "A random split prevents leakage" in named, named
    assert "A near-perfect offline score shows strong features, not a problem" in named, named
    assert card.overall <= 2.0, card.calibration.steps
    right = ("Leakage is when training sees information that will not exist at prediction time. A feature filled in "
             "after the label, or a rolling average that reaches past the prediction moment, are the usual ways in. "
             "Fit the scaler on the training fold only, never on the full dataset. A random shuffle does not prevent "
             "it; split by time. An AUC of 0.98 on a hard problem is a red flag for leakage, not a sign of strong "
             "features.")
    good = score_for(right, "ts-data-leakage")
    assert not good.wrong_claims, [w.claim for w in good.wrong_claims]
    assert good.overall > card.overall + 1.5


def test_a_customer_on_both_sides_of_the_split_called_harmless_is_a_wrong_claim() -> None:
    wrong = ("I shuffle the rows, keep eighty percent for training and stratify on the label. Customers landing in "
             "both train and test are no problem, the test set is more representative that way.")
    card = score_for(wrong, "cd-stratified-split")
    assert any("both sides of the split" in w.claim for w in card.wrong_claims), card.wrong_claims
    assert card.overall <= 2.0
    right = ("I group by customer so every row of a customer lands on one side, hashing the customer id with a seed, "
             "then stratify on each customer's label rate. Customers in both train and test would flatter the score.")
    assert not score_for(right, "cd-stratified-split").wrong_claims


def test_cutting_the_evaluation_for_a_date_is_a_wrong_claim_of_the_deadline_story() -> None:
    cut = ("At a travel site we had a pricing model due before the summer sale, and I owned the launch. Running "
           "late, I decided to skip the offline evaluation and trust the training loss. We shipped on the day and "
           "bookings were fine in the first week.")
    card = score_for(cut, "bh-deadline-quality")
    assert card.wrong_claims, card.calibration.steps
    assert card.overall <= 2.0
    kept = cut.replace("I decided to skip the offline evaluation and trust the training loss",
                       "I cut the admin dashboard but refused to skip the offline evaluation")
    assert not score_for(kept, "bh-deadline-quality").wrong_claims


# --- people rounds: grievances, blame, stock phrases and a claimed level ---------------------------------------------

def test_a_list_of_grievances_is_not_read_as_a_story_of_their_own_work() -> None:
    sour = ("Frankly my boss has no real understanding of recommender systems, and the company is such a mess that "
            "projects get cancelled every quarter. I was denied a raise twice and lost two good colleagues last "
            "year. So I want a place with fair pay and less drama.")
    card = score_for(sour, "rc-why-looking")
    assert not any(s.startswith("answers with a story") for s in card.calibration.steps), card.calibration.steps
    assert any("runs down the current employer" in s for s in card.calibration.steps), card.calibration.steps
    assert card.overall <= 2.0
    assert not any(getattr(card.star, c).evidence for c in ("situation", "task", "action", "result"))


def test_writing_the_partner_off_costs_a_plan() -> None:
    refuse = ("I would tell them the model simply needs its time. Business people tend to ask for speed without "
              "understanding what a ranking model does, so I would warn them that quality will drop and let my "
              "director decide.")
    card = score_for(refuse, "xf-latency-budget-cut")
    assert any("puts the fault on others" in s for s in card.calibration.steps), card.calibration.steps
    assert card.overall <= 2.0


def test_a_why_this_team_answer_of_stock_phrases_stays_low() -> None:
    polished = ("I love being at the forefront of applied AI, and I do my best work in fast-paced teams. I want to "
                "be a trusted partner to product and really make a difference for users while I keep growing.")
    card = score_for(polished, "hm-why-this-team")
    assert any("stock phrases" in s for s in card.calibration.steps), card.calibration.steps
    assert card.overall <= 2.0


def test_a_level_claimed_instead_of_shown_stays_at_the_level_two_bar() -> None:
    claim = ("I own the hotel search ranker end to end, one of the biggest revenue models we have. I designed its "
             "last two versions, I chair the monthly model review in my group, and I coach two junior engineers. The "
             "latest version lifted bookings by about four percent. My manager tells me I am effectively operating "
             "at staff level already, the title has just not caught up.")
    card = score_for(claim, "rc-level-fit", level="staff")
    assert any("claims the level" in s for s in card.calibration.steps), card.calibration.steps
    assert card.overall <= 2.0
    shown = claim.replace(" My manager tells me I am effectively operating at staff level already, the title has "
                          "just not caught up.", "")
    assert score_for(shown, "rc-level-fit", level="staff").overall > card.overall


# --- stories: thin outcomes, long scenes, checked outcomes -----------------------------------------------------------

def test_an_outcome_told_only_as_approval_costs_a_thin_story() -> None:
    thin = ("At a bus operator the planning lead wanted something smart for late buses. Nobody was sure what the "
            "output should be. We looked at the GPS data and the timetables for a while. We built some models and a "
            "report. In the end the feedback from the planners was very positive.")
    card = score_for(thin, "bh-ambiguity")
    assert any("only approval" in s for s in card.calibration.steps), card.calibration.steps
    assert card.overall <= 2.0


def test_a_scene_twice_the_bar_caps_the_story() -> None:
    scene = ("So this was at a furniture retailer with a lot of history, where the warehouse, the website and the "
             "stores each kept their own stock numbers in their own systems, some of them decades old, and every "
             "reorganisation had moved the forecasting team to a different department. The website team had one "
             "way of counting returns, the stores another, and the warehouse counted damaged items as returns too, "
             "which nobody had written down anywhere. Over the years there had been three attempts to merge the "
             "numbers, each abandoned when its sponsor left, and each leaving another half-finished table behind. "
             "Finance had its own spreadsheet on top of all of that, and the regional managers trusted that one "
             "more than any system, partly because it was the one their bonuses were paid on. On top of that the "
             "company had just bought a smaller online shop with its own stack, so there was a fourth count. "
             "The buyers, for their part, had been ordering from whichever number looked highest for years, and the "
             "store managers kept a little extra stock in the back rooms just in case, which none of the systems "
             "knew about. Several consultants had written reports about it, and those reports sat in a shared drive "
             "that nobody opened. ")
    story = scene + ("I proposed one shared definition of a return and wrote the job that applied it. Stock errors fell "
                     "by a third within two months.")
    card = score_for(story, "bh-cross-team-influence")
    assert any("the scene runs" in s and "2.5" in s for s in card.calibration.steps), card.calibration.steps


def test_an_outcome_checked_against_its_cost_counts_like_a_weighed_option() -> None:
    base = ("At a grocery chain I built the markdown model for fresh bread. I sat with two store managers to see how "
            "they priced at closing time, and built the suggested discount into the handheld they already used. "
            "Over the first quarter waste fell from about nine percent to four percent.")
    plain = score_for(base, "rc-proudest-impact")
    checked = score_for(base.replace("four percent.", "four percent, with no drop in margin."), "rc-proudest-impact")
    assert any("checks the cost side" in s for s in checked.calibration.steps), checked.calibration.steps
    assert checked.overall > plain.overall


# --- STAR labels -----------------------------------------------------------------------------------------------------

def test_outcomes_told_after_a_span_of_time_or_as_others_taking_it_up_are_results() -> None:
    for sentence in ("Over the next four months the nightly job failed zero times and the Monday gaps stopped.",
                     "The weekly error note became a standing item in the leadership meeting.",
                     "The checklist was later copied by the fraud and credit teams.",
                     "He has since asked me to look over every model his team wants to launch."):
        scores = label_sentence(sentence)
        assert max(scores, key=lambda k: scores[k]) == "result", (sentence, scores)


def test_the_call_named_as_the_speakers_and_the_role_with_its_remit_are_the_task() -> None:
    for sentence in ("So the decision about the vendor was my call.",
                     "I was the senior engineer responsible for the pricing models."):
        scores = label_sentence(sentence)
        assert max(scores, key=lambda k: scores[k]) == "task", (sentence, scores)
    scores = label_sentence("I worked on a model for a chain of gyms that predicted which members would cancel.")
    assert max(scores, key=lambda k: scores[k]) == "situation", scores


# --- napkin math ------------------------------------------------------------------------------------------------------

def test_a_fleet_sized_for_less_than_the_peak_said_is_flagged() -> None:
    wrong = ("The booking API averages 2,000 requests a second and the Monday peak is about four times the average, "
             "so we size for around 500 requests a second.")
    flags = _flags(wrong)
    assert flags and flags[0].rule == "peak" and abs(flags[0].expected - 8000) < 1, flags
    assert not _flags(wrong.replace("around 500", "around 8,000"))


def test_headroom_said_as_half_again_multiplies_the_replica_count() -> None:
    wrong = "Peak is 24,000 transcriptions a second, one GPU handles about 80, and we add half again for headroom, so 30 GPUs."
    flags = _flags(wrong)
    assert flags and flags[0].rule == "capacity" and abs(flags[0].expected - 450) < 1, flags
    assert not _flags(wrong.replace("so 30 GPUs", "so 450 GPUs"))


def test_a_price_in_cents_an_hour_is_read_as_one() -> None:
    wrong = "Our 500 CPU instances at thirty cents an hour, running all month, cost about 10,800 dollars a month."
    flags = _flags(wrong)
    assert flags and flags[0].rule == "cost" and abs(flags[0].expected - 108000) < 1, flags
    assert not _flags(wrong.replace("10,800", "108,000"))
    # a price per thousand messages is no hourly price
    assert not _flags("Four hundred GPUs at two dollars an hour come to about 576,000 dollars a month, roughly "
                      "thirty cents per thousand messages.")


def test_a_flop_rate_said_apiece_and_a_total_said_in_all_are_followed() -> None:
    slow = ("Roughly, four times ten to the twenty-two FLOPs over sixty-four GPUs doing three hundred teraflops "
            "apiece takes about two days.")
    flags = _flags(slow)
    assert flags and flags[0].rule == "training_time", flags
    memory = ("A 120 billion parameter model in fp16 takes 240 gigabytes, plus about 80 gigabytes of cache, so 320 "
              "in all, which two 80 gigabyte GPUs can hold.")
    flags = _flags(memory)
    assert flags and flags[0].rule == "gpus_for_memory" and flags[0].expected == 4, flags
    assert not _flags(memory.replace("two 80 gigabyte GPUs", "four 80 gigabyte GPUs"))


def test_a_per_parameter_size_is_not_read_as_a_total_of_items() -> None:
    text = ("Say a 13 billion parameter model on half a trillion tokens with GPUs of 80 gigabytes each. With Adam in "
            "mixed precision each parameter costs about sixteen bytes, so about 208 gigabytes of training state.")
    assert not _flags(text), _flags(text)


def test_the_ninth_fresh_part_meets_every_target_once_folded_in() -> None:
    # Scored once as the clean check (Spearman 0.703, ten answers graded <= 2 above 2.0, three grade-5 answers below
    # 4.0, quotes 0.823, four wrong chains missed and one flag without the right figure: README, Scoring), then read
    # and folded in with the rules above.
    from coach.eval.scoring import calibration
    f = calibration(("fresh9",))["fresh9"]
    assert f["answers"] == 50
    assert f["spearman"] >= 0.9 and f["weak_above_2"] == 0 and f["strong_below_4"] == 0
    assert f["quote_right"] >= 0.9
    assert not f["chains"]["false_flags"] and not f["chains"]["misses"]
    assert not f["chains"]["flag_without_right_figure"]
