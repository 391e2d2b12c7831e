"""Leave-one-set-out estimate for clarification detection by a small feature model.

    python -m coach.eval.clarify_loso [--json]

The rules in `coach/interview/clarify*.py` were revised on every set, so their scores on those sets
say nothing about new wordings; only a set's first score (before the rules learned from it) does.
This asks whether a small explainable model over structural features (the request act: a question
word or inverted auxiliary, "you"/"we", a modal ask, an unknown quantity of the problem; against a
question given its own answer, a stated assumption, the candidate's own plan, a check-in) would
generalise better: for each set it is fitted (logistic regression, L2) on every other set and scored
on that one. Compare its figures on the fresh sets with the rules' first scores there.
"""
from __future__ import annotations

import argparse
import json
import math
import tomllib
from collections.abc import Callable
from typing import Any

from coach.eval import clarify_cue_support as support
from coach.interview import clarify
from coach.interview import clarify_features as cf
from coach.paths import PROJECT_ROOT

CLARIFY_DIR = PROJECT_ROOT / "tests" / "data" / "clarifying"
# The rules' first score on each set written after the rules had settled (before they learned from it).
FIRST_SIGHT = {"heldout7": (0.83, 0.67), "dev18": (0.81, 0.77), "dev19": (0.44, 0.50), "dev20": (0.957, 0.88),
               "heldout11": (0.96, 0.74), "heldout12": (1.00, 0.89), "heldout13": (0.97, 0.89),
               "heldout14": (1.00, 0.89), "heldout15": (0.97, 0.81),
               "heldout16": (0.93, 0.76), "heldout17": (0.94, 0.89), "heldout18": (0.94, 0.86),
               "heldout19": (0.97, 0.76), "heldout20": (0.92, 0.95), "heldout21": (0.82, 0.89),
               "heldout22": (0.84, 0.97)}

THRESHOLD = 0.9     # leave-one-set-out: rules OR a score this high added no false positive on any set
MAX_WORDS = 40


def _vec(text: str) -> list[float]:
    return cf.vector(text)


def fit(xs: list[list[float]], ys: list[int], l2: float = 0.01, steps: int = 600, rate: float = 0.5) -> list[float]:
    """Logistic regression by full-batch gradient descent; the last weight is the bias."""
    w = [0.0] * (len(cf.FEATURES) + 1)
    n = len(xs)
    for _ in range(steps):
        grad = [0.0] * len(w)
        for x, y in zip(xs, ys):
            z = w[-1] + sum(a * b for a, b in zip(w, x))
            err = 1 / (1 + math.exp(-max(-30.0, min(30.0, z)))) - y
            for j, xj in enumerate(x):
                grad[j] += err * xj
            grad[-1] += err
        w = [wj - rate * (g / n + l2 * wj * (j < len(cf.FEATURES))) for j, (wj, g) in enumerate(zip(w, grad))]
    return w


def predictor(w: list[float]) -> Callable[[str], bool]:
    return lambda text: w[-1] + sum(a * b for a, b in zip(w, _vec(text))) > 0


def _pr(pred: Callable[[str], bool], us: list[dict[str, Any]]) -> tuple[int, int, int]:
    tp = fp = fn = 0
    for u in us:
        s, c = pred(u["text"]), bool(u["clarifying"])
        tp += s and c
        fp += s and not c
        fn += (not s) and c
    return tp, fp, fn


def _fmt(tp: int, fp: int, fn: int) -> dict[str, float]:
    return {"precision": round(tp / max(1, tp + fp), 3), "recall": round(tp / max(1, tp + fn), 3)}


def _write(weights: dict[str, float], names: list[str]) -> None:
    lines = ["# Clarifying turns: logistic weights over coach/interview/clarify_features.py's features.",
             "# Written by `python -m coach.eval.clarify_loso --write`, fitted on: " + ", ".join(names) + ".",
             "# A turn the rules miss counts as asked when its probability is at least `threshold` and it",
             "# has at most `max_words` words.",
             f"threshold = {THRESHOLD}", f"max_words = {MAX_WORDS}", f"bias = {weights['bias']}", "", "[weights]"]
    lines += [f"{k} = {v}" for k, v in weights.items() if k != "bias"]
    (PROJECT_ROOT / "rubrics" / "clarify_weights.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def load_sets(extra: tuple[str, ...] = ()) -> dict[str, list[dict[str, Any]]]:
    """Every utterance of the tuned-on sets (and of `extra`), per set that exists."""
    from coach.eval.followups import CLARIFY_SETS
    names = [n for n in dict.fromkeys(CLARIFY_SETS + ("dev18", "dev20") + extra) if (CLARIFY_DIR / f"{n}.toml").exists()]
    return {n: tomllib.loads((CLARIFY_DIR / f"{n}.toml").read_text(encoding="utf-8"))["utterance"] for n in names}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--write", action="store_true", help="fit on every set and write rubrics/clarify_weights.toml")
    args = parser.parse_args(argv)
    sets = load_sets()
    names = list(sets)
    data = support.cue_data()
    sup = support.support(sets, data)
    report: dict[str, Any] = {}
    total = [0, 0, 0]
    combined = [0, 0, 0]
    honest = [0, 0, 0]
    for n in names:
        train = [u for m in names if m != n for u in sets[m]]
        w = fit([_vec(u["text"]) for u in train], [int(bool(u["clarifying"])) for u in train])
        counts = _pr(predictor(w), sets[n])
        total = [a + b for a, b in zip(total, counts)]
        weights = cf.Weights(dict(zip(cf.FEATURES, w)), w[-1], THRESHOLD, MAX_WORDS)
        both = _pr(lambda t: bool(clarify.clarifying_questions(t, weights=weights)), sets[n])
        combined = [a + b for a, b in zip(combined, both)]
        # the cue phrases only this set's turns hold are left out too: the honest figure
        cues = support.cues_without(data, support.only_in(sup, n))
        out = _pr(lambda t: bool(clarify.clarifying_questions(t, cues, weights)), sets[n])
        honest = [a + b for a, b in zip(honest, out)]
        report[n] = _fmt(*counts) | {"with rules": _fmt(*both), "set left out": _fmt(*out)}
    report["all (each set left out)"] = _fmt(*total) | {"with rules": _fmt(*combined), "set left out": _fmt(*honest)}
    every = [u for n in names for u in sets[n]]
    w = fit([_vec(u["text"]) for u in every], [int(bool(u["clarifying"])) for u in every])
    report["all (fitted on all)"] = _fmt(*_pr(predictor(w), every))
    report["weights"] = {k: round(v, 2) for k, v in zip(cf.FEATURES + ("bias",), w)}
    if args.write:
        _write(report["weights"], [n for n in names])
    if args.json:
        print(json.dumps(report, indent=1))
        return 0
    for n, r in report.items():
        if n == "weights":
            continue
        first = FIRST_SIGHT.get(n)
        extra = f"   (rules' first score {first[0]:.2f} / {first[1]:.2f})" if first else ""
        rules = r.get("with rules")
        shown = f"   rules + model {rules['precision']:.2f} / {rules['recall']:.2f}" if rules else ""
        out = r.get("set left out")
        shown += f"   set's own cues left out {out['precision']:.2f} / {out['recall']:.2f}" if out else ""
        print(f"{n:26} model alone {r['precision']:.2f} / {r['recall']:.2f}{shown}{extra}")
    print("weights (fitted on all):", " ".join(f"{k}={v}" for k, v in report["weights"].items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
