"""`coach doctor`: what works on this machine and what does not, with the fix for each."""
from __future__ import annotations

import argparse
import os
import shutil
from collections.abc import Callable
from pathlib import Path

from coach.errors import CoachError, ModelNotInstalledError


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("doctor", parents=[common], help="check models, speech, audio devices and the data dir",
                       description="Check every part the coach needs and say how to fix what is missing.")
    p.add_argument("--load", action="store_true", help="also load each model (slower, proves the files are sound)")
    p.set_defaults(func=run)


def _size(path: Path) -> str:
    total = path.stat().st_size if path.is_file() else sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
    return f"{total / 1e6:.0f} MB"


def _models(load: bool) -> list[tuple[bool | None, str, str]]:
    """One line per manifest model; an optional model (an extra) that is not installed is no failure."""
    from coach import models

    out: list[tuple[bool | None, str, str]] = []
    for entry in models.manifest().values():
        tag = " (default)" if entry.default else f" (optional: coach[{entry.extra}])" if entry.extra else ""
        label = f"{entry.kind} model {entry.name}{tag}"
        try:
            path, _ = models.resolve(entry.kind, entry.name)
            if load:
                from coach import services

                if entry.kind == "stt":
                    services.build_transcriber(entry.name)
                elif entry.kind == "llm":
                    services.build_interviewer(entry.name)
                elif entry.kind == "turn":
                    services.build_turn_model()
                else:
                    services.build_synth("piper")
            elif entry.kind == "llm":
                models.check_gguf(path)
            out.append((True, label, f"{path} ({_size(path)})"))
        except ModelNotInstalledError as exc:
            out.append((None if entry.extra else False, label, exc.one_line()))
        except CoachError as exc:
            out.append((False, label, exc.one_line()))
    return out


def _espeak() -> tuple[bool, str, str]:
    from coach.adapters.tts import espeak_available

    ok = espeak_available()
    return ok, "speech (espeak-ng)", shutil.which("espeak-ng") or "found" if ok else "missing: apt-get install espeak-ng, or use --silent"


def _devices() -> list[tuple[bool, str, str]]:
    try:
        import sounddevice as sd
    except OSError:
        return [(False, "PortAudio", "missing: apt-get install libportaudio2; answer from files or by typing meanwhile")]
    devices = sd.query_devices()
    inputs = [d["name"] for d in devices if d["max_input_channels"] > 0]
    outputs = [d["name"] for d in devices if d["max_output_channels"] > 0]
    return [
        (True, "PortAudio", sd.get_portaudio_version()[1]),
        (bool(inputs), "input devices", ", ".join(inputs) or "none: answer from audio files (--answers) or type answers in the app"),
        (bool(outputs), "output devices", ", ".join(outputs) or "none: use --speak-to DIR or --silent"),
    ]


def _data_dir(db: str | None) -> tuple[bool, str, str]:
    from coach import paths

    folder = Path(db).expanduser().resolve().parent if db else paths.data_dir()
    ok = folder.is_dir() and os.access(folder, os.W_OK)
    return ok, "data dir writable", str(folder) if ok else f"{folder} is not writable: set COACH_HOME or pass --db"


def run(args: argparse.Namespace) -> int:
    checks: list[tuple[bool | None, str, str]] = []
    steps: list[Callable[[], object]] = [lambda: _models(args.load), _espeak, _devices, lambda: _data_dir(args.db)]
    for step in steps:
        result = step()
        checks.extend(result if isinstance(result, list) else [result])
    for ok, label, detail in checks:
        print(f"{'ok  ' if ok else '--  ' if ok is None else 'FAIL'} {label}: {detail}")
    core = [c for c in checks if c[1].endswith("(default)") or c[1].startswith("data dir")]
    return 0 if all(ok for ok, _, _ in core) else 1
