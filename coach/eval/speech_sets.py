"""Speech made on this machine for the word-error-rate evaluations (`python -m coach.eval.wer`).

- The jargon set (`tests/data/jargon/utterances.toml`): sentences full of ML terms, rendered by
  two voices (espeak-ng and Piper), transcribed with and without priming (the question being
  answered as Whisper's initial prompt, and `prompts/glossary.txt` as hotwords). Its parts: "tune"
  (may guide the glossary), "held-out" (never did), "held-out 2" (`tests/data/jargon/heldout2.toml`,
  written apart later, scored once, then folded in after it was scored: its column stays) and "held-out 3"
  (`tests/data/jargon/heldout3.toml`, written apart before the sixth pass changed priming, never tuned on) and
  "held-out 4" (`tests/data/jargon/heldout4.toml`, written apart in the twelfth pass, never tuned on) and
  "held-out 5" (`tests/data/jargon/heldout5.toml`, written apart later, never tuned on) and
  "held-out 6" (`tests/data/jargon/heldout6.toml`, written apart after held-out 5, never tuned on) and
  "held-out 7" (`tests/data/jargon/heldout7.toml`, written apart after held-out 6 with terms new to the
  earlier sets, never tuned on) and "held-out 8" (`tests/data/jargon/heldout8.toml`, written apart after
  held-out 7 with terms apart from it, never tuned on) and "held-out 9" (`tests/data/jargon/heldout9.toml`,
  written apart after held-out 8 with terms apart from the earlier sets, never tuned on) and "held-out 10"
  (`tests/data/jargon/heldout10.toml`, written apart after held-out 9 with terms apart from the earlier sets,
  never tuned on) and "held-out 11" (`tests/data/jargon/heldout11.toml`, written apart after held-out 10 with terms
  apart from the earlier sets, never tuned on) and "held-out 12" (`tests/data/jargon/heldout12.toml`, written apart
  after held-out 11 with terms apart from the earlier sets, never tuned on) and "held-out 13"
  (`tests/data/jargon/heldout13.toml`, written apart after held-out 12 with terms apart from the earlier sets, never
  tuned on);
  the held-out files are reported on their own outside "all".
- The interviewer's intelligibility: the first 50 question prompts of the banks, rendered by
  each voice, transcribed (by Whisper base by default): how well a listener can follow the voice.
"""
from __future__ import annotations

import subprocess
import tempfile
import tomllib
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from coach.errors import CoachError
from coach.paths import PROJECT_ROOT

JARGON = PROJECT_ROOT / "tests" / "data" / "jargon" / "utterances.toml"
JARGON_HELD_OUT_2 = PROJECT_ROOT / "tests" / "data" / "jargon" / "heldout2.toml"   # its own part, now tuned on
JARGON_HELD_OUT_3 = PROJECT_ROOT / "tests" / "data" / "jargon" / "heldout3.toml"   # its own part, never tuned on
JARGON_HELD_OUT_4 = PROJECT_ROOT / "tests" / "data" / "jargon" / "heldout4.toml"   # its own part, never tuned on
JARGON_HELD_OUT_5 = PROJECT_ROOT / "tests" / "data" / "jargon" / "heldout5.toml"   # its own part, never tuned on
JARGON_HELD_OUT_6 = PROJECT_ROOT / "tests" / "data" / "jargon" / "heldout6.toml"   # its own part, never tuned on
JARGON_HELD_OUT_7 = PROJECT_ROOT / "tests" / "data" / "jargon" / "heldout7.toml"   # its own part, never tuned on
JARGON_HELD_OUT_8 = PROJECT_ROOT / "tests" / "data" / "jargon" / "heldout8.toml"   # its own part, never tuned on
JARGON_HELD_OUT_9 = PROJECT_ROOT / "tests" / "data" / "jargon" / "heldout9.toml"   # its own part, never tuned on
JARGON_HELD_OUT_10 = PROJECT_ROOT / "tests" / "data" / "jargon" / "heldout10.toml"   # its own part, never tuned on
JARGON_HELD_OUT_11 = PROJECT_ROOT / "tests" / "data" / "jargon" / "heldout11.toml"   # its own part, never tuned on
JARGON_HELD_OUT_12 = PROJECT_ROOT / "tests" / "data" / "jargon" / "heldout12.toml"   # its own part, never tuned on
JARGON_HELD_OUT_13 = PROJECT_ROOT / "tests" / "data" / "jargon" / "heldout13.toml"   # its own part, never tuned on
JARGON_PARTS = ("tune", "held-out", "held-out 2", "held-out 3", "held-out 4", "held-out 5",
                "held-out 6", "held-out 7", "held-out 8", "held-out 9", "held-out 10",
                "held-out 11", "held-out 12", "held-out 13")
PRIMING_QUESTION = "dd-latency-budget"      # the question the jargon answers are primed with
VOICES = ("espeak", "piper")


def jargon_set(path: Path = JARGON, held_out_2: Path | None = JARGON_HELD_OUT_2,
               held_out_3: Path | None = JARGON_HELD_OUT_3,
               held_out_4: Path | None = JARGON_HELD_OUT_4,
               held_out_5: Path | None = JARGON_HELD_OUT_5,
               held_out_6: Path | None = JARGON_HELD_OUT_6,
               held_out_7: Path | None = JARGON_HELD_OUT_7,
               held_out_8: Path | None = JARGON_HELD_OUT_8,
               held_out_9: Path | None = JARGON_HELD_OUT_9,
               held_out_10: Path | None = JARGON_HELD_OUT_10,
               held_out_11: Path | None = JARGON_HELD_OUT_11,
               held_out_12: Path | None = JARGON_HELD_OUT_12,
               held_out_13: Path | None = JARGON_HELD_OUT_13) -> list[dict[str, str]]:
    """Every jargon sentence with its part ("split"): those of `held_out_2` are all "held-out 2", and so on."""
    items = [{"text": u["text"], "split": u.get("split", "tune")} for u in _read_jargon(path)]
    for extra, split in ((held_out_2, "held-out 2"), (held_out_3, "held-out 3"), (held_out_4, "held-out 4"),
                         (held_out_5, "held-out 5"), (held_out_6, "held-out 6"), (held_out_7, "held-out 7"),
                         (held_out_8, "held-out 8"), (held_out_9, "held-out 9"),
                         (held_out_10, "held-out 10"), (held_out_11, "held-out 11"),
                         (held_out_12, "held-out 12"), (held_out_13, "held-out 13")):
        if extra is not None:
            items += [{"text": u["text"], "split": split} for u in _read_jargon(extra)]
    return items


def _read_jargon(path: Path) -> list[dict[str, Any]]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))["utterance"]
    except (OSError, tomllib.TOMLDecodeError, KeyError) as exc:
        raise CoachError(f"cannot read the jargon set {path}: {exc}",
                         f"restore {path.name} under tests/data/jargon/") from None


def interviewer_lines(count: int = 50) -> list[str]:
    from coach.content import default_content

    questions = sorted(default_content().questions.values(), key=lambda q: q.id)
    return [q.prompt for q in questions[:count]]


def renderer(voice: str, synth: Any = None) -> Callable[[str, Path], np.ndarray]:
    """A function that renders text with `voice` to a WAV and returns it as 16 kHz samples; for
    Piper, with `synth` when given (one voice loaded, not two: the bench's memory figure)."""
    from coach.adapters.audio_io import decode_file

    if voice == "espeak":
        def espeak(text: str, wav: Path) -> np.ndarray:
            subprocess.run(["espeak-ng", "-v", "en-us", "-s", "160", "-w", str(wav), text], check=True,
                           capture_output=True)
            return decode_file(wav)
        return espeak
    from coach import services

    synth = synth if synth is not None else services.build_synth("piper")

    def piper(text: str, wav: Path) -> np.ndarray:
        return decode_file(synth.render(text, wav))
    return piper


def render_all(texts: Iterable[str], voice: str, folder: Path) -> list[np.ndarray]:
    render = renderer(voice)
    return [render(text, folder / f"{voice}-{i:03d}.wav") for i, text in enumerate(texts)]


def wer_of(transcriber: Any, clips: list[np.ndarray], refs: list[str], prompt: str | None = None,
           hotwords: str | None = None) -> tuple[int, int, list[str]]:
    """(word errors, reference words, transcripts)."""
    from coach.eval.wer import edit_distance, normalise

    errors = words = 0
    heard = []
    for samples, ref in zip(clips, refs):
        if prompt or hotwords:
            text = transcriber.transcribe(samples, prompt=prompt, hotwords=hotwords).text
        else:
            text = transcriber.transcribe(samples).text
        heard.append(text)
        r = normalise(ref)
        errors += edit_distance(r, normalise(text))
        words += len(r)
    return errors, words, heard


def priming(glossary: Path | None = None, question_id: str = PRIMING_QUESTION, heard: str = "",
            sounds: Callable[[str], Sequence[str]] | None = None) -> tuple[str, str]:
    """(initial prompt, hotwords) as an interview primes an answer to `question_id`: the question,
    and the glossary's terms with the question's own first and, before them, those the answer as
    first `heard` (unprimed) names or seems to, by word or (with `sounds`, the transcriber's) by sound
    (`glossary_for`): the app's primed final pass."""
    from coach.adapters.whisper_stt import glossary_terms
    from coach.content import default_content
    from coach.streaming.glossary import glossary_for

    question = default_content().question(question_id)
    return question.prompt, glossary_for(glossary_terms(glossary), " ".join((question.prompt, *question.talking_points)),
                                         heard=heard, sounds=sounds)


def heard_near(glossary: Path | None) -> Callable[[str], list[str]]:
    """The glossary's terms a heard text sounds roughly like, as the app's transcriber finds them."""
    from coach.adapters.phonemes import sounds_near
    from coach.adapters.whisper_stt import glossary_terms

    return sounds_near(glossary_terms(glossary))


def jargon_report(stt_model: str | None, voices: Iterable[str] = VOICES, glossary: Path | None = None) -> dict[str, Any]:
    """Jargon WER per voice and split, unprimed and primed as the app's final pass primes (the question,
    and the glossary chosen with the unprimed transcript of the same clip)."""
    from coach import services

    items = jargon_set()
    transcriber = services.build_transcriber(stt_model)
    sounds = heard_near(glossary)
    out: dict[str, Any] = {"model": transcriber.name, "utterances": len(items), "priming_question": PRIMING_QUESTION,
                           "voices": {}}
    with tempfile.TemporaryDirectory(prefix="coach-jargon-") as tmp:
        for voice in voices:
            clips = render_all([u["text"] for u in items], voice, Path(tmp))
            refs = [u["text"] for u in items]
            plain = [wer_of(transcriber, [c], [r]) for c, r in zip(clips, refs)]
            primed = [wer_of(transcriber, [c], [r], *priming(glossary, heard=p[2][0], sounds=sounds)) for c, r, p in zip(clips, refs, plain)]
            rows: dict[str, Any] = {}
            for split in (*JARGON_PARTS, "all"):        # "all": tune and held-out, as first reported
                pick = [i for i, u in enumerate(items)
                        if u["split"] == split or (split == "all" and u["split"] in ("tune", "held-out"))]
                w = sum(plain[i][1] for i in pick)
                rows[split] = {"words": w, "wer_unprimed": round(sum(plain[i][0] for i in pick) / max(1, w), 4),
                               "wer_primed": round(sum(primed[i][0] for i in pick) / max(1, w), 4)}
            rows["misheard"] = [{"split": u["split"], "ref": r, "unprimed": p[2][0], "primed": q[2][0]}
                                for u, r, p, q in zip(items, refs, plain, primed) if p[0] or q[0]]
            out["voices"][voice] = rows
    return out


def intelligibility_report(stt_model: str | None = "base", voices: Iterable[str] = VOICES,
                           count: int = 50) -> dict[str, Any]:
    """WER of a speech model on the interviewer's own lines, per voice."""
    from coach import services

    lines = interviewer_lines(count)
    transcriber = services.build_transcriber(stt_model)
    out: dict[str, Any] = {"model": transcriber.name, "lines": len(lines), "voices": {}}
    with tempfile.TemporaryDirectory(prefix="coach-voices-") as tmp:
        for voice in voices:
            clips = render_all(lines, voice, Path(tmp))
            errors, words, _ = wer_of(transcriber, clips, lines)
            out["voices"][voice] = {"words": words, "wer": round(errors / max(1, words), 4),
                                    "audio_s": round(sum(len(c) for c in clips) / 16000, 1)}
    return out


def _edits(ref: list[str], hyp: list[str]) -> tuple[int, int, int]:
    """(substitutions, deletions, insertions) of the cheapest alignment."""
    rows = [[(j, 0, 0, j) for j in range(len(hyp) + 1)]]     # (cost, sub, del, ins)
    for i, r in enumerate(ref, 1):
        row = [(i, 0, i, 0)]
        for j, h in enumerate(hyp, 1):
            c, s, d, n = rows[-1][j - 1]
            best = (c + (r != h), s + (r != h), d, n)
            c, s, d, n = rows[-1][j]
            best = min(best, (c + 1, s, d + 1, n))
            c, s, d, n = row[j - 1]
            best = min(best, (c + 1, s, d, n + 1))
            row.append(best)
        rows.append(row)
    _, s, d, n = rows[-1][-1]
    return s, d, n


def long_answers(clips: list[np.ndarray], texts: list[str], per_answer: int = 12) -> list[tuple[np.ndarray, str]]:
    """The jargon sentences joined into answers of about a minute: 0.2 s between sentences and a
    1.2 s thinking pause after every third, in quiet room noise."""
    rng = np.random.default_rng(7)
    out = []
    for start in range(0, len(clips), per_answer):
        parts: list[np.ndarray] = []
        for k, clip in enumerate(clips[start:start + per_answer], 1):
            parts += [clip.astype(np.float32), np.zeros(int((1.2 if k % 3 == 0 else 0.2) * 16000), np.float32)]
        audio = np.concatenate(parts)
        audio = audio + rng.normal(0, 10 ** (-62 / 20), len(audio)).astype(np.float32)
        out.append((audio, " ".join(texts[start:start + per_answer])))
    return out


def final_pass_report(stt_model: str | None, voices: Iterable[str] = VOICES, glossary: Path | None = None) -> dict[str, Any]:
    """Long jargon answers through the live transcriber (windows every 3 s, the tail at the end):
    WER, deletions and insertions (the dropped and repeated words primed live windows made) and the
    time after the end of the answer, unprimed (the tail, as the reply is decided) and with the
    app's primed final pass (the whole answer again, primed with the question and the glossary
    chosen with the live transcript: it runs while the reply is said, so its time is not the reply's)."""
    import time

    from coach import services
    from coach.eval.wer import normalise
    from coach.interview.final_pass import primed_transcript
    from coach.streaming.incremental import IncrementalTranscriber

    items = jargon_set()
    transcriber = services.build_transcriber(stt_model)
    sounds = heard_near(glossary)
    out: dict[str, Any] = {"model": transcriber.name, "priming_question": PRIMING_QUESTION, "voices": {}}
    with tempfile.TemporaryDirectory(prefix="coach-final-pass-") as tmp:
        for voice in voices:
            clips = render_all([u["text"] for u in items], voice, Path(tmp))
            answers = long_answers(clips, [u["text"] for u in items])
            heard: dict[str, list[tuple[str, float]]] = {"unprimed": [], "whole answer primed": []}
            for audio, _ in answers:
                live = IncrementalTranscriber(transcriber)
                for at in range(0, len(audio), 1600):
                    live.feed(audio[at:at + 1600])
                started = time.perf_counter()
                said = live.finish()
                heard["unprimed"].append((said.text, time.perf_counter() - started))
                started = time.perf_counter()
                primed = primed_transcript(transcriber, audio, said.segments, *priming(glossary, heard=said.text, sounds=sounds)).text
                heard["whole answer primed"].append((primed, time.perf_counter() - started))
            rows: dict[str, Any] = {}
            for mode, results in heard.items():
                subs = dels = ins = words = 0
                for (said, _), (_, text) in zip(results, answers):
                    ref = normalise(text)
                    s, d, n = _edits(ref, normalise(said))
                    subs, dels, ins, words = subs + s, dels + d, ins + n, words + len(ref)
                rows[mode] = {"answers": len(answers), "words": words, "wer": round((subs + dels + ins) / max(1, words), 4),
                              "substitutions": subs, "deletions": dels, "insertions": ins,
                              "compute_ms": [round(t * 1000) for _, t in results],
                              "audio_s": [round(len(a) / 16000, 1) for a, _ in answers]}
            out["voices"][voice] = rows
    return out
