"""On a machine short of cores the live transcriber goes first: the previous answer's primed pass
and the interviewer's cache warm-up give way while a new answer is captured (`coach bench --busy 1`
had the live transcript fall 10 s behind beside them)."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from coach.domain import Turn
from coach.interview.final_pass import PendingPass
from coach.ports import SAMPLE_RATE
from tests.conftest import speak_to_wav

SAID = "GPU utilization dropped to forty percent because the data loader was starving the GPUs."


class Counted:
    """The real transcriber, counting the calls that reach it."""

    def __init__(self, transcriber: Any) -> None:
        self.transcriber, self.calls = transcriber, 0
        self.primes = True

    def transcribe(self, samples: np.ndarray, **kw: Any) -> Any:
        self.calls += 1
        return self.transcriber.transcribe(samples, **kw)


def _pending(transcriber: Any, tmp_path: Path) -> tuple[PendingPass, str]:
    from coach.adapters.audio_io import decode_file

    audio = decode_file(speak_to_wav(SAID, tmp_path / "answer.wav", rate=160))
    live = transcriber.transcribe(audio)
    turn = Turn(session_id="s", index=1, speaker="candidate", text=live.text, segments=live.segments)
    return PendingPass(1, turn, audio, "Tell me about a slow training run.", "GPU utilization, data loader",
                       rescore=lambda t: None, score_index=0), live.text


def test_the_primed_pass_gives_way_and_the_live_transcript_stays(transcriber, tmp_path: Path) -> None:
    counted = Counted(transcriber)
    pending, live = _pending(transcriber, tmp_path)
    pending.start(counted, give_way=lambda: True)
    assert pending.wait(30.0)
    assert pending.gave_way and pending.result is None and counted.calls == 0
    assert pending.revise(store=None, scores=[None]) is None        # nothing replaced: the live text is saved
    again, _ = _pending(transcriber, tmp_path)
    again.start(counted, give_way=lambda: False)
    assert again.wait(60.0) and not again.gave_way and counted.calls == 1
    assert again.result is not None and "utilization" in again.result.text.lower(), (live, again.result)


def test_background_work_gives_way_only_while_an_answer_is_captured_live_on_a_busy_machine(tmp_path: Path) -> None:
    from coach import services
    from coach.adapters.file_source import FileAnswerSource
    from coach.adapters.tts import SilentSpeaker
    from coach.content import default_content

    content = default_content()
    store = services.open_store(tmp_path / "coach.db")
    short = [True]
    try:
        runner = services.build_runner(
            content=content, items=[(content.question("dd-scaling"), content.round("deep-dive"))],
            source=FileAnswerSource([]), transcriber=None, interviewer=None, speaker=SilentSpeaker(), store=store,
            scorer=None, on_event=lambda e: None, no_speech="retry", speculate=True,
            short_of_cores=lambda: short[0])
    finally:
        store.close()
    assert not runner._give_way()                 # between answers: the pass runs while the interviewer speaks
    runner._capturing.set()
    assert runner._give_way()
    short[0] = False
    assert not runner._give_way()                 # two free cores: both run
    runner.speculate, short[0] = False, True
    assert not runner._give_way()                 # answers from files: no live transcriber to protect


def test_the_cache_warm_up_waits_while_the_machine_is_short_of_cores(interviewer, transcriber) -> None:
    from coach.content import default_content
    from coach.interview.prefetch import FollowUpPrefetch
    from coach.streaming.incremental import IncrementalTranscriber

    question = default_content().question("dd-scaling")
    live = IncrementalTranscriber(transcriber)
    live.feed(np.zeros(SAMPLE_RATE // 10, np.float32))
    held = FollowUpPrefetch(interviewer, lambda t: None, question, hold=lambda: True)
    held.on_chunk(live)
    assert held._preparing is None
    free = FollowUpPrefetch(interviewer, lambda t: None, question, hold=lambda: False)
    free.on_chunk(live)
    assert free._preparing is not None
    free._preparing.join(60.0)


def test_the_passes_glossary_is_picked_on_its_own_thread_not_before_the_reply(transcriber, tmp_path: Path) -> None:
    """The glossary for the answer's words (0.3-0.7 s over a minute's answer) is worked out by the pass,
    after the reply has started, and still primes it."""
    pending, _ = _pending(transcriber, tmp_path)
    picked_on: list[str] = []

    def glossary() -> str:
        import threading

        picked_on.append(threading.current_thread().name)
        return "GPU utilization, data loader"
    pending.hotwords = glossary
    pending.start(transcriber)
    assert pending.wait(60.0) and picked_on == ["primed-final-pass"]
    assert pending.result is not None and "utilization" in pending.result.text.lower()
