"""`coach sessions`: list past sessions with their answers, scores and timings."""
from __future__ import annotations

import argparse
import json


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("sessions", parents=[common], help="list past sessions",
                       description="List past sessions, newest first. With --id, show one session turn by turn. "
                                   "A session left in progress (the program was killed) or interrupted is marked "
                                   "resumable: `coach interview --resume ID` goes on with it.")
    p.add_argument("--json", action="store_true", help="print JSON (with turns when --id is given)")
    p.add_argument("--limit", type=int, default=20, help="how many sessions to list (default 20)")
    p.add_argument("--id", metavar="SESSION", help="show this session's turns")
    p.set_defaults(func=run)


def _fmt_ms(value: int | None) -> str:
    return "-" if value is None else f"{value} ms"


def run(args: argparse.Namespace) -> int:
    from coach.domain import status_words
    from coach.interview.resume import RESUMABLE
    from coach.services import open_store

    store = open_store(args.db)
    try:
        if args.id:
            session = store.session(args.id)
            turns = store.turns(args.id)
            if args.json:
                print(json.dumps({"session": session.as_json(), "turns": [t.as_json() for t in turns]}, indent=2))
                return 0
            resumable = ", resumable" if session["status"] in RESUMABLE else ""
            print(f"session {session['id']}  {session['started_at']}  {session['round'] or session['plan']}  "
                  f"{session['level']}  {status_words(session['status'])}{resumable}")
            for t in turns:
                timing = ", ".join(f"{k[:-3]} {_fmt_ms(t[k])}" for k in ("transcribe_ms", "think_ms", "speak_ms") if t[k] is not None)
                score = f"  score {t['overall']:.1f}/5" if t["overall"] is not None else ""
                print(f"{t['idx']:>3} {t['speaker']:<11} {t['kind']:<8} {t['text']}")
                if timing or score:
                    print(f"    ({timing}){score}")
            return 0
        rows = [{**row.as_json(), "resumable": row.status in RESUMABLE} for row in store.sessions(args.limit)]
        if args.json:
            print(json.dumps(rows, indent=2))
            return 0
        if not rows:
            print("no sessions yet: start one with `coach` or `coach interview --headless --answers a.wav`")
            return 0
        print(f"{'session':<24} {'started':<20} {'round':<17} {'level':<7} {'answers':>7} {'clarifying':>10} "
              f"{'score':>6}  status")
        for r in rows:
            score = "-" if r["overall"] is None else f"{r['overall']:.1f}"
            print(f"{r['id']:<24} {r['started_at'][:19]:<20} {(r['round'] or r['plan'] or '-'):<17} "
                  f"{r['level'] or '-':<7} {r['answers']:>7} {r['clarifications']:>10} {score:>6}  {status_words(r['status'])}"
                  f"{', resumable' if r['resumable'] else ''}")
        if any(r["resumable"] for r in rows):
            print("resumable: go on with `coach interview --resume ID` (or --resume last; add --headless --answers ...)")
        return 0
    finally:
        store.close()
