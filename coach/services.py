"""Factories that turn settings into working adapters. Heavy imports happen here, on demand.

The CLI and the TUI build everything through these functions, so a model is
loaded once, in one place, with the same error messages everywhere.
"""
from __future__ import annotations

from functools import lru_cache, partial
from pathlib import Path
from typing import Any

from coach import models, paths
from coach.adapters.store_sqlite import SQLiteStore
from coach.domain import Transcript
from coach.errors import NoSpeechError, StoreError


def open_store(db: str | Path | None = None) -> SQLiteStore:
    return SQLiteStore(Path(db).expanduser() if db else paths.default_db_path())


def stt_model_path(name: str | None = None) -> Path:
    path, _ = models.resolve("stt", name or None)
    return path


def llm_model_path(name: str | None = None) -> tuple[Path, models.ModelEntry | None]:
    return models.resolve("llm", name or None)


def thread_plan() -> Any:
    """Threads for the models from the cores free right now (coach.adapters.cpu)."""
    from coach.adapters import cpu

    mon = cpu.monitor()
    return cpu.thread_plan(mon.free(), mon.cores)


@lru_cache(maxsize=2)
def _transcriber(path: Path, name: str) -> Any:
    from coach.adapters.whisper_stt import WhisperTranscriber

    return WhisperTranscriber(path, name=name, threads=thread_plan().stt)


def build_transcriber(name: str | None = None) -> Any:
    path, entry = models.resolve("stt", name or None)
    transcriber = _transcriber(path, entry.name if entry else path.name)
    if transcriber not in _LOADED:
        _LOADED.append(transcriber)
    return transcriber


@lru_cache(maxsize=1)
def _turn_model(path: Path) -> Any:
    from coach.adapters.smart_turn import SmartTurn

    return SmartTurn(path, threads=1)


def build_turn_model() -> Any:
    """The end-of-turn model (smart-turn v3); ModelNotInstalledError when its wheel is missing."""
    path, _ = models.resolve("turn", None)
    return _turn_model(path)


def build_microphone(settings: Any, hands_free: bool = False, stream_factory: Any = None,
                     speaker: Any = None) -> Any:
    """The microphone as the settings ask: the end-of-turn model when end_of_turn is "meaning" (the
    silence rule alone if the model is not installed), deaf to the interviewer's voice while it
    plays, and with headphones on, listening through it for the candidate to barge in."""
    from coach.adapters.mic import MicrophoneSource
    from coach.errors import CoachError

    judge = None
    if settings.end_of_turn == "meaning" and hands_free:     # push-to-talk never asks it: 60 MiB not loaded
        try:
            judge = build_turn_model().probability
        except CoachError:
            judge = None
    return MicrophoneSource(settings.input_device, hands_free=hands_free, silence_seconds=settings.silence_seconds,
                            stream_factory=stream_factory, turn_model=judge,
                            speaking=getattr(speaker, "playing", None), headphones=settings.headphones)


def transcribe_file(path: str | Path, stt_model: str | None = None) -> Transcript:
    """Decode any audio file and transcribe it; NoSpeechError when it holds no speech."""
    from coach.adapters.audio_io import decode_file

    samples = decode_file(Path(path))
    transcript = build_transcriber(stt_model).transcribe(samples)
    if transcript.is_empty:
        raise NoSpeechError(f"no speech detected in {path}", "record the answer again, closer to the microphone")
    return transcript


@lru_cache(maxsize=2)
def _interviewer(path: Path, chat: bool | None) -> Any:
    from coach.adapters.llama_interviewer import LlamaInterviewer
    from coach.content import default_content
    from coach.followups.prompt import load_template

    template = load_template(paths.prompts_dir() / "followup.md")
    grammar_file = paths.prompts_dir() / "followup.gbnf"      # optional: without it, the guards alone shape the reply
    grammar = grammar_file.read_text(encoding="utf-8") if grammar_file.is_file() else None
    interviewer = LlamaInterviewer(path, template, default_content().gaps, chat=chat, threads=thread_plan().llm,
                                   threads_now=_llm_threads_now, grammar=grammar)
    interviewer.warm_up()   # the few-shot prefix sits in the KV cache before the first answer ends
    return interviewer


def short_of_cores(need: float = 1.5) -> bool:
    """Other programs leave the coach fewer than `need` cores right now (coach.adapters.cpu)."""
    from coach.adapters import cpu

    return cpu.monitor().free() < need


def _llm_threads_now() -> int:
    """Free cores now, less one while the speech model is transcribing in this process."""
    plan = thread_plan()
    busy = any(t.busy.is_set() for t in _loaded_transcribers() if hasattr(t, "busy"))
    return max(1, plan.llm - (1 if busy else 0))


def _loaded_transcribers() -> list[Any]:
    return list(_LOADED)


_LOADED: list[Any] = []      # the speech models built so far (the interviewer checks whether one is busy)


def build_interviewer(name: str | None = None) -> Any:
    path, entry = llm_model_path(name)
    return _interviewer(path, entry.chat if entry else None)


def build_synth(engine: str = "auto", rate: int = 175, voice: str = "", threads: int | None = None) -> Any:
    """The interviewer's voice: "piper" (the natural voice, coach[voice]), "espeak" (espeak-ng through
    pyttsx3), or "auto": Piper when it is installed, else espeak-ng."""
    from coach.adapters import tts
    from coach.errors import ConfigError, ModelNotInstalledError

    if engine not in tts.ENGINES:
        raise ConfigError(f"unknown voice engine {engine!r}", f"use one of: {', '.join(tts.ENGINES)}")
    if engine == "piper" or (engine == "auto" and tts.piper_available()):
        entry = models.manifest()[models.default_name("tts")]
        try:
            model, config = models.packaged_files(entry)
        except ModelNotInstalledError:
            if engine == "piper":
                raise
        else:
            if not tts.piper_available():
                raise ModelNotInstalledError("piper-tts is not installed, so the natural voice cannot speak",
                                             entry.install_hint)
            return tts.PiperSynth(model, config, rate=rate, threads=threads)
    return tts.SpeechSynth(rate=rate, voice=voice)


def build_speaker(silent: bool = False, speak_to: str | Path | None = None, rate: int = 175, voice: str = "",
                  engine: str = "auto") -> Any:
    from coach.adapters import tts

    if silent:
        return tts.SilentSpeaker()
    synth = build_synth(engine, rate, voice)
    if speak_to:
        return tts.WavSpeaker(Path(speak_to), synth)
    return tts.DeviceSpeaker(synth)


TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}


def read_answer(path: str | Path, stt_model: str | None = None) -> Transcript:
    """An answer from a file: text files are read as they are, anything else is transcribed."""
    from coach.errors import CoachError

    path = Path(path)
    if not path.is_file():
        raise CoachError(f"no such file: {path}", "give a .txt/.md transcript or an audio file")
    if path.suffix.lower() in TEXT_SUFFIXES:
        try:
            text = path.read_text(encoding="utf-8").strip()
        except UnicodeDecodeError:
            raise CoachError(f"{path} is not UTF-8 text", "save the transcript as UTF-8") from None
        except OSError as exc:
            raise CoachError(f"cannot read {path}: {exc.strerror or exc}", "check the path and its permissions") from None
        if not text:
            raise CoachError(f"{path} is empty", "write or record an answer first")
        return Transcript(text=text)
    if path.stat().st_size == 0:
        raise CoachError(f"{path} is empty", "record the answer again, or give a .txt transcript")
    return transcribe_file(path, stt_model)


def load_acknowledgements() -> tuple[str, ...]:
    """The interviewer's short acknowledgements (prompts/acknowledgements.txt, # comments), () without the file."""
    try:
        lines = (paths.prompts_dir() / "acknowledgements.txt").read_text(encoding="utf-8").splitlines()
    except OSError:
        return ()
    return tuple(t.strip() for t in lines if t.strip() and not t.lstrip().startswith("#"))


SPECULATE_AFTER_S = 0.2     # hands-free by meaning: silence before the answer's tail is transcribed


def build_runner(*, content: Any, items: list[Any], source: Any, transcriber: Any, interviewer: Any, speaker: Any,
                 store: SQLiteStore, scorer: Any, on_event: Any, no_speech: str, max_followups: int | None = None,
                 mode: str = "practice", level: str | None = None, **extra: Any) -> Any:
    """The interview loop for one session, with the closing remarks from `prompts/closing.md`.

    Shared by `coach interview --headless` and the app, so both run the same interview. Answers are
    scored against the session's `level` (the staff bar weighs scope, influence and direction).
    """
    from coach.adapters.session_lock import SessionLock
    from coach.interview.engine import InterviewEngine
    from coach.interview.runner import InterviewRunner
    from coach.interview.summary import parse_focus
    from coach.adapters.whisper_stt import glossary_terms, load_glossary
    from coach.followups.prompt import section_text

    closing = paths.prompts_dir() / "closing.md"
    mic = getattr(source, "mic", source)
    if getattr(mic, "turn_model", None) is not None:
        # the tail's words a little before the end-of-turn model is asked (the policy waits for them), the
        # reply drafted from the moment it is asked
        extra.setdefault("settle_s", min(SPECULATE_AFTER_S, mic.ask_after_s))
        extra.setdefault("draft_after_s", mic.ask_after_s)
        extra.setdefault("acknowledgements", load_acknowledgements())
    extra.setdefault("short_of_cores", short_of_cores)
    return InterviewRunner(
        engine=InterviewEngine(items, max_followups=max_followups, mode=mode, level=level or "senior"),
        source=source, transcriber=transcriber, interviewer=interviewer, speaker=speaker, store=store,
        scorer=partial(scorer, level=level) if level and scorer is not None else scorer,
        rubrics=content.rubrics,
        audio_root=store.root, closing_template=section_text(closing, "closing"),
        focus=parse_focus(section_text(closing, "focus")), unscored=parse_focus(section_text(closing, "unscored")),
        on_event=on_event, no_speech=no_speech,
        session_lock=lambda session_id: SessionLock(store.root, session_id), **{"hotwords": load_glossary(), "glossary": tuple(glossary_terms()), **extra},
    )


def saved_plan(name: str | None, content: Any) -> dict[str, Any] | None:
    """A plan built by `coach plan --jd` (from the data dir), or None for the built-in plans."""
    if not name or name in content.plans:
        return None
    from coach.adapters.plan_files import load_plan

    return load_plan(name)


def start_session(store: SQLiteStore, runner: Any, *, plan: str, round_id: str | None, level: str, mode: str,
                  stt_model: str, llm_model: str, resume: str | None = None) -> str:
    """The session `runner` will run: a new one saved with its plan, or (`resume`) the interrupted one,
    which the runner puts back in progress. Shared by the app and `coach interview --headless`."""
    from coach.interview.resume import plan_record

    if resume:
        return resume
    return store.start_session(plan=plan, round=round_id or "", level=level, mode=mode, stt_model=stt_model,
                               llm_model=llm_model,
                               plan_items=plan_record(runner.engine.items, runner.engine.max_followups))


def resumable_session(store: SQLiteStore, ref: str) -> dict[str, Any]:
    """The session `ref` names (an id, or "last": the newest one that can go on), if it can be resumed."""
    from coach.interview.resume import RESUMABLE, ResumeError

    if ref == "last":
        rows = store.resumable_sessions()
        if not rows:
            raise ResumeError("no interrupted session to resume", "start a new one with `coach interview`")
        return rows[0]
    try:
        session = store.session(ref)
    except StoreError as exc:
        raise ResumeError(exc.message, "run `coach sessions` to list them, or pass --resume last") from None
    if session["status"] not in RESUMABLE:
        raise ResumeError(f"session {ref} is {session['status']}, not interrupted: there is nothing to resume",
                          "only sessions listed as resumable by `coach sessions` can go on")
    return session


def prepare_resume(store: SQLiteStore, content: Any, ref: str) -> tuple[dict[str, Any], list[Any], Any, int | None]:
    """(session row, plan items, resume point, follow-up cap) for resuming `ref`; ResumeError when it cannot be."""
    from coach.adapters.session_lock import SessionLock
    from coach.interview.resume import ResumeError, plan_items, restore

    session = resumable_session(store, ref)
    SessionLock(store.root, session["id"]).check_free()
    turns = store.turns(session["id"])
    items, max_followups = plan_items(content, session, turns)
    try:
        point = restore(items, turns)
    except ResumeError as exc:
        raise ResumeError(exc.message.replace("cannot resume:", f"cannot resume session {session['id']}:"),
                          exc.hint) from None
    return session, items, point, max_followups
