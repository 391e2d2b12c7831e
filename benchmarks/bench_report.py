"""Time `coach report` over a generated history of 1,000 sessions and 20,000 turns.

Usage: python benchmarks/bench_report.py [--sessions N] [--repeat R]

Writes the history into a temporary database with tests/history_factory.py,
then times loading it, building the report model and rendering Markdown and
HTML, the same path `coach report` takes. The budget is 2 seconds.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from history_factory import generate_history  # noqa: E402

from coach.adapters.store_sqlite import SQLiteStore  # noqa: E402
from coach.commands.report import build  # noqa: E402
from coach.reports import render_html, render_md  # noqa: E402

BUDGET_S = 2.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3, help="runs to time; the best and worst are printed")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="coach-bench-") as tmp:
        started = time.perf_counter()
        made = generate_history(Path(tmp) / "coach.db", sessions=args.sessions, questions=5, days=140)
        print(f"generated {len(made.session_ids)} sessions, {made.turns} turns in {time.perf_counter() - started:.2f} s")
        times = []
        for _ in range(args.repeat):
            started = time.perf_counter()
            store = SQLiteStore(Path(tmp) / "coach.db")
            report = build(store)
            loaded = time.perf_counter()
            md, page = render_md(report), render_html(report)
            store.close()
            times.append((time.perf_counter() - started, loaded - started))
        best, worst = min(times), max(times)
        print(f"report: {report.sessions} sessions, {report.answers} answers, {len(report.stories)} stories; "
              f"markdown {len(md) // 1024} KiB, html {len(page) // 1024} KiB")
        print(f"report time: best {best[0]:.3f} s (load and build {best[1]:.3f} s), worst {worst[0]:.3f} s; "
              f"budget {BUDGET_S:.1f} s -> {'OK' if worst[0] <= BUDGET_S else 'TOO SLOW'}")
        return 0 if worst[0] <= BUDGET_S else 1


if __name__ == "__main__":
    raise SystemExit(main())
