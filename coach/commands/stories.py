"""`coach stories`: your story bank. `coach stories name TURN_ID "name"` files an answer under a story."""
from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING

from coach.errors import CoachError

if TYPE_CHECKING:
    from coach.ports import Store


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("stories", parents=[common], help="list your stories and the senior signals they cover",
                       description="List the stories you tell: ones you named, and suggestions grouped by how "
                                   "alike the transcripts are. Shows how often each was told, its best score "
                                   "and which senior signals (rubrics/signals.toml) it covers.")
    p.add_argument("--json", action="store_true", help="print the stories and signal coverage as JSON")
    ssub = p.add_subparsers(dest="stories_command", metavar="ACTION")
    name = ssub.add_parser("name", help="name the story an answer tells",
                           description="File one answer (a turn id from `coach replay` or the story list) "
                                       "under a story name. Answers with the same name form one story.")
    name.add_argument("turn_id", type=int, metavar="TURN_ID", help="the answer's turn id")
    name.add_argument("name", help='the story\'s name, e.g. "checkout outage"; an empty name removes it')
    name.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help="SQLite database to use")
    p.set_defaults(func=run)


def _name(store: Store, turn_id: int, label: str) -> int:
    turn = store.answer_turn(turn_id)
    if turn is None:
        raise CoachError(f"no turn {turn_id} in this database", "turn ids are shown by `coach replay ID`")
    if turn.get("speaker") != "candidate":
        raise CoachError(f"turn {turn_id} is the interviewer speaking, not one of your answers",
                         "pick a turn marked 'You' in `coach replay`")
    label = " ".join(label.split())
    if not label:
        removed = store.clear_story_name(turn_id)
        print(f"turn {turn_id} " + ("is no longer filed under a story" if removed else "had no story name"))
        return 0
    if len(label) > 80:
        raise CoachError("that story name is longer than 80 characters", "use a short name you will recognise")
    store.set_story_name(turn_id, label)
    print(f"turn {turn_id} is now part of the story \"{label}\"")
    return 0


def run(args: argparse.Namespace) -> int:
    from coach.content import default_content
    from coach.progress.signals import load_signals
    from coach.progress.stories import group_stories, signal_coverage
    from coach.services import open_store

    store = open_store(args.db)
    try:
        if getattr(args, "stories_command", None) == "name":
            return _name(store, args.turn_id, args.name)
        rounds = {qid: q.round for qid, q in default_content().questions.items()}
        hist = store.history(question_rounds=rounds)
        signals = load_signals()
        stories = group_stories(hist.answers, store.story_names(), signals)
        coverage = signal_coverage(stories, signals)
    finally:
        store.close()
    if args.json:
        print(json.dumps({
            "stories": [s.as_dict() for s in stories],
            "signals": [{"id": c.signal.id, "name": c.signal.name, "status": c.status,
                         "stories": list(c.stories), "best": c.best} for c in coverage],
        }, indent=2))
        return 0
    if not stories:
        print("no stories yet: answer a behavioural question or two, then run `coach stories` again")
        return 0
    print(f"{'story':<34} {'kind':<9} {'told':>4} {'last told':<10} {'best':>4}  turns")
    for s in stories:
        turns = ", ".join(str(t) for t in s.turn_ids[-4:]) + (" …" if s.told > 4 else "")
        best = "-" if s.best is None else f"{s.best:.1f}"
        print(f"{s.name[:34]:<34} {'named' if s.named else 'suggested':<9} {s.told:>4} "
              f"{(s.last_day.isoformat() if s.last_day else '-'):<10} {best:>4}  {turns}")
    print("\nsenior signals:")
    for c in coverage:
        where = f": {'; '.join(c.stories[:2])}" if c.stories else ""
        print(f"  {c.signal.name:<34} {c.status}{where}")
    print('\nname a story with: coach stories name TURN_ID "a short name"')
    return 0
