"""The story bank's signal for a story that traded model quality for latency or cost."""
from __future__ import annotations

from pathlib import Path

import pytest
from history_factory import generate_history

from coach.adapters.store_sqlite import SQLiteStore
from coach.errors import ContentError
from coach.progress.signals import load_signals, parse_signals
from coach.progress.stories import group_stories, signal_coverage


@pytest.fixture(scope="module")
def signal():
    return next(s for s in load_signals() if s.id == "quality-for-latency-cost")


def test_quality_against_latency_or_cost_is_recognised(signal) -> None:
    traded = ("We distilled the ranking transformer into a smaller model. Recall dropped by half a point, but p99 "
              "latency went from 180 to 40 milliseconds and serving cost fell by sixty percent.")
    assert signal.matches(None, traded)
    assert signal.matches(None, "I quantized the model to int8, which cost us a little accuracy and halved the GPU "
                                "bill, a trade-off product accepted.")
    # only one side of the trade is not the signal
    assert not signal.matches(None, "We cut p99 latency from 200 to 90 milliseconds by caching features, and the "
                                    "cost per request fell too.")
    assert not signal.matches(None, "Recall and precision both went up after we cleaned the labels; quality improved.")
    assert signal.matches("bh-cost-reduction", "anything")          # the bank's own question for it


def test_story_bank_tracks_the_new_signal(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    generate_history(db, sessions=24, questions=2, days=28)
    store = SQLiteStore(db)
    try:
        hist = store.history()
        signals = load_signals()
        stories = group_stories(hist.answers, store.story_names(), signals)
    finally:
        store.close()
    coverage = {c.signal.id: c for c in signal_coverage(stories, signals)}
    # the generated disagreement story weighs a transformer's recall against its p99 latency and serving cost
    traded = coverage["quality-for-latency-cost"]
    assert traded.status in ("rehearsed", "told once") and traded.stories
    assert all("quality-for-latency-cost" in s.signals for s in stories if s.name in traded.stories)


def test_requires_names_keywords_only() -> None:
    with pytest.raises(ContentError, match="requires"):
        parse_signals({"signal": [{"id": "x", "questions": ["q"], "keywords": ["a"], "requires": [["b"]]}]})
