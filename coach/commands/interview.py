"""`coach interview`: run an interview, in the app or headless from answer files."""
from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

from coach.domain import LEVEL_IDS, ROUND_IDS
from coach.errors import CoachError
from coach.interview import events as ev
from coach.scoring.scorecard import Scorecard
from coach.tui.format import status_words


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "interview", parents=[common], help="run a mock interview (in the app, or headless from audio files)",
        description="Run a mock interview. With --headless, each file given to --answers answers the next "
                    "question or follow-up in turn; the interview closes when the answers run out. "
                    "Every turn is saved to the database the moment it ends. "
                    "--resume continues an interrupted session (killed, or stopped with Ctrl-C) where it "
                    "stopped: same session, earlier turns kept, its remaining rounds timed afresh.",
    )
    p.add_argument("--headless", action="store_true", help="no app window: answers come from --answers files")
    p.add_argument("--answers", nargs="+", metavar="AUDIO", default=[], help="audio files, one per answer")
    p.add_argument("--plan", default="drill", help="full-loop, drill, warm-up, or a plan made by `coach plan --jd` (default: drill)")
    p.add_argument("--round", choices=ROUND_IDS, default=None, help="round to drill (default: behavioral)")
    p.add_argument("--level", choices=LEVEL_IDS, default=None, help="senior or staff (default: from config)")
    p.add_argument("--drill", choices=["weakest"], default=None,
                   help="weakest: pick questions that target your weakest rubric dimension in recent answers")
    p.add_argument("--question", action="append", default=[], metavar="ID", help="ask this question (repeatable)")
    p.add_argument("--mode", choices=["practice", "realistic"], default=None,
                   help="realistic: follow-ups dig up to three deep and a system-design fact changes part-way "
                        "(default: from config)")
    p.add_argument("--max-followups", type=int, default=None, metavar="N", help="cap follow-ups per question")
    out = p.add_mutually_exclusive_group()
    out.add_argument("--speak-to", metavar="DIR", help="write the interviewer's lines to WAV files in DIR")
    out.add_argument("--silent", action="store_true", help="do not speak; print the interviewer's lines only")
    p.add_argument("--llm", metavar="NAME|PATH", help="interviewer model: manifest name, file in models/, or .gguf path")
    p.add_argument("--stt-model", metavar="NAME|PATH", help="speech model: manifest name or Whisper folder")
    p.add_argument("--realtime", action="store_true", help="play answer files at speaking pace, as a microphone would "
                   "(the follow-up is then drafted in the silence at the end of each answer)")
    p.add_argument("--seed", type=int, default=None, help="seed for question choice (repeatable sessions)")
    p.add_argument("--resume", metavar="SESSION|last", default=None,
                   help="continue an interrupted session (an id from `coach sessions`, or `last` for the newest "
                        "one): its plan, turns and scores are kept; an unanswered question is asked again")
    p.set_defaults(func=run)


def _printer():
    def on_event(event: ev.Event) -> None:
        stream = sys.stdout
        if isinstance(event, ev.SessionStarted):
            print(f"session {event.session_id}", file=stream, flush=True)
        elif isinstance(event, ev.TurnSaved):
            t = event.turn
            if t.speaker == "candidate" and t.kind == "clarification":
                print(f"  {t.index:>2} candidate clarification (not scored): {t.text}", file=stream, flush=True)
            elif t.speaker == "interviewer":
                tag = t.kind if not t.gap else f"{t.kind} [{t.gap}, {t.source}]"
                ms = f"think {t.timings.think_ms} ms, " if t.timings.think_ms is not None else ""
                print(f"  {t.index:>2} interviewer {tag}: {t.text}  ({ms}speak {t.timings.speak_ms} ms)", file=stream, flush=True)
            else:
                card = event.scorecard or Scorecard()
                gaps = ", ".join(g.id for g in card.gaps[:2]) or "none"
                words = len(t.text.split())
                joined = f" (with the {len(event.earlier)} answer{'s' if len(event.earlier) > 1 else ''} before)" \
                    if event.earlier else ""
                print(f"  {t.index:>2} candidate: {words} words, score {card.overall:.1f}/5{joined}, gaps: {gaps}, "
                      f"transcribe {t.timings.transcribe_ms} ms | {t.text[:70]}{'...' if len(t.text) > 70 else ''}",
                      file=stream, flush=True)
        elif isinstance(event, ev.AnswerRevised):
            t, card = event.turn, event.scorecard or Scorecard()
            print(f"  {t.index:>2} candidate, primed pass ({event.seconds:.1f} s): score {card.overall:.1f}/5 | "
                  f"{t.text[:70]}{'...' if len(t.text) > 70 else ''}", file=stream, flush=True)
        elif isinstance(event, ev.SessionEnded):
            overall = "n/a" if event.overall is None else f"{event.overall:.1f}/5"
            print(f"session {event.session_id} {status_words(event.status)} ({event.reason}); overall {overall}",
                  file=stream, flush=True)
    return on_event


def _check_resume(args: argparse.Namespace) -> None:
    """`--resume` continues the saved plan: it takes no new questions, and must name a resumable session."""
    if getattr(args, "resume", None) is None:
        return
    if args.question or args.drill:
        raise CoachError("--resume continues the session's saved plan", "drop --question/--drill, or start a new interview")
    if not args.headless:            # check before the app opens: a bad id is one line, not a window
        from coach import services

        store = services.open_store(args.db)
        try:
            args.resume = services.resumable_session(store, args.resume)["id"]
        finally:
            store.close()


def run(args: argparse.Namespace) -> int:
    _check_resume(args)
    if not args.headless and not args.resume:      # a plan name that is neither built in nor saved: one line, no window
        from coach import services
        from coach.content import default_content

        saved = services.saved_plan(args.plan, default_content())
        if saved is not None and not args.level and saved.get("level") in LEVEL_IDS:
            args.level = saved.get("level")
    if not args.headless:
        from coach.commands.app import run_app

        return run_app(args, start="interview")
    if not args.answers:
        raise CoachError("a headless interview needs answers", "pass --answers a.wav b.wav (one audio file per answer)")
    for path in args.answers:
        if not Path(path).is_file():
            raise CoachError(f"no such answer file: {path}", "check the paths given to --answers")
    return run_headless(args)


def run_headless(args: argparse.Namespace) -> int:
    from coach import services
    from coach.adapters.file_source import FileAnswerSource
    from coach.adapters.session_lock import SessionBusy
    from coach.config import load_settings
    from coach.content import default_content
    from coach.interview.plan import build_items
    from coach.interview.resume import describe
    from coach.scoring import score_answer

    settings = load_settings()
    content = default_content()
    level = args.level or settings.level
    round_id = args.round or ("behavioral" if args.plan == "drill" else None)
    store = services.open_store(args.db)
    point, max_followups = None, args.max_followups
    if args.resume:           # the session's own plan, checked before any model loads
        try:
            session, items, point, saved_cap = services.prepare_resume(store, content, args.resume)
        except CoachError:
            store.close()
            raise
        if max_followups is None:
            max_followups = saved_cap
    else:
        rng = random.Random(args.seed)
        question_ids = list(args.question)
        if args.drill == "weakest" and not question_ids:
            from coach.progress import plan_weakest_drill

            picked, why = plan_weakest_drill(store.recent_dimension_scores(10), content, level,
                                             store.recent_question_ids(), rng, 3)
            print(why, flush=True)
            question_ids = [q.id for q in picked]
            round_id = picked[0].round if picked else round_id
        try:
            saved = services.saved_plan(args.plan, content)
        except CoachError:
            store.close()
            raise
        if saved is not None and saved.get("level") in LEVEL_IDS:
            level = saved["level"]
        items = build_items(content, args.plan, round_id, level, store.recent_question_ids(), rng, question_ids,
                            saved=saved)
    # load everything before the session starts, so a bad model leaves no empty session behind
    transcriber = services.build_transcriber(args.stt_model or settings.stt_model)
    interviewer = services.build_interviewer(args.llm or settings.llm)
    speaker = services.build_speaker(args.silent, args.speak_to, settings.rate, settings.voice, engine=settings.tts)
    runner = services.build_runner(
        content=content, items=items, source=FileAnswerSource(args.answers, realtime=args.realtime),
        transcriber=transcriber, interviewer=interviewer, speaker=speaker, store=store, scorer=score_answer,
        on_event=_printer(), no_speech="raise", max_followups=max_followups, resume_from=point,
        speculate=args.realtime,     # at speaking pace there is silence to draft the follow-up in
        mode=getattr(args, "mode", None) or settings.mode, level=level, prime_final=settings.primed_pass,
    )
    session_id = services.start_session(store, runner, plan=args.plan, round_id=round_id, level=level,
                                        mode="headless", stt_model=transcriber.name, llm_model=interviewer.name,
                                        resume=session["id"] if point is not None else None)
    if point is not None:
        print(f"resuming session {session_id}: {describe(point, len(items))}", flush=True)
    started = time.monotonic()
    try:
        runner.run(session_id)
    except SessionBusy:
        raise
    except CoachError as exc:
        print(f"session {session_id} stopped: earlier turns are saved", file=sys.stderr)
        raise exc
    except KeyboardInterrupt:
        print(f"session {session_id} interrupted: earlier turns are saved; go on with "
              f"`coach interview --headless --resume {session_id} --answers ...`", file=sys.stderr)
        raise
    finally:
        store.close()
    print(f"done in {time.monotonic() - started:.1f} s; see it with: coach sessions" + (f" --db {args.db}" if args.db else ""))
    return 0
