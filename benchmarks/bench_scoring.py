"""How long scoring one answer takes: a 3-minute (~450 word) answer, and every graded answer. Target: p95 <= 20 ms.

    python benchmarks/bench_scoring.py [--runs 50]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from coach.domain import Question, RoundSpec, Segment, Transcript  # noqa: E402
from coach.scoring import score_answer  # noqa: E402

ANSWER = """Okay, so before I start, let me clarify the requirements. I'll assume we have about 100 million daily
active users, and each user opens the home feed maybe 10 times a day, so that's a billion feed requests a day,
which is roughly 11,600 QPS on average, and if peak is 3x average we should plan for around 35,000 QPS. Um, for
latency I'd target a p99 of 200 milliseconds end to end, and I'd give retrieval about 30 milliseconds of that.
So, at a high level, I'd build it in two stages. First, candidate generation with a two tower model, where the
user tower takes the last 50 interactions and the item tower takes content features, and we serve item
embeddings from an ANN index like HNSW. With 20 million items at 256 dimensions in float32, each embedding is
about a kilobyte, so the index is roughly 20 gigabytes, which fits in memory on each serving node. Then a heavier
ranker, probably a gradient boosted model to start, scores the top 500 candidates. The trade-off is that the two
tower model can't use cross features, but it keeps retrieval cheap, and I'd rather spend the latency budget on
the ranker. For features I'd use a feature store with point in time correct training data, because training
serving skew is, like, the most common way these systems silently break. For logging, we'd store every
impression, say 2 billion impressions a day at about 500 bytes each, so around 1 terabyte a day, and with 90
days of retention that's about 90 terabytes, which goes to object storage in Parquet. Training runs on 8 GPUs at
about 20,000 examples per second, so a day of data, 2 billion examples, takes about 28 hours per epoch, which is
too slow, so instead of training on everything I'd downsample negatives by 10x, at the cost of needing to
recalibrate the scores afterwards. For rollout, I'd shadow the new ranker first, then run an A/B test on 1
percent of traffic, with dashboards on click through rate and latency, drift alerts on the input features, and
a one click rollback. And I'd retrain daily, with a validation gate that blocks a model whose offline AUC drops by
more than 1 percent. At my last company I led a very similar migration, and I actually built the validation gate
myself; as a result we caught two bad models before they shipped, and p99 went from 450 to 180 milliseconds.
I think the main risk here is cold start for new items, so I'd add a small exploration budget, maybe 2 percent
of impressions, to get them some data, and, you know, monitor how fast new items reach a stable click rate."""


def _transcript() -> Transcript:
    words = ANSWER.split()
    per = 180.0 / len(words)
    segments, t = [], 0.0
    for i in range(0, len(words), 12):
        chunk = words[i:i + 12]
        segments.append(Segment(t, t + per * len(chunk), " ".join(chunk)))
        t += per * len(chunk) + 0.2
    return Transcript(" ".join(words), tuple(segments), duration_s=t)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args(argv)
    transcript = _transcript()
    question = Question("sd-feed", "system-design", ("senior", "staff"), "Design a home feed ranking system.", "",
                        talking_points=("Size the traffic", "Two-stage retrieval and ranking", "Monitoring and rollout"),
                        keywords=(("qps", "users"), ("retrieval", "ranker"), ("monitor", "rollback", "a/b")))
    spec = RoundSpec("system-design", "System design", "", "", (), 45, 300)
    score_answer(transcript, question=question, round_spec=spec)          # warm up (regex compilation)
    times, cpu = [], []
    for i in range(args.runs):
        # a slightly different text each run, so no cache inside the scorer can help
        run = Transcript(transcript.text + f" That was take {i}.", transcript.segments, transcript.duration_s)
        start, start_cpu = time.perf_counter(), time.process_time()
        score_answer(run, question=question, round_spec=spec)
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    words = len(transcript.text.split())
    median, p95 = statistics.median(times), _p95(times)
    print(f"scoring a {words}-word, 3-minute answer: median {median:.2f} ms, p95 {p95:.2f} ms, "
          f"max {max(times):.2f} ms over {args.runs} runs (target p95 <= 20 ms); CPU time median "
          f"{statistics.median(cpu):.2f} ms, p95 {_p95(cpu):.2f} ms (what a busy machine's scheduling does not inflate)")
    graded, graded_cpu = _graded_times()
    gp95 = _p95(graded)
    print(f"scoring each of the {len(graded)} graded answers (tests/data/graded/, at their level, with their round, "
          f"rubric and question): median {statistics.median(graded):.2f} ms, p95 {gp95:.2f} ms, "
          f"max {max(graded):.2f} ms (target p95 <= 20 ms); CPU time median {statistics.median(graded_cpu):.2f} ms, "
          f"p95 {_p95(graded_cpu):.2f} ms")
    # wall time on a quiet machine; on a shared one, CPU time is the figure scheduling does not inflate
    return 0 if min(p95, _p95(cpu)) <= 20 and min(gp95, _p95(graded_cpu)) <= 20 else 1


def _p95(times: list[float]) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


def _graded_times() -> tuple[list[float], list[float]]:
    from coach.content.loader import default_content
    from coach.eval.graded import load_graded
    content = default_content()
    out, cpu = [], []
    for g in load_graded():
        q = content.questions.get(g.question) if g.question else None
        kwargs = dict(question=q, round_spec=content.rounds.get(g.round), rubric=content.rubrics.get(g.round),
                      level=g.level)
        score_answer(Transcript(g.text + " Thanks."), **kwargs)       # each text once before timing it
        start, start_cpu = time.perf_counter(), time.process_time()
        score_answer(Transcript(g.text), **kwargs)
        out.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return out, cpu


if __name__ == "__main__":
    sys.exit(main())
