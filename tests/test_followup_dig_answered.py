"""Digging on one story (staff level, realistic mode): a reply that gives what the probe asked for closes it, one that
dodges it hears it once more, and the next probe goes after what is still open, never after what the candidate
already told. Stories and replies written for this file."""
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


_STALE = ("It was the pricing model for our hotel search, which set the discount shown on each listing. About two "
          "months after launch one partner's feed went stale: it stopped updating room types, and our room-size "
          "feature fell back to a default for every listing from that partner. Nothing errored, the model just started "
          "offering the deepest discounts on the smallest rooms. A revenue analyst noticed on the fifth day that "
          "margins for that partner had dropped, and asked me about it. I compared the feature values before and after "
          "the date, saw the default everywhere, rolled the partner's listings back to last month's discounts that "
          "night and got the feed restarted the next morning.")
_DAMAGE_ONLY = ("about five days of wrong discounts on roughly nine thousand listings, around sixty thousand dollars of "
                "lost margin.")


def test_digging_below_the_bar_asks_for_a_point_still_missed_once_the_probe_is_answered() -> None:
    # the damage given, the story still never says what watches for it now: that is the next probe, not the result
    # again
    asked = exchange("dd-what-broke", [_STALE, _DAMAGE_ONLY], level="staff", mode="practice")
    assert [gap for gap, _ in asked] == ["no_result", "missing_point"]
    assert "alert" in asked[1][1]


_WE_STORY = ("At my last company four teams each ran their own feature pipelines, and the same customer features were "
             "computed four different ways, so a model trained by one team scored badly when another team served it. "
             "We had three launches rolled back in one half-year because of it, each costing about a month. We "
             "proposed one shared feature library with tests, took it to the platform review, and asked the two most "
             "sceptical leads to co-write the design. We moved the ads team over first and did most of the porting for"
             " them, then ran weekly office hours for the rest. By the end of the year all four teams built features "
             "from the library, rollbacks from feature mismatches went from three a half-year to zero, and new models "
             "shipped about two weeks faster. One team held out for months; we kept sending them the rollback numbers "
             "from the others rather than going over their lead's head, and they joined in the spring. The lesson we "
             "took was that doing the first migration for a team wins more than any review.")


def test_a_dodged_probe_for_the_candidate_s_part_is_pressed_once_even_on_a_story_at_the_bar() -> None:
    from tests.fixtures.scoring import score_for

    assert score_for(_WE_STORY, "bh-cross-team-influence", level="staff").overall >= 3.5
    dodge = "it was really a group effort, we all shared the work, and our manager backed it the whole way."
    asked = exchange("bh-cross-team-influence", [_WE_STORY, dodge], level="staff", mode="practice")
    assert [gap for gap, _ in asked] == ["we_not_i", "we_not_i"] and asked[0][1] != asked[1][1]
    # told in "I", the part is given: no third probe
    mine = "I wrote the design doc and the first version of the library, and I ported the ads team's features myself."
    asked = exchange("bh-cross-team-influence", [_WE_STORY, dodge, mine], level="staff", mode="practice")
    assert len(asked) == 2
