"""`coach purge [--before DATE] [--yes]`: delete sessions, their turns and their recordings for good."""
from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from coach.commands.report import parse_date
from coach.errors import CoachError


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("purge", parents=[common], help="delete old sessions and their audio",
                       description="Delete sessions (all of them, or those started before --before) with their "
                                   "turns, story names and recorded audio. Asks first unless --yes is given.")
    p.add_argument("--before", metavar="DATE", help="only sessions started before this date (YYYY-MM-DD)")
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    p.set_defaults(func=run)


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
        return True
    except ValueError:
        return False


def audio_targets(root: Path, session_ids: list[str], paths: list[str]) -> tuple[list[Path], list[Path]]:
    """(files, folders) to delete: stored answer paths plus each session's audio folder, all inside root/audio."""
    audio = root / "audio"
    files = [root / p for p in paths if _inside(root / p, audio)]
    folders = [audio / sid for sid in session_ids
               if sid and "/" not in sid and "\\" not in sid and sid not in (".", "..")]
    return [f for f in files if f.is_file()], [d for d in folders if d.is_dir()]


def _confirm(prompt: str, yes: bool) -> bool:
    if yes:
        return True
    if not sys.stdin or not sys.stdin.isatty():
        raise CoachError("refusing to delete without confirmation: there is no terminal to ask on",
                         "run it in a terminal, or add --yes to confirm")
    try:
        answer = input(prompt)
    except EOFError:
        return False
    return answer.strip().lower() in ("y", "yes")


def run(args: argparse.Namespace) -> int:
    from coach.services import open_store

    before = parse_date(args.before, "--before")
    store = open_store(args.db)
    try:
        root = Path(store.root)
        ids = store.sessions_before(before)
        if not ids:
            print("nothing to purge" + (f": no session started before {before}" if before else ": no sessions"))
            return 0
        files, folders = audio_targets(root, ids, store.audio_paths(ids))
        extra = [f for d in folders for f in d.rglob("*") if f.is_file() and f not in files]
        size = sum(f.stat().st_size for f in [*files, *extra]) / 1e6
        scope = f"started before {before}" if before else "in this database (all of them)"
        print(f"This deletes {len(ids)} sessions {scope}: {store.count_turns(ids)} turns and "
              f"{len(files) + len(extra)} audio files ({size:.1f} MB). It cannot be undone.")
        if not _confirm("Delete them? [y/N] ", args.yes):
            print("nothing deleted")
            return 1
        sessions, turns = store.delete_sessions(ids)
    finally:
        store.close()
    failed = []
    for f in files:
        try:
            f.unlink(missing_ok=True)
        except OSError:
            failed.append(f)
    for d in folders:
        shutil.rmtree(d, ignore_errors=True)
        if d.exists():
            failed.append(d)
    print(f"deleted {sessions} sessions, {turns} turns and their audio")
    if failed:
        raise CoachError(f"{len(failed)} audio files or folders could not be removed, e.g. {failed[0]}",
                         "check their permissions and delete them by hand")
    return 0
