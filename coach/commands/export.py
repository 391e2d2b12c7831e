"""`coach export ID --format json|md` and `coach import FILE`: move a session between databases.

The JSON holds every column of the session and its turns (scorecards and
segments as JSON values, story names too), so importing it into another database
re-creates the session exactly; `--audio` also embeds the answer recordings.
"""
from __future__ import annotations

import argparse
import base64
import binascii
import json
import os
from pathlib import Path, PurePosixPath
from typing import Any

from coach.errors import CoachError, RowsRejected, StoreError

FORMAT, VERSION = "coach-session", 1


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("export", parents=[common], help="write one session as JSON or Markdown",
                       description="Write a session and all its turns as JSON (for `coach import`) or as "
                                   "a readable Markdown transcript.")
    p.add_argument("id", metavar="ID", help="session id (see `coach sessions`), or `last` for the newest")
    p.add_argument("--format", choices=("json", "md"), default="json", help="json (default) or md")
    p.add_argument("--out", metavar="FILE", help="write to FILE instead of printing")
    p.add_argument("--audio", action="store_true", help="json only: embed the answer recordings")
    p.set_defaults(func=run_export)
    q = sub.add_parser("import", parents=[common], help="load a session exported as JSON",
                       description="Re-create a session exported with `coach export --format json` in this database.")
    q.add_argument("file", metavar="FILE", help="a JSON file written by `coach export`")
    q.set_defaults(func=run_import)


def _json_value(text: Any) -> Any:
    if not isinstance(text, str):
        return text
    try:
        return json.loads(text)
    except ValueError:
        return text


def session_document(session: dict[str, Any], turns: list[dict[str, Any]], root: Path | None = None) -> dict[str, Any]:
    """The export JSON; with `root`, answer audio found under it is embedded as base64."""
    out_turns = []
    for turn in turns:
        row = {k: v for k, v in turn.items() if k not in ("id", "session_id")}
        row["segments"], row["scores"] = _json_value(row.get("segments")), _json_value(row.get("scores"))
        if root is not None and row.get("audio_path") and (root / row["audio_path"]).is_file():
            row["audio_base64"] = base64.b64encode((root / row["audio_path"]).read_bytes()).decode("ascii")
        out_turns.append(row)
    return {"format": FORMAT, "version": VERSION, "session": session, "turns": out_turns}


def session_markdown(session: dict[str, Any], turns: list[dict[str, Any]]) -> str:
    from coach.commands.replay import describe_turn

    lines = [f"# Session {session['id']}", "",
             f"- started: {session.get('started_at') or '-'}", f"- round: {session.get('round') or session.get('plan') or '-'}",
             f"- level: {session.get('level') or '-'}", f"- status: {session.get('status') or '-'}",
             f"- overall: {'-' if session.get('overall') is None else format(session['overall'], '.1f')}", ""]
    for turn in turns:
        row = {**turn, "scores": _json_value(turn.get("scores"))}
        head, *rest = describe_turn(row, Path("."), wrap=False)
        lines += [f"## {head.strip()}", ""] + [line.strip() for line in rest] + [""]
    return "\n".join(lines)


def _write(text: str, out: str | None) -> None:
    if not out:
        print(text, end="" if text.endswith("\n") else "\n")
        return
    path = Path(out).expanduser()
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
    except OSError as exc:
        raise CoachError(f"cannot write {path}: {exc.strerror}", "pick another --out path") from None
    print(f"wrote {path}")


def run_export(args: argparse.Namespace) -> int:
    from coach.services import open_store

    store = open_store(args.db)
    try:
        args.id = store.session_id(args.id)
        rows = store.export_rows(args.id)
        if rows is None:
            raise CoachError(f"no session {args.id} in {store.path}", "run `coach sessions` to list them")
        session, turns = rows
        root = Path(store.root)
    finally:
        store.close()
    if args.format == "md":
        _write(session_markdown(session, turns), args.out)
    else:
        _write(json.dumps(session_document(session, turns, root if args.audio else None), indent=2) + "\n", args.out)
    return 0


def _safe_audio_path(value: Any, session_id: str) -> str:
    """An answer recording's path: `audio/<this session's id>/<file>`, nowhere else."""
    path = PurePosixPath(str(value))
    if (path.is_absolute() or ".." in path.parts or len(path.parts) != 3 or path.parts[0] != "audio"
            or "\x00" in str(value) or "\\" in str(value)):
        raise CoachError(f"the file names an audio path outside the audio folder: {str(value)[:80]!r}",
                         "only import files written by `coach export`")
    if path.parts[1] != session_id:
        raise CoachError(f"the file names an audio path outside its session's audio folder: {str(value)[:80]!r}",
                         "only import files written by `coach export`")
    return str(path)


INT64 = (-(2 ** 63), 2 ** 63 - 1)


def _columns(row: dict[str, Any], columns: tuple[str, ...], path: Path, what: str) -> None:
    """Each stored column holds what SQLite can store: text, a number within 64 bits, or nothing."""
    for key in columns:
        value = row.get(key)
        if value is None or isinstance(value, (str, float)):
            continue
        if isinstance(value, int) and INT64[0] <= value <= INT64[1]:
            continue
        raise CoachError(f"{path} has a malformed {what}: {key} cannot be {type(value).__name__} "
                         f"{json.dumps(value)[:40]}", "export the session again")


def _session_id(value: Any, path: Path) -> str:
    """The session id names the session's audio folder: one plain path component."""
    if (not isinstance(value, str) or not value.strip() or len(value) > 200 or value in (".", "..")
            or any(c in value for c in "/\\") or any(ord(c) < 32 for c in value)):
        raise CoachError(f"{path} has a malformed session id: {json.dumps(value)[:60]}", "export the session again")
    return value


def read_document(path: Path) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Validate an export file; returns (session row, turn rows ready to insert)."""
    try:
        doc = json.loads(Path(path).expanduser().read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CoachError(f"no such file: {path}", "check the path") from None
    except (ValueError, UnicodeDecodeError):
        raise CoachError(f"{path} is not JSON", "give a file written by `coach export --format json`") from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise CoachError(f"{path} is not a coach session export", "give a file written by `coach export --format json`")
    if doc.get("version") != VERSION:
        raise CoachError(f"{path} uses export version {doc.get('version')}, this coach reads {VERSION}",
                         "export it again with this version of coach")
    session, turns = doc.get("session"), doc.get("turns")
    if not isinstance(session, dict) or not session.get("id") or not isinstance(turns, list):
        raise CoachError(f"{path} is missing its session or turns", "export the session again")
    from coach.adapters.progress_sql import SESSION_COLUMNS, TURN_COLUMNS

    session_id = _session_id(session["id"], path)
    _columns(session, SESSION_COLUMNS, path, "session")
    rows = []
    for turn in turns:
        if (not isinstance(turn, dict) or "idx" not in turn or turn.get("speaker") not in ("interviewer", "candidate")
                or not isinstance(turn["idx"], int) or isinstance(turn["idx"], bool)):
            raise CoachError(f"{path} has a malformed turn", "export the session again")
        row = dict(turn)
        for key in ("segments", "scores"):
            if row.get(key) is not None and not isinstance(row[key], str):
                row[key] = json.dumps(row[key])
        _columns(row, tuple(c for c in TURN_COLUMNS if c != "session_id"), path, f"turn {turn['idx']}")
        if row.get("story_name") is not None and not isinstance(row["story_name"], str):
            raise CoachError(f"{path} has a malformed turn {turn['idx']}: its story name is not text",
                             "export the session again")
        if row.get("audio_path"):
            row["audio_path"] = _safe_audio_path(row["audio_path"], session_id)
        if row.get("audio_base64") is not None and not isinstance(row["audio_base64"], str):
            raise CoachError(f"{path} holds damaged audio for turn {turn['idx']}", "export the session again")
        rows.append(row)
    return session, rows


def _remove(written: list[Path]) -> None:
    """Undo `_write_audio`: the files, and their session folder when that is left empty."""
    for target in written:
        try:
            target.unlink(missing_ok=True)
        except OSError:          # a folder in the way was never ours
            pass
    for folder in {t.parent for t in written}:
        try:
            folder.rmdir()
        except OSError:
            pass


def _write_audio(root: Path, blobs: dict[str, bytes], source: str) -> list[Path]:
    """Write the embedded recordings; on failure remove those written and raise a CoachError."""
    written: list[Path] = []
    try:
        for rel, data in blobs.items():
            target = root / rel
            target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            written.append(target)
            fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
    except OSError as exc:
        _remove(written)
        raise CoachError(f"nothing imported: cannot write the audio of {source} ({exc.strerror or exc})",
                         "free some disk space, or check the data folder's permissions") from None
    return written


def run_import(args: argparse.Namespace) -> int:
    from coach.services import open_store

    session, turns = read_document(Path(args.file))
    store = open_store(args.db)
    try:
        if store.has_session(session["id"]):
            raise CoachError(f"session {session['id']} is already in {store.path}",
                             "import into another database with --db, or purge it first")
        blobs: dict[str, bytes] = {}
        for turn in turns:
            blob = turn.pop("audio_base64", None)
            if blob and turn.get("audio_path"):
                try:
                    blobs[turn["audio_path"]] = base64.b64decode(blob, validate=True)
                except (binascii.Error, ValueError):
                    raise CoachError(f"{args.file} holds damaged audio for turn {turn['idx']}",
                                     "export the session again") from None
        written = _write_audio(Path(store.root), blobs, args.file)    # before the rows: a failure leaves neither
        try:
            count = store.import_rows(session, turns)
        except RowsRejected as exc:
            _remove(written)
            raise CoachError(f"could not import {args.file}: {exc.message}", exc.hint) from None
        except StoreError:             # locked by another program, or the disk is full
            _remove(written)
            raise
        print(f"imported session {session['id']} with {count} turns into {store.path}")
    finally:
        store.close()
    return 0
