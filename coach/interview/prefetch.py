"""Drafting the follow-up in the candidate's silence, before the turn has officially ended.

When the candidate stops talking, the hands-free detector still waits out its
silence (2.5 s by default) and a push-to-talk key is released a moment later.
The runner uses that time: the tail of the answer is transcribed ahead of time
(`IncrementalTranscriber.speculate`), scored, a copy of the engine says what
would follow, and if that is a follow-up it is drafted. The draft is used only
if the real end of the turn leads to exactly the same request (same answer
text, gap and questions asked so far); if the candidate speaks again it is
cancelled. Either way the interview asks what it would have asked without it.

Before that, while the candidate speaks, the interviewer may read the start of its
prompt (the question, then the answer's first words once they are committed)
into its cache (`prepare`), so less is left to read when the turn ends.
"""
from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from coach.domain import Question, Transcript
from coach.interview.engine import NeedFollowUp
from coach.ports import FollowUpReply, Interviewer
from coach.streaming.incremental import IncrementalTranscriber


def _key(need: NeedFollowUp) -> tuple[str, str, str, tuple[str, ...]]:
    return need.question.id, need.answer, need.gap, tuple(need.asked)


@dataclass
class _Draft:
    cancel: threading.Event = field(default_factory=threading.Event)
    planned: threading.Event = field(default_factory=threading.Event)   # key is known (or never will be)
    done: threading.Event = field(default_factory=threading.Event)
    key: tuple[str, str, str, tuple[str, ...]] | None = None
    reply: FollowUpReply | None = None


class FollowUpPrefetch:
    """One answer's drafts: at most one in flight; `take` hands over a matching one."""

    PREPARE_WORDS = 30                  # the shortened answer keeps its first 30 words

    def __init__(self, interviewer: Interviewer, plan: Callable[[Transcript], NeedFollowUp | None],
                 question: Question | None = None, window_s: float = 1.5,
                 hold: Callable[[], bool] | None = None, draft_after_s: float = 0.0) -> None:
        self._interviewer = interviewer
        self.draft_after_s = draft_after_s   # the model drafts only once the silence lasts this long
        self._hold = hold               # True: leave the cores to the live transcriber (no cache warm-up now)
        self.window_s = window_s        # a draft should be done this long after the silence began
        self._plan = plan               # what the engine would do after this transcript (on a copy)
        self._question = question
        self._prepared = -1             # words of the answer already read into the interviewer's cache
        self._preparing: threading.Thread | None = None
        self._draft: _Draft | None = None
        self._words: threading.Thread | None = None    # a pause's words transcribed while a draft still runs
        self.drafts = 0                 # started, for the record and the tests
        self.used = 0

    def on_chunk(self, live: IncrementalTranscriber) -> None:
        """Call after each block is fed: starts a draft when the candidate falls silent,
        cancels it when they speak again."""
        draft = self._draft
        if draft is not None and not draft.cancel.is_set() and live.speech_since_marker:
            draft.cancel.set()
        if live.settled() and (draft is None or draft.done.is_set()):
            self._draft = _Draft()
            self.drafts += 1
            threading.Thread(target=self._run, args=(self._draft, live), name="prefetch", daemon=True).start()
        elif live.settled() and (self._words is None or not self._words.is_alive()):
            # the last pause's draft is still letting go of the model (llama.cpp sees a cancel only at its next
            # token): this pause's words are transcribed now all the same, for the end-of-turn policy
            self._words = threading.Thread(target=self._words_only, args=(live,), name="prefetch-words", daemon=True)
            self._words.start()
        elif self._question is not None and self._prepared < self.PREPARE_WORDS:
            self._prepare(live)

    @staticmethod
    def _words_only(live: IncrementalTranscriber) -> None:
        try:
            live.speculate()
        except Exception:   # only the policy's words: without them the silence rule ends the turn
            pass

    def _prepare(self, live: IncrementalTranscriber) -> None:
        prepare = getattr(self._interviewer, "prepare", None)
        if prepare is None or (self._preparing is not None and self._preparing.is_alive()):
            return
        if self._hold is not None and self._hold():
            return
        words = " ".join(s.text for s in live.committed).split()
        if self._prepared >= 0 and len(words) < self.PREPARE_WORDS:
            return
        self._prepared = min(len(words), self.PREPARE_WORDS)
        self._preparing = threading.Thread(target=self._quietly, args=(prepare, self._question, " ".join(words)),
                                           name="prepare", daemon=True)
        self._preparing.start()

    @staticmethod
    def _quietly(prepare: Callable[..., None], question: Question, words: str) -> None:
        try:
            prepare(question, words)
        except Exception:    # only a head start: the follow-up is made either way
            pass

    def _run(self, draft: _Draft, live: IncrementalTranscriber) -> None:
        deadline = time.perf_counter() + self.window_s
        try:
            transcript = live.speculate()
            if transcript is None or transcript.is_empty or draft.cancel.is_set():
                return
            while live.silent_s() < self.draft_after_s:     # a short pause: its words, not yet a draft
                if live.speech_since_marker or draft.cancel.wait(0.02):
                    return
            need = self._plan(transcript)
            if need is None:
                return
            draft.key = _key(need)
            draft.planned.set()
            extra = {"target": need.finding or need.target} if need.finding or need.target else {}
            reply = self._interviewer.follow_up(need.question, need.answer, need.gap, need.asked, cancel=draft.cancel,
                                                deadline=deadline, **extra)
            if not draft.cancel.is_set():
                draft.reply = reply
        except Exception:   # a draft that fails is not used; the turn's own path reports real errors
            draft.reply = None
        finally:
            draft.planned.set()
            draft.done.set()

    def ready(self, need: NeedFollowUp) -> bool:
        """A draft for exactly `need` is written and waiting to be taken."""
        draft = self._draft
        return (draft is not None and not draft.cancel.is_set() and draft.done.is_set()
                and draft.key == _key(need) and draft.reply is not None)

    def take(self, need: NeedFollowUp, give_up: threading.Event | None = None) -> FollowUpReply | None:
        """The drafted reply if it was made for exactly `need` (waiting for it to finish, but not
        past `give_up`: then the draft is cancelled), else None."""
        draft, self._draft = self._draft, None
        if draft is None or draft.cancel.is_set():
            self._settle(draft)
            return None
        if not _wait(draft.planned, give_up) or draft.key != _key(need) or not _wait(draft.done, give_up):
            draft.cancel.set()
            if give_up is None or not give_up.is_set():
                self._settle(draft)     # past the deadline the bank's line is asked: the model is not needed now
            return None
        if draft.reply is not None:
            self.used += 1
        return draft.reply

    def cancel(self) -> None:
        """The turn will not be followed up (repeat, skip, end, or no follow-up needed)."""
        draft, self._draft = self._draft, None
        if draft is not None:
            draft.cancel.set()
            self._settle(draft)

    @staticmethod
    def _settle(draft: _Draft | None) -> None:
        """Wait for a cancelled draft to let go of the models before they are used again."""
        if draft is not None:
            draft.done.wait()


def _wait(event: threading.Event, give_up: threading.Event | None) -> bool:
    """Wait for `event`; False if `give_up` is set first."""
    while not event.wait(0.01 if give_up is not None else None):
        if give_up is not None and give_up.is_set():
            return event.is_set()
    return True
