"""A story asked about a person (a teammate who struggled, someone mentored) whose steps of the speaker's own are all
about something else, with the person in one line, is another story: the rubrics' level 2 at best, however well it
is told. A story whose steps are with the person is the one asked for."""
from __future__ import annotations

from tests.scored import card_for

PASSING = ("Our fraud team had a colleague who was behind on the feature backfill for the new card model, and the "
           "launch was at risk. I took the backfill over. I rewrote the job in Spark so it read each day's partition "
           "once instead of per feature, I added checkpoints so a failed run resumed where it stopped, and I ran it "
           "over the weekend on a bigger cluster. My colleague moved to the labelling work, which suited him better. "
           "The backfill finished in nine hours instead of four days, and the model launched on the planned date with "
           "a 12 percent lift in caught fraud.")
WITH_THEM = ("A colleague on the fraud team was behind on the feature backfill for the new card model, and the launch "
             "was at risk. I asked him for half an hour and asked what was blocking him; he had never used Spark and "
             "was too embarrassed to say. I paired with him for two afternoons on the partition logic, and I reviewed "
             "his next three pull requests line by line. I also told our manager we needed one more week, and why. "
             "He finished the backfill himself, we launched one week late with a 12 percent lift in caught fraud, and "
             "he now owns the feature pipeline.")


def _how(text: str) -> tuple[float, str]:
    card = card_for("bh-struggling-teammate", text)
    assert card.calibration is not None
    return card.overall, " ".join(card.calibration.steps)


def test_a_build_story_with_the_teammate_in_passing_is_held_at_level_two() -> None:
    overall, how = _how(PASSING)
    assert "only in passing" in how and overall <= 2.0, how


def test_a_story_whose_steps_are_with_the_teammate_is_not_held() -> None:
    overall, how = _how(WITH_THEM)
    assert "only in passing" not in how and overall >= 3.0, how
