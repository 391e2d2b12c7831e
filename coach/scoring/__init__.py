"""The answer scorer: a transcript in, a Scorecard out. Pure: no device, model, file or network.

    from coach.scoring import score_answer
    card = score_answer("I don't know.", round_spec=spec)
    card.to_dict()["gaps"][0]["id"]      # "non_answer"

The JSON contract of `Scorecard.to_dict()` is documented in coach/scoring/README.md.
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from coach.content.answer_words import phrases, word_list
from coach.domain import Question, RoundSpec, Rubric, Transcript
from coach.scoring import delivery as _delivery
from coach.scoring import (claims, dismissals, levels, napkin, on_topic, per_answer, pitfalls, plan_instead,
                           plan_steps, sidestep, signals, sizing, star, talking_points)
from coach.scoring.gaps import Gap, feedback, find_gaps
from coach.scoring.story_outcome import is_step
from coach.scoring.napkin import Check
from coach.scoring.calibrate import Calibration, answer_kind, calibrate, to_score
from coach.scoring.rubric import DESIGN_ROUNDS, NON_ANSWER_CAP, Analysis, DimensionScore, dimensions, resolve_rubric
from coach.scoring.scorecard import CONTRACT_VERSION, Scorecard, SizingReport, read_scorecard
from coach.scoring.sizing import Quantity
from coach.scoring.text import Sentence, clean, sentences
from coach.scoring.units import KINDS

__all__ = ["score_answer", "Scorecard", "read_scorecard", "Calibration", "SizingReport", "Quantity", "Check", "Gap", "DimensionScore", "KINDS",
           "CONTRACT_VERSION"]


NO_EVENT_MAX_WORDS = 80
STORY_ROUNDS = ("behavioral", "hiring-manager", "cross-functional", "deep-dive", "recruiter")   # asked for stories


def _no_event(report: star.StarReport, text: str) -> bool:
    """A short answer to a tell-me-about-a-time question that tells no event at all: every sentence a trait, a
    habit or a view ("my biggest mistake is that I care too much about details ... I've learned to delegate"); or
    one of any length that only says what the candidate would do (`_only_a_plan`)."""
    # a sentence whose only step names a group of people ("many of the people I mentored were promoted") tells none
    if not report.labels or any(lab != "other" and not (_PEOPLE_CLAUSE.search(t) and
                                                        not is_step(_PEOPLE_CLAUSE.sub(" ", t)))
                                for t, lab in zip(report.sentences, report.labels)):
        return False
    return len(text.split()) <= NO_EVENT_MAX_WORDS or _only_a_plan(report.sentences)


HABIT_MIN_WORDS = 60      # a short answer of habits is read by `_no_event`


def _habit_only(text: str) -> bool:
    """A tell-me-about-a-time answer that says how the candidate usually works ("the way I approach them is ...")
    and tells no step in the past: a process described, not an event (rubrics/answer_words.toml `[habit]`)."""
    if len(text.split()) < HABIT_MIN_WORDS:
        return False
    habit, past = _habit_words()
    return bool(habit.search(text)) and not past.search(_PEOPLE_CLAUSE.sub(" ", text))


# "the people I mentored", "everyone we hired": a past verb that names a group of people, not a step told
_PEOPLE_CLAUSE = re.compile(r"\b(?:people|engineers|folks|colleagues|juniors|interns|hires|reports|everyone|anyone|"
                            r"those|others|ones)\s+(?:that |who |whom )?(?:i|we|i've|we've|i have|we have)\s+\w+ed\b", re.I)


@lru_cache(maxsize=1)
def _habit_words() -> tuple[re.Pattern[str], re.Pattern[str]]:
    habit = re.compile(r"(?<![a-z])(?:" + "|".join(map(re.escape, phrases("habit", "phrases"))) + r")(?![a-z])", re.I)
    irregular = "|".join(word_list("habit", "past"))
    # ("need", "embed", "speed" end in -ed and are no past: "we even need a model")
    past = re.compile(r"\b(?:i|we|my team|our team|the team)\s+(?:\w+\s+){0,2}?(?:(?!(?:need|feed|seed|speed|proceed|exceed|"
                      r"succeed|embed|shed|bed|red)\b)\w{2,}ed|" + irregular + r")\b", re.I)
    return habit, past


# A condition or an open choice is no step taken: "if I disagreed with my manager, ...", "whatever we decided".
_SUPPOSED = re.compile(r"\b(?:even )?(?:if|unless|whether|whatever|whichever)\b[^,;]*?(?=,|;|\bi'?d\b|\bi would\b|$)",
                       re.I)


def _only_a_plan(sents: tuple[str, ...]) -> bool:
    """A plan told for a story question: no sentence tells a step the candidate took (a condition is none), and
    most say what they would do. A strong interviewer hears no story yet and asks for one, not for the outcome of
    a story never told."""
    would = _would()
    return bool(sents) and not any(is_step(_SUPPOSED.sub(" ", s)) for s in sents) and \
        2 * sum(bool(would.search(s.replace("\u2019", "'"))) for s in sents) > len(sents)


@lru_cache(maxsize=1)
def _would() -> re.Pattern[str]:
    """What one would do or usually does, not what was done (rubrics/answer_words.toml `[plan] would`)."""
    return re.compile(r"(?<![a-z])(?:" + "|".join(map(re.escape, phrases("plan", "would"))) + r")(?![a-z])", re.I)


def _thin(question: Question | None, sents: list[Sentence], story: bool) -> bool:
    """Does the answer give at most half of what the question wants: half of its talking points or fewer covered,
    or, in a story, no step of the candidate's told? A redirect or a declined choice then stands for the answer
    (coach/scoring/sidestep.py)."""
    if story and not any(is_step(s.text) for s in sents):
        return True
    if question is None or not question.talking_points:
        return False
    covered = len(talking_points.coverage(question, sents, story=story).covered)
    return covered * 2 <= len(question.talking_points)


def score_answer(transcript: Transcript | str, *, question: Question | None = None,
                 round_spec: RoundSpec | None = None, rubric: Rubric | None = None,
                 level: str | None = None, followup: bool = False) -> Scorecard:
    """Score one spoken answer. Never raises on odd text: empty or garbage input is a non-answer.

    `level` ("senior" | "staff") sets the bar: at staff, missing staff signals lower the overall and are
    named on the card. `followup`: the answer replies to a follow-up, so its context came before it.
    """
    per_answer.start()           # what rules worked out for the last answer's sentences is not this one's
    if isinstance(transcript, Transcript):
        raw = transcript.text or " ".join(s.text for s in transcript.segments)
        segments, duration = transcript.segments, transcript.duration_s
    else:
        raw, segments, duration = str(transcript or ""), (), None
    text = clean(raw)
    sents = sentences(text)
    round_id = (round_spec.id if round_spec else None) or (rubric.round if rubric else None) or \
        (question.round if question else None)

    quantities = sizing.extract(text, sents)
    checks = napkin.check(quantities, text, sizing.factors(text))
    quantities = [q for q in quantities if sizing.sizes_something(q)]     # the card's Sizing: no small counts
    report = _delivery.analyse(text, segments, duration, round_spec.answer_seconds if round_spec else None)
    production = signals.production_concepts(text)
    na = signals.non_answer(text, question)
    star_report = star.analyse(sents, followup=followup) if na is None else star.no_story(sents)
    story = answer_kind(round_id, question, True) == "story"       # the question asks for a story
    told_a_plan = False      # a concrete plan in place of the story asked, where the rubric scores one (plan_instead.py)
    if na is None and story and round_id in STORY_ROUNDS and not followup \
            and _no_event(star_report, text):
        only_a_plan = _only_a_plan(star_report.sentences)
        told_a_plan = only_a_plan and question is not None and not plan_instead.hypothetical_is_lowest(rubric) and \
            plan_instead.concrete(text, question.prompt, len(talking_points.coverage(question, sents).covered))
        if not told_a_plan:
            how = "what they would do" if only_a_plan else "how they are in general"
            na = signals.NonAnswer("non_answer", f'{len(text.split())} words and no event told, only {how}: '
                                                 f'"{" ".join(text.split())[:120]}"')
            star_report = star.no_story(sents)
    if na is None and story and round_id in STORY_ROUNDS and not followup and _habit_only(text):
        na = signals.NonAnswer("non_answer", f'{len(text.split())} words and no event told, only how they usually '
                                             f'work: "{" ".join(text.split())[:120]}"')
        star_report = star.no_story(sents)
    if (na is None or na.gap == "off_topic") and story and round_id in STORY_ROUNDS and not followup:
        # a story, well told or not, about something not asked is off topic, and the card names what it missed (for
        # the follow-up to steer back to); one that reaches the topic in its own words is not ("I thought daily
        # was needed ... he came round" answers a question about a disagreement, sharing none of its words)
        reached = on_topic.reaches(text, question)
        if reached is False:
            na, star_report = on_topic.off_topic(text, question), star.no_story(sents)
        elif reached and na is not None:
            na, star_report = None, star.analyse(sents, followup=followup)
    if (na is None or na.gap == "off_topic") and \
            (declined := sidestep.sidestep([s.text for s in sents], lambda: _thin(question, sents, story))) is not None:
        # polite, long enough, and no answer to the question; one that declines it and offers something else in its
        # place ("happy to walk you through our dashboards instead") is not answering another question by mistake
        na, star_report = declined, star.no_story(sents)
    if na is None and (levels.stock(text) or levels.career_lines(round_id, sents, text)):
        # stock phrases in place of specifics, or a list of past jobs: no sentence of it is a part of a story to quote
        star_report = star.no_story(sents)
    outcomes = tuple(t for t, lab in zip(star_report.sentences, star_report.labels)
                     if lab == "result" and talking_points.is_measured(t))
    wrong, wrong_sents = claims.scan(question, sents) if na is None else ((), frozenset())
    if na is None and not wrong:
        # a shortcut justified by a certainty: the wrong claim no one wrote down (one already caught says it)
        wrong = dismissals.waved_away(sents)
    # in a story, what is not part of it (a habit, a belief, a plan, a claim in the present) covers no point either
    # and when no step is told at all, a sentence with no past event ("Good communication during an outage is just
    # as important as the fix") is a view, not the story asked for
    told = "action" in star_report.labels
    aside = frozenset(t for t, lab in zip(star_report.sentences, star_report.labels)
                      if (lab == "other" and star.aside(t.lower())) or (not told and not star.narrative(t.lower()))
                      ) if story and not told_a_plan else frozenset()    # (a plan's steps are its points)
    results = frozenset(t for t, lab in zip(star_report.sentences, star_report.labels) if lab == "result")
    own = talking_points.own_steps(star_report.sentences, star_report.labels) if story else ()
    # a point attempted with wrong arithmetic is not made: the sentence that states a derived figure more than the
    # napkin tolerance off covers no point ("two bytes a parameter, about 14 GB for the 70B model, so one card")
    miscounted = frozenset(s.text for s in sents if any(not c.ok and s.start <= c.at < s.end for c in checks))
    lessons = tuple(t for t in star_report.sentences if levels.reflects(t) and t not in wrong_sents | miscounted) \
        if story and not told_a_plan else ()
    # a reply to a follow-up that opens by restating what was asked ("You asked how many GPUs we need at peak.")
    # repeats the interviewer's words: that sentence covers no point
    asked = frozenset(s.text for s in sents[:1] if followup and talking_points.restates_question(s.text))
    points = talking_points.coverage(question, sents, na is not None, outcomes, story and not told_a_plan,
                                     wrong_sents | aside | miscounted | asked, results,
                                     tuple(t for t in own if t not in wrong_sents | aside | miscounted),
                                     lessons, miscounted=any(not c.ok for c in checks))
    if question is not None and question.estimate is not None:    # an estimate's last point is its answer, in range
        from coach.scoring import estimates

        points = estimates.settle_final_step(question, points, quantities, text, sents)
        points = estimates.settle_steps(question, points, quantities, text)
    a = Analysis(
        text=text, sents=sents, round=round_id, star=star_report, quantities=quantities, checks=checks,
        missing=[], sizing_score=0.0, sizing_rule="", delivery=report, points=points,
        tradeoffs=signals.tradeoff_evidence(sents), production=production, scope=signals.scope_words(text),
        tech=signals.tech_terms(text),
        # the detector reads every sentence; only a design answer's level and gaps ask what it heard
        clarifying=signals.clarifying(sents, asked_too=round_id in DESIGN_ROUNDS,
                                      facts=dict(question.facts) if question is not None else None),
        non_answer=na, question=question, wrong=wrong,
        lapses=pitfalls.fallen(question, sents) if na is None else (), told_a_plan=told_a_plan,
    )
    dims, expected = resolve_rubric(rubric, round_spec, round_id, a.narrative, bool(quantities), bool(production))
    a.expected_sizing = expected
    a.missing = napkin.missing_kinds(quantities, expected)
    bad = sum(1 for c in checks if not c.ok)
    a.sizing_score, a.sizing_rule = sizing.sizing_score(quantities, bad, len(checks) - bad, expected)
    scored, dim_mean = dimensions(a, dims)
    cal = calibrate(a, level, followup, dim_mean, rubric.staff_signals if rubric else ())
    overall = to_score(cal.level)
    if a.non_answer is not None:
        overall = min(NON_ANSWER_CAP, dim_mean)      # the dimensions are already x0.1: in practice near 0
    a.staff_missing = cal.staff_missing
    if cal.kind != "story":        # STAR notes ("situation is 67% of the answer") mean nothing for a design or a plan
        a.star = star_report = _without_star_notes(star_report)
        told_as_story = any(s.startswith(levels.TOLD_AS_STORY) for s in cal.steps)
        if cal.kind == "plan" and not told_as_story and getattr(question, "hypothetical", False):
            # "what would you do" asks for no past story: the rubric's evidence from past work does not apply, and
            # a 0 there would read as a failure on the card, in the closing remarks and in the progress bars
            scored = [d for d in scored if d.id != "star_structure"]
            if round_id not in DESIGN_ROUNDS:
                # nor does a plan for a team or a role owe the round's usual figures (users, percentages): the card
                # does not list them as missing
                a.missing = []
        if cal.kind == "plan" and not told_as_story and \
                not (a.points.total and a.points.covered):
            # a view that covers none of the question's points and is not read as a story (a list of grievances):
            # no sentence of it is a part of a story to quote
            a.star = star_report = star.no_story(sents)
    # "what would you do" answered with a plan: the card labels its steps as actions ("Then I would pull ...")
    planned = cal.kind == "plan" and not followup and a.non_answer is None and \
        not any(s.startswith(levels.TOLD_AS_STORY) for s in cal.steps)
    gaps = find_gaps(a)
    card = Scorecard(
        star=star.by_phase(plan_steps.as_planned(star_report) if planned else star_report, followup),
        sizing=SizingReport(tuple(quantities), tuple(checks), tuple(a.missing), a.sizing_score, a.sizing_rule),
        delivery=report,
        talking_points=points,
        dimensions=tuple(scored),
        gaps=tuple(gaps),
        feedback=tuple(feedback(a, gaps)),
        overall=overall,
        round=round_id,
        question_id=question.id if question else None,
        level=level,
        calibration=cal,
        wrong_claims=wrong,
    )
    if question is not None and question.estimate is not None:   # estimation drill: check the known range
        from coach.scoring import estimates

        card = estimates.apply(card, question, quantities, text)
    return card


def _without_star_notes(report: star.StarReport) -> star.StarReport:
    """The STAR report of an answer that is not a story: its labels and quotes stay, its advice goes."""
    parts = {c: replace(getattr(report, c), notes=()) for c in star.COMPONENTS}
    return replace(report, improvement="", **parts)
