"""Digging on one story (staff level, realistic mode): a reply that gives what the probe asked for closes it, and the
next probe goes after what is still open, never after what the candidate already told. Stories and replies written
for this file."""
from __future__ import annotations

from coach.followups.taken_up import takes_up
from tests.fixtures.scoring import exchange

_STORY = ("It was the pricing model for our hotel search, which set the discount shown on each listing. About two "
          "months after launch a partner feed changed the format of its room-type field, and our room-size feature "
          "silently shifted to a default value for every listing from that partner. Nothing errored, the model just "
          "started offering the deepest discounts on the smallest rooms. A revenue analyst noticed on the fifth day "
          "that margins for that partner had dropped, and asked me about it. I compared the feature values before and "
          "after the change date, saw the default everywhere, wrote a parser for the new format and re-scored that "
          "partner's listings the same night. I also asked the partner team to tell us before they change a field.")
_DAMAGE = ("about five days of wrong discounts on roughly nine thousand listings, around sixty thousand dollars of lost "
           "margin. the week after, I added a check that alerts when any feature's share of default values jumps by "
           "more than five points in a day.")


def test_a_measured_damage_answers_the_probe_for_it_though_the_reply_ends_on_a_step() -> None:
    assert takes_up("no_result", _DAMAGE)
    assert takes_up("no_result", "by the end of the month the share of wrong discounts was back under one percent.")
    # more steps, with figures of time but no measure of how it ended, and a dodge, answer nothing
    assert not takes_up("no_result", "I spent two more days on it and rewrote the parser over the weekend.")
    assert not takes_up("no_result", "I don't remember the numbers, it was a while ago.")


def test_a_failure_told_in_plain_words_is_not_asked_for_again_after_its_damage() -> None:
    # "changed the format", "silently shifted": the failure is told; once the damage and the new check are given,
    # nothing the question wants is still open, so the interviewer moves on
    asked = exchange("dd-what-broke", [_STORY, _DAMAGE], level="staff", mode="practice")
    assert [gap for gap, _ in asked] == ["no_result"]
