"""Atheris fuzz targets (benchmarks/fuzz.py), briefly, and the bugs they found, as regression tests.

The smoke test runs every target for a few hundred inputs; the full campaign is
`python benchmarks/fuzz.py --runs 20000` (figures in the README).
"""
from __future__ import annotations

import base64
import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from coach.adapters.store_sqlite import SQLiteStore
from coach.cli import main

ROOT = Path(__file__).resolve().parent.parent


def test_every_fuzz_target_runs_and_keeps_its_contract(tmp_path: Path) -> None:
    pytest.importorskip("atheris", reason="atheris is not installed (pip install -e '.[dev]' on Linux)")
    proc = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "fuzz.py"), "--runs", "150", "--json",
                           "--artifacts", str(tmp_path / "artifacts")],
                          cwd=ROOT, capture_output=True, text=True, timeout=240)
    results = json.loads(proc.stdout)
    assert [r["target"] for r in results] == ["audio", "bank", "rubric", "config", "scorer", "import"]
    for r in results:
        assert r["runs"] >= 150 and r["coverage"] > 0, r
        assert r["crashes"] == [] and r["exit"] == 0, (r, (tmp_path / "artifacts" / f"{r['target']}.log").read_text()[-3000:])
    assert proc.returncode == 0


# -- `coach import`: bugs the import target found ------------------------------------------------
WAV = base64.b64encode(b"RIFF\x24\x00\x00\x00WAVEfmt ").decode()


def _doc(session: dict, turns: list) -> dict:
    return {"format": "coach-session", "version": 1, "session": session, "turns": turns}


@pytest.fixture()
def target_db(tmp_path: Path) -> Path:
    db = tmp_path / "data" / "coach.db"
    store = SQLiteStore(db)
    store.start_session(id="kept", plan="drill")
    store.close()
    kept = db.parent / "audio" / "kept" / "001-answer.wav"
    kept.parent.mkdir(parents=True)
    kept.write_bytes(b"the kept session's recording")
    return db


def _state(db: Path) -> str:
    files = sorted(p for p in db.parent.rglob("*") if p.is_file() or p.is_dir())
    return hashlib.sha256(repr([(str(p.relative_to(db.parent)), p.read_bytes() if p.is_file() else b"")
                                for p in files]).encode()).hexdigest()


def _import_fails(db: Path, doc: dict, capsys: pytest.CaptureFixture[str], tmp_path: Path, expect: str) -> None:
    before = _state(db)
    path = tmp_path / "in.json"
    path.write_text(json.dumps(doc))
    assert main(["import", str(path), "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("coach: ") and err.count("\n") == 1 and expect in err, err
    assert _state(db) == before


@pytest.mark.parametrize("session, expect", [
    ({"id": {"a": 1}}, "malformed session id"),                  # was: sqlite3.ProgrammingError escaped
    ({"id": ["s"]}, "malformed session id"),
    ({"id": "a/b"}, "malformed session id"),                     # it names the session's audio folder
    ({"id": ".."}, "malformed session id"),
    ({"id": "s2", "overall": 10 ** 30}, "overall cannot be int"),  # was: OverflowError escaped
])
def test_import_rejects_a_malformed_session_in_one_line(target_db: Path, capsys, tmp_path: Path,
                                                         session: dict, expect: str) -> None:
    _import_fails(target_db, _doc(session, []), capsys, tmp_path, expect)


@pytest.mark.parametrize("turn, expect", [
    ({"idx": 2 ** 64, "speaker": "candidate"}, "idx cannot be int"),                       # was: OverflowError
    ({"idx": "1", "speaker": "candidate"}, "malformed turn"),
    ({"idx": 1, "speaker": "candidate", "duration_ms": -(2 ** 70)}, "duration_ms cannot be int"),
    ({"idx": 1, "speaker": "candidate", "audio_path": "audio/s2/a.wav", "audio_base64": 5},
     "damaged audio"),                                                                      # was: TypeError
    ({"idx": 1, "speaker": "candidate", "story_name": ["x"]}, "story name is not text"),
])
def test_import_rejects_a_malformed_turn_in_one_line(target_db: Path, capsys, tmp_path: Path,
                                                      turn: dict, expect: str) -> None:
    _import_fails(target_db, _doc({"id": "s2"}, [turn]), capsys, tmp_path, expect)


@pytest.mark.parametrize("audio_path", [
    "audio",                       # was: written as a FILE named audio/, so no answer could be recorded again
    "audio/",
    "audio/s2",
    "audio/s2/x/y.wav",
    "audio/s2/a\x00b.wav",         # was: ValueError (embedded null byte) escaped
    "audio/kept/001-answer.wav",   # was: overwrote another session's recording
])
def test_import_writes_audio_only_into_its_own_session_folder(target_db: Path, capsys, tmp_path: Path,
                                                              audio_path: str) -> None:
    turn = {"idx": 1, "speaker": "candidate", "text": "hi", "audio_path": audio_path, "audio_base64": WAV}
    _import_fails(target_db, _doc({"id": "s2"}, [turn]), capsys, tmp_path, "audio path outside")
    assert (target_db.parent / "audio").is_dir()
    assert (target_db.parent / "audio" / "kept" / "001-answer.wav").read_bytes() == b"the kept session's recording"


def test_a_failed_import_leaves_no_audio_behind(target_db: Path, capsys, tmp_path: Path) -> None:
    turns = [{"idx": 1, "speaker": "candidate", "audio_path": "audio/s2/001-answer.wav", "audio_base64": WAV},
             {"idx": 1, "speaker": "candidate"}]            # the same idx twice: the insert fails
    _import_fails(target_db, _doc({"id": "s2"}, turns), capsys, tmp_path, "UNIQUE constraint")
    assert not (target_db.parent / "audio" / "s2").exists()


def test_a_good_import_with_audio_still_works(target_db: Path, capsys, tmp_path: Path) -> None:
    path = tmp_path / "in.json"
    turns = [{"idx": 0, "speaker": "interviewer", "text": "Tell me about a conflict.", "kind": "question"},
             {"idx": 1, "speaker": "candidate", "text": "hi", "audio_path": "audio/s2/001-answer.wav",
              "audio_base64": WAV, "segments": [{"start": 0, "end": 1, "text": "hi"}], "overall": 3.5}]
    path.write_text(json.dumps(_doc({"id": "s2", "overall": 3.5, "plan": "drill"}, turns)))
    assert main(["import", str(path), "--db", str(target_db)]) == 0
    assert (target_db.parent / "audio" / "s2" / "001-answer.wav").read_bytes() == base64.b64decode(WAV)
