"""The overall score: the rubric level (1-5) an interviewer would give, estimated by named rules.

Each answer is read as one of four kinds, and the rules follow the rubric descriptors for it:
  story      (behavioural-style questions) 1 no story; 2 a story with parts missing; 3 all parts,
             thin or unmeasured; 4 parts, specific actions, measured result; 5 plus a reflection,
             the decision revisited once in use, a weighed option or unusual depth;
  plan       (a "what would you do" question): 1 + 3 x the talking points covered, plus specifics; a generic
             plan (nothing of its own: figure, term, example) stays at 2;
  design     (system design): 1.5 x the points covered and up to 0.75 for depth, plus a little for clarifying,
             sizing, technical terms, a trade-off and production practices;
  technical  (technical screen, coding): 1 + 3 x the points covered, plus an example, a reason, depth.
At staff level, the signals the round's rubric asks for (its `staff_signals`: by default scope across teams,
influence without authority and long-term direction; production limits, the cost of being wrong and a shared
guard for a technical screen, and so on) lift an answer above the senior bar: each one missing lowers the ceiling
(5 with all, 3 with none; one missing of three sets no ceiling), costs 0.35 of a level (0.15 below level 3) and
is named on the card; showing all adds 0.5. A technical answer's senior bar is the rubric's level 4 and its staff descriptors each add to it: any two of
its signals make the bar and with none the ceiling is 4; it also gains up to 0.5 for depth. The level maps to the
0-5 overall through fixed knots (LEVEL_TO_SCORE), fitted on the tuning part of tests/data/graded/.
The rules for each kind live in coach/scoring/levels.py; this module picks the kind and applies the staff bar and
the cap for wrong claims.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from coach.scoring import hedged, levels, on_topic, plan_instead, red_flags
from coach.scoring.levels import Trace
from coach.scoring.staff import DEFAULT_STAFF, STAFF_SIGNALS
from coach.scoring.text import first_matches

_F = re.IGNORECASE
LEVEL_TO_SCORE = ((1.0, 0.6), (2.0, 1.6), (3.0, 2.8), (4.0, 3.8), (5.0, 4.8))
_PLAN_PROMPT = re.compile(r"\b(?:suppose|imagine|if you were|what would you|how would you|what'?s your view|"
                          r"what is your view|in your view|what do you think|what'?s making you|"
                          r"what is making you|overview of your background|why are you looking)\b", _F)


@dataclass(frozen=True)
class Calibration:
    level: float = 0.0                       # the rubric level the rules estimate, 1-5
    kind: str = ""                           # story | plan | design | technical
    steps: tuple[str, ...] = ()              # the rules that fired, in order
    staff_signals: tuple[str, ...] = ()      # staff signals found (any level)
    staff_missing: tuple[str, ...] = ()      # at staff level: the signals the answer lacks
    dimension_mean: float = 0.0              # the weighted mean of the dimensions, before calibration

    def to_dict(self) -> dict[str, Any]:
        return {"level": self.level, "kind": self.kind, "steps": list(self.steps),
                "staff_signals": list(self.staff_signals), "staff_missing": list(self.staff_missing),
                "dimension_mean": self.dimension_mean}

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> "Calibration":
        d = d or {}
        return cls(float(d.get("level", 0.0)), str(d.get("kind", "")), tuple(d.get("steps") or ()),
                   tuple(d.get("staff_signals") or ()), tuple(d.get("staff_missing") or ()),
                   float(d.get("dimension_mean", 0.0)))


def to_score(level: float) -> float:
    """Piecewise-linear map from a rubric level (1-5) to the 0-5 overall."""
    pts = LEVEL_TO_SCORE
    if level <= pts[0][0]:
        return round(max(0.0, pts[0][1] * level / pts[0][0]), 2)
    for (x0, y0), (x1, y1) in zip(pts, pts[1:]):
        if level <= x1:
            return round(y0 + (y1 - y0) * (level - x0) / (x1 - x0), 2)
    return pts[-1][1]


def answer_kind(round_id: str | None, question: Any, narrative: bool) -> str:
    if round_id == "system-design":
        return "design"
    if round_id in ("technical-screen", "coding", "napkin-math"):
        return "technical"        # an estimate is worked, not told: its steps are not a story's asides
    if question is not None:
        if getattr(question, "kind", "") in ("plan", "hypothetical", "open") or getattr(question, "hypothetical", False):
            return "plan"
        if _PLAN_PROMPT.search(getattr(question, "prompt", "") or ""):
            return "plan"
    if round_id is None and not narrative:
        return "technical"
    return "story"


def staff_signals(text: str, names: tuple[str, ...] = DEFAULT_STAFF) -> dict[str, str]:
    """staff signal -> the phrase that showed it, for the signals `names` (a rubric's `staff_signals`)."""
    return first_matches({n: STAFF_SIGNALS[n] for n in names}, text)



def calibrate(a: Any, level: str | None, followup: bool = False, dimension_mean: float = 0.0,
              staff: tuple[str, ...] = ()) -> Calibration:
    """`a` is the scorer's Analysis (coach.scoring.rubric); `staff`: the staff signals the round's rubric asks
    for (its `staff_signals`, from the dimensions' staff descriptors), by default scope, influence, direction."""
    kind = answer_kind(a.round, a.question, a.narrative)
    t = Trace()
    if a.non_answer is not None:
        t.set(1.0, f"not an answer ({a.non_answer.gap.replace('_', ' ')})")
    elif kind == "story" and getattr(a, "told_a_plan", False):
        plan_instead.level(a, t)
    elif kind == "story":
        levels.story(a, t, followup)
    elif kind == "plan":
        levels.plan(a, t)
        told = Trace()
        levels.story(a, told, followup)
        on_point = not a.points.total or bool(a.points.covered)
        # a walk through the career (three or more lines of it) is a summary of many jobs, not the story of one piece
        # of work: its steps and its tenure are not a story's actions and measured result
        walk = levels.career_walk(a.round, a.sents)
        if told.level >= PLAN_AS_STORY and told.level > t.level and on_point and not walk:
            # "what would you do" answered with what they did (the scene, the steps, a measured outcome): the
            # rubric's strongest evidence for a plan is having done it, so the story's level stands. A story that
            # covers none of the question's points answers another question (a list of grievances, a past job)
            t.set(told.level, levels.TOLD_AS_STORY + ": " + "; ".join(told.steps[-2:]) + ";")
        red_flags.plan_red_flags(a, t)
        levels.unbacked_view(a, t)
        hedged.hedged_plan(a, t)
    elif kind == "design":
        levels.design(a, t)
    else:
        levels.technical(a, t)
    if a.non_answer is None:
        _off_the_followup(a, t, followup)
        _lapses(a, t)
        if kind == "story":
            _in_passing(a, t)
        levels.stock_phrases(a, t)
        levels.chronology(a, t)
        levels.delivery(a, t)
    names = staff or DEFAULT_STAFF
    found = staff_signals(a.text, names)
    missing: tuple[str, ...] = ()
    if level == "staff" and a.non_answer is None:
        # the staff signals are what lift an answer above the senior bar (3): each missing one lowers the ceiling
        # by its share of two levels and costs STAFF_COST; an answer already below the bar loses less. On a technical
        # answer the senior descriptor is the rubric's level 4 (correct, the mechanism, a case) and the staff
        # descriptors are each an "also" on top of it, one per dimension, and one question seldom calls for all of
        # them (a debugging question has no choice to frame by its cost): any STAFF_NEEDED_TECHNICAL of them make
        # the bar, and the shortfall lowers the ceiling toward 4, not 3
        technical = kind == "technical"
        needed = min(len(names), STAFF_NEEDED_TECHNICAL) if technical else len(names)
        shortfall = max(0, needed - len(found))
        if shortfall:
            missing = tuple(s for s in names if s not in found)
            floor = STAFF_FLOOR_TECHNICAL if technical else 3.0
            ceiling = floor + (5.0 - floor) * (needed - shortfall) / needed
            if not technical and shortfall == 1 and needed >= 3:
                # two of three shown: a strong interviewer hears a staff answer short of one signal, not one held
                # below the staff bar; the missing signal costs its STAFF_COST and is named, without the ceiling
                ceiling = 5.0
            cost = (STAFF_COST if t.level > 3.0 else STAFF_COST_BELOW) * shortfall
            after = min(min(t.level, 5.0) - cost, ceiling)    # (from the top level: bonuses past 5 do not absorb it)
            if not technical and t.level >= 3.0 and not t.unsound:
                # a sound story at the senior bar stays near it without the staff signals (one whose choice rests on
                # a wrong figure of its own is not sound)
                after = max(after, STAFF_HOLD)
            why = "staff bar, missing " + ", ".join(missing)
            asked = f" ({needed} of {len(names)} asked)" if needed < len(names) else ""
            t.add(round(after - t.level, 2), why + asked)
        elif not t.generic and not t.unowned:
            # the staff descriptors are the rubric's top step at staff level, which neither the story's parts
            # nor the talking points measure: an answer that shows them earns it. One held down for words that fit
            # any answer ("set the direction", "aligned the stakeholders", "drove adoption" with nothing named) says
            # the staff signals instead of showing them: they lift nothing; nor do they lift a story whose every step
            # is the team's ("we set up a working group ... we took it to the VP"): the reach shown is not the speaker's
            shown = [n for n in names if n in found]
            t.add(STAFF_BONUS, ("shows every staff signal: " if len(shown) == len(names) else
                                f"shows {len(shown)} of {len(names)} staff signals: ") + ", ".join(shown))
    if kind == "design" and a.non_answer is None:
        levels.design_on_a_slip(a, t)   # after the staff bar: a design that could not work is level 2 at either bar
    if a.non_answer is None:
        red_flags.claimed_level(a, t)   # after the staff bar: no bonus lifts a claimed level the answer does not show
    _wrong_claims(a, t)              # last: no bonus lifts an answer past a wrong claim
    lvl = round(max(1.0, min(5.0, t.level)), 2)
    return Calibration(lvl, kind, tuple(t.steps), tuple(found), missing, dimension_mean)


# A follow-up question asks for one thing (what was optimised, how the slip was caught): an answer that covers none of
# its points answers something else, however specific its steps and figures. It is held at FOLLOWUP_MISS_CAP, the
# rubrics' level 2 (there is something, but not what was asked).
FOLLOWUP_MISS_CAP = 2.0


def _off_the_followup(a: Any, t: Trace, followup: bool) -> None:
    if followup and a.points.total and not a.points.covered and t.level > FOLLOWUP_MISS_CAP:
        t.set(FOLLOWUP_MISS_CAP, f"a follow-up answer that covers none of the question's {a.points.total} points: at most")


# A pitfall the question names, fallen into (coach/scoring/pitfalls.py): the judgement the interviewer listens for
# on this question went wrong, whatever the structure around it. The question names it because it is what the
# question tests (the mistake told is someone else's, buy-in won by escalating, the researchers' model rewritten
# behind their backs): a tidy story or a fluent design around it is still the rubrics' level 2 (the parts are there,
# the judgement is not), so a lapse holds the answer at LAPSE_CAP at most. Each costs LAPSE_COST of a level, up to
# LAPSE_MOST, down to no lower than LAPSE_FLOOR; an answer already below it has lost its level for other reasons
# and loses nothing more.
LAPSE_COST, LAPSE_MOST, LAPSE_FLOOR, LAPSE_CAP = 1.0, 2, 2.0, 2.0
# One lapse the candidate owns as their own choice and says what they would do instead ("we only brought privacy in
# at the launch review, which was my call ... next time I would talk to them much earlier"): the judgement was
# missing then and is shown now, the rubrics' level 3 (the parts, the judgement thin), not a lapse unseen.
LAPSE_OWNED_CAP = 3.0
_OWNED = re.compile(r"\b(?:(?:which|that|this|it) was (?:entirely |all |completely )?my (?:own )?(?:call|choice|decision|"
                    r"doing|mistake)|my (?:own )?(?:mistake|fault)|(?:that|this|it) (?:was|is) on me|i got (?:that|this|it) "
                    r"wrong)\b", _F)


def _lapses(a: Any, t: Trace) -> None:
    lapses = tuple(getattr(a, "lapses", ()) or ())
    if lapses and t.level > LAPSE_FLOOR:
        n = min(len(lapses), LAPSE_MOST)
        owned = n == 1 and _OWNED.search(a.text) is not None and levels.reflects(a.text)
        after = min(max(t.level - LAPSE_COST * n, LAPSE_FLOOR), LAPSE_OWNED_CAP if owned else LAPSE_CAP)
        t.add(round(after - t.level, 2), ("falls into the question's pitfall and owns it: " if owned else
                                          "falls into the question's pitfall: ") + "; ".join(x.pitfall for x in lapses[:n]))


# A story asked about a person (someone mentored, a teammate who struggled) whose own steps are all about something
# else, the person named in passing ("he picked up a lot about streaming"): another story, told well, with the one asked
# for in a line. A strong interviewer hears the rubrics' level 2 at best (coach/scoring/on_topic.py `in_passing`).
PASSING_CAP = 2.0


def _in_passing(a: Any, t: Trace) -> None:
    if t.level > PASSING_CAP and (topic := on_topic.passing_topic(a.text, a.question)):
        t.set(PASSING_CAP, f"tells another story, with {topic} only in passing (no step of the speaker's own is with "
                           f"or for them): at most")


# The rubrics' level 1 is "states something incorrect" and level 3 asks for a correct definition and mechanism: one
# wrong claim keeps the answer at 2 (the rest may be sound, but it cannot count as correct), two or more at 1.5
# (mostly the level-1 descriptor). A wrong claim with no talking point right beside it is the level-1 descriptor
# whole ("states something incorrect" and nothing correct to set against it): at most 1.5 too.
WRONG_CAPS = (2.0, 1.5)


def _thin_beside_wrong(share: float) -> float:
    """The cap for one wrong claim beside a share of the question's points right: the level-2 cap beside an account
    that gets half of what was asked or more, falling towards the level-1 cap as less of it is right (a wrong claim in
    an answer that says little else is nearer "states something incorrect" whole)."""
    return round(WRONG_CAPS[-1] + (WRONG_CAPS[0] - WRONG_CAPS[-1]) * min(1.0, 2 * share), 2)


def _wrong_claims(a: Any, t: Trace) -> None:
    n = len(getattr(a, "wrong", ()) or ())
    if n:
        cap = WRONG_CAPS[min(n, len(WRONG_CAPS)) - 1]
        nothing_right = bool(a.points.total) and not a.points.covered
        if nothing_right:
            cap = min(cap, WRONG_CAPS[-1])
        elif n == 1 and a.points.total:
            cap = _thin_beside_wrong(len(a.points.covered) / a.points.total)
        if t.level > cap:
            t.add(round(cap - t.level, 2), f"states {n} wrong claim{'s' if n > 1 else ''}"
                  f"{' and no point right' if nothing_right else ''}: at most {cap}")




PLAN_AS_STORY = 3.0                           # the story level from which a plan question's story answer is read as one
STAFF_COST, STAFF_COST_BELOW = 0.35, 0.15
STAFF_HOLD = 2.75                             # where a story at the senior bar lands at staff level at worst
STAFF_FLOOR_TECHNICAL = 4.0                   # a technical answer's staff ceiling with no staff signal shown
STAFF_NEEDED_TECHNICAL = 2                    # of a technical rubric's staff signals, how many make the staff bar
STAFF_BONUS = 0.5                             # level for showing every staff signal at staff level     # level per missing staff signal, above and below the senior bar
