"""`coach bench`: turn latency, speech-to-text speed and memory on this machine.

Answers (about 60 s each, made with espeak-ng, with 1-2 s thinking pauses inside)
are played at speaking pace into the microphone's own path (`MicrophoneSource`
with the WAV stand-in for the sound card): WAV written as captured, the live
transcriber, the real interview runner, the bundled models, and the app's speaker
rendering the interviewer's lines sentence by sentence with pyttsx3/espeak-ng
(first audio: the first sentence ready to play; playback is timed, not heard). Two ways to end a turn are measured:
- hands-free: the end-of-turn detector fires (2.0 s of silence plus its 0.5 s
  hangover after the last word); the runner transcribes and drafts the
  follow-up in that silence, and uses the draft only if nothing more was said;
- push-to-talk: the key is released with the last word (the worst case: no
  silence to work in).
The clock starts at the end of the turn (detector fires / key released).

JSON keys (all times in milliseconds unless named otherwise):
- turns[]: per answer: mode, answer (1, 2, ...: the same audio in both modes), audio_s, reply ("followup", "question" or "closing"),
  final_transcript_ms (end of turn -> final transcript), first_token_ms (-> first
  interviewer token; 0 if it came before the end of the turn; null when the reply
  needed no model), first_audio_ms (-> first interviewer audio ready to play),
  drafted_early (the follow-up drafted in the silence was used), naive_transcript_ms
  (the whole answer transcribed after it ends), false_ends (mid-answer pauses the
  hands-free detector took for the end of the turn), source ("model" or "bank").
- p50 / p95: {mode: {final_transcript_ms, first_token_ms, first_audio_ms}} over all replies;
  p50_followups / p95_followups: the same over the replies that were follow-ups (the model's work).
- naive_ratio: naive_transcript_ms / final_transcript_ms (median, push-to-talk turns).
- stt_rtf: speech-to-text compute seconds per second of audio (naive path).
- tokens_per_s: interviewer tokens generated per second, from each candidate's first token to its last.
- peak_rss_mb: peak resident memory of the process.
- cold_start_s: loading the speech and interviewer models, warm-up included.
- first_screen_s: launching the app in a fresh process until its first screen is usable.
- pauses: thinking pauses in the test audio; false_ends: total taken as end of turn.
- stt_model, llm: the models measured (`--stt-model base` for the larger Whisper).
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

from coach.errors import CoachError

SENTENCES = [
    "Two years ago I owned the ranking service for our marketplace search.",
    "Latency at the ninety ninth percentile had crept up to four hundred milliseconds.",
    "I proposed splitting retrieval from the heavy ranker and caching embeddings.",
    "We served about three thousand queries per second at peak.",
    "I wrote the design, ran a shadow test for two weeks, and rolled out behind a flag.",
    "The trade off was a slightly staler index, which we accepted.",
    "In the end p99 latency dropped to one hundred and forty milliseconds.",
    "Click through rate went up by two percent in the experiment.",
    "I also set up alerts on drift in the score distribution.",
    "If I did it again I would involve the data platform team earlier.",
]


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("bench", parents=[common], help="measure turn latency, speech-to-text speed and memory",
                       description=__doc__.split("\n\n")[1] if __doc__ else None,
                       formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    p.add_argument("--turns", type=int, default=3, help="answers per way of ending a turn (default 3)")
    p.add_argument("--answer-seconds", type=float, default=60.0, help="length of each answer (default 60)")
    p.add_argument("--mode", choices=("both", "hands-free", "push-to-talk"), default="both",
                   help="how turns end (default both)")
    p.add_argument("--llm", metavar="NAME|PATH", help="interviewer model (default: the llm setting)")
    p.add_argument("--stt-model", metavar="NAME|PATH",
                   help="speech model: a manifest name (tiny-en, base) or a CTranslate2 Whisper folder "
                        "(default: the stt_model setting, else tiny-en)")
    p.add_argument("--json", action="store_true", help="print the figures as JSON")
    p.set_defaults(func=run)


def make_answer(folder: Path, index: int, seconds: float, rng: random.Random) -> tuple[np.ndarray, int]:
    """~`seconds` of espeak-ng speech with 1-2 s thinking pauses (quiet room noise, not digital silence)."""
    from coach.adapters.audio_io import decode_file

    if not shutil.which("espeak-ng"):
        raise CoachError("coach bench needs espeak-ng to make its test answers", "apt-get install espeak-ng")
    parts: list[np.ndarray] = []
    pauses = 0
    total = 0.0
    k = 0
    while total < seconds:
        wav = folder / f"a{index}-{k}.wav"
        sentence = SENTENCES[(index * 3 + k) % len(SENTENCES)]
        subprocess.run(["espeak-ng", "-v", "en-us", "-s", "150", "-w", str(wav), sentence], check=True, capture_output=True)
        speech = decode_file(wav)
        parts.append(speech)
        total += len(speech) / 16000
        k += 1
        if k % 3 == 0 and total < seconds - 3:      # a thinking pause mid-answer
            gap = rng.uniform(1.0, 2.0)
            parts.append(np.zeros(int(gap * 16000), np.float32))
            pauses += 1
            total += gap
    audio = np.concatenate(parts)
    noise = np.random.default_rng(index).normal(0, 10 ** (-62 / 20), len(audio)).astype(np.float32)
    return audio + noise, pauses


def _pct(values: list[float], q: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))], 1)


FIRST_SCREEN = """
import asyncio, sys, time
from coach.tui.app import CoachApp
async def main():
    app = CoachApp(db=sys.argv[1], load_models=sys.argv[2] == "1")
    async with app.run_test() as pilot:
        while not app.screen.query("#start"):
            await pilot.pause(0.01)
        print(time.time(), [m for m in ("faster_whisper", "llama_cpp", "ctranslate2") if m in sys.modules])
asyncio.run(main())
"""


def first_screen(db: Path, load_models: bool = True) -> tuple[float, list[str]]:
    """Seconds from launching the app in a fresh process until Home is usable, and which
    model libraries had been imported by then."""
    launched = time.time()
    out = subprocess.run([sys.executable, "-c", FIRST_SCREEN, str(db), "1" if load_models else "0"],
                         capture_output=True, text=True, timeout=120)
    if out.returncode != 0:
        raise CoachError("the app did not start: " + (out.stderr.strip().splitlines() or ["?"])[-1])
    shown, heavy = out.stdout.strip().splitlines()[-1].split(" ", 1)
    return round(float(shown) - launched, 2), json.loads(heavy.replace("'", '"'))


def false_ends(audio: np.ndarray, block: int = 1600) -> int:
    """Mid-answer pauses the hands-free detector (as the microphone runs it) takes for the end."""
    from coach.streaming.end_of_turn import EndOfTurn
    from coach.streaming.levels import rms_dbfs

    detector, count = EndOfTurn(silence_seconds=2.0), 0
    for start in range(0, len(audio) - block, block):
        if detector.feed(rms_dbfs(audio[start : start + block]), block / 16000):
            count += 1
            detector = EndOfTurn(silence_seconds=2.0)
    return count


class _Recorder:
    """Watches one bench interview through the runner's events and the speaker's playback."""

    def __init__(self, mic: Any, interviewer: Any, answers: int, mode: str) -> None:
        self.mic, self.interviewer, self.answers, self.mode = mic, interviewer, answers, mode
        self.runner: Any = None
        self.turns: list[dict[str, Any]] = []
        self._open: dict[str, Any] | None = None
        self._prefetch: Any = None

    def on_event(self, event: Any) -> None:
        from coach.interview import events as ev

        now = time.perf_counter()
        if isinstance(event, ev.Transcribing):
            ended = self.mic.answer_ended_at if self.mode == "push-to-talk" else self.mic.closed_at
            self._open = {"mode": self.mode, "end": ended or now, "audio_s": round(event.seconds, 1)}
        elif isinstance(event, ev.Thinking):
            self._prefetch = self.runner.prefetch
        elif isinstance(event, ev.TurnSaved) and self._open is not None:
            turn = event.turn
            if turn.speaker == "candidate":
                self._open["transcript_at"] = now - (turn.timings.score_ms or 0) / 1000
            elif "first_audio_at" in self._open:
                self._close(turn)

    def played(self, path: Path) -> None:
        """The speaker's playback: the first call after an answer is the reply's first audio."""
        if self._open is not None and "transcript_at" in self._open and "first_audio_at" not in self._open:
            self._open["first_audio_at"] = time.perf_counter()
            if len(self.turns) + 1 >= self.answers:
                self.runner.request("end")

    def _close(self, turn: Any) -> None:
        t, self._open = self._open, None
        assert t is not None
        end = t["end"]
        token = None
        if turn.kind == "followup":
            token = max(0.0, ((self.interviewer.first_token_at or end) - end) * 1000)
        used = bool(self._prefetch and self._prefetch.used)
        self._prefetch = None
        self.turns.append({
            "mode": t["mode"], "audio_s": t["audio_s"], "reply": turn.kind,
            "final_transcript_ms": round(max(0.0, t["transcript_at"] - end) * 1000),
            "first_token_ms": None if token is None else round(token),
            "first_audio_ms": round((t["first_audio_at"] - end) * 1000),
            "drafted_early": used, "source": turn.source,
        })


def _interview(mode: str, answers: list[np.ndarray], transcriber: Any, interviewer: Any, synth: Any,
               folder: Path) -> list[dict[str, Any]]:
    """One session on the bench's answers, ended by `mode`; returns a row per answer."""
    from coach import services
    from coach.adapters.mic import MicrophoneSource
    from coach.adapters.tts import DeviceSpeaker
    from coach.adapters.wav_stream import WavMicrophone
    from coach.content import default_content
    from coach.scoring import score_answer

    content = default_content()
    items = [(content.question(q), content.round("deep-dive")) for q in ("dd-latency-budget", "dd-scaling")]
    store = services.open_store(folder / f"{mode}.db")
    holder: dict[str, Any] = {}
    mic = WavMicrophone(answers, release=(lambda: holder["runner"].stop_answer.set()) if mode == "push-to-talk" else None)
    recorder = _Recorder(mic, interviewer, len(answers), mode)
    speaker = DeviceSpeaker(synth, play=recorder.played) if synth is not None else _TextSpeaker(recorder)
    runner = holder["runner"] = recorder.runner = services.build_runner(
        content=content, items=items, source=MicrophoneSource(hands_free=mode == "hands-free", silence_seconds=2.0,
                                                              stream_factory=mic),
        transcriber=transcriber, interviewer=interviewer, speaker=speaker, store=store, scorer=score_answer,
        on_event=recorder.on_event, no_speech="retry", max_followups=len(answers), speculate=True,
    )
    session = store.start_session(plan="bench", round="deep-dive", level="senior", mode="bench",
                                  stt_model=transcriber.name, llm_model=interviewer.name)
    try:
        runner.run(session)
    finally:
        store.close()
    return recorder.turns


class _TextSpeaker:
    """Without espeak-ng: the reply's "first audio" is the moment its text is ready."""

    name = "text"

    def __init__(self, recorder: _Recorder) -> None:
        self.recorder = recorder

    def say(self, text: str, wav_path: Path | None = None) -> None:
        self.recorder.played(Path())

    def stop(self) -> None:
        return None


def run(args: argparse.Namespace) -> int:
    from coach import services
    from coach.adapters.tts import SpeechSynth, espeak_available
    from coach.config import load_settings

    settings = load_settings()
    started = time.perf_counter()
    transcriber = services.build_transcriber(args.stt_model or settings.stt_model)
    interviewer = services.build_interviewer(args.llm or settings.llm)
    cold_start = time.perf_counter() - started
    synth = SpeechSynth() if espeak_available() else None
    modes = ["hands-free", "push-to-talk"] if args.mode == "both" else [args.mode]
    rng = random.Random(7)
    turns: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="coach-bench-") as tmp:
        folder = Path(tmp)
        made = [make_answer(folder, i, args.answer_seconds, rng) for i in range(args.turns)]
        answers = [audio for audio, _ in made]
        tokens_before, gen_before = interviewer.decoded_tokens, getattr(interviewer, "generation_s", 0.0)
        for mode in modes:
            rows = _interview(mode, answers, transcriber, interviewer, synth, folder)
            for i, (row, audio) in enumerate(zip(rows, answers)):
                row["answer"], row["false_ends"] = i + 1, false_ends(audio)
            turns += rows
        gen_tokens = interviewer.decoded_tokens - tokens_before
        gen_s = getattr(interviewer, "generation_s", 0.0) - gen_before
        naive: list[float] = []
        for audio in answers:
            naive_start = time.perf_counter()
            transcriber.transcribe(audio)
            naive.append((time.perf_counter() - naive_start) * 1000)
        stt_compute = sum(naive) / 1000
        stt_audio = sum(len(a) for a in answers) / 16000
        screen_s, _ = first_screen(folder / "screen.db")
    for t in turns:
        t["naive_transcript_ms"] = round(naive[t["answer"] - 1])
    keys = ("final_transcript_ms", "first_token_ms", "first_audio_ms")

    def pct(q: float, kind: str | None = None) -> dict[str, dict[str, float | None]]:
        out: dict[str, dict[str, float | None]] = {}
        for mode in modes:
            rows = [t for t in turns if t["mode"] == mode and kind in (None, t["reply"])]
            out[mode] = {k: _pct([t[k] for t in rows if t[k] is not None], q) for k in keys}
        return out

    ptt = [t for t in turns if t["mode"] == "push-to-talk"]
    result = {
        "turns": turns,
        "p50": pct(0.5),
        "p95": pct(0.95),
        "p50_followups": pct(0.5, "followup"),
        "p95_followups": pct(0.95, "followup"),
        "naive_ratio": round(statistics.median(t["naive_transcript_ms"] / max(1, t["final_transcript_ms"]) for t in ptt), 2)
        if ptt else None,
        "stt_rtf": round(stt_compute / stt_audio, 3),
        "tokens_per_s": round(gen_tokens / gen_s, 1) if gen_s else None,
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "cold_start_s": round(cold_start, 2),
        "first_screen_s": screen_s,
        "pauses": sum(p for _, p in made),
        "false_ends": sum(false_ends(a) for a in answers),
        "stt_model": transcriber.name,
        "llm": interviewer.name,
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    for i, t in enumerate(turns, 1):
        print(f"{t['mode']:>12} turn {i}: {t['audio_s']} s answer -> {t['reply']} ({t['source']}"
              f"{', drafted in the silence' if t['drafted_early'] else ''}) | final transcript "
              f"{t['final_transcript_ms']} ms (naive {t['naive_transcript_ms']} ms) | first token "
              f"{t['first_token_ms']} ms | first audio {t['first_audio_ms']} ms")
    for mode in modes:
        pad = " " * len(mode)
        print(f"{mode}: all replies p50 {result['p50'][mode]}\n{pad}              p95 {result['p95'][mode]}\n"
              f"{pad}  follow-ups  p50 {result['p50_followups'][mode]}\n{pad}              p95 "
              f"{result['p95_followups'][mode]}")
    if result["naive_ratio"] is not None:
        print(f"incremental vs naive transcript (push-to-talk): {result['naive_ratio']}x faster after the answer ends")
    print(f"speech-to-text ({result['stt_model']}) real-time factor {result['stt_rtf']}; interviewer "
          f"({result['llm']}) {result['tokens_per_s']} tokens/s")
    print(f"peak RSS {result['peak_rss_mb']} MB; cold start {result['cold_start_s']} s; first screen "
          f"{result['first_screen_s']} s; {result['false_ends']} of {result['pauses']} thinking pauses taken as "
          "the end of the turn")
    return 0
