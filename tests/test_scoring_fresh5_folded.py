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
