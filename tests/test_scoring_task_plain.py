"""A measured story told in the speaker's own "I" steps has its goal plain: the card does not ask "say what you were
asked to do"; a story whose part is unclear still gets the note."""
from __future__ import annotations

from tests.fixtures.scoring import score_for

_OWN = ("Last winter our search latency alarm fired on a Sunday night, with p99 at 900 milliseconds against a 200 "
        "millisecond budget. I was on call, so I paged the infra lead and I pulled the last deploy's diff. I saw the "
        "new re-ranker loaded its vocabulary on every request, and I rolled it back within fifteen minutes. The next "
        "day I moved the load to start-up and I added a latency test to the deploy check. P99 went back to 180 "
        "milliseconds, and the test has blocked two slow builds since.")
_UNCLEAR = ("Last winter our search latency alarm fired on a Sunday night, with p99 at 900 milliseconds. The team "
            "looked into it and we rolled the re-ranker back. Later we moved the vocabulary load to start-up and I "
            "reviewed the change. P99 went back to 180 milliseconds.")


def _feedback(text: str) -> list[str]:
    return list(score_for(text, "bh-production-incident").feedback)


def test_an_own_measured_story_is_not_asked_for_its_task() -> None:
    assert not any(line.startswith("Say what you were asked to do") for line in _feedback(_OWN)), _feedback(_OWN)


def test_a_story_with_an_unclear_part_still_is() -> None:
    lines = _feedback(_UNCLEAR)
    assert any(line.startswith("Say what you were asked to do") for line in lines), lines
