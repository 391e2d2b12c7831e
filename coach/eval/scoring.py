"""Evaluate the answer scorer against the labelled answers in tests/data/answers/.

    python -m coach.eval.scoring [--data DIR] [--json] [--verbose] [--check] [--part PART ...]

First, calibration on the graded answers (tests/data/graded/) and the napkin chains
(tests/data/napkin/), on the tuning part, the older held-out part, the first fresh part (tests/data/graded/fresh/,
read after the second pass and now tuned on) and the second fresh part (tests/data/graded/fresh2/, scored
once as a clean check, then read and folded into tuning in the fourth pass, scores and STAR quotes alike), the third
(tests/data/graded/fresh3/ with tests/data/napkin/fresh3.toml) and the fourth (tests/data/graded/fresh4/, technical-screen
answers, half of them fluent but wrong), both scored once and folded into tuning in the sixth pass, and the fifth
(tests/data/graded/fresh5/ with tests/data/napkin/fresh5.toml, scored once as the sixth pass's clean check, then
folded in) and the sixth (tests/data/graded/fresh6/ with tests/data/napkin/fresh6.toml, scored once as the seventh
pass's clean check, then folded in): Spearman between overall and
grade, mean score per grade, answers graded <= 2 scoring above 2.0, answers graded 5 scoring
below 4.0, the share of STAR quotes on a sentence with the right label, talking-point precision,
and flags on correct chains / misses on wrong ones (see coach/eval/graded.py). Then, on the
labelled answers in tests/data/answers/, precision, recall and F1 for STAR component presence, quantity
extraction (kind + value as said, within 1%), wrong-arithmetic detection
(recall, and false alarms on answers whose arithmetic is right), non-answer
detection, plus unit normalisation and top-gap agreement. `--check` exits 1
when a target is missed.
"""
from __future__ import annotations

import argparse
import json
import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from coach.domain import Question, RoundSpec, Transcript
from coach.paths import PROJECT_ROOT
from coach.scoring import score_answer
from coach.scoring.star import COMPONENTS

DATA_DIR = PROJECT_ROOT / "tests" / "data" / "answers"
# The rounds' answer_seconds as shipped in rubrics/rounds.toml (kept here so the eval needs no content).
ANSWER_SECONDS = {"recruiter": 90, "technical-screen": 120, "coding": 240, "system-design": 300,
                  "deep-dive": 240, "behavioral": 150, "cross-functional": 150, "hiring-manager": 150}
TARGETS = {"star_f1": 0.85, "quantity_f1": 0.9, "wrong_math_recall": 0.9, "false_alarm_rate": 0.1}
REL_TOL = 0.01


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, gold: bool, pred: bool) -> None:
        self.tp += gold and pred
        self.fp += (not gold) and pred
        self.fn += gold and not pred

    def prf(self) -> dict[str, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class Item:
    id: str
    data: dict[str, Any]
    path: Path
    notes: list[str] = field(default_factory=list)


def load(data_dir: Path = DATA_DIR) -> list[Item]:
    items = []
    for path in sorted(Path(data_dir).glob("*.toml")):
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
        items.append(Item(str(data.get("id", path.stem)), data, path))
    return items


def _question(d: dict[str, Any], item_id: str) -> Question | None:
    q = d.get("question")
    if not q:
        return None
    return Question(id=item_id, round=d.get("round", ""), levels=("senior", "staff"), prompt=q.get("prompt", ""),
                    assesses="", talking_points=tuple(q.get("talking_points", ())),
                    keywords=tuple(tuple(k) for k in q.get("keywords", ())))


def _round(d: dict[str, Any]) -> RoundSpec | None:
    rid = d.get("round")
    if not rid:
        return None
    seconds = int(d.get("answer_seconds") or ANSWER_SECONDS.get(rid, 180))
    return RoundSpec(id=rid, name=rid, persona="", behaviour="", grades=(), time_box_minutes=45,
                     answer_seconds=seconds)


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= REL_TOL * max(abs(a), abs(b)) + 1e-12


def evaluate(data_dir: Path = DATA_DIR) -> dict[str, Any]:
    star = {c: Counts() for c in COMPONENTS}
    quantities = Counts()
    non_answer = Counts()
    norm_ok = norm_total = 0
    wrong_found = wrong_total = 0
    false_alarms = correct_total = 0
    false_alarms_any = clean_total = 0
    top_ok = top_total = 0
    non_answer_overall = 0.0
    items = load(data_dir)
    for item in items:
        d = item.data
        card = score_answer(Transcript(d["text"], duration_s=d.get("duration_s")),
                            question=_question(d, item.id), round_spec=_round(d))
        if "star" in d:
            for c in COMPONENTS:
                gold, pred = bool(d["star"].get(c)), getattr(card.star, c).present
                star[c].add(gold, pred)
                if gold != pred:
                    item.notes.append(f"star {c}: labelled {gold}, found {pred}")
        pred_q = list(card.sizing.quantities)
        used = [False] * len(pred_q)
        for g in d.get("quantities", []):
            hit = next((i for i, q in enumerate(pred_q) if not used[i] and q.kind == g["kind"]
                        and _close(q.raw, float(g["value"]))), None)
            if hit is None:
                quantities.fn += 1
                item.notes.append(f"missed quantity {g.get('text', g['value'])!r} ({g['kind']})")
                continue
            used[hit] = True
            quantities.tp += 1
            if "base" in g:
                norm_total += 1
                if _close(pred_q[hit].value, float(g["base"])):
                    norm_ok += 1
                else:
                    item.notes.append(f"normalised {g.get('text')!r} to {pred_q[hit].value}, label {g['base']}")
        for i, q in enumerate(pred_q):
            if not used[i]:
                quantities.fp += 1
                item.notes.append(f"extra quantity {q.text!r} ({q.kind})")
        flagged = any(not c.ok for c in card.sizing.checks)
        if d.get("wrong_math"):
            wrong_total += 1
            wrong_found += flagged
            if not flagged:
                item.notes.append("wrong arithmetic not flagged")
        else:
            clean_total += 1
            false_alarms_any += flagged
            if d.get("has_math"):
                correct_total += 1
                false_alarms += flagged
            if flagged:
                item.notes.append("false alarm: " + next(c.message for c in card.sizing.checks if not c.ok))
        pred_na = bool(card.gaps) and card.gaps[0].id in ("non_answer", "off_topic")
        non_answer.add(bool(d.get("non_answer")), pred_na)
        if d.get("non_answer"):
            non_answer_overall = max(non_answer_overall, card.overall)
        if pred_na != bool(d.get("non_answer")):
            item.notes.append(f"non-answer: labelled {bool(d.get('non_answer'))}, found {pred_na}")
        if "top_gap" in d:
            top_total += 1
            got = card.gaps[0].id if card.gaps else ""
            top_ok += got == d["top_gap"]
            if got != d["top_gap"]:
                item.notes.append(f"top gap: labelled {d['top_gap']!r}, found {got!r}")
    star_all = Counts(sum(c.tp for c in star.values()), sum(c.fp for c in star.values()),
                      sum(c.fn for c in star.values()))
    return {
        "answers": len(items),
        "star": {c: star[c].prf() for c in COMPONENTS} | {"micro": star_all.prf()},
        "quantities": quantities.prf(),
        "normalisation": {"correct": norm_ok, "total": norm_total,
                          "accuracy": round(norm_ok / norm_total, 3) if norm_total else 1.0},
        "wrong_math": {"found": wrong_found, "total": wrong_total,
                       "recall": round(wrong_found / wrong_total, 3) if wrong_total else 1.0,
                       "false_alarms": false_alarms, "correct_math_answers": correct_total,
                       "false_alarm_rate": round(false_alarms / correct_total, 3) if correct_total else 0.0,
                       "false_alarms_all_clean": false_alarms_any, "clean_answers": clean_total},
        "non_answer": non_answer.prf() | {"max_overall": non_answer_overall},
        "top_gap": {"agree": top_ok, "total": top_total,
                    "accuracy": round(top_ok / top_total, 3) if top_total else 1.0},
        "errors": {i.id: i.notes for i in items if i.notes},
    }


def targets_met(r: dict[str, Any]) -> dict[str, bool]:
    return {
        "star_f1": all(r["star"][c]["f1"] >= TARGETS["star_f1"] for c in (*COMPONENTS, "micro")),
        "quantity_f1": r["quantities"]["f1"] >= TARGETS["quantity_f1"],
        "wrong_math_recall": r["wrong_math"]["recall"] >= TARGETS["wrong_math_recall"],
        "false_alarm_rate": r["wrong_math"]["false_alarm_rate"] <= TARGETS["false_alarm_rate"],
    }


def _print(r: dict[str, Any], verbose: bool) -> None:
    def row(name: str, m: dict[str, Any]) -> None:
        print(f"  {name:<22} P {m['precision']:.3f}  R {m['recall']:.3f}  F1 {m['f1']:.3f}"
              f"   (tp {m['tp']}, fp {m['fp']}, fn {m['fn']})")
    print(f"scorer eval over {r['answers']} labelled answers\n")
    print("STAR component presence")
    for name, m in r["star"].items():
        row(name, m)
    print("\nQuantity extraction (kind + value as said, within 1%)")
    row("quantities", r["quantities"])
    n = r["normalisation"]
    print(f"  normalised to base units: {n['correct']}/{n['total']} ({n['accuracy']:.3f})")
    w = r["wrong_math"]
    print("\nNapkin math")
    print(f"  wrong-arithmetic recall  {w['found']}/{w['total']} = {w['recall']:.3f}")
    print(f"  false alarms on correct arithmetic  {w['false_alarms']}/{w['correct_math_answers']} "
          f"= {w['false_alarm_rate']:.3f} per answer")
    print(f"  false alarms on any answer without wrong arithmetic  {w['false_alarms_all_clean']}/"
          f"{w['clean_answers']}")
    print("\nNon-answer detection (gaps[0] is non_answer or off_topic)")
    row("non-answer", r["non_answer"])
    print(f"  highest overall score given to a non-answer: {r['non_answer']['max_overall']}")
    t = r["top_gap"]
    print(f"\nTop gap agrees with the label: {t['agree']}/{t['total']} ({t['accuracy']:.3f})")
    met = targets_met(r)
    print("\nTargets: " + ", ".join(f"{k} {'ok' if v else 'MISSED'}" for k, v in met.items()))
    if verbose and r["errors"]:
        print("\nDisagreements:")
        for item_id, notes in r["errors"].items():
            for note in notes:
                print(f"  {item_id}: {note}")


def calibration(parts: tuple[str, ...] | None = None) -> dict[str, Any]:
    """The graded-set and napkin-chain figures, per part (all by default)."""
    from coach.content.loader import default_content
    from coach.eval import graded
    parts = parts or graded.parts()
    content = default_content()
    rows = graded.score_graded([g for g in graded.load_graded() if g.part in parts], content)
    chains = graded.load_chains()         # tuning and held-out by the hash; fresh3 and fresh5 from their own files
    out: dict[str, Any] = {}
    for part in parts:
        f = graded.figures([r for r in rows if r["item"].part == part])
        f["chains"] = graded.chain_figures([c for c in chains if graded.chain_part(c) == part])
        out[part] = f
    return out


def calibration_met(c: dict[str, Any]) -> dict[str, bool]:
    from coach.eval.graded import TARGETS as T
    met = {}
    for part, f in c.items():
        met[f"{part} spearman"] = f["spearman"] >= T["spearman"]
        met[f"{part} weak<=2.0"] = f["weak_above_2"] <= T["weak_above_2"]
        met[f"{part} grade5>=4.0"] = f["strong_below_4"] <= T["strong_below_4"]
        met[f"{part} quotes"] = f["quote_right"] >= T["quote_right"]
        if f["chains"]["correct"] + f["chains"]["wrong"]:
            met[f"{part} chains"] = not f["chains"]["false_flags"] and not f["chains"]["misses"]
    return met


def _print_calibration(c: dict[str, Any], verbose: bool) -> None:
    print("Calibration against graded answers (tests/data/graded/) and napkin chains (tests/data/napkin/)\n")
    parts = list(c)
    head = f"  {'':<44}" + "".join(f"{p:>14}" for p in parts)
    print(head)

    def row(name: str, fn) -> None:
        print(f"  {name:<44}" + "".join(f"{fn(c[p]):>14}" for p in parts))
    row("answers", lambda f: f["answers"])
    row("Spearman(overall, grade)  [>= 0.9]", lambda f: f"{f['spearman']:.3f}")
    for g in range(1, 6):
        row(f"mean overall, graded {g}", lambda f, g=g: "-" if f["mean_by_grade"][g] is None
            else f"{f['mean_by_grade'][g]:.2f}")
    row("graded <= 2 scoring above 2.0  [0]", lambda f: f["weak_above_2"])
    row("graded 5 scoring below 4.0  [0]", lambda f: f["strong_below_4"])
    row("STAR quotes on a right-label sentence [>=.9]", lambda f: f"{f['quote_right']:.3f} ({f['quotes']})")
    row("sentence labels right", lambda f: f"{f['sentence_label_accuracy']:.3f}")
    row("talking-point precision", lambda f: f"{f['points_precision']:.3f}")
    row("talking-point recall", lambda f: f"{f['points_recall']:.3f}")
    row("napkin chains correct / wrong", lambda f: f"{f['chains']['correct']} / {f['chains']['wrong']}")
    row("flags on correct chains  [0]", lambda f: len(f["chains"]["false_flags"]))
    row("misses on wrong chains  [0]", lambda f: len(f["chains"]["misses"]))
    row("flags without the right figure and step", lambda f: len(f["chains"]["flag_without_right_figure"]))
    met = calibration_met(c)
    print("\nCalibration targets: " + ", ".join(f"{k} {'ok' if v else 'MISSED'}" for k, v in met.items()))
    if verbose:                      # every fresh part was folded into tuning after it was scored once
        from coach.eval.graded import CLEAN
        for p in [p for p in parts if p not in CLEAN]:
            f = c[p]
            for line in f["score_misses"] + f["wrong_quotes"] + f["wrong_points"] + f["chains"]["false_flags"] + \
                    f["chains"]["misses"] + f["chains"]["flag_without_right_figure"]:
                print(f"  [{p}] {line}")
    print()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m coach.eval.scoring", description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA_DIR, help="folder of labelled answer TOML files")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--verbose", "-v", action="store_true", help="list every disagreement")
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    from coach.eval import graded
    parser.add_argument("--part", action="append", choices=graded.PARTS + graded.CLEAN,
                        help="report only this part of the graded set (repeatable; default: every part)")
    args = parser.parse_args(argv)
    cal = calibration(tuple(args.part) if args.part else None)
    result = evaluate(args.data)
    if args.json:
        for part in cal.values():
            part.pop("wrong_quotes", None)
            part.pop("wrong_points", None)
        print(json.dumps({"calibration": cal, "labelled": result}, indent=2))
    else:
        _print_calibration(cal, args.verbose)
        _print(result, args.verbose)
    ok = all(targets_met(result).values()) and all(calibration_met(cal).values())
    return 1 if args.check and not ok else 0


if __name__ == "__main__":
    sys.exit(main())
