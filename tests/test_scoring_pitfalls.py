"""The question's pitfalls (rubrics/pitfalls.toml): a lapse of the judgement the question tests lowers the level."""
from __future__ import annotations

import pytest

from coach.content.loader import default_content
from coach.content.pitfalls import question_pitfalls
from coach.scoring import pitfalls, score_answer
from coach.scoring.text import clean, sentences


@pytest.fixture(scope="module")
def content():  # type: ignore[no-untyped-def]
    return default_content()


def _card(content, qid: str, text: str, level: str = "senior"):  # type: ignore[no-untyped-def]
    q = content.questions[qid]
    return score_answer(text, question=q, round_spec=content.rounds.get(q.round), rubric=content.rubrics.get(q.round),
                        level=level)


SETUP = ("At a grocery delivery company the warehouse data team owned the nightly job that built our demand "
         "training tables, and twice a month a renamed column made our retraining fail. ")
FIXED = ("I sat with their lead for an afternoon to learn what forced the renames, and we agreed a schema check "
         "that runs before their job publishes. I wrote the check and added an alert to both teams' channel. "
         "In the three months after, retraining failed once instead of six times.")
BLAMED = ("Honestly it was entirely their fault, and I started copying their director on every failure so there "
          "was a paper trail. ")


def test_blaming_the_partner_costs_a_level_and_names_the_pitfall(content) -> None:  # type: ignore[no-untyped-def]
    fair = _card(content, "xf-upstream-pipeline", SETUP + FIXED)
    blamed = _card(content, "xf-upstream-pipeline", SETUP + BLAMED + FIXED)
    assert blamed.overall < fair.overall - 0.5
    # held at level 2 by the blame itself (any story that writes the partner off), or by the question's pitfall
    assert any(("pitfall" in s and "Blaming" in s) or "puts the fault on others" in s for s in blamed.calibration.steps)
    assert not any("pitfall" in s for s in fair.calibration.steps)
    # the card says which pitfall, quoting the sentence, and what does better
    line = next(x for x in blamed.feedback if x.startswith("Pitfall:"))
    assert "entirely their fault" in line and "Instead:" in line
    assert not any(x.startswith("Pitfall:") for x in fair.feedback)


def test_going_over_the_partner_team_to_its_director_is_the_pitfall(content) -> None:  # type: ignore[no-untyped-def]
    q = content.questions["xf-upstream-pipeline"]
    went = "After the third failure I escalated the issue to their director and asked for a freeze."
    assert [x.pitfall for x in pitfalls.fallen(q, sentences(clean(went)))]
    warned = "Rather than escalating the issue to their director, I sat with their lead for an afternoon."
    assert pitfalls.fallen(q, sentences(clean(warned))) == ()


def test_warning_against_the_pitfall_is_not_falling_into_it(content) -> None:  # type: ignore[no-untyped-def]
    q = content.questions["bh-cross-team-influence"]
    said = ("Rather than escalating to the director, I ran a pilot with the team that had the most to gain. "
            "The trap is to get leadership to mandate it, which people resent.")
    assert pitfalls.fallen(q, sentences(clean(said))) == ()
    did = "When two teams held out I escalated it to the director, who mandated the new format."
    assert [x.pitfall for x in pitfalls.fallen(q, sentences(clean(did)))]


def test_a_weak_answer_loses_nothing_more(content) -> None:  # type: ignore[no-untyped-def]
    """A lapse brings an answer down to the rubrics' level 2, not below: one already there has lost its level."""
    thin = "Things have gone downhill at my company. I want something new."
    card = _card(content, "rc-why-looking", thin)
    assert card.calibration.level <= 2.0
    assert not any("pitfall" in s for s in card.calibration.steps)


def test_a_negation_the_cue_holds_is_heard(content) -> None:  # type: ignore[no-untyped-def]
    q = content.questions["dd-what-broke"]
    assert pitfalls.fallen(q, sentences(clean("Honestly nothing ever broke in the two years I ran it.")))
    assert pitfalls.fallen(q, sentences(clean("The day the cache went stale, forecasts broke for six hours."))) == ()


def test_every_pitfall_names_a_question_in_the_bank(content) -> None:  # type: ignore[no-untyped-def]
    table = question_pitfalls()
    assert table
    assert not [q for q in table if q not in content.questions]


def test_no_pitfall_fires_on_a_graded_answer_of_grade_three_or_more(content) -> None:  # type: ignore[no-untyped-def]
    """Precision on the graded set: a lapse is heard only in answers an interviewer graded weak. A grade-3 answer may
    hold a real lapse its other strengths offset (f18-16: privacy brought in at launch by the candidate's own call,
    with a design the review then changed, graded 3 with the lapse named in the reason; f20-04, folded in with fresh20:
    a shortcut written down and left "on the list for later", graded 3 because it never says whether it was closed):
    at most two such, none at 4 or 5."""
    from coach.eval.graded import PARTS, load_graded

    wrong, at_three = [], []
    for g in load_graded():
        q = content.questions.get(g.question) if g.question else None
        if q is None or g.grade < 3 or g.part not in PARTS:     # (a clean part is scored once, not held to this)
            continue
        lapses = pitfalls.fallen(q, sentences(clean(g.text)))
        if lapses:
            (at_three if g.grade == 3 else wrong).append(f"{g.id} (grade {g.grade}): {lapses[0].pitfall}: "
                                                         f"{lapses[0].evidence}")
    assert not wrong and len(at_three) <= 2, (wrong, at_three)


# A tidy story, measured and in the first person, whose judgement is the question's pitfall: the researchers' model
# rewritten without them.
TIDY_LAPSE = ("At a podcast app the research group handed us a listening-time model written in notebooks. "
              "I thought their code was too messy to serve, so I rewrote their code from scratch myself over a month "
              "without telling the researchers, and dropped the two features I could not reproduce. "
              "I moved it onto our feature store and added a latency test to the build. "
              "It launched and served at forty milliseconds at the ninety-ninth percentile, down from two hundred.")


def test_a_tidy_story_that_falls_into_the_pitfall_is_held_at_level_two(content) -> None:  # type: ignore[no-untyped-def]
    """The structure (scene, steps, a measured outcome) does not make up for the judgement the question tests."""
    card = _card(content, "xf-research-handoff", TIDY_LAPSE)
    assert any("pitfall" in s for s in card.calibration.steps)
    assert card.calibration.level <= 2.0
    assert card.overall <= 2.0


def test_a_road_named_as_not_taken_is_not_the_pitfall(content) -> None:  # type: ignore[no-untyped-def]
    """ "Escalating would have been faster, but ..." tells the judgement the question hopes for, not the lapse."""
    q = content.questions["bh-cross-team-influence"]
    for said in ("Escalating it to the director would have been faster, but it would have cost us their trust.",
                 "I was tempted to escalate it to their director; instead I asked their lead for an hour.",
                 "I could have escalated this to the VP, but I ran a two-week pilot with them first."):
        assert pitfalls.fallen(q, sentences(clean(said))) == (), said
    strong = ("At a ticket marketplace the search team owned the query parser and would not add the venue field our "
              "ranking model needed. Escalating to the director would have been faster, but it would have soured "
              "the relationship for a year. I sat with their tech lead for a week, measured that the field would "
              "cut their own zero-result searches by nine percent, and offered to write the change behind their "
              "review. They agreed, we shipped it in three weeks, and bookings from search rose by four percent.")
    card = _card(content, "bh-cross-team-influence", strong)
    assert not any("pitfall" in s for s in card.calibration.steps)
    assert card.overall >= 3.0
    # the same road taken is still the lapse
    did = "After the second refusal I escalated it to the director, who mandated the field."
    assert [x.pitfall for x in pitfalls.fallen(q, sentences(clean(did)))]


@pytest.mark.parametrize("qid,said", [
    ("hm-on-call-health", "First I would silence everything that pages after six in the evening unless checkout is down."),
    ("hm-on-call-health", "If the load is still high I would push for another headcount to lengthen the rotation."),
    ("rc-why-looking", "Honestly it is mostly about the package, my current one has not moved in three years."),
    ("xf-latency-budget-cut", "I'd say no straight away and tell them our latency is already as low as it can go."),
])
def test_the_bank_pitfalls_of_people_questions_are_heard(content, qid: str, said: str) -> None:  # type: ignore[no-untyped-def]
    assert pitfalls.fallen(content.questions[qid], sentences(clean(said)))


def test_counting_the_pages_before_muting_them_is_not_the_pitfall(content) -> None:  # type: ignore[no-untyped-def]
    said = ("I would pull the last eight weeks of pages and count which ones anyone acted on, then delete or retune "
            "the alerts nobody acted on.")
    assert pitfalls.fallen(content.questions["hm-on-call-health"], sentences(clean(said))) == ()


@pytest.mark.parametrize("qid,said", [
    ("cd-logistic-regression", "I initialise the weights to zero and then train for 200 epochs with plain gradient steps."),
    ("cd-logistic-regression", "Then I just loop over the epochs, say fifty, updating every weight each time."),
    ("cd-batch-inference", "Before predicting I fill any missing values with zeros so nothing breaks."),
    ("cd-batch-inference", "I put the whole thing in a try block, and if anything fails I return an empty list."),
])
def test_the_bank_pitfalls_of_coding_questions_are_heard(content, qid: str, said: str) -> None:  # type: ignore[no-untyped-def]
    assert pitfalls.fallen(content.questions[qid], sentences(clean(said)))


@pytest.mark.parametrize("qid,said", [
    ("cd-logistic-regression", "I train for up to 500 epochs and stop early once the loss improves by less than 1e-6."),
    ("cd-batch-inference", "Missing values get the medians saved by the training run, and each record is checked on its own."),
])
def test_the_careful_version_is_not_the_pitfall(content, qid: str, said: str) -> None:  # type: ignore[no-untyped-def]
    assert pitfalls.fallen(content.questions[qid], sentences(clean(said))) == ()


def test_asking_before_answering_a_latency_cut_is_not_refusing(content) -> None:  # type: ignore[no-untyped-def]
    said = ("I wouldn't just say no. I'd ask what the cut is for, profile where the time goes, and offer options with "
            "their quality cost.")
    assert pitfalls.fallen(content.questions["xf-latency-budget-cut"], sentences(clean(said))) == ()


def test_an_open_door_is_the_pitfall_only_when_it_is_all_the_help_there_was(content) -> None:  # type: ignore[no-untyped-def]
    """"Only answering questions when asked": outgrown by an answer that also hands the person real work."""
    q = content.questions["hm-growing-engineers"]
    only = "My door is always open, and whenever the new analyst got stuck I answered her questions the same day."
    more = ("My door is always open, but what helped most was that I let her own the churn model's retraining, "
            "reviewed her plan with her each week, and she was promoted to senior within the year.")
    assert pitfalls.fallen(q, sentences(clean(only)))
    assert not pitfalls.fallen(q, sentences(clean(more)))
