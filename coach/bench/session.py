"""One bench interview: prepared answers played into the microphone's own path, timed through
the runner's events and the speaker's playback (no counters inside the adapters)."""
from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from coach.bench.answers import Answer
from coach.interview import events as ev


class Recorder:
    """Turns the runner's events into one row per answer.

    The clock for `speech_end_ms` starts at the answer's last word (its place in the audio,
    played at speaking pace from `mic.started_at`); the other times start at the end of the
    turn (the detector firing, or the key released with the last block).
    """

    def __init__(self, mic: Any, answers: list[Answer], mode: str, voice: str, label: str = "") -> None:
        self.mic, self.answers, self.mode, self.voice = mic, answers, mode, voice
        self.label = label or mode      # the row's mode: the way turns end, and the configuration compared
        self.primed_pass_ms: list[int] = []
        self.runner: Any = None
        self.source: Any = None         # the microphone: the end-of-turn policy's reasons, as the session ran it
        self.turns: list[dict[str, Any]] = []
        self.tokens = 0                 # the interviewer's tokens after each candidate's first, over
        self.generation_s = 0.0         # the seconds from each candidate's first token to its last
        self._open: dict[str, Any] | None = None
        self._reply: ev.FollowUpReady | None = None

    def on_event(self, event: Any) -> None:
        now = time.perf_counter()
        if isinstance(event, ev.Transcribing):
            ended = self.mic.answer_ended_at if self.mode == "push-to-talk" else self.mic.closed_at
            answer = self.answers[len(self.turns)]
            spoke_until = (self.mic.started_at or now) + answer.speech_end_s
            self._open = {"mode": self.label, "end": ended or now, "audio_s": round(event.seconds, 1),
                          "speech_end": spoke_until,
                          "reasons": list(getattr(self.source, "last_reasons", None) or []),
                          "heard": (list(getattr(self.source, "last_heard", None) or []) or [""])[-1]}
        elif isinstance(event, ev.AnswerRevised):
            self.primed_pass_ms.append(round(event.seconds * 1000))
        elif isinstance(event, ev.Speaking) and self._open is not None and "transcript_at" in self._open:
            self._open["line_next"] = True      # the reply's own line (not a short acknowledgement before it)
        elif isinstance(event, ev.FollowUpReady):
            self._reply = event
            self.tokens += event.tokens
            self.generation_s += event.generation_s
        elif isinstance(event, ev.TurnSaved) and self._open is not None:
            turn = event.turn
            if turn.speaker == "candidate":
                self._open["transcript_at"] = now - (turn.timings.score_ms or 0) / 1000
            elif "first_audio_at" in self._open:
                self._close(turn)

    def played(self, path: Path) -> None:
        """The speaker's playback: the first call after an answer is the reply's first audio."""
        if self._open is not None and self._open.get("line_next") and "line_audio_at" not in self._open:
            self._open["line_audio_at"] = time.perf_counter()
        if self._open is not None and "transcript_at" in self._open and "first_audio_at" not in self._open:
            self._open["first_audio_at"] = time.perf_counter()
            if len(self.turns) + 1 >= len(self.answers):
                self.runner.request("end")

    def _close(self, turn: Any) -> None:
        t, self._open = self._open, None
        assert t is not None
        end = t["end"]
        reply, self._reply = self._reply, None
        token = None
        if turn.kind == "followup" and reply is not None and reply.first_token_at is not None:
            token = max(0.0, (reply.first_token_at - end) * 1000)     # 0: it came before the end of the turn
        used = bool(reply and reply.drafted_early)
        self.turns.append({
            "mode": t["mode"], "audio_s": t["audio_s"], "reply": turn.kind,
            "final_transcript_ms": round(max(0.0, t["transcript_at"] - end) * 1000),
            "first_token_ms": None if token is None else round(token),
            "first_audio_ms": round((t["first_audio_at"] - end) * 1000),
            "speech_end_ms": round((t["first_audio_at"] - t["speech_end"]) * 1000),
            # the reply's own line (after a short acknowledgement, when one was said first)
            "line_audio_ms": round((t.get("line_audio_at", t["first_audio_at"]) - end) * 1000),
            "acknowledged": t.get("line_audio_at", t["first_audio_at"]) > t["first_audio_at"],
            # the last word -> the reply's own line: what the candidate waits for when an acknowledgement came first
            "speech_end_line_ms": round((t.get("line_audio_at", t["first_audio_at"]) - t["speech_end"]) * 1000),
            "end_of_turn_ms": round((end - t["speech_end"]) * 1000),
            "drafted_early": used, "source": turn.source, "late": bool(reply and reply.late), "voice": self.voice,
            "end_of_turn_reasons": t["reasons"],
            "end_of_turn_heard": t["heard"],     # the words the last verdict was weighed against, in full
        })


class TextSpeaker:
    """Without any voice: the reply's "first audio" is the moment its text is ready."""

    name = "text"
    voice = "none"

    def __init__(self, recorder: Recorder) -> None:
        self.recorder = recorder

    def say(self, text: str, wav_path: Path | None = None) -> None:
        self.recorder.played(Path())

    def prepare(self, text: str, wait_s: float = 0.0) -> None:
        return None

    def stop(self) -> None:
        return None

    def lead_s(self) -> float | None:
        return None


def run_session(mode: str, answers: list[Answer], transcriber: Any, interviewer: Any, synth: Any,
                folder: Path, turn_model: Any = None, silence_seconds: float = 2.0, prime_final: bool = True,
                label: str = "") -> Recorder:
    """One session on the bench's answers, ended by `mode`; its recorder holds a row per answer
    (`turns`) and the interviewer's generation (`tokens` over `generation_s`)."""
    from coach import services
    from coach.adapters.mic import MicrophoneSource
    from coach.adapters.tts import DeviceSpeaker
    from coach.adapters.wav_stream import WavMicrophone
    from coach.content import default_content
    from coach.scoring import score_answer

    content = default_content()
    items = [(content.question(q), content.round("deep-dive")) for q in ("dd-latency-budget", "dd-scaling")]
    store = services.open_store(folder / f"{label or mode}.db")
    holder: dict[str, Any] = {}
    release = (lambda: holder["runner"].finish_answer()) if mode == "push-to-talk" else None
    mic = WavMicrophone([a.audio for a in answers], release=release)
    voice = getattr(synth, "name", "none") if synth is not None else "none"
    recorder = Recorder(mic, answers, mode, voice, label)
    speaker = DeviceSpeaker(synth, play=recorder.played) if synth is not None else TextSpeaker(recorder)
    source = MicrophoneSource(hands_free=mode == "hands-free", silence_seconds=silence_seconds, stream_factory=mic,
                              turn_model=turn_model.probability if turn_model is not None else None,
                              speaking=getattr(speaker, "playing", None))
    recorder.source = source
    runner = holder["runner"] = recorder.runner = services.build_runner(
        content=content, items=items, source=source, transcriber=transcriber, interviewer=interviewer,
        speaker=speaker, store=store, scorer=score_answer, on_event=recorder.on_event, no_speech="retry",
        max_followups=len(answers), speculate=True, prime_final=prime_final,
    )
    session = store.start_session(plan="bench", round="deep-dive", level="senior", mode="bench",
                                  stt_model=transcriber.name, llm_model=interviewer.name)
    try:
        runner.run(session)
    finally:
        store.close()
    return recorder
