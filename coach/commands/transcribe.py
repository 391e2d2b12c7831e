"""`coach transcribe FILE`: print what the speech model hears in an audio file."""
from __future__ import annotations

import argparse
import json


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("transcribe", parents=[common], help="print the transcript of an audio file",
                       description="Transcribe an audio file (wav, flac, ogg, mp3; any sample rate or "
                                   "channel count) with the local speech model.")
    p.add_argument("file", help="audio file to transcribe")
    p.add_argument("--stt-model", metavar="NAME|PATH", help="speech model: a manifest name or a CTranslate2 Whisper folder")
    p.add_argument("--segments", action="store_true", help="print one line per segment with its start and end time")
    p.add_argument("--json", action="store_true", help="print text, segments and duration as JSON")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from coach.config import load_settings
    from coach.services import transcribe_file

    stt = args.stt_model or load_settings().stt_model
    transcript = transcribe_file(args.file, stt)
    if args.json:
        print(json.dumps({
            "text": transcript.text, "duration_s": round(transcript.duration_s or 0, 2),
            "segments": [s.__dict__ for s in transcript.segments],
        }, indent=2))
    elif args.segments:
        for s in transcript.segments:
            print(f"[{s.start:7.2f} -> {s.end:7.2f}] {s.text}")
    else:
        print(transcript.text)
    return 0
