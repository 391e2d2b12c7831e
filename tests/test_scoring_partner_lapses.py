"""Two partner lapses the cross-functional questions name: a privacy or legal review brought in only at the end as a
sign-off, and a partner team's breakages patched around quietly, never raised with them. Both are the question's
pitfall; the same partner brought in early, or told and worked with, is not."""
from __future__ import annotations

import pytest

from coach.content.loader import default_content
from coach.scoring import score_answer


@pytest.fixture(scope="module")
def content():  # type: ignore[no-untyped-def]
    return default_content()


def _card(content, qid: str, text: str):  # type: ignore[no-untyped-def]
    q = content.questions[qid]
    return score_answer(text, question=q, round_spec=content.rounds.get(q.round), rubric=content.rubrics.get(q.round),
                        level="senior")


def _lapsed(card) -> bool:  # type: ignore[no-untyped-def]
    return any("pitfall" in s for s in card.calibration.steps)


PRIVACY = ("At an insurer I built a claims triage model that read the free text of claim forms. "
           "{when} "
           "They asked us to strip names and addresses before training and to keep the raw text for thirty days only, "
           "so I added a redaction step and a retention job. "
           "The model launched four weeks later and caught eighteen percent more fraudulent claims in the first quarter.")


def test_legal_brought_in_only_before_go_live_is_the_pitfall(content) -> None:  # type: ignore[no-untyped-def]
    late = PRIVACY.format(when="We looped the legal team in only a week before go-live, since it felt like paperwork.")
    assert _lapsed(_card(content, "xf-privacy-review", late))


def test_legal_brought_in_at_the_design_stage_is_not(content) -> None:  # type: ignore[no-untyped-def]
    early = PRIVACY.format(when="I asked the legal team to review the design in the first week, before any data was pulled.")
    assert not _lapsed(_card(content, "xf-privacy-review", early))


PIPELINE = ("At a bike rental company my demand model retrained nightly on tables from the platform team, and every "
            "few days a late partition made the run fail. {how} "
            "After that the nightly retrain failed about once a month instead of twice a week.")


def test_breakages_patched_around_without_telling_the_team_is_the_pitfall(content) -> None:  # type: ignore[no-untyped-def]
    quiet = PIPELINE.format(how="Their team looked stretched and I did not want to add to their backlog, so I patched "
                                "the late partitions in our loader myself, filling gaps with the day before.")
    card = _card(content, "xf-upstream-pipeline", quiet)
    assert _lapsed(card) and card.calibration.level <= 2.0


def test_breakages_raised_with_the_team_are_not(content) -> None:  # type: ignore[no-untyped-def]
    told = PIPELINE.format(how="I showed their lead the failures and what each stale day cost us, and we agreed a "
                               "freshness check that blocks their publish step.")
    assert not _lapsed(_card(content, "xf-upstream-pipeline", told))


def test_a_lapse_owned_as_ones_own_call_with_its_lesson_is_held_at_three_not_two(content) -> None:  # type: ignore[no-untyped-def]
    unseen = PRIVACY.format(when="We looped the legal team in only a week before go-live, since it felt like paperwork.")
    owned = PRIVACY.format(when="We looped the legal team in only a week before go-live, and that was my call.") + \
        " Looking back, I would ask them to the first design review."
    assert 2.5 < _card(content, "xf-privacy-review", owned).calibration.level <= 3.0
    assert _card(content, "xf-privacy-review", unseen).calibration.level <= 2.0
