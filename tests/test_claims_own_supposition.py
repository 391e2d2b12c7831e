"""The speaker's own supposition, warned against in what follows ("if I only chased clicks I'd end up ..."), states
no wrong claim; what the speaker says they do after "if I ..." with no pause is still read. New sentences."""
from __future__ import annotations

from coach.scoring.claims import as_held


def test_the_speakers_own_supposition_is_read_out_of_the_sentence() -> None:
    held = as_held("If I only maximised the open rate I'd burn through the users who tap on everything.")
    assert "open rate" not in held and "burn through" in held


def test_what_the_speaker_does_after_a_long_if_with_no_pause_is_kept() -> None:
    held = as_held("if i need more minority rows i just oversample them which gives genuinely new information so the "
                   "model learns more")
    assert "genuinely new information" in held
