"""The Textual app: Home, Interview, Replay and Settings screens over the same core as the CLI."""
