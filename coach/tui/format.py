"""Words and times as the screens show them (shared by Home and Replay, so neither imports the other)."""
from __future__ import annotations

from datetime import datetime

PLAN_NAMES = {"full-loop": "Full loop", "drill": "Round drill", "warm-up": "Warm-up"}


def when(iso: str | None) -> str:
    """A stored UTC timestamp as local 'MM-DD HH:MM'."""
    if not iso:
        return "?"
    try:
        return datetime.fromisoformat(iso).astimezone().strftime("%m-%d %H:%M")
    except ValueError:
        return iso[:16]
