"""Asked what broke, "nothing broke" said of the time after the failure the answer tells (the fix holding) is not the
pitfall of claiming nothing ever broke (rubrics/pitfalls.toml `unless`)."""
from __future__ import annotations

from coach.content.loader import default_content
from coach.scoring import pitfalls
from coach.scoring.text import clean, sentences

FAILURE = ("A week after launch our delivery-time model started promising times twenty minutes too short in the north "
           "of the city. I found that a new road-closure feed had been joined on the wrong key, so I rolled the "
           "feature build back that evening. The root cause was a change in the feed's id format, and I added a test "
           "on the join. When the feed changed its format again in spring, the test failed the build and nothing broke.")
DENIAL = ("Honestly nothing ever broke in that system. We tested it heavily before launch and it has been stable "
          "from day one.")


def _lapses(text: str) -> tuple[pitfalls.Lapse, ...]:
    q = default_content().questions["dd-what-broke"]
    return pitfalls.fallen(q, sentences(clean(text)))


def test_nothing_broke_after_a_told_failure_is_the_fix_holding() -> None:
    assert _lapses(FAILURE) == ()


def test_nothing_ever_broke_is_still_the_pitfall() -> None:
    assert [x.pitfall for x in _lapses(DENIAL)] == ["Nothing ever broke"]
