"""A slip the candidate catches in their reply ("sorry, I dropped a zero there ...") and corrects to the right figure is
not left standing as a wrong figure on the card, as a careful engineer would credit it; a slip nobody corrects stays."""
from __future__ import annotations

from coach.content import default_content
from coach.scoring import score_answer

FIRST = ("A billion events at five hundred bytes each is fifty gigabytes a day, and we keep ninety days, so the raw log "
         "is about four and a half terabytes.")
REPLY = ("Sorry, I dropped a zero there. A billion times five hundred bytes is five hundred gigabytes a day, and ninety "
         "days of that is about forty five terabytes.")


def _wrong(text: str) -> list[str]:
    q = default_content().question("nm-event-log-storage")
    return [g.evidence for g in score_answer(text, question=q, level="senior").gaps if g.id == "bad_math"]


def test_a_slip_caught_and_corrected_is_not_flagged() -> None:
    assert _wrong(FIRST)
    assert _wrong(FIRST + " " + REPLY) == []


def test_a_correction_without_the_right_figure_keeps_the_flag() -> None:
    assert _wrong(FIRST + " Sorry, I dropped a zero there. So it's about seven hundred gigabytes a day, roughly.")
