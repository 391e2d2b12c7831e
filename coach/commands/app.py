"""`coach` with no command: open the app (also `coach interview` without --headless)."""
from __future__ import annotations

import argparse


def run_app(args: argparse.Namespace, start: str | None = None) -> int:
    """Run the Textual app until the user quits; returns the exit code."""
    from coach.tui.app import CoachApp

    app = CoachApp(
        db=getattr(args, "db", None),
        start=start,
        silent=bool(getattr(args, "silent", False)),
        stt_model=getattr(args, "stt_model", None) or "",
        llm=getattr(args, "llm", None) or "",
        plan=getattr(args, "plan", None) or "drill",
        round=getattr(args, "round", None),
        level=getattr(args, "level", None),
        seed=getattr(args, "seed", None),
        resume=getattr(args, "resume", None),
        questions=tuple(getattr(args, "question", None) or ()),
    )
    try:
        result = app.run()
    finally:
        if app.store is not None:
            try:
                app.store.close()
            except Exception:
                pass
    return int(result or app.return_code or 0)
