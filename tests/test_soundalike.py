"""Glossary terms put back by sound where Whisper heard ordinary words (espeak-ng's phonemes)."""
from __future__ import annotations

import shutil

import pytest

from coach.adapters.phonemes import phonemize, sound_table
from coach.adapters.whisper_stt import glossary_terms
from coach.streaming.soundalike import SoundTable, eligible, restore, within

pytestmark = pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="needs espeak-ng")


@pytest.fixture(scope="module")
def table() -> SoundTable:
    return sound_table(tuple(glossary_terms()))


def test_jargon_heard_as_other_words_comes_back_as_the_term(table: SoundTable) -> None:
    heard = "The KV cash filled up on long prompts, so we exported the model to onks and served it."
    fixed = restore(heard, table, phonemize)
    assert fixed == "The KV cache filled up on long prompts, so we exported the model to ONNX and served it.", fixed


def test_a_term_spelled_apart_is_joined_and_numbers_must_be_the_same(table: SoundTable) -> None:
    assert restore("The A U C held at 0.8 on FP 16.", table, phonemize) == "The AUC held at 0.8 on FP16."
    said = "We kept the top 100 results and a 100 people read them."
    assert restore(said, table, phonemize) == said        # "top 100" is not an A100


def test_ordinary_speech_is_left_alone(table: SoundTable, transcriber) -> None:
    for said in ("The ferry left the harbour at dawn and reached the island before lunch.",
                 "My grandmother kept bees behind the house and sold the honey at the market.",
                 "The river floods every spring, so the farmers plant their rice after it falls.",
                 "She paid attention to the tension in the ropes while the tent went up."):
        assert restore(said, table, phonemize, common=transcriber.is_common) == said


def test_ordinary_words_a_sound_away_from_a_term_become_the_term(table: SoundTable, transcriber) -> None:
    heard = "Throughput doubled when we raised the match size on the cold star path."
    assert restore(heard, table, phonemize, common=transcriber.is_common) == \
        "Throughput doubled when we raised the batch size on the cold start path."


def test_only_terms_whisper_could_not_spell_itself_are_written_in() -> None:
    assert eligible("KV cache") and eligible("FSDP") and eligible("fine-tuning") and eligible("A100")
    assert not eligible("attention") and not eligible("drift")


def test_the_banded_distance_agrees_with_the_full_one() -> None:
    assert within("kitten", "sitting", 3) and not within("kitten", "sitting", 2)
    assert within("", "ab", 2) and not within("abc", "", 2)


def test_it_is_quick_enough_for_a_turn(table: SoundTable, transcriber) -> None:
    import time

    answer = ("So the p99 went up because the feature store lookups were slow, and we moved to a two-tower "
              "model with a FAISS index, then the data loader was starving the GPUs. ") * 4
    started = time.process_time()
    restore(answer, table, phonemize, common=transcriber.is_common)
    assert time.process_time() - started < 0.5      # about 100 words: compute, not the wait for a busy core


def test_a_glossary_espeak_failed_to_read_is_tried_again_not_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    from coach.adapters import phonemes

    terms = ("LoRA adapters", "ONNX Runtime", "KV cache")
    monkeypatch.setattr(phonemes, "phonemize", lambda words, timeout_s=2.0: [""] * len(words))   # espeak-ng timed out
    assert phonemes.sound_table(terms).terms == ()
    monkeypatch.undo()
    table = phonemes.sound_table(terms)        # the next transcript: read again, not the empty table
    assert [t for t, _ in table.terms] == list(terms)
    assert restore("We cached the KV cash between turns.", table, phonemize) == "We cached the KV cache between turns."
