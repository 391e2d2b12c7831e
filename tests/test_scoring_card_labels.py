"""The card's sentence labels: a plan's steps, and sentences that follow a step or an outcome with no cue of their
own. The answers here are written for these tests and are not in the graded set (tests/data/graded/)."""
from __future__ import annotations

from coach.content.loader import default_content
from coach.scoring import score_answer
from coach.scoring.star import StarReport


def _label_of(r: StarReport, start: str) -> str:
    return next(lab for s, lab in zip(r.sentences, r.labels) if s.startswith(start))


def test_a_plan_the_question_asked_for_shows_its_steps_as_actions() -> None:
    content = default_content()
    question = next(q for q in content.questions.values() if q.prompt.startswith("Our on-call for the models is noisy"))
    answer = ("I would hope it is not as bad as the worst rota I have been on. "
              "Before touching any alert I would export the last two months of pages with who answered and what they did. "
              "Then I'd sort them by how often each alert fired and how often somebody had to act on it. "
              "Alerts that nobody acted on I would turn into a morning digest instead of a page. "
              "I would track night pages per person each week so the team can see whether it works.")
    card = score_answer(answer, question=question, round_spec=content.rounds.get(question.round),
                        rubric=content.rubrics.get(question.round), level="senior")
    r = card.star
    assert _label_of(r, "Before touching") == "action"
    assert _label_of(r, "Then I'd sort") == "action"
    assert _label_of(r, "I would track") == "result"          # what the plan is judged by
    assert _label_of(r, "I would hope") == "other"            # a wish, not a step
    # a planned step is no evidence of work done: nothing is quoted as an action taken
    assert not r.action.evidence
    # the card shows the plan's steps tagged, on the command line and in the app
    from coach.commands.score import render
    from coach.tui.widgets.scorecard_view import highlight_transcript
    assert "[A] Then I'd sort" in render(card.to_dict())
    assert "[A] Then I'd sort" in highlight_transcript(answer, card).plain


def test_the_same_modal_in_a_story_stays_outside_it() -> None:
    r = score_answer("At a grocery chain our delivery slots sold out by noon every Friday. I rebuilt the slot forecast "
                     "on store-level orders. Friday sell-outs fell from nine stores to two. "
                     "I would say I am a calm person under pressure.").star
    assert _label_of(r, "I would say") == "other"


def test_a_sentence_with_no_cue_belongs_to_the_part_it_follows() -> None:
    r = score_answer("At a grocery chain our delivery slots sold out by noon every Friday. "
                     "I pulled a year of orders and compared them with the slots each store offered. "
                     "Most of the shortfall sat in six suburban stores with one van each. "
                     "I moved two vans from the city stores to those six on Fridays. "
                     "Friday sell-outs fell from nine stores to two within a month. "
                     "The store managers were glad of it. "
                     "I believe most planning problems are people problems.").star
    assert _label_of(r, "Most of the shortfall") == "action"      # what the step turned up
    assert _label_of(r, "The store managers") == "result"         # how the outcome was received
    assert _label_of(r, "I believe") == "other"                   # a view stays outside the story
    assert r.action.evidence[0].startswith(("I pulled", "I moved"))   # quotes still come from cued sentences


def test_a_follow_up_opens_with_the_account_it_was_asked_for() -> None:
    # the scene was set in the main answer: the follow-up's opening tells what was asked, an account, not an aside
    r = score_answer("The trickiest one was a cache that kept serving yesterday's prices after a deploy. "
                     "Nobody had set an expiry on the keys. "
                     "I added a one-hour expiry and a check that compares a sample of cached prices with the database. "
                     "The stale-price tickets stopped within a week.", followup=True).star
    assert _label_of(r, "The trickiest one") == "action"
    assert not r.situation.evidence or not r.situation.evidence[0].startswith("The trickiest")


def test_labels_from_the_model_pass_give_quotes_of_their_own() -> None:
    # `python -m coach.eval.star_model` hands the model's labels to the same report (it used to stop on a result)
    from coach.scoring.star import analyse
    from coach.scoring.text import sentences
    sents = sentences("Our nightly job missed its window twice a week. I split it by region and ran the parts in "
                      "parallel. It has finished by two in the morning every night since.")
    r = analyse(sents, given=["situation", "action", "result"])
    assert r.result.evidence[0].startswith("It has finished") and r.action.evidence[0].startswith("I split")
