"""Which figure a step is about: one machine's rate is no average of the traffic, a factor said after "times" is no
result, "two FLOPs per parameter" is the rule of thumb and "half a megabyte a token" is a token's cache, not the
weights; the instances a cost is for can be named after the price; a batch's time can come before the batch.
Chains written for this file, in new settings."""
from __future__ import annotations

import pytest

from coach.scoring import score_answer


def _bad(text: str) -> list[tuple[str, float]]:
    return [(c.rule, c.expected) for c in score_answer(text).sizing.checks if not c.ok]


@pytest.mark.parametrize("text", [
    # one machine's rate from its batch, then the fleet's peak load: not a peak against that rate
    "A single server transcribes a batch of 32 clips in 0.4 seconds, about 80 clips a second, so for 2,400 clips a "
    "second at the evening peak we need thirty servers.",
    # the same with the machine named after "so"
    "Each call to the tagger takes 50 ms, so one node tags about twenty photos a second, and the 1,000 photos a "
    "second at peak need fifty nodes.",
])
def test_one_machines_rate_is_not_taken_for_the_average(text: str) -> None:
    assert _bad(text) == []


def test_a_batch_time_said_before_the_batch_sizes_the_fleet() -> None:
    text = ("The scorer needs fifty milliseconds for a batch of 100 listings, so one GPU handles one over 0.05, about "
            "twenty listings a second, and for 6,000 listings a second we need 300 GPUs.")
    bad = dict(_bad(text))
    assert bad["batch_rate"] == pytest.approx(2000, rel=0.01)
    assert bad["capacity"] == pytest.approx(3, rel=0.01)      # 6,000/s over 2,000/s a GPU


def test_two_flops_per_parameter_is_the_rule_not_the_total() -> None:
    text = ("Generating one token of the 34B model costs about two FLOPs per parameter, 6.8e10 FLOPs, and at forty "
            "percent of 989 teraflops that is roughly 5,800 tokens a second per GPU.")
    assert _bad(text) == []


def test_training_flops_used_for_decoding_a_named_kind_of_model_is_flagged() -> None:
    text = ("For the seven billion code model each generated token takes six times seven billion, 4.2e10 FLOPs, so "
            "at forty percent of 312 teraflops about 3,000 tokens a second.")
    bad = dict(_bad(text))
    assert bad["decode_flops"] == pytest.approx(1.4e10, rel=0.01)


def test_a_factor_after_times_is_not_a_total() -> None:
    text = ("Two hundred million product vectors at 128 dimensions in int8 take one byte each, so 200 million x 128 "
            "bytes, about 26 GB.")
    assert _bad(text) == []


def test_a_cost_for_the_instances_named_after_the_price() -> None:
    ok = ("Caching half of the 8,000 requests a second leaves 4,000 for the model; at 200 a replica that is twenty "
          "replicas instead of forty, and at three dollars an hour each the twenty we retire save about 43,000 "
          "dollars a month.")
    wrong = ok.replace("43,000", "4,300")
    assert _bad(ok) == []
    assert ("cost", pytest.approx(43_200, rel=0.01)) in _bad(wrong)


def test_a_tokens_cache_is_not_the_weights() -> None:
    text = ("The 13 billion model has forty layers and width 5,120 in fp16, so the KV cache is 2 x 40 x 5,120 x 2 "
            "bytes, about 0.8 MB a token, and a 4,000-token chat keeps about 3.3 GB.")
    assert "model_memory" not in [r for r, _ in _bad(text)]


def test_a_fan_out_divided_at_the_tier_is_flagged() -> None:
    text = ("Each query goes out to twenty-five partitions, and with 8,000 queries a second the partition tier as a "
            "whole gets 8,000 over twenty-five, about 320 requests a second.")
    assert ("fan_out", pytest.approx(200_000, rel=0.01)) in _bad(text)


def test_the_share_left_past_a_cache_sizes_the_replicas() -> None:
    wrong = ("The search cache hits ninety percent of the 30,000 queries a second, so the misses are half of the "
             "traffic, 15,000 a second, and at 500 a replica the ranker needs thirty replicas.")
    bad = dict(_bad(wrong))
    assert bad["cache_share"] == pytest.approx(3000, rel=0.01)
    assert bad["capacity"] == pytest.approx(6, rel=0.01)
    right = ("The search cache hits ninety percent of the 30,000 queries a second, so the misses are 3,000 a second, "
             "and at 500 a replica that is six replicas instead of sixty.")
    assert _bad(right) == []


def test_a_price_per_million_from_a_days_requests_is_flagged() -> None:
    text = ("six gpus at three dollars an hour is eighteen dollars an hour and at a thousand requests a second "
            "thats about eighty six million requests a day so roughly 20 cents per million requests")
    assert ("cost", pytest.approx(5.0, rel=0.01)) in _bad(text)


def test_adams_bytes_on_frozen_weights_under_lora_are_flagged() -> None:
    wrong = ("Fine-tuning the thirteen billion model with LoRA, Adam needs sixteen bytes a parameter, so thirteen "
             "billion times sixteen is 208 GB, plus ten million adapter parameters, so three 80 GB cards.")
    assert ("adam_memory", pytest.approx(26.16e9, rel=0.01)) in _bad(wrong)
    right = ("Full training of the thirteen billion model under Adam at sixteen bytes a parameter is 208 GB, while "
             "LoRA keeps the weights frozen in bf16 at 26 GB plus ten million adapter parameters at 0.16 GB.")
    assert "adam_memory" not in [r for r, _ in _bad(right)]


def test_a_peak_hours_count_over_a_days_seconds_is_flagged_once() -> None:
    text = ("The booking site gets 50 million requests a day and the peak hour carries fifteen percent of them, "
            "7.5 million, and over the 86,400 seconds that is about 87 requests a second at peak.")
    bad = _bad(text)
    assert bad == [("peak", pytest.approx(7.5e6 / 3600, rel=0.01))]


@pytest.mark.parametrize("price", ["$0.30", "thirty cents"])
def test_a_price_per_thousand_is_not_the_fleets_bill(price: str) -> None:
    text = ("At about three dollars a GPU-hour, two hundred GPUs around the clock is about 430,000 dollars a month; "
            f"scaling down with the daily curve brings that to roughly {price} per thousand messages.")
    assert _bad(text) == []


def test_a_price_per_message_is_not_worked_from_a_rate_of_flops() -> None:
    text = ("Decoding is about 2e15 FLOPs a second across the fleet. Priced at roughly $2 per GPU-hour, the fleet "
            "costs about 100,000 dollars monthly, roughly 15 cents per thousand messages.")
    assert _bad(text) == []


def test_a_fan_out_at_peak_starts_from_the_peak_said_after_the_average() -> None:
    text = ("Two hundred orders a second on average and a thousand at the holiday peak, fifty milliseconds to answer. "
            "Each order reads about twenty features, so at peak that's twenty thousand reads a second.")
    assert _bad(text) == []


def test_a_product_said_with_each_is_a_total_that_sizes_the_fleet() -> None:
    text = ("Multiplying forty thousand loads a second by two hundred candidates each gives eight million scorings a "
            "second. A batched GPU does roughly a hundred thousand scorings a second, so that's about eight GPUs.")
    assert ("capacity", pytest.approx(80, rel=0.01)) in _bad(text)


def test_a_daily_figure_of_another_flow_is_not_the_rate_times_a_day() -> None:
    text = ("Five hundred claims a second on average, fifty milliseconds end to end, appeals within ninety days, "
            "thirty reviewers clearing a thousand claims a day.")
    assert _bad(text) == []
    said = "Five hundred claims a second, and five hundred times the 1,440 in a day is about 720,000 claims a day."
    assert [r for r, _ in _bad(said)] == ["per_day"]


def test_a_word_ending_in_s_after_a_is_no_rate() -> None:
    card = score_answer("Every decline carries its top three reasons as a code for the merchant.")
    assert [q for q in card.sizing.quantities if q.kind == "throughput"] == []


def test_one_in_n_of_a_count_is_checked() -> None:
    wrong = "Say the test set has two million rows; at one in five hundred that's forty thousand positives."
    right = "Say the test set has two million rows; at one in five hundred that's four thousand positives."
    assert _bad(wrong) == [("share_of_count", pytest.approx(4000, rel=0.01))]
    assert _bad(right) == []


def test_a_peak_planned_after_the_average_is_judged_against_the_average() -> None:
    text = ("On volume, three million uploads a day is about thirty-five a second on average; I'll plan for a "
            "hundred at the evening peak.")
    assert _bad(text) == []


def test_an_operand_named_before_its_number_is_read_into_the_product() -> None:
    text = "The batch holds three times the page size of 4,096 times two bytes, about 24.6 KB."
    assert _bad(text) == []


def test_a_cache_per_token_without_the_layers_is_flagged_with_the_layers() -> None:
    text = ("The cache per token is keys plus values, two times the hidden size of 5,120 times two bytes, about "
            "20 KB, so a 2,000-token chat needs only about 40 MB.")
    assert ("kv_cache", pytest.approx(2 * 40 * 5120 * 2, rel=0.01)) in _bad(text)
    with_layers = ("The cache per token is two times forty layers times the hidden size of 5,120 times two bytes, "
                   "about 0.8 MB, so a 2,000-token chat needs about 1.6 GB.")
    assert "kv_cache" not in [r for r, _ in _bad(with_layers)]


def test_one_item_in_n_kept_of_a_count_said_in_the_sentence_before_is_checked() -> None:
    text = ("Our log has four million sessions a week, two hundred thousand of them buyers and three point eight million "
            "browsers. Keeping one browser in twenty leaves about nineteen thousand browsers to train on.")
    assert _bad(text) == [("share_of_count", pytest.approx(190_000, rel=0.01))]
    assert _bad(text.replace("nineteen thousand", "a hundred and ninety thousand")) == []


def test_a_figure_said_in_pairs_is_read_as_one_number() -> None:
    from coach.scoring.numbers import find_numbers

    assert [n.value for n in find_numbers("a hidden width of forty one sixty, in half precision")] == [4160]
    assert [n.value for n in find_numbers("somewhere around thirty forty percent")] == [30, 40]   # a range
