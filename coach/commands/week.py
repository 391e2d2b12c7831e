"""`coach week`: this week's practice from your history."""
from __future__ import annotations

import argparse
import json
from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from coach.ports import Store


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("week", parents=[common], help="what to practise this week",
                       description="This week's practice from your history: the rounds to mock (weakest lately, "
                                   "or left alone for weeks), the questions due for a retry (an answer that went "
                                   "badly comes back after 2 days, then a week, then three weeks), the stories to "
                                   "prepare or retell, the patterns that keep coming back, and how many minutes "
                                   "it all takes.")
    p.add_argument("--json", action="store_true", help="print the plan as JSON")
    p.add_argument("--today", metavar="YYYY-MM-DD", help=argparse.SUPPRESS)   # plan as of another day (tests)
    p.set_defaults(func=run)


def build_week(store: Store, today: date) -> tuple[Any, Any]:
    """The plan for the week holding `today`, read from the store's history."""
    from coach.content import default_content
    from coach.progress.signals import load_signals
    from coach.progress.stories import group_stories, signal_coverage
    from coach.progress.week import plan_week

    content = default_content()
    hist = store.history(question_rounds={qid: q.round for qid, q in content.questions.items()})
    signals = load_signals()
    stories = group_stories(hist.answers, store.story_names(), signals)
    return plan_week(hist, content, today, signal_coverage(stories, signals), stories), content


def run(args: argparse.Namespace) -> int:
    from coach.errors import CoachError
    from coach.progress.week import render
    from coach.services import open_store

    try:
        today = date.fromisoformat(args.today) if args.today else date.today()
    except ValueError:
        raise CoachError(f"'{args.today}' is not a date", "write it as YYYY-MM-DD") from None
    store = open_store(args.db)
    try:
        plan, content = build_week(store, today)
    finally:
        store.close()
    if args.json:
        print(json.dumps(plan.as_dict(), indent=2))
    else:
        print(render(plan, content))
    return 0
