"""The primed final pass and the voice forced to meet: does a line said while the pass decodes stack the two
working sets, and what does the gate between them cost the line?

`python -m coach.bench.overlap [--json] [--runs N]` runs, each in a fresh process, with the gate and without
it (a line rendered at once, as before), alternating: Whisper and Piper loaded and warmed up, a 60-second
answer's primed pass started, and the moment its first piece decodes, an interviewer line of two sentences is
queued to be said (nothing rendered ahead: the worst case for the line). Reported per run: the process's peak
resident memory over what it held before the pass (MiB), whether a render ran beside a piece of the pass
(deterministic, from the two threads' own spans), the line's first sentence ready to play (ms after it was
queued: its first audio), the whole line rendered, and the silence the listener would hear between its
sentences (the second not ready when the first has played).
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

LINE = ("That makes sense, and the shadow test is a good place to start. "
        "How did you decide the cache could hold a full day of traffic without the index going stale?")


def _spans(obj: Any, name: str, spans: list[tuple[float, float]]) -> None:
    """Record the (start, end) of every call of `obj.name`."""
    inner = getattr(obj, name)

    def timed(*args: Any, **kw: Any) -> Any:
        started = time.perf_counter()
        try:
            return inner(*args, **kw)
        finally:
            spans.append((started, time.perf_counter()))
    setattr(obj, name, timed)


def _overlap_s(a: list[tuple[float, float]], b: list[tuple[float, float]]) -> float:
    return sum(max(0.0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def one(gate: bool) -> dict[str, Any]:
    """One forced meeting in this process (see the module's docstring)."""
    import random
    import tempfile

    from coach import services
    from coach.adapters import heap
    from coach.adapters.tts import split_sentences
    from coach.bench import memwatch
    from coach.bench.answers import make_answer
    from coach.content import default_content
    from coach.eval.speech_sets import renderer
    from coach.interview.final_pass import primed_transcript
    from coach.streaming.glossary import glossary_for
    from coach.adapters.whisper_stt import glossary_terms

    answer = make_answer(renderer("espeak"), 0, 60.0, random.Random(7)).audio
    transcriber = services.build_transcriber(None)
    synth = services.build_synth("piper")
    question = default_content().question("dd-latency-budget")
    if not gate:
        heap.wait_for_pass = lambda *a, **kw: True      # as before the gate
    with tempfile.TemporaryDirectory(prefix="coach-overlap-") as tmp:
        folder = Path(tmp)
        live = transcriber.transcribe(answer)            # the live transcript the pass is cut by (and warm-up)
        synth.render("Warm up.", folder / "warm.wav")
        hotwords = glossary_for(glossary_terms(), question.prompt, heard=live.text)
        pieces: list[tuple[float, float]] = []
        renders: list[tuple[float, float]] = []
        _spans(transcriber, "_transcribe", pieces)
        _spans(synth, "_write", renders)
        heap.give_back()
        time.sleep(0.5)
        base = memwatch.rss_mb()
        memwatch.reset_peak()
        passing = threading.Thread(target=primed_transcript, args=(transcriber, answer, live.segments,
                                                                  question.prompt, hotwords), daemon=True)
        passing.start()
        while not heap.active("pass"):
            time.sleep(0.005)
        time.sleep(0.1)                                   # the piece is decoding
        queued = time.perf_counter()
        jobs = [synth.submit(s, folder / f"line-{i}.wav") for i, s in enumerate(split_sentences(LINE))]
        said = jobs[0].result(timeout=120)
        first = time.perf_counter() - queued
        ready = [first]
        for job in jobs[1:]:
            job.result(timeout=120)
            ready.append(time.perf_counter() - queued)
        plays_until = first + _seconds(said)       # a silence in the line if the next sentence is not ready by then
        passing.join(timeout=300)
        return {"gate": "on" if gate else "off", "peak_over_base_mb": memwatch.hwm_mb() - base, "base_mb": base,
                "overlap_s": round(_overlap_s(pieces, renders), 2), "pieces": len(pieces),
                "first_audio_ms": round(first * 1000), "line_rendered_ms": round(ready[-1] * 1000),
                "silence_in_line_ms": round(max(0.0, ready[1] - plays_until) * 1000) if len(ready) > 1 else 0}


def _seconds(wav: Path) -> float:
    import wave

    with wave.open(str(wav)) as fh:
        return float(fh.getnframes()) / fh.getframerate()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m coach.bench.overlap", description=__doc__)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--runs", type=int, default=1, help="meetings per setting, alternating (default 1)")
    parser.add_argument("--one", choices=("on", "off"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(one(args.one == "on")))
        return 0
    rows = []
    for _ in range(args.runs):
        for setting in ("off", "on"):
            out = subprocess.run([sys.executable, "-m", "coach.bench.overlap", "--one", setting],
                                 capture_output=True, text=True, check=True)
            rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
            if not args.json:
                print(rows[-1], flush=True)
    if args.json:
        print(json.dumps(rows, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
