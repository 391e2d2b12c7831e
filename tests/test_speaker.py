"""The interviewer's voice through real espeak-ng (pyttsx3): files, sentence streaming, stop."""
from __future__ import annotations

import time
from pathlib import Path

import numpy as np
import soundfile as sf

from coach.adapters import tts
from coach.adapters.audio_io import decode_file


def test_wav_speaker_writes_real_speech(tmp_path: Path) -> None:
    speaker = tts.WavSpeaker(tmp_path, tts.SpeechSynth())
    speaker.say("Tell me about a model you chose not to ship.")
    (path,) = speaker.written
    data, rate = sf.read(str(path))
    assert rate > 8000 and len(data) / rate > 1.0 and abs(data).max() > 0.05


def test_device_speaker_plays_sentence_by_sentence_and_stops(tmp_path: Path) -> None:
    played: list[float] = []
    speaker: tts.DeviceSpeaker

    def play(path: Path) -> None:
        data, rate = sf.read(str(path))
        played.append(len(data) / rate)
        if len(played) == 2:
            speaker.stop()

    speaker = tts.DeviceSpeaker(tts.SpeechSynth(), play=play)
    speaker.say("Thanks for that. Now a harder one. How would you size the cluster? Take your time.")
    assert len(played) == 2                  # stopped after the second sentence
    assert all(seconds > 0.3 for seconds in played)


def test_split_sentences() -> None:
    assert tts.split_sentences("One. Two? Three!") == ["One.", "Two?", "Three!"]
    assert tts.split_sentences("no punctuation") == ["no punctuation"]


def _wait_rendered(speaker: tts.DeviceSpeaker | tts.WavSpeaker, text: str) -> None:
    deadline = time.perf_counter() + 30
    while not speaker.ahead.rendered(text):
        assert time.perf_counter() < deadline, "the line was never rendered ahead"
        time.sleep(0.01)


def test_a_line_rendered_ahead_plays_at_once_and_each_sentence_once(transcriber) -> None:
    played: list[tuple[float, np.ndarray]] = []

    def play(path: Path) -> None:
        played.append((time.perf_counter(), decode_file(path)))

    speaker = tts.DeviceSpeaker(tts.SpeechSynth(), play=play)
    speaker.say("Let us begin with the serving path of your ranking system.")   # not rendered ahead
    unprepared_lead = speaker.lead_s()
    assert unprepared_lead is not None and unprepared_lead > 0.01
    line = "What did the shadow test show? Tell me about the budget."
    speaker.prepare(line)
    _wait_rendered(speaker, "What did the shadow test show?")
    played.clear()
    started = time.perf_counter()
    speaker.say(line)
    assert played[0][0] - started < min(0.01, unprepared_lead / 2)     # no synthesis waited for
    assert len(played) == 2                                           # each sentence once, in order
    heard = transcriber.transcribe(np.concatenate([clip for _, clip in played])).text.lower()
    assert "shadow test" in heard and "tell me about" in heard and heard.count("shadow") == 1, heard
    assert speaker.lead_s() == unprepared_lead          # a line rendered ahead says nothing of the voice's pace


def test_a_line_rendered_ahead_but_not_said_is_never_heard(tmp_path: Path) -> None:
    played: list[np.ndarray] = []
    synth = tts.SpeechSynth()
    speaker = tts.DeviceSpeaker(synth, play=lambda p: played.append(decode_file(p)))
    speaker.prepare("We will stop here for today. Thank you.")
    speaker.say("Describe the team you led.")
    for i in range(6):                                   # newer lines crowd the unsaid ones out
        speaker.prepare(f"Question number {i + 1}.")
    _wait_rendered(speaker, "Question number 6.")
    said = decode_file(synth.render("Describe the team you led.", tmp_path / "said.wav"))
    assert len(played) == 1 and abs(len(played[0]) - len(said)) < 800     # the line said, and nothing else
    held = list(Path(speaker.ahead._folder.name).glob("*.wav"))
    assert len(held) <= speaker.ahead.keep                # the crowded-out renders are gone from disk

    files = tts.WavSpeaker(tmp_path / "lines", tts.SpeechSynth())
    files.prepare("Why that threshold?")
    files.prepare("We will stop here.")
    _wait_rendered(files, "Why that threshold?")
    files.say("Why that threshold?")
    files.say("How did you roll it back?")
    assert sorted(p.name for p in (tmp_path / "lines").glob("*.wav")) == ["line-001.wav", "line-002.wav"]
    asked = decode_file(synth.render("Why that threshold?", tmp_path / "asked.wav"))
    assert abs(len(decode_file(files.written[0])) - len(asked)) < 800      # the file holds the line rendered ahead


def test_a_line_that_may_be_said_at_once_is_rendered_before_the_lines_rendered_ahead() -> None:
    """The bank's follow-up (prepared with `wait_s`) goes before the lines queued ahead of it, and
    `prepare` returns once it is ready, however many lines wait."""
    order: list[str] = []
    synth = tts.SpeechSynth()
    write = synth._write
    synth._write = lambda engine, text, path: (order.append(text), write(engine, text, path))   # type: ignore[method-assign]
    speaker = tts.DeviceSpeaker(synth, play=lambda path: None)
    queued = [f"Question {n} is about how you would shard the feature store across regions." for n in range(3)]
    for line in queued:
        speaker.prepare(line)
    urgent = "What did the canary show about p99 latency?"
    speaker.prepare(urgent, wait_s=30)
    assert speaker.ahead.rendered(urgent)                  # ready when prepare returns
    assert order.index(urgent) <= 1, order                 # at most the line already being rendered went first
    for line in queued:                                    # the others are still rendered ahead
        _wait_rendered(speaker, line)


def test_a_long_sentence_is_rendered_clause_by_clause() -> None:
    """Piper's memory grows with what it renders at once: a long sentence goes in pieces at its clause breaks."""
    line = ("What did it cost to train and run that system, and what did you do to keep the cost in check? "
            "Thanks.")
    assert tts.split_sentences(line) == ["What did it cost to train and run that system,",
                                         "and what did you do to keep the cost in check?", "Thanks."]
    # not before an aside, and not into a scrap of a few words
    aside = "How did you convince yourself, and others, that a new version of that model was actually better?"
    assert tts.split_sentences(aside)[0] == "How did you convince yourself, and others,"
    short = "Talk me through code that answers how many events a user had in the last five minutes, fast."
    assert tts.split_sentences(short) == [short]
