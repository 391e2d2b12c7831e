"""Whisper looping on the silence after a clarifying question ("... how fast does a read need to be? Tt. Tt. Tt. Tt.")
wrote a run of a vowelless fragment into the transcript; the question then read as an answer, was scored 0.7, and a
realistic session changed a fact before any design was given. Such a run is no speech and is dropped."""
from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import numpy as np

from coach.adapters.whisper_stt import WhisperTranscriber
from coach.interview.clarify import is_clarification
from coach.streaming.signoff import without_loops

ASKED = ("Before the design, one thing: roughly how many scoring calls a second do we see at the busiest time, and "
         "what's the budget for each call?")


def test_a_loop_of_a_vowelless_fragment_is_dropped() -> None:
    assert without_loops(ASKED + " Pf. Pf. Pf. Pf. Pf.") == ASKED
    assert without_loops("Hm hm hm hm hm") == ""
    assert without_loops("No, no, no, that one was mine.") == "No, no, no, that one was mine."
    assert without_loops("It was uh uh uh uh a long week") == "It was uh uh uh uh a long week"


def test_the_question_is_heard_as_a_question_once_the_loop_is_gone() -> None:
    looped = ASKED + " Pf. Pf. Pf. Pf. Pf."
    assert is_clarification(without_loops(looped))


class _Model:
    def transcribe(self, samples: Any, **_: Any) -> tuple[list[Any], None]:
        said = SimpleNamespace(text=" " + ASKED, start=0.0, end=6.0, no_speech_prob=0.01, avg_logprob=-0.2)
        loop = SimpleNamespace(text=" Pf. Pf. Pf. Pf. Pf. Pf.", start=6.0, end=9.0, no_speech_prob=0.2, avg_logprob=-0.5)
        return [said, loop], None


def test_the_transcriber_drops_the_loop() -> None:
    stt = object.__new__(WhisperTranscriber)
    for name, value in {"_model": _Model(), "fit": False, "beam_size": 1, "primed_beam_size": 1, "fallback_samples": 2,
                        "_glossary": [], "by_sound": False}.items():
        setattr(stt, name, value)
    heard = stt._transcribe(np.zeros(16000, dtype=np.float32), 9.0, None, None)
    assert heard.text == ASKED
    assert len(heard.segments) == 1


def test_a_figure_whisper_echoed_is_one_figure_in_the_transcript_and_the_card() -> None:
    """"each replica serves 1200 200 requests a second": one figure with its end heard twice. The transcript keeps
    one, so the scorer reads no second rate of 200 a second (and no follow-up is built on it)."""
    from coach.scoring.sizing import extract
    from coach.scoring.text import clean, sentences
    from coach.streaming.signoff import without_echoed_figures

    heard = "We need 9,000 requests a second, and each replica serves 1200 200 requests a second."
    text = without_echoed_figures(heard)
    assert text == "We need 9,000 requests a second, and each replica serves 1200 requests a second."
    assert [q.value for q in extract(clean(text), sentences(clean(text)))] == [9000.0, 1200.0]
    assert without_echoed_figures("from 500 to 250 tokens, then 2,500 5,000") == "from 500 to 250 tokens, then 2,500 5,000"
