"""A bank follow-up says which talking points it asks about (`points` in rubrics/questions/*.toml): the interviewer
never asks for a point the answer already covered, and after a missed point asks the follow-up on that point first."""
from __future__ import annotations

from pathlib import Path

import pytest

from coach.content import default_content, load_content
from coach.errors import ContentError
from coach.followups import choice
from coach.paths import PROJECT_ROOT
from tests.fixtures.scoring import score_for

RUBRICS = PROJECT_ROOT / "rubrics"

ON_CALL = ("The first thing I'd do is count: two months of pages, grouped by alert and by whether anyone had to act on "
           "them. I expect a few drift alerts that fire and clear by themselves make up most of it, and I'd tune or "
           "delete those and give every alert that stays a runbook.")


def test_the_follow_up_on_a_point_already_covered_is_not_asked() -> None:
    q = default_content().question("hm-on-call-health")
    card = score_for(ON_CALL, "hm-on-call-health")
    finding = next(g for g in card.gaps if g.id == "missing_point")
    asked = choice.bank_followup(q, "missing_point", [q.prompt], default_content().gaps, finding.evidence, ON_CALL)
    # the answer measured first: asking what numbers it would gather is asking again
    assert asked != "What numbers would you gather first to understand the load?"
    assert set(choice.points_asked(asked, q)) & {2, 3, 4}, asked


def test_every_bank_follow_up_that_names_its_points_names_real_ones() -> None:
    for q in default_content().questions.values():
        for f in q.followups:
            assert f.points is None or all(0 <= i < len(q.talking_points) for i in f.points), (q.id, f.text)


BANK = '''[[question]]
id = "my-q"
round = "behavioral"
levels = ["senior"]
prompt = "Tell me about a time you cut a model's cost."
assesses = "Cost work."
talking_points = ["The baseline", "The result"]
[[question.followup]]
gap = "missing_point"
text = "What was the cost before you started?"
points = [{points}]
[[question.followup]]
gap = "no_result"
text = "What did it save in the end?"
[[question.followup]]
gap = "no_result"
text = "How did you measure the saving afterwards?"
'''


def test_a_follow_up_naming_a_point_the_question_lacks_is_rejected_with_a_way_forward(tmp_path: Path) -> None:
    extra = tmp_path / "mine"
    extra.mkdir()
    (extra / "mine.toml").write_text(BANK.format(points="2"))
    with pytest.raises(ContentError) as err:
        load_content(RUBRICS, [extra])
    assert "the question has 2 talking points, counted from 0" in err.value.message
    (extra / "mine.toml").write_text(BANK.format(points="0"))
    q = load_content(RUBRICS, [extra]).question("my-q")
    assert q.followups[0].points == (0,) and q.followups[1].points is None
