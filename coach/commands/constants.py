"""`coach constants`: numbers worth knowing by heart for estimation questions, each with its source."""
from __future__ import annotations

import argparse
import json
import shutil
import textwrap


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("constants", parents=[common], help="numbers worth knowing by heart, with their sources",
                       description="Show the figures estimation questions lean on (seconds in a day, bytes per "
                                   "parameter, GPU memory, link speeds, prices), each with where it comes from. "
                                   "They live in rubrics/constants.toml.")
    p.add_argument("--group", help="only one group (time, traffic, memory, compute, hardware, cost, network, "
                                   "latency, storage)")
    p.add_argument("--json", action="store_true", help="print them as JSON")
    p.set_defaults(func=run)


def render(constants, width: int = 100) -> str:
    """Plain text, grouped, for the terminal and the app's panel."""
    lines: list[str] = []
    group = None
    for c in constants:
        if c.group != group:
            group = c.group
            lines += ([""] if lines else []) + [group.upper()]
        lines.append(f"  {c.name}: {c.value}")
        lines += textwrap.wrap(f"source: {c.source}", width, initial_indent="      ", subsequent_indent="      ")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    from coach.content.constants import load_constants
    from coach.errors import CoachError

    constants = load_constants()
    if args.group:
        groups = sorted({c.group for c in constants})
        constants = [c for c in constants if c.group == args.group]
        if not constants:
            raise CoachError(f"no constants in group '{args.group}'", f"groups are: {', '.join(groups)}")
    if args.json:
        print(json.dumps([c.as_dict() for c in constants], indent=2))
        return 0
    print(render(sorted(constants, key=lambda c: c.group), min(100, shutil.get_terminal_size().columns - 2)))
    return 0
