"""Words and times as the screens show them (shared by Home and Replay, so neither imports the other)."""
from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from coach.domain import status_words as status_words   # re-exported: the screens say statuses in words

PLAN_NAMES = {"full-loop": "Full loop", "drill": "Round drill", "warm-up": "Warm-up"}


def when(iso: str | None) -> str:
    """A stored UTC timestamp as local 'MM-DD HH:MM'."""
    if not iso:
        return "?"
    try:
        return datetime.fromisoformat(iso).astimezone().strftime("%m-%d %H:%M")
    except ValueError:
        return iso[:16]


def round_name(round_id: str | None, rounds: Mapping[str, Any] | None, width: int = 0) -> str:
    """A round as its name ("Behavioural round", not "behavioral"), cut to `width` with an ellipsis when given."""
    if not round_id:
        return ""
    spec = (rounds or {}).get(round_id)
    name = str(getattr(spec, "name", "") or round_id)
    return name if not width or len(name) <= width else name[: width - 1] + "…"
