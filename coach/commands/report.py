"""`coach report`: are you getting better, and at what? Trends, recurring gaps, stories, weekly log."""
from __future__ import annotations

import argparse
import os
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from coach.domain import ROUND_IDS
from coach.errors import CoachError

if TYPE_CHECKING:
    from coach.ports import Store
    from coach.progress.report_model import Report


def parse_date(value: str | None, flag: str) -> str | None:
    """A YYYY-MM-DD date as given, or a CoachError naming the flag."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise CoachError(f"{flag} {value!r} is not a date", "write it as YYYY-MM-DD, e.g. 2024-03-01") from None


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("report", parents=[common], help="progress over sessions: trends, gaps, stories",
                       description="Summarise your practice: each rubric dimension over sessions, the gaps "
                                   "that keep recurring, best and weakest answers, fillers and speaking rate, "
                                   "napkin-math accuracy, story coverage of senior signals and a weekly log.")
    p.add_argument("--since", metavar="DATE", help="only sessions started on or after this date (YYYY-MM-DD)")
    p.add_argument("--round", choices=ROUND_IDS, metavar="ROUND", help=f"only one round: {', '.join(ROUND_IDS)}")
    p.add_argument("--format", choices=("md", "html"), default=None,
                   help="md, or html: one self-contained page with inline charts "
                        "(default: html when --out ends in .html, else md)")
    p.add_argument("--out", metavar="FILE", help="write to FILE instead of printing")
    p.set_defaults(func=run)


def build(store: Store, since: str | None = None, round_id: str | None = None) -> Report:
    """Load the history from the store and build the report model."""
    from coach.content import default_content
    from coach.progress.report_model import build_report
    from coach.progress.signals import load_signals

    content = default_content()
    rounds = {qid: q.round for qid, q in content.questions.items()}
    hist = store.history(since, round_id, rounds)
    return build_report(hist, content, load_signals(), store.story_names(), since=since, round_id=round_id)


def write_private(path: Path, text: str) -> None:
    """Write a file only its owner can read: reports quote your answers."""
    path = path.expanduser()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
    except OSError as exc:
        raise CoachError(f"cannot write {path}: {exc.strerror}", "pick another --out path") from None


def run(args: argparse.Namespace) -> int:
    from coach.reports import RENDERERS
    from coach.services import open_store

    since = parse_date(args.since, "--since")
    fmt = args.format or ("html" if args.out and args.out.lower().endswith((".html", ".htm")) else "md")
    store = open_store(args.db)
    try:
        report = build(store, since, args.round)
    finally:
        store.close()
    text = RENDERERS[fmt](report)
    if args.out:
        write_private(Path(args.out), text)
        print(f"wrote {fmt} report to {args.out}: {report.counts}")
    else:
        print(text, end="")
    return 0
