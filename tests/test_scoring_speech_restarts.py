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


SEASON = ("okay so mostly i just try to be around when people get stuck last spring we had two new grads on the team "
          "and i set up a weekly hour to walk through their designs and they both shipped their first models by the "
          "summer yeah i think being around is most of it")


def test_a_frame_of_last_period_before_a_new_subject_opens_a_sentence() -> None:
    found = [s.text for s in sentences(SEASON)]
    assert any(t.startswith("last spring we had") for t in found)


def test_a_spoken_yeah_before_a_new_subject_opens_a_sentence() -> None:
    found = [s.text for s in sentences(SEASON)]
    assert any(t.startswith("yeah i think") for t in found)
