"""Progress over weeks: history, trends, recurring gaps, the story bank, the adaptive drill, the report.

Everything here is pure (no SQL, no devices, no UI); `coach.adapters.progress_sql`
holds the queries. The adaptive drill's entry point is `plan_weakest_drill`.
"""
from __future__ import annotations

from coach.progress.drill import plan_weakest_drill, weakest_dimension

__all__ = ["plan_weakest_drill", "weakest_dimension"]
