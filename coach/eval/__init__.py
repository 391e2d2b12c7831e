"""Offline evaluations of the coach's pure parts against labelled data in tests/data/."""
