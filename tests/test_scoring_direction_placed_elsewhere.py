"""Asked what they decide or lead, a candidate who places it with someone else as the way things are ("direction comes
from the architecture group and my job is to implement it") declines the question while sounding like an answer:
a non-answer, however tidy the migration told after it. Saying who decided in a story the speaker then shaped is
not a decline."""
from __future__ import annotations

from coach.scoring.sidestep import declines
from tests.scored import card_for

PLACED = ("Honestly, in my organisation the direction is set by the principal engineers, and my job is to implement it "
          "properly. Last spring they picked a new vector database for every search team. I moved our two indexes onto "
          "it in about six weeks. It went fine and we finished ahead of most teams. I think that is the job at my "
          "level: make the plan work rather than debate it.")
SHAPED = ("Last spring our VP picked a new vector database for every search team, and I thought the plan missed how "
          "the recommendation teams query it. I wrote a two-page note with latency figures from our own indexes and "
          "went through it with the three other search leads, who each added a case. The rollout was reordered so the "
          "recommendation teams went last with a caching layer, and all seven teams were on it within two quarters.")


def test_direction_placed_with_others_is_a_decline() -> None:
    assert declines("The direction comes from the CTO, and my job is to execute it.")


def test_a_staff_answer_that_places_direction_elsewhere_is_a_non_answer() -> None:
    card = card_for("hm-technical-direction", PLACED, level="staff")
    assert card.overall <= 1.0 and "not an answer" in " ".join(card.calibration.steps)


def test_who_decided_in_a_story_the_speaker_shaped_is_no_decline() -> None:
    card = card_for("hm-technical-direction", SHAPED, level="staff")
    assert "not an answer" not in " ".join(card.calibration.steps) and card.overall > 2.0
