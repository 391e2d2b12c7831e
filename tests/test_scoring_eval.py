"""The scorer meets its targets on the labelled answers (tests/data/answers/), and the set is well formed."""
from __future__ import annotations

import tomllib

from coach.domain import GAP_IDS, ROUND_IDS
from coach.eval.scoring import DATA_DIR, evaluate, main, targets_met
from coach.scoring.star import COMPONENTS
from coach.scoring.units import KINDS


def test_labelled_set_is_big_and_well_formed() -> None:
    files = sorted(DATA_DIR.glob("*.toml"))
    assert len(files) >= 60
    kinds = set()
    for f in files:
        d = tomllib.loads(f.read_text(encoding="utf-8"))
        assert d["round"] in ROUND_IDS and d["text"].strip()
        assert d["top_gap"] == "" or d["top_gap"] in GAP_IDS
        assert isinstance(d["non_answer"], bool) and isinstance(d["wrong_math"], bool)
        assert not d["wrong_math"] or d["has_math"]
        if "star" in d:
            assert set(d["star"]) == set(COMPONENTS)
        for q in d["quantities"]:
            assert q["kind"] in KINDS
            kinds.add(q["kind"])
    assert kinds == set(KINDS)                 # every kind is exercised


def test_eval_meets_the_targets() -> None:
    r = evaluate()
    met = targets_met(r)
    assert all(met.values()), (met, r["errors"])
    for c in COMPONENTS:
        assert r["star"][c]["f1"] >= 0.85
    assert r["quantities"]["f1"] >= 0.9
    assert r["wrong_math"]["recall"] >= 0.9 and r["wrong_math"]["total"] >= 10
    assert r["wrong_math"]["false_alarm_rate"] <= 0.1 and r["wrong_math"]["correct_math_answers"] >= 10
    assert r["non_answer"]["recall"] == 1.0 and r["non_answer"]["max_overall"] <= 0.5


def test_eval_cli_prints_the_figures(capsys) -> None:
    # Every part but fresh3, which is scored once at the end of the fourth pass (tests/data/graded/fresh3/).
    main(["--part", "tuning", "--part", "held-out", "--part", "fresh", "--part", "fresh2"])
    out = capsys.readouterr().out
    assert "STAR component presence" in out and "wrong-arithmetic recall" in out and "F1" in out
    assert "Spearman(overall, grade)" in out and "held-out" in out and "flags on correct chains" in out
