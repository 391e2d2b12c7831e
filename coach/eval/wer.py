"""Word error rate of a speech model on real recordings (../shared/eval/fleurs-en by default).

    python -m coach.eval.wer [--stt-model NAME|PATH] [--data DIR] [--json]
    python -m coach.eval.wer --compare tiny-en base      # one table, a row per model
    python -m coach.eval.wer --jargon                    # the ML jargon set: two voices, unprimed and primed
    python -m coach.eval.wer --voices [--stt-model base] # the interviewer's lines as each voice says them
    python -m coach.eval.wer --final-pass                # long jargon answers: live transcript vs the primed final pass
    python -m coach.eval.wer --primed | --jargon [--glossary FILE]   # compare another glossary

Without --stt-model or --compare it measures the `stt_model` setting, else the default.
Speed is the real-time factor (compute seconds per second of audio) and the mean
seconds per clip, transcription only (the model is loaded and warmed up before the clock starts).

Normalisation, applied the same way to the reference and the transcript:
a comma between digits is dropped ("8,000" is 8000); lowercase; "%" becomes
" percent"; every character that is not a letter, a digit, an apostrophe or a
space becomes a space; apostrophes are dropped; runs of spaces collapse; the
number words zero to twenty become digits (Whisper writes "two points" and
"4 points" alike). Digits are kept as digits (the FLEURS references write
numbers as digits, as Whisper does).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

from coach.errors import CoachError
from coach.paths import PROJECT_ROOT

DATA_DIR = PROJECT_ROOT.parent / "shared" / "eval" / "fleurs-en"


_NUMBERS = {word: str(n) for n, word in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}


def normalise(text: str) -> list[str]:
    text = re.sub(r"(?<=\d),(?=\d{3}\b)", "", text)
    text = text.lower().replace("%", " percent")
    text = re.sub(r"[^a-z0-9' ]+", " ", text).replace("'", "")
    return [_NUMBERS.get(word, word) for word in text.split()]


def edit_distance(ref: list[str], hyp: list[str]) -> int:
    row = list(range(len(hyp) + 1))
    for i, r in enumerate(ref, start=1):
        prev, row[0] = row[0], i
        for j, h in enumerate(hyp, start=1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (r != h))
    return row[-1]


def evaluate(stt_model: str | None, data: Path = DATA_DIR, primed: bool = False,
             glossary: Path | None = None) -> dict[str, float | int | str]:
    """WER on the clips; `primed`: as an interview's final pass primes an answer (the question as the
    initial prompt, the ML glossary as hotwords: the terms the unprimed pass heard, then the
    question's own, then the rest)."""
    from coach import services
    from coach.adapters.audio_io import decode_file
    from coach.eval.speech_sets import heard_near, priming

    clips = sorted(data.glob("*.ogg"))
    if not clips:
        raise CoachError(f"no .ogg clips in {data}", "pass --data with a folder of NAME.ogg clips beside NAME.txt references")
    transcriber = services.build_transcriber(stt_model)
    transcriber.transcribe(decode_file(clips[0])[: 3 * 16000])   # warm-up, untimed: lazy loads (VAD) hit no model's clock
    errors = words = 0
    audio_s = compute_s = 0.0
    for clip in clips:
        samples = decode_file(clip)
        # primed as the app's final pass: the glossary chosen with what the unprimed pass heard (untimed)
        prompt, hotwords = priming(glossary, heard=transcriber.transcribe(samples).text,
                                   sounds=heard_near(glossary)) if primed else (None, None)
        started = time.perf_counter()
        hyp = (transcriber.transcribe(samples, prompt=prompt, hotwords=hotwords) if hotwords
               else transcriber.transcribe(samples)).text
        compute_s += time.perf_counter() - started
        audio_s += len(samples) / 16000
        ref = normalise(clip.with_suffix(".txt").read_text(encoding="utf-8"))
        errors += edit_distance(ref, normalise(hyp))
        words += len(ref)
    return {"model": transcriber.name + (" primed" if primed else ""), "clips": len(clips), "words": words,
            "wer": round(errors / max(1, words), 4), "real_time_factor": round(compute_s / max(audio_s, 1e-9), 3),
            "seconds_per_clip": round(compute_s / len(clips), 3), "audio_s": round(audio_s, 1)}


def table(results: list[dict]) -> str:
    """A Markdown table, a row per model (the README carries one)."""
    rows = ["| model | WER | words | clips | real-time factor | s per clip |", "|---|---|---|---|---|---|"]
    rows += [f"| {r['model']} | {r['wer']:.1%} | {r['words']} | {r['clips']} | {r['real_time_factor']:.3f} | "
             f"{r['seconds_per_clip']:.2f} |" for r in results]
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Word error rate and speed of speech models on real recordings")
    parser.add_argument("--stt-model", default=None, metavar="NAME|PATH",
                        help="a manifest name (tiny-en, base) or a CTranslate2 Whisper folder")
    parser.add_argument("--compare", nargs="+", metavar="NAME|PATH", help="measure several models; one table")
    parser.add_argument("--data", type=Path, default=DATA_DIR)
    parser.add_argument("--primed", action="store_true",
                        help="FLEURS unprimed and primed as an interview primes (the question and the glossary)")
    parser.add_argument("--jargon", action="store_true", help="the ML jargon set, two voices, unprimed and primed")
    parser.add_argument("--voices", action="store_true",
                        help="the interviewer's first 50 question lines as each voice says them (default model: base)")
    parser.add_argument("--glossary", type=Path, default=None, metavar="FILE",
                        help="prime with this glossary instead of prompts/glossary.txt (to compare two)")
    parser.add_argument("--final-pass", action="store_true",
                        help="long jargon answers: the live transcript (unprimed) and the app's primed final pass")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    try:
        if args.jargon or args.voices or args.final_pass:
            from coach.eval import speech_sets

            report = (speech_sets.jargon_report(args.stt_model, glossary=args.glossary) if args.jargon
                      else speech_sets.final_pass_report(args.stt_model, glossary=args.glossary) if args.final_pass
                      else speech_sets.intelligibility_report(args.stt_model or "base"))
            print(json.dumps(report, indent=None if args.json else 2))
            return 0
        if args.primed:
            from coach.config import load_settings

            name = args.stt_model or load_settings().stt_model or None
            results = [evaluate(name, args.data), evaluate(name, args.data, primed=True, glossary=args.glossary)]
            print(json.dumps(results) if args.json else table(results))
            return 0
        if args.compare:
            names = args.compare
        else:
            from coach.config import load_settings

            names = [args.stt_model or load_settings().stt_model or None]
        results = [evaluate(name, args.data) for name in names]
    except CoachError as exc:
        print(f"coach: {exc.one_line()}", file=sys.stderr)
        return exc.exit_code
    if args.json:
        print(json.dumps(results if args.compare else results[0]))
    elif args.compare:
        print(table(results))
    else:
        r = results[0]
        print(f"{r['model']}: WER {r['wer']:.1%} over {r['words']} words in {r['clips']} clips; "
              f"real-time factor {r['real_time_factor']}, {r['seconds_per_clip']:.2f} s per clip")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
