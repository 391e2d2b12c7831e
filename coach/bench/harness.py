"""A whole `coach bench` run: load the models, make the answers, run each way of ending a turn
(under `busy` load if asked), then the naive transcription, the pause check and the first screen."""
from __future__ import annotations

import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from coach.bench import answers as answers_mod
from coach.bench import memwatch
from coach.bench.load import busy, peak_rss_mb
from coach.errors import CoachError
from coach.ports import SAMPLE_RATE


@dataclass
class Options:
    turns: int = 3
    answer_seconds: float = 60.0
    modes: tuple[str, ...] = ("hands-free", "push-to-talk")
    llm: str = ""
    stt_model: str = ""
    voice: str = "auto"              # the interviewer's voice: auto, piper, espeak
    answer_voice: str = "espeak"     # the voice the candidate's test answers are made with
    end_of_turn: str = "meaning"     # hands-free policy: meaning (smart-turn) or silence
    silence_seconds: float = 2.0
    busy: int = 0
    primed_pass: tuple[bool, ...] = (True,)   # the answer's primed final pass on, off, or both (compared)
    first_screen: bool = True


def false_ends(answer: answers_mod.Answer, turn_model: Any, silence_seconds: float,
               transcriber: Any = None) -> dict[str, Any]:
    """Thinking pauses the hands-free policy (as the microphone runs it) takes for the end of the
    answer, by kind: `between` sentences, `mid`-sentence, and `other` (the voice's own gaps);
    `at_once`: 1 if the answer's real end was taken for the end at the first ask; `end_wait_s`: the
    silence after the last word when the policy ended the turn. At each ask the words so far (the
    answer up to there, transcribed as the runner's live transcript would be) weigh in with the
    question's kind, and set the graded wait, as they do in an interview (here the words are known
    at once; in the app they come from the tail transcribed in the silence)."""
    from coach.content import default_content
    from coach.streaming.answer_end import question_kind
    from coach.streaming.end_of_turn import ASK_EVERY_S, EndOfTurn
    from coach.streaming.levels import rms_dbfs

    block = SAMPLE_RATE // 10
    ask = 0.3 if turn_model is not None else None
    asked = default_content().question(answer.question)
    kind = question_kind(asked) if transcriber is not None else None

    def policy() -> EndOfTurn:
        return EndOfTurn(silence_seconds, ask_after_s=ask, ask_every_s=ASK_EVERY_S)

    detector = policy()
    counts: dict[str, Any] = {"between": 0, "mid": 0, "other": 0, "at_once": 0, "end_wait_s": None, "why": []}
    room = np.random.default_rng(0).normal(0, 10 ** (-62 / 20), int(3 * SAMPLE_RATE)).astype(np.float32)
    audio = np.concatenate([answer.audio, room])      # the open microphone after the last word
    heard: str | None = None        # this silence's words, transcribed at its first ask
    for start in range(0, len(audio) - block, block):
        at = (start + block) / SAMPLE_RATE
        if at > answer.speech_end_s + detector.longest_s + 0.2:
            break
        ended = detector.feed(rms_dbfs(audio[start:start + block]), block / SAMPLE_RATE)
        if detector.silence_s == 0.0:
            heard = None
        if not ended and detector.due:
            heard_to = start + block
            probability = float(turn_model.probability(audio[max(0, heard_to - 8 * SAMPLE_RATE):heard_to]))
            if transcriber is not None and heard is None:
                heard = transcriber.transcribe(audio[:heard_to]).text
            ended = detector.judged(probability, heard, kind, asked)
            if detector.reasons:
                counts["why"].append(f"{at:.1f} s: {detector.reasons[-1]}")
        if ended and at >= answer.speech_end_s:
            counts["end_wait_s"] = round(at - answer.speech_end_s, 1)
            counts["at_once"] += at <= answer.speech_end_s + (ask or 0) + 0.25
            break
        if ended:
            span = next(((s, e) for s, e in answer.pause_spans if s - 0.3 <= at <= e + 0.5), None)
            kind_of = "other" if span is None else "between" if span in answer.between_spans else "mid"
            counts[kind_of] += 1
            detector = policy()
    return counts


def load_models(opts: Options) -> tuple[Any, Any, Any, Any, float]:
    """(transcriber, interviewer, synth or None, turn model or None, cold start seconds)."""
    from coach import services

    started = time.perf_counter()
    transcriber = services.build_transcriber(opts.stt_model or None)
    interviewer = services.build_interviewer(opts.llm or None)
    cold = time.perf_counter() - started
    try:
        synth = services.build_synth(opts.voice)
    except CoachError:
        if opts.voice != "auto":
            raise
        synth = None
    asks = opts.end_of_turn == "meaning" and "hands-free" in opts.modes     # as the app: only hands-free asks it
    turn_model = services.build_turn_model() if asks else None
    return transcriber, interviewer, synth, turn_model, cold


def run(opts: Options) -> dict[str, Any]:
    with memwatch.PeakWatch() as watch:
        result = _run(opts, watch)
    result["peak_rss_at"] = watch.top
    result["peak_rss_by_stage"] = watch.by_stage
    result["pass_beside_voice_s"] = round(watch.pass_beside_voice_s, 2)
    return result


def _run(opts: Options, watch: memwatch.PeakWatch) -> dict[str, Any]:
    from coach.bench.session import run_session

    transcriber, interviewer, synth, turn_model, cold = load_models(opts)
    watch.stage = "making the answers"
    turns: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="coach-bench-") as tmp:
        folder = Path(tmp)
        made = answers_mod.make_answers_apart(opts.answer_voice, opts.turns, opts.answer_seconds)
        gen_tokens, gen_s = 0, 0.0      # from the runner's FollowUpReady events
        labels: list[str] = []
        primed_ms: dict[str, list[int]] = {}
        peaks: dict[str, int] = {}
        with busy(opts.busy):
            for mode in opts.modes:
                for primed in opts.primed_pass:
                    label = mode if len(opts.primed_pass) == 1 else f"{mode}, primed pass {'on' if primed else 'off'}"
                    watch.stage = label
                    resets = memwatch.reset_peak()
                    recorder = run_session(mode, made, transcriber, interviewer, synth, folder,
                                           turn_model=turn_model if mode == "hands-free" else None,
                                           silence_seconds=opts.silence_seconds, prime_final=primed, label=label)
                    for i, row in enumerate(recorder.turns):
                        row["answer"] = i + 1
                    labels.append(label)
                    if resets:
                        peaks[label] = memwatch.hwm_mb()
                    primed_ms[label] = recorder.primed_pass_ms
                    turns += recorder.turns
                    gen_tokens += recorder.tokens
                    gen_s += recorder.generation_s
        watch.stage = "whole answers transcribed, the pause replay"
        naive: list[float] = []
        for answer in made:
            started = time.perf_counter()
            transcriber.transcribe(answer.audio)
            naive.append((time.perf_counter() - started) * 1000)
        ends = [false_ends(a, turn_model, opts.silence_seconds, transcriber) for a in made]
        screen_s = None
        if opts.first_screen:
            from coach.bench.first_screen import first_screen

            screen_s, _ = first_screen(folder / "screen.db")
    for t in turns:
        t["naive_transcript_ms"] = round(naive[t["answer"] - 1])
    audio_s = sum(len(a.audio) for a in made) / SAMPLE_RATE
    return {
        "turns": turns, "modes": labels,
        "primed_pass": [("on" if p else "off") for p in opts.primed_pass],
        "primed_pass_ms": primed_ms,     # each answer's primed pass (after the reply started), compute only
        "stt_rtf": round(sum(naive) / 1000 / audio_s, 3),
        "tokens_per_s": round(gen_tokens / gen_s, 1) if gen_s else None,
        "peak_rss_mb": peak_rss_mb(),
        "peak_rss_mb_by_mode": peaks,     # each way of ending a turn's own peak (the high-water mark reset before it)
        "cold_start_s": round(cold, 2),
        "first_screen_s": screen_s,
        "pauses": {"between": sum(a.between_pauses for a in made), "mid": sum(a.mid_pauses for a in made)},
        "false_ends_by_kind": {k: sum(e[k] for e in ends) for k in ("between", "mid", "other")},
        "false_ends": sum(e[k] for e in ends for k in ("between", "mid", "other")),
        # the session itself (the live transcript's words): answers its policy ended before their last word
        "session_false_ends": sum(1 for t in turns if t["mode"].startswith("hands-free") and t["end_of_turn_ms"] < 0),
        "ends_heard_at_once": sum(e["at_once"] for e in ends),
        "end_waits_s": [e["end_wait_s"] for e in ends],     # silence after each real end before the policy ended it
        "end_of_turn_reasons": [e["why"] for e in ends],
        "end_of_turn": opts.end_of_turn if turn_model is not None else "silence",
        "voice": getattr(synth, "name", "none") if synth is not None else "none",
        "answer_voice": opts.answer_voice,
        "busy": opts.busy,
        "stt_model": transcriber.name,
        "llm": interviewer.name,
        "turn_model": getattr(turn_model, "name", None),
    }
