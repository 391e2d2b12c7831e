"""Kill a real headless interview with SIGKILL at random moments; check that nothing finished was lost.

Usage: python benchmarks/crash_kill.py [--runs 100] [--max-delay 15] [--seed 0]

Each run starts `python -m coach interview --headless --realtime --silent` on three espeak-ng
answers, in a fresh data dir, and kills it after a random delay. Then it checks that:
- the database opens with the app's own store and `PRAGMA integrity_check` says ok;
- every turn the process printed as saved is in the database (a lost finished turn otherwise);
- every answer row is complete: transcript, segments, scores and a readable WAV;
- every answer WAV on disk decodes, and the one being recorded at the kill lost little audio:
  the samples on disk beyond the WAV header's count, plus the time since its last flush.
`--realtime` plays the answers at speaking pace, the way a microphone delivers them.
"""
from __future__ import annotations

import argparse
import os
import random
import re
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

ANSWERS = (
    "I rebuilt our fraud model retraining pipeline and losses dropped by thirty percent.",
    "I wrote the backfill job myself and added validation checks before each release.",
    "We measured latency every week and kept the budget under fifty milliseconds.",
)
SAVED = re.compile(r"^\s+(\d+) (interviewer|candidate)\b", re.M)


def make_answers(folder: Path) -> list[Path]:
    """Three short spoken answers rendered with espeak-ng."""
    paths = []
    for i, text in enumerate(ANSWERS):
        path = folder / f"answer{i}.wav"
        subprocess.run(["espeak-ng", "-v", "en-us", "-s", "160", "-w", str(path), text],
                       check=True, capture_output=True)
        paths.append(path)
    return paths


def kill_once(answers: list[Path], work: Path, delay: float, wait_for: str | None = None,
              before_kill: Callable[[], Any] | None = None) -> dict:
    """Run one interview in `work`, SIGKILL it `delay` s after start (or after `wait_for` is printed);
    `before_kill` runs just before the kill, while the interview is still going."""
    db = work / "data" / "coach.db"
    env = {**os.environ, "COACH_HOME": str(work / "home"), "PYTHONUNBUFFERED": "1"}
    log = work / "stdout.txt"
    cmd = [sys.executable, "-m", "coach", "interview", "--headless", "--realtime", "--silent",
           "--seed", "1", "--answers", *map(str, answers), "--db", str(db)]
    with open(log, "wb") as out:
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=out, stderr=subprocess.DEVNULL)
        started = time.monotonic()
        if wait_for is not None:
            while wait_for not in log.read_text(errors="replace") and proc.poll() is None:
                if time.monotonic() - started > 120:
                    break
                time.sleep(0.05)
            started = time.monotonic()
        while proc.poll() is None and time.monotonic() - started < delay:
            time.sleep(0.02)
        during = before_kill() if before_kill is not None and proc.poll() is None else None
        finished = proc.poll() is not None
        killed_at = time.time()
        if not finished:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    return {"finished": finished, "during": during, **check(db, log.read_text(errors="replace"), killed_at, answers)}


def _wav_figures(path: Path) -> tuple[int, int] | None:
    """(frames the header declares, frames of data on disk), or None when unreadable."""
    import soundfile

    from coach.adapters.audio_io import decode_file
    from coach.errors import AudioError

    try:
        declared = soundfile.info(str(path)).frames
        decode_file(path)
    except (RuntimeError, AudioError):   # soundfile raises LibsndfileError, a RuntimeError
        return None
    return declared, max(0, (path.stat().st_size - 44) // 2)


def check(db: Path, printed: str, killed_at: float, answers: list[Path]) -> dict:
    """What a kill left behind in `db` and its audio folder (see the module docstring)."""
    import soundfile

    from coach.adapters.store_sqlite import SQLiteStore
    from coach.errors import StoreError

    result = {"opens": True, "integrity": True, "lost_turns": 0, "incomplete": 0, "unreadable_wavs": 0,
              "audio_lost_s": 0.0, "turns": 0, "status": None}
    if db.exists():
        try:
            store = SQLiteStore(db)
        except StoreError:
            return {**result, "opens": False, "integrity": False}
        try:
            result["integrity"] = store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            sessions = store.sessions()
            if sessions:
                session = sessions[0]
                result["status"] = session["status"]
                turns = store.turns(session["id"])
                result["turns"] = len(turns)
                saved = {int(i) for i, _ in SAVED.findall(printed)}
                result["lost_turns"] = len(saved - {t["idx"] for t in turns})
                for t in turns:
                    if t["speaker"] == "candidate":
                        wav = db.parent / t["audio_path"] if t["audio_path"] else None
                        if not (t["text"] and t["segments"] and t["scores"] and wav and _wav_figures(wav)):
                            result["incomplete"] += 1
                    elif not t["text"]:
                        result["incomplete"] += 1
        finally:
            store.close()
    lengths = [soundfile.info(str(a)).duration for a in answers]
    for n, wav in enumerate(sorted((db.parent / "audio").glob("*/*.wav"))):
        figures = _wav_figures(wav)
        if figures is None:
            result["unreadable_wavs"] += 1
            continue
        declared, on_disk = figures
        lost = (on_disk - declared) / 16000
        if n < len(lengths) and declared / 16000 < lengths[n] - 0.05:   # still recording at the kill
            lost += max(0.0, killed_at - wav.stat().st_mtime)
        result["audio_lost_s"] = max(result["audio_lost_s"], lost)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=100)
    parser.add_argument("--max-delay", type=float, default=15.0, help="kill within this many seconds of start")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    totals = {"integrity failures": 0, "databases that did not open": 0, "lost finished turns": 0,
              "incomplete turn rows": 0, "unreadable answer wavs": 0}
    max_lost, interrupted, finished, saved_turns = 0.0, 0, 0, []
    with tempfile.TemporaryDirectory(prefix="crash-kill-") as tmp:
        answers = make_answers(Path(tmp))
        for run in range(args.runs):
            work = Path(tmp) / f"run{run:03d}"
            work.mkdir()
            r = kill_once(answers, work, rng.uniform(0.2, args.max_delay))
            totals["integrity failures"] += not r["integrity"]
            totals["databases that did not open"] += not r["opens"]
            totals["lost finished turns"] += r["lost_turns"]
            totals["incomplete turn rows"] += r["incomplete"]
            totals["unreadable answer wavs"] += r["unreadable_wavs"]
            max_lost = max(max_lost, r["audio_lost_s"])
            interrupted += r["status"] == "in_progress"
            finished += r["finished"]
            saved_turns.append(r["turns"])
            print(f"run {run + 1}/{args.runs}: {r}", file=sys.stderr, flush=True)
    print(f"runs: {args.runs} (killed {args.runs - finished}, finished before the kill {finished})")
    print(f"sessions left in_progress (interrupted, detectable): {interrupted}")
    print("turns saved at the kill: " + ", ".join(f"{n}: {saved_turns.count(n)}" for n in sorted(set(saved_turns))))
    for name, value in totals.items():
        print(f"{name}: {value}")
    print(f"max audio lost by a kill: {max_lost:.2f} s")
    bad = sum(totals.values()) or max_lost > 1.0
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
