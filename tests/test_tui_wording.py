"""What a new user reads on the app's screens: plain words, never an internal id, nothing stuck or lost."""
from __future__ import annotations

import asyncio
import io
from pathlib import Path
from typing import Any

from rich.console import Console
from textual.widgets import OptionList, Static

from coach.tui.app import CoachApp
from coach.tui.screens.replay import SessionScreen
from coach.tui.screens.scorecard import ScorecardScreen
from tests.fixtures.tui import seed_history, ui_overrides, wait_for


def run(coro: Any) -> Any:
    return asyncio.run(coro)


def _text(screen: Any, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


def test_gaps_and_missing_figures_read_as_words_not_ids(tmp_path: Path) -> None:
    """The seeded card has the gaps no_tradeoff and bad_math and no storage figure; the follow-up probes no_tradeoff."""
    db = tmp_path / "c.db"
    seed_history(db, 1).close()

    async def flow() -> None:
        app = CoachApp(db=db, overrides=ui_overrides())
        async with app.run_test(size=(100, 30)) as pilot:
            await wait_for(pilot, app.kit_ready.is_set, 10, "the kit")
            await pilot.press("v", "enter")
            await wait_for(pilot, lambda: isinstance(app.screen, SessionScreen), 5, "the session")
            screen = app.screen
            card = _text(screen, "#turn-card")
            assert "no alternative weighed" in card and "arithmetic that did not hold up" in card
            assert "no figure for: storage" in card
            assert "no tradeoff" not in card and "bad math" not in card and "missing:" not in card
            await pilot.press("d")
            assert isinstance(app.screen, ScorecardScreen)
            details = str(app.screen.query_one("#dimensions").render())
            assert "Gap: no alternative weighed" in details and "no_tradeoff" not in details
            await pilot.press("escape", "n")
            assert screen.query_one("#turns", OptionList).highlighted == 2
            title = str(screen.query_one("#turn-detail").border_title)
            assert "probing no alternative weighed" in title
    run(flow())


def test_a_bad_audio_file_path_leaves_the_turn_open_for_another_answer(tmp_path: Path) -> None:
    """A typo in the path, then a file that is not audio: each is one clear line, and the typed answer after them
    is taken (the screen used to stay on TRANSCRIBING and refuse every answer with "Not now")."""
    from textual.widgets import Input

    from coach.tui.screens.interview import InterviewScreen
    from coach.tui.wiring import SessionRequest
    from tests.fixtures.tui import ANSWER, fixed_items

    not_audio = tmp_path / "notes.wav"
    not_audio.write_bytes(b"these are my notes, not a recording" * 20)

    async def flow() -> None:
        app = CoachApp(db=tmp_path / "c.db", overrides=ui_overrides())
        async with app.run_test(size=(100, 30)) as pilot:
            await wait_for(pilot, app.kit_ready.is_set, 10, "the kit")
            screen = InterviewScreen(SessionRequest(items=fixed_items(), mode="practice"))
            await app.push_screen(screen)
            await wait_for(pilot, lambda: screen.state == "waiting", 10, "the candidate's turn")
            box = screen.query_one("#iv-file", Input)
            box.value = str(tmp_path / "answr.wav")
            box.focus()
            await pilot.press("enter")
            await pilot.pause()
            assert screen.state == "waiting"
            assert any("no such audio file" in n.message for n in app._notifications)
            box.value = str(not_audio)
            box.focus()
            await pilot.press("enter")
            await wait_for(pilot, lambda: screen.state == "waiting", 10, "the turn to come back")
            typed = screen.query_one("#iv-typed", Input)
            typed.value = ANSWER
            typed.focus()
            await pilot.press("enter")
            await wait_for(pilot, lambda: screen.state == "feedback", 10, "the typed answer's card")
    run(flow())


def test_home_progress_bars_are_one_per_answer_on_the_0_to_5_scale(tmp_path: Path) -> None:
    """The bars used to be scaled to each row's own minimum and maximum: a single 0.0 drew a full bar, and two
    answers of 2.0 and 1.5 a low and a full one. Now a bar is an answer, and its height is its score."""
    from coach.tui.widgets.progress import ScoreBars, score_bars

    db = tmp_path / "c.db"
    seed_history(db, 2).close()          # ownership 2.0, 1.5, then 2.8, 2.3; delivery 3.0 each time

    async def flow() -> None:
        app = CoachApp(db=db, overrides=ui_overrides())
        async with app.run_test(size=(100, 30)) as pilot:
            await wait_for(pilot, lambda: bool(app.screen.query(ScoreBars)), 5, "the progress rows")
            await pilot.pause()
            ownership = str(app.screen.query_one("#bars-ownership_scope", ScoreBars).render())
            delivery = str(app.screen.query_one("#bars-communication", ScoreBars).render())
            assert ownership == "▄▃▅▄" and delivery == "▅▅▅▅"
            assert "0-5" in str(app.screen.query_one("#progress").border_title)
    run(flow())
    assert str(score_bars([0.0], 40)) == "▁" and str(score_bars([5.0], 40)) == "█"
    assert str(score_bars([1.0] * 50, 12)) == "▂" * 12          # the latest answers that fit


def test_home_shows_the_microphone_and_voice_while_the_models_load(tmp_path: Path,
                                                                   monkeypatch: Any) -> None:
    """While the speech model loads, Home said "✗ microphone not checked yet" and a bare "✗" for the voice,
    both read from the empty kit; it now shows what the loading kit already found."""
    import threading

    from coach import services

    release = threading.Event()

    def slow_transcriber(name: Any = None) -> Any:
        release.wait(20)
        from tests.fixtures.tui import StubTranscriber
        return StubTranscriber()

    monkeypatch.setattr(services, "build_transcriber", slow_transcriber)
    parts = ui_overrides()
    del parts["transcriber"]

    async def flow() -> None:
        app = CoachApp(db=tmp_path / "c.db", overrides=parts)
        async with app.run_test(size=(100, 30)) as pilot:
            await wait_for(pilot, lambda: app.kit_status[0] >= 3, 10, "the speech model step")
            await pilot.pause()
            setup = _text(app.screen, "#setup")
            release.set()
            assert "loading the speech model" in setup
            assert "no microphone found" in setup and "not checked yet" not in setup
            assert "text-only interviewer" in setup
            assert not any(line.strip() == "✗" for line in setup.splitlines())
            await wait_for(pilot, app.kit_ready.is_set, 20, "the kit")
            await pilot.pause()
            assert "models ready" in _text(app.screen, "#setup")
    run(flow())


def test_one_stray_e_does_not_end_the_session_but_e_twice_does(tmp_path: Path) -> None:
    """Typing an answer with the focus outside the answer box used to end the interview at its first "e"."""
    from coach.tui.screens.interview import InterviewScreen
    from coach.tui.wiring import SessionRequest
    from tests.fixtures.tui import fixed_items

    async def flow() -> None:
        app = CoachApp(db=tmp_path / "c.db", overrides=ui_overrides())
        async with app.run_test(size=(100, 30)) as pilot:
            await wait_for(pilot, app.kit_ready.is_set, 10, "the kit")
            screen = InterviewScreen(SessionRequest(items=fixed_items() * 2, mode="practice"))
            await app.push_screen(screen)
            await wait_for(pilot, lambda: screen.state == "waiting", 10, "the candidate's turn")
            screen.set_focus(None)
            await pilot.press("e")
            await pilot.pause(0.3)
            assert app.screen is screen and screen.state == "waiting"
            assert any("Press e again" in n.message for n in app._notifications)
            await pilot.press("e")
            await wait_for(pilot, lambda: isinstance(app.screen, SessionScreen), 10, "the summary")
    run(flow())


def test_a_clarifying_reply_keeps_the_design_question_on_screen(tmp_path: Path) -> None:
    """The reply to a clarifying question replaced the question: the candidate then designed from memory."""
    from textual.widgets import Input

    from coach.content import default_content
    from coach.tui.screens.interview import InterviewScreen
    from coach.tui.wiring import SessionRequest

    content = default_content()
    question = content.questions["sd-fraud-detection"]
    items = ((question, content.round("system-design")),)

    async def flow() -> None:
        app = CoachApp(db=tmp_path / "c.db", overrides=ui_overrides())
        async with app.run_test(size=(100, 30)) as pilot:
            await wait_for(pilot, app.kit_ready.is_set, 10, "the kit")
            screen = InterviewScreen(SessionRequest(items=items, round="system-design", mode="practice"))
            await app.push_screen(screen)
            await wait_for(pilot, lambda: screen.state == "waiting", 10, "the question")
            box = screen.query_one("#iv-typed", Input)
            box.value = "Before I sketch anything, how many payments per second do we see at peak?"
            box.focus()
            await pilot.press("enter")
            await wait_for(pilot, lambda: "clarifying" in str(screen.query_one("#iv-question").border_title),
                           10, "the reply")
            await wait_for(pilot, lambda: screen.state == "waiting", 10, "the turn back")
            shown = _text(screen, "#iv-question-text")
            assert "payments per second" in shown.split("The question:")[0]       # the reply first
            assert f"The question: {question.prompt}" in " ".join(shown.split())
    run(flow())


def test_the_summary_opens_on_the_closing_and_a_design_answer_shows_its_question(tmp_path: Path) -> None:
    """The summary after a session opened on its first answer (or on a clarifying question) rather than on the
    closing remarks; and the design answer after a clarification showed the interviewer's reply as what it answered."""
    from coach.adapters.store_sqlite import SQLiteStore
    from coach.domain import Turn
    from coach.scoring import Scorecard
    from tests.fixtures.tui import sample_card

    store = SQLiteStore(tmp_path / "c.db")
    sid = store.start_session(plan="drill", round="system-design", level="senior", mode="practice")
    ask = "Design the fraud check for card payments at checkout."
    for turn in (Turn(sid, 0, "interviewer", ask, question_id="sd-x", kind="question"),
                 Turn(sid, 1, "candidate", "How many payments per second at peak?", question_id="sd-x",
                      kind="clarification"),
                 Turn(sid, 2, "interviewer", "About 3,000 at the holiday peak.", question_id="sd-x",
                      kind="clarification"),
                 Turn(sid, 3, "candidate", "I would score each payment with a small model.", question_id="sd-x",
                      kind="answer", scores=Scorecard.from_dict(sample_card(2.5))),
                 Turn(sid, 4, "interviewer", "That's all the time we have. What to practise: name a trade-off.",
                      kind="closing")):
        store.add_turn(turn)
    store.end_session(sid, "completed", overall=2.5)
    store.close()

    async def flow() -> None:
        app = CoachApp(db=tmp_path / "c.db", overrides=ui_overrides())
        async with app.run_test(size=(100, 30)) as pilot:
            await wait_for(pilot, app.kit_ready.is_set, 10, "the kit")
            await app.push_screen(SessionScreen(sid, summary=True))
            await pilot.pause()
            screen = app.screen
            assert screen.query_one("#turns", OptionList).highlighted == 4
            assert "What to practise" in _text(screen, "#turn-question")
            await pilot.press("p")
            shown = " ".join(_text(screen, "#turn-question").split())
            assert shown.startswith(ask) and "after 1 answer to your clarifying questions" in shown
            assert "3,000" not in shown
    run(flow())


def test_rounds_are_named_as_on_home_not_by_their_ids(tmp_path: Path) -> None:
    from textual.widgets import DataTable

    db = tmp_path / "c.db"
    seed_history(db, 1).close()

    def cells(table: DataTable[Any]) -> str:
        return " ".join(str(table.get_row_at(i)) for i in range(table.row_count))

    async def flow() -> None:
        app = CoachApp(db=db, overrides=ui_overrides())
        async with app.run_test(size=(100, 30)) as pilot:
            await wait_for(pilot, app.kit_ready.is_set, 10, "the kit")
            recent = cells(app.screen.query_one("#sessions", DataTable))
            assert "Behavioural round" in recent and "behavioral" not in recent
            await pilot.press("v")
            past = cells(app.screen.query_one("#replay-sessions", DataTable))
            assert "Behavioural round" in past and "behavioral" not in past
            await pilot.press("enter")
            await wait_for(pilot, lambda: isinstance(app.screen, SessionScreen), 5, "the session")
            head = _text(app.screen, "#session-head")
            assert "Behavioural round" in head and "behavioral" not in head
            assert "Round drill" not in head          # a drill of one round is named by its round
    run(flow())


def test_settings_labels_are_whole_and_the_file_is_not_said_saved_before_saving(tmp_path: Path) -> None:
    from textual.widgets import Label

    from coach.tui.screens.settings import SettingsScreen

    async def flow() -> None:
        app = CoachApp(db=tmp_path / "c.db", overrides=ui_overrides())
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("o")
            assert isinstance(app.screen, SettingsScreen)
            await pilot.pause()
            for label in app.screen.query(".field-label").results(Label):
                words = str(label.render())
                assert label.size.width > len(words), f"{words!r} is cut or runs into its value"
            path = _text(app.screen, "#settings-path")
            assert path.startswith("Config file:") and "Saved" not in path
    run(flow())


def test_question_mark_lists_every_key_and_still_types_in_an_answer(tmp_path: Path) -> None:
    """Home's r (resume) and c (close), and the scorecard's enter and d, were in no footer and no help."""
    from textual.widgets import HelpPanel, Input

    from coach.tui.screens.interview import InterviewScreen
    from coach.tui.wiring import SessionRequest
    from tests.fixtures.tui import fixed_items

    async def flow() -> None:
        app = CoachApp(db=tmp_path / "c.db", overrides=ui_overrides())
        async with app.run_test(size=(100, 30)) as pilot:
            await wait_for(pilot, app.kit_ready.is_set, 10, "the kit")
            await pilot.press("question_mark")
            await pilot.pause()
            panel = app.screen.query_one(HelpPanel)
            console = Console(width=100, record=True, file=io.StringIO())
            for table in panel.query("BindingsTable"):
                console.print(table.render())
            keys = console.export_text()
            assert "Resume interrupted" in keys and "Close interrupted" in keys and "Settings" in keys
            await pilot.press("question_mark")
            await pilot.pause()
            assert not app.screen.query(HelpPanel)
            screen = InterviewScreen(SessionRequest(items=fixed_items(), mode="practice"))
            await app.push_screen(screen)
            await wait_for(pilot, lambda: screen.state == "waiting", 10, "the candidate's turn")
            box = screen.query_one("#iv-typed", Input)
            box.focus()
            await pilot.press("w", "h", "y", "question_mark")
            assert box.value == "why?" and not screen.query(HelpPanel)
    run(flow())


def test_without_a_microphone_no_level_meter_and_a_typed_answer_on_the_card_is_kept(tmp_path: Path) -> None:
    """No microphone: the empty "mic -- dB" meter is gone. Text sent while the scorecard is up is not lost
    and the notice says how to go on (it said "wait for the question", with the question on screen)."""
    from textual.widgets import Input

    from coach.tui.screens.interview import InterviewScreen
    from coach.tui.widgets.level_meter import LevelMeter
    from coach.tui.wiring import SessionRequest
    from tests.fixtures.tui import ANSWER, fixed_items

    async def flow() -> None:
        app = CoachApp(db=tmp_path / "c.db", overrides=ui_overrides())
        async with app.run_test(size=(100, 30)) as pilot:
            await wait_for(pilot, app.kit_ready.is_set, 10, "the kit")
            screen = InterviewScreen(SessionRequest(items=fixed_items() * 2, mode="practice"))
            await app.push_screen(screen)
            await wait_for(pilot, lambda: screen.state == "waiting", 10, "the candidate's turn")
            assert not screen.query_one("#iv-level", LevelMeter).display
            box = screen.query_one("#iv-typed", Input)
            box.value = ANSWER
            box.focus()
            await pilot.press("enter")
            await wait_for(pilot, lambda: screen.state == "feedback", 10, "the scorecard")
            box.value = "My second story starts with"
            box.focus()
            await pilot.press("enter")
            assert box.value == "My second story starts with" and screen.state == "feedback"
            assert any("the scorecard is up" in n.message for n in app._notifications)
    run(flow())


def test_replay_says_when_a_follow_up_answer_was_scored_with_the_answer_before(tmp_path: Path) -> None:
    """The follow-up answer's card (and its tagged text) starts with the first answer's sentences: the replay
    now says so, as the interview's card does."""
    from coach.adapters.store_sqlite import SQLiteStore
    from coach.domain import Turn
    from coach.scoring import Scorecard
    from tests.fixtures.tui import sample_card

    first, second = "We had a problem with a model and we fixed it.", "I rolled it back and added a shadow stage."

    def card(sentences: list[str], labels: list[str]) -> Scorecard:
        data = sample_card(2.5)
        data["star"].update({"sentences": sentences, "labels": labels})
        return Scorecard.from_dict(data)

    store = SQLiteStore(tmp_path / "c.db")
    sid = store.start_session(plan="drill", round="behavioral", level="senior", mode="practice")
    for turn in (Turn(sid, 0, "interviewer", "Tell me about a mistake.", question_id="bh-x", kind="question"),
                 Turn(sid, 1, "candidate", first, question_id="bh-x", kind="answer",
                      scores=card([first], ["action"])),
                 Turn(sid, 2, "interviewer", "What did you do yourself?", question_id="bh-x", kind="followup",
                      gap="we_not_i"),
                 Turn(sid, 3, "candidate", second, question_id="bh-x", kind="answer",
                      scores=card([first, second], ["action", "action"]))):
        store.add_turn(turn)
    store.end_session(sid, "completed", overall=2.5)
    store.close()

    async def flow() -> None:
        app = CoachApp(db=tmp_path / "c.db", overrides=ui_overrides())
        async with app.run_test(size=(100, 30)) as pilot:
            await wait_for(pilot, app.kit_ready.is_set, 10, "the kit")
            await app.push_screen(SessionScreen(sid))
            await pilot.pause()
            screen = app.screen
            detail = screen.query_one("#turn-detail")
            assert str(detail.border_title).startswith("Answer 01") and "earlier" not in str(detail.border_title)
            await pilot.press("n", "n")
            assert "Answer 03 · scored with the answer before" in str(detail.border_title)
    run(flow())


def test_scorecard_evidence_reads_as_sentences_once_not_1_times_and_one_full_stop_after_a_quote() -> None:
    from coach.content import default_content
    from coach.domain import Transcript
    from coach.scoring import score_answer
    from coach.tui.screens.scorecard import render_dimensions
    from coach.tui.widgets.scorecard_view import render_card

    content = default_content()
    question = content.question("bh-disagreement")
    answer = "We disagreed about the model. I ran a test and we moved on. We shipped it."
    card = score_answer(Transcript(text=answer), question=question, round_spec=content.round(question.round))
    shown = render_card(card).plain + "\n" + render_dimensions(card).plain
    assert '"I" once' in shown and "1 times" not in shown
    assert 'it ends: "We shipped it."' in shown and '.".' not in shown
