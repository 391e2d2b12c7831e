"""Two lapses the pitfalls file hears in the candidate's own words (rubrics/pitfalls.toml): buy-in across teams won by
the speaker's own order ("I told the other teams that from next quarter every new model would have to use it"), and
a shortcut a deadline forced left "on the list for later" where the story ends. "Would have to" reports an obligation:
it is not a road named as not taken (coach/scoring/pitfalls.py `[untaken]`)."""
from __future__ import annotations

from coach.scoring import pitfalls
from coach.scoring.text import clean, sentences
from tests.scored import card_for


ORDERED = ("I ran the search ranking group at an online furniture shop, and our two squads and the ads team each kept "
           "their own copy of the click logs. "
           "I wanted a single cleaned click table for everyone. "
           "I built it over three weeks and then informed the squads and the ads team that all new models would have to "
           "train on it from the next quarter. "
           "By the end of that quarter every new model trained on the shared table, and the log storage bill fell by "
           "about a third.")

WON = ORDERED.replace("and then informed the squads and the ads team that all new models would have to train on it "
                      "from the next quarter", "and then ran one model of each team on it side by side with their old "
                      "logs, so they could see the gap for themselves")

DEFERRED = ("At a hotel booking site the sales team had promised a partner chain our price alerts before the summer, "
            "which left me three weeks. "
            "The model was badly calibrated for small hotels, so I shipped it only for chains with over fifty rooms and "
            "kept the old rule for the rest. "
            "I wrote the gap into the launch notes so the partner knew. "
            "It went live on time and alert clicks went up by about a fifth. "
            "The small hotels were kind of left on the backlog for later.")


def test_would_have_to_is_an_obligation_not_a_road_untaken() -> None:
    assert pitfalls.taken("I told them every new model would have to use it") == \
        "I told them every new model would have to use it"
    assert pitfalls.taken("Escalating would have been faster, but I sat with their lead") != \
        "Escalating would have been faster, but I sat with their lead"


def test_buy_in_by_the_speakers_own_order_is_the_pitfall() -> None:
    ordered = card_for("bh-cross-team-influence", ORDERED, "staff")
    assert any("pitfall" in s for s in ordered.calibration.steps)
    assert ordered.calibration.level <= 2.0
    won = card_for("bh-cross-team-influence", WON, "staff")
    assert not any("pitfall" in s for s in won.calibration.steps)


def test_a_cut_left_for_later_is_a_shortcut_never_paid_back() -> None:
    left = card_for("bh-deadline-quality", DEFERRED)
    assert any("never paid back" in s for s in left.calibration.steps)
    paid = card_for("bh-deadline-quality", DEFERRED.replace(
        "The small hotels were kind of left on the backlog for later.",
        "The small hotels were left on the backlog for later, and I went back to them in August."))
    assert not any("never paid back" in s for s in paid.calibration.steps)
    assert paid.calibration.level > left.calibration.level
