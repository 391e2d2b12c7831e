"""What an interview needs, loaded off the main thread: models, voice, microphone, scorer.

`load_kit` runs in a worker thread and reports each step; every failure becomes
a CoachError kept in `Kit.errors`, so the app can still open and explain.
Parts handed in as `overrides` (tests, or an app that already has them) are used
as they are.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


from coach.config import Settings
from coach.errors import CoachError, ModelError


@dataclass
class Kit:
    transcriber: Any = None           # WhisperTranscriber: serialises its own calls
    interviewer: Any = None
    speaker: Any = None
    scorer: Callable[..., Any] | None = None
    mic_ok: bool = False
    mic_message: str = "microphone not checked yet"
    voice_message: str = ""
    text_only: bool = True
    errors: list[CoachError] = field(default_factory=list)

    @property
    def ready(self) -> bool:
        return None not in (self.transcriber, self.interviewer, self.speaker, self.scorer)

    def problem(self) -> CoachError | None:
        return self.errors[0] if self.errors else None


STEPS = ("checking the microphone", "checking the voice", "loading the speech model",
         "loading the interviewer model", "loading the scorer")


def _speaker(settings: Settings, silent: bool) -> tuple[Any, str, bool]:
    from coach import services
    from coach.adapters import tts
    from coach.adapters.mic import output_status

    if silent:
        return tts.SilentSpeaker(), "text-only interviewer (--silent)", True
    if not tts.espeak_available() and not (settings.tts != "espeak" and tts.piper_available()):
        return tts.SilentSpeaker(), "espeak-ng is not installed: text-only interviewer", True
    ok, message = output_status()
    if not ok:
        return tts.SilentSpeaker(), f"{message}: text-only interviewer", True
    try:
        speaker = services.build_speaker(False, None, settings.rate, settings.voice, engine=settings.tts)
    except CoachError as exc:
        return tts.SilentSpeaker(), f"{exc.message}: text-only interviewer", True
    return speaker, f"the interviewer speaks ({message})", False


def load_kit(settings: Settings, overrides: dict[str, Any], silent: bool = False,
             progress: Callable[[int, int, str], None] = lambda s, t, label: None,
             stt_model: str = "", llm: str = "", kit: Kit | None = None) -> Kit:
    """Build the kit step by step; never raises a CoachError (they land in `kit.errors`). A `kit` handed in
    is filled in place, so a screen can show the microphone and the voice before the models are loaded."""
    kit = kit if kit is not None else Kit()
    total = len(STEPS)
    progress(1, total, STEPS[0])
    if "mic" in overrides:
        kit.mic_ok, kit.mic_message = overrides["mic"]
    else:
        from coach.adapters.mic import microphone_status

        kit.mic_ok, kit.mic_message = microphone_status(settings.input_device)
    progress(2, total, STEPS[1])
    if "speaker" in overrides:
        kit.speaker = overrides["speaker"]
        kit.text_only = getattr(kit.speaker, "name", "") == "silent"
        kit.voice_message = "text-only interviewer" if kit.text_only else "the interviewer speaks"
    else:
        kit.speaker, kit.voice_message, kit.text_only = _speaker(settings, silent)
    progress(3, total, STEPS[2])
    try:
        from coach import services

        stt = overrides.get("transcriber") or services.build_transcriber(stt_model or settings.stt_model or None)
        kit.transcriber = stt
    except CoachError as exc:
        kit.errors.append(exc)
    except Exception as exc:     # a broken model folder can raise anything from CTranslate2
        kit.errors.append(ModelError(f"the speech model failed to load: {exc}", "pick another stt_model in Settings"))
    progress(4, total, STEPS[3])
    try:
        from coach import services

        kit.interviewer = overrides.get("interviewer") or services.build_interviewer(llm or settings.llm or None)
    except CoachError as exc:
        kit.errors.append(exc)
    except Exception as exc:
        kit.errors.append(ModelError(f"the interviewer model failed to load: {exc}", "pick another llm in Settings"))
    progress(5, total, STEPS[4])
    if "scorer" in overrides:
        kit.scorer = overrides["scorer"]
    else:
        try:
            from coach.scoring import score_answer

            kit.scorer = score_answer
        except ImportError as exc:
            kit.errors.append(CoachError(f"the scorer is not available: {exc}", "reinstall coach"))
    return kit
