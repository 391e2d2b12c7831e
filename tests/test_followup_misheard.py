"""A follow-up does not say back words the transcriber misheard: a quote holding a word pair no speaker says ("the
of", "out it" at the end of a clause) falls back to a question that does not quote it. Answers and questions written
for these tests."""
from __future__ import annotations

import tomllib

import pytest

from coach.content import default_content
from coach.followups import anchor, choice, guards
from coach.followups.findings import Finding
from coach.followups.misheard import misheard
from coach.paths import PROJECT_ROOT

# A story whose closing step the transcriber garbled ("through the head of" heard as "though the of").
GARBLED = ("Our churn model had drifted for a month before anyone noticed. I rebuilt the weekly retraining job and "
           "added a check on the label delay. After that I walked the team though the of the rollout plan.")
CLEAN = GARBLED.replace("though the of the rollout plan", "through the rollout plan")
PROBE = "What was the measurable result at the end of this?"


def _ends(answer: str) -> Finding:
    return Finding(f'no sentence states an outcome; it ends: "{answer.rsplit(". ", 1)[-1]}"')


@pytest.mark.parametrize("said", [
    "you walked the team though the of the rollout plan",
    "we moved the alerts out them",
    "I handed our wrote notes to the on-call",
    "the retraining was were paused",
])
def test_a_pair_no_speaker_says_is_heard_as_misheard(said: str) -> None:
    assert misheard(said) is not None


@pytest.mark.parametrize("said", [
    "you walked the team through the rollout plan",
    "the team I handed it to took it over",
    "we figured it out and shipped the fix",
    "about two months in she shipped a change",
    "an a b test on the a/b dashboard",
    "the to-do list of the on-call",
])
def test_well_formed_speech_is_not(said: str) -> None:
    assert misheard(said) is None


def test_every_bank_question_and_follow_up_is_free_of_misheard_pairs() -> None:
    for path in sorted((PROJECT_ROOT / "rubrics" / "questions").glob("*.toml")):
        for q in tomllib.loads(path.read_text(encoding="utf-8")).get("question", []):
            for text in [q["prompt"], *(f["text"] for f in q.get("followup", []))]:
                assert misheard(text) is None, (path.name, text)


def test_a_garbled_closing_step_is_not_said_back_in_front_of_the_bank_probe() -> None:
    assert anchor.anchored(PROBE, "no_result", CLEAN, _ends(CLEAN)).startswith("You mentioned you walked the team")
    assert anchor.anchored(PROBE, "no_result", GARBLED, _ends(GARBLED)) == PROBE


def test_the_guard_turns_down_a_model_question_that_quotes_the_mishearing() -> None:
    quoted = "You mentioned you walked the team though the of the rollout plan. What measurable result came of it?"
    verdict = guards.check(quoted, GARBLED, ["result", "measur"], [])
    assert any("misheard" in r for r in verdict.reasons)
    plain = "What measurable result came of the rollout plan you walked the team through?"
    assert not any("misheard" in r for r in guards.check(plain, GARBLED, ["result", "measur"], []).reasons)


def test_a_quoted_mishearing_falls_back_to_a_question_that_does_not_quote_it() -> None:
    content = default_content()
    question = content.question("bh-production-incident")
    quoted = "You mentioned you walked the team though the of the rollout plan. What measurable result came of it?"
    reply = choice.choose(question, GARBLED, "no_result", [quoted], [question.prompt], content.gaps,
                          target=_ends(GARBLED))
    assert reply.source == "bank"
    assert misheard(reply.question) is None and "though the of" not in reply.question
