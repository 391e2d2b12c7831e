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
