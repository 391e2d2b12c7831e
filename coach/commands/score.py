"""`coach score FILE [--question ID] [--round ROUND] [--level L] [--json]`: score one answer.

A .txt/.md file is read as the transcript; any other file is treated as audio
and transcribed first. `--json` prints the scorecard contract (coach/scoring/README.md).
"""
from __future__ import annotations

import argparse
import json
from typing import Any

from coach.domain import LEVEL_IDS, ROUND_IDS, Question, RoundSpec, Rubric
from coach.errors import CoachError


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("score", parents=[common], help="score one answer (a transcript or an audio file)",
                       description="Score an answer: STAR structure, numbers and napkin math, delivery, "
                                   "talking points, rubric dimensions and the ranked gaps an interviewer "
                                   "would probe. Text files (.txt, .md) are read as they are; any other file "
                                   "is transcribed first.")
    p.add_argument("file", help="the answer: a .txt/.md transcript or an audio file")
    p.add_argument("--question", metavar="ID", help="the question answered (see `coach questions list`); "
                                                    "sets the round, its rubric and the talking points")
    p.add_argument("--round", choices=ROUND_IDS, help="the round, when no question is given")
    p.add_argument("--level", choices=LEVEL_IDS, help="score against this level's bar (staff weighs scope, "
                   "influence and direction) and show the rubric's bar for it")
    p.add_argument("--json", action="store_true", help="print the scorecard as JSON")
    p.set_defaults(func=run)


def _context(args: argparse.Namespace) -> tuple[Question | None, RoundSpec | None, Rubric | None]:
    if args.question:
        from coach.content import default_content

        content = default_content()
        question = content.question(args.question)
        round_id = args.round or question.round
        return question, content.round(round_id), _rubric(content, round_id)
    if args.round:
        try:
            from coach.content import default_content

            content = default_content()
            return None, content.round(args.round), _rubric(content, args.round)
        except (ImportError, CoachError):       # no content: score with the default rubric for the round
            return None, RoundSpec(args.round, args.round, "", "", (), 0, 150), None
    return None, None, None


def _rubric(content: Any, round_id: str) -> Rubric | None:
    try:
        return content.rubric(round_id)
    except CoachError:
        return None


def run(args: argparse.Namespace) -> int:
    from coach.scoring import score_answer

    from coach.services import read_answer

    transcript = read_answer(args.file)
    question, round_spec, rubric = _context(args)
    card = score_answer(transcript, question=question, round_spec=round_spec, rubric=rubric, level=args.level)
    data = card.to_dict()
    if args.json:
        print(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        print(render(data, rubric, args.level))
    return 0


def render(card: dict[str, Any], rubric: Rubric | None = None, level: str | None = None) -> str:
    """The scorecard as a compact, readable block of text."""
    star = card["star"]
    letters = " ".join(c[0].upper() if star[c]["present"] else "-" for c in ("situation", "task", "action", "result"))
    cal = card.get("calibration") or {}
    story = cal.get("kind", "") in ("story", "")      # STAR means nothing on a design, a plan or a technical answer
    out = [f"Score {card['overall']:.1f}/5" + (f"  ({card['round']})" if card.get("round") else "")
           + (f"   STAR {letters}  {star['score']:.1f}/5" if story else "")]
    if cal.get("steps"):
        out.append(f"How the score was made ({cal.get('kind')}, level {float(cal.get('level') or 0):.1f} of 5)")
        out.extend(f"  {step}" for step in cal["steps"])
    if cal.get("staff_missing"):
        out.append("Staff signal missing: " + ", ".join(cal["staff_missing"]))
    for w in card.get("wrong_claims") or ():
        out.append(f"Wrong: {w['claim']} — {w['right']}")
        out.append(f"  said: \"{w['evidence']}\"")
    labels, sents = star.get("labels") or [], star.get("sentences") or []
    if sents and len(sents) == len(labels) and (story or cal.get("kind") == "plan"):   # a plan is told in steps
        out.append("Sentences")
        out.extend(f"  [{(lab[0].upper() if lab != 'other' else '-')}] {s}" for lab, s in zip(labels, sents))
    bars = {d.id: getattr(d, level, "") for d in rubric.dimensions} if rubric and level else {}
    out.append("Dimensions")
    for d in card["dimensions"]:
        ev = "; ".join(d["evidence"][:2])
        out.append(f"  {d['id']:<21} {d['score']:.1f}  w{d['weight']:.2f}  {ev}")
        if bars.get(d["id"]):
            out.append(f"  {'':<21} {level} bar: {bars[d['id']]}")
    if card["gaps"]:
        out.append("Gaps (probed in this order)")
        for i, g in enumerate(card["gaps"], 1):
            out.append(f"  {i}. {g['id']:<14} {g['severity']:.2f}  {g['evidence']}")
    sizing = card["sizing"]
    qs = ", ".join(f"{q['text']} ({q['kind']})" for q in sizing["quantities"][:8])
    line = f"Sizing {sizing['score']:.1f}/5  " + (qs or "no numbers")
    if sizing["missing"]:
        line += f"  missing: {', '.join(sizing['missing'])}"
    out.append(line)
    for c in sizing["checks"]:
        out.append(f"  {'ok' if c['ok'] else 'WRONG'}  {c['message']}")
    d = card["delivery"]
    fillers = ", ".join(f"{k} x{v}" for k, v in sorted(d["fillers"].items(), key=lambda kv: -kv[1])[:4]) or "none"
    pace = f", {d['wpm']:.0f} wpm" if d.get("wpm") else ""
    out.append(f"Delivery {d['words']} words{pace}, fillers: {fillers}, long pauses: {d['long_pauses']}"
               + (", too long" if d["too_long"] else ""))
    tp = card["talking_points"]
    if tp.get("total"):
        out.append(f"Talking points {len(tp['covered'])}/{tp['total']}"
                   + "".join(f"\n  + {p['point']}  (\"{p['matched']}\")" for p in tp["covered"])
                   + "".join(f"\n  - {p['point']}" for p in tp["missed"]))
    if card["feedback"]:
        out.append("Feedback")
        out.extend(f"  -> {line}" for line in card["feedback"])
    return "\n".join(out)
