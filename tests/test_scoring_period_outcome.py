"""A closing sentence that sets a period against the one before it ("we went two quarters without a missed payroll
run, against three misses the year before") tells what came of the work, though its subject acts: the story does
not end on a step (coach/scoring/story_outcome.py)."""
from __future__ import annotations

from coach.scoring.story_outcome import changed_a_figure, ends_on_a_step

SENTENCES = [
    "Our payroll forecast missed its run whenever the bank changed its file format, and nobody owned the check.",
    "I had no say over the finance systems team, but I wanted a format check before every run.",
    "I wrote a one-page proposal and built a small validator that runs on each file in under a minute.",
    "Within a quarter I had it on every file, and we went a full year without a missed run, "
    "against three misses the year before.",
]
LABELS = ["situation", "task", "action", "result"]


def test_a_period_against_the_one_before_is_a_change() -> None:
    assert changed_a_figure(SENTENCES[-1])
    assert changed_a_figure("Complaints stayed at two a month, compared with nine in the previous quarter.")
    assert not changed_a_figure("We held the review against the checklist before the launch.")


def test_such_a_closing_is_an_outcome_not_a_step() -> None:
    assert ends_on_a_step("behavioral", None, SENTENCES, LABELS) is None
