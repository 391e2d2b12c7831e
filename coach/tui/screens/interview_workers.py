"""The interview screen's threads: the runner (its events become messages), the live transcript while
recording, and letting both end when the screen goes."""
from __future__ import annotations

from textual import work
from textual.widgets import Input, Static

from coach.errors import CoachError
from coach.interview import events as ev
from coach.tui.messages import InterviewDone, PartialTranscript, RunnerEvent, WorkerError
from coach.tui.screens.interview_view import InterviewView
from coach.tui.widgets.scorecard_view import ScorecardView
from coach.tui.wiring import wire_session


class InterviewWorkers(InterviewView):
    """Starts the runner and the live transcript on threads, and listens for the answer."""

    @work(thread=True, exclusive=True, exit_on_error=False, group="interview")
    def _run(self) -> None:
        app = self.app
        while not app.kit_ready.wait(0.1):
            if self._finished.is_set():
                return
        if self._finished.is_set():        # left while the models loaded: no session to start
            return
        kit = app.kit
        if not kit.ready:
            problem = kit.problem() or CoachError("the models are not ready", "check Settings")
            self.post_message(WorkerError(problem, fatal=True))
            self.post_message(InterviewDone(None, "failed"))
            return
        from coach.services import start_session

        status = "failed"
        store = None
        try:
            self.runner, self.source, store = wire_session(
                app, self.request, kit, self.hands_free, on_event=self._runner_callback,
                on_chunk=self.live.add, on_error=lambda exc: self.post_message(WorkerError(exc)))
            runner = self.runner
            self._total_questions = runner.questions
            self.session_id = start_session(
                store, runner, plan=self.request.plan, round_id=self.request.round, level=self.request.level,
                mode=self.mode, stt_model=kit.transcriber.name, llm_model=getattr(kit.interviewer, "name", ""),
                resume=self.request.resume)
            status = runner.run(self.session_id)
        except CoachError as exc:
            self.post_message(WorkerError(exc))
        except Exception as exc:       # never a traceback on screen
            self.post_message(WorkerError(CoachError(f"the interview stopped: {type(exc).__name__}: {exc}",
                                                     "earlier turns are saved; start a new session")))
        finally:
            if store is not None:
                store.close()
        self.post_message(InterviewDone(self.session_id, status))

    def _runner_callback(self, event: ev.Event) -> None:
        """On the runner's thread: hand the event over; in practice mode, hold after a scored answer."""
        if isinstance(event, ev.Listening):
            self.live.reset()
        hold = (self.mode == "practice" and isinstance(event, ev.TurnSaved)
                and event.turn.speaker == "candidate" and event.turn.kind != "clarification")
        if hold:
            self._gate.clear()
        self.post_message(RunnerEvent(event))
        if hold:
            while not self._gate.wait(0.1):
                if self._finished.is_set():
                    return

    @work(thread=True, exclusive=True, exit_on_error=False, group="partial")
    def _partials(self) -> None:
        """Live transcript while recording: the runner's incremental transcript (see LiveAudio.partial_loop)."""
        def heard() -> str:
            return self.runner.heard_so_far() if self.runner is not None else ""

        self.live.partial_loop(heard, self._finished, self.source.paused if self.source else None,
                               lambda text: self.post_message(PartialTranscript(text)))

    # -- listening for the answer ---------------------------------------------------------
    def _listening(self) -> None:
        app = self.app
        self.query_one("#iv-card", ScorecardView).display = False
        partial = self.query_one("#iv-partial", Static)
        partial.display = True
        partial.update("")
        self.query_one("#iv-answer").border_title = "Your answer"
        if self.source is not None and self.source.paused.is_set():
            self._set_state("paused", "p resumes listening")
        elif app.kit.mic_ok and self.hands_free:
            self._start_recording(hands_free=True)
        elif app.kit.mic_ok:
            self._set_state("waiting", "space starts recording · or type below")
        else:
            self._set_state("waiting", "type the answer below (esc: keys)")
            self.query_one("#iv-typed", Input).focus()

    def _start_recording(self, hands_free: bool) -> None:
        self.source.record(hands_free=hands_free)
        self.live.recording.set()
        detail = "answer, then pause to finish" if hands_free else "space stops"
        self._set_state("recording", detail)
        self._partials()

    # -- leaving ------------------------------------------------------------------------
    def shutdown(self) -> None:
        """End the session and let every worker thread return (on quit or leaving the screen)."""
        if self.runner is not None and self.state != "done":
            try:
                self.runner.request("end")
            except Exception:
                pass
        self._finished.set()
        self.live.recording.clear()
        self._gate.set()

    def on_unmount(self) -> None:
        self.shutdown()
