"""The interviewer as a conversation partner: clarifying questions answered from facts, follow-ups that
dig without asking twice, hypothetical questions scored as plans, the deep-dive opening with the walkthrough."""
from __future__ import annotations

import random

from coach.content import default_content
from coach.content.picker import pick_questions
from coach.eval import followups as fe
from coach.interview import clarify
from coach.interview.engine import Ask, InterviewEngine, NeedFollowUp
from coach.followups.choice import bank_followup
from coach.scoring import score_answer
from coach.scoring.scorecard import Scorecard


def test_clarification_detection_holds_precision_and_recall_on_every_set() -> None:
    report = fe.clarification_report()
    assert report["all"]["utterances"] >= 40 and report["all"]["clarifying"] >= 20
    assert report["all"]["utterances"] - report["all"]["clarifying"] >= 20
    for name in fe.CLARIFY_SETS:     # every set the rules have been written and revised with, held-out 4 included
        assert report[name]["precision"] >= 0.95 and report[name]["recall"] >= 0.95, (name, report[name])
    assert report["dev5"]["utterances"] >= 30, "the dev set in new wordings"
    # scored once after the fourth rule change (README: precision 0.80, recall 0.77), then folded in after it was scored
    assert report["heldout5"]["utterances"] >= 44 and report["heldout5"]["clarifying"] >= 22
    assert report["heldout5"]["utterances"] - report["heldout5"]["clarifying"] >= 22
    assert report["heldout5"]["precision"] >= 0.95 and report["heldout5"]["recall"] >= 0.95, report["heldout5"]


def test_a_clarifying_question_is_answered_with_the_questions_own_facts() -> None:
    q = default_content().question("sd-fraud-detection")
    asked = clarify.clarifying_questions("before I design anything how many transactions per second do we see at "
                                         "peak and what is the latency budget for a decision")
    assert asked, "no question mark from the speech model: still a question"
    text, used = clarify.reply(asked, dict(q.facts))
    assert used == ("traffic", "latency")
    assert "3,000" in text and "100 milliseconds" in text
    assert clarify.reply(["Should I draw the architecture first?"], dict(q.facts))[0].startswith("That's your call")


def test_rhetorical_questions_check_ins_and_design_talk_are_not_clarifications() -> None:
    for text in ("So what does that tell us? It tells us the features must be computed in the stream.",
                 "Does that make sense so far?",
                 "I'll assume ten thousand payments per second and go from there.",
                 "How would I roll it out? Shadow first, then five percent of traffic.",
                 "Is it fine to jump straight to the ranking stage and come back to explain the logging?",
                 "so does that look reasonable to you",
                 "roughly twenty thousand requests per second at the busiest hour is what I'll design for",
                 "I want to know when the scores drift, so I'd alert on the daily distribution"):
        assert not clarify.is_clarification(text), text


def test_a_request_for_a_fact_needs_no_question_word_or_mark() -> None:
    for text in ("approximately how many drivers are online at rush hour",
                 "ballpark figure for the daily active users",
                 "I'd like to understand whether the merchants see the reason for a decline.",
                 "I'm assuming the clicks are logged with timestamps, correct me if that's not the case",
                 "any privacy rules on keeping the voice recordings"):
        assert clarify.is_clarification(text), text


def test_a_design_answer_after_clarifying_is_not_marked_no_clarifying_and_records_the_questions() -> None:
    card = Scorecard.from_dict({
        "gaps": [{"id": "no_numbers", "severity": 0.8, "evidence": "0 quantities"},
                 {"id": "no_clarifying", "severity": 0.7, "evidence": "no requirement question"}],
        "feedback": ["Start by stating assumptions or asking about scale: no requirement question."]})
    credited = clarify.credit(card, ["How many payments per second at peak?"])
    assert [g.id for g in credited.gaps] == ["no_numbers"]
    assert credited.feedback == () and credited.clarifications == ("How many payments per second at peak?",)
    assert clarify.credit(card, []) is card


def _design_engine(mode: str = "practice", level: str = "senior") -> InterviewEngine:
    content = default_content()
    q = content.question("sd-fraud-detection")
    return InterviewEngine([(q, content.round("system-design"))], mode=mode, level=level)


def test_clarification_turns_keep_the_question_open_and_the_fact_change_comes_in_realistic_mode() -> None:
    engine = _design_engine("realistic")
    engine.start(0)
    engine.spoken()
    assert engine.takes_clarification()
    ask = engine.clarified("how many payments per second?", "About 800 a second.")
    assert ask.kind == "clarification" and engine.current.followups == 0 and engine.index == 0
    engine.spoken()
    weak = Scorecard.from_dict({"overall": 1.5,
                                "gaps": [{"id": "no_numbers", "severity": 0.8, "evidence": "0 quantities"}]})
    change = engine.answered("a design", weak, now=60)
    assert isinstance(change, Ask) and change.kind == "change" and "60 days" in change.text
    follow = engine.answered("training now waits longer for the chargebacks to mature", weak, now=120)
    assert isinstance(follow, NeedFollowUp) and follow.gap == "no_numbers" and follow.target == "0 quantities"
    practice = _design_engine("practice")
    practice.start(0)
    assert isinstance(practice.answered("a design", weak, now=60), NeedFollowUp)


def test_after_the_change_a_question_gets_the_fact_as_it_now_stands_and_a_repeat_is_a_reminder() -> None:
    engine = _design_engine("realistic")
    engine.start(0)
    engine.spoken()
    asked = ["how many payments per second do we see?"]
    said, used = clarify.reply(asked, engine.facts_now(), given=engine.facts_given())
    assert "800" in said and not said.startswith("As I said")
    engine.clarified(asked[0], said, "facts", used)
    again, _ = clarify.reply(["and what is the peak volume?"], engine.facts_now(), given=engine.facts_given())
    assert again.startswith("As I said, about 800")           # told once already: said as a reminder
    weak = Scorecard.from_dict({"overall": 1.5, "gaps": [{"id": "no_numbers", "severity": 0.8, "evidence": "0"}]})
    engine.spoken()
    assert engine.answered("a design", weak, now=60).kind == "change"
    labels, _ = clarify.reply(["how long until the chargebacks come in?"], engine.facts_now(),
                              given=engine.facts_given())
    assert "60 days" in labels and "30 days" not in labels     # never the old fact once the change is told


def test_a_part_that_names_no_topic_gets_the_fact_sharing_its_words_else_an_assumption() -> None:
    facts = dict(default_content().question("sd-image-moderation").facts)
    said, used = clarify.reply(["roughly how many items get uploaded, and do we have human reviewers?"], facts)
    assert used == ("traffic", "team") and "2,000 uploads per second" in said and "moderators" in said
    said, used = clarify.reply(["how many languages do we support?"], facts)
    assert used == () and "assumption" in said                # no fact shares its words: the candidate assumes


def test_the_fact_change_waits_for_a_design_answer_not_a_pass() -> None:
    engine = _design_engine("realistic")
    engine.start(0)
    engine.spoken()
    passed = Scorecard.from_dict({"overall": 0.0, "gaps": [{"id": "non_answer", "severity": 1.0, "evidence": ""}]})
    first = engine.answered("i'm not sure", passed, now=30)
    assert not (isinstance(first, Ask) and first.kind == "change") and not engine.current.changed
    weak = Scorecard.from_dict({"overall": 1.5, "gaps": [{"id": "no_numbers", "severity": 0.8, "evidence": "0"}]})
    engine.spoken()
    change = engine.answered("a design", weak, now=60)
    assert isinstance(change, Ask) and change.kind == "change"


def test_facts_asked_as_requests_statements_or_run_on_questions_are_clarifications() -> None:
    q = default_content().question("sd-fraud-detection")
    for text, topic in (("fill me in on how much traffic the checkout sees at the peak hour", "traffic"),
                        ("and the chargebacks reach us after a month or sooner", "labels"),
                        ("the review team's size is it fixed or can it grow", "team"),
                        ("okay before i go on, talk me through what the latency budget is", "latency")):
        asked = clarify.clarifying_questions(text)
        assert asked, text
        assert topic in clarify.reply(asked, dict(q.facts))[1], text


def test_self_questions_answered_in_the_same_breath_and_depth_check_ins_are_not_clarifications() -> None:
    for text in ("how big does the index get it's about forty gigabytes so it fits in memory on one box",
                 "is a cache worth it here probably yes for the top merchants",
                 "is this deep enough on the serving side",
                 "what's the best way to roll it out a shadow period first then a small ramp",
                 "do you want me to sketch the failure handling or skip it"):
        assert not clarify.is_clarification(text), text


def test_replay_says_when_the_interviewer_asked_for_an_assumption_instead_of_a_fact(tmp_path) -> None:
    from coach.commands.replay import describe_turn
    base = {"speaker": "interviewer", "kind": "clarification", "idx": 2}
    told = describe_turn({**base, "text": "About 800 a second.", "source": "facts"}, tmp_path)
    assumed = describe_turn({**base, "text": "That's your call: state an assumption and go on.",
                             "source": "assumption"}, tmp_path)
    assert "(from the facts)" in told[0] and "state an assumption" in assumed[0] and "from the facts" not in assumed[0]


def test_digging_goes_three_deep_on_open_gaps_never_asks_for_what_was_said_and_stops_at_the_bar() -> None:
    engine = _design_engine(level="staff")
    engine.start(0)
    first = Scorecard.from_dict({"overall": 2.0, "gaps": [{"id": "no_numbers", "severity": 0.8},
                                                          {"id": "no_tradeoff", "severity": 0.65}]})
    need = engine.answered("design", first, now=10)
    assert isinstance(need, NeedFollowUp) and need.gap == "no_numbers"
    engine.followup_ready("How many per second?", need.gap, "bank")
    # the follow-up's answer gives numbers but (scored alone) misses monitoring, which the design covered
    second = Scorecard.from_dict({"overall": 2.5, "gaps": [{"id": "no_monitoring", "severity": 0.9},
                                                           {"id": "no_tradeoff", "severity": 0.65}]})
    need = engine.answered("3000 a second", second, now=20)
    assert isinstance(need, NeedFollowUp) and need.gap == "no_tradeoff"
    engine.followup_ready("What did you give up?", need.gap, "bank")
    need = engine.answered("trees over a deep net because...", second, now=30)
    assert isinstance(need, NeedFollowUp) and need.gap == "no_tradeoff"     # still open: one more probe, the third
    engine.followup_ready("What would you do differently?", need.gap, "bank")
    assert not isinstance(engine.answered("...", second, now=40), NeedFollowUp)   # three deep: on to what's next
    at_bar = _design_engine(mode="realistic")
    at_bar.start(0)
    at_bar.current.changed = True       # the fact change was the first probe (as the engine counts it when said)
    at_bar.current.followups = 1
    assert not isinstance(at_bar.answered("strong", Scorecard(overall=3.8, gaps=first.gaps), now=10), NeedFollowUp)
    # before any probe, an answer at the bar with a gap open still hears its first follow-up; the bar stops the digging
    first_probe = _design_engine(level="staff")
    first_probe.start(0)
    assert isinstance(first_probe.answered("strong", Scorecard(overall=3.8, gaps=first.gaps), now=10), NeedFollowUp)


def test_a_strong_plan_for_a_hypothetical_question_is_not_asked_for_a_past_result() -> None:
    content = default_content()
    q = content.question("xf-latency-budget-cut")
    assert q.hypothetical
    plan = ("First I'd ask the product team why the cut is needed and which user problem it solves. Then I'd "
            "measure where the current 80 milliseconds go, feature fetches against model time. The options are "
            "distillation, caching, fewer features or precomputing parts offline; I'd estimate the quality cost "
            "of each in product terms, share that, and agree a staged plan with a timeline.")
    card = score_answer(plan, question=q, round_spec=content.round(q.round), rubric=content.rubric(q.round))
    assert not {g.id for g in card.gaps} & {"no_result", "no_context"}


def test_the_deep_dive_opens_with_the_project_walkthrough_whatever_was_asked_before() -> None:
    content = default_content()
    for seed in range(5):
        picked = pick_questions(content, "deep-dive", "senior", 3, ["dd-project-walkthrough"], random.Random(seed))
        assert picked[0].id == "dd-project-walkthrough" and len({q.id for q in picked}) == 3


def test_the_bank_draft_for_a_missed_point_is_the_follow_up_about_that_point() -> None:
    content = default_content()
    q = content.question("sd-home-recommendations")
    missed = [f for f in q.followups if f.gap == "missing_point"]
    target = 'missed 1 of 7 talking points: "Cold start for new users and new items"'
    assert bank_followup(q, "missing_point", [], content.gaps, target) == missed[0].text


def test_the_follow_up_is_aimed_with_the_points_every_answer_so_far_covered() -> None:
    engine = _design_engine(level="staff")
    engine.start(0)
    points = engine.current.question.talking_points
    first = Scorecard.from_dict({"overall": 2.0, "gaps": [{"id": "no_numbers", "severity": 0.8, "evidence": "0"}],
                                 "talking_points": {"covered": [{"point": points[0]}]}})
    need = engine.answered("design", first, now=10)
    assert isinstance(need, NeedFollowUp) and need.finding is not None and need.finding.covered == {points[0]}
    engine.followup_ready("How many per second?", need.gap, "bank")
    second = Scorecard.from_dict({"overall": 2.0, "gaps": [{"id": "no_numbers", "severity": 0.8, "evidence": "0"}],
                                  "talking_points": {"covered": [{"point": points[1]}]}})
    need = engine.answered("more design", second, now=20)
    assert isinstance(need, NeedFollowUp) and need.finding.covered == {points[0], points[1]}


def test_an_answer_to_a_follow_up_is_not_taken_for_off_topic_talk() -> None:
    """It shares few of the main question's words; the gap it was asked about is taken as answered and
    the dig goes on to the next gap still open, never back to the question itself."""
    engine = _design_engine(level="staff")
    engine.start(0)
    first = Scorecard.from_dict({"overall": 1.0, "gaps": [{"id": "no_numbers", "severity": 0.8, "evidence": "0"},
                                                          {"id": "no_tradeoff", "severity": 0.65, "evidence": "-"}]})
    need = engine.answered("design", first, now=10)
    assert isinstance(need, NeedFollowUp) and need.gap == "no_numbers"
    engine.followup_ready("How many per second?", need.gap, "model")
    drift = Scorecard.from_dict({"overall": 0.1, "gaps": [{"id": "off_topic", "severity": 0.98, "evidence": "-"}]})
    need = engine.answered("about three thousand a second at peak", drift, now=20)
    assert isinstance(need, NeedFollowUp) and need.gap == "no_tradeoff"


def test_people_asked_about_are_users_unless_they_build_or_run_the_system() -> None:
    q = default_content().question("sd-llm-serving")
    text, used = clarify.reply(["roughly how many people are chatting at the same time at peak, and what does a good "
                                "response time look like for them?"], dict(q.facts))
    assert used == ("traffic", "latency") and "3,000 concurrent" in text and "engineers" not in text
    assert clarify.topics_asked(["how many people would be left looking after this once it's launched"]) == ["team"]


def test_a_check_in_about_the_talk_is_not_a_clarifying_question() -> None:
    assert not clarify.is_clarification("are you following me or do you want more on where the candidates come from")
    assert not clarify.is_clarification("Are you with me so far, or should I slow down?")
    assert clarify.is_clarification("How many candidates does each request score at peak?")


def test_the_reply_answers_what_is_asked_not_what_the_premise_or_the_reason_names() -> None:
    fraud = dict(default_content().question("sd-fraud-detection").facts)
    for text in ("given we have about fifty milliseconds for the decision, what's the peak number of payments a second?",
                 "what's the peak number of payments a second, given we have about fifty milliseconds for the decision",
                 "given we have about fifty milliseconds for the decision what's the peak qps"):
        said, used = clarify.reply([text], fraud)
        assert used == ("traffic",) and "3,000" in said and "milliseconds" not in said, text
    _, used = clarify.reply(["how big is the review team, because that drives how many labels we get a day"], fraud)
    assert used == ("team",)
    home = dict(default_content().question("sd-home-recommendations").facts)
    said, used = clarify.reply(["can i use browsing history for every shopper?"], home)
    assert used == ("constraints",) and "EU" in said                  # what is allowed, not what is logged
