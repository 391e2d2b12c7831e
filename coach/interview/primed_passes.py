"""The answers' primed passes (final_pass.py) as the session runs: started while the reply is
said, stood aside while a live answer needs the cores, applied on the runner's thread."""
from __future__ import annotations

from coach.domain import Transcript, Turn
from coach.interview.runner_state import RunnerState


class PrimedPasses(RunnerState):
    def _start_final(self) -> None:
        """The last answer's primed pass starts as the reply is said, once the voice has had its lead
        to the first sound (the reply's first sentence renders before the pass takes the cores)."""
        if self._finals:
            lead_s = self.speaker.lead_s()
            self._finals[-1].start(self.transcriber, delay_s=0.5 if lead_s is None else lead_s, give_way=self._give_way)

    def _give_way(self) -> bool:
        """Background work (the primed pass, the cache warm-up) stands aside: an answer is being
        captured and the machine is short of cores, so the live transcriber needs the one left."""
        short = self.short_of_cores
        if not (self.speculate and self._capturing.is_set()) or short is None:
            return False
        try:
            return bool(short())
        except Exception:
            return False

    def _apply_final(self, wait_s: float | None) -> None:
        """Save and score the primed transcript in place of the live one, when it is ready (waiting up
        to `wait_s` for each, oldest first); on the runner's thread, so the store and the scores are touched only here."""
        while self._finals:
            pending = self._finals[0]
            pending.start(self.transcriber)
            if not pending.wait(wait_s):
                return
            self._finals.pop(0)
            revised = pending.revise(self.store, self._scores)
            if revised is not None:
                self._keep_primed(pending.turn, revised.turn)
                self.on_event(revised)

    def _keep_primed(self, live: Turn, primed: Turn) -> None:
        """The question's answers so far hold the primed transcript in place of the live one: a
        follow-up's answer is scored with the whole story as the pass heard it, not as the live windows did."""
        answers = self._answers.get(live.question_id or "", [])
        for i, transcript in enumerate(answers):
            if transcript.text == live.text:
                answers[i] = Transcript(text=primed.text, segments=primed.segments, duration_s=transcript.duration_s)
                return
