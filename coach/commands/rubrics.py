"""`coach rubrics show ROUND`: how a round is graded."""
from __future__ import annotations

import argparse
import json
import shutil
import textwrap
from typing import Any

from coach.domain import LEVEL_IDS, ROUND_IDS, Rubric, RoundSpec


def rubric_dict(spec: RoundSpec, rubric: Rubric, level: str | None) -> dict[str, Any]:
    """The JSON shape of a round's rubric; `level` limits the expectations shown."""
    levels = [level] if level else list(LEVEL_IDS)
    return {
        "round": rubric.round,
        "name": spec.name,
        "level": level,
        "time_box_minutes": spec.time_box_minutes,
        "answer_seconds": spec.answer_seconds,
        "expected_sizing": list(rubric.expected_sizing),
        "dimensions": [
            {
                "id": d.id,
                "name": d.name,
                "weight": d.weight,
                "levels": [{"score": lv.score, "text": lv.text} for lv in d.levels],
                "expectations": {lvl: getattr(d, lvl) for lvl in levels},
            }
            for d in rubric.dimensions
        ],
    }


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("rubrics", parents=[common], help="show how a round is graded",
                       description="Show a round's rubric: dimensions, weights, the five "
                                   "level descriptors, expected sizing and level expectations.")
    rsub = p.add_subparsers(dest="rubrics_command", metavar="ACTION", required=True)
    sp = rsub.add_parser("show", help="show one round's rubric")
    sp.add_argument("round", metavar="ROUND", choices=ROUND_IDS,
                    help=f"one of: {', '.join(ROUND_IDS)}")
    sp.add_argument("--level", choices=LEVEL_IDS, help="show only this level's expectations")
    sp.add_argument("--json", action="store_true", help="print a JSON object")
    sp.set_defaults(func=run_show)


def run_show(args: argparse.Namespace) -> int:
    from coach.content import default_content

    content = default_content()
    spec, rubric = content.round(args.round), content.rubric(args.round)
    data = rubric_dict(spec, rubric, args.level)
    if args.json:
        print(json.dumps(data, indent=2))
        return 0
    width = min(100, shutil.get_terminal_size((100, 24)).columns)
    wrap = lambda text, ind: textwrap.wrap(text, width, initial_indent=ind,  # noqa: E731
                                           subsequent_indent=ind + "  ")
    out = [f"{spec.name} ({spec.id}): {spec.time_box_minutes} min, "
           f"answers of about {spec.answer_seconds} s"]
    out += wrap("Expected sizing: " + (", ".join(rubric.expected_sizing) or "none"), "")
    for d in data["dimensions"]:
        out += ["", f"{d['name']}  [{d['id']}]  weight {d['weight']:.2f}"]
        for lv in d["levels"]:
            out += wrap(f"{lv['score']}: {lv['text']}", "  ")
        for lvl, text in d["expectations"].items():
            out += wrap(f"{lvl.capitalize()} bar: {text}", "  ")
    print("\n".join(out))
    return 0
