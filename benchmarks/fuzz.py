"""Coverage-guided fuzzing (atheris, libFuzzer) of everything that parses outside input.

Usage:
  python benchmarks/fuzz.py [--runs 20000] [--json] [TARGET ...]    every target (or those named), one process each
  python benchmarks/fuzz.py --target NAME [libFuzzer flags ...]     one target, e.g. -runs=500 or -max_total_time=60

Targets (one per parser a user's file reaches):
  audio    coach.adapters.audio_io.decode_file on any bytes (seeds: tiny wav, flac, ogg, mp3)
  bank     a user question bank TOML through the content loader (next to the shipped banks)
  rubric   a user rubric TOML through the content loader
  config   config.toml through coach.config.load_settings
  scorer   coach.scoring.score_answer on any text, with and without a round
  import   `coach import FILE` on any bytes (seed: a real export with embedded audio; a JSON-aware
           mutator changes one node of the document at a time, or its raw bytes)

The contract every target asserts: the input is accepted, or a CoachError subclass with a one-line
message and hint escapes (the CLI prints it on one line, the app as a notification); any other
exception is a crash, and so is an input that takes more CPU time than the target's bound
(BOUND_S: 5 s for audio and import, 2 s for content and the scorer, 1 s for config). libFuzzer keeps
each crashing input in the artifacts folder (`--artifacts`, default a temp folder) with its traceback.
The coach package and the pure-Python TOML parser (tomllib) are instrumented, so new
branches there guide the mutations; FFmpeg is native and not instrumented (its seeds do the work).
Exits 1 when a target found a crash.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

TARGETS = ("audio", "bank", "rubric", "config", "scorer", "import")
BOUND_S = {"audio": 5.0, "bank": 2.0, "rubric": 2.0, "config": 1.0, "scorer": 2.0, "import": 5.0}
MAX_LEN = {"audio": 8192, "bank": 4096, "rubric": 4096, "config": 2048, "scorer": 4096, "import": 8192}


class ContractBroken(AssertionError):
    """The target's contract does not hold for this input."""


# -- seeds ----------------------------------------------------------------------------------
USER_BANK = '''[[question]]
id = "my-ranking-story"
round = "deep-dive"
levels = ["staff"]
prompt = "Tell me about the ranking system you rebuilt last year."
assesses = "Depth on one owned system."
talking_points = ["Scale", "Decisions"]
keywords = [["qps", "users"], ["chose", "alternative"]]
[[question.followup]]
gap = "no_numbers"
text = "How much traffic did the system serve at peak?"
[[question.followup]]
gap = "we_not_i"
text = "Which decisions in the rebuild were yours?"
'''
CONFIG = '''llm = "smollm2-135m"
stt_model = "tiny-en"
voice = ""
rate = 175
silence_seconds = 2.0
input_device = ""
mode = "practice"
level = "senior"
'''
ANSWERS = (
    "When our fraud model was retrained by hand, I owned automating it. I built a weekly pipeline and "
    "fraud losses dropped by 30% in a quarter.",
    "We serve 10 million users at 20 requests a day, about 2,000 QPS at peak, so 50 ms p99 and 10 TB of features.",
    "um so like we I don't know, we kind of did the thing and it was fine I guess",
    "A 7B model in fp16 is 14 GB; on 8 GPUs at $2 an hour that is $40,000 a month. I chose distillation instead.",
)


def _seed_audio(folder: Path) -> None:
    import numpy as np
    import soundfile

    t = np.linspace(0, 0.1, 1600, dtype=np.float32)
    tone = (0.3 * np.sin(2 * np.pi * 440 * t)).astype(np.float32)
    soundfile.write(folder / "a.wav", tone, 16000, subtype="PCM_16")
    soundfile.write(folder / "b.wav", np.stack([tone, tone], 1), 44100, subtype="FLOAT")
    soundfile.write(folder / "c.flac", tone, 22050)
    soundfile.write(folder / "d.ogg", tone, 16000, format="OGG", subtype="VORBIS")
    try:
        soundfile.write(folder / "e.mp3", tone, 16000, format="MP3")
    except (soundfile.LibsndfileError, ValueError, TypeError):    # an older libsndfile writes no mp3
        pass


def _seed_import(folder: Path) -> None:
    import base64
    import io

    import numpy as np
    import soundfile

    from coach.commands.export import FORMAT, VERSION

    wav = io.BytesIO()
    soundfile.write(wav, np.zeros(160, np.float32), 16000, format="WAV", subtype="PCM_16")
    doc = {"format": FORMAT, "version": VERSION,
           "session": {"id": "s1", "started_at": "2026-01-01T10:00:00", "plan": "drill", "round": "behavioral",
                       "level": "senior", "mode": "practice", "status": "completed", "overall": 3.2},
           "turns": [{"idx": 0, "speaker": "interviewer", "text": "Tell me about a conflict.", "kind": "question",
                      "question_id": "bh-disagreement"},
                     {"idx": 1, "speaker": "candidate", "text": ANSWERS[0], "kind": "answer",
                      "question_id": "bh-disagreement", "audio_path": "audio/s1/001-answer.wav",
                      "segments": [{"start": 0.0, "end": 2.0, "text": ANSWERS[0]}], "scores": {"overall": 3.2},
                      "audio_base64": base64.b64encode(wav.getvalue()).decode()}]}
    (folder / "export.json").write_text(json.dumps(doc))
    (folder / "empty-turns.json").write_text(json.dumps({**doc, "turns": []}))


def write_seeds(target: str, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    if target == "audio":
        _seed_audio(folder)
    elif target == "bank":
        (folder / "bank.toml").write_text(USER_BANK)
    elif target == "rubric":
        shutil.copy(ROOT / "rubrics" / "rubrics" / "behavioral.toml", folder / "behavioral.toml")
        shutil.copy(ROOT / "rubrics" / "rubrics" / "system-design.toml", folder / "system-design.toml")
    elif target == "config":
        (folder / "config.toml").write_text(CONFIG)
    elif target == "scorer":
        for i, text in enumerate(ANSWERS):
            (folder / f"answer{i}.txt").write_text(text)
    elif target == "import":
        _seed_import(folder)
    return folder


# -- the targets ----------------------------------------------------------------------------
def _scratch() -> Path:
    base = Path("/dev/shm") if Path("/dev/shm").is_dir() and os.access("/dev/shm", os.W_OK) else None
    return Path(tempfile.mkdtemp(prefix="coach-fuzz-", dir=base))


def make_target(name: str) -> Callable[[bytes], None]:
    """The function libFuzzer calls with each input (the coach modules are imported by the caller)."""
    from coach.errors import CoachError

    scratch = _scratch()
    bound = BOUND_S[name]

    def contract(run: Callable[[], object]) -> None:
        started = time.process_time()      # CPU time: a busy machine's scheduling is not the input's cost
        try:
            run()
        except CoachError as exc:
            line = exc.one_line()
            if not exc.message.strip() or "\n" in exc.message or "\n" in exc.hint:
                raise ContractBroken(f"a {type(exc).__name__} whose message is not one line: {line!r}") from exc
        elapsed = time.process_time() - started
        if elapsed > bound:
            raise ContractBroken(f"an input took {elapsed:.2f} s of CPU, more than the {bound} s bound")

    if name == "audio":
        from coach.adapters.audio_io import decode_file

        path = scratch / "answer.audio"

        def audio(data: bytes) -> None:
            path.write_bytes(data)

            def run() -> None:
                samples = decode_file(path)
                if samples.dtype.name != "float32" or samples.ndim != 1 or not samples.size:
                    raise ContractBroken(f"decoded to {samples.dtype} {samples.shape}")
                if float(abs(samples).max()) > 1.0:
                    raise ContractBroken("decoded samples outside [-1, 1]")
            contract(run)
        return audio

    if name in ("bank", "rubric"):
        from coach.content import loader

        shipped = loader.load_content(extra_question_dirs=[])
        path = scratch / ("mine.toml" if name == "bank" else "behavioral.toml")

        def content(data: bytes) -> None:
            path.write_bytes(data)

            def run() -> None:
                if name == "bank":
                    into = dict(shipped.questions)          # a user bank sits next to the shipped ones
                    loader._load_bank(path, "questions/mine.toml", into)
                    for q in into.values():
                        if not q.id or q.round not in shipped.rounds:
                            raise ContractBroken(f"loaded a question with id {q.id!r} in round {q.round!r}")
                else:
                    rubric = loader._load_rubric(path, "rubrics/behavioral.toml")
                    if abs(sum(d.weight for d in rubric.dimensions) - 1.0) > 0.011:
                        raise ContractBroken("loaded a rubric whose weights do not sum to 1")
            contract(run)
        return content

    if name == "config":
        from coach.config import Settings, load_settings

        path = scratch / "config.toml"

        def config(data: bytes) -> None:
            path.write_bytes(data)

            def run() -> None:
                settings = load_settings(path)
                if not isinstance(settings, Settings):
                    raise ContractBroken(f"load_settings returned {settings!r}")
                settings.validate()
            contract(run)
        return config

    if name == "scorer":
        from coach.content import default_content
        from coach.domain import Transcript, Segment
        from coach.scoring import Scorecard, score_answer

        content_ = default_content()
        questions = [content_.question(q) for q in sorted(content_.questions)[:: max(1, len(content_.questions) // 8)]]

        def scorer(data: bytes) -> None:
            import atheris

            fdp = atheris.FuzzedDataProvider(data)
            pick = fdp.ConsumeIntInRange(0, len(questions))
            as_segments = fdp.ConsumeBool()
            text = fdp.ConsumeUnicodeNoSurrogates(fdp.remaining_bytes())
            question = questions[pick - 1] if pick else None

            def run() -> None:
                answer: Transcript | str = text
                if as_segments:
                    words = text.split()
                    answer = Transcript(text="", duration_s=float(len(words)) / 2.5,
                                        segments=tuple(Segment(i * 0.4, i * 0.4 + 0.4, w) for i, w in enumerate(words)))
                card = score_answer(answer, question=question,
                                    round_spec=content_.round(question.round) if question else None,
                                    rubric=content_.rubrics.get(question.round) if question else None)
                d = card.to_dict()
                if not 0.0 <= d["overall"] <= 5.0 or any(not 0.0 <= x["score"] <= 5.0 for x in d["dimensions"]):
                    raise ContractBroken(f"a score outside 0..5: {d['overall']}")
                if Scorecard.from_dict(json.loads(json.dumps(d))).to_dict() != d:
                    raise ContractBroken("the scorecard does not survive a JSON round trip")
            contract(run)
        return scorer

    if name == "import":
        import contextlib
        import io

        from coach.commands.export import run_import

        path = scratch / "in.json"
        db = scratch / "data" / "coach.db"

        def import_(data: bytes) -> None:
            path.write_bytes(data)

            def run() -> None:
                with contextlib.redirect_stdout(io.StringIO()):
                    run_import(argparse.Namespace(file=str(path), db=str(db)))
            contract(run)
        return import_

    raise SystemExit(f"unknown target {name!r}; targets: {', '.join(TARGETS)}")


SQL_KEYS = ("id", "idx", "speaker", "kind", "text", "audio_path", "audio_base64", "segments", "scores", "overall",
            "story_name", "started_at", "status", "duration_ms", "session", "turns", "format", "version")


def json_mutator(data: bytes, max_size: int, seed: int) -> bytes:
    """Structure-aware mutations for the import file: change one node of the JSON, or its bytes."""
    import random

    import atheris

    rng = random.Random(seed)
    try:
        doc = json.loads(data)
    except (ValueError, UnicodeDecodeError, RecursionError):
        doc = None
    if doc is None or rng.random() < 0.2:
        return atheris.Mutate(data, max_size)
    nodes: list[tuple[object, object]] = []          # (container, key) pairs

    def walk(node: object, depth: int = 0) -> None:
        if depth > 6:
            return
        items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
        for key, child in items:
            nodes.append((node, key))
            walk(child, depth + 1)
    walk(doc)
    values = [None, True, 0, -1, 2 ** 63, -(2 ** 64), 1e308, "", "audio", "audio/", "../x", "a\x00b", "\u2028",
              "x" * 300, [], {}, [1, [2]], {"id": "s"}, "audio/s1/../../evil.wav", "AAAA", "%%%"]
    if not nodes:
        return json.dumps(rng.choice(values + [{"format": "coach-session", "version": 1}])).encode()[:max_size]
    container, key = rng.choice(nodes)
    action = rng.random()
    if action < 0.45:
        container[key] = rng.choice(values)                              # type: ignore[index]
    elif action < 0.6 and isinstance(container, dict):
        del container[key]
    elif action < 0.75 and isinstance(container, dict):
        container[rng.choice(SQL_KEYS)] = container[key]
    elif action < 0.85 and isinstance(container, list):
        container.append(container[key])                                 # type: ignore[index]
    else:
        raw = json.dumps(container[key]).encode()                         # type: ignore[index]
        try:
            container[key] = json.loads(atheris.Mutate(raw, max(len(raw) * 2, 16)))  # type: ignore[index]
        except (ValueError, UnicodeDecodeError, RecursionError):
            pass
    out = json.dumps(doc).encode()
    return out if len(out) <= max_size else atheris.Mutate(data, max_size)


def fuzz_one(name: str, libfuzzer_args: list[str]) -> None:
    """Run one target in this process under libFuzzer (which exits the process when done)."""
    import atheris

    with atheris.instrument_imports(include=["coach", "tomllib"]):
        import tomllib  # noqa: F401

        import coach.adapters.audio_io  # noqa: F401
        import coach.commands.export  # noqa: F401
        import coach.config  # noqa: F401
        import coach.content.loader  # noqa: F401
        import coach.scoring  # noqa: F401
    target = make_target(name)
    try:                   # the first call pays for lazy imports (PyAV, the scorer's tables): not the input's time
        target(b"")
    except ContractBroken:
        pass
    flags = [f"-max_len={MAX_LEN[name]}", f"-timeout={max(60, int(BOUND_S[name] * 10))}"]   # wall clock: a hang, not a slow input
    mutator = {"custom_mutator": json_mutator} if name == "import" else {}
    atheris.Setup([sys.argv[0], *flags, *libfuzzer_args], target, **mutator)
    atheris.Fuzz()


# -- the campaign ---------------------------------------------------------------------------
DONE = re.compile(r"Done (\d+) runs in (\d+) second")
STAT = re.compile(r"#(\d+)\s+(?:DONE|pulse|NEW|REDUCE|INITED)\s+cov: (\d+) ft: (\d+)")


def campaign(name: str, runs: int, work: Path, artifacts: Path, max_time: int | None) -> dict[str, object]:
    corpus = write_seeds(name, work / name / "corpus")
    seeds = len(list(corpus.iterdir()))
    out = artifacts / name
    out.mkdir(parents=True, exist_ok=True)
    cmd = [sys.executable, str(Path(__file__).resolve()), "--target", name, f"-runs={runs}",
           f"-artifact_prefix={out}/", "-print_final_stats=1", str(corpus)]
    if max_time:
        cmd.insert(-1, f"-max_total_time={max_time}")
    started = time.monotonic()
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": "0"})
    wall = time.monotonic() - started
    log = proc.stdout + proc.stderr
    (artifacts / f"{name}.log").write_text(log)
    done = DONE.search(log)
    stats = STAT.findall(log)
    crashes = sorted(p.name for p in out.iterdir())
    return {"target": name, "runs": int(done.group(1)) if done else (int(stats[-1][0]) if stats else 0),
            "seconds": round(wall, 1), "exit": proc.returncode, "coverage": int(stats[-1][1]) if stats else 0,
            "seeds": seeds, "corpus": len(list(corpus.iterdir())), "crashes": crashes,
            "error": "" if proc.returncode == 0 else _first_error(log)}


def _first_error(log: str) -> str:
    for line in log.splitlines():
        if "Error" in line or "ContractBroken" in line or "Uncaught" in line or "==ERROR" in line:
            return line.strip()[:300]
    return log.strip().splitlines()[-1][:300] if log.strip() else "no output"


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["--target"] and len(argv) >= 2:
        fuzz_one(argv[1], argv[2:])
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("targets", nargs="*", default=[], metavar="TARGET",
                        help=f"targets to run (default: all of {', '.join(TARGETS)})")
    parser.add_argument("--runs", type=int, default=20000, help="inputs per target (default 20000)")
    parser.add_argument("--max-time", type=int, default=None, metavar="S", help="also stop each target after S seconds")
    parser.add_argument("--artifacts", type=Path, default=None, help="keep crashing inputs and logs here")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    unknown = [t for t in args.targets if t not in TARGETS]
    if unknown:
        parser.error(f"unknown target {unknown[0]!r}; targets: {', '.join(TARGETS)}")
    try:
        import atheris  # noqa: F401
    except ImportError:
        print("atheris is not installed: pip install atheris (Linux, Python 3.11)", file=sys.stderr)
        return 2
    results = []
    with tempfile.TemporaryDirectory(prefix="coach-fuzz-") as tmp:
        artifacts = args.artifacts or Path(tmp) / "artifacts"
        artifacts.mkdir(parents=True, exist_ok=True)
        for name in args.targets or TARGETS:
            result = campaign(name, args.runs, Path(tmp), artifacts, args.max_time)
            results.append(result)
            print(f"{name}: {result['runs']} runs in {result['seconds']} s, coverage {result['coverage']}, "
                  f"corpus {result['seeds']} -> {result['corpus']}, crashes {len(result['crashes'])}"
                  + (f" ({result['error']})" if result["error"] else ""), file=sys.stderr, flush=True)
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        total = sum(int(r["runs"]) for r in results)
        print(f"targets: {len(results)}; executions: {total}; crashes: {sum(len(r['crashes']) for r in results)}")
        for r in results:
            print(f"  {r['target']:<7} {r['runs']:>7} runs  {r['seconds']:>6.1f} s  coverage {r['coverage']:>5}  "
                  f"crashes {len(r['crashes'])}{'  ' + r['error'] if r['error'] else ''}")
    return 1 if any(r["crashes"] or r["exit"] for r in results) else 0


if __name__ == "__main__":
    raise SystemExit(main())
