"""A technical answer spoken and transcribed without punctuation ties a cost to its consequence with a bare "so"
("memory grows with every event so it only suits short windows"): the same reason a written answer gives with ", so",
credited the same way. The answers are new, written for this test."""
from __future__ import annotations

from tests.fixtures.scoring import score_for

SPOKEN = ("okay so um for the top k i would keep a heap of size k and for every count that comes in i compare it "
          "with the smallest one in the heap and swap it if its bigger {join} the work per item is log k and the "
          "memory is k entries plus the counts themselves and uh at the end i pop them out in order yeah")
REASON = "gives a reason or an alternative"


def _steps(join: str) -> tuple[str, ...]:
    return score_for(SPOKEN.format(join=join), "cd-top-k-stream").calibration.steps


def test_a_bare_so_in_an_unpunctuated_transcript_gives_the_reason() -> None:
    assert any(s.startswith(REASON) for s in _steps("so the"))
    assert not any(s.startswith(REASON) for s in _steps("and the"))


def test_a_written_answer_still_needs_the_comma() -> None:
    from coach.scoring.text import unpunctuated

    assert unpunctuated(SPOKEN.format(join="so the"))
    assert not unpunctuated("I keep a heap of size k. Each item costs log k, so the whole stream is n log k.")
