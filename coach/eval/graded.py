"""Calibration figures on the graded answers (tests/data/graded/) and the napkin chains (tests/data/napkin/).

Every figure is reported per part: "tuning" and "held-out" are split by a fixed hash of the id (see
tests/data/graded/README.md); "fresh" is every answer under tests/data/graded/fresh/, written after the
held-out part had been looked at (now tuned on); "fresh2" to "fresh6" are the answers under those folders, each
written before the scorer ran on them; "fresh3", "fresh5" and "fresh6" also have napkin chains of their own
(tests/data/napkin/fresh3.toml, fresh5.toml, fresh6.toml). Every fresh part was scored once as a clean check,
then folded into tuning (fresh6, the seventh pass's clean check, last).
The scorer is called the way the app calls it: with the round's spec and rubric from rubrics/, the question
from the bank, and the level.
"""
from __future__ import annotations

import hashlib
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from coach.domain import Transcript
from coach.paths import PROJECT_ROOT
from coach.scoring import score_answer
from coach.scoring.star import COMPONENTS
from coach.scoring.text import clean, sentences

GRADED_DIR = PROJECT_ROOT / "tests" / "data" / "graded"
FRESH = "fresh"                      # the first fresh part: read after the second pass, now tuned on
FRESH2 = "fresh2"                    # the second fresh part: scored once after the third pass, then folded into tuning
FRESH3 = "fresh3"                    # the third fresh part: scored once after the fourth pass, then folded into tuning
FRESH4 = "fresh4"                    # technical-screen answers, half with wrong claims: the same
FRESH5 = "fresh5"                    # the fifth fresh part: scored once as the sixth pass's clean check, then folded in
FRESH6 = "fresh6"                    # the sixth fresh part: the seventh pass's clean check, scored once, then folded in
FRESH7 = "fresh7"                    # the seventh fresh part: the eighth pass's clean check, scored once, then folded in
FRESH8 = "fresh8"                    # the eighth fresh part: the ninth pass's clean check, scored once, then folded in
FRESH9 = "fresh9"                    # the ninth fresh part: the tenth pass's clean check, scored once, then folded in
FRESH10 = "fresh10"                  # the tenth fresh part: the eleventh pass's clean check, scored once, then folded in
FRESH11 = "fresh11"                  # the eleventh fresh part: the twelfth pass's clean check, scored once, then folded in
FRESH12 = "fresh12"                  # the twelfth fresh part: a clean check in two passes, then folded in
FRESH13 = "fresh13"                  # the thirteenth fresh part: the twenty-eighth pass's clean check, then folded in
FRESH14 = "fresh14"                  # the fourteenth fresh part: the twenty-ninth pass's clean check, then folded in
FRESH15 = "fresh15"                  # the fifteenth fresh part: the thirtieth pass's clean check, then folded in
FRESH16 = "fresh16"                  # the sixteenth fresh part: the thirty-first pass's clean check, then folded in
FRESH17 = "fresh17"                  # the seventeenth fresh part: the thirty-second pass's clean check, then folded in
FRESH18 = "fresh18"                  # the eighteenth fresh part: the thirty-third pass's clean check, then folded in
FRESH19 = "fresh19"                  # the nineteenth fresh part: the thirty-fourth pass's clean check, then folded in
FRESH20 = "fresh20"                  # the twentieth fresh part: the thirty-fifth pass's clean check, then folded in
FRESH21 = "fresh21"                  # the twenty-first fresh part: the thirty-sixth pass's clean check, then folded in
FRESH22 = "fresh22"                  # the twenty-second fresh part: the thirty-seventh pass's clean check, then folded in
FRESH23 = "fresh23"                  # the twenty-third fresh part: written in the thirty-seventh pass, scored clean twice
FRESH24 = "fresh24"                  # the twenty-fourth fresh part: the next clean check, scored once when written
FOLDERS = (FRESH, FRESH2, FRESH3, FRESH4, FRESH5, FRESH6, FRESH7, FRESH8, FRESH9, FRESH10, FRESH11, FRESH12, FRESH13,
           FRESH14, FRESH15, FRESH16, FRESH17, FRESH18, FRESH19,
           FRESH20, FRESH21, FRESH22, FRESH23, FRESH24)   # sub-folders, a part each
PARTS = ("tuning", "held-out", FRESH, FRESH2, FRESH3, FRESH4, FRESH5, FRESH6, FRESH7, FRESH8, FRESH9, FRESH10, FRESH11,
         FRESH12, FRESH13, FRESH14, FRESH15, FRESH16, FRESH17, FRESH18, FRESH19, FRESH20, FRESH21, FRESH22)
CLEAN: tuple[str, ...] = (FRESH23, FRESH24)   # the clean checks: scored once, never tuned on


def parts() -> tuple[str, ...]:
    """The parts to report: the tuned-on ones, and each clean part whose folder holds answers."""
    return PARTS + tuple(p for p in CLEAN if any((GRADED_DIR / p).glob("*.toml")))
CHAINS = PROJECT_ROOT / "tests" / "data" / "napkin" / "chains.toml"
CHAIN_FOLDERS = {part: PROJECT_ROOT / "tests" / "data" / "napkin" / f"{part}.toml"   # chains of a part of their own
                 for part in (FRESH3, FRESH5, FRESH6, FRESH7, FRESH8, FRESH9, FRESH10, FRESH11, FRESH12, FRESH13,
                              FRESH14, FRESH15, FRESH16, FRESH17, FRESH18, FRESH19, FRESH20, FRESH21,
                              FRESH22, FRESH23, FRESH24)}
LETTERS = {"S": "situation", "T": "task", "A": "action", "R": "result", "O": "other"}
STORY_ROUNDS = ("behavioral", "hiring-manager", "cross-functional", "recruiter", "deep-dive")
TARGETS = {"spearman": 0.9, "weak_above_2": 0, "strong_below_4": 0, "quote_right": 0.9,
           "chain_false_flags": 0, "chain_misses": 0}


def held_out(item_id: str) -> bool:
    """Fixed before tuning: about 35% of the ids."""
    return int(hashlib.sha256(item_id.encode()).hexdigest()[:8], 16) % 100 < 35


@dataclass
class Graded:
    id: str
    round: str
    level: str
    grade: int
    reason: str
    text: str
    spans: list[tuple[int, int, str]] = field(default_factory=list)   # gold sentence (start, end, label)
    question: str | None = None
    covered: tuple[int, ...] | None = None
    flags: dict[str, bool] = field(default_factory=dict)
    folder: str = ""                  # "fresh" ... "fresh4" for the answers of those sub-folders

    @property
    def held_out(self) -> bool:
        """In the older held-out part (by the hash); fresh answers are neither tuning nor this."""
        return not self.folder and held_out(self.id)

    @property
    def part(self) -> str:
        return self.folder or ("held-out" if held_out(self.id) else "tuning")


def load_graded(folder: Path = GRADED_DIR) -> list[Graded]:
    out: list[Graded] = []
    paths = sorted(Path(folder).glob("*.toml"))
    for sub in FOLDERS:
        paths += sorted((Path(folder) / sub).glob("*.toml"))
    for path in paths:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
        for a in data.get("answer", []):
            text, spans = a.get("text", "").strip(), []
            if "lines" in a:
                parts = []
                pos = 0
                for line in a["lines"].strip().splitlines():
                    letter, _, sentence = line.partition("|")
                    sentence = sentence.strip()
                    if not sentence:
                        continue
                    if parts:
                        pos += 1
                    spans.append((pos, pos + len(sentence), LETTERS[letter.strip()]))
                    parts.append(sentence)
                    pos += len(sentence)
                text = " ".join(parts)
            out.append(Graded(a["id"], a["round"], a.get("level", "senior"), int(a["grade"]), a.get("reason", ""),
                              text, spans, a.get("question"),
                              tuple(a["covered"]) if "covered" in a else None,
                              {k: bool(a.get(k)) for k in ("speech", "followup", "plan", "wrong_math")},
                              folder=path.parent.name if path.parent.name in FOLDERS else ""))
    return out


def load_chains(path: Path = CHAINS, folders: dict[str, Path] = CHAIN_FOLDERS) -> list[dict[str, Any]]:
    """The chains of `path` (split into tuning and held-out by the hash of the id), then those of each
    part with a file of its own, tagged with that part under "part"."""
    with open(path, "rb") as fh:
        out = [dict(c) for c in tomllib.load(fh).get("chain", [])]
    for part, extra in folders.items():
        if Path(extra).exists():
            with open(extra, "rb") as fh:
                out += [dict(c, part=part) for c in tomllib.load(fh).get("chain", [])]
    return out


def chain_part(chain: dict[str, Any]) -> str:
    return chain.get("part") or ("held-out" if held_out(chain["id"]) else "tuning")


def spearman(xs: list[float], ys: list[float]) -> float:
    def ranks(v: list[float]) -> list[float]:
        order = sorted(range(len(v)), key=lambda i: v[i])
        r = [0.0] * len(v)
        i = 0
        while i < len(order):
            j = i
            while j + 1 < len(order) and v[order[j + 1]] == v[order[i]]:
                j += 1
            for k in range(i, j + 1):
                r[order[k]] = (i + j) / 2 + 1
            i = j + 1
        return r
    if len(xs) < 2:
        return 0.0
    rx, ry = ranks(xs), ranks(ys)
    mx, my = sum(rx) / len(rx), sum(ry) / len(ry)
    cov = sum((a - mx) * (b - my) for a, b in zip(rx, ry))
    vx = sum((a - mx) ** 2 for a in rx) ** 0.5
    vy = sum((b - my) ** 2 for b in ry) ** 0.5
    return cov / (vx * vy) if vx and vy else 0.0


def _gold_label(g: Graded, start: int, end: int) -> list[str]:
    """Gold labels of the gold sentences that a span of the answer overlaps by half of either."""
    out = []
    for s, e, label in g.spans:
        overlap = min(end, e) - max(start, s)
        if overlap > 0 and (overlap >= 0.5 * (e - s) or overlap >= 0.5 * (end - start)):
            out.append(label)
    return out


def score_graded(items: list[Graded], content: Any, scorer: Any = score_answer) -> list[dict[str, Any]]:
    rows = []
    for g in items:
        question = content.questions.get(g.question) if g.question else None
        card = scorer(Transcript(g.text), question=question, round_spec=content.rounds.get(g.round),
                      rubric=content.rubrics.get(g.round), level=g.level, followup=g.flags.get("followup", False))
        rows.append({"item": g, "card": card, "question": question})
    return rows


def figures(rows: list[dict[str, Any]]) -> dict[str, Any]:
    grades = [r["item"].grade for r in rows]
    scores = [r["card"].overall for r in rows]
    per_grade = {k: [s for s, gr in zip(scores, grades) if gr == k] for k in range(1, 6)}
    quotes = right = labelled = label_ok = 0
    tp_points = fp_points = fn_points = 0
    wrong_quotes: list[str] = []
    wrong_points: list[str] = []
    for r in rows:
        g, card = r["item"], r["card"]
        if g.spans:
            text = clean(g.text)
            sents = sentences(text)
            for c in COMPONENTS:
                comp = getattr(card.star, c)
                if not comp.evidence:
                    continue
                quotes += 1
                at = text.find(comp.evidence[0])
                gold = _gold_label(g, at, at + len(comp.evidence[0])) if at >= 0 else []
                if c in gold:
                    right += 1
                else:
                    wrong_quotes.append(f"{g.id}: {c} quoted a sentence labelled {'/'.join(gold) or '?'}")
            for s, pred in zip(sents, card.star.labels):
                gold = _gold_label(g, s.start, s.end)
                if gold:
                    labelled += 1
                    label_ok += pred in gold
        if g.covered is not None and r.get("question") is not None and card.talking_points.total:
            order = list(r["question"].talking_points)
            pred = {order.index(p.point) for p in card.talking_points.covered if p.point in order}
            gold = set(g.covered)
            tp_points += len(pred & gold)
            fp_points += len(pred - gold)
            fn_points += len(gold - pred)
            if pred - gold:
                wrong_points.extend(f"{g.id}: credited {order[i]!r}" for i in sorted(pred - gold))
    return {
        "answers": len(rows),
        "spearman": round(spearman(scores, [float(x) for x in grades]), 3),
        "mean_by_grade": {k: round(sum(v) / len(v), 2) if v else None for k, v in per_grade.items()},
        "weak_above_2": sum(1 for s, gr in zip(scores, grades) if gr <= 2 and s > 2.0),
        "strong_below_4": sum(1 for s, gr in zip(scores, grades) if gr == 5 and s < 4.0),
        "quote_right": round(right / quotes, 3) if quotes else 1.0, "quotes": quotes,
        "sentence_label_accuracy": round(label_ok / labelled, 3) if labelled else 1.0,
        "points_precision": round(tp_points / (tp_points + fp_points), 3) if tp_points + fp_points else 1.0,
        "points_recall": round(tp_points / (tp_points + fn_points), 3) if tp_points + fn_points else 1.0,
        "wrong_quotes": wrong_quotes, "wrong_points": wrong_points,
        "score_misses": [f"{r['item'].id}: graded {r['item'].grade}, scored {r['card'].overall:.2f}"
                         for r in rows if (r["item"].grade <= 2 and r["card"].overall > 2.0)
                         or (r["item"].grade == 5 and r["card"].overall < 4.0)],
    }


# A chain is labelled with the family of its step; the scorer names the finer step it checked, which the card shows
# ("bytes ÷ the link's bytes per second" is a bandwidth step, "bytes per token × tokens" a KV-cache one), and a
# flag under a finer name of the labelled family, with the right figure, is the flag the label asks for.
STEP_FAMILIES = {"bandwidth": {"transfer_time", "bits_bytes"}, "storage": {"flow_bytes", "compressed"},
                 "kv_cache": {"kv_tokens"}, "fan_out": {"items_in_window"},
                 "capacity": {"per_instance"}, "cost": {"cost_period", "unit_price"},
                 "adam_memory": {"sharded_memory", "replica_memory"},
                 "model_memory": {"sharded_memory", "replica_memory"},
                 "batch_rate": {"items_in_window", "qps_in_window"}, "peak": {"qps_in_window"}}     # a nightly batch's rate is a window's rate


def _same_step(rule: str, label: str | None) -> bool:
    return rule == label or (label is not None and rule in STEP_FAMILIES.get(label, set()))


def chain_figures(chains: list[dict[str, Any]], scorer: Any = score_answer) -> dict[str, Any]:
    false_flags, misses, bad_flag = [], [], []
    correct = wrong = 0
    for c in chains:
        card = scorer(c["text"], round_spec=None)
        flagged = [k for k in card.sizing.checks if not k.ok]
        if c.get("wrong"):
            wrong += 1
            hit = [k for k in flagged if _same_step(k.rule, c.get("step"))]
            if not flagged:
                misses.append(c["id"])
            elif not hit or not any(_close(k.expected, float(c["expected"]), 0.15) for k in hit):
                bad_flag.append(f"{c['id']}: " + "; ".join(f"{k.rule} expected {k.expected:g}" for k in flagged))
        else:
            correct += 1
            if flagged:
                false_flags.append(f"{c['id']}: {flagged[0].message}")
    return {"correct": correct, "wrong": wrong, "false_flags": false_flags, "misses": misses,
            "flag_without_right_figure": bad_flag}


def _close(a: float, b: float, rel: float) -> bool:
    return abs(a - b) <= rel * max(abs(a), abs(b))
