"""The hands-free end of turn with the audio model: the written pauses spoken, heard, and weighed with their words.

`python -m coach.eval.turn_ends_audio [--set dev ...] [--cache FILE] [--loso]` renders each written pause of
`tests/data/turn_ends` in the natural voice (Piper, steady), adds quiet room after it and asks the smart-turn
model at each point of the silence the microphone asks it (0.3 s, then every 0.3 s up to 1.2 s). The
words are the written ones, known at once (in the app they come from the tail transcribed in the silence).
The policy (`EndOfTurn.judged`, `answer_end.wait_s`) then says how long the pause may last before the turn
ends. It prints per set:

- early ends: pauses the policy ends before the silence rule (2.5 s); precision (labelled "end") and recall
  (of the real ends): a pause labelled "goes_on" that is ended early is a thinking pause cut short;
- at once: pauses ended by 0.5 s of silence, precision and recall; the real ends ended within 1 s, and the mean
  silence after a real end before the turn ends.

`--loso` fits the one threshold the policy has (the model's probability above which a verdict of "end" the
words are not sure of is taken sooner) on all sets but one and scores the one left out, for each set.
"""
from __future__ import annotations

import argparse
import json
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np

from coach.content import default_content
from coach.domain import Question
from coach.eval.turn_ends import load
from coach.ports import SAMPLE_RATE
from coach.streaming import answer_end
from coach.streaming.answer_end import question_kind
from coach.streaming.end_of_turn import ASK_EVERY_S, ASK_UNTIL_S, EndOfTurn

SETS = ("dev", "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7")
FIRST_ASK_S = 0.3                    # as the microphone asks (MicrophoneSource.ask_after_s) ...
# ... and again every ASK_EVERY_S up to ASK_UNTIL_S: 0.3, 0.6, 0.9, 1.2 s
ASKS_S = tuple(round(FIRST_ASK_S + k * ASK_EVERY_S, 2) for k in range(int(round((ASK_UNTIL_S - FIRST_ASK_S) / ASK_EVERY_S)) + 1))
BLOCK_S = 0.1


def probabilities(cases: list[dict[str, Any]], cache: Path | None = None) -> dict[str, list[float]]:
    """The model's probability at each of `ASKS_S` after each case's last word, by case id (cached by text)."""
    known: dict[str, list[float]] = json.loads(cache.read_text()) if cache is not None and cache.exists() else {}
    todo = [c for c in cases if c["text"] not in known]
    if todo:
        known.update(_heard(todo))
        if cache is not None:
            cache.write_text(json.dumps(known))
    return {c["id"]: known[c["text"]] for c in cases}


def _heard(cases: list[dict[str, Any]]) -> dict[str, list[float]]:
    from coach import models, services
    from coach.adapters.audio_io import decode_file
    from coach.adapters.tts import PiperSynth
    from coach.bench.answers import ROOM_NOISE_DBFS, trim

    model = services.build_turn_model()
    voice = PiperSynth(*models.packaged_files(models.manifest()["joe-medium"]), steady=True)
    rng = np.random.default_rng(0)
    out: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory(prefix="coach-turn-ends-") as tmp:
        for case in cases:
            speech = trim(decode_file(voice.render(case["text"], Path(tmp) / "pause.wav")))
            row = []
            for silence in ASKS_S:
                audio = np.concatenate([speech, np.zeros(int(silence * SAMPLE_RATE), np.float32)])
                audio += rng.normal(0, 10 ** (ROOM_NOISE_DBFS / 20), len(audio)).astype(np.float32)
                row.append(round(float(model.probability(audio)), 4))
            out[case["text"]] = row
    return out


def ended_after(text: str, kind: str, heard: list[float], silence_seconds: float = 2.0, again: bool = True,
                question: Question | None = None) -> float:
    """Seconds of silence after which the policy ends the turn (the silence rule's maximum at the latest),
    the model asked at `ASKS_S` (`again` False: at the first only) with the probabilities `heard`, the
    words known at once."""
    detector = EndOfTurn(silence_seconds, ask_after_s=ASKS_S[0], ask_every_s=ASKS_S[1] - ASKS_S[0] if again else None,
                         ask_until_s=ASKS_S[-1])
    detector.feed(-20.0, 1.0)
    asks = iter(heard)
    steps = int(round(detector.longest_s / BLOCK_S))
    for step in range(1, steps + 1):
        if detector.feed(-90.0, BLOCK_S):
            return round(step * BLOCK_S, 1)
        if detector.due and detector.judged(next(asks, 0.0), text, kind, question):
            return round(step * BLOCK_S, 1)
    return detector.longest_s


def score(rows: Iterable[tuple[str, float]], longest: float = 2.5, at_once: float = 0.5) -> dict[str, Any]:
    """(label, seconds the pause lasted before the turn ended) -> precision and recall of the early ends
    (before the silence rule) and of the ends taken at once."""
    rows = list(rows)
    ends = sum(label == "end" for label, _ in rows)

    def counts(limit: float) -> dict[str, Any]:
        taken = [label for label, after in rows if after < limit - 1e-9]
        right = sum(label == "end" for label in taken)
        return {"precision": right / len(taken) if taken else 1.0, "recall": right / ends if ends else 1.0,
                "false_ends": len(taken) - right}

    waits = sorted(after for label, after in rows if label == "end")
    return {"cases": len(rows), "ends": ends, "early": counts(longest), "at_once": counts(at_once + 0.05),
            "within_1s": counts(1.05), "end_wait_mean_s": round(sum(waits) / len(waits), 2) if waits else None}


def run(names: Iterable[str], cache: Path | None = None, again: bool = True) -> dict[str, dict[str, Any]]:
    """Per set, the scores of the policy as it stands (`again` False: the model asked once per silence)."""
    content = default_content()
    out: dict[str, dict[str, Any]] = {}
    for name in names:
        cases = load(name)
        heard = probabilities(cases, cache)
        rows = [(c["label"], ended_after(c["text"], question_kind(content.question(c["question"])), heard[c["id"]],
                                         again=again, question=content.question(c["question"]))) for c in cases]
        out[name] = score(rows)
    return out


def loso(names: list[str], cache: Path | None, grid: Iterable[float]) -> dict[str, dict[str, Any]]:
    """For each set: the threshold for an unsure "end" fitted on the others (the lowest with no pause ended
    early), and the left-out set scored with it."""
    grid = sorted(grid)
    by_threshold: dict[float, dict[str, dict[str, Any]]] = {}
    for threshold in grid:
        answer_end.UNSURE_END_PROBABILITY = threshold
        by_threshold[threshold] = run(names, cache)
    answer_end.UNSURE_END_PROBABILITY = answer_end.DEFAULT_UNSURE_END_PROBABILITY
    out = {}
    for left in names:
        fits = [t for t in grid if all(by_threshold[t][n]["early"]["false_ends"] == 0 for n in names if n != left)]
        chosen = fits[0] if fits else grid[-1]
        out[left] = {"threshold": chosen, **by_threshold[chosen][left]}
    return out


def _line(name: str, r: dict[str, Any]) -> str:
    e, a = r["early"], r["at_once"]
    return (f"{name}: {r['cases']} pauses, {r['ends']} real ends; ended before the silence rule: precision "
            f"{e['precision']:.0%} ({e['false_ends']} pauses), recall {e['recall']:.0%}; at once (0.5 s): precision "
            f"{a['precision']:.0%} ({a['false_ends']} pauses), recall {a['recall']:.0%}; within 1 s: recall "
            f"{r['within_1s']['recall']:.0%}; mean wait after a real end {r['end_wait_mean_s']:.2f} s")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m coach.eval.turn_ends_audio")
    ap.add_argument("--set", action="append", choices=SETS, help="a set of written pauses (default: all)")
    ap.add_argument("--cache", type=Path, help="keep the model's probabilities here (JSON, by text)")
    ap.add_argument("--loso", action="store_true", help="leave one set out: fit the threshold on the others")
    ap.add_argument("--once", action="store_true", help="ask the model once per silence (the policy before re-asking)")
    args = ap.parse_args(argv)
    names = args.set or list(SETS)
    if args.loso:
        for name, r in loso(names, args.cache, [0.5, 0.7, 0.9, 0.95, 0.98, 0.99, 0.995, 1.01]).items():
            print(f"threshold {r['threshold']:.2f} from the others; " + _line(name, r))
        return
    for name, r in run(names, args.cache, again=not args.once).items():
        print(_line(name, r))


if __name__ == "__main__":
    main()
