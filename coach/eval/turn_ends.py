"""Is the answer over? The answer-completeness rule on written pauses (tests/data/turn_ends).

`python -m coach.eval.turn_ends [--set dev|heldout|heldout2|...|heldout17] [-v]` prints, for "end",
precision (a pause wrongly taken for the end is the costly mistake) and recall, the same for the sure ends alone (the
ones a live session takes at once), and the mistakes with their reasons.
The words alone are judged: what the audio model adds is measured by `python -m coach.eval.turn_ends_audio` (the
same pauses spoken) and by `coach bench`.
`dev` is tuned on; `heldout` to `heldout15` (each written apart, by a writer who did not read the rule) were each
scored once, then folded in; `heldout16` and `heldout17` are the next clean checks.
"""
from __future__ import annotations

import argparse
import tomllib
from pathlib import Path
from typing import Any

from coach.content import default_content
from coach.streaming.answer_end import judge, question_kind

DATA = Path(__file__).resolve().parents[2] / "tests" / "data" / "turn_ends"


def load(name: str) -> list[dict[str, Any]]:
    with open(DATA / f"{name}.toml", "rb") as f:
        return tomllib.load(f)["case"]


def evaluate(cases: list[dict[str, Any]]) -> dict[str, Any]:
    """Counts for "end" (taken as the end only on a confident verdict) and the mistakes."""
    tp = fp = fn = unsure_end = sure_tp = sure_fp = 0
    wrong: list[dict[str, Any]] = []
    by_kind: dict[str, list[int]] = {}
    for case in cases:
        question = default_content().question(case["question"])
        kind = question_kind(question)
        verdict = judge(case["text"], kind, question)
        says_end, is_end = verdict.says == "end", case["label"] == "end"
        tp += says_end and is_end
        fp += says_end and not is_end
        fn += is_end and not says_end
        unsure_end += is_end and verdict.says == "unsure"
        sure_tp += says_end and verdict.sure and is_end
        sure_fp += says_end and verdict.sure and not is_end
        row = by_kind.setdefault(kind, [0, 0, 0])
        row[0] += says_end and is_end
        row[1] += says_end and not is_end
        row[2] += is_end
        if says_end != is_end or (not is_end and verdict.says != "goes_on"):
            wrong.append({"id": case["id"], "label": case["label"], "says": verdict.says, "kind": kind,
                          "reasons": list(verdict.reasons)})
    return {"cases": len(cases), "ends": tp + fn, "precision": tp / (tp + fp) if tp + fp else 1.0,
            "recall": tp / (tp + fn) if tp + fn else 1.0, "false_ends": fp, "missed_ends": fn,
            "missed_ends_unsure": unsure_end, "by_kind": by_kind, "wrong": wrong,
            # the ends taken at once (0.5 s) when the audio agrees: the sure ones
            "sure_precision": sure_tp / (sure_tp + sure_fp) if sure_tp + sure_fp else 1.0,
            "sure_recall": sure_tp / (tp + fn) if tp + fn else 1.0, "sure_false_ends": sure_fp}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m coach.eval.turn_ends")
    ap.add_argument("--set", default="dev", choices=("dev", "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7", "heldout8",
                                                      "heldout9", "heldout10", "heldout11", "heldout12",
                                                      "heldout13", "heldout14", "heldout15", "heldout16",
                                                      "heldout17"))
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    r = evaluate(load(args.set))
    print(f"{args.set}: {r['cases']} pauses, {r['ends']} real ends; end precision {r['precision']:.0%} "
          f"({r['false_ends']} pauses taken for the end), recall {r['recall']:.0%} "
          f"({r['missed_ends']} ends missed, {r['missed_ends_unsure']} of them unsure)")
    print(f"  sure ends (taken at once): precision {r['sure_precision']:.0%} ({r['sure_false_ends']} pauses), "
          f"recall {r['sure_recall']:.0%}")
    for kind, (tp, fp, ends) in sorted(r["by_kind"].items()):
        print(f"  {kind}: {tp} of {ends} ends heard, {fp} pauses taken for the end")
    if args.verbose:
        for w in r["wrong"]:
            print(f"  {w['id']} ({w['kind']}) is {w['label']}, says {w['says']}: {'; '.join(w['reasons'])}")


if __name__ == "__main__":
    main()
