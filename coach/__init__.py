"""coach: an offline, voice-driven mock-interview coach for senior and staff ML engineers."""

__version__ = "0.1.0"
