"""The story bank: suggested groups by transcript similarity, named stories, and signal coverage."""
from __future__ import annotations

import json
import tomllib
from collections import Counter
from pathlib import Path

import pytest
from history_factory import STORIES, generate_history

from coach.adapters import progress_sql as sql
from coach.adapters.store_sqlite import SQLiteStore
from coach.cli import main
from coach.content import default_content
from coach.errors import ContentError
from coach.progress.signals import load_signals, parse_signals
from coach.progress.stories import cosine, group_stories, signal_coverage, tfidf, tokenize

SIGNALS = ("production-incident", "platform-initiative", "cross-team-influence", "disagreement",
           "mentoring", "model-not-shipped", "ambiguity", "quality-for-latency-cost")


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    generate_history(tmp_path / "c.db", sessions=24, questions=2)
    return tmp_path / "c.db"


def _load(path: Path):
    store = SQLiteStore(path)
    rounds = {qid: q.round for qid, q in default_content().questions.items()}
    hist = store.history(question_rounds=rounds)
    names = sql.story_names(store.db.conn)
    store.close()
    return hist, names


def _label(text: str) -> str | None:
    return next((s for s, (_, lines) in STORIES.items() if any(line in text for line in lines)), None)


def test_signals_file_covers_the_senior_signals() -> None:
    signals = load_signals()
    assert tuple(s.id for s in signals) == SIGNALS
    known = set(default_content().questions)
    for s in signals:
        assert s.questions and set(s.questions) <= known, s.id
        assert len(s.keywords) >= 5


def test_bad_signals_file_is_a_content_error() -> None:
    with pytest.raises(ContentError, match="no \\[\\[signal\\]\\]"):
        parse_signals({})
    with pytest.raises(ContentError, match="no questions and no keywords"):
        parse_signals(tomllib.loads('[[signal]]\nid = "x"\n'))


def test_similar_transcripts_group_into_one_story_each(db: Path) -> None:
    hist, names = _load(db)
    stories = group_stories(hist.answers, names, load_signals())
    by_id = {a.turn_id: a for a in hist.answers}
    for story in stories:
        labels = Counter(_label(by_id[t].text) for t in story.turn_ids)
        assert len(labels) == 1, (story.name, labels)      # no story mixes two tellings
    assert sorted(_label(by_id[s.turn_ids[0]].text) for s in stories) == sorted(STORIES)
    assert all(not s.named and " / " in s.name for s in stories)


def test_tfidf_separates_different_stories() -> None:
    docs = [tokenize(" ".join(lines)) for _, lines in STORIES.values()]
    vectors = tfidf(docs + [tokenize(" ".join(STORIES["incident"][1][:4]))])
    assert cosine(vectors[0], vectors[-1]) > 0.5
    assert max(cosine(vectors[i], vectors[j]) for i in range(6) for j in range(6) if i != j) < 0.2
    assert "outage" in tokenize("The outages, um, basically") and "basically" not in tokenize("basically")


def test_coverage_shows_rehearsed_and_missing_signals(db: Path) -> None:
    hist, names = _load(db)
    signals = load_signals()
    coverage = {c.signal.id: c for c in signal_coverage(group_stories(hist.answers, names, signals), signals)}
    assert coverage["production-incident"].status == "rehearsed"
    assert coverage["mentoring"].status == "rehearsed"
    assert coverage["model-not-shipped"].status == "none" and not coverage["model-not-shipped"].stories
    assert coverage["ambiguity"].stories


def test_naming_answers_makes_a_named_story(db: Path, capsys) -> None:
    hist, _ = _load(db)
    incident = [a.turn_id for a in hist.answers if _label(a.text) == "incident"]
    assert main(["stories", "name", str(incident[0]), "Checkout  outage", "--db", str(db)]) == 0
    assert main(["stories", "name", str(incident[1]), "checkout outage", "--db", str(db)]) == 0
    capsys.readouterr()
    assert main(["stories", "--json", "--db", str(db)]) == 0
    data = json.loads(capsys.readouterr().out)
    first = data["stories"][0]
    assert first["named"] and first["name"] == "Checkout outage"
    assert first["named_turn_ids"] == incident[:2]
    assert set(first["turn_ids"]) == set(incident)           # the other tellings join by similarity
    assert "production-incident" in first["signals"]
    assert not any(s["turn_ids"] and set(s["turn_ids"]) & set(incident) for s in data["stories"][1:])
    assert {s["id"]: s["status"] for s in data["signals"]}["model-not-shipped"] == "none"
    assert main(["stories", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "Checkout outage" in out and "A model that did not ship" in out


def test_naming_checks_the_turn(db: Path, capsys) -> None:
    conn = SQLiteStore(db)
    question = conn.db.conn.execute("select id from turns where speaker = 'interviewer' limit 1").fetchone()[0]
    conn.close()
    assert main(["stories", "name", str(question), "x", "--db", str(db)]) == 1
    assert "not one of your answers" in capsys.readouterr().err
    assert main(["stories", "name", "999999", "x", "--db", str(db)]) == 1
    assert "no turn 999999" in capsys.readouterr().err
    answer = question + 1
    assert main(["stories", "name", str(answer), "x", "--db", str(db)]) == 0
    assert main(["stories", "name", str(answer), "", "--db", str(db)]) == 0
    assert "no longer filed" in capsys.readouterr().out
