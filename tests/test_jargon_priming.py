"""Jargon-aware transcription: Whisper primed with the question and the ML glossary."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from coach.adapters.audio_io import decode_file
from coach.adapters.whisper_stt import glossary_terms, load_glossary
from coach.streaming.glossary import HOTWORD_CHARS, glossary_for
from coach.eval import speech_sets
from coach.streaming.incremental import IncrementalTranscriber
from tests.conftest import speak_to_wav

SAID = "GPU utilization dropped to forty percent because the data loader was starving the GPUs."


def test_the_glossary_and_the_jargon_set_are_data() -> None:
    glossary = load_glossary()
    assert "KV cache" in glossary and "FSDP" in glossary and "#" not in glossary
    items = speech_sets.jargon_set()
    held_out = [u for u in items if u["split"] == "held-out"]
    assert len(items) >= 40 and len(held_out) >= 12
    assert len([u for u in items if u["split"] == "held-out 2"]) >= 24     # written apart, reported on its own
    assert len([u for u in items if u["split"] == "held-out 3"]) >= 28     # written apart again, never tuned on
    assert len([u for u in items if u["split"] == "held-out 5"]) >= 40     # written apart later, never tuned on
    assert len([u for u in items if u["split"] == "held-out 6"]) >= 40     # written apart again, never tuned on
    assert len([u for u in items if u["split"] == "held-out 7"]) >= 40     # written apart after 6, never tuned on
    assert len([u for u in items if u["split"] == "held-out 8"]) >= 40     # written apart after 7, never tuned on
    assert len([u for u in items if u["split"] == "held-out 9"]) >= 40     # written apart after 8, never tuned on
    assert len([u for u in items if u["split"] == "held-out 10"]) >= 40    # written apart after 9, never tuned on
    assert len([u for u in items if u["split"] == "held-out 11"]) >= 40    # written apart after 10, never tuned on
    assert len([u for u in items if u["split"] == "held-out 12"]) >= 40    # written apart after 11, never tuned on
    assert len([u for u in items if u["split"] == "held-out 13"]) >= 40    # written apart after 12, never tuned on
    assert {u["split"] for u in items} == set(speech_sets.JARGON_PARTS)
    assert len(speech_sets.interviewer_lines()) == 50


def test_priming_gets_the_jargon_right_live_and_in_the_final_pass(tmp_path: Path, transcriber) -> None:
    audio = decode_file(speak_to_wav(SAID, tmp_path / "j.wav", rate=160))
    plain = transcriber.transcribe(audio).text.lower()
    question = "Tell me about a training job that ran slower than it should have."
    live = IncrementalTranscriber(transcriber, step_s=2.0, prompt=question, hotwords=load_glossary())
    for start in range(0, len(audio), 1600):
        live.feed(audio[start:start + 1600])
    live.feed(np.zeros(8000, np.float32))
    primed = live.finish().text.lower()
    assert "utilization" in primed and "data loader" in primed, primed
    assert "utilization" not in plain, plain          # what the unprimed model made of it ("illumination")


def test_the_final_pass_alone_can_be_primed(tmp_path: Path, transcriber) -> None:
    audio = decode_file(speak_to_wav(SAID, tmp_path / "j.wav", rate=160))
    question = "Tell me about a training job that ran slower than it should have."
    live = IncrementalTranscriber(transcriber, step_s=30.0, tail_prompt=question, tail_hotwords=load_glossary())
    for start in range(0, len(audio), 1600):
        live.feed(audio[start:start + 1600])
    assert live.prompt is None and live.hotwords is None     # no live window is primed
    assert "utilization" in live.finish().text.lower()


def test_the_questions_own_terms_are_sent_first_within_what_whisper_keeps() -> None:
    terms = glossary_terms()
    assert len(terms) > 120 and len(", ".join(terms)) > HOTWORD_CHARS    # fuller than Whisper keeps at once
    latency = glossary_for(terms, "How did latency and cost shape the model you served? The tail latency budget.")
    sent = latency.split(", ")
    assert {"latency", "tail latency", "latency budget"} <= set(sent[:4])
    assert len(latency) <= HOTWORD_CHARS
    training = glossary_for(terms, "Walk me through a distributed training run that was slower than expected: "
                                   "pipeline parallel stages and gradient accumulation.")
    assert {"pipeline parallel", "gradient accumulation"} <= set(training.split(", ")[:6])
    assert "tail latency" not in training.split(", ")[:10]
    assert glossary_for(terms, "") == load_glossary()        # no question: the file's order


def test_the_saved_and_scored_answer_is_the_primed_transcript(tmp_path: Path, transcriber) -> None:
    """In an interview the reply is decided on the live (unprimed) transcript; the whole answer is then
    transcribed again primed, and that is what the session keeps and scores."""
    from coach import services
    from coach.adapters.file_source import FileAnswerSource
    from coach.adapters.tts import SilentSpeaker
    from coach.content import default_content
    from coach.interview import events as ev
    from coach.scoring import score_answer

    wav = speak_to_wav(SAID, tmp_path / "answer.wav", rate=160)
    content = default_content()
    questions = [content.question("dd-latency-budget"), content.question("dd-scaling")]
    store = services.open_store(tmp_path / "coach.db")
    seen: list[object] = []
    runner = services.build_runner(
        content=content, items=[(q, content.round("deep-dive")) for q in questions],
        source=FileAnswerSource([wav, wav]), transcriber=transcriber, interviewer=None, speaker=SilentSpeaker(),
        store=store, scorer=score_answer, on_event=seen.append, no_speech="raise", max_followups=0)
    session = store.start_session(plan="test", round="deep-dive", level="senior", mode="practice",
                                  stt_model=transcriber.name, llm_model="none")
    try:
        runner.run(session)
        saved = [t for t in store.turns(session) if t["speaker"] == "candidate"]
        overall = store.session(session)["overall"]
    finally:
        store.close()
    live = [e.turn.text for e in seen if isinstance(e, ev.TurnSaved) and e.turn.speaker == "candidate"]
    revised = [e for e in seen if isinstance(e, ev.AnswerRevised)]
    assert len(live) == 2 and all("utilization" not in t.lower() for t in live), live   # the replies went by these
    assert len(saved) == 2 and [e.turn.index for e in revised] == [t["idx"] for t in saved]   # each answer, once
    for turn in saved:
        assert "utilization" in turn["text"].lower() and "data loader" in turn["text"].lower(), turn["text"]
    assert overall == round(sum(e.scorecard.overall for e in revised) / 2, 2)   # the session's score: the primed cards


def test_a_follow_ups_answer_is_scored_with_the_primed_story_before_it(tmp_path: Path, transcriber, interviewer) -> None:
    """The answer to a follow-up is judged joined to the story before it: the story as the primed pass
    heard it (the one the session saved), not the live windows' first guess."""
    from coach import services
    from coach.adapters.file_source import FileAnswerSource
    from coach.adapters.tts import SilentSpeaker
    from coach.content import default_content
    from coach.interview import events as ev
    from coach.scoring import score_answer

    first = speak_to_wav(SAID, tmp_path / "answer.wav", rate=160)
    second = speak_to_wav("After the fix the training step took half as long and the cluster bill fell by a third.",
                          tmp_path / "followup.wav", rate=160)
    content = default_content()
    question = content.question("dd-latency-budget")
    store = services.open_store(tmp_path / "coach.db")
    seen: list[object] = []
    scored: list[str] = []

    def scorer(transcript, **kw):       # the real scorer; the texts it was given are kept to look at
        scored.append(transcript.text)
        return score_answer(transcript, **kw)

    runner = services.build_runner(
        content=content, items=[(question, content.round("deep-dive"))], source=FileAnswerSource([first, second]),
        transcriber=transcriber, interviewer=interviewer, speaker=SilentSpeaker(), store=store, scorer=scorer,
        on_event=seen.append, no_speech="raise", max_followups=1)
    session = store.start_session(plan="test", round="deep-dive", level="senior", mode="practice",
                                  stt_model=transcriber.name, llm_model="none")
    try:
        runner.run(session)
    finally:
        store.close()
    asked = [e.turn for e in seen if isinstance(e, ev.TurnSaved) and e.turn.kind == "followup"]
    assert asked, "the weak first answer draws a follow-up"
    joined = [t for t in scored if "half as long" in t and "data loader" in t.lower()]
    assert joined and all("utilization" in t.lower() for t in joined), joined


def test_a_glossary_term_heard_as_a_sound_alike_is_put_back_and_ordinary_words_stay(transcriber) -> None:
    from coach.streaming.glossary import correct

    terms, common = glossary_terms(), transcriber.is_common
    fixed = {"We exported the model to onks and served it.": "We exported the model to ONNX and served it.",
             "We moved the fine-tuning to low RA adapters.": "We moved the fine-tuning to LoRA adapters.",
             "The air flow DAG ran nightly.": "The Airflow DAG ran nightly."}
    for heard, meant in fixed.items():
        assert correct(heard, terms, common) == meant
    kept = ["An online reduce cache served the features.",          # sounds like Redis, but is a word
            "We shared the index across two machines.",             # "shard" is a term; "shared" a word
            "The ranker and the reranker both ran on a TPU.",       # terms are never swapped for each other
            "So we tuned the threshold on that.",                   # two words that only sound like "one-hot"
            "It pushed the checkpoint to the model registry.",
            "Lord Byron wrote his letters from the lakeside villa."]
    for heard in kept:
        assert correct(heard, terms, common) == heard


def test_the_final_pass_sends_the_terms_the_live_pass_seemed_to_hear_first() -> None:
    terms = glossary_terms()
    question = "How did latency and cost shape the model you served?"
    plain = glossary_for(terms, question).split(", ")
    assert "LoRA" not in plain and "Airflow" not in plain         # past what Whisper keeps for this question
    heard = glossary_for(terms, question, heard="we moved to low RA adapters run by an air flow job").split(", ")
    assert {"LoRA", "Airflow"} <= set(heard[:6])


def test_the_primed_pass_is_a_setting_the_app_offers(tmp_path: Path) -> None:
    from coach.config import load_settings
    from coach.errors import ConfigError
    from coach.tui.screens.settings import CHOICES

    assert load_settings(tmp_path / "missing.toml").primed_pass is True      # on by default
    off = tmp_path / "config.toml"
    off.write_text("primed_pass = false\n")
    assert load_settings(off).primed_pass is False
    off.write_text('primed_pass = "no"\n')
    with pytest.raises(ConfigError):
        load_settings(off)
    assert "primed_pass" in {name for name, _, _ in CHOICES}


def test_live_a_primed_pass_still_running_is_applied_later_not_waited_for(tmp_path: Path, transcriber) -> None:
    """In a live session the next answer's reply does not wait for the previous answer's primed pass
    (beside other jobs one took 23 s); the pass is applied when it is done, and every answer keeps its
    primed transcript."""
    import threading

    from coach import services
    from coach.adapters.file_source import FileAnswerSource
    from coach.adapters.tts import SilentSpeaker
    from coach.content import default_content
    from coach.interview import events as ev
    from coach.scoring import score_answer

    hold = threading.Event()

    class SlowPrimed:
        """The real transcriber; its primed calls (the passes) wait until the test lets them go."""
        primes, name = True, transcriber.name

        def transcribe(self, samples: np.ndarray, prompt: str | None = None, hotwords: str | None = None):
            if prompt or hotwords:
                hold.wait(60.0)
                return transcriber.transcribe(samples, prompt=prompt, hotwords=hotwords)
            return transcriber.transcribe(samples)

    wav = speak_to_wav(SAID, tmp_path / "answer.wav", rate=160)
    content = default_content()
    questions = [content.question("dd-latency-budget"), content.question("dd-scaling")]
    store = services.open_store(tmp_path / "coach.db")
    seen: list[object] = []
    held_at_second: list[bool] = []

    def on_event(event: object) -> None:
        seen.append(event)
        answers = [e for e in seen if isinstance(e, ev.TurnSaved) and e.turn.speaker == "candidate"]
        if isinstance(event, ev.TurnSaved) and event.turn.speaker == "candidate" and len(answers) == 2:
            held_at_second.append(not hold.is_set())     # the second answer saved with the first pass still held
            hold.set()
    runner = services.build_runner(
        content=content, items=[(q, content.round("deep-dive")) for q in questions],
        source=FileAnswerSource([wav, wav]), transcriber=SlowPrimed(), interviewer=None, speaker=SilentSpeaker(),
        store=store, scorer=score_answer, on_event=on_event, no_speech="raise", max_followups=0, speculate=True,
        final_pass_wait_s=20.0)
    session = store.start_session(plan="test", round="deep-dive", level="senior", mode="practice",
                                  stt_model=transcriber.name, llm_model="none")
    try:
        runner.run(session)
        saved = [t for t in store.turns(session) if t["speaker"] == "candidate"]
    finally:
        store.close()
    revised = [e.turn.index for e in seen if isinstance(e, ev.AnswerRevised)]
    assert held_at_second == [True]
    assert revised == [t["idx"] for t in saved] and len(saved) == 2           # each answer's pass, once, in order
    assert all("utilization" in t["text"].lower() for t in saved), [t["text"] for t in saved]


def test_a_term_of_the_broader_glossary_comes_back_live_and_primed(tmp_path: Path, transcriber) -> None:
    audio = decode_file(speak_to_wav("The nightly job ran as a DAG that wrote Parquet files to S3.", tmp_path / "d.wav",
                                     rate=160))
    question = "Tell me about a data pipeline you owned."
    live = transcriber.transcribe(audio).text
    primed = transcriber.transcribe(audio, prompt=question, hotwords=glossary_for(glossary_terms(), question,
                                                                                  heard=live)).text
    assert "DAG" in live.split() and "DAG" in primed.split(), (live, primed)     # tiny.en alone: "the DIG"


def test_a_term_heard_roughly_as_other_words_is_primed_first() -> None:
    """The final pass is primed first with the terms the live transcript sounds roughly like, even when
    Whisper wrote them as other words ("FV 16" for FP16): those are the ones it most likely misheard."""
    from coach.adapters.phonemes import sounds_near

    terms = glossary_terms()
    question = "How did latency and cost shape the model you served?"
    heard = "we kept the activations in FV 16 and exported the graph to tensor artie"
    plain = glossary_for(terms, question, heard=heard).split(", ")
    assert "FP16" not in plain[:10] and "TensorRT" not in plain[:10]
    sent = glossary_for(terms, question, heard=heard, sounds=sounds_near(terms)).split(", ")
    assert {"FP16", "TensorRT"} <= set(sent[:10])
    forecast = glossary_for(terms, question, heard="the numbers came from a remodel with weekly seasonality",
                            sounds=sounds_near(terms)).split(", ")
    assert {"ARIMA", "seasonality"} <= set(forecast[:6])


def test_sounding_near_is_rough_but_not_everything() -> None:
    """A rough match, vowels aside: a few terms for a sentence of ordinary speech, never most of the glossary."""
    from coach.adapters.phonemes import sounds_near

    terms = glossary_terms()
    near = sounds_near(terms)
    assert "LoRA" in near("we trained a small lower a adapter per customer")
    assert len(near("My sister drove us to the coast for a long weekend by the sea.")) <= 10


def test_the_wider_glossary_covers_the_areas_a_senior_engineer_talks_about() -> None:
    terms = set(glossary_terms())
    for area in (("GEMM", "XLA"), ("NF4", "SmoothQuant"), ("pgvector", "DiskANN"), ("MMLU", "pass at k"),
                 ("differential privacy", "federated learning"), ("Thompson sampling", "contextual bandit"),
                 ("ARIMA", "MAPE"), ("diarization", "CTC"), ("YOLO", "IoU"), ("TensorRT-LLM", "prefix caching")):
        assert set(area) <= terms, area
