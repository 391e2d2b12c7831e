"""The rubric-level rules for each kind of answer (story, plan, design, technical) and for delivery: each rule
moves a `Trace` and names itself in its steps. coach/scoring/calibrate.py picks the kind, then applies the staff
bar and the cap for wrong claims, and maps the level to the 0-5 overall.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from coach.scoring import story_outcome, unchosen
from coach.scoring.star import ACT_CLAUSE, measures
from coach.scoring.star_cues import I_ACT_CLAUSE, I_WORD, WE_WORD
from coach.scoring.talking_points import is_measured
from coach.scoring.imposed import IMPOSED_CAP, imposed
from coach.scoring.red_flags import BLAME_COST, SKIPPED_CAP, blame as _blame, grievances, is_grievance, safeguard_skipped
from coach.scoring.specifics import said_generically
from coach.scoring.text import content_stems, times, unpunctuated

_F = re.IGNORECASE
# Rounds whose rubric asks for examples with results (evidence from past work, the system's internals) rather than
# a scene-setting story: a missing situation does not make the example incomplete there.
EXAMPLE_ROUNDS = ("hiring-manager", "recruiter", "deep-dive")
TOLD_AS_STORY = "answers with a story of their own work"     # the step that reads a plan question's answer as a story
_REFLECTION = re.compile(r"\b(?:i learned(?! (?:a lot|so much|most of what i know) from\b)(?! (?:[a-z+#]+ ){1,3}(?:there|properly|on the job|(?:in|at) (?:that|this|the) (?:job|"
                         # a skill picked up at a job ("I learned Python there properly") is a CV line, not a lesson
                         r"role|company|agency|place))\b)|what i (?:took|learned)|lesson|looking back|in hindsight|i would have|"
                         # "my learning was that showing once beats telling many times", "my takeaway is ..."
                         r"my (?:main |biggest |key |own )?(?:learnings?|takeaways?|take-aways?) (?:was|were|is|are|from)|"
                         r"next time|if i did it again|would do differently|i'?d do differently|what i'?d change|"
                         # "doing it over, I would want the alert from day one" (not "we had to do it again")
                         r"(?:doing|to do) it (?:over|again),? i(?:'d| would)|"
                         r"what i would change|"
                         # the lesson carried into later work: "what I would take forward is ...", "I have since started
                         # every change like this by asking ..." (not "has been running since")
                         r"(?:take|taking|carry|carrying|took|carried) (?:that |this |it )?(?:forward|with me)|"
                         r"i(?:'ve| have) since (?:always |then )?(?:started|made|used|applied|done|begun|asked|tried|"
                         r"insisted|built|written|run|kept|added)|"
                         # owning what went wrong: "with one engineer I waited too long to give hard feedback"
                         r"i waited too long|i should have|my (?:own )?mistake was|what i got wrong|"
                         r"(?:it|this) (?:does not|doesn'?t) always work|"
                         # hindsight in other words: "were I to start over, I'd ship the logging first", "joining two
                         # months sooner would have been better", "I would now check the home claims as well"
                         r"(?:were i|if i (?:were|had|could))(?: to)? (?:start|do (?:it|this|that)|begin)(?: (?:all )?(?:over|again))?|"
                         r"(?:sooner|earlier) would have (?:been better|saved|helped|caught)|"
                         r"it would have been (?:better|smarter|wiser) (?:to|if i|if we)|"
                         r"i(?: would|'d) now|"
                         # the lesson told as the way of working it changed: "the thing I changed in how I work: before
                         # I remove any safety check now, I ...", "what I do differently now is ..."
                         r"(?:the (?:one |main |big )?thing|what) i (?:changed|do differently|have changed|'ve changed|took away|take away)\b|"
                         r"changed (?:in )?(?:how|the way) i (?:work|review|plan|design|ship|run|approach|decide))\b", _F)


def reflects(text: str) -> bool:
    """Whether the answer says what the speaker learned or would do differently."""
    return _REFLECTION.search(text) is not None


_EXAMPLE = re.compile(r"\b(?:on a|in a|at my|on my|on our|in our|when i)\b[^.]{0,40}\b(?:project|model|team|"
                      r"company|job|work(?:ed)?)\b|\b(?:i worked on|i reviewed|i led|i built)\b", _F)
# A case the speaker met in their own work, told without the words _EXAMPLE looks for: "The nastiest version I have
# hit was a churn model with a refund flag ...", "we had a ranker whose ...".
_OWN_CASE = re.compile(r"(?<!if )(?<!unless )\b(?:i (?:have |'ve )?(?:hit|seen|met|run into|ran into|found|debugged|"
                       r"caught|inherited)|(?:we|i) had|we (?:hit|found|ran into|caught))\b[^.]{0,60}?\b(?:models?|pipelines?|rankers?|"
                       r"classifiers?|forecasts?|systems?|features?|flags?|datasets?|tables?|jobs?)\b|"
                       r"\b(?:models?|rankers?|systems?|pipelines?|classifiers?|forecasts?|services?) of (?:ours|mine)\b", _F)
_REASON = re.compile(r"\bbecause\b|\bsince\b|\brather than\b|\binstead\b|\bso that\b(?!')|\bwhich is why\b", _F)
# in an explanation, a consequence tied to its cause mid-sentence is a reason too: "the logs came from the old model,
# so the test set rewards copying it" (not a spoken "so" that only opens the next thought: "So, um")
_CONSEQUENCE = re.compile(r"(?<=\w), so (?:the|that|it|we|you|one|a|an|they|there|this|those|these)\b(?! is all\b)", _F)
# speech transcribed without punctuation has no comma before its "so": "memory keeps one timestamp per event so it only
# suits short windows" ties the cost to its consequence all the same (read only in an unpunctuated transcript)
_SPOKEN_CONSEQUENCE = re.compile(r"(?<=\w) so (?:the|that|thats|it|its|we|you|one|they|there|this|those|these)\b"
                                 r"(?! is all\b)(?! was all\b)", _F)
_NUMBER = re.compile(r"\d")
# The rubrics' top level for a technical answer: the limits of the idea, its edge cases, what does not fit.
_LIMITS = re.compile(r"\b(?:edge cases?|corner cases?|breaks? (?:down|when|if)|fails? (?:when|if)|blind spots?|"
                     r"caveats?|pitfalls?|the catch|undefined|(?:won'?t|doesn'?t|don'?t|do not|does not) fit|"
                     r"(?:doesn'?t|does not|won'?t) (?:hold|work|help) (?:when|if|for)|only (?:works|holds|helps) (?:when|if)|"
                     r"the (?:usual|common) way to break|can hide|misleading|fool(?:s|ed)?)\b", _F)
# An outcome that lasted past the project ("that gate has caught two regressions since").
_LASTING = re.compile(r"\b(?:has|have) (?:[a-z]+ ){1,6}since\b|\bsince then\b|\bever since\b|\bto this day\b|"
                      r"\bstill (?:in use|running|used|the default|runs|works|holds|in place)\b|"
                      r"\b(?:two|three|four|five|six|a few|several|\d+) (?:years|quarters) (?:on|later)\b|"
                      # a changed habit of the people involved: "she now asks me to review serving paths"
                      r"\b(?:she|he|they|the team|both teams) now (?:asks?|comes?|brings?|invites?|runs?|uses?)\b|"
                      # "a year on, all three pages learn from the same log", "a change now goes through the replay tool",
                      # "the researchers now hand over through a checklist we wrote together"
                      r"\b(?:a|one) (?:year|quarter) (?:on|later)\b|"
                      r"\bnow (?:goes|go|hands? over|passes|pass|runs?|flows?) (?:through|via)\b|"
                      # what happened once the fix was in: "since the freshness checks went in they've blocked six"
                      r"\bsince (?:the|our|my|that|those|these|it|they|we) (?:[a-z-]+ ){0,3}(?:went in|went live|"
                      r"shipped|launched|landed|were added|was added|were put in|was put in)\b", _F)


# An opening that places the story in an organisation, told as the speaker's role: "I led the machine learning work
# at a freight rail operator, where one of my models predicted ..." (not "at a high level", "at a time").
_PLACED = re.compile(r"\b(?:at|for) (?:a|an) (?!(?:high|low|time|rate|glance|point|loss|minimum|maximum|cost|later|"
                     r"stage|level|moment|guess)\b)(?:[a-z-]+ ){0,3}?(?:[a-z-]+)(?:,| where| that| which| with)", _F)


# A question about an argument or a disagreement, and an opening that states the position the speaker held and why
# ("I argued that we should keep the boosted ranker ..., because I thought ..."): that position is the scene.
_ASKS_A_POSITION = re.compile(r"\b(?:argument|argued|disagree\w*|pushed back|push back|changed? (?:your|their) mind|"
                              r"turned out to be wrong|were wrong)\b", _F)
_POSITION_HELD = re.compile(r"^(?:\W*(?:so|well|okay|ok|um|uh)\W+)*(?:i|we) (?:had )?(?:argued|believed|insisted|was convinced|"
                            r"were convinced|was sure|pushed for|pushed back|thought|disagreed|was against|was the one arguing)"
                            r"\b[^.]{10,}\b(?:because|since|as)\b", _F)


# A step told in a later clause of a scene or task sentence: "..., and I led the move to embeddings".
_LATER_STEP = re.compile(r"(?:,|\band\b)\s+(?:then\s+|so\s+)?" + ACT_CLAUSE.pattern.removeprefix(r"\b"), _F)


@dataclass
class Trace:
    level: float = 1.0
    steps: list[str] = field(default_factory=list)
    generic: bool = False          # held down for words that fit any answer (generic words, stock phrases)
    unowned: bool = False          # a story with no step told as the speaker's own: its reach is the team's
    unsound: bool = False          # its judgement rests on a wrong figure: not a sound story at the senior bar

    def set(self, level: float, why: str) -> None:
        self.level = level
        self.steps.append(f"{why} -> {level:g}")

    def add(self, delta: float, why: str) -> None:
        if delta:
            self.level += delta
            self.steps.append(f"{why} {delta:+g}")


# An outcome told after the step that led to it, as its frame: "When I rebuilt it last year, the fast-track share went
# from thirty to forty-six percent" tells the step and what came of it in one sentence.
_FRAMED_STEP = re.compile(r"^(?:(?:and|so|then)\W+)?(?:when|after|once) " + ACT_CLAUSE.pattern.removeprefix(r"\b"), _F)


def _action_sentences(a: Any) -> list[str]:
    """Sentences labelled action, scene or task sentences that also tell a step ("I was responsible for
    retrieval, and I led the move to embeddings"), and outcomes framed by the step that led to them ("When I rebuilt
    it, ..."); an outcome or a lesson that only mentions the speaker is not a step."""
    return [s.text for s, lab in zip(a.sents, a.star.labels)
            if lab == "action" or (lab in ("situation", "task") and _LATER_STEP.search(s.text.lower()))
            or (lab == "result" and _FRAMED_STEP.search(s.text))]


def story(a: Any, t: Trace, followup: bool) -> None:
    st = a.star
    acts = _action_sentences(a)
    has_s, has_t, has_a, has_r = st.situation.present, st.task.present, st.action.present, st.result.present
    untold = story_outcome.ends_on_a_step(a.round, a.question, st.sentences, st.labels) \
        if has_r and st.measurable_result else None
    if not has_r and has_a and st.sentences and st.labels[-1] == "action" and \
            story_outcome.lands_at_close(st.sentences[-1]):
        # "We held it for three weeks, fixed the cold-start features, and then launched it.": the last steps and what
        # landed told in one sentence; an outcome, unmeasured
        has_r = True
        t.steps.append(f'the outcome told with the last steps ("{st.sentences[-1][-60:]}")')
    if not has_r and has_a and (adopted := _ADOPTED_NOW.search(a.text)) is not None:
        # what other teams took up of the work is what came of it, told inside a step or not ("I made it general enough
        # that six teams now run every candidate model through it")
        has_r = True
        t.steps.append(f'the outcome told inside a step ("{adopted.group(0)[:60]}")')
    if untold is not None:
        # the card's no_result gap: the closing "result" is one more step, so the rubric's story with no result
        has_r = False
        t.steps.append(f'no outcome told: it ends on a step ("{untold[:60]}")')
    if not has_s and st.sentences and _PLACED.search(st.sentences[0]):
        has_s = True                  # the opening places the work ("I led the forecasting at a rail operator, where ...")
    if not has_s and st.sentences and _POSITION_HELD.search(st.sentences[0]) and \
            _ASKS_A_POSITION.search(getattr(a.question, "prompt", "") or ""):
        has_s = True                  # asked about an argument, the position held and why is its scene
    if followup:
        has_s = has_t = True          # the context came with the main answer
    elif a.round in EXAMPLE_ROUNDS:
        has_s = has_s or has_t or has_a   # their rubrics ask for examples with results, not a scene
    if not has_a or not (has_s or has_r):
        t.set(1.0, "no story: no action told" if not has_a else "no story: no situation and no outcome")
        return
    t.set(2.0, "a story: an action and a situation or an outcome")
    specific = len(content_stems(" ".join(acts)))
    # a task sentence sets a scene too; the rubric's level 3 needs a sentence of action, level 4 specific actions
    if (has_s or has_t) and has_r and acts and (has_t or len(acts) >= 2 or specific >= 5):
        t.set(3.0, "situation, action and result, the actions specific")
        grew = next((x.text for x, lab in zip(a.sents, st.labels) if lab == "result"
                     and _GREW.search(x.text) and _LATER.search(x.text)), "")
        if (st.measurable_result or _ADOPTED_NOW.search(a.text) or _COUNTED_DAMAGE.search(a.text) or grew) and \
                (len(acts) >= 2 or specific >= 8):
            t.set(4.0, "specific actions and a measured result")
            if _REFLECTION.search(a.text):
                t.add(0.6, "reflection on what they learned or would change")
            if a.tradeoffs:
                t.add(0.3, "weighs an option")
            elif (guard := _GUARDED.search(a.text)) is not None:
                t.add(0.3, f'checks the cost side of the outcome ("{guard.group(0)}")')
            if _LASTING.search(a.text):
                t.add(0.3, "an outcome that lasted")
            if (again := revisits(a.text)):
                t.add(REVISITED, f'revisits its own decision once in use ("{again[:60]}")')
            # run-on speech packs several steps into one sentence: count first-person steps outside the context too
            steps = sum(len(ACT_CLAUSE.findall(x.text.lower())) for x, lab in zip(a.sents, st.labels)
                        if lab != "situation")
            # and the step a scene sentence tells in a later clause ("I spent four years at a grocer, and I led the
            # move to one global model"), which `_action_sentences` counts as an action too
            steps += sum(len(ACT_CLAUSE.findall(x.text.lower(), later.start())) for x, lab in zip(a.sents, st.labels)
                         if lab == "situation" and (later := _LATER_STEP.search(x.text.lower())) is not None)
            if len(acts) >= 3 or steps >= 3:
                t.add(0.3, f"{len(acts)} action sentences, {steps} first-person steps")
        elif any(lab == "result" and AT_THE_NORM.search(x.text) for x, lab in zip(a.sents, st.labels)):
            # no figure, but the outcome was checked: the measure the story is about, compared with its ordinary level
            t.add(CHECKED_OUTCOME, "the outcome checked against the ordinary level, with no figure")
        elif (said := next((w for x, lab in zip(a.sents, st.labels) if lab == "result"
                            and (w := story_outcome.effect_in_words(x.text))), "")):
            # no figure, but the effect told: a named measure or a recurring problem moved once the work was done
            t.add(CHECKED_OUTCOME, f'the effect told in words, with no figure ("{said[:50]}")')
        elif len(acts) >= 4 and sum(1 for x in acts if is_measured(x)) >= 2:
            # the outcome is told in words, but the steps carry the evidence in figures ("five points worse on new
            # accounts", "the last four months, bootstrapped"): a checked, specific story short of a measured result
            t.add(MEASURED_STEPS, "the steps carry measured evidence; the outcome is not measured")
    elif has_r and st.measurable_result and len(acts) >= 2:
        t.add(0.5, "actions and a measured result, little setup")
    elif followup and acts and ((len(acts) >= 2 and specific >= 8 and (a.points.score is None or
                                                                         len(a.points.covered) >= 2))
                                or (a.points.total and 2 * len(a.points.covered) > a.points.total)):
        # a follow-up answers one part of a story already told: specific steps are what it was asked for, when they
        # carry what the question asks (a list of meetings and who did what covers one of its points at most); one
        # decision that covers most of the question's points ("I went with nightly batch because ...") is enough
        t.set(3.0, "a follow-up: specific steps, the story's context and outcome came before")
    if a.points.score is not None:
        t.add(round(0.4 * (a.points.score / 5.0) - 0.2, 2), f"talking points {len(a.points.covered)}/{a.points.total}")
    thin = said_generically(a.text, getattr(a.question, "prompt", "") or "")
    if thin is not None and t.level > GENERIC_STORY_CAP:
        # every part told, but in words that fit any project: the rubric's specific actions are not there
        t.set(GENERIC_STORY_CAP, f"told in generic words ({thin.concrete} of {thin.new} new words name something, "
                                 f"{thin.figures} figures): at most")
        t.generic = True
    # the rubric's story "sets the scene in a sentence or two": a scene that runs on before the first step buries it.
    # Only the scene counts: the task and the constraints the choice was made under are part of the story told; a
    # deep dive's overview (the problem, its scale) is what its question asks for first
    first = st.labels.index("action") if "action" in st.labels else len(st.labels)
    setup = sum(len(x.text.split()) for x, lab in zip(a.sents[:first], st.labels)
                if lab == "situation" and not _OWN_CONCERN.search(x.text) and not part_of_the_story(x.text))
    bar = SETUP_WORDS_OVERVIEW if a.round == "deep-dive" else SETUP_WORDS
    # "a sentence or two" of a long story is longer: a scene that is a fifth of the answer buries nothing
    bar = max(bar, round(SETUP_SHARE * len(a.text.split())))
    cap = SETUP_CAP_LONG if setup > 2 * bar else SETUP_CAP     # a scene twice the bar is most of the answer
    if bar < setup <= SETUP_NEAR * bar and t.level > cap:
        # a scene just past the bar delays the story a little: it costs a little, not the cap (a story a word over
        # the bar and one a word under it are heard alike)
        t.add(-min(SETUP_NEAR_COST, t.level - cap), f"the scene runs {setup} words before the first step, a little "
                                                     f"past the bar ({bar})")
    elif setup > bar and t.level > cap:
        t.set(cap, f"the scene runs {setup} words before the first step (a sentence or two is the bar): at most")
    approval = [x.text for x, lab in zip(a.sents, st.labels) if lab == "result" and _APPROVAL.search(x.text)]
    if approval and not st.measurable_result and a.points.total and 2 * len(a.points.covered) < a.points.total:
        # the only outcome is that someone liked it ("the feedback from the operations team was positive"), and the
        # story misses most of what was asked: the rubric's thin story with its result unsaid
        t.add(-APPROVAL_COST, f'the outcome is only approval ("{approval[0][:60]}") and most points are missed')
    relays = relay_steps(acts)
    if relays and t.level > RELAY_CAP:
        # the steps kept the work moving (a tracker, a status meeting, updates passed on) but decided, built or
        # measured nothing: the outcome belongs to whoever made the calls, and the rubric's actions are not there
        t.set(RELAY_CAP, f'every step relays the work ({relays} steps, e.g. "{acts[0][:50]}"): at most')
    blame = _blame(a.text)
    if blame and t.level > BLAME_CAP:
        t.set(BLAME_CAP, f'puts the fault on others ("{blame}"): at most')
    elif blame:
        t.add(-BLAME_COST, f'puts the fault on others ("{blame}")')
    elif complaint := grievances(a.text):
        t.add(-BLAME_COST, f'a list of grievances ({", ".join(complaint[:3])})')
    # (asked for a mistake, the skip is the story asked for when it is owned: `safeguard_skipped` reads the lesson for
    # it, and a lesson about something else leaves the skip a lapse shown in passing)
    skipped = safeguard_skipped(a.text)
    if skipped and t.level > SKIPPED_CAP:
        t.set(SKIPPED_CAP, f'skips a safeguard and never owns it ("{skipped}"): at most')
    if (lapse := imposed(a.text)) and t.level > IMPOSED_CAP:
        # the call made by rank over the people who had to live with it, or their boss written to first: told as
        # leadership, the judgement the story shows is the rubrics' level 2
        t.set(IMPOSED_CAP, f'imposes the call or goes over the partner\'s head and never owns it ("{lapse[:70]}"): at most')
    rests = decided_on_a_slip(a)
    if rests and t.level > SLIP_DECIDED_CAP:
        # the story's own arithmetic wrong by far, and the choice it tells made on it ("40 million x 128 floats is about
        # 20 MB, so I decided to load it on every pod"): every part told, the judgement resting on a wrong figure
        t.set(SLIP_DECIDED_CAP, f'a decision rests on a wrong figure ("{rests[:70]}"): at most')
        t.unsound = True
    asked_wrong = slip_in_the_asked_figure(a)
    if asked_wrong and t.level > SLIP_ASKED_CAP:
        # asked what the system cost, the story's own cost is wrong by far: whatever else it tells, the answer to
        # the question is a wrong figure, as a wrong claim is (the rubric's level 2)
        t.set(SLIP_ASKED_CAP, f'the figure the question asks for is wrong by far ("{asked_wrong[:70]}"): at most')
        t.unsound = True
    hedges = _hedge_words().findall(a.text)
    if len(hedges) >= HEDGED_MANY and len(hedges) * 100 >= HEDGED_RATE * max(1, a.delivery.words) and t.level > HEDGED_CAP:
        # the speaker qualifies their own steps and figures throughout: the outcome is told, not stood behind
        t.set(HEDGED_CAP, f'hedges its own account ({len(hedges)} hedges, e.g. "{hedges[0]}"): at most')
    asides = [x.text for x in a.sents if _DIGRESSION.search(x.text)]
    if len(asides) >= DRIFT_ASIDES:
        t.add(-DRIFT_COST, f'wanders off the story ({len(asides)} asides: "{asides[0][:60]}")')
    # "we" in the scene ("we were building a model to ...") is the setting, not a step the team took for the speaker
    told = " ".join(x.text for x, lab in zip(a.sents, st.labels) if lab != "situation").lower()
    i, we = len(I_WORD.findall(told)), len(WE_WORD.findall(told))
    if we >= 3 and not followup and t.level > 2.0 + WE_COST and not I_ACT_CLAUSE.search(told):
        # every step of the story is the team's: the rubric's "cannot separate their role from the team's" (ownership
        # at level 1) costs a full level, down to the rubric's story with a part missing; one already below that has
        # lost its level for other reasons and pays the usual cost of "we". (A follow-up on how the system was built
        # may say "we" for the design.)
        after = max(t.level - NO_OWN_STEP_COST, 2.0)
        t.add(round(after - t.level, 2), f'no step told as the speaker\'s own ("we" {times(we)}, no "I" did)')
        t.unowned = True
    elif we >= 3 and we > 2.5 * i:
        t.add(-WE_COST, f'"we" {times(we)} against "I" {times(i)}')
    hedges = sum(a.delivery.hedges.values())
    if hedges >= HEDGED_STORY[0] and a.delivery.words and 100 * hedges / a.delivery.words >= HEDGED_STORY[1] \
            and t.level > 2.0:
        # the story's own facts told unsure ("I believe we looked at ...", "something like 8 percent, if I remember",
        # "I think two weeks"): evidence the interviewer cannot lean on, whatever its parts (after the cost of "we",
        # which it does not soften)
        t.add(-HEDGED_COST, f"told unsure: {hedges} hedges in {a.delivery.words} words")


# A measure the story named, told against its ordinary level once the work was done: "the next year the error around the
# holiday was about the same as any other week" compares a measured figure with the baseline, a number or not.
AT_THE_NORM = re.compile(r"\b(?:error|errors|accuracy|latency|loss|misses|complaints|bill|cost|costs|rate|rates|recall|"
                         r"precision|wait|delays?)\b[^.]{0,40}?\b(?:was|were|came out|ended up|stayed|looked) (?:about |"
                         r"roughly |much |pretty much |more or less )?(?:the same as|no (?:worse|higher|bigger|different) "
                         r"than|in line with) (?:any|every|all the|the) other\b", _F)
CHECKED_OUTCOME = 0.5         # an outcome compared with the ordinary, no figure: half way to a measured one


BLAME_CAP = 2.0
NO_OWN_STEP_COST = 1.0      # a story whose every step is told as "we": its ownership is the rubric's level 1
WE_COST = 0.5               # a story told mostly as "we"
SLIP_DECIDED_CAP = 2.5
SLIP_ASKED_CAP = 2.3        # a story whose own figure of what the question asks for is wrong by far, at most
# The unit of a napkin check -> the `[asked_figure]` list of the prompt words that ask for that figure (any money unit,
# "$", "$/month", "$/hour", is a cost).
_ASKED_BY_UNIT = {"B": "memory", "/s": "traffic", "s": "time"}


@lru_cache(maxsize=256)
def _asks_for(prompt: str, unit: str) -> bool:
    from coach.content.answer_words import word_list
    name = "cost" if unit.startswith("$") else _ASKED_BY_UNIT.get(unit)
    if not name or not prompt:
        return False
    return re.search(r"\b(?:" + "|".join(re.escape(w) for w in word_list("asked_figure", name)) + ")", prompt, _F) is not None


def slip_in_the_asked_figure(a: Any) -> str:
    """The sentence of a napkin check wrong by more than its tolerance whose unit is the figure the question's prompt
    asks for (`[asked_figure]`: a cost asked, a cost wrong); "" when there is none."""
    prompt = getattr(a.question, "prompt", "") or ""
    for c in getattr(a, "checks", ()) or ():
        if not c.ok and _asks_for(prompt, c.unit):
            at = next((x for x in a.sents if x.start <= c.at < x.end), None)
            if at is not None:
                return str(at.text)
    return ""
# A choice made in the sentence that holds the figure: "..., so I decided to", "which is why we", "so we just".
_DECIDED = re.compile(r"\b(?:so|and) (?:i|we) (?:then )?(?:decided|chose|went with|picked|planned|settled on|just|"
                      r"could (?:just|simply|safely))\b|\b(?:which|that) is why (?:i|we)\b|\b(?:i|we) (?:decided|chose) to\b", _F)


def decided_on_a_slip(a: Any) -> str:
    """The sentence of a napkin check wrong by more than its tolerance in which the story also makes its choice;
    "" when there is none."""
    for c in getattr(a, "checks", ()) or ():
        if c.ok:
            continue
        at = next((i for i, x in enumerate(a.sents) if x.start <= c.at < x.end), None)
        if at is None:
            continue
        s: str = a.sents[at].text
        if _DECIDED.search(s):
            return s
        if (then := _concluded_next(a.sents, at)):
            return then
    return ""


# The sentence after a figure that draws the conclusion from it: "So serving was not where the money went, and I saw
# no reason to touch it." The choice rests on the figure as much as one made in its own sentence.
_CONCLUDES = re.compile(r"^(?:(?:and|um|uh)\W+)*(?:so|which meant|that meant|this meant|because of that|that is why|"
                        r"that's why|therefore|hence|given that)\b", _F)
_CONCLUSION = re.compile(r"\b(?:(?:i|we) (?:decided|chose|went with|picked|left|kept|saw no|did not|didn'?t|"
                         r"never|focused|spent|put)|no (?:reason|need|point) to|not (?:where|worth))\b", _F)


def _concluded_next(sents: Any, at: int) -> str:
    """The next sentence when it concludes from the figure of sentence `at` and makes a choice on it; or one of the
    next two that makes its choice on a figure it names, carried on from the wrong one ("... so around 3,600 a month
    saved. I argued the work was not worth 3,600 a month, and we dropped it."); "" otherwise."""
    for k in range(at + 1, min(at + 1 + SLIP_REACH, len(sents))):
        nxt: str = sents[k].text
        if _CONCLUSION.search(nxt) and ((k == at + 1 and _CONCLUDES.search(nxt)) or _NUMBER.search(nxt)):
            return nxt
    return ""


SLIP_REACH = 2       # sentences after a wrong figure in which a choice weighed on a figure rests on it


RELAY_STEPS, RELAY_CAP = 3, 2.0      # action sentences that are all relays, from this many; the level at most


HEDGED_MANY, HEDGED_RATE, HEDGED_CAP = 4, 2.5, 3.5    # hedges, hedges per 100 words, the level at most


@lru_cache(maxsize=1)
def _hedge_words() -> re.Pattern[str]:
    from coach.content.answer_words import phrases
    said = sorted(phrases("hedged_account", "phrases"), key=len, reverse=True)
    return re.compile(r"(?<![a-z'])(?:" + "|".join(re.escape(p) for p in said) + r")(?![a-z'])", _F)


@lru_cache(maxsize=1)
def _relay_words() -> tuple[re.Pattern[str], re.Pattern[str]]:
    from coach.content.answer_words import phrases, word_list
    said = sorted(phrases("relay", "phrases"), key=len, reverse=True)
    return (re.compile(r"\b(?:" + "|".join(re.escape(p) for p in said) + r")\b", _F),
            re.compile(r"\b(?:" + "|".join(word_list("relay", "deciding")) + r")\b", _F))


def relay_steps(acts: list[str]) -> int:
    """How many steps a story has when every one of them (RELAY_STEPS or more) only relays the work: a phrase of
    `rubrics/answer_words.toml` `[relay]` and no deciding word; 0 otherwise."""
    if len(acts) < RELAY_STEPS:
        return 0
    relay, deciding = _relay_words()
    return len(acts) if all(relay.search(x) and not deciding.search(x) for x in acts) else 0


_MISTAKE_ASKED = re.compile(r"\b(?:mistake|failure|failed|went wrong|regret|got wrong)\b", re.I)


# An outcome checked against what it could have cost: "fell from one in eight to one in twenty, with no rise in
# emergency deliveries", "while complaints stayed flat".
_GUARDED = re.compile(r"\b(?:with no|without (?:a|any)|and no) (?:[a-z]+ )?(?:rise|increase|drop|loss|hit|regression|growth)s? "
                      r"in\b|\bwhile (?:[a-z-]+ ){1,4}(?:stayed|held|remained) (?:flat|steady|level|the same|unchanged)\b|"
                      # the failure the change risked, counted and not seen: "with no day where a hospital ran out"
                      r"\b(?:with no|without (?:a|any|a single)|and no|and not (?:a|one)) (?:single )?(?:day|week|night|"
                      r"shift|case|time|incident)s? (?:where|when|on which|in which)\b", _F)


# Asides that leave the story ("I should say the team was quite new", "which did not go anywhere but was fun to watch",
# "a whole saga on its own"): the rubric's answer that drifts; two or more cost DRIFT_COST.
_DIGRESSION = re.compile(r"\b(?:i should (?:say|mention|add)|by the way|anyway|on a side note|as an aside|tangent|"
                         r"a whole saga|(?:was|is) (?:fun|interesting) to (?:watch|see)|which was interesting|"
                         r"which (?:honestly )?i (?:can|could) understand|(?:did not|didn'?t) go anywhere|"
                         r"a lot of other things|for what it'?s worth|funny enough|fun fact|but i digress|"
                         r"(?:that'?s|that is) another story|a story for another time)\b", _F)
DRIFT_ASIDES, DRIFT_COST = 2, 0.75
HEDGED_STORY, HEDGED_COST = (6, 3.0), 0.75   # hedges (at least, and per 100 words) that leave a story's facts unsure
GENERIC_STORY_CAP = 2.0     # a story told in generic words (coach/scoring/specifics.py) at most
MEASURED_STEPS = 0.5    # a story whose steps, not its outcome, carry the figures
# Adoption counted as it stands now ("the evaluation service I designed, which eleven teams now use"): a measured
# outcome wherever the story tells it, even when its closing result is admitted to be unmeasured.
_ADOPTED_NOW = re.compile(r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|"
                          r"fifty|a dozen|dozens of) (?:other |product |engineering )?(?:teams|groups|orgs|product areas|"
                          r"business units)(?:, [^,.;]{3,60},)? (?:now |still |today )(?:use|rely on|run|depend on|build on|are on)\b|"
                          # "two other groups have taken that approach up"
                          r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|a dozen) (?:other )?(?:teams|groups|orgs) "
                          r"(?:have|has) (?:since |now |also )?(?:taken|picked) (?:[a-z]+ ){0,3}up\b", _F)
# A person's growth shown by what they went on to do without the speaker, a checkable fact where a figure would be
# ("a year later he designed the next version on his own and now reviews the new hires' designs"), once time has
# passed: the outcome of a story about growing someone, as a measured one is of a story about a system.
_GREW = re.compile(r"\b(?:he|she|they)\b[^.;]{0,80}?\b(?:on (?:his|her|their) own|without (?:me|my help|any help from me)|"
                   r"(?:and )?now (?:reviews|leads|mentors|runs|owns|onboards|trains|teaches|coaches))\b", _F)
REVISITED = 0.3      # the decision checked again in use, changed when found wrong, or its condition to reopen named


@lru_cache(maxsize=1)
def _revisit_words() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    from coach.content.answer_words import phrases

    def any_of(words: tuple[str, ...]) -> str:
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    adjust, rule = any_of(phrases("revisited", "adjust")), any_of(phrases("revisited", "rule"))
    return (re.compile(r"(?:" + any_of(phrases("revisited", "reopen")) + "|" +
                       any_of(phrases("revisited", "checked_again")) + r")\b", _F),
            re.compile(r"\b(?:so|and)(?: (?:after|within) [^,.;]{3,30}?,?)? (?:i|we) (?:" + adjust + r") (?:the|my|our|that|"
                       r"this) (?:[a-z-]+ )?(?:" + rule + r")\b", _F),
            re.compile(r"\b(?:was|were|turned out|proved) (?:to be )?(?:wrong|too (?:strict|loose|slow|tight|noisy))\b[^.]{0,160}?"
                       r"\b(?:so|and)(?: (?:after|within) [^,.;]{3,30}?,?)? (?:i|we) (?:" + adjust + r") (?:it|them)\b", _F))


def revisits(text: str) -> str:
    """The words where the story looks at the speaker's decision again once it was in use: the condition to reopen it,
    a rule they set changed when it was found wrong or costly, or the decision checked again later; "" when none.
    A strong interviewer's line between a 4 and a 5 (`rubrics/answer_words.toml` `[revisited]`)."""
    for p in _revisit_words():
        if (m := p.search(text)) is not None:
            return m.group(0)
    return ""


_LATER = re.compile(r"\b(?:later|since|now|a year|years|months|quarters)\b", _F)   # (one review done alone is no growth yet)
# The damage of a failure counted in figures, wherever the story tells it: "in those nine days we counted about 1,900
# bookings we could not serve, which ... is about 330,000 euros of revenue". A what-broke story's outcome is its cost.
_COUNTED_DAMAGE = re.compile(r"\b(?:we|i) (?:counted|estimated|worked out|tallied|calculated)\b[^.;]{0,60}?\b(?:about |around |"
                             r"roughly |some )?\d[\d,.]*\b[^.;]{0,80}?\b(?:lost|could not (?:serve|fill|deliver)|couldn'?t "
                             r"(?:serve|fill|deliver)|missed|refunded|wasted|cost us)\b", _F)
# The concern the speaker raised ("my worry was that the feature only exists the next morning"): the problem the
# story is about, in the speaker's own judgement, not scene that delays the first step.
_OWN_CONCERN = re.compile(r"^(?:(?:and|so|but|um|uh)\W+)*(?:my (?:main |big |real )?(?:worry|concern|fear|doubt|"
                          r"suspicion) was|i (?:was (?:worried|concerned)|worried|suspected|noticed|spotted))\b", _F)
_NEGATED = re.compile(r"\b(?:no|not|none|never|without)\b|n't\b", _F)
_FIGURED = re.compile(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|"
                      r"forty|fifty|sixty|hundred|thousand|million|half|a third|a quarter|dozen)\b", _F)


@lru_cache(maxsize=1)
def _scene_words() -> tuple[re.Pattern[str], re.Pattern[str]]:
    from coach.content.answer_words import phrases
    limits = sorted(phrases("scene", "limits"), key=len, reverse=True)
    return (re.compile(r"\b(?:" + "|".join(re.escape(p) for p in limits) + r")\b", _F),
            re.compile(r"\b(?:" + "|".join(re.escape(p) for p in sorted(phrases("scene", "priced"), key=len,
                                                                          reverse=True)) + r")\b", _F))


def part_of_the_story(sentence: str) -> bool:
    """Whether a sentence of the scene is part of the story rather than scene that delays it: the limit the speaker
    worked under ("none of those teams reported to me"), or the problem priced in figures ("each one cost us about
    50 thousand a month"); the words are `rubrics/answer_words.toml` `[scene]`."""
    limit, priced = _scene_words()
    if limit.search(sentence) and _NEGATED.search(sentence):
        return True
    # the figure prices the problem only said with it ("cost us about 50 thousand a month", "forty engineer-weeks"),
    # not a figure elsewhere in a long scene ("running for two years ... outages and a migration")
    return any(_FIGURED.search(sentence, max(0, m.start() - 30), m.end() + 40) for m in priced.finditer(sentence))


SETUP_WORDS, SETUP_CAP = 90, 3.5      # words of scene before the first step (about 35 s spoken); the level at most
SETUP_CAP_LONG = 2.5                  # the level at most when the scene runs past twice that
SETUP_SHARE = 0.2                     # of a long answer's words, the scene's bar
SETUP_NEAR, SETUP_NEAR_COST = 1.15, 0.5  # a scene up to this share past the bar costs this much instead of the cap
APPROVAL_COST = 0.5                   # an outcome told only as approval, in a story that misses most points
# An outcome told only as someone's approval: "the feedback was positive", "management was happy with it".
_APPROVAL = re.compile(r"\b(?:(?:the )?(?:feedback|response|reception|reaction)s? (?:from [\w ]{1,30} )?(?:was|were|has "
                       r"been|had been) (?:very |really |quite |generally |mostly |overwhelmingly )?(?:positive|good|"
                       r"great|encouraging)|(?:management|leadership|the business|stakeholders|everyone|everybody|the "
                       r"client|the customer|customers|users|my manager|the (?:[a-z-]+ )?(?:team|agency|owner|board|director|"
                       r"partner|business|lead|manager)|they|he|she|people) (?:was|were|seemed|felt) "
                       r"(?:very |really |quite |pretty |generally )?(?:happy|pleased|satisfied|impressed|delighted)|"
                       # the meeting, not the work, as the outcome: "the conversation went well overall", "he said he
                       # understood the limitations"
                       r"(?:the |that )?(?:conversation|meeting|presentation|talk|discussion|call|session)s? went "
                       r"(?:very |really |quite |pretty )?(?:well|fine|smoothly)|"
                       r"(?:he|she|they) said (?:that )?(?:he|she|they) (?:understood|got it|appreciated)|"
                       # the speaker's own guess in place of what changed: "so I think that went well", "I guess it
                       # all worked out fine"
                       r"i (?:think|guess|suppose|believe|hope|feel like) (?:that|it|this|things|everything|it all) "
                       r"(?:all )?(?:went|worked out|turned out) (?:really |"
                       r"pretty |quite |very |fairly )?(?:well|fine|okay|ok|great|nicely)|"
                       # the same verdict said outright, or the partners' liking as the outcome: "in the end it worked
                       # out really well", "the stakeholders loved that they could read it"
                       r"(?:in the end,? |overall,? )(?:it|this|that|things|everything|it all) (?:all )?(?:went|worked "
                       r"out|turned out) (?:really |pretty |quite |very |fairly )?(?:well|fine|great|nicely)|"
                       r"(?:management|leadership|the business|stakeholders|the stakeholders|everyone|everybody|the client|"
                       r"the customer|customers|users|my manager|the (?:[a-z-]+ )?(?:team|owner|board|director|partner|"
                       r"lead|manager)|they|he|she|people) (?:really |genuinely |absolutely )?(?:loved|liked|appreciated) "
                       r"(?:it|that|the|how|this|our|what)\b)\b", _F)
SETUP_WORDS_OVERVIEW = 180            # a deep dive's overview: the problem and its scale come before the design


def _substance(a: Any) -> tuple[float, int, int]:
    """0-3: how much an answer says, from its distinct content words and technical terms, whatever the bank's
    keywords; a floor under the talking-point credit for answers phrased unlike the bank. Words and terms the
    question itself uses are not counted: repeating them says nothing new. Returns (floor, words, terms)."""
    prompt = getattr(a.question, "prompt", "") or ""
    asked = set(content_stems(prompt))
    distinct = len(set(content_stems(a.text)) - asked)
    terms = len([x for x in a.tech if x not in prompt.lower()])
    missed_most = a.points.total and 2 * len(a.points.covered) < a.points.total
    if missed_most and a.round in PEOPLE_ROUNDS and terms >= TOOL_LIST:
        terms = 0       # a list of tools that misses most of what was asked (what was owned, for whom, to what effect)
    floor = round(3.0 * (min(1.0, distinct / SUBSTANCE_WORDS) + min(1.0, terms / SUBSTANCE_TERMS)) / 2, 2)
    if missed_most and a.points.score is not None:
        # the points are what was asked (who, what was owned, why; the mechanism, the cases): many words that miss
        # most of them are a chronology, a list or a confident account of something else, not substance; the floor
        # lifts them at most one level above the points, in every round
        floor = min(floor, round(3.0 * a.points.score / 5.0, 2) + MISSED_MOST_LIFT)
    return floor, distinct, terms


PEOPLE_ROUNDS = ("recruiter", "hiring-manager", "behavioral", "cross-functional")
MISSED_MOST_LIFT = 1.0   # how far substance lifts an answer that misses most points
TOOL_LIST = 4          # technical terms in a people round's answer that, with most points missed, are a list of tools
SUBSTANCE_WORDS, SUBSTANCE_TERMS = 45, 6   # distinct content words, technical terms for full substance


def _points(a: Any, t: Trace) -> None:
    """The talking points' share of 3 levels, or the answer's substance when that is higher."""
    pts = round(3.0 * a.points.score / 5.0, 2)
    sub, distinct, terms = _substance(a)
    if sub > pts:
        t.add(sub, f"talking points {len(a.points.covered)}/{a.points.total}; substance {sub:g} "
                   f"({distinct} distinct words, {terms} technical terms beyond the question's)")
    else:
        t.add(pts, f"talking points {len(a.points.covered)}/{a.points.total}")


def plan(a: Any, t: Trace) -> None:
    t.set(1.0, "a plan or open question")
    if a.points.score is not None:
        _points(a, t)
    else:
        t.add(min(2.0, 0.5 * len(a.tech)), f"{len(a.tech)} technical terms")
    specific = sum(1 for s in a.sents if _NUMBER.search(s.text) or len(s.text.split()) >= 18)
    if specific >= 2:
        t.add(0.5, f"{specific} specific sentences")
    if a.tradeoffs or any(_REASON.search(s.text) for s in a.sents):
        t.add(0.3, "gives a reason or an alternative")
    elif t.level > UNCHOSEN_MENU_CAP and (menu := next((s.text for s in a.sents if _MENU.search(s.text)), "")):
        # the usual options listed ("a distilled model, a cache, precomputed features, or fewer features") and none
        # chosen, with no reason anywhere: correct in outline and fitted to no case, the rubrics' level 3
        t.set(UNCHOSEN_MENU_CAP, f'lists the usual options and picks none, with no reason ("{menu[:60]}"): at most')
    # (a grievance is no outcome of their work: "there has not been a raise in two years")
    own_outcome = a.star.measurable_result and any(measures(e.lower()) and not is_grievance(e)
                                                   for e in a.star.result.evidence)
    if (_EXAMPLE.search(a.text) and _NUMBER.search(a.text)) or own_outcome:
        t.add(0.3, "a concrete example or a measured outcome of their own work")
    if t.level > GENERIC_OFF_POINT_CAP and a.points.total and not a.points.covered and _generic(a):
        # nothing of its own and none of what was asked (why this team: "the title is a step up and the package is
        # better"): an answer to another question, the rubrics' level 1 more than their 2
        t.set(GENERIC_OFF_POINT_CAP, "generic (no figure of their own, no named technique or tool, no example of their "
                                     f"work) and none of the question's {a.points.total} points: at most")
    elif t.level > GENERIC_CAP and _generic(a):
        t.set(GENERIC_CAP, "generic: no figure of their own, no named technique or tool, no example of their work")
    elif t.level > GENERIC_CAP and a.round in PEOPLE_ROUNDS and \
            (thin := said_generically(a.text, getattr(a.question, "prompt", "") or "")) is not None:
        # a view in the words any candidate could use about any team ("the opportunity to work at scale, on hard
        # problems, with talented people"): the people rounds' level 1-2, however long
        t.set(GENERIC_CAP, f"said in generic words ({thin.concrete} of {thin.new} new words name something, "
                           f"{thin.figures} figures): at most")
        t.generic = True


UNCHOSEN_MENU_CAP = 3.0     # a plan that lists options, picks none and gives no reason, at most
# A menu of options in one sentence: three or more items in a list that ends "..., or ...".
_MENU = re.compile(r"(?:[^,.;]{2,60},){2,}[^,.;]{2,60},? or\b", _F)
GENERIC_CAP, GENERIC_WORDS = 2.0, 25     # the level a generic plan reaches at most; distinct new words
GENERIC_OFF_POINT_CAP = 1.5   # a generic plan or view that covers none of the question's points, at most
_NUMBER_WORD = re.compile(r"\b(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|"
                          r"thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|half|"
                          r"dozen|percent)\b", _F)


def _generic(a: Any) -> bool:
    """A plan or view that could be said about any team: few words beyond the question's, no figure the question
    did not give, no technical term beyond the question's, and no example of the speaker's own work."""
    prompt = (getattr(a.question, "prompt", "") or "").lower()
    if len(set(content_stems(a.text)) - set(content_stems(prompt))) >= GENERIC_WORDS:
        return False
    figures = {m.group(0).lower() for m in _NUMBER_WORD.finditer(a.text)} - set(_NUMBER_WORD.findall(prompt))
    terms = [x for x in a.tech if x not in prompt]
    return not figures and not terms and not _EXAMPLE.search(a.text)


# A question that asks for the candidate's view ("What's your view on when a team should build shared pieces?"), and a
# step of the speaker's own past work ("we built", "I took the pipeline", "I argued"): in a people round the rubric
# asks for evidence from past work, and "only opinions and intentions" is its level 1.
_VIEW_ASKED = re.compile(r"\b(?:what'?s your view|what is your view|in your view|what do you think|your philosophy)\b", _F)
_OWN_PAST_STEP = re.compile(r"\b(?:i|we) (?:[a-z']+ ){0,2}?(?:[a-z]+ed|took|built|wrote|ran|led|made|set|put|sent|chose|"
                            r"drove|gave|met|brought|kept|split|rewrote|rebuilt|sat|told|spoke|went|began|found|had|did|"
                            r"got|saw|won|lost|shipped|moved)\b", _F)
UNBACKED_VIEW_CAP = 2.0


def unbacked_view(a: Any, t: Trace) -> None:
    """A view asked for in a people round and given with no step of the speaker's own past work, or with an example
    that carries no figure at all (no size, count or measure: nothing in it can be checked) while most of what was
    asked is missed: held at UNBACKED_VIEW_CAP, however well it is put."""
    prompt = getattr(a.question, "prompt", "") or ""
    if a.round not in PEOPLE_ROUNDS or t.level <= UNBACKED_VIEW_CAP or not _VIEW_ASKED.search(prompt):
        return
    if not any(_OWN_PAST_STEP.search(s.text) for s in a.sents):
        t.set(UNBACKED_VIEW_CAP, "a view with no example from their own work (the rubric's opinions only): at most")
    elif a.points.total and 2 * len(a.points.covered) < a.points.total and \
            not {m.group(0).lower() for m in _NUMBER_WORD.finditer(a.text)} - set(_NUMBER_WORD.findall(prompt.lower())):
        # "we had the flywheel problem ... I championed a golden-path template ... the flywheel started turning": an
        # example told, but with no problem counted, no team sized and no measure, the view it backs cannot be tested
        t.set(UNBACKED_VIEW_CAP, f"a view whose example carries no figure, and {len(a.points.covered)} of the "
                                 f"question's {a.points.total} points: at most")


def design(a: Any, t: Trace) -> None:
    """The talking points are the rubric's list of what a complete design covers, so they carry most of the level
    (1.5); each design practice adds a little; the depth of the answer (its distinct content words) up to 0.75."""
    t.set(1.0, "a design answer")
    parts = 0
    if a.clarifying:
        t.add(0.4, "clarifies the goal or assumptions")
        parts += 1
    kinds = {q.kind for q in a.quantities}
    if kinds:
        t.add(0.5 if len(kinds) >= 2 else 0.3, f"sizes {len(kinds)} kind(s) of quantity")
        parts += 1
    good = [c for c in a.checks if c.ok]
    bad = [c for c in a.checks if not c.ok]
    if good and not bad:
        t.add(0.2, "derived figures check out")
    if len(a.tech) >= 4:
        t.add(0.4 if len(a.tech) >= 8 else 0.25, f"{len(a.tech)} technical terms")
        parts += 1
    if a.tradeoffs:
        t.add(0.4, "weighs a trade-off")
        parts += 1
    if a.production:
        t.add(0.4 if len(a.production) >= 3 else 0.2, f"{len(a.production)} production practice(s)")
        parts += 1
    if a.points.score is not None:
        t.add(round(1.5 * a.points.score / 5.0, 2), f"talking points {len(a.points.covered)}/{a.points.total}")
    else:
        t.add(round(0.3 * parts, 2), f"{parts} of 5 design parts")
    distinct = len(set(content_stems(a.text)))
    t.add(round(DESIGN_DEPTH * min(1.0, max(0, distinct - DESIGN_WORDS[0]) / (DESIGN_WORDS[1] - DESIGN_WORDS[0])), 2),
          f"depth: {distinct} distinct content words")
    if bad:
        # one slip carried forward (a wrong average, then the peak and the plan built on it) is one mistake to an
        # interviewer: each quantity sized wrong costs SLIP_COST, each further wrong figure of it SLIP_CARRIED
        slips = len({c.unit for c in bad})
        t.add(-(SLIP_COST * slips + SLIP_CARRIED * (len(bad) - slips)),
              f"{len(bad)} wrong derivation(s)" + (f" of {slips} quantit{'y' if slips == 1 else 'ies'}"
                                                    if slips < len(bad) else ""))
        if t.level > 3.0:
            t.set(3.0, "capped: wrong arithmetic")


def design_on_a_slip(a: Any, t: Trace) -> None:
    """"sixty gigabytes with Adam, so it fits on one card and we do not need any sharding": the component is picked on
    the wrong figure, so the design could not work as told: its sizing and its depth are the rubric's level 1-2
    ("arithmetic that does not hold together", components "that could not work together") while the rest of the
    design stands, SLIP_DESIGN_CAP between them. The cap is the answer's level at either bar, so it comes after the
    staff bar: a design that could not work is level 2 for a senior and a staff candidate alike, and the staff
    signals it lacks are not taken off it a second time."""
    bad = [c for c in a.checks if not c.ok]
    chosen = chosen_on_a_slip(a, bad) if bad else ""
    if chosen and t.level > SLIP_DESIGN_CAP:
        t.set(SLIP_DESIGN_CAP, f'a design choice rests on a wrong figure ("{chosen[:70]}"): at most')


SLIP_COST, SLIP_CARRIED = 0.75, 0.25           # level lost per quantity sized wrong, per further wrong figure of it
SLIP_DESIGN_CAP = 2.3                          # a design whose component is chosen on a wrong figure, at most
SLIP_REACH = 2                                 # sentences after a wrong figure that still carry it forward


@lru_cache(maxsize=1)
def _slip_choice() -> re.Pattern[str]:
    from coach.content.answer_words import phrases
    said = sorted(phrases("slip_choice", "phrases"), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in said) + r")\b", _F)


def chosen_on_a_slip(a: Any, bad: list[Any]) -> str:
    """The sentence that draws a design choice (`[slip_choice]`) from a wrong napkin figure: the figure's own sentence
    or one of the SLIP_REACH after it; "" when there is none."""
    choice = _slip_choice()
    for c in bad:
        at = next((i for i, x in enumerate(a.sents) if x.start <= c.at < x.end), None)
        if at is None:
            continue
        for x in a.sents[at:at + 1 + SLIP_REACH]:
            if choice.search(x.text):
                return str(x.text)
    return ""
DESIGN_DEPTH, DESIGN_WORDS = 0.75, (30, 90)    # level for depth, distinct content words from none to full depth


TECH_DEPTH, TECH_WORDS = 0.5, (45, 80)        # level for depth, distinct content words from none to full depth


def technical(a: Any, t: Trace) -> None:
    t.set(1.0, "a technical answer")
    if a.points.score is not None:
        _points(a, t)
    else:
        t.add(min(2.0, 0.3 * len(a.tech)), f"{len(a.tech)} technical terms")
        distinct = len(set(content_stems(a.text)))
        t.add(round(min(1.0, distinct / 40), 2), f"{distinct} distinct content words")
    own_case = _EXAMPLE.search(a.text) or _OWN_CASE.search(a.text)
    if own_case and _NUMBER.search(a.text):
        t.add(0.4, "a concrete example")
    elif own_case and a.points.total and 2 * len(a.points.covered) >= a.points.total:
        # the rubric's level 3 to 4 step is a case from their own work; with no figure, and beside a correct account
        # (half the points or more: "we had a model that drifted and we retrained it" alone illustrates nothing),
        # it earns half the credit
        t.add(0.2, "a case from their own work")
    if a.tradeoffs or _REASON.search(a.text) or _CONSEQUENCE.search(a.text) or \
            (_SPOKEN_CONSEQUENCE.search(a.text) and unpunctuated(a.text)):
        t.add(0.3, "gives a reason or an alternative")
    if len(a.tech) >= 5:
        t.add(0.3, f"{len(a.tech)} technical terms")
    if _LIMITS.search(a.text):
        t.add(0.3, "names a limit or an edge case")
    # depth: how much the answer says beyond the question's own words, as for a design (the rubric's level 5 adds
    # edge cases, limits and how to detect them, which a bare definition leaves out)
    _, distinct, _ = _substance(a)
    t.add(round(TECH_DEPTH * min(1.0, max(0, distinct - TECH_WORDS[0]) / (TECH_WORDS[1] - TECH_WORDS[0])), 2),
          f"depth: {distinct} distinct content words beyond the question's")
    _worked_wrong(a, t)
    handed_back = unchosen.deferred(a.text)
    if handed_back and t.level > UNCHOSEN_CAP:
        t.set(UNCHOSEN_CAP, f'lists the options and hands the choice back ("{handed_back}"): at most')


UNCHOSEN_CAP = 3.2      # a correct list of the options with no choice made for any case


def _worked_wrong(a: Any, t: Trace) -> None:
    """A figure a technical answer works out loud (a sample size, a test's length, the memory of a map) and gets wrong
    by more than its tolerance: the account around it may be right, but the number it gives to act on is not, as in a
    design (the rubrics' "arithmetic that does not hold together"): each quantity worked wrong costs SLIP_COST, each
    further wrong figure of it SLIP_CARRIED, and the answer is held at the senior bar's account without a case."""
    bad = [c for c in a.checks if not c.ok]
    if not bad:
        return
    slips = len({c.unit for c in bad})
    t.add(-(SLIP_COST * slips + SLIP_CARRIED * (len(bad) - slips)),
          f"{len(bad)} figure(s) worked wrong" + (f" of {slips} quantit{'y' if slips == 1 else 'ies'}"
                                                  if slips < len(bad) else ""))
    if t.level > WORKED_WRONG_CAP:
        t.set(WORKED_WRONG_CAP, "capped: a figure worked wrong")


WORKED_WRONG_CAP = 3.0


# Stock phrases that stand in for specifics ("democratised model development", "a force multiplier", "we partnered
# closely with stakeholders to drive adoption"): an answer built of them names nothing that was done or measured.
_STOCK = re.compile(r"\b(?:democrati[sz]\w*|force multiplier|undifferentiated heavy lifting|product mindset|"
                    r"drive (?:adoption|alignment|impact|value|outcomes)|business value|de facto|best[- ]in[- ]class|"
                    r"world[- ]class|game[- ]chang\w*|synerg\w*|leverag\w*|north star|move the needle|paradigm shift|"
                    r"holistic\w*|seamless\w*|cutting[- ]edge|empower\w*|unlock\w* (?:value|potential)|"
                    r"what good looks like|culture of|single source of truth|thought leadership|value-add|"
                    r"(?:unified|extensible|modern|next[- ]gen\w*) (?:[a-z-]+ )?platform|stakeholder alignment|"
                    r"partnered closely|raised? the bar|customer[- ]obsess\w*|bias for action|ownership mindset|"
                    r"growth mindset|passionate about|state[- ]of[- ]the[- ]art|cloud[- ]native|best practices?|"
                    # a process praised instead of told: "we had a very rigorous process", "a robust framework"
                    r"(?:rigorous|robust|rock[- ]solid) (?:[a-z-]+ )?(?:process|framework|methodology)|"
                    r"ai[- ](?:powered|driven)|single pane of glass|(?:from )?reactive to proactive|"
                    r"end[- ]to[- ]end (?:[a-z-]+ ){0,2}platform|with (?:scalability|extensibility|flexibility)"
                    r"(?: and (?:scalability|extensibility|flexibility))? in mind|"
                    r"a (?:big|huge|real) success|(?:whole|entire) lifecycle|next[- ]level|"
                    r"at the end of the day|at the forefront|fast[- ]paced|driving (?:adoption|alignment|impact|value|"
                    r"outcomes)|trusted partner|make a (?:real )?difference)\b")          # lowercase, run on lowercased text (faster than IGNORECASE)
STOCK_CAP = 1.5          # the level an answer of stock phrases reaches at most


@lru_cache(maxsize=64)
def stock(text: str) -> tuple[str, ...]:
    """The stock phrases of an answer built of them: two or more and no figure, or three or more whatever else
    (the rubrics' level 1, nothing specific said); () otherwise. (Cached: the scorer asks twice per answer.)"""
    low = text.lower()
    found = tuple(sorted({m.group(0) for m in _STOCK.finditer(low)} | {m.group(0) for m in _stock_said().finditer(low)}))
    return found if len(found) >= 3 or (len(found) >= 2 and not _NUMBER_WORD.search(text)) else ()


@lru_cache(maxsize=1)
def _stock_said() -> re.Pattern[str]:
    """The stock phrases of `rubrics/answer_words.toml` `[stock]` (influence told in words that name nothing)."""
    from coach.content.answer_words import phrases
    said = sorted(phrases("stock", "phrases"), key=len, reverse=True)
    return re.compile(r"(?<![a-z])(?:" + "|".join(re.escape(p) for p in said) + r")(?![a-z])")


def stock_phrases(a: Any, t: Trace) -> None:
    found = stock(a.text)
    if found and t.level > STOCK_CAP:
        t.set(STOCK_CAP, f"stock phrases in place of specifics ({', '.join(found[:3])}): at most")
        t.generic = True


# A line of a career history, and a statement of what the speaker does now: a chronology of jobs, degrees and tools
# that never reaches the current role is the recruiter rubric's level 1 (they could not restate the role).
_CHRONO = re.compile(r"\b(?:before that|after that|prior to that|then i (?:moved|joined|went|switched|spent|did)|"
                     # the same told of the tools or the team: "then moved to TensorFlow", "then we moved to Vertex"
                     r"then,? (?:we )?(?:moved|switched|migrated) (?:over )?(?:to|into)|did a (?:stint|spell)|"
                     r"i (?:moved|went|switched) (?:to|into|over)|i did (?:my|a) (?:undergrad\w*|degree|master'?s|phd|"
                     r"bachelor'?s|course)|i (?:studied|graduated)|i started (?:out|my career|in|at|as)|i was at (?:a|an|the)|"
                     r"i spent (?:about |around |almost )?(?:a|one|two|three|four|five|six|\d+) years?|"
                     r"(?:my|a) (?:first|next|last|previous) job)\b", _F)
_NOW_ROLE = re.compile(r"\b(?:(?:right now|currently|these days|at the moment|today),? i(?:'m| am)?|i(?:'m| am) (?:currently |"
                       r"now )?(?:a|an|the) [a-z -]{0,30}(?:engineer|lead|scientist|manager|architect)|i (?:currently |now )?"
                       r"(?:lead|own|run|manage|work on|am responsible for|look after)|my (?:current )?(?:role|job|team|work) "
                       r"(?:is|now)|(?:in|at) my current (?:role|job|team|company))\b", _F)
CHRONO_LINES, CHRONO_CAP = 3, 1.5


def career_lines(round_id: str | None, sents: list[Any], text: str) -> int:
    """In a people round: the lines of career history of an answer with three or more of them and nothing on what
    the speaker does now; 0 otherwise."""
    if round_id not in PEOPLE_ROUNDS:
        return 0
    lines = sum(1 for s in sents if _CHRONO.search(s.text))
    return lines if lines >= CHRONO_LINES and not _NOW_ROLE.search(text) else 0


def career_walk(round_id: str | None, sents: list[Any]) -> int:
    """In a people round: the lines of career history of an answer with CHRONO_LINES or more of them, whatever it says
    of the current role; 0 otherwise."""
    if round_id not in PEOPLE_ROUNDS:
        return 0
    lines = sum(1 for s in sents if _CHRONO.search(s.text))
    return lines if lines >= CHRONO_LINES else 0


def late_role(round_id: str | None, sents: list[Any]) -> int:
    """In a people round: the lines of career history told before the current role, when two or more come first, the
    role only arrives in the last third of the answer and says nothing the speaker owns or leads (the chronology
    buries what the question asked); 0 otherwise."""
    if round_id not in PEOPLE_ROUNDS or len(sents) < 3:
        return 0
    now = next((i for i, s in enumerate(sents) if _NOW_ROLE.search(s.text)), None)
    if now is None or 3 * now < 2 * len(sents):
        return 0
    if any(_OWNS.search(s.text) for s in sents[now:]):
        return 0        # the role told with what the speaker owns or leads: the history was the way in, not the answer
    lines = sum(1 for s in sents[:now] if _CHRONO.search(s.text))
    return lines if lines >= LATE_ROLE_LINES else 0


def chronology(a: Any, t: Trace) -> None:
    lines = career_lines(a.round, a.sents, a.text)
    if lines and t.level > CHRONO_CAP:
        t.set(CHRONO_CAP, f"{lines} lines of career history and nothing on the current role: at most")
    elif (late := late_role(a.round, a.sents)) and t.level > LATE_ROLE_CAP:
        # the recruiter rubric's answer that buries the role: they hear the history and must dig for the present
        t.set(LATE_ROLE_CAP, f"{late} lines of career history before the current role, which comes last: at most")


LATE_ROLE_LINES, LATE_ROLE_CAP = 2, 2.0
_OWNS = re.compile(r"\bi (?:currently |now )?(?:own|lead|led|run|ran|manage|designed|built|am responsible for|set up)\b", _F)


def delivery(a: Any, t: Trace) -> None:
    d = a.delivery
    if d.words and d.filler_count * 100 / d.words > 4:
        t.add(-0.25, "fillers over 4 per 100 words")
    if d.too_long:
        t.add(-0.25, "runs past the time box")
    if d.words < 25:
        t.add(-0.5, f"only {d.words} words")
