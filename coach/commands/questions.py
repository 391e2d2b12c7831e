"""`coach questions list|show`: browse the question banks."""
from __future__ import annotations

import argparse
import json
import shutil
import textwrap
from typing import Any

from coach.domain import LEVEL_IDS, ROUND_IDS, Question


def question_dict(q: Question) -> dict[str, Any]:
    """The JSON shape of one question (shared by `list --json` and `show --json`)."""
    extra: dict[str, Any] = {}
    if q.estimate is not None:          # estimation drills carry their known answer
        e = q.estimate
        extra["estimate"] = {"value": e.value, "low": e.low, "high": e.high, "unit": e.unit, "kind": e.kind,
                             "answer": e.answer, "steps": list(e.steps)}
    return {
        "id": q.id,
        "round": q.round,
        "levels": list(q.levels),
        "prompt": q.prompt,
        "assesses": q.assesses,
        "talking_points": list(q.talking_points),
        "keywords": [list(k) for k in q.keywords],
        "pitfalls": list(q.pitfalls),
        "followups": [{"gap": f.gap, "text": f.text} for f in q.followups],
        "source": q.source,
        **extra,
    }


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("questions", parents=[common], help="list or show interview questions",
                       description="Browse the shipped question banks and your own "
                                   "(TOML files in the data dir's questions/ folder).")
    p.set_defaults(func=run_list, round=None, level=None, json=False)
    qsub = p.add_subparsers(dest="questions_command", metavar="ACTION")
    lp = qsub.add_parser("list", help="list questions (the default)")
    lp.add_argument("--round", choices=ROUND_IDS, help="only this round")
    lp.add_argument("--level", choices=LEVEL_IDS, help="only questions for this level")
    lp.add_argument("--json", action="store_true", help="print a JSON array")
    lp.set_defaults(func=run_list)
    sp = qsub.add_parser("show", help="show one question in full")
    sp.add_argument("id", metavar="ID", help="question id, e.g. sd-fraud-detection")
    sp.add_argument("--json", action="store_true", help="print a JSON object")
    sp.set_defaults(func=run_show)


def run_list(args: argparse.Namespace) -> int:
    from coach.content import default_content

    questions = default_content().questions_for(args.round, args.level)
    if args.json:
        print(json.dumps([question_dict(q) for q in questions], indent=2))
        return 0
    if not questions:
        print("No questions match.")
        return 0
    width = shutil.get_terminal_size((100, 24)).columns
    id_w = max(len(q.id) for q in questions)
    round_w = max(len(q.round) for q in questions)
    level_w = len("senior,staff")
    head = f"{'ID':<{id_w}}  {'ROUND':<{round_w}}  {'LEVELS':<{level_w}}  PROMPT"
    print(head)
    room = max(20, width - (id_w + round_w + level_w + 6))
    for q in questions:
        prompt = textwrap.shorten(q.prompt, room, placeholder="...")
        print(f"{q.id:<{id_w}}  {q.round:<{round_w}}  {','.join(q.levels):<{level_w}}  {prompt}")
    print(f"\n{len(questions)} question(s). Full text: coach questions show ID")
    return 0


def _block(title: str, lines: list[str], width: int) -> list[str]:
    out = [title]
    for line in lines:
        out += textwrap.wrap(line, width, initial_indent="  ", subsequent_indent="    ") or ["  "]
    return out + [""]


def run_show(args: argparse.Namespace) -> int:
    from coach.content import default_content

    q = default_content().question(args.id)
    if args.json:
        print(json.dumps(question_dict(q), indent=2))
        return 0
    width = min(100, shutil.get_terminal_size((100, 24)).columns)
    points = [
        f"- {p}" + (f"  [{', '.join(q.keywords[i])}]" if i < len(q.keywords) else "")
        for i, p in enumerate(q.talking_points)
    ]
    out = [f"{q.id}  ({q.round}; {', '.join(q.levels)})", f"from {q.source}", ""]
    out += _block("Prompt", [q.prompt], width)
    out += _block("Assesses", [q.assesses], width)
    out += _block("Talking points  [keywords]", points, width)
    out += _block("Pitfalls", [f"- {p}" for p in q.pitfalls], width)
    out += _block("Follow-ups", [f"[{f.gap}] {f.text}" for f in q.followups], width)
    if q.estimate is not None:
        from coach.scoring.estimates import say

        e = q.estimate
        out += _block("Known answer", [f"{e.answer}; {say(e.low, e.unit)} to {say(e.high, e.unit)} passes"], width)
    print("\n".join(out).rstrip())
    return 0
