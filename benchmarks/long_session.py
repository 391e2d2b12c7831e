"""A 90-minute interview in one session, answered from file audio as fast as possible: memory and UI lag.

Usage: python benchmarks/long_session.py [--minutes 90] [--json] [--max-slope 30] [--no-app]

One session through the real pipeline (Whisper tiny.en, the SmolLM2 interviewer through llama.cpp,
the scorer, SQLite in a fresh data dir under $COACH_HOME), with as many ~60-second espeak-ng answers
as fill `--minutes` of candidate speaking time (a handful of different answers, reused in rotation).
The questions come round-robin from every round's bank, each round's time box stretched past the
session, so the session runs until the answers do; the engine's clock is simulated (it advances
by each answer's length) so the round timer shows speaking time, not wall time.

By default the session runs inside the Textual app, headless (`App.run_test`), exactly as the
interview screen runs it: each answer goes in through the screen's audio-file box, the scorecard
is left with enter (practice mode), the session is ended with `e` and its summary screen opens.
Meanwhile a 50 ms heartbeat timer on the app records how late each tick fires (event-loop lag),
and once per answer, while the answer is being transcribed, `h` is pressed and the time until the
screen's title has changed is measured (key-press latency under load). `--no-app` drives the same
runner directly, without the app (no lag figures): it separates a leak in the pipeline from one
in the UI.

Process RSS is sampled after every answer; the slope is a least-squares fit of RSS (MB) against
simulated minutes over the second half of the samples (after warm-up), in MB per simulated hour.
It prints figures, not pass/fail; it exits 1 when the slope exceeds `--max-slope`.
"""
from __future__ import annotations

import argparse
import asyncio
import dataclasses
import json
import math
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

# About 150 words each: a minute of espeak-ng speech at 140 words per minute.
ANSWERS = (
    "When I joined the payments team, our fraud model was retrained by hand once a month, and every "
    "retrain took two engineers most of a week. I owned fixing that. I proposed an automated weekly "
    "pipeline, and I chose to build it on our existing Airflow cluster rather than a new streaming "
    "system, because the team already knew it and latency was not the problem. I wrote the feature "
    "backfill job myself, added data validation checks before every release, and ran the new model in "
    "shadow mode for three weeks next to the old one. I also set up alerts on precision and recall so "
    "that a bad release would page us within the hour. As a result, fraud losses dropped by thirty "
    "percent over the next quarter, retraining went from a week of work to zero, and the on-call load "
    "for the team fell by half. If I did it again I would involve the risk analysts earlier.",
    "Let me start with the requirements. We need to score every card transaction in real time, about "
    "two thousand transactions per second at peak, with a latency budget of fifty milliseconds. Ten "
    "million users at roughly twenty transactions a day is about two hundred million events a day, so "
    "storage for ninety days of features is a few terabytes. I would put a feature store in front of "
    "the model, with streaming aggregates computed in Flink and the slow features computed in a daily "
    "batch job. The model itself is a gradient boosted tree, served behind a simple service with a "
    "cache for user features. The main trade-off is freshness against cost: streaming every feature "
    "is expensive, so I would only stream the velocity features that actually move precision. For "
    "monitoring I would track the score distribution, the label delay, and the precision at a fixed "
    "recall, and roll back automatically when they drift.",
    "The project I know best is our ranking model for the home feed. The baseline was logistic "
    "regression on hand made features, and I led the move to a two tower neural model. The hard part "
    "was not the model, it was evaluation: our offline metric, normalized discounted gain, did not "
    "agree with the online click rate. I dug into it and found that position bias in the logged data "
    "was inflating the old model. I added inverse propensity weighting and a small randomized slice of "
    "traffic to estimate the bias. After that the offline and online numbers agreed in eight of nine "
    "experiments. The new model raised the click rate by four percent and session length by two "
    "percent. The trade-off was serving cost, which went up by about fifteen percent, so we distilled "
    "the model into a smaller one and gave most of that cost back.",
    "I disagreed with our product manager about launching a new recommendation model without an A B "
    "test. She had a deadline from leadership, and I understood why, but the offline gains were small "
    "and I was worried about a regression for new users. I set up a meeting with her and the data "
    "scientist, and instead of arguing about opinions I brought numbers: the offline lift, the "
    "confidence interval, and the cost of a bad launch. I proposed a two week holdout with five "
    "percent of traffic, which only moved the date by one week. She agreed, and the holdout showed a "
    "three percent lift overall but a loss for new users, exactly the risk I had flagged. We shipped "
    "to existing users and fixed the cold start problem before the full launch. Since then the team "
    "runs a holdout for every model change, and she asks for one herself.",
    "As a staff engineer my job is mostly to make other engineers effective. Last year I noticed that "
    "every team was building its own model serving stack, with its own bugs and its own on call. I "
    "wrote a short design document comparing three options, talked to the six team leads one by one, "
    "and got agreement on one shared platform. I did not build it alone: I mentored two senior "
    "engineers who owned the pieces, and I reviewed the designs and unblocked decisions. We migrated "
    "twelve models in two quarters. Incidents caused by serving went from five a month to one, and "
    "new models now ship in days instead of weeks. The part I would do differently is communication "
    "with the data science teams; they heard about the migration late, and I had to spend time "
    "rebuilding trust. Now I write a monthly update that every team reads.",
)
HEARTBEAT_S = 0.05


# -- measuring ------------------------------------------------------------------------------
def rss_mb() -> float:
    """Resident set size of this process, in MB (psutil when installed, else /proc/self/statm)."""
    try:
        import psutil

        return psutil.Process().memory_info().rss / 1e6
    except ImportError:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def peak_rss_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3    # kB on Linux


def slope_per_hour(samples: Sequence[tuple[float, float]]) -> float:
    """Least-squares slope of (simulated minutes, RSS MB) over the second half, in MB per hour."""
    half = samples[len(samples) // 2:]
    if len(half) < 2:
        return 0.0
    xs = [x for x, _ in half]
    ys = [y for _, y in half]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    var = sum((x - mx) ** 2 for x in xs)
    if var == 0:
        return 0.0
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / var * 60.0


def pct(values: Sequence[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(q * len(ordered)) - 1))]


def make_answers(folder: Path, texts: Sequence[str] = ANSWERS, rate: int = 140) -> list[tuple[Path, float]]:
    """Render each text with espeak-ng; (wav path, seconds) for each."""
    import soundfile

    out = []
    for i, text in enumerate(texts):
        path = folder / f"answer{i}.wav"
        subprocess.run(["espeak-ng", "-v", "en-us", "-s", str(rate), "-w", str(path), text],
                       check=True, capture_output=True)
        out.append((path, soundfile.info(str(path)).duration))
    return out


def long_items(content: Any, count: int, box_minutes: float) -> list[tuple[Any, Any]]:
    """`count` questions round-robin over the rounds, each round's time box stretched to `box_minutes`."""
    rounds = list(content.rounds)
    banks = {r: content.questions_for(r) for r in rounds}
    specs = {r: dataclasses.replace(content.round(r), time_box_minutes=int(box_minutes) + 1) for r in rounds}
    items: list[tuple[Any, Any]] = []
    turn = 0
    while len(items) < count:
        r = rounds[turn % len(rounds)]
        bank = banks[r]
        if bank:
            items.append((bank[(turn // len(rounds)) % len(bank)], specs[r]))
        turn += 1
    return items


class SimClock:
    """The engine's and the round timer's clock: speaking time, advanced by each answer's length."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


@dataclasses.dataclass
class Figures:
    mode: str
    answers: int = 0
    turns: int = 0
    simulated_min: float = 0.0
    wall_s: float = 0.0
    rss_start_mb: float = 0.0
    rss_end_mb: float = 0.0
    rss_peak_mb: float = 0.0
    rss_max_sampled_mb: float = 0.0
    slope_mb_per_hour: float = 0.0
    rss_samples: list[tuple[float, float]] = dataclasses.field(default_factory=list)
    lag_ticks: int = 0
    lag_p50_ms: float | None = None
    lag_p95_ms: float | None = None
    lag_max_ms: float | None = None
    key_presses: int = 0
    key_p50_ms: float | None = None
    key_p95_ms: float | None = None
    key_max_ms: float | None = None
    screen_updates_missed: int = 0
    saved_events: int = 0
    summary_s: float | None = None
    db_mb: float = 0.0
    audio_mb: float = 0.0
    db_turns: int = 0
    db_answers: int = 0
    answers_complete: int = 0
    session_status: str = ""
    session_reason: str = ""
    followups: int = 0
    turn_s_p50: float = 0.0
    turn_s_max: float = 0.0


def _db_check(db: Path, figures: Figures) -> None:
    from coach.adapters.store_sqlite import SQLiteStore

    store = SQLiteStore(db)
    try:
        (session,) = store.sessions()
        figures.session_status = session["status"]
        turns = store.turns(session["id"])
        figures.db_turns = len(turns)
        answers = [t for t in turns if t["speaker"] == "candidate"]
        figures.db_answers = len(answers)
        figures.followups = sum(t["kind"] == "followup" for t in turns)
        figures.answers_complete = sum(
            bool(t["text"] and t["segments"] and t["scores"] and t["audio_path"] and (db.parent / t["audio_path"]).is_file())
            for t in answers)
    finally:
        store.close()
    figures.db_mb = sum(p.stat().st_size for p in db.parent.glob(db.name + "*")) / 1e6
    figures.audio_mb = sum(p.stat().st_size for p in (db.parent / "audio").rglob("*.wav")) / 1e6


def _count_answers(minutes: float | None, answers: int | None, lengths: Sequence[float]) -> int:
    if answers is not None:
        return answers
    assert minutes is not None
    return max(1, math.ceil(minutes * 60 / statistics.fmean(lengths)))


# -- without the app ------------------------------------------------------------------------
def run_direct(wavs: Sequence[tuple[Path, float]], n: int, db: Path, transcriber: Any = None,
               interviewer: Any = None, progress: Callable[[str], None] = lambda s: None) -> Figures:
    """The runner alone, as `coach interview --headless --silent` builds it, on `n` answers."""
    from coach import services
    from coach.adapters.file_source import FileAnswerSource
    from coach.adapters.tts import SilentSpeaker
    from coach.content import default_content
    from coach.interview import events as ev
    from coach.scoring import score_answer

    figures = Figures(mode="direct")
    content = default_content()
    transcriber = transcriber or services.build_transcriber()
    interviewer = interviewer or services.build_interviewer()
    clock = SimClock()
    order = [wavs[i % len(wavs)] for i in range(n)]
    lengths = iter([s for _, s in order])
    store = services.open_store(db)
    figures.rss_start_mb = rss_mb()
    turn_times: list[float] = []
    last = [time.perf_counter()]

    def on_event(event: Any) -> None:
        if isinstance(event, ev.TurnSaved):
            figures.saved_events += 1
        if isinstance(event, ev.TurnSaved) and event.turn.speaker == "candidate":
            clock.now += next(lengths)
            figures.answers += 1
            now = time.perf_counter()
            turn_times.append(now - last[0])
            last[0] = now
            figures.rss_samples.append((clock.now / 60, rss_mb()))
            progress(f"answer {figures.answers}/{n}: {clock.now / 60:.1f} simulated min, rss {figures.rss_samples[-1][1]:.0f} MB")
        if isinstance(event, ev.SessionEnded):
            figures.session_reason = event.reason

    runner = services.build_runner(
        content=content, items=long_items(content, n + 10, n * 2 + 60), source=FileAnswerSource([p for p, _ in order]),
        transcriber=transcriber, interviewer=interviewer, speaker=SilentSpeaker(), store=store, scorer=score_answer,
        on_event=on_event, no_speech="raise", clock=clock)
    session_id = store.start_session(plan="long", round="", level="senior", mode="headless",
                                     stt_model=transcriber.name, llm_model=interviewer.name)
    started = time.perf_counter()
    try:
        runner.run(session_id)
    finally:
        store.close()
    figures.wall_s = time.perf_counter() - started
    figures.simulated_min = clock.now / 60
    figures.turn_s_p50, figures.turn_s_max = pct(turn_times, 0.5), max(turn_times, default=0.0)
    return figures


# -- inside the app -------------------------------------------------------------------------
async def _until(pilot: Any, condition: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out waiting for {what}")
        await pilot.pause(0.02)


async def _key_latency(app: Any, key: str, changed: Callable[[], bool], timeout: float = 30.0) -> float | None:
    """Send a key as the terminal driver does; seconds until its handler has changed the screen."""
    from textual import events

    pressed = time.perf_counter()
    event = events.Key(key, key)
    event.set_sender(app)
    app._driver.send_message(event)
    while not changed():
        if time.perf_counter() - pressed > timeout:
            return None
        await asyncio.sleep(0.001)
    return time.perf_counter() - pressed


async def _drive_app(wavs: Sequence[tuple[Path, float]], n: int, db: Path, transcriber: Any, interviewer: Any,
                     progress: Callable[[str], None]) -> Figures:
    from coach.adapters.tts import SilentSpeaker
    from coach.config import Settings
    from coach.content import default_content
    from coach.scoring import score_answer
    from coach.tui.app import CoachApp
    from coach.interview import events as ev
    from coach.tui.messages import InterviewDone, RunnerEvent
    from coach.tui.screens.interview import InterviewScreen
    from coach.tui.screens.replay import SessionScreen
    from coach.tui.wiring import SessionRequest

    figures = Figures(mode="app")
    clock = SimClock()
    overrides: dict[str, Any] = {"speaker": SilentSpeaker(), "mic": (False, "no microphone (benchmark)"),
                                 "scorer": score_answer}
    if transcriber is not None:
        overrides["transcriber"] = transcriber
    if interviewer is not None:
        overrides["interviewer"] = interviewer
    app = CoachApp(db=db, settings=Settings(mode="practice"), silent=True, clock=clock, seed=1, overrides=overrides)
    done: list[InterviewDone] = []
    lags: list[float] = []
    keys: list[float] = []
    turn_times: list[float] = []
    beat = {"last": 0.0, "on": False}

    def hook(message: Any) -> None:      # keeps nothing but a count and the end signal: no growth from the benchmark
        if isinstance(message, InterviewDone):
            done.append(message)
        elif isinstance(message, RunnerEvent) and isinstance(message.event, ev.TurnSaved):
            figures.saved_events += 1

    def tick() -> None:
        now = time.perf_counter()
        if beat["on"]:
            lags.append(max(0.0, now - beat["last"] - HEARTBEAT_S))
        beat["last"], beat["on"] = now, True

    async with app.run_test(size=(110, 36), message_hook=hook) as pilot:
        await _until(pilot, app.kit_ready.is_set, 180, "the models")
        if not app.kit.ready:
            raise RuntimeError(f"the models did not load: {app.kit.problem()}")
        content = default_content()
        items = tuple(long_items(content, n + 10, n * 2 + 60))
        app.push_screen(InterviewScreen(SessionRequest(plan="long", round=None, level="senior", mode="practice",
                                                       items=items)))
        await _until(pilot, lambda: isinstance(app.screen, InterviewScreen), 10, "the interview screen")
        screen: Any = app.screen
        app.set_interval(HEARTBEAT_S, tick)
        figures.rss_start_mb = rss_mb()
        started = last = time.perf_counter()
        for i in range(n):
            await _until(pilot, lambda: screen.state == "waiting" or bool(done), 600, f"the question for answer {i + 1}")
            if done:
                raise RuntimeError(f"the interview ended after {i} answers")
            path, seconds = wavs[i % len(wavs)]
            box = screen.query_one("#iv-file")
            box.focus()
            box.value = str(path)
            await pilot.press("enter")
            # under load: the runner is transcribing; the key toggles hands-free and retitles the screen
            latency = await _key_latency(app, "h", lambda t=screen.query_one("#iv-top").border_title:
                                         screen.query_one("#iv-top").border_title != t)
            if latency is None:
                figures.screen_updates_missed += 1
            else:
                keys.append(latency)
            await _until(pilot, lambda: screen.state == "feedback" or bool(done), 600, f"answer {i + 1} to be scored")
            clock.now += seconds
            figures.answers += 1
            now = time.perf_counter()
            turn_times.append(now - last)
            last = now
            figures.rss_samples.append((clock.now / 60, rss_mb()))
            progress(f"answer {figures.answers}/{n}: {clock.now / 60:.1f} simulated min, "
                     f"rss {figures.rss_samples[-1][1]:.0f} MB, lag max so far {max(lags, default=0) * 1000:.0f} ms")
            await pilot.press("enter")           # leave the scorecard: the runner goes on
        await _until(pilot, lambda: screen.state == "waiting", 600, "the next question")
        await pilot.press("escape", "e", "e")     # leave the answer box, end the session (e twice)
        ended = time.perf_counter()
        await _until(pilot, lambda: isinstance(app.screen, SessionScreen), 120, "the session summary")
        await pilot.pause(0.2)
        figures.summary_s = time.perf_counter() - ended
        figures.wall_s = time.perf_counter() - started
        beat["on"] = False
        session_id = done[0].session_id if done else None
        figures.session_reason = "ended by candidate" if session_id else "no session"
        await pilot.press("ctrl+q")
    figures.simulated_min = clock.now / 60
    figures.lag_ticks = len(lags)
    if lags:
        figures.lag_p50_ms, figures.lag_p95_ms, figures.lag_max_ms = (
            round(pct(lags, 0.5) * 1000, 1), round(pct(lags, 0.95) * 1000, 1), round(max(lags) * 1000, 1))
    figures.key_presses = len(keys)
    if keys:
        figures.key_p50_ms, figures.key_p95_ms, figures.key_max_ms = (
            round(pct(keys, 0.5) * 1000, 1), round(pct(keys, 0.95) * 1000, 1), round(max(keys) * 1000, 1))
    figures.turn_s_p50, figures.turn_s_max = pct(turn_times, 0.5), max(turn_times, default=0.0)
    return figures


def run_app(wavs: Sequence[tuple[Path, float]], n: int, db: Path, transcriber: Any = None, interviewer: Any = None,
            progress: Callable[[str], None] = lambda s: None) -> Figures:
    return asyncio.run(_drive_app(wavs, n, db, transcriber, interviewer, progress))


def long_session(work: Path, minutes: float | None = 90, answers: int | None = None, texts: Sequence[str] = ANSWERS,
                 app: bool = True, transcriber: Any = None, interviewer: Any = None,
                 progress: Callable[[str], None] = lambda s: None) -> Figures:
    """One long session in `work` (its data dir); `answers` overrides `minutes`. Returns the figures."""
    work.mkdir(parents=True, exist_ok=True)
    wavs = make_answers(work, texts)
    n = _count_answers(minutes, answers, [s for _, s in wavs])
    db = work / "data" / "coach.db"
    runner = run_app if app else run_direct
    figures = runner(wavs, n, db, transcriber, interviewer, progress)
    samples = figures.rss_samples
    figures.rss_end_mb = samples[-1][1] if samples else rss_mb()
    figures.rss_max_sampled_mb = max((y for _, y in samples), default=figures.rss_end_mb)
    figures.rss_peak_mb = peak_rss_mb()
    figures.slope_mb_per_hour = round(slope_per_hour(samples), 2)
    _db_check(db, figures)
    figures.turns = figures.db_turns
    return figures


def _machine() -> str:
    try:
        model = next(line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name"))
    except (OSError, StopIteration):
        model = platform.processor() or platform.machine()
    return f"{os.cpu_count()} cores, {model}, Python {platform.python_version()}"


def report(f: Figures) -> str:
    lines = [
        f"mode: {f.mode} ({_machine()})",
        f"answers: {f.answers}, turns saved: {f.saved_events}, turns in the database: {f.db_turns} ({f.db_answers} answers, "
        f"{f.answers_complete} complete with transcript, segments, scores and audio; {f.followups} follow-ups)",
        f"session: {f.session_status} ({f.session_reason})",
        f"simulated speaking time: {f.simulated_min:.1f} min; wall time: {f.wall_s:.0f} s "
        f"({f.simulated_min * 60 / max(f.wall_s, 1e-9):.1f}x real time); per answer p50 {f.turn_s_p50:.1f} s, "
        f"max {f.turn_s_max:.1f} s",
        f"RSS: start {f.rss_start_mb:.0f} MB, end {f.rss_end_mb:.0f} MB, max sampled {f.rss_max_sampled_mb:.0f} MB, "
        f"peak (ru_maxrss) {f.rss_peak_mb:.0f} MB",
        f"RSS slope over the second half: {f.slope_mb_per_hour:+.1f} MB per simulated hour",
        f"database: {f.db_mb:.2f} MB; answer audio: {f.audio_mb:.0f} MB",
    ]
    if f.mode == "app":
        lines += [
            f"event-loop lag ({f.lag_ticks} heartbeats of {HEARTBEAT_S * 1000:.0f} ms): p50 {f.lag_p50_ms} ms, "
            f"p95 {f.lag_p95_ms} ms, max {f.lag_max_ms} ms",
            f"key press to screen update while transcribing ({f.key_presses} presses): p50 {f.key_p50_ms} ms, "
            f"p95 {f.key_p95_ms} ms, max {f.key_max_ms} ms; screen did not update: {f.screen_updates_missed}",
            f"end pressed to summary screen ({f.db_turns} turns): {f.summary_s:.2f} s",
        ]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=90.0, help="candidate speaking time to cover (default 90)")
    parser.add_argument("--answers", type=int, default=None, help="this many answers instead of --minutes")
    parser.add_argument("--no-app", action="store_true", help="drive the runner directly, without the app")
    parser.add_argument("--max-slope", type=float, default=30.0,
                        help="exit 1 when RSS grows faster than this many MB per simulated hour (default 30)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="long-session-") as tmp:
        os.environ["COACH_HOME"] = str(Path(tmp) / "home")      # never the user's data dir
        figures = long_session(Path(tmp), args.minutes, args.answers, app=not args.no_app,
                               progress=lambda s: print(s, file=sys.stderr, flush=True))
    if args.json:
        print(json.dumps({**dataclasses.asdict(figures), "machine": _machine(), "max_slope": args.max_slope}, indent=2))
    else:
        print(report(figures))
    ok = (figures.slope_mb_per_hour <= args.max_slope and figures.answers_complete == figures.answers
          and figures.db_answers == figures.answers and figures.db_turns == figures.saved_events)
    if not ok:
        print(f"FAIL: slope above {args.max_slope} MB/h or answers missing from the database", file=sys.stderr)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
