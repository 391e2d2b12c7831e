"""A generated practice history with known trends, written into a real coach database.

Scorecards follow the scorer's contract. What the generator guarantees:
- dimensions move along DIM_PATH (start -> end, small noise): STAR structure and
  ownership improve, communication slips, numeric sizing stays the weakest;
- every behavioural answer k (0-based, in time order) misses a measurable result
  unless k % 3 == 2, so 2 of every 3 do; every other system-design answer lacks a
  monitoring plan; every fourth deep-dive answer runs long (below the "recurring" bar);
- fillers fall from about 14 to 3 per answer, speaking rate from 180 to 150 wpm;
- sizing checks hold 1 of 3 at the start and 3 of 3 at the end;
- behavioural transcripts retell six stories (STORIES); none is about a model that never shipped.
"""
from __future__ import annotations

import json
import random
import wave
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

from coach.adapters.store_sqlite import SQLiteStore
from coach.content import default_content
from coach.progress.signals import load_signals

DIM_PATH = {
    "star_structure": (2.0, 4.0), "numeric_sizing": (1.6, 1.9), "tradeoffs": (3.0, 3.0),
    "production_readiness": (2.5, 3.5), "ownership_scope": (2.4, 3.6), "technical_depth": (3.2, 3.4),
    "communication": (3.8, 3.0),
}
ROUND_CYCLE = ("behavioral", "system-design", "deep-dive", "behavioral", "technical-screen",
               "hiring-manager", "system-design", "cross-functional", "behavioral", "coding", "recruiter")
STORIES = {
    "incident": ("bh-production-incident", [
        "Our ranking service had a severe outage on a Friday night after a feature pipeline deploy.",
        "I was the on-call engineer and got paged when click-through dropped sharply on the home feed.",
        "I rolled back the feature pipeline and the serving model within forty minutes.",
        "The root cause was a schema change in the upstream clickstream table that silently nulled a feature.",
        "I wrote the postmortem and added schema contracts plus a canary comparing feature distributions.",
        "Similar incidents fell from monthly to zero over the next two quarters."]),
    "platform": ("bh-platform-initiative", [
        "I proposed and led a shared feature store platform that took about three quarters to build.",
        "Twelve product teams each maintained their own feature pipelines with duplicated joins.",
        "I wrote the roadmap, staffed a small platform team and ran the migration team by team.",
        "We built point-in-time correct backfills and an online store with low millisecond reads.",
        "Adoption reached nine teams and new model launches went from six weeks to ten days.",
        "Training serving skew incidents dropped because offline and online features share one definition."]),
    "mentoring": ("bh-mentoring", [
        "I mentored Priya, a junior engineer who had just joined from a research lab.",
        "She struggled to turn notebooks into production pipelines and her reviews stalled.",
        "We paired twice a week on her evaluation harness and I gave her ownership of the retraining job.",
        "I coached her on writing design docs and presenting trade-offs to the staff group.",
        "Within a year she owned the retraining system and was promoted to senior engineer.",
        "She now mentors two interns herself using the same pairing approach."]),
    "disagreement": ("bh-disagreement", [
        "I disagreed with my manager about replacing our gradient boosted trees with a large transformer.",
        "He wanted the transformer for the roadmap story; I worried about latency and labelling cost.",
        "I built a benchmark on a month of logged traffic comparing both models offline and in a shadow test.",
        "The transformer gained half a point of recall but doubled p99 latency and serving cost.",
        "We agreed to distil the transformer into the tree model features instead, and I committed to it.",
        "The distilled version shipped with most of the gain and our relationship got stronger."]),
    "influence": ("bh-cross-team-influence", [
        "Several teams each trained their own item embeddings, wasting GPU budget and giving inconsistent results.",
        "None of those teams reported to me, so I needed their buy-in rather than a mandate.",
        "I wrote a proposal and ran a design review inviting every team's tech lead to critique it.",
        "I lowered the adoption cost with a client library and a pilot with the search team.",
        "Stakeholders in ads and notifications joined after the pilot cut their training cost by a third.",
        "Five teams now consume the shared embedding service and GPU spend fell by forty percent."]),
    "ambiguity": ("bh-ambiguity", [
        "Leadership gave us a vague goal to reduce subscriber churn with machine learning and nothing more.",
        "The problem was unclear: no definition of churn, no owner, and no baseline.",
        "I framed the problem by interviewing support, finance and product about what churn meant to them.",
        "I scoped a first milestone: a weekly churn risk score feeding retention emails.",
        "We set a success metric of retained subscribers per thousand emails and an experiment plan.",
        "The first version cut churn in the treated group by three percent and set the roadmap."]),
}
STORY_ORDER = ("incident", "platform", "mentoring", "disagreement", "influence", "ambiguity")
OTHER_STORY = {"deep-dive": "platform", "hiring-manager": "mentoring", "cross-functional": "influence",
               "recruiter": "platform"}
TECH_TEXT = [
    "I would start by clarifying the objective, the traffic and the latency budget.",
    "Assume {qps} thousand requests per second and a p99 budget of {ms} milliseconds.",
    "Candidate generation with two towers, then a gradient boosted ranker over a few hundred items.",
    "Features come from a streaming pipeline with hourly batch backfills.",
    "I would compare logistic regression against the boosted trees on calibration and cost.",
]
FILLER_WORDS = ("um", "like", "you know")


@dataclass
class Generated:
    path: Path
    session_ids: list[str] = field(default_factory=list)
    answers_by_round: dict[str, int] = field(default_factory=dict)
    gap_counts: dict[tuple[str, str], int] = field(default_factory=dict)
    turns: int = 0


def _lerp(a: float, b: float, t: float) -> float:
    return a + (b - a) * t


def _card(round_id: str, k: int, t: float, rng: random.Random, rubric, text: str) -> dict:
    dims = []
    for dim in rubric.dimensions:
        lo, hi = DIM_PATH[dim.id]
        score = round(min(5.0, max(0.0, _lerp(lo, hi, t) + rng.uniform(-0.15, 0.15))), 2)
        dims.append({"id": dim.id, "name": dim.name, "weight": dim.weight, "score": score,
                     "rule": f"level {int(score)} of the rubric", "evidence": [f"{dim.id} evidence at {t:.2f}"]})
    gaps = []
    if round_id == "behavioral" and k % 3 != 2:
        gaps.append({"id": "no_result", "severity": 0.9, "evidence": "the story stops before any outcome"})
    if round_id == "system-design" and k % 2 == 0:
        gaps.append({"id": "no_monitoring", "severity": 0.6, "evidence": "nothing on rollout or drift"})
    if round_id == "deep-dive" and k % 4 == 0:
        gaps.append({"id": "too_long", "severity": 0.3, "evidence": "ran past the time box"})
    checks = []
    if round_id == "system-design":
        good = 1 + round(2 * t)
        for i in range(3):
            ok = i < good
            checks.append({"ok": ok, "message": "qps times payload matches storage" if ok else
                           "stated 10 TB but the inputs give 1 TB", "stated": 10.0, "expected": 10.0 if ok else 1.0})
    words = len(text.split())
    fillers = round(_lerp(14, 3, t))
    star_ok = not any(g["id"] == "no_result" for g in gaps)
    weight = sum(d["weight"] for d in dims) or 1.0
    return {
        "star": {**{p: {"present": True, "evidence": [p]} for p in ("situation", "task", "action")},
                 "result": {"present": star_ok, "evidence": ["fell to zero"] if star_ok else []},
                 "score": 4.0 if star_ok else 2.5},
        "sizing": {"quantities": [], "checks": checks, "missing": [], "score": 2.0},
        "delivery": {"words": words, "wpm": round(_lerp(180, 150, t) + rng.uniform(-3, 3), 1),
                     "fillers": {w: fillers // 3 + (1 if i < fillers % 3 else 0) for i, w in enumerate(FILLER_WORDS)}},
        "dimensions": dims, "gaps": gaps, "feedback": [f"Feedback for a {round_id} answer."],
        "overall": round(sum(d["score"] * d["weight"] for d in dims) / weight, 2),
    }


def _text(round_id: str, question_id: str, rng: random.Random) -> tuple[str, str | None]:
    story = None
    if round_id == "behavioral":
        story = next((s for s, (qid, _) in STORIES.items() if qid == question_id), None)
    story = story or OTHER_STORY.get(round_id)
    if story:
        lines = STORIES[story][1]
        kept = [line for line in lines if rng.random() < 0.8] or lines[:3]
        return " ".join(["Um, so,", *kept, "I learned a lot, you know."]), story
    parts = [p.format(qps=rng.randint(5, 80), ms=rng.randint(50, 300)) for p in TECH_TEXT]
    return " ".join(parts), None


def _wav(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(16000)
        w.writeframes(b"\x00\x00" * 1600)


def generate_history(db_path: Path, sessions: int = 60, questions: int = 2, followups: bool = True,
                     days: int = 56, seed: int = 7, audio: bool = False,
                     start: datetime = datetime(2024, 1, 1, 9, 0, tzinfo=timezone.utc),
                     rounds: tuple[str, ...] = ROUND_CYCLE) -> Generated:
    """Write `sessions` sessions of `questions` questions each (question, answer and, with
    `followups`, a follow-up and its answer) spread over `days` days. Returns what was written."""
    content = default_content()
    rng = random.Random(seed)
    # Other rounds retell stories too; keep them off the signals' own questions so coverage stays as designed.
    signal_questions = {q for sig in load_signals() for q in sig.questions}
    store = SQLiteStore(db_path)
    out = Generated(path=Path(db_path))
    per_round: dict[str, int] = {}
    cursors: dict[str, int] = {}
    session_rows, turn_rows = [], []
    for i in range(sessions):
        round_id = rounds[i % len(rounds)]
        t = i / max(1, sessions - 1)
        when = start + timedelta(minutes=int(days * 24 * 60 * i / max(1, sessions)))
        sid = f"{when:%Y%m%d-%H%M%S}-{i:04x}"
        out.session_ids.append(sid)
        pool = ([STORIES[s][0] for s in STORY_ORDER] if round_id == "behavioral"
                else [q.id for q in content.questions_for(round_id) if q.id not in signal_questions])
        idx, overall = 0, []
        for _ in range(questions):
            qid = pool[cursors.get(round_id, 0) % len(pool)]
            cursors[round_id] = cursors.get(round_id, 0) + 1
            asks = [("question", None), ("followup", "no_result")] if followups else [("question", None)]
            for kind, gap in asks:
                turn_rows.append((sid, idx, "interviewer", kind, qid, content.question(qid).prompt if kind == "question"
                                  else "What changed, in numbers?", gap, "bank" if gap else None,
                                  None, None, None, None, 120, 900, None, None, None, when.isoformat()))
                idx += 1
                k = per_round.get(round_id, 0)
                per_round[round_id] = k + 1
                text, _story = _text(round_id, qid, rng)
                card = _card(round_id, k, t, rng, content.rubric(round_id), text)
                for g in card["gaps"]:
                    out.gap_counts[(round_id, g["id"])] = out.gap_counts.get((round_id, g["id"]), 0) + 1
                rel = f"audio/{sid}/{idx:03d}-answer.wav" if audio else None
                if audio:
                    _wav(store.root / rel)
                turn_rows.append((sid, idx, "candidate", "answer", qid, text, None, None, rel, None,
                                  60000 + rng.randint(0, 60000), 800, None, None, 30, json.dumps(card),
                                  card["overall"], when.isoformat()))
                overall.append(card["overall"])
                idx += 1
        if audio:   # an answer cut short: on disk, never stored as a turn
            _wav(store.root / "audio" / sid / f"{idx:03d}-answer.wav")
        session_rows.append((sid, when.isoformat(), (when + timedelta(minutes=30)).isoformat(), "completed",
                             "drill", round_id, "staff", "headless", "tiny.en", "smol", "0.1.0",
                             round(sum(overall) / len(overall), 2), None))
    conn = store.db.conn
    with conn:
        conn.executemany("INSERT INTO sessions (id, started_at, ended_at, status, plan, round, level, mode, stt_model,"
                         " llm_model, app_version, overall, notes) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", session_rows)
        conn.executemany("INSERT INTO turns (session_id, idx, speaker, kind, question_id, text, gap, source, audio_path,"
                         " segments, duration_ms, transcribe_ms, think_ms, speak_ms, score_ms, scores, overall,"
                         " created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", turn_rows)
    store.close()
    out.answers_by_round = per_round
    out.turns = len(turn_rows)
    return out
