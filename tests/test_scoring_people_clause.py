"""A story question answered with beliefs and habits tells no event, even when it names a group of people with a
past verb ("the people I mentored"): the card calls it no story and the interviewer asks for one."""
from __future__ import annotations

from tests.scored import card_for


def test_beliefs_and_the_people_one_mentored_are_no_story() -> None:
    card = card_for("bh-mentoring",
                    "Growing people matters more to me than anything I ship myself. I try to give everyone a stretch "
                    "goal and honest feedback every week. Several of the engineers I coached are tech leads now.")
    assert card.gaps[0].id == "non_answer", [g.id for g in card.gaps]


def test_a_story_about_one_person_is_still_a_story() -> None:
    card = card_for("bh-mentoring",
                    "Two years ago a new graduate on my team froze in design reviews. I sat with her before each "
                    "review for a month and had her present the data section first. By the summer she ran the "
                    "review for the ranking launch herself.")
    assert card.gaps == () or card.gaps[0].id != "non_answer", [g.id for g in card.gaps]

