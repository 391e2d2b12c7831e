"""A lesson told as what the speaker carries into later work ("What I'd take forward is ...", "I have since begun
every migration by ...") is the rubric's reflection; praise of a person one learned from is not a lesson."""
from __future__ import annotations

from coach.scoring.levels import reflects
from tests.fixtures.scoring import score_for


def test_a_lesson_carried_forward_is_a_reflection() -> None:
    assert reflects("The thing I'd carry forward is to price the migration for each team before asking for it.")
    assert reflects("What I took with me is that a pilot team sells the change better than any document.")
    assert reflects("I have since begun every migration by pairing with the most reluctant team first.")


def test_praise_of_a_mentor_is_not_a_lesson() -> None:
    assert not reflects("My director, who I learned a lot from, wanted the rewrite done in one quarter.")
    assert not reflects("The pipeline has been running nightly since the spring.")


def test_a_carried_lesson_lifts_the_story() -> None:
    base = ("At a logistics company I was the staff engineer for routing, and seven teams each ran their own copy of "
            "the travel time model. I compared the seven copies on a month of real trips and found the shared one "
            "was within two percent of each team's own. I wrote a proposal, paired with the largest team to move "
            "them first, and I chose to keep the two teams with special road data out of scope because forcing them "
            "would have cost them accuracy. After three quarters five teams used the shared model and we spent "
            "about sixty thousand dollars a month less on training. ")
    lesson = ("What I'd carry forward is that people move when you measure on their problem, and I have since begun "
              "every proposal like this with that comparison.")
    plain = score_for(base + "The shared model is still the default for new products.", "bh-cross-team-influence",
                      "staff")
    told = score_for(base + lesson, "bh-cross-team-influence", "staff")
    assert any("reflection" in s for s in told.calibration.steps)
    assert told.overall > plain.overall
