"""The `coach` command line: thin argument parsing that hands off to command modules.

Each module in `coach.commands` exposes `register(subparsers, common)`, adds its
sub-command with `parents=[common]` (so every command takes `--db`), and sets
`func` to a function `run(args) -> int`.
"""
from __future__ import annotations

import argparse
import importlib
import os
import sys

from coach import __version__
from coach.errors import CoachError

COMMAND_MODULES = (
    "coach.commands.interview",
    "coach.commands.transcribe",
    "coach.commands.sessions",
    "coach.commands.doctor",
    "coach.commands.questions",
    "coach.commands.rubrics",
    "coach.commands.score",
    "coach.commands.followup",
    "coach.commands.bench",
    "coach.commands.replay",
    "coach.commands.report",
    "coach.commands.stories",
    "coach.commands.export",
    "coach.commands.purge",
    "coach.commands.constants",
    "coach.commands.plan",
    "coach.commands.week",
)


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db", metavar="PATH", default=argparse.SUPPRESS,
        help="SQLite database to use (default: coach.db in the data dir; "
             "the data dir is $COACH_HOME or the platform's user data dir)",
    )
    parser = argparse.ArgumentParser(
        prog="coach",
        description="Offline mock-interview coach for senior and staff ML engineers. "
                    "Run with no command to open the app.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"coach {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:  # command not written yet
                continue
            raise
        module.register(sub, common)
    return parser


def main(argv: list[str] | None = None) -> int:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
    parser = build_parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "db"):   # --db may stand before or after the command
        args.db = None
    try:
        if not getattr(args, "func", None):
            from coach.commands.app import run_app
            return run_app(args)
        return int(args.func(args) or 0)
    except CoachError as exc:
        print(f"coach: {exc.one_line()}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("coach: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # the reader went away (`coach sessions | head -1`): stop quietly, and keep Python from failing again
        # when it flushes stdout at exit
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
