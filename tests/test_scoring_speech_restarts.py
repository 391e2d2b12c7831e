"""Speech transcribed without punctuation is split where the speaker restarts ("... | i mean ...") or changes topic
("... | salary wise i ..."), as well as at a joining word with its own subject: a doubt in one thought ("i dont know
its hard to say") does not swallow the preferences said around it."""
from __future__ import annotations

from coach.scoring.text import sentences
from tests.scored import card_for

SPOKEN = ("um so honestly i would like something in forecasting or maybe pricing where the model drives real money "
          "i mean i dont know its hard to say it really depends on who is there "
          "team wise i would want a smaller group that already has a feature store and a proper on call setup "
          "and location wise im in lyon so remote with a trip a month would be ideal")


def test_a_spoken_restart_opens_a_new_sentence() -> None:
    found = [s.text for s in sentences(SPOKEN)]
    assert any(t.startswith("i mean") for t in found)
    assert any(t.removeprefix("and ").startswith("location wise") for t in found)


def test_a_doubt_does_not_swallow_the_preferences_around_it() -> None:
    card = card_for("rc-looking-for", SPOKEN)
    covered = {p.point for p in card.talking_points.covered}
    assert "Any constraints such as location or domain" in covered
