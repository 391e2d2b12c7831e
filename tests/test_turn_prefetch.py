"""Fast turns: the tail and the follow-up are prepared in the silence before the turn ends,
and thrown away when the candidate speaks again (real Whisper, real llama.cpp, real SQLite)."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

from coach.adapters.audio_io import decode_file
from coach.adapters.mic import MicrophoneSource
from coach.adapters.tts import SilentSpeaker
from coach.adapters.wav_stream import WavMicrophone
from coach.interview import events as ev
from coach.streaming.incremental import IncrementalTranscriber
from tests.conftest import speak_to_wav

FIRST = "I owned the ranking service for our marketplace search and latency had crept up."
SECOND = "So I added an embedding cache and the shadow test ran for two weeks."


def room(seconds: float, seed: int = 0) -> np.ndarray:
    return np.random.default_rng(seed).normal(0, 10 ** (-62 / 20), int(seconds * 16000)).astype(np.float32)


class CountingTranscriber:
    """The real transcriber, counting how often it is asked."""

    def __init__(self, inner: Any) -> None:
        self.inner, self.calls, self.name = inner, 0, inner.name

    def transcribe(self, samples: np.ndarray, prompt: str | None = None) -> Any:
        self.calls += 1
        return self.inner.transcribe(samples)


@pytest.fixture(scope="module")
def speech(tmp_path_factory: pytest.TempPathFactory) -> tuple[np.ndarray, np.ndarray]:
    folder = tmp_path_factory.mktemp("prefetch")
    return (trimmed(decode_file(speak_to_wav(FIRST, folder / "first.wav"))),
            trimmed(decode_file(speak_to_wav(SECOND, folder / "second.wav"))))


def trimmed(audio: np.ndarray) -> np.ndarray:
    """Up to the last loud sample: the answer ends with its last word."""
    loud = np.flatnonzero(np.abs(audio) > 0.02)
    return audio[: loud[-1] + 1]


def feed(inc: IncrementalTranscriber, audio: np.ndarray, block: int = 1600) -> None:
    for start in range(0, len(audio), block):
        inc.feed(audio[start : start + block])


def test_tail_transcribed_in_the_silence_is_the_final_transcript(transcriber, speech) -> None:
    counting = CountingTranscriber(transcriber)
    inc = IncrementalTranscriber(counting)
    feed(inc, np.concatenate([speech[0], room(0.3)]))
    assert not inc.settled()                      # 0.3 s is a breath, not the end
    feed(inc, room(0.5, 1))
    assert inc.settled()
    early = inc.speculate()
    assert early is not None and "ranking" in early.text.lower()
    calls = counting.calls
    feed(inc, room(2.0, 2))                       # only silence follows, up to the end of the turn
    final = inc.finish()
    assert counting.calls == calls                # nothing was transcribed again
    assert final.text == early.text and final.duration_s > early.duration_s


def test_speech_after_the_speculation_is_transcribed_and_kept(transcriber, speech) -> None:
    inc = IncrementalTranscriber(transcriber)
    feed(inc, np.concatenate([speech[0], room(1.0)]))
    assert inc.speculate() is not None
    feed(inc, speech[1])                          # the candidate was only thinking
    assert inc.speech_since_marker
    final = inc.finish()
    assert "ranking" in final.text.lower() and "weeks" in final.text.lower()


def run_live(tmp_path: Path, answers: list[np.ndarray], transcriber: Any, interviewer: Any,
             push_to_talk: bool, reply_deadline_s: float | None = None, speaker: Any = None,
             on_speaking: Any = None, **extra: Any) -> tuple[Any, list[Any], Any]:
    from coach import services
    from coach.content import default_content
    from coach.scoring import score_answer

    content = default_content()
    items = [(content.question("dd-latency-budget"), content.round("deep-dive"))]
    store = services.open_store(tmp_path / "c.db")
    saved: list[Any] = []
    ready: list[ev.FollowUpReady] = []
    holder: dict[str, Any] = {}

    def on_event(event: ev.Event) -> None:
        if isinstance(event, ev.TurnSaved):
            saved.append(event.turn)
        elif isinstance(event, ev.FollowUpReady):
            ready.append(event)
        elif isinstance(event, ev.Speaking) and on_speaking is not None:
            on_speaking(event)
    mic = WavMicrophone(answers, release=(lambda: holder["runner"].finish_answer()) if push_to_talk else None)
    runner = holder["runner"] = services.build_runner(
        content=content, items=items, transcriber=transcriber, interviewer=interviewer, speaker=speaker or SilentSpeaker(),
        source=MicrophoneSource(hands_free=not push_to_talk, silence_seconds=1.5, stream_factory=mic),
        store=store, scorer=score_answer, no_speech="retry", max_followups=len(answers) - 1, speculate=True,
        on_event=on_event, reply_deadline_s=reply_deadline_s,
        first_audio_budget_s=None if reply_deadline_s is None else 2.0,   # wait for the model, however slow the machine
        **extra,
    )
    session = store.start_session(plan="test", round="deep-dive", level="senior", mode="test")
    assert runner.run(session) == "completed"   # one question, one follow-up: two answers
    # each follow-up is announced before it is said, with the model's pace (what `coach bench` reports)
    assert len(ready) == sum(t.kind == "followup" for t in saved)
    assert sum(e.drafted_early for e in ready) == runner.drafts_used
    runner.ready = ready
    for event in ready:
        if not event.late:
            assert event.first_token_at is not None and event.tokens > 0 and event.generation_s > 0
    return runner, saved, store


def test_hands_free_follow_up_is_ready_when_the_detector_fires(tmp_path: Path, transcriber, interviewer, speech) -> None:
    runner, saved, store = run_live(tmp_path, [speech[0], speech[1]], transcriber, interviewer, push_to_talk=False)
    answers = [t for t in saved if t.speaker == "candidate"]
    followups = [t for t in saved if t.kind == "followup"]
    assert len(answers) == 2 and "ranking" in answers[0].text.lower()
    assert len(followups) == 1 and followups[0].text.endswith("?")
    assert runner.drafts_used == 1                 # drafted in the silence, used as it was
    assert followups[0].gap == answers[0].scores.gaps[0].id    # it probes the final answer's top gap
    rows = list(store.db.query("select kind, text from turns order by idx"))
    assert [r["kind"] for r in rows][:3] == ["question", "answer", "followup"]


def test_a_thinking_pause_does_not_end_the_answer_or_keep_a_stale_draft(tmp_path: Path, transcriber, interviewer,
                                                                      speech) -> None:
    paused = np.concatenate([speech[0], room(1.2), speech[1]])     # 1.2 s to think, under the 1.5 s detector
    runner, saved, _ = run_live(tmp_path, [paused, speech[1]], transcriber, interviewer, push_to_talk=False)
    first = [t for t in saved if t.speaker == "candidate"][0]
    assert "ranking" in first.text.lower() and "weeks" in first.text.lower()   # one answer, both halves
    followup = next(t for t in saved if t.kind == "followup")
    assert followup.gap == first.scores.gaps[0].id


def test_push_to_talk_released_mid_word_still_gets_its_follow_up(tmp_path: Path, transcriber, interviewer,
                                                                 speech) -> None:
    runner, saved, _ = run_live(tmp_path, [speech[0], speech[1]], transcriber, interviewer, push_to_talk=True)
    assert runner.drafts_used == 0                 # no silence to work in: made after the release
    assert [t.kind for t in saved][:3] == ["question", "answer", "followup"]


def test_a_follow_up_the_model_cannot_write_in_time_is_the_banks_for_the_same_gap(tmp_path: Path, transcriber,
                                                                                 interviewer, speech) -> None:
    runner, saved, _ = run_live(tmp_path, [speech[0], speech[1]], transcriber, interviewer, push_to_talk=True,
                                reply_deadline_s=0.0)      # no time at all: the model is never waited for
    answer = next(t for t in saved if t.speaker == "candidate")
    followup = next(t for t in saved if t.kind == "followup")
    [ready] = runner.ready
    assert ready.late and ready.source == "bank" and followup.source == "bank"
    assert followup.gap == answer.scores.gaps[0].id          # still aimed at the answer's top gap
    assert followup.text.endswith("?")                       # a whole question, never a half-written one


def test_the_banks_follow_up_and_the_closing_are_rendered_while_the_model_writes(tmp_path: Path, transcriber,
                                                                                  interviewer, speech) -> None:
    """When the deadline passes, the bank's question was already rendered by the voice: its first
    sentence plays without waiting for synthesis, and every line is heard once, in full."""
    from coach.adapters import tts

    heard: list[tuple[str, str]] = []        # (the line's kind, the clip played)
    line: list[str] = [""]
    speaker = tts.DeviceSpeaker(tts.SpeechSynth(), play=lambda path: heard.append((line[0], path.name)))
    runner, saved, _ = run_live(tmp_path, [speech[0], speech[1]], transcriber, interviewer, push_to_talk=True,
                                reply_deadline_s=0.0, speaker=speaker,
                                on_speaking=lambda event: line.__setitem__(0, event.kind))
    [ready] = runner.ready
    assert ready.late and ready.source == "bank"
    said = [t for t in saved if t.speaker == "interviewer"]
    assert [t.kind for t in said] == ["question", "followup", "closing"]
    for turn in said:     # each sentence of each line played once, in order
        assert len([c for k, c in heard if k == turn.kind]) == len(tts.split_sentences(turn.text)), heard
    first = {kind: clip for kind, clip in reversed(heard)}
    assert first["followup"].startswith("ready-") and first["closing"].startswith("ready-"), heard   # rendered ahead
    assert first["question"].startswith("part-")          # the opening question: nothing came before it


def test_bench_measures_both_ways_of_ending_a_turn(capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from coach.cli import main

    assert main(["bench", "--turns", "1", "--answer-seconds", "8", "--end-of-turn", "meaning", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    rows = {t["mode"]: t for t in result["turns"]}
    assert set(rows) == {"hands-free", "push-to-talk"}
    hands_free, push = rows["hands-free"], rows["push-to-talk"]
    assert hands_free["reply"] == push["reply"] == "followup"
    # drafted in the silence, unless the machine was too slow for the reply deadline (then the bank's, counted late)
    assert (hands_free["drafted_early"] or hands_free["late"]) and not push["drafted_early"], hands_free
    assert push["final_transcript_ms"] > 0 and push["first_audio_ms"] >= push["final_transcript_ms"]
    for key in ("p50", "p95", "p50_followups", "p95_followups", "followups"):
        assert set(result[key]) == {"hands-free", "push-to-talk"}
    for mode, row in rows.items():      # a follow-up the model missed the deadline for is counted as such
        counted = result["followups"][mode]
        assert counted["all"] == 1 and counted["late"] == int(row["late"])
        assert counted["model"] == int(row["source"] == "model") and not (row["late"] and row["source"] == "model")
    assert result["false_ends"] == 0 and result["peak_rss_mb"] > 100 and result["first_screen_s"] > 0   # RSS: of pytest
    # the reply's first audio is timed from the candidate's last word, found in the answer audio
    assert result["voice"].startswith("piper:") and hands_free["voice"] == result["voice"]
    assert result["end_of_turn"] == "meaning" and result["turn_model"].startswith("smart-turn")
    # ended by the meaning policy's graded wait (0.5 s, 1.8 s) or at the latest by the silence rule's 2.5 s;
    # ending early on real audio is tested in test_end_of_turn_meaning.py
    assert 0 < hands_free["end_of_turn_ms"] < 2500 + 400
    assert result["session_false_ends"] == 0 and hands_free["end_of_turn_reasons"], hands_free   # the session's own
    assert abs(hands_free["speech_end_ms"] - hands_free["end_of_turn_ms"] - hands_free["first_audio_ms"]) <= 2
    assert set(result["p50"]["hands-free"]) >= {"speech_end_ms", "first_audio_ms"}


def test_the_reply_deadline_leaves_the_voice_its_recent_lead() -> None:
    from coach.interview.runner import InterviewRunner

    class Voice:
        lead: float | None = None

        def lead_s(self) -> float | None:
            return self.lead

    voice = Voice()
    runner = InterviewRunner(engine=None, source=None, transcriber=None, interviewer=None, speaker=voice,  # type: ignore[arg-type]
                             store=None, scorer=None, rubrics={}, audio_root=Path("."), closing_template="",  # type: ignore[arg-type]
                             speculate=True)
    assert runner._reply_deadline() == pytest.approx(1.4)      # before the voice has spoken: 0.5 s assumed
    voice.lead = 0.2                                             # a quiet machine: the model gets longer
    assert runner._reply_deadline() == pytest.approx(1.7)
    voice.lead = 0.9                                             # a busy one: the bank's question sooner
    assert runner._reply_deadline() == pytest.approx(1.0)
    voice.lead = 5.0
    assert runner._reply_deadline() == pytest.approx(0.5)
    runner.speculate = False                                     # an answer from a file: the model is waited for
    assert runner._reply_deadline() is None


def test_a_short_pause_gets_its_words_and_the_draft_waits_for_the_models_ask(transcriber, speech) -> None:
    """By meaning, the tail is transcribed from 0.2 s of silence (the end-of-turn policy waits for those
    words) but the follow-up is drafted only from 0.3 s, when smart-turn is asked: a pause between two
    phrases costs a transcription, not a model run."""
    import threading

    from coach.interview.prefetch import FollowUpPrefetch

    planned = threading.Event()

    def plan(transcript: Any) -> None:
        planned.set()
        return None                               # nothing to draft: the plan alone is watched

    inc = IncrementalTranscriber(transcriber, settle_s=0.2)
    prefetch = FollowUpPrefetch(None, plan, draft_after_s=0.3)     # type: ignore[arg-type]

    def say(audio: np.ndarray) -> None:
        for start in range(0, len(audio), 1600):
            inc.feed(audio[start:start + 1600])
            prefetch.on_chunk(inc)
    say(speech[0])
    say(room(0.2))
    assert 0.2 <= inc.silent_s() < 0.3
    assert inc.heard_by_now(30.0) is not None     # the words of the pause, transcribed at 0.2 s
    assert not planned.wait(0.5)                  # no draft yet: the pause is only 0.2 s long
    say(room(0.1, 3))
    assert planned.wait(30.0)                     # 0.3 s: the draft goes ahead


def test_a_follow_up_not_written_yet_is_preceded_by_a_short_acknowledgement(tmp_path: Path, transcriber,
                                                                          interviewer, speech) -> None:
    """Live, when the follow-up is still being written as the answer ends, the interviewer says a short
    acknowledgement at once (rendered while the candidate spoke), then the follow-up; the next question
    and the closing, rendered ahead, need none."""
    from coach.adapters import tts

    said: list[str] = []
    clips: list[str] = []

    class Heard(tts.DeviceSpeaker):
        def say(self, text: str, wav_path: Path | None = None) -> None:
            said.append(text)
            super().say(text, wav_path)
    speaker = Heard(tts.SpeechSynth(), play=lambda path: clips.append(path.name))
    runner, saved, _ = run_live(tmp_path, [speech[0], speech[1]], transcriber, interviewer, push_to_talk=True,
                                reply_deadline_s=0.0, speaker=speaker, acknowledgements=("Right, okay.",))
    lines = [t.text for t in saved if t.speaker == "interviewer"]
    assert said == [lines[0], "Right, okay.", lines[1], lines[2]], said    # question, ack, follow-up, closing
    assert [t.kind for t in saved if t.speaker == "interviewer"] == ["question", "followup", "closing"]
    ack_clip = clips[len(tts.split_sentences(lines[0]))]
    assert ack_clip.startswith("ready-"), clips         # rendered ahead: it plays the moment the answer ends


def test_a_pause_gets_its_words_while_the_last_pauses_draft_still_holds_the_model(transcriber, speech) -> None:
    """llama.cpp sees a cancel only at its next token, so the draft from the last pause may still run when
    the next pause begins: that pause's words are transcribed all the same (the end-of-turn policy waits
    for them; without them the silence rule ended the turn at 2.5 s)."""
    from coach.interview.prefetch import FollowUpPrefetch, _Draft

    inc = IncrementalTranscriber(transcriber, settle_s=0.2)
    prefetch = FollowUpPrefetch(None, lambda transcript: None)     # type: ignore[arg-type]
    still_running = prefetch._draft = _Draft()     # the last pause's draft, cancelled, not done
    still_running.cancel.set()
    for audio in (speech[0], room(0.3)):
        for start in range(0, len(audio), 1600):
            inc.feed(audio[start:start + 1600])
            prefetch.on_chunk(inc)
    heard = inc.heard_by_now(30.0)
    still_running.done.set()
    assert heard is not None and "ranking" in heard.lower()
    assert prefetch._draft is still_running        # no second draft beside the one in flight
