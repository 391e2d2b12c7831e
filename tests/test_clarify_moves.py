"""A system-design conversation as a candidate has it: clarifying questions in every wording answered part by
part, napkin steps of LLM serving and experiments checked, polite non-answers named, and closing advice
drawn from the whole session."""
from __future__ import annotations

import tomllib

from coach.content import default_content
from coach.eval.followups import CLARIFY_DIR
from coach.interview import clarify
from coach.interview.summary import closing_remarks
from coach.scoring import score_answer
from coach.scoring.scorecard import Scorecard


def test_dev17_guesses_tags_needs_check_ins_and_opinions_are_told_apart() -> None:
    # written after the held-out 5 change and scored once before any other (precision 0.70, recall 0.58);
    # the rules were then revised with it, so this keeps it, it does not measure it
    cases = tomllib.loads((CLARIFY_DIR / "dev17.toml").read_text(encoding="utf-8"))["utterance"]
    assert len(cases) >= 24 and sum(c["clarifying"] for c in cases) >= 12
    wrong = [c["text"] for c in cases if clarify.is_clarification(c["text"]) != c["clarifying"]]
    assert not wrong, wrong


def test_a_guess_handed_back_or_a_fact_with_a_tag_is_asked_but_a_plan_with_a_tag_is_not() -> None:
    for text in ("it's probably a few thousand writes a second but you tell me",
                 "labels come from the dispute team within a week i'd guess, is that so",
                 "the merchants can see the score we return right"):
        assert clarify.is_clarification(text), text
    for text in ("i'd put the scores in a cache keyed by card right",
                 "i guess we'll start with a rules baseline and grow from there"):
        assert not clarify.is_clarification(text), text


def test_asking_what_the_interviewer_would_do_or_thinks_of_the_design_is_not_a_clarification() -> None:
    for text in ("what would you do here?", "does that make sense so far", "would you shard by merchant or by card",
                 "does the overall flow look sensible to you", "what do you think"):
        assert not clarify.is_clarification(text), text
    for text in ("do you use kafka today for the payment events", "which matters more to you, recall or precision"):
        assert clarify.is_clarification(text), text


def test_every_part_of_a_compound_question_is_answered_or_left_to_an_assumption() -> None:
    facts = dict(default_content().question("sd-fraud-detection").facts)
    asked = clarify.clarifying_questions("what's the peak volume and how fresh must the features be? "
                                         "also is there a gpu budget")
    text, used = clarify.reply(asked, facts)
    assert {"traffic", "latency", "budget"} <= set(used), used
    assert "3,000" in text and "100 milliseconds" in text and "no GPU budget" in text
    text, used = clarify.reply(clarify.clarifying_questions(
        "how many languages do we have to support, and what's the latency budget"), facts)
    assert used == ("latency",) and text.endswith(clarify.default_cues().partly)


def _checks(text: str) -> list[dict]:
    return score_answer(text).to_dict()["sizing"]["checks"]


def test_kv_cache_per_conversation_and_in_total_are_checked_from_the_bytes_per_token() -> None:
    wrong = ("Each chat keeps about two thousand tokens of context, and at a quarter of a megabyte of KV cache per "
             "token that's about five megabytes per chat, so four thousand chats need around twenty gigabytes.")
    bad = [c for c in _checks(wrong) if not c["ok"]]
    assert bad and bad[0]["claimed"] == "five megabytes" and abs(bad[0]["expected"] - 5e8) < 1e6
    assert "bytes per token × tokens" in bad[0]["message"]
    right = ("Each chat keeps about two thousand tokens of context, and at a quarter of a megabyte of KV cache per "
             "token that's about five hundred megabytes per chat, so four thousand chats need around two terabytes.")
    assert all(c["ok"] for c in _checks(right)), _checks(right)


def test_an_experiment_length_is_checked_against_the_sample_and_the_traffic_per_arm() -> None:
    wrong = ("The power calculation says we need about a million users per arm. Roughly a hundred thousand "
             "users visit each day, so the test can stop after five days.")
    bad = [c for c in _checks(wrong) if not c["ok"]]
    assert bad and bad[0]["rule"] == "test_duration" and abs(bad[0]["expected"] - 20 * 86400) < 1
    right = wrong.replace("five days", "three weeks")
    assert all(c["ok"] for c in _checks(right)), _checks(right)


def test_polite_non_answers_are_named_but_a_hedged_real_answer_is_not() -> None:
    q = default_content().question("sd-fraud-detection")
    for text in ("great question, I'd probably look at it from a few angles and it depends on the context",
                 "hmm honestly I can't really recall how we did that part, sorry"):
        assert score_answer(text, question=q).gaps[0].id == "non_answer", text
    real = "it depends on the traffic: under a thousand payments a second one box scores them, above that I shard by merchant"
    assert score_answer(real, question=q).gaps[0].id != "non_answer"


def test_longer_polite_evasions_and_asking_to_move_on_are_non_answers() -> None:
    q = default_content().question("ts-bias-variance")
    evasive = ("Hmm, that's an interesting question. Honestly it depends on the model and the data so much that I would "
               "rather look at the actual setup with the team first before I say anything definite about it.")
    assert 30 <= len(evasive.split()) < 60 and score_answer(evasive, question=q).gaps[0].id == "non_answer"
    skip = ("Sorry, I don't think I have a good story for this one, the projects I worked on were quite well "
            "scoped from the start. Could we skip this one and go to the next topic?")
    assert score_answer(skip, question=q).gaps[0].id == "non_answer"
    real = ("It depends on the gap: when training error is low and validation error much higher the model has too "
            "much variance, so I would add data or regularise; when both errors are high it is bias, so a richer "
            "model or better features. Learning curves tell the two apart.")
    assert score_answer(real, question=q).gaps[0].id != "non_answer"
    step = ("The validation error was far above the training error, so it was variance. We decided to skip this "
            "feature in the first version and added dropout, and the gap closed to two points.")
    assert score_answer(step, question=q).gaps[0].id != "non_answer"     # skipping a step is not asking to move on


def _card(overall: float, *gaps: str) -> Scorecard:
    return Scorecard.from_dict({"overall": overall, "gaps": [{"id": g, "severity": 0.8 - 0.1 * i}
                                                               for i, g in enumerate(gaps)]})


def test_closing_advice_comes_from_the_whole_session_not_the_first_answer() -> None:
    focus = {"no_tradeoff": "name what you gave up", "no_numbers": "put numbers on it", "bad_math": "check the math"}
    recurring = [_card(3.0, "no_tradeoff"), _card(2.5, "bad_math", "no_numbers"), _card(2.8, "no_numbers")]
    assert "put numbers on it" in closing_remarks("$focus", ["x"], recurring, focus)
    once_each = [_card(3.5, "no_tradeoff"), _card(1.2, "bad_math"), _card(3.0, "no_numbers")]
    assert closing_remarks("$focus", ["x"], once_each, focus) == "check the math"


def test_a_fact_checked_back_with_a_negative_tag_a_fragment_or_an_invitation_to_correct_is_asked() -> None:
    # the kinds of wording held-out 6 showed the rules missing, in other words
    for text in ("the refunds are what we learn fraud from, aren't they",
                 "Desktop browsers only at first, right?",
                 "the model has to fit in the phone's memory budget, is that the limit",
                 "it matters to me whether the merchants see the score or only our analysts",
                 "I'll plan on ten thousand stores unless you have the real count",
                 "call it fifty engineers on the platform, but correct me"):
        assert clarify.is_clarification(text), text


def test_a_question_answered_after_a_pause_or_in_the_next_sentence_or_a_check_in_is_not_asked() -> None:
    for text in ("which part of the bill is biggest uh probably the feature store reads",
                 "Can one replica keep up? No, the fan-out alone needs four.",
                 "is this the shape you expected for the ingestion side",
                 "Am I being clear about how the labels get joined?",
                 "what's your take on distilling the ranker"):
        assert not clarify.is_clarification(text), text


def test_dev18_is_kept_after_the_rules_learned_from_it() -> None:
    # written before any rule or model ran on it; scored once (rules: precision 0.81, recall 0.77), then tuned on
    cases = tomllib.loads((CLARIFY_DIR / "dev18.toml").read_text(encoding="utf-8"))["utterance"]
    wrong = [c["text"] for c in cases if clarify.is_clarification(c["text"]) != c["clarifying"]]
    assert not wrong, wrong


def test_an_unknown_or_a_want_named_and_then_told_is_asked_unless_the_plan_follows() -> None:
    # the kinds of wording held-out 7 showed the rules missing, in other words
    for text in ("the bit i'm unsure about is how many stores send us their stock feed",
                 "What I don't know yet is whether the drivers can refuse a job.",
                 "i'm keen to learn how often the fraud team updates the blocklist",
                 "I'd really like a feel for how many queries arrive in the lunchtime peak.",
                 "one thing I haven't pinned down is how big the on call rota is. Can you tell me?"):
        assert clarify.is_clarification(text), text
    for text in ("I want to hear about it the minute the queue backs up, so the consumer lag alert fires at thirty seconds.",
                 "the gap in my design is how we recover from a bad deploy, so i'd add a canary stage",
                 "We need to see a failing shard at once, which is why each replica reports its lag."):
        assert not clarify.is_clarification(text), text


def test_a_question_with_no_mark_inside_a_run_on_turn_or_a_fragment_of_options_is_asked() -> None:
    for text in ("does the recommender need to run in the car dashboard too or only on phones",
                 "the ratings arrive within a day i assume or do riders take longer to leave them",
                 "and currencies? euros only or several",
                 "monthly active sellers and how many of them list every week",
                 "the point of it is one feature pipeline for every squad so how many squads would actually use it"):
        assert clarify.is_clarification(text), text
    for text in ("we'd score in the request path or do the heavy part offline",
                 "the scorer runs inline or the batch job does it overnight, i'd take the batch job"):
        assert not clarify.is_clarification(text), text


def test_a_question_answered_in_the_same_breath_a_proposal_or_the_interviewers_own_choice_is_not_asked() -> None:
    for text in ("what's the weak spot honestly the ranking service because it has no fallback",
                 "the question i keep coming back to is how we keep the index fresh and the answer is change data capture",
                 "how about a nightly retrain with a rollback switch, say two versions kept",
                 "what about caching the top thousand queries at the edge",
                 "would you have picked a two tower model here or is a cross encoder what you'd go for"):
        assert not clarify.is_clarification(text), text
    assert clarify.is_clarification("what about the labels, where do they come from")


def test_a_preface_before_the_ask_does_not_hide_it() -> None:
    # tried as a new user would: the opener "before I ..., " came before a need worded as a statement
    from coach.interview.clarify import is_clarification
    assert is_clarification("before I sketch anything, I would like a feel for how many card payments hit us in "
                            "the busiest minute, and how quickly a decision has to come back.")
    assert is_clarification("Before I draw boxes, I'd want to know how stale the stock counts can be.")
    assert not is_clarification("Before I go on, I'd like to know how it fails, so I add a fallback to the old rules.")


def test_the_feature_weights_name_every_feature_and_only_those() -> None:
    """The weights are data fitted by coach.eval.clarify_loso; a feature renamed in code must be refitted."""
    from coach.interview import clarify_features as cf
    w = cf.load_weights()
    assert set(w.weights) == set(cf.FEATURES)
    assert 0.5 < w.threshold < 1.0


def test_a_long_design_turn_with_a_question_in_it_stays_an_answer_whatever_it_scores() -> None:
    from coach.interview import clarify_features as cf
    from coach.interview.clarify import clarifying_questions
    eager = cf.Weights({}, 10.0, 0.9, 40)       # would call every turn a question
    design = ("what happens at the peak? the scorer is a boosted model behind a feature store, card velocity "
              "features refresh every minute, it answers in fifty milliseconds and falls back to the old rules "
              "when it times out, and we retrain weekly once the chargebacks mature")
    assert clarifying_questions(design, weights=eager) == []
    assert clarifying_questions("and the peak, is it black friday that sets it", weights=eager)


def test_the_reply_gives_the_fact_the_candidate_asked_about() -> None:
    facts = dict(default_content().question("sd-notification-ranking").facts)
    asked = clarify.clarifying_questions("Before I sketch anything, how many notifications do we send a day, and do we "
                                         "care more about opens or about people turning notifications off?")
    text, used = clarify.reply(asked, facts)
    assert used == ("traffic", "goal") and "200 million" in text and "turning notifications off" in text
    _, used = clarify.reply(["Do we optimise for opens or for fewer opt-outs?"], facts)
    assert used == ("goal",)


def test_a_question_that_points_back_is_answered_from_the_sentence_before_it() -> None:
    facts = dict(default_content().question("sd-notification-ranking").facts)
    said = ("I'd score every push with an open model and an opt-out model, but I can't guess how many "
            "candidate notifications we have per user each day. Do you have that?")
    asked = clarify.clarifying_questions(said)
    assert clarify.reply(asked, facts)[1] == ()           # the question alone names no fact
    text, used = clarify.reply(asked, facts, said=said)
    assert used == ("traffic",) and "200 million candidate notifications" in text


def test_replies_use_a_fact_the_candidate_asked_about_on_the_tuned_sets() -> None:
    from coach.eval import clarify_replies as cr
    from coach.eval.followups import CLARIFY_DIR, CLARIFY_SETS
    facts_of = {q.id: dict(q.facts) for q in default_content().questions.values()}
    rows = [r for us in cr.load(CLARIFY_DIR, CLARIFY_SETS).values() for r in cr.judge(us, facts_of)]
    assert len(rows) >= 60 and cr.summary(rows)["answered"] >= 0.75


def test_a_want_named_to_the_interviewer_a_prompt_word_asked_back_or_an_assumption_to_confirm_is_asked() -> None:
    # the kinds of wording held-out 9 showed the rules missing, in other words
    for text in ("The one figure I'd need from you is how many riders open the app at the evening peak.",
                 "I'll want the storage picture from you: which regions, how many replicas, what retention.",
                 "Before I draw anything I'd like three things from you: the budget, the team, and the deadline.",
                 "Before I choose a store I need to know how late the refunds arrive, because I suspect that's "
                 "different per country.",
                 "when you say sessions is that per device or per signed in person",
                 "my hunch is around fifty thousand uploads an hour give or take is that close to what you have",
                 "and the daily traffic roughly",
                 "so what is the product team watching is it retention or more of a time well spent sort of measure",
                 "so a queue in front and then retry policy which depends on a thing you could tell me how long "
                 "may a message wait before it is useless",
                 "can i take it the input always fits in memory or do i need to stream it"):
        assert clarify.is_clarification(text), text


def test_a_question_the_system_asks_its_user_a_need_the_plan_follows_or_a_self_question_is_not_asked() -> None:
    for text in ("the ranker is really asking what will this reader finish tonight given the last three articles",
                 "When the intent is unclear the assistant should reply with do you want a refund or a replacement, "
                 "not pick one.",
                 "I need to hear within a minute if the error rate climbs, so there's an alert on the five minute rate.",
                 "does that answer what you were asking about the rollout",
                 "what did we ship first the candidate generator was a simple item to item model"):
        assert not clarify.is_clarification(text), text


def _reply(qid: str, said: str) -> tuple[str, tuple[str, ...]]:
    facts = dict(default_content().question(qid).facts)
    return clarify.reply(clarify.clarifying_questions(said), facts, said=said)


def test_a_reply_gives_the_fact_asked_for_and_no_fact_that_only_qualifies_the_question() -> None:
    # a rate's period, a team or a pointer back qualifies what is asked; the interviewer answers only that
    text, used = _reply("sd-fraud-detection", "Tell me about the reviewers: how many analysts are there and how "
                                              "many cases do they get through in a day?")
    assert used == ("team",) and "40 analysts" in text and "assumption" not in text
    assert _reply("sd-notification-ranking", "Is there a ceiling on how many pushes a person can get per day?")[1] == \
        ("constraints",)
    assert _reply("sd-model-monitoring", "What's the budget for storing all those logs?")[1] == ("budget",)
    assert _reply("sd-embedding-platform", "Do the search, ads and recs teams keep their own modellers?")[1] == ("team",)
    text, used = _reply("sd-distributed-training", "Progress we can lose per node failure. Minutes? An hour?")
    assert used == ("latency",) and "hour of progress" in text


def test_a_part_the_facts_do_not_cover_is_left_to_an_assumption_not_answered_with_a_neighbouring_fact() -> None:
    text, used = _reply("sd-fraud-detection", "How many payments a second at peak, and does the checkout run in one "
                                               "country or several?")
    assert used == ("traffic",) and text.endswith("For the rest, state your assumption.")
    # the candidate's own plan before the question is not asked about
    text, used = _reply("sd-search-ranking", "i'll go with a two tower retriever and a boosted ranker and hmm actually "
                                             "is there a set of hand graded queries to check against")
    assert used == ("labels",) and "by hand" in text


def test_replies_on_the_clarifying_sets_rarely_add_a_fact_nobody_asked_for() -> None:
    # held-out 9 was scored once (answered 0.81, wrong fact 0.31) and then tuned on: a guard, not a measure
    from coach.eval import clarify_replies as cr
    facts_of = {q.id: dict(q.facts) for q in default_content().questions.values()}
    for name, us in cr.load(CLARIFY_DIR, ("heldout7", "heldout8", "heldout9")).items():
        s = cr.summary(cr.judge(us, facts_of))
        assert s["answered"] >= 0.85 and s["wrong_fact"] <= 0.12, (name, s)


def test_a_question_about_what_the_system_must_do_is_still_asked() -> None:
    for text in ("and the ranking service, does it need to answer within 100 ms, or can it be async",
                 "so the support bot, when it answers, is it allowed to quote prices or only link to the page",
                 "what does the model need to answer in under fifty milliseconds"):
        assert clarify.is_clarification(text), text


def test_asks_put_as_a_need_a_tag_with_an_alternative_or_polite_leave_to_tell_are_clarifications() -> None:
    for text in ("Before I pick a cut-off I need the number of analysts on the queue, since a queue only helps if "
                 "it gets emptied.",
                 "I'll take it the vendor caps us at two calls a second per tenant, unless you say otherwise.",
                 "and the index is rebuilt only by us right or do other services write into it too",
                 "Would you mind sharing what machines we'd train on and how fast the links between them are?"):
        assert clarify.is_clarification(text), text


def test_check_ins_interview_logistics_and_questions_answered_by_the_candidate_are_not_clarifications() -> None:
    for text in ("Okay, that covers ingestion. Is this roughly what you're after?",
                 "is that close to what you have in mind for the rollout",
                 "How long have I got left, ten minutes or so?",
                 "Honestly I have nothing that fits there, could we try another question?",
                 "Why did it page at night? A batch job filled the disk, which is just what our alerts should "
                 "have flagged a day earlier.",
                 "Where should the cache live? Where the readers are, because a cross-region hop eats the budget.",
                 "where do the negatives come from uh from the impressions nobody clicked in the last week",
                 "the onboarding flow could ask the reader which of these topics do you follow and start the feed "
                 "from that"):
        assert not clarify.is_clarification(text), text


def test_the_topic_of_a_question_is_read_from_how_it_is_put() -> None:
    cases = {"how long may a broken model run before someone notices, what's allowed to go unnoticed": "latency",
             "does someone label these by hand today, say a rater pool": "labels",
             "are we free to send prompts to a model provider outside the company": "constraints",
             "what accelerators are in the training pool": "budget",
             "how many points go into the index, roughly": "data"}
    for text, topic in cases.items():
        assert topic in clarify.topics_asked([text]), (text, clarify.topics_asked([text]))


def test_the_two_sides_of_an_either_or_ask_are_answered_by_the_one_fact_they_share() -> None:
    # "is the cluster ours, or do other teams use it" is one question: the sharing fact answers it, the hardware
    # fact (named by "cluster" alone) does not
    for said in ("does the cluster belong to us for the three weeks or do other teams get time on it",
                 "is the cluster all ours for the weeks of the run, or are other teams on it"):
        text, used = _reply("sd-distributed-training", said)
        assert used == ("traffic",) and "shared with two other teams" in text, said


def test_a_limit_asked_about_is_the_rule_unless_it_limits_money_or_time() -> None:
    assert _reply("sd-notification-ranking", "is there a ceiling on the pushes one person can get each day")[1] == \
        ("constraints",)
    assert _reply("sd-notification-ranking", "is there a monthly ceiling on the spend")[1] == ("budget",)
    # whatever the thing is, whether it is off the table asks what is allowed
    text, used = _reply("sd-support-assistant", "is a hosted api off the table")
    assert used == ("constraints",) and "third-party" in text


def test_a_verdict_needed_before_anyone_sees_the_upload_asks_the_time_allowed() -> None:
    text, used = _reply("sd-image-moderation", "does each upload need a decision before anyone sees it")
    assert used == ("latency",) and "5 minutes" in text


def test_a_second_ask_said_as_its_own_fragment_is_answered_too() -> None:
    """Tried as a candidate would: "... how many payments we see at the busiest point. And whether a merchant needs
    a readable reason when we block one." Whisper ends the sentence before "And whether"; both asks get their fact,
    and "the thing I'd want to find out" is the ask, not a question about labels."""
    said = ("Okay, before I draw anything, the thing I'd want to find out is how many payments we see at the "
            "busiest point. And whether a merchant needs a readable reason when we block one.")
    text, used = _reply("sd-fraud-detection", said)
    assert used == ("traffic", "constraints") and "3,000" in text and "reason the merchant can read" in text
