"""`coach replay ID [--play]`: one past session, turn by turn, with scores, follow-ups and timings."""
from __future__ import annotations

import argparse
import shutil
import textwrap
from pathlib import Path
from typing import Any

from coach.errors import AudioError, CoachError
from coach.progress.history import answer_from_row
from coach.progress.labels import dimension_label, gap_phrase
from coach.scoring.scorecard import read_scorecard


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("replay", parents=[common], help="go through a past session turn by turn",
                       description="Print a past session in order: each question, your transcript with its "
                                   "scorecard, the follow-ups (which gap they probed and where they came from) "
                                   "and how long each step took. --play also plays your recorded answers.")
    p.add_argument("id", metavar="ID", help="session id (see `coach sessions`), or `last` for the newest")
    p.add_argument("--play", action="store_true", help="play each recorded answer after printing it")
    p.set_defaults(func=run)


def output_device() -> tuple[bool, str]:
    """(ok, message) about the default audio output; never raises."""
    from coach.adapters.mic import output_status

    return output_status()


def play_wav(path: Path) -> None:
    """Play a recorded answer (coach.adapters.tts.play_wav; a seam the tests replace)."""
    from coach.adapters.tts import play_wav as play

    play(path)


def _ms(label: str, value: int | None) -> str | None:
    return None if value is None else f"{label} {value} ms"


def _clock(ms: int | None) -> str:
    if not ms:
        return ""
    seconds = round(ms / 1000)
    return f"{seconds // 60}:{seconds % 60:02d}"


def _wrap(text: str, indent: str = "     ", wrap: bool = True) -> str:
    if not wrap:
        return indent + (" ".join(str(text).split()) or "(nothing said)")
    width = max(40, min(100, shutil.get_terminal_size((100, 20)).columns))
    return textwrap.fill(" ".join(str(text).split()) or "(nothing said)", width=width,
                         initial_indent=indent, subsequent_indent=indent)


def _clarifications(scores: Any) -> list[str]:
    card = read_scorecard(scores)
    return list(card.clarifications) if card is not None else []


def describe_turn(turn: dict[str, Any], root: Path, wrap: bool = True) -> list[str]:
    """The lines printed for one turn (pure apart from checking the audio file exists)."""
    kind, idx = turn.get("kind") or "", int(turn.get("idx") or 0)
    timings = [t for t in (_ms("transcribe", turn.get("transcribe_ms")), _ms("think", turn.get("think_ms")),
                           _ms("speak", turn.get("speak_ms")), _ms("score", turn.get("score_ms"))) if t]
    if turn.get("speaker") == "interviewer":
        head = {"question": f"question {turn.get('question_id') or ''}".rstrip(), "repeat": "question again",
                "closing": "closing remarks", "clarification": "answers your clarifying question (from the facts)",
                "change": "a fact changes"}.get(kind, kind)
        if kind == "clarification" and turn.get("source") == "assumption":
            head = "answers your clarifying question (no fact covers it: state an assumption)"
        if kind == "followup":
            head = f"follow-up on {gap_phrase(turn.get('gap') or '?')} ({turn.get('gap') or 'no gap'}, " \
                   f"from the {turn.get('source') or 'unknown source'})"
        lines = [f"{idx:>3} Interviewer · {head}", _wrap(turn.get("text") or "", wrap=wrap)]
    elif kind == "clarification":
        lines = [f"{idx:>3} You · clarifying question · not scored · turn {turn.get('id')}",
                 _wrap(turn.get("text") or "", wrap=wrap)]
    else:
        answer = answer_from_row({**turn, "turn_id": turn.get("id") or 0, "started_at": turn.get("created_at")})
        score = f" · {answer.overall:.1f}/5" if answer.overall is not None else " · not scored"
        length = f" · {_clock(turn.get('duration_ms'))}" if turn.get("duration_ms") else ""
        lines = [f"{idx:>3} You · answer{length}{score} · turn {turn.get('id')}", _wrap(turn.get("text") or "", wrap=wrap)]
        if answer.dimensions:
            lines.append("     scores: " + ", ".join(f"{dimension_label(d.id)} {d.score:.1f}" for d in answer.dimensions))
        for gap, evidence in answer.gaps:
            lines.append(f"     gap: {gap_phrase(gap)}" + (f" ({evidence})" if evidence else ""))
        if answer.sizing_checks:
            held = sum(c.ok for c in answer.sizing_checks)
            lines.append(f"     sizing: {held} of {len(answer.sizing_checks)} checks held")
        if answer.words:
            rate = f", {answer.wpm:.0f} wpm" if answer.wpm else ""
            lines.append(f"     delivery: {answer.words} words{rate}, {answer.filler_count} fillers")
        lines += [f"     tip: {f}" for f in answer.feedback[:2]]
        asked = _clarifications(turn.get("scores"))
        if asked:
            lines.append(f"     clarified first: {len(asked)} question{'s' if len(asked) > 1 else ''} "
                         f"(counts as asking about requirements)")
        if turn.get("audio_path"):
            present = (root / turn["audio_path"]).is_file()
            lines.append(f"     audio: {turn['audio_path']}" + ("" if present else " (file missing)"))
    if timings:
        lines.append(f"     ({', '.join(timings)})")
    return lines


def run(args: argparse.Namespace) -> int:
    from coach.services import open_store

    store = open_store(args.db)
    try:
        args.id = store.session_id(args.id)
        session = store.session(args.id)
        turns = store.turns(args.id)
        root = Path(store.root)
        if args.play:
            ok, message = output_device()
            if not ok:
                raise AudioError(f"cannot play answers: {message}",
                                 f"the recordings are WAV files under {root / 'audio' / args.id}")
            if not any(t.get("audio_path") and (root / t["audio_path"]).is_file() for t in turns):
                raise CoachError(f"session {args.id} has no recorded answers to play",
                                 "its answers were typed, or their audio was deleted")
        overall = f" · overall {session['overall']:.1f}/5" if session.get("overall") is not None else ""
        print(f"Session {session['id']} · {str(session.get('started_at') or '')[:16].replace('T', ' ')} · "
              f"{session.get('round') or session.get('plan') or '-'} · {session.get('level') or '-'} · "
              f"{(session.get('status') or '').replace('_', ' ')}{overall}")
        if not turns:
            print("  (no turns were recorded)")
        for turn in turns:
            print("\n".join(describe_turn(turn, root)))
            path = root / turn["audio_path"] if args.play and turn.get("audio_path") else None
            if path is not None and path.is_file():
                print(f"     ▶ playing {path.name}", flush=True)
                play_wav(path)
        return 0
    finally:
        store.close()
