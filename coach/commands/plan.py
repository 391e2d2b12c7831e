"""`coach plan --jd FILE`: a loop built from a job description, saved by name for `coach interview --plan NAME`."""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from coach.errors import CoachError

MAX_BYTES = 200_000


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("plan", parents=[common], help="build an interview loop from a job description",
                       description="Read a job description (a text file), find the role's level and topics with "
                                   "the rules in rubrics/jobs.toml, and build a loop of rounds and questions "
                                   "weighted toward those topics at that level. The plan and a copy of the "
                                   "description are saved in the data dir (owner-only); run it with "
                                   "`coach interview --plan NAME`.")
    p.add_argument("--jd", metavar="FILE", help="the job description, as a text file")
    p.add_argument("--name", help="the plan's name (default: made from the description's first line)")
    p.add_argument("--json", action="store_true",
                   help='print {"name", "level", "topics", "rounds": [{"round", "questions"}]} as JSON')
    p.add_argument("--list", action="store_true", help="list the plans saved so far")
    p.set_defaults(func=run)


def read_job(path: str | Path) -> str:
    """The text of a job description file, or one clear error."""
    path = Path(path)
    if not path.is_file():
        raise CoachError(f"no such file: {path}", "save the job description as a text file and pass its path to --jd")
    data = path.read_bytes()[: MAX_BYTES + 1]
    if len(data) > MAX_BYTES:
        raise CoachError(f"{path} is larger than {MAX_BYTES // 1000} KB", "paste only the job description's text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    if "\x00" in text or len(text.split()) < 20:
        raise CoachError(f"{path} does not look like a job description (too short, or not text)",
                         "save the posting's text (title, team, responsibilities) as a .txt file")
    return text


def make_plan(text: str, name: str | None = None):
    """Build the plan for a job text and save it with the text; returns the plan and where it went."""
    from coach.adapters.plan_files import save_plan
    from coach.content import default_content
    from coach.content.jobs import build_plan, load_rules, plan_name

    content = default_content()
    name = plan_name(text, name)
    if name in content.plans:
        raise CoachError(f"'{name}' is a built-in plan", "pick another --name")
    plan = build_plan(text, name, content, load_rules())
    return plan, save_plan(name, plan.to_record(), text)


def describe(plan, content) -> list[str]:
    """The plan in plain lines, with the reason for each choice."""
    lines = [f"plan {plan.name}: {plan.level} level ({plan.level_reason})"]
    if plan.topics:
        lines.append("topics: " + "; ".join(f"{t.name} ({', '.join(t.hits[:4])})" for t in plan.topics))
    else:
        lines.append("topics: none found; the questions are the round's core ones at this level")
    if plan.team:
        lines.append(f"team: {plan.team}")
    for step, ids in plan.rounds:
        lines.append(f"{content.round(step.round).name} ({step.minutes} min)")
        lines += [f"  {qid:<26} {plan.why.get(qid, '')}" for qid in ids]
    return lines


def run(args: argparse.Namespace) -> int:
    from coach.content import default_content

    if args.list:
        from coach.adapters.plan_files import load_plan, saved_names

        names = saved_names()
        if not names:
            print("no saved plans yet: make one with `coach plan --jd FILE`")
        for n in names:
            rec = load_plan(n)
            print(f"{n:<40} {rec.get('level', '-'):<7} {', '.join(rec.get('topics') or []) or '-'}")
        return 0
    if not args.jd:
        raise CoachError("coach plan needs a job description", "pass --jd FILE (a text file), or --list")
    plan, path = make_plan(read_job(args.jd), args.name)
    if args.json:
        print(json.dumps(plan.to_json(), indent=2))
        return 0
    print("\n".join(describe(plan, default_content())))
    print(f"saved to {path}; run it with: coach interview --plan {plan.name}")
    return 0
