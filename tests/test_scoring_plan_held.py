"""A first-ninety-days plan that replaces the team's systems on a schedule set before learning them: "by day thirty I
would have a proposal to replace the rankers" is a plan held in hand, not a road not taken ("would have been faster"),
so the question's pitfall is heard (coach/scoring/pitfalls.py, rubrics/pitfalls.toml)."""
from __future__ import annotations

from coach.content.loader import default_content
from coach.scoring import pitfalls
from coach.scoring.text import clean, sentences


def _lapses(text: str) -> list[str]:
    q = default_content().questions["hm-first-90-days"]
    return [x.pitfall for x in pitfalls.fallen(q, sentences(clean(text)))]


def test_a_replacement_held_in_hand_by_day_thirty_is_the_rewrite_pitfall() -> None:
    text = ("In the first week I would read the code. By day thirty I would have a plan to replace the two search "
            "rankers with one vector retrieval service, and I would start building it straight after.")
    assert "A rewrite proposed before understanding the system" in _lapses(text)


def test_a_road_not_taken_with_would_have_is_still_no_lapse() -> None:
    assert pitfalls.taken("Replacing the rankers by day thirty would have been faster, but I learned them first.") \
        == " but I learned them first."
