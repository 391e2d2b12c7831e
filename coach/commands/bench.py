"""`coach bench`: turn latency, speech-to-text speed and memory on this machine.

Answers (about 60 s each, made with espeak-ng, with 1-2 s thinking pauses inside)
go block by block through the microphone's path: the hands-free end-of-turn
detector and the incremental transcriber. At the end of each answer the clock
starts and the benchmark records, as the live interview would see them:

JSON keys (all times in milliseconds unless named otherwise):
- turns[]: per answer: audio_s, final_transcript_ms (end of speech -> final transcript),
  first_token_ms (-> first interviewer token), first_audio_ms (-> first interviewer
  audio rendered), naive_transcript_ms (whole answer transcribed after it ends),
  false_ends (mid-answer pauses the detector took for the end of the turn), source.
- p50 / p95: the same latencies over the turns.
- naive_ratio: naive_transcript_ms / final_transcript_ms (median).
- stt_rtf: speech-to-text compute seconds per second of audio (naive path).
- tokens_per_s: interviewer tokens generated per second of generation.
- peak_rss_mb: peak resident memory of the process.
- cold_start_s: loading the speech and interviewer models, warm-up included.
- pauses: thinking pauses in the test audio; false_ends: total taken as end of turn.
- stt_model: the speech model measured (`--stt-model base` for the larger Whisper).
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

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
    p.add_argument("--turns", type=int, default=4, help="answers to run (default 4)")
    p.add_argument("--answer-seconds", type=float, default=60.0, help="length of each answer (default 60)")
    p.add_argument("--realtime", action="store_true", help="feed audio at speaking pace (slow; default: as fast as possible)")
    p.add_argument("--llm", metavar="NAME|PATH", help="interviewer model")
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


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))], 1)


def run(args: argparse.Namespace) -> int:
    from coach import services
    from coach.adapters.audio_io import rms_dbfs
    from coach.adapters.mic import EndOfTurn
    from coach.adapters.tts import SpeechSynth, espeak_available, split_sentences
    from coach.config import load_settings
    from coach.content import default_content
    from coach.scoring import score_answer
    from coach.streaming.incremental import IncrementalTranscriber

    started = time.perf_counter()
    transcriber = services.build_transcriber(args.stt_model or load_settings().stt_model)
    interviewer = services.build_interviewer(args.llm)
    cold_start = time.perf_counter() - started
    synth = SpeechSynth() if espeak_available() else None
    content = default_content()
    question = content.question("dd-latency-budget")
    rng = random.Random(7)
    block = 4000                                   # 0.25 s blocks, as the microphone delivers them
    turns, total_pauses = [], 0
    gen_tokens, gen_s, stt_compute, stt_audio = 0, 0.0, 0.0, 0.0
    with tempfile.TemporaryDirectory(prefix="coach-bench-") as tmp:
        for i in range(args.turns):
            audio, pauses = make_answer(Path(tmp), i, args.answer_seconds, rng)
            total_pauses += pauses
            detector, inc = EndOfTurn(silence_seconds=2.0), IncrementalTranscriber(transcriber)
            false_ends, t0 = 0, time.monotonic()
            for n, start in enumerate(range(0, len(audio), block)):
                chunk = audio[start : start + block]
                if detector.feed(rms_dbfs(chunk), len(chunk) / 16000) and start + block < len(audio) - 8000:
                    false_ends += 1
                    detector = EndOfTurn(silence_seconds=2.0)
                inc.feed(chunk)
                if args.realtime:
                    time.sleep(max(0.0, t0 + (n + 1) * block / 16000 - time.monotonic()))
            end = time.perf_counter()                      # the candidate stops speaking
            transcript = inc.finish()
            final_ms = (time.perf_counter() - end) * 1000
            card = score_answer(transcript, question=question, round_spec=content.round(question.round),
                                rubric=content.rubric(question.round)).to_dict()
            gap = card["gaps"][0]["id"] if card["gaps"] else "missing_point"
            tokens_before, gen_start = interviewer.last_tokens, time.perf_counter()
            reply = interviewer.follow_up(question, transcript.text, gap, [question.prompt])
            gen_s += time.perf_counter() - gen_start
            gen_tokens += interviewer.last_tokens - tokens_before
            first_token_ms = ((interviewer.first_token_at or time.perf_counter()) - end) * 1000
            if synth is not None:
                synth.render(split_sentences(reply.question)[0], Path(tmp) / f"reply{i}.wav")
            first_audio_ms = (time.perf_counter() - end) * 1000
            naive_start = time.perf_counter()
            transcriber.transcribe(audio)
            naive_ms = (time.perf_counter() - naive_start) * 1000
            stt_compute += naive_ms / 1000
            stt_audio += len(audio) / 16000
            turns.append({"audio_s": round(len(audio) / 16000, 1), "final_transcript_ms": round(final_ms),
                          "first_token_ms": round(first_token_ms), "first_audio_ms": round(first_audio_ms),
                          "naive_transcript_ms": round(naive_ms), "false_ends": false_ends, "source": reply.source})
    keys = ("final_transcript_ms", "first_token_ms", "first_audio_ms")
    result = {
        "turns": turns,
        "p50": {k: _pct([t[k] for t in turns], 0.5) for k in keys},
        "p95": {k: _pct([t[k] for t in turns], 0.95) for k in keys},
        "naive_ratio": round(statistics.median(t["naive_transcript_ms"] / max(1, t["final_transcript_ms"]) for t in turns), 2),
        "stt_rtf": round(stt_compute / stt_audio, 3),
        "tokens_per_s": round(gen_tokens / gen_s, 1) if gen_s else None,
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "cold_start_s": round(cold_start, 2),
        "pauses": total_pauses,
        "false_ends": sum(t["false_ends"] for t in turns),
        "stt_model": transcriber.name,
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    for i, t in enumerate(turns, 1):
        print(f"turn {i}: {t['audio_s']} s answer | final transcript {t['final_transcript_ms']} ms (naive "
              f"{t['naive_transcript_ms']} ms) | first token {t['first_token_ms']} ms | first audio "
              f"{t['first_audio_ms']} ms | {t['source']} | false ends {t['false_ends']}")
    print(f"p50: {result['p50']}\np95: {result['p95']}")
    print(f"incremental vs naive transcript: {result['naive_ratio']}x faster after the answer ends")
    print(f"speech-to-text ({result['stt_model']}) real-time factor {result['stt_rtf']}; interviewer {result['tokens_per_s']} tokens/s")
    print(f"peak RSS {result['peak_rss_mb']} MB; cold start {result['cold_start_s']} s; "
          f"{result['false_ends']} of {result['pauses']} thinking pauses taken as the end of the turn")
    return 0
