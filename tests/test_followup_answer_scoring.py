"""An answer to a follow-up is judged with the story it completes, as an interviewer judges it: the figure
given when probed for the result lifts the question's card, it is never "off topic" for lacking the main
question's words, a dodge keeps its own card, and the session counts each question once."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from coach import services
from coach.adapters.store_sqlite import SQLiteStore
from coach.adapters.tts import SilentSpeaker
from coach.content import default_content
from coach.domain import Transcript
from coach.interview import events as ev
from coach.interview.question_card import joined, last_per_question
from coach.scoring import score_answer
from coach.scoring.scorecard import Scorecard
from tests.fixtures.tui import StubInterviewer, StubTranscriber
from tests.fixtures.typed import TypedAnswers

STORY = ("Our search team kept shipping ranking changes that looked great offline and then did nothing in the "
         "online test. I was the tech lead. I found that our offline evaluation set was built from clicks on the old "
         "ranker, so it rewarded copying the old ranker. I pushed for interleaving and a small human-labelled set, and "
         "I had to win over the two teams who owned the logging. In the end it went fine and people were happier with "
         "how we evaluated.")
RESULT = ("After that, offline and online results agreed on direction for about nine launches in ten, up from about "
          "half, and we cut failed experiments by roughly a third.")


def _interview(tmp_path: Path, answers: list[str]) -> tuple[list[ev.TurnSaved], float | None]:
    content = default_content()
    q = content.question("bh-cross-team-influence")
    store = SQLiteStore(tmp_path / "coach.db")
    sid = store.start_session(plan="drill", round="behavioral", level="senior", mode="headless")
    saved: list[ev.TurnSaved] = []

    def on_event(event: Any) -> None:
        if isinstance(event, ev.TurnSaved) and event.turn.speaker == "candidate":
            saved.append(event)

    runner = services.build_runner(content=content, items=[(q, content.round("behavioral"))],
                                   source=TypedAnswers(answers), transcriber=StubTranscriber(),
                                   interviewer=StubInterviewer(), speaker=SilentSpeaker(), store=store,
                                   scorer=score_answer, on_event=on_event, no_speech="raise", max_followups=1)
    runner.run(sid)
    overall = store.session(sid)["overall"]
    store.close()
    return saved, overall


def test_the_figure_given_when_probed_lifts_the_questions_card(tmp_path: Path) -> None:
    saved, overall = _interview(tmp_path, [STORY, RESULT])
    first, probed = (e.scorecard for e in saved)
    assert first is not None and probed is not None
    assert "no_result" in [g.id for g in first.gaps]                 # the story's result had no figure: probed
    assert saved[1].earlier == (STORY,)                               # scored with the story it completes
    assert [g.id for g in probed.gaps][:1] != ["off_topic"]
    assert "no_result" not in [g.id for g in probed.gaps]            # the probe drew the result out
    assert probed.overall > first.overall
    on_its_own = score_answer(RESULT, question=default_content().question("bh-cross-team-influence"), followup=True)
    assert on_its_own.overall < probed.overall                      # one sentence alone is no story
    assert overall == probed.overall                                 # the question counts once, by its last card


def test_a_dodge_to_the_probe_keeps_its_own_card(tmp_path: Path) -> None:
    saved, overall = _interview(tmp_path, [STORY, "Honestly I don't remember the numbers."])
    first, dodge = (e.scorecard for e in saved)
    assert first is not None and dodge is not None
    assert saved[1].earlier == () and dodge.gaps[0].id == "non_answer"
    assert overall == dodge.overall


def test_joined_answers_run_on_in_time_and_each_question_counts_once() -> None:
    from coach.domain import Segment

    a = Transcript("first part", (Segment(0.0, 4.0, "first part"),), duration_s=5.0)
    b = Transcript("second part", (Segment(0.5, 2.0, "second part"),), duration_s=2.5)
    both = joined([a], b)
    assert both.text == "first part second part" and both.duration_s == 7.5
    assert [(s.start, s.end) for s in both.segments] == [(0.0, 4.0), (5.5, 7.0)]
    cards = [Scorecard(overall=1.0, question_id="q1"), Scorecard(overall=3.0, question_id="q1"),
             Scorecard(overall=2.0, question_id="q2")]
    assert [c.overall for c in last_per_question(cards)] == [3.0, 2.0]


def test_the_result_quote_is_the_measured_outcome_not_the_vague_one_before_it() -> None:
    card = score_answer("I argued that our ranker should move to a large transformer. I pushed the team to spend two "
                        "sprints on it. When I ran the offline comparison myself, the trees were within half a point of "
                        "NDCG and ten times cheaper to serve. I told the team I had been wrong and we kept the trees. In "
                        "the end it worked out fine. We saved about two hundred thousand dollars a year of serving, and "
                        "the two sprints went into features that lifted NDCG by two points.")
    assert card.star.result.evidence[0].startswith("We saved about two hundred thousand dollars")
    assert any(line.startswith('Result is measured: "We saved') for line in card.feedback)


VAGUE = ("Yeah so I think influence is really about relationships. I always try to bring people along and explain "
         "the why, and listen to the other teams. That usually works out for me.")


def test_after_a_reply_that_said_nothing_the_story_drawn_out_is_judged_as_the_answer(tmp_path: Path) -> None:
    """The first reply was talk about influence in general; probed, the candidate tells the story. The
    story is judged as the answer, not as a story that opens on the filler before it."""
    saved, overall = _interview(tmp_path, [VAGUE, STORY + " " + RESULT])
    first, story = (e.scorecard for e in saved)
    assert first is not None and story is not None
    assert first.gaps[0].id == "non_answer"
    assert saved[1].earlier == ()                                     # the filler is left out of the join
    q = default_content().question("bh-cross-team-influence")
    assert story.overall == score_answer(STORY + " " + RESULT, question=q).overall
    assert overall == story.overall


NO_SCENE = ("I argued we should keep our rules engine for flagging refunds instead of a learned model, because I "
            "thought the labels were too noisy. A teammate trained a model on six months of chargebacks anyway, and "
            "on the last month it caught forty percent more abuse at the same false-positive rate. I asked for a "
            "two-week shadow run, and it held up, so we switched and refund abuse fell by a quarter. I told the team "
            "I had been wrong.")
SCENE = ("It was at a food delivery company, about two million orders a day, and refund abuse was costing us roughly "
         "a million dollars a month.")


def test_the_scene_given_when_asked_for_opens_the_story_it_completes(tmp_path: Path) -> None:
    """Tried as a new user would: asked "What was the situation and what was at stake?", the answer was added at the
    end of the story, labelled a result, and the card still said "no situation or stakes"."""
    saved, _ = _interview(tmp_path, [NO_SCENE, SCENE])
    first, probed = (e.scorecard for e in saved)
    assert first is not None and probed is not None
    assert [g.id for g in first.gaps][:1] == ["no_context"]          # probed for the scene
    assert saved[1].earlier == (NO_SCENE,)
    assert probed.star.labels[0] == "situation" and probed.star.situation.evidence[0].startswith("It was at a food")
    assert "no_context" not in [g.id for g in probed.gaps] and probed.overall > first.overall
    both = joined([Transcript(NO_SCENE)], Transcript(SCENE), context_first=True)
    assert both.text.startswith(SCENE)
