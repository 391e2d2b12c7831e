"""Word error rate of a speech model on real recordings (../shared/eval/fleurs-en by default).

    python -m coach.eval.wer [--stt-model NAME|PATH] [--data DIR] [--json]

Normalisation, applied the same way to the reference and the transcript:
lowercase; "%" becomes " percent"; every character that is not a letter, a
digit, an apostrophe or a space becomes a space; apostrophes are dropped;
runs of spaces collapse. Digits are kept as digits (the FLEURS references
write numbers as digits, as Whisper does).
"""
from __future__ import annotations

import argparse
import json
import re
import time
from pathlib import Path

from coach.paths import PROJECT_ROOT

DATA_DIR = PROJECT_ROOT.parent / "shared" / "eval" / "fleurs-en"


def normalise(text: str) -> list[str]:
    text = text.lower().replace("%", " percent")
    text = re.sub(r"[^a-z0-9' ]+", " ", text).replace("'", "")
    return text.split()


def edit_distance(ref: list[str], hyp: list[str]) -> int:
    row = list(range(len(hyp) + 1))
    for i, r in enumerate(ref, start=1):
        prev, row[0] = row[0], i
        for j, h in enumerate(hyp, start=1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (r != h))
    return row[-1]


def evaluate(stt_model: str | None, data: Path = DATA_DIR) -> dict[str, float | int | str]:
    from coach import services
    from coach.adapters.audio_io import decode_file

    transcriber = services.build_transcriber(stt_model)
    errors = words = 0
    audio_s = compute_s = 0.0
    clips = sorted(data.glob("*.ogg"))
    for clip in clips:
        samples = decode_file(clip)
        started = time.perf_counter()
        hyp = transcriber.transcribe(samples).text
        compute_s += time.perf_counter() - started
        audio_s += len(samples) / 16000
        ref = normalise(clip.with_suffix(".txt").read_text(encoding="utf-8"))
        errors += edit_distance(ref, normalise(hyp))
        words += len(ref)
    return {"model": transcriber.name, "clips": len(clips), "words": words,
            "wer": round(errors / max(1, words), 4), "real_time_factor": round(compute_s / max(audio_s, 1e-9), 3)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Word error rate on real recordings")
    parser.add_argument("--stt-model", default=None)
    parser.add_argument("--data", type=Path, default=DATA_DIR)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    result = evaluate(args.stt_model, args.data)
    print(json.dumps(result) if args.json else
          f"{result['model']}: WER {result['wer']:.1%} over {result['words']} words in {result['clips']} clips; "
          f"real-time factor {result['real_time_factor']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
