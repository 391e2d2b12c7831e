"""Napkin math that follows the chain: a wrong step is flagged with the right figure and the step it came from,
and the same chain with the right figure is not flagged. Every sentence here is worded afresh (not from the napkin
sets), so these check the general rules: precision said in bits, FLOPs said in words, a head size and a per-token
size said around the figure, replicas with headroom, a fan-out of any noun, users to per second through a daily
total, a monthly bill from an hourly price, and the GPUs a memory needs."""
from __future__ import annotations

import pytest

from coach.scoring import score_answer


def flags(text: str) -> list:
    return [c for c in score_answer(text).sizing.checks if not c.ok]


# (wrong chain, the rule that must flag it, the right figure, the same chain said right)
CASES = [
    ("After quantising the 30 billion parameter model to eight bits its weights take roughly 120 gigabytes.",
     "model_memory", 30e9, "roughly 120 gigabytes", "roughly 30 gigabytes"),
    ("Training a 7 billion parameter model on three trillion tokens costs about 1.3e20 floating point operations.",
     "training_flops", 1.26e23, "1.3e20", "1.3e23"),
    ("Generating a single token from a 70 billion parameter model takes about 14 teraflops.",
     "decode_flops", 1.4e11, "14 teraflops", "140 gigaflops"),
    ("It has 32 layers and 8 KV heads with a head size of 128 in bf16, and every token takes up about one megabyte "
     "of cache.", "kv_cache", 131072, "about one megabyte", "about 130 kilobytes"),
    ("Peak is 6,000 requests a second and one box serves 200, so with 50 percent headroom I'd run 15 boxes.",
     "capacity", 45, "15 boxes", "45 boxes"),
    ("Every checkout asks the fraud model about 30 risk signals, and we see 400 checkouts a second, so the model "
     "evaluates about 1,200 signals a second.", "fan_out", 12000, "about 1,200 signals", "about 12,000 signals"),
    ("Roughly 4 million readers each open about 5 articles a day, that's 20 million a day, so around 2,300 article "
     "loads a second.", "qps_from_users", 231.5, "around 2,300 article", "around 230 article"),
    ("Inference runs on 24 GPUs around the clock at three dollars an hour each, so the monthly bill is about "
     "$5,000.", "cost", 51840, "about $5,000", "about $52,000"),
    ("The model with its cache needs 650 gigabytes, so three 80 gigabyte GPUs hold one replica.",
     "gpus_for_memory", 9, "three 80 gigabyte", "nine 80 gigabyte"),
]


@pytest.mark.parametrize("wrong, rule, right_figure, said_wrong, said_right", CASES, ids=[c[1] for c in CASES])
def test_a_wrong_step_is_flagged_with_the_right_figure_and_its_step(wrong, rule, right_figure, said_wrong,
                                                                     said_right) -> None:
    found = flags(wrong)
    assert found, f"not flagged: {wrong}"
    hit = [c for c in found if c.rule == rule]
    assert hit, [c.message for c in found]
    assert hit[0].expected == pytest.approx(right_figure, rel=0.1)
    assert hit[0].step in hit[0].message                 # the message names the step it came from
    assert not flags(wrong.replace(said_wrong, said_right)), [c.message for c in flags(wrong.replace(said_wrong,
                                                                                                    said_right))]


def test_a_job_that_runs_some_hours_a_night_is_billed_for_those_hours() -> None:
    text = ("We fine-tune every night on eight GPUs for about six hours at four dollars a GPU hour, so around 190 "
            "dollars a night, about 5,800 a month.")
    card = score_answer(text)
    assert not [c for c in card.sizing.checks if not c.ok]
    assert [c.rule for c in card.sizing.checks] == ["cost", "cost"]
    assert card.sizing.quantities[-1].kind == "cost"     # "about 5,800 a month" after a cost is money


def test_a_spoken_price_is_a_price() -> None:
    card = score_answer("Serving used twenty GPUs day and night at one eighty an hour, roughly 2,600 dollars a month.")
    price = next(q for q in card.sizing.quantities if q.unit == "$/hour")
    assert price.value == pytest.approx(1.8)
    flag = next(c for c in card.sizing.checks if not c.ok)
    assert flag.rule == "cost" and flag.expected == pytest.approx(20 * 1.8 * 720)
    assert card.gaps[0].id == "bad_math"


def test_sprints_and_points_of_a_metric_are_quantities() -> None:
    qs = score_answer("We spent three sprints on the new features, and they lifted recall by one and a half points "
                      "while precision moved less than half a point of AUC.").sizing.quantities
    kinds = [(q.kind, q.value) for q in qs]
    assert ("duration", 3 * 14 * 86400) in kinds
    assert ("percent", 1.5) in kinds and ("percent", 0.5) in kinds


def test_a_team_and_its_story_points_are_not_users_or_metrics() -> None:
    qs = score_answer("Two years ago we had 12 people on the team and we gave the ticket 3 points.").sizing.quantities
    assert list(qs) == []


@pytest.mark.parametrize("text", [
    "We get 3,000 searches a second; each search pulls 20 results, and separately we log about 500 clicks a second.",
    "Each page view shows 12 ads and we have 5,000 page views a second; we also see about 300 purchases a second.",
    "We see 5,000 requests a second and one pod does 100, so 50 pods, and at 70 percent utilisation about 72 pods.",
    "Our 8 nodes cost 3 dollars an hour each and run 12 hours a day, so about 8,600 dollars a month.",
])
def test_a_correct_chain_in_new_wording_is_not_flagged(text: str) -> None:
    """Other rates said after a fan-out are other things, not the fan-out; headroom and a part-time bill check out."""
    card = score_answer(text)
    assert not [c.message for c in card.sizing.checks if not c.ok]
    assert "bad_math" not in [g.id for g in card.gaps]


@pytest.mark.parametrize("wrong, rule, right_figure, said_wrong, said_right", [
    ("The model has 80 layers, 8 key and value heads and a head dimension of 128 in fp16, so each token needs "
     "about 2.6 megabytes of cache.", "kv_cache", 327680, "2.6 megabytes", "330 kilobytes"),
    ("There are 300 million users and each posts twice a week, so about 10,000 posts a second.",
     "qps_from_users", 992, "10,000 posts", "1,000 posts"),
    ("Our 65 billion parameter model trained on 1.4 trillion tokens took around five times ten to the twenty-first "
     "FLOPs.", "training_flops", 5.46e23, "twenty-first", "twenty-third"),
    ("Each second brings 3,000 events, which over a day is about 26 billion events.", "per_day", 2.592e8,
     "26 billion", "260 million"),
])
def test_numbers_and_names_in_words_are_followed(wrong, rule, right_figure, said_wrong, said_right) -> None:
    """"key and value heads", "twice a week", an exponent said as an ordinal."""
    hit = [c for c in flags(wrong) if c.rule == rule]
    assert hit and hit[0].expected == pytest.approx(right_figure, rel=0.05), [c.message for c in flags(wrong)]
    assert "e23" in hit[0].message if rule == "training_flops" else True      # big figures read as written
    assert not flags(wrong.replace(said_wrong, said_right))


def test_a_wrong_per_token_size_is_flagged_once_and_the_next_step_follows_the_candidates_figure() -> None:
    text = ("A 7B model at bf16 is 14 GB of weights; with 32 layers, 32 KV heads and 128 head dim, that's about 5 MB "
            "per token, so a 4,000 token context is 20 GB per sequence.")
    wrong = flags(text)
    assert [c.rule for c in wrong] == ["kv_cache"] and wrong[0].claimed == "5 MB"
    assert "2 × 32 layers × 32 KV heads × 128 head dim × 2 bytes" in wrong[0].message
    right = text.replace("about 5 MB", "about 512 KB").replace("20 GB", "2 GB")
    assert not flags(right)
    assert not flags(right.replace("about 512 KB per token", "2 x 32 x 32 x 128 x 2 bytes = 512 KB per token"))


@pytest.mark.parametrize("text", [
    # a rate said as the input of the next step in a new sentence is not derived from the daily figure before it
    "You said 2,000 reviews a day. At about 800 a second on average that is roughly 69 million payments a day.",
    # "two thirds of requests" after "traffic" is a fraction, not a rate
    "The replicas cost around nine thousand a month. I profiled a day of traffic and saw that two thirds of "
    "requests were for the same few thousand items.",
    # the dimensions said before the vectors, and the bytes per value said in the product
    "The catalogue has 50 million items with 256-dimensional float32 embeddings, so 50 million times 256 times 4 "
    "bytes is about 51 gigabytes.",
])
def test_inputs_and_fractions_are_not_judged_as_derived_figures(text: str) -> None:
    assert not flags(text)


def test_vectors_with_their_dimensions_said_first_are_a_storage_step() -> None:
    wrong = flags("Two hundred million product photos stored as 512-dimensional float32 vectors come to about "
                  "41 gigabytes.")
    assert [c.rule for c in wrong] == ["storage"] and wrong[0].expected == pytest.approx(4.096e11)


def test_a_fan_out_per_thing_rated_and_a_meal_time_peak_follow_the_chain() -> None:
    text = ("Say three million orders a day, about thirty-five a second on average and maybe a hundred and forty at "
            "dinner. We show an estimate on every checkout screen, roughly ten views per order, so plan for about "
            "fourteen hundred estimate requests a second at peak.")
    assert not flags(text)
    wrong = flags(text.replace("fourteen hundred", "fourteen thousand"))
    assert [c.rule for c in wrong] == ["fan_out"] and wrong[0].expected == pytest.approx(1400)


def test_several_sets_of_vectors_are_judged_by_the_set_the_total_is_for() -> None:
    text = ("Assume four hundred million users and fifty million items at 128 dimensions in fp16; that is about a "
            "hundred gigabytes for users and thirteen for items.")
    assert not flags(text)
    assert flags(text.replace("about a hundred gigabytes", "about a thousand gigabytes"))


@pytest.mark.parametrize("wrong, rule, right_figure, said_wrong, said_right", [
    ("Serving a 70B model at 8 bits per weight takes roughly 17 gigabytes of GPU memory.", "model_memory", 7e10,
     "17 gigabytes", "70 gigabytes"),
    ("With 48 layers, 8 grouped KV heads and head dim 128 at 2 bytes, the cache is about 2 MB per token.",
     "kv_cache", 196608, "2 MB", "196 KB"),
    ("We serve 1,500 QPS at peak; each replica sustains 50 QPS, so with 40% headroom we need about 10 replicas.",
     "capacity", 42, "10 replicas", "42 replicas"),
])
def test_precision_per_weight_grouped_heads_and_headroom_in_other_words(wrong, rule, right_figure, said_wrong,
                                                                        said_right) -> None:
    hit = [c for c in flags(wrong) if c.rule == rule]
    assert hit and hit[0].expected == pytest.approx(right_figure, rel=0.05), [c.message for c in flags(wrong)]
    assert not flags(wrong.replace(said_wrong, said_right))


@pytest.mark.parametrize("wrong, rule, right_figure, said_wrong, said_right", [
    ("We average 500 QPS, and in the evening busy hour it climbs to about 50,000 QPS.", "peak", 1500,
     "50,000 QPS", "5,000 QPS"),
    ("The job writes 2 million records an hour, roughly 480 million a day.", "per_day", 4.8e7,
     "480 million", "48 million"),
    ("A training run uses 512 GPU-hours a day at $2 per GPU-hour, so about $10,000 a day.", "cost", 1024,
     "$10,000", "$1,000"),
    ("Each request hits 3 shards and we see 20,000 requests a second, so the shards see 6,000 reads a second.",
     "fan_out", 60000, "6,000 reads", "60,000 reads"),
])
def test_a_busy_hour_an_hourly_rate_gpu_hours_and_shards(wrong, rule, right_figure, said_wrong, said_right) -> None:
    hit = [c for c in flags(wrong) if c.rule == rule]
    assert hit and hit[0].expected == pytest.approx(right_figure, rel=0.05), [c.message for c in flags(wrong)]
    assert not flags(wrong.replace(said_wrong, said_right))


@pytest.mark.parametrize("text", [
    # the hourly total said after the price is not a second price
    "Forty GPUs at 2.50 an hour is 100 dollars an hour. A month is about 730 hours, so roughly $73,000 a month.",
    # a price said after GPU-hours is per GPU-hour, not for the GPUs running all month
    "The model retrained monthly on sixty-four GPUs for three days, so about forty-six hundred GPU hours a run, and "
    "at two dollars fifty an hour that's roughly eleven and a half thousand dollars a month.",
])
def test_a_bill_said_through_its_hourly_total_or_gpu_hours_checks_out(text: str) -> None:
    assert not flags(text)
    assert [c.rule for c in score_answer(text).sizing.checks].count("cost") >= 1


def test_each_standing_for_the_machines_just_counted_is_their_capacity() -> None:
    right = "Our fleet is 200 pods; each handles 150 requests a second, so capacity is 30,000 requests a second."
    assert not flags(right)
    assert not flags(right.replace("a second.", "a second, which covers a peak of 25,000."))   # not a peak of 150
    wrong = flags(right.replace("30,000", "3,000"))
    assert [c.rule for c in wrong] == ["capacity"] and wrong[0].expected == pytest.approx(30000)


def _checks(text: str, rule: str) -> list[dict]:
    return [c for c in score_answer(text).to_dict()["sizing"]["checks"] if c["rule"] == rule]


def _said(text: str) -> list[dict]:
    return _checks(text, "arithmetic")


def test_arithmetic_said_out_loud_is_checked_whatever_is_counted() -> None:
    wrong = _said("At peak we get thirty thousand searches a second, and thirty thousand searches a second times "
                  "two hundred listings is six hundred thousand listing scores a second, so the ranker is small.")
    assert len(wrong) == 1 and not wrong[0]["ok"]
    assert "6M/s" in wrong[0]["message"] and "the arithmetic as said" in wrong[0]["message"]
    assert not _said("At peak we get thirty thousand searches a second, and thirty thousand searches a second "
                     "times two hundred listings is six million listing scores a second.")


def test_units_inside_said_arithmetic_are_taken_in_bytes() -> None:
    assert not _said("The index holds eighty million songs times two hundred fifty-six floats, which is roughly "
                     "eighty gigabytes, so it fits on one large box.")
    assert not _said("Eighty million songs times two hundred fifty-six floats times four bytes is about eighty "
                     "gigabytes.")
    flagged = _said("Eighty million songs times two hundred fifty-six floats is about eight gigabytes.")
    assert flagged and "81.9 GB" in flagged[0]["message"]


def test_a_division_said_out_loud_is_checked() -> None:
    flagged = _said("Nine hundred thousand requests a minute divided by sixty is about fifty thousand a second.")
    assert flagged and "15,000/s" in flagged[0]["message"].replace("15K", "15,000")
    assert not _said("Nine hundred thousand requests a minute divided by sixty is about fifteen thousand a second.")


def test_a_run_time_after_its_rate_and_its_total_is_checked() -> None:
    def times(text: str) -> list[dict]:
        return _checks(text, "training_time")
    wrong = times("The embedding job gets through about four thousand documents a second, so the backlog of thirty million "
                  "documents is cleared in about ten minutes.")
    assert wrong and not wrong[0]["ok"] and "2.08 hours" in wrong[0]["message"]
    assert all(c["ok"] for c in times("The embedding job gets through about four thousand documents a second, so the backlog "
                                       "of thirty million documents is cleared in about two hours."))
