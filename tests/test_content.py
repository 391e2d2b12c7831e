"""Shipped interview content, its loader's validation, the picker and the content CLI."""
from __future__ import annotations

import json
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from coach import cli
from coach.content import (ANY_ROUND, SIZING_KINDS, Content, default_content, expand_plan,
                           load_content, pick_questions)
from coach.content.loader import rounds_and_dimensions
from coach.domain import DIMENSION_IDS, GAP_IDS, LEVEL_IDS, ROUND_IDS, RoundSpec
from coach.errors import ContentError
from tests.fixtures.content import USER_BANK

REPO = Path(__file__).resolve().parent.parent
RUBRICS = REPO / "rubrics"
SEED_TOOL = REPO.parent / "shared" / "tools" / "seed_overlap.py"
BIG_ROUNDS = ("behavioral", "system-design", "technical-screen", "deep-dive")
PREFIX = {"recruiter": "rc-", "technical-screen": "ts-", "coding": "cd-", "system-design": "sd-",
          "deep-dive": "dd-", "behavioral": "bh-", "cross-functional": "xf-", "hiring-manager": "hm-",
          "napkin-math": "nm-"}


@pytest.fixture(scope="module")
def content() -> Content:
    return load_content(RUBRICS, ())


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("COACH_HOME", str(tmp_path_factory.mktemp("home")))
    monkeypatch.delenv("COACH_CONTENT", raising=False)
    default_content.cache_clear()
    yield
    default_content.cache_clear()


# --- shipped content -------------------------------------------------------

def test_question_counts(content: Content) -> None:
    assert len(content.questions) >= 80
    for rid in ROUND_IDS:
        n = len(content.questions_for(rid))
        assert n >= (10 if rid in BIG_ROUNDS else 4), rid
    for rid in BIG_ROUNDS:
        for level in LEVEL_IDS:
            assert len(content.questions_for(rid, level)) >= 4, (rid, level)
    # the drill may pick any round at either level
    for rid in ROUND_IDS:
        for level in LEVEL_IDS:
            assert content.questions_for(rid, level), (rid, level)


def test_every_question_is_well_formed(content: Content) -> None:
    for q in content.questions.values():
        assert q.id.startswith(PREFIX[q.round]), q.id
        assert q.source == f"rubrics/questions/{q.round}.toml"
        assert 4 <= len(q.talking_points) <= 7, q.id
        assert len(q.keywords) == len(q.talking_points), q.id
        for kws in q.keywords:
            assert 2 <= len(kws) <= 6, (q.id, kws)
            assert all(k == k.lower() and k.strip() for k in kws), (q.id, kws)
        assert 2 <= len(q.pitfalls) <= 4, q.id
        assert len(q.followups) >= 3, q.id
        for f in q.followups:
            assert f.gap in GAP_IDS, (q.id, f.gap)
            assert f.text.endswith("?") and 5 <= len(f.text.split()) <= 30, (q.id, f.text)
        assert q.prompt.endswith((".", "?")), q.id


def test_required_topics_are_covered(content: Content) -> None:
    ids = set(content.questions)
    for qid in ("sd-home-recommendations", "sd-fraud-detection", "sd-search-ranking",
                "sd-feed-ranking", "sd-ads-click-prediction", "sd-image-moderation",
                "sd-feature-store", "sd-model-monitoring", "sd-llm-serving",
                "sd-distributed-training", "bh-disagreement", "bh-cross-team-influence",
                "bh-mentoring", "bh-production-incident", "bh-model-not-shipped", "bh-ambiguity",
                "bh-simple-over-complex", "ts-metric-choice", "ts-offline-online-gap",
                "ts-bias-variance", "ts-regularization", "ts-validation-strategy",
                "ts-data-leakage", "ts-calibration", "ts-class-imbalance"):
        assert qid in ids, qid


def test_rubrics(content: Content) -> None:
    assert set(content.rubrics) == set(ROUND_IDS)
    used = set()
    for rid, rubric in content.rubrics.items():
        assert abs(sum(d.weight for d in rubric.dimensions) - 1.0) <= 0.01, rid
        assert set(rubric.expected_sizing) <= set(SIZING_KINDS)
        assert [d.id for d in rubric.dimensions] == list(content.round(rid).grades)
        for d in rubric.dimensions:
            used.add(d.id)
            assert [lv.score for lv in d.levels] == [1, 2, 3, 4, 5]
            assert d.senior and d.staff
    assert used == set(DIMENSION_IDS)
    assert {"throughput", "latency", "storage", "dataset", "model_size", "compute", "cost"} <= \
        set(content.rubric("system-design").expected_sizing)


def test_rounds_gaps_and_plans(content: Content) -> None:
    assert list(content.rounds) == list(ROUND_IDS)
    assert content.round("behavioral").answer_seconds == 150
    assert content.round("system-design").answer_seconds == 300
    assert list(content.gaps) == list(GAP_IDS)
    for gap in content.gaps.values():
        assert gap.description and 2 <= len(gap.followups) <= 3
        assert all(t.endswith("?") for t in gap.followups)
    loop = content.plan("full-loop")
    assert [s.round for s in loop.steps] == [r for r in ROUND_IDS if r != "napkin-math"]
    assert [s.round for s in content.plan("drill").steps] == [ANY_ROUND]
    assert sum(s.minutes for s in content.plan("warm-up").steps) == 5


def test_lookup_errors_carry_hints(content: Content) -> None:
    with pytest.raises(ContentError) as err:
        content.question("sd-fraud")
    assert "sd-fraud-detection" in err.value.message
    assert "coach questions list" in err.value.hint
    with pytest.raises(ContentError):
        content.plan("marathon")
    with pytest.raises(ContentError):
        content.questions_for(round="lunch")


# --- validation --------------------------------------------------------------

@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A writable copy of the shipped rubrics/ folder."""
    shutil.copytree(RUBRICS, tmp_path / "rubrics")
    return tmp_path / "rubrics"


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, old
    path.write_text(text.replace(old, new, 1))


BROKEN = [
    ("questions/behavioral.toml", 'gap = "no_result"', 'gap = "nope"',
     ["rubrics/questions/behavioral.toml", "question 'bh-disagreement'", "follow-up 1",
      "gap 'nope' is not one of non_answer"]),
    ("gaps.toml", "[no_result]", "[no_result", ["rubrics/gaps.toml", "invalid TOML", "line"]),
    ("questions/coding.toml", 'levels = ["senior"]', 'levels = ["principal"]',
     ["rubrics/questions/coding.toml", "question 'cd-logistic-regression'", "level 'principal'"]),
    ("questions/coding.toml", 'round = "coding"', 'round = "lunch"',
     ["rubrics/questions/coding.toml", "round 'lunch' is not one of"]),
    ("rubrics/coding.toml", 'id = "tradeoffs"', 'id = "charisma"',
     ["rubrics/rubrics/coding.toml", "id 'charisma' is not one of"]),
    ("rubrics/coding.toml", "weight = 0.4", "weight = 0.5",
     ["rubrics/rubrics/coding.toml", "weights sum to 1.100"]),
    ("questions/recruiter.toml", 'prompt = "To start', 'opener = "To start',
     ["rubrics/questions/recruiter.toml", "question 'rc-background'", "unknown field 'opener'"]),
    ("questions/recruiter.toml", "two sentences for the hiring manager?",
     "two sentences for the hiring manager.",
     ["question 'rc-background'", "follow-up 1", "must end with '?'"]),
    ("plans.toml", 'round = "*"\nminutes', 'round = "any"\nminutes', ["rubrics/plans.toml", "plan 'drill'", "step 1"]),
    ("rounds.toml", 'id = "coding"', 'id = "pairing"', ["rubrics/rounds.toml", "id 'pairing'"]),
    ("rounds.toml", 'id = "tradeoffs"\nname', 'id = "charisma"\nname',
     ["rubrics/rounds.toml", "dimension 3", "id 'charisma' is not one of"]),
    ("rounds.toml", 'short = "Production"', 'short = "Production readiness"',
     ["rubrics/rounds.toml", "dimension 'production_readiness'", "at most 14 characters"]),
]


@pytest.mark.parametrize("rel,old,new,expected", BROKEN, ids=[b[0] + ":" + b[2] for b in BROKEN])
def test_broken_files_name_file_and_field(tree: Path, rel: str, old: str, new: str,
                                          expected: list[str]) -> None:
    _edit(tree / rel, old, new)
    with pytest.raises(ContentError) as err:
        load_content(tree, ())
    for part in expected:
        assert part in err.value.message, err.value.message
    assert err.value.hint


def test_too_few_followups_and_missing_field(tree: Path) -> None:
    bank = tree / "questions" / "recruiter.toml"
    text = bank.read_text()
    start = text.index('[[question]]\nid = "rc-proudest-impact"')
    head, last = text[:start], text[start:]
    cut = last.split("[[question.followup]]")
    bank.write_text(head + "[[question.followup]]".join(cut[:3]))
    with pytest.raises(ContentError, match=r"question 'rc-proudest-impact': has 2 follow-up"):
        load_content(tree, ())
    bank.write_text(head + last.replace('assesses = "A short', 'notes = "A short'))
    with pytest.raises(ContentError, match="unknown field 'notes'"):
        load_content(tree, ())
    bank.write_text(head + last.replace("assesses = ", "# assesses = "))
    with pytest.raises(ContentError, match="rc-proudest-impact': missing required field 'assesses'"):
        load_content(tree, ())


def test_user_bank_is_loaded_and_validated(tmp_path: Path) -> None:
    extra = tmp_path / "mine"
    extra.mkdir()
    (extra / "mine.toml").write_text(USER_BANK)
    content = load_content(RUBRICS, [extra])
    q = content.question("my-ranking-story")
    assert q.round == "deep-dive" and q.levels == ("staff",)
    assert q.source.endswith("mine.toml")
    assert q in content.questions_for("deep-dive", "staff")

    (extra / "dup.toml").write_text(USER_BANK.replace("my-ranking-story", "bh-disagreement"))
    with pytest.raises(ContentError) as err:
        load_content(RUBRICS, [extra])
    assert "dup.toml" in err.value.message
    assert "already used in rubrics/questions/behavioral.toml" in err.value.message
    (extra / "dup.toml").unlink()

    (extra / "broken.toml").write_text(USER_BANK.replace('gap = "no_result"', 'gap = "vibes"'))
    with pytest.raises(ContentError) as err:
        load_content(RUBRICS, [extra])
    assert "broken.toml" in err.value.message and "gap 'vibes'" in err.value.message


def test_default_user_dir_is_picked_up(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("COACH_HOME", str(tmp_path))
    (tmp_path / "questions").mkdir()
    (tmp_path / "questions" / "mine.toml").write_text(USER_BANK)
    assert "my-ranking-story" in load_content(RUBRICS).questions
    assert "my-ranking-story" not in load_content(RUBRICS, ()).questions


# --- picker ------------------------------------------------------------------

def test_pick_avoids_recent_questions(content: Content) -> None:
    pool = [q.id for q in content.questions_for("behavioral", "senior")]
    recent = pool[: len(pool) - 3]
    for seed in range(20):
        picked = pick_questions(content, "behavioral", "senior", 3, recent, random.Random(seed))
        assert len(picked) == 3 and len({q.id for q in picked}) == 3
        assert not {q.id for q in picked} & set(recent)
        assert all(q.round == "behavioral" and "senior" in q.levels for q in picked)


def test_pick_falls_back_to_least_recent(content: Content) -> None:
    pool = [q.id for q in content.questions_for("system-design", "staff")]
    recent = list(reversed(pool))          # most recent first: pool[0] is the oldest
    picked = pick_questions(content, "system-design", "staff", 2, recent, random.Random(1))
    assert [q.id for q in picked] == pool[:2]
    fresh = pool[-1]
    picked = pick_questions(content, "system-design", "staff", 2, recent[1:], random.Random(1))
    assert picked[0].id == fresh and picked[1].id == pool[0]


def test_pick_is_deterministic_and_bounded(content: Content) -> None:
    a = pick_questions(content, "coding", "staff", 3, [], random.Random(7))
    b = pick_questions(content, "coding", "staff", 3, [], random.Random(7))
    assert a == b
    everything = pick_questions(content, "recruiter", None, 50, [], random.Random(0))
    assert len(everything) == len(content.questions_for("recruiter"))
    assert pick_questions(content, "recruiter", "senior", 0, [], random.Random(0)) == []


def test_expand_plan(content: Content) -> None:
    steps = expand_plan(content, "drill", "deep-dive")
    assert [s.round for s in steps] == ["deep-dive"]
    with pytest.raises(ContentError, match="needs a round"):
        expand_plan(content, "drill")
    with pytest.raises(ContentError):
        expand_plan(content, "drill", "lunch")
    assert [s.round for s in expand_plan(content, "full-loop")] == [r for r in ROUND_IDS if r != "napkin-math"]


# --- CLI ---------------------------------------------------------------------

def test_cli_questions_list_json(capsys: pytest.CaptureFixture[str]) -> None:
    rc = cli.main(["questions", "list", "--round", "system-design", "--level", "staff", "--json"])
    assert rc == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data) >= 4
    for item in data:
        assert {"id", "round", "levels", "prompt", "assesses", "talking_points", "pitfalls",
                "followups"} <= set(item)
        assert item["round"] == "system-design" and "staff" in item["levels"]
        assert all({"gap", "text"} == set(f) for f in item["followups"])


def test_cli_questions_list_and_show_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["questions", "list", "--round", "coding"]) == 0
    out = capsys.readouterr().out
    assert "cd-kmeans" in out and "sd-fraud-detection" not in out
    assert cli.main(["questions", "show", "sd-fraud-detection"]) == 0
    out = capsys.readouterr().out
    assert "Suppose we process card payments" in out and "[no_numbers]" in out
    assert cli.main(["questions", "show", "bh-mentoring", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["id"] == "bh-mentoring"


def test_cli_errors(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["questions", "show", "no-such-question"]) == 1
    assert "no question with id 'no-such-question'" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exc:
        cli.main(["questions", "list", "--round", "lunch"])
    assert exc.value.code == 2


def test_cli_rubrics_show(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["rubrics", "show", "system-design", "--level", "staff", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["round"] == "system-design" and "latency" in data["expected_sizing"]
    assert abs(sum(d["weight"] for d in data["dimensions"]) - 1.0) <= 0.01
    assert all(list(d["expectations"]) == ["staff"] and len(d["levels"]) == 5
               for d in data["dimensions"])
    assert cli.main(["rubrics", "show", "behavioral"]) == 0
    out = capsys.readouterr().out
    assert "star_structure" in out and "Senior bar" in out and "Staff bar" in out


# --- originality ---------------------------------------------------------------

@pytest.mark.skipif(not SEED_TOOL.exists(), reason="shared seed documents are not available")
@pytest.mark.parametrize("folder", ["rubrics", "coach/content"])
def test_content_shares_no_long_runs_with_seeds(folder: str) -> None:
    result = subprocess.run([sys.executable, str(SEED_TOOL), str(REPO / folder)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout


def test_rounds_file_is_the_one_source_of_grades_and_dimension_names() -> None:
    """A round with no grades of its own is scored on what rubrics/rounds.toml says it grades, and every
    place that names a dimension (scorecard, report sentence, app column) takes the words from there."""
    from coach.progress.labels import dimension_label
    from coach.scoring import score_answer
    from coach.tui.dimension_scores import short_name

    rounds, dims = rounds_and_dimensions()
    answer = "I built the ranking service, we weighed latency against recall, and I added monitoring."
    for rid, spec in rounds.items():
        bare = RoundSpec(rid, rid, "", "", (), 45, 120)
        card = score_answer(answer, round_spec=bare)
        assert tuple(d.id for d in card.dimensions) == spec.grades, rid
        assert [d.name for d in card.dimensions] == [dims[d].name for d in spec.grades]
    assert "production_readiness" in rounds["coding"].grades and "tradeoffs" in rounds["behavioral"].grades
    assert dimension_label("numeric_sizing") == dims["numeric_sizing"].phrase == "numeric sizing"
    assert short_name("communication", "x") == dims["communication"].short and short_name("mystery", "x") == "x"


def test_a_follow_up_whose_gap_its_round_never_raises_is_rejected(tmp_path: Path) -> None:
    extra = tmp_path / "mine"
    extra.mkdir()
    (extra / "mine.toml").write_text(USER_BANK.replace('gap = "missing_point"', 'gap = "no_monitoring"'))
    with pytest.raises(ContentError) as err:
        load_content(RUBRICS, [extra])
    assert "gap 'no_monitoring' is never raised in the deep-dive round" in err.value.message
    assert "missing_point" in err.value.hint


def test_every_bank_follow_up_can_be_asked_and_system_design_questions_carry_facts() -> None:
    from coach.content.loader import raisable_gaps

    content = load_content(RUBRICS, ())
    for q in content.questions.values():
        assert all(f.gap in raisable_gaps(q.round, q.hypothetical) for f in q.followups), q.id
    design = content.questions_for("system-design")
    assert len(design) >= 14
    for q in design:
        assert any(f.gap == "no_clarifying" for f in q.followups), q.id
        # the generic "what latency budget and hardware?" is off the point of many designs (a monitoring system):
        # each design asks for its own numbers
        assert any(f.gap == "no_numbers" for f in q.followups), q.id
        assert {"traffic", "latency", "data", "labels", "team", "budget", "constraints"} <= {t for t, _ in q.facts}, q.id
        assert q.change is not None and q.fact(q.change[0]), q.id
    hypothetical = {q.id for q in content.questions.values() if q.hypothetical}
    assert {"xf-latency-budget-cut", "hm-first-90-days", "hm-platform-philosophy", "hm-on-call-health"} <= hypothetical
