"""Clarification detection through speech: the live transcript against the primed one.

    python -m coach.eval.clarify_speech [--set NAME ...] [--limit N] [--stt-model NAME] [-v]

The interview decides whether a turn is a clarifying question on the live transcript (unprimed); the primed
final pass (the question as Whisper's prompt, the glossary as hotwords) comes later and only for turns kept as
answers. This renders each labelled turn of `tests/data/clarifying/` with espeak-ng, transcribes it unprimed
(as one pass, close to the live windows) and primed as the final pass primes it, and reports detection precision
and recall on the written text, the live and the primed transcript, and how many decisions the two transcripts
would take differently. Slow: two Whisper passes a turn (about 9 s a turn on two busy cores with tiny.en).
"""
from __future__ import annotations

import argparse
import tempfile
import tomllib
from pathlib import Path
from typing import Any

from coach.eval.followups import CLARIFY_DIR
from coach.interview import clarify


def _pr(rows: list[dict[str, Any]], key: str) -> str:
    tp = sum(r[key] and r["label"] for r in rows)
    fp = sum(r[key] and not r["label"] for r in rows)
    fn = sum(r["label"] and not r[key] for r in rows)
    return f"{tp / max(1, tp + fp):.2f} / {tp / max(1, tp + fn):.2f}"


def main(argv: list[str] | None = None) -> int:
    from coach import services
    from coach.adapters.whisper_stt import glossary_terms
    from coach.content import default_content
    from coach.eval.speech_sets import renderer
    from coach.streaming.glossary import glossary_for

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", action="append", metavar="NAME", help="a clarifying set (repeatable; default heldout15)")
    parser.add_argument("--limit", type=int, default=0, help="at most this many turns")
    parser.add_argument("--stt-model", default=None)
    parser.add_argument("-v", "--verbose", action="store_true", help="list the turns the two transcripts decide apart")
    args = parser.parse_args(argv)
    content = default_content()
    render = renderer("espeak")
    transcriber = services.build_transcriber(args.stt_model)
    terms = glossary_terms(None)
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="clarify_speech_") as tmp:
        for name in args.set or ["heldout15"]:
            turns = tomllib.loads((CLARIFY_DIR / f"{name}.toml").read_text(encoding="utf-8"))["utterance"]
            for i, u in enumerate(t for t in turns if "question" in t):
                if args.limit and len(rows) >= args.limit:
                    break
                samples = render(u["text"], Path(tmp) / f"{name}-{i:03d}.wav")
                live = transcriber.transcribe(samples).text
                question = content.question(u["question"])
                hotwords = glossary_for(terms, " ".join((question.prompt, *question.talking_points)), heard=live) or None
                primed = transcriber.transcribe(samples, prompt=question.prompt, hotwords=hotwords).text
                rows.append({"label": bool(u["clarifying"]), "text": bool(clarify.clarifying_questions(u["text"])),
                             "live": bool(clarify.clarifying_questions(live)),
                             "primed": bool(clarify.clarifying_questions(primed)), "heard": live, "primed_text": primed})
    apart = [r for r in rows if r["live"] != r["primed"]]
    print(f"{len(rows)} turns ({transcriber.name}, espeak-ng): precision / recall on the written text {_pr(rows, 'text')}, "
          f"live {_pr(rows, 'live')}, primed {_pr(rows, 'primed')}; decided apart {len(apart)}")
    if args.verbose:
        for r in apart:
            print(f"    label {r['label']}, live {r['live']}, primed {r['primed']}: {r['heard']} || {r['primed_text']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
