"""Memory: the primed final pass does not decode beside the voice's render (the two working sets
at once took the process over 1 GB), while the live transcriber never waits for the voice; and
freed buffers go back to the system (real faster-whisper, real espeak-ng)."""
from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

import numpy as np

from coach.adapters import heap, tts
from coach.adapters.audio_io import decode_file
from tests.conftest import speak_to_wav


def _timed_synth() -> tuple[tts.SpeechSynth, list[tuple[float, float]]]:
    spans: list[tuple[float, float]] = []
    synth = tts.SpeechSynth()
    write = synth._write

    def timed(engine: Any, text: str, path: Path) -> None:
        started = time.perf_counter()
        write(engine, text, path)
        spans.append((started, time.perf_counter()))
    synth._write = timed          # type: ignore[method-assign]
    return synth, spans


def _start(transcriber: Any, audio: np.ndarray, primed: bool) -> tuple[threading.Thread, list[float]]:
    began: list[float] = []
    inner = transcriber._transcribe

    def transcribe() -> None:
        transcriber._transcribe = lambda *a: (began.append(time.perf_counter()), inner(*a))[1]
        try:
            transcriber.transcribe(audio, prompt="How did you cut p99 latency?" if primed else None)
        finally:
            transcriber._transcribe = inner
    thread = threading.Thread(target=transcribe)
    thread.start()
    return thread, began


def test_the_primed_pass_waits_for_the_voice_and_the_live_transcriber_does_not(tmp_path: Path, transcriber) -> None:
    answer = decode_file(speak_to_wav("I cut p99 latency from four hundred to one forty milliseconds.",
                                      tmp_path / "answer.wav"))
    synth, spans = _timed_synth()
    lines = [f"Part {n}: the ranking service split retrieval from the heavy ranker and cached embeddings."
             for n in range(3)]
    jobs = [synth.submit(line, tmp_path / f"{n}.wav") for n, line in enumerate(lines)]
    thread, began = _start(transcriber, answer, primed=True)
    thread.join(timeout=60)
    assert all(j.done() for j in jobs) and len(spans) == 3
    assert began and began[0] >= max(end for _, end in spans)       # after the last sentence was rendered
    assert heap.wait_quiet(0.0)

    jobs = [synth.submit(line, tmp_path / f"live-{n}.wav") for n, line in enumerate(lines)]
    thread, began = _start(transcriber, answer, primed=False)
    thread.join(timeout=60)
    for job in jobs:
        job.result(timeout=60)
    assert began and began[0] < max(end for _, end in spans[-3:])   # a live window ran beside the voice


def test_on_a_busy_machine_the_primed_pass_still_waits_for_a_slow_render(tmp_path: Path, transcriber) -> None:
    answer = decode_file(speak_to_wav("We sharded the embedding table across four hosts.", tmp_path / "answer.wav"))
    synth, spans = _timed_synth()
    write = synth._write

    def slow(engine: Any, text: str, path: Path) -> None:
        time.sleep(7.0)             # a reply rendered with the cores taken by other work
        write(engine, text, path)
    synth._write = slow             # type: ignore[method-assign]
    job = synth.submit("So the cache hit rate mattered more than the model itself.", tmp_path / "slow.wav")
    thread, began = _start(transcriber, answer, primed=True)
    thread.join(timeout=90)
    job.result(timeout=30)
    assert began and began[0] >= spans[-1][1]        # not beside the render, though it took over 5 s


def test_a_failed_render_does_not_hold_the_primed_pass(tmp_path: Path) -> None:
    synth = tts.SpeechSynth()
    synth._write = lambda engine, text, path: (_ for _ in ()).throw(RuntimeError("driver gone"))  # type: ignore[method-assign]
    job = synth.submit("This line fails to render.", tmp_path / "x.wav")
    assert job.exception(timeout=30) is not None
    assert heap.wait_quiet(5.0)


def _hold(kind: str, seconds: float) -> tuple[threading.Thread, list[float]]:
    """A working set of `kind` in use for `seconds` on another thread; [when it ended]."""
    ended: list[float] = []
    started = threading.Event()

    def run() -> None:
        with heap.working(kind):
            started.set()
            time.sleep(seconds)
            ended.append(time.perf_counter())
    thread = threading.Thread(target=run)
    thread.start()
    started.wait()
    return thread, ended


def test_a_line_rendered_ahead_waits_for_a_transcription_and_a_line_to_say_does_not(tmp_path: Path) -> None:
    """Lines rendered ahead (nobody waits for them yet) are not rendered beside Whisper's working set; a
    line to be said now is, and it cuts short the wait of one rendered ahead before it (real espeak-ng)."""
    synth, spans = _timed_synth()
    synth.render("Warm up.", tmp_path / "warm.wav")
    thread, ended = _hold("stt", 1.0)
    synth.submit("The next question, rendered ahead.", tmp_path / "ahead.wav", ahead=True).result(timeout=30)
    thread.join()
    assert spans[-1][0] >= ended[0]                      # rendered once the transcription was over

    thread, ended = _hold("stt", 3.0)
    ahead = synth.submit("Another question, rendered ahead.", tmp_path / "ahead2.wav", ahead=True)
    time.sleep(0.2)
    now = synth.submit("Okay.", tmp_path / "now.wav")
    now.result(timeout=30)
    assert ahead.done() and not ended, "the line to say waited for the transcription"
    thread.join()



def test_a_line_said_while_the_primed_pass_decodes_plays_after_its_piece_and_the_pass_waits_for_it(
        tmp_path: Path, transcriber, monkeypatch) -> None:
    """The primed pass (real faster-whisper, primed, in pieces) and the voice (real espeak-ng, through the
    speaker's own path with a stand-in for the sound card) forced to meet: a line said while a piece decodes
    still plays, whole, rendered once that piece is over, and the pass's next piece waits for the line's
    render: no render runs beside a piece."""
    from coach.interview.final_pass import primed_transcript

    monkeypatch.setattr(tts, "SAY_PASS_WAIT_S", 60.0)       # however slow the machine, the piece's own time
    answer = decode_file(speak_to_wav("We sharded the embedding table across four hosts. Then we cached the "
                                      "hottest rows in memory. In the end p99 latency fell to twelve "
                                      "milliseconds.", tmp_path / "answer.wav"))
    live = transcriber.transcribe(answer)
    synth, renders = _timed_synth()
    synth.render("Warm up.", tmp_path / "warm.wav")
    renders.clear()
    pieces: list[tuple[float, float]] = []
    inner = transcriber._transcribe

    def timed(*a: Any) -> Any:
        started = time.perf_counter()
        try:
            return inner(*a)
        finally:
            pieces.append((started, time.perf_counter()))
    monkeypatch.setattr(transcriber, "_transcribe", timed)
    result: list[Any] = []
    passing = threading.Thread(target=lambda: result.append(primed_transcript(
        transcriber, answer, live.segments, "How did you cut p99 latency?", None, piece_s=3.0)))
    passing.start()
    while not heap.active("pass") and passing.is_alive():
        time.sleep(0.005)
    assert heap.active("pass")
    played: list[int] = []
    speaker = tts.DeviceSpeaker(synth, play=lambda path: played.append(path.stat().st_size))
    speaker.say("Okay. How did you choose which rows to cache?")
    passing.join(timeout=120)
    assert len(played) == 2 and all(size > 1000 for size in played)      # both sentences played
    assert result and "embedding" in result[0].text.lower()
    assert len(pieces) >= 2 and len(renders) == 2
    assert renders[0][0] >= pieces[0][1]                                  # rendered once the piece was over
    assert not any(min(e1, e2) > max(s1, s2) for s1, e1 in pieces for s2, e2 in renders), (pieces, renders)
