"""The follow-up guards' word lists are data a coach can edit (prompts/followup_words.toml): the guards use
the file's words, and an edited file is what they read."""
from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from coach.followups import specific, words
from coach.followups.grounding import stem
from coach.paths import PROJECT_ROOT


@pytest.fixture
def fresh_lists() -> Iterator[None]:
    words._TABLE.cache_clear()
    yield
    words._TABLE.cache_clear()


def test_the_vague_guard_uses_the_file_s_words() -> None:
    assert {stem(w) for w in words.word_list("specific", "any_story")} <= specific.ANY_STORY
    assert {stem(w) for w in words.word_list("specific", "people")} <= specific.PEOPLE
    assert "project" in words.word_list("specific", "any_story")
    assert specific.vague("What happened to the project?", "I rebuilt the project's feature pipeline.")


def test_an_edited_list_is_read_and_a_missing_one_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                           fresh_lists: None) -> None:
    (tmp_path / "prompts").mkdir()
    edited = tmp_path / "prompts" / words.FILE
    shutil.copy(PROJECT_ROOT / "prompts" / words.FILE, edited)
    edited.write_text(edited.read_text().replace('any_story = """', 'any_story = """\nbenchmark'))
    monkeypatch.setenv("COACH_CONTENT", str(tmp_path))
    assert "benchmark" in words.word_list("specific", "any_story")
    with pytest.raises(KeyError, match="no list"):
        words.word_list("specific", "no_such_list")


def test_the_on_the_gap_words_and_narrowing_phrases_come_from_the_file() -> None:
    from coach.followups import choice

    assert choice.GAP_WORDS == words.phrase_table("gap_words")
    assert "what changed" in choice.GAP_WORDS["no_result"] and "first step" in choice.GAP_WORDS["non_answer"]
    assert choice.NARROWING == words.phrases("narrowing", "phrases")
