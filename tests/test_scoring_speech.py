"""Speech without punctuation: clause splitting, the labels it feeds, and notes that agree with the labels."""
from __future__ import annotations

import re

import pytest

from coach.scoring import score_answer
from coach.scoring.star import COMPONENTS
from coach.scoring.text import sentences

SPOKEN = ("so um last year our nightly feature job kept missing the morning retrain and the model trained on stale "
          "data like twice a week my manager asked me to make it finish on time i profiled every stage and found one "
          "skewed join so i rewrote it with salted keys and moved two features out of the job a month later it "
          "finished in forty minutes instead of three hours and we haven't missed a retrain since")


def test_unpunctuated_speech_splits_at_clause_starts() -> None:
    parts = [s.text for s in sentences(SPOKEN)]
    assert len(parts) >= 5
    assert any(p.startswith("my manager asked me") for p in parts)
    assert any(p.startswith("i profiled every stage") for p in parts)
    assert any(p.startswith("a month later") for p in parts)
    # a relative clause stays whole: "the lesson i kept is ..."
    kept = [s.text for s in sentences("and the big thing i took away from all of it was that the lesson i kept is "
                                      "that slow pipelines are usually a person waiting on something")]
    assert not any(p.startswith("i kept") for p in kept)


def test_written_sentences_are_not_split_at_clauses() -> None:
    text = "In my second year on the team I shipped a change to the candidate filter on a Friday afternoon."
    assert [s.text for s in sentences(text)] == [text]


def test_spoken_story_gets_its_parts_and_a_strong_score() -> None:
    card = score_answer(SPOKEN, level="senior")
    labels = card.star.labels
    assert labels[0] == "situation" and "task" in labels and labels.count("action") >= 2
    assert card.star.result.present and card.star.measurable_result
    assert card.overall >= 3.5


def _speechify(text: str) -> str:
    return re.sub(r"(?<!\d)[.,;:!?](?!\d)", "", text).lower()


STORIES = [
    "Last winter our pricing model quoted prices 20 percent too low for a whole country. As the engineer on call I "
    "ran the incident. I switched traffic to the rule-based fallback within fifteen minutes and posted updates for "
    "finance. The root cause was a late currency table, so I added a freshness check. We have not had a stale table "
    "since.",
    "I'm generally good with ambiguity. When something is unclear I usually talk to stakeholders, figure out what "
    "they need, and then I make a plan and execute it.",
    "There was this guy on my team who was kind of slow. I talked to him about it and we worked it out.",
]


@pytest.mark.parametrize("text", STORIES + [_speechify(t) for t in STORIES])
def test_notes_never_contradict_the_labels(text: str) -> None:
    _agree(score_answer(text, level="senior").star)


def test_notes_agree_with_the_labels_on_every_graded_answer_written_and_spoken() -> None:
    from coach.eval.graded import CLEAN, load_graded
    items = [g for g in load_graded() if g.part not in CLEAN]    # fresh3, fresh4: not run on until scored once
    assert len(items) >= 190
    for g in items:
        for text in (g.text, _speechify(g.text)):
            _agree(score_answer(text, level=g.level).star)


def _agree(star) -> None:
    for c in COMPONENTS:
        comp = getattr(star, c)
        if c in star.labels:
            assert comp.present and comp.evidence
            assert comp.evidence[0] in [s for s, lab in zip(star.sentences, star.labels) if lab == c]
        if not comp.present:
            assert c not in star.labels and not comp.evidence
    notes = " ".join(n for c in COMPONENTS for n in getattr(star, c).notes)
    if "action" in star.labels:
        assert "no sentence says what you did" not in notes and "actions are 0%" not in notes
    if "result" in star.labels:
        assert "no outcome stated" not in notes
    if "situation" in star.labels:
        assert "no sentence says where" not in notes


def test_graded_answers_read_as_unpunctuated_speech_keep_their_order() -> None:
    """The written graded answers (tuning and older held-out parts), with punctuation and capitals stripped as a
    transcript without punctuation would have them: the scores still follow the grades."""
    import dataclasses

    from coach.content.loader import default_content
    from coach.eval.graded import figures, load_graded, score_graded
    items = [dataclasses.replace(g, text=re.sub(r"(\d),(\d)", r"\1\2", _speechify(g.text)), spans=[])
             for g in load_graded() if g.part in ("tuning", "held-out") and not g.flags.get("speech")]
    f = figures(score_graded(items, default_content()))
    assert f["answers"] >= 150
    assert f["spearman"] >= 0.9 and f["weak_above_2"] <= 1 and f["strong_below_4"] <= 3     # measured 0.917, 1, 3 (dv-51, open: see the calibration guard)


def test_stories_without_their_action_sentences_score_low() -> None:
    """Grade 4-5 stories (tuning and older held-out parts) with their action sentences removed: the rubric puts
    a story with no act of the speaker at level 1-2, so few may keep a middling score."""
    import dataclasses

    from coach.content.loader import default_content
    from coach.eval.graded import load_graded, score_graded
    items = [dataclasses.replace(g, text=" ".join(g.text[s:e] for s, e, lab in g.spans if lab != "action"), spans=[])
             for g in load_graded() if g.part in ("tuning", "held-out") and g.spans and g.grade >= 4
             and any(lab == "action" for *_, lab in g.spans)]
    rows = score_graded(items, default_content())
    assert len(rows) >= 60
    assert sum(1 for r in rows if r["card"].overall > 2.8) <= 5                             # measured 4 of 67
