"""Transcribing while the candidate speaks, so only the tail is left when they stop."""
