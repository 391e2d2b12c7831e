"""At staff level the staff signals lift a story the speaker drove; told only as "we", the reach across teams is the
team's, not the speaker's, and earns no staff bonus."""
from __future__ import annotations

from tests.scored import card_for

WE = ("At a logistics company six product teams each computed delivery-time features their own way, and their numbers "
      "disagreed in every quarterly review. We proposed one shared feature definition for all six teams, although none "
      "of them reported to us. We ran workshops with each team's lead, we wrote a migration guide with them, and we set "
      "a two-year roadmap for retiring the old pipelines. By the end of the year five of the six teams had moved, and "
      "the shared definitions became the standard for every new model.")
ME = WE.replace("We proposed", "I proposed").replace("We ran workshops", "I ran workshops").replace(
    "we wrote a migration guide", "I wrote a migration guide").replace("and we set", "and I set")


def _steps(text: str) -> str:
    card = card_for("bh-cross-team-influence", text, level="staff")
    assert card.calibration is not None
    return " ".join(card.calibration.steps)


def test_staff_signals_told_only_as_we_lift_nothing() -> None:
    steps = _steps(WE)
    assert "no step told as the speaker's own" in steps and "staff signal" not in steps.replace("staff bar", ""), steps


def test_the_same_reach_told_as_the_speakers_own_earns_the_bonus() -> None:
    assert "shows every staff signal" in _steps(ME)
