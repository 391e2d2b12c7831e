"""Where the memory goes: each default model loaded and used in a fresh process of its own.

`python -m coach.bench.memory [--json]` prints, per component, the resident memory it adds
once loaded and at its peak while working (a 60-second answer transcribed, three follow-ups
written, smart-turn asked ten times, three interviewer lines rendered by Piper), split into
file-backed pages (mapped model weights) and anonymous ones (buffers, arenas, caches).
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from typing import Any

COMPONENTS = ("python", "whisper", "llm", "smart-turn", "piper")


def _status() -> dict[str, int]:
    out: dict[str, int] = {}
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM", "RssAnon", "RssFile"):
                out[key] = int(value.split()[0]) // 1024
    return out


def _answer_audio() -> Any:
    import random

    from coach.bench.answers import make_answer
    from coach.eval.speech_sets import renderer

    return make_answer(renderer("espeak"), 0, 60.0, random.Random(7)).audio


def _use(component: str) -> tuple[dict[str, int], dict[str, int]]:
    """(status once loaded, status after use) of one component, in this process."""
    import tempfile
    from pathlib import Path

    from coach import services
    from coach.content import default_content

    if component == "python":
        from coach.adapters import lazy_decoder

        lazy_decoder.install()      # as the transcriber does: PyAV only for a file
        import faster_whisper  # noqa: F401  the libraries every component needs
        import llama_cpp  # noqa: F401
        import onnxruntime  # noqa: F401
        return _status(), _status()
    if component == "whisper":
        audio = _answer_audio()
        base = _status()
        model = services.build_transcriber(None)
        loaded = _status()
        model.transcribe(audio)
        for start in range(0, len(audio) - 16000 * 25, 16000 * 3):    # the live transcriber's windows
            model.transcribe(audio[start:start + 16000 * 25])
        return _minus(loaded, base), _minus(_status(), base)
    if component == "llm":
        base = _status()
        llm = services.build_interviewer(None)
        loaded = _status()
        question = default_content().question("dd-latency-budget")
        answer = ("I owned the ranking service. Latency at p99 crept up to four hundred milliseconds, so I split "
                  "retrieval from the heavy ranker and cached embeddings, and p99 dropped to one forty.")
        for gap in ("no_numbers", "no_tradeoffs", "no_monitoring"):
            llm.follow_up(question, answer, gap, [])
        return _minus(loaded, base), _minus(_status(), base)
    if component == "smart-turn":
        audio = _answer_audio()
        base = _status()
        model = services.build_turn_model()
        loaded = _status()
        for end in range(10):
            model.complete(audio[: len(audio) - end * 16000])
        return _minus(loaded, base), _minus(_status(), base)
    if component == "piper":
        from coach.adapters.tts import split_sentences

        base = _status()
        synth = services.build_synth("piper")
        with tempfile.TemporaryDirectory() as tmp:
            synth.render("Hello.", Path(tmp) / "0.wav")
            loaded = _status()
            for i, line in enumerate(default_content().question(q).prompt for q in
                                     ("dd-latency-budget", "dd-scaling", "sd-fraud-detection")):
                for j, piece in enumerate(split_sentences(line)):      # as the speaker renders a line: piece by piece
                    synth.render(piece, Path(tmp) / f"{i + 1}-{j}.wav")
        return _minus(loaded, base), _minus(_status(), base)
    raise SystemExit(f"unknown component {component}")


def _minus(now: dict[str, int], base: dict[str, int]) -> dict[str, int]:
    out = {k: now[k] - base[k] for k in ("VmRSS", "RssAnon", "RssFile")}
    out["VmHWM"] = now["VmHWM"] - base["VmRSS"]
    return out


def measure() -> dict[str, Any]:
    """Each component in a fresh process: {component: {"loaded": ..., "used": ...}} in MB."""
    rows: dict[str, Any] = {}
    for name in COMPONENTS:
        out = subprocess.run([sys.executable, "-m", "coach.bench.memory", "--one", name],
                             capture_output=True, text=True, check=True)
        rows[name] = json.loads(out.stdout.strip().splitlines()[-1])
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m coach.bench.memory", description=__doc__)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--one", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        loaded, used = _use(args.one)
        print(json.dumps({"loaded": loaded, "used": used}))
        return 0
    rows = measure()
    if args.json:
        print(json.dumps(rows, indent=2))
        return 0
    print(f"{'component':<12} {'loaded MB':>10} {'used MB':>8} {'peak MB':>8} {'weights (file)':>15} {'buffers (anon)':>15}")
    for name, row in rows.items():
        used = row["used"]
        print(f"{name:<12} {row['loaded']['VmRSS']:>10} {used['VmRSS']:>8} {used['VmHWM']:>8} "
              f"{used['RssFile']:>15} {used['RssAnon']:>15}")
    print("python: the interpreter and the model libraries, imported; the others: added on top of it")
    return 0


if __name__ == "__main__":
    sys.exit(main())
