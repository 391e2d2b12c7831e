"""Broad forms of asking: new wordings of an ask are caught, talk about the candidate's own turn is not."""
from coach.interview.clarify import is_clarification


def test_a_telling_verb_put_to_the_interviewer_asks() -> None:
    assert is_clarification("walk me through how the support agents hand a case back to the bot")


def test_a_wish_to_know_asks_but_a_plan_that_goes_on_does_not() -> None:
    assert is_clarification("I'd be glad to learn how many shoppers hit checkout on a sale day")
    assert not is_clarification("I want to know within minutes when the ranker degrades, so the alert runs every five minutes.")


def test_a_premise_handed_back_asks() -> None:
    assert is_clarification("I'd guess around two thousand orders a minute at lunch, is that about right")


def test_questions_about_the_candidates_own_talk_are_not_clarifications() -> None:
    assert not is_clarification("Am I going into too much of the feature store here?")
    assert not is_clarification("Can I spend five minutes on the labelling pipeline first?")
    assert not is_clarification("does that cover the retrieval side the way you had in mind")


def test_a_yes_no_question_answered_in_the_same_breath_is_rhetorical() -> None:
    assert not is_clarification("do we need a gpu for scoring no a small tree model runs fine on cpu")


def test_an_ask_followed_by_a_plan_under_a_stand_in_answer_stays_asked() -> None:
    """"Either way I'd start ...", "Assuming X, I'd ...": the candidate goes on without the answer, and the
    interviewer still owes it; a plain plan sentence after a question answers it."""
    assert is_clarification("Do the drivers rate each trip, or do we only see cancellations? Either way I'd begin "
                            "with the cancellation signal.")
    assert is_clarification("Is the forecast needed per store or per region? Assuming per region, I'd pool the stores.")
    assert not is_clarification("Do we need a feature store? We compute everything in the request path anyway.")


def test_a_choice_of_the_candidates_own_examples_asks() -> None:
    assert is_clarification("Would you like a story where the launch slipped, or one where it went to plan?")
    assert not is_clarification("Should I write it in Go or is pseudocode fine?")


def test_a_requirement_with_a_looser_option_and_a_fact_named_alone_ask() -> None:
    assert is_clarification("exact counts per user or are rough sketches okay")
    assert is_clarification("peak traffic on the checkout page")
    assert not is_clarification("Latency budget first, then the model.")


def test_a_physical_fit_is_a_fact_and_the_interview_format_is_not() -> None:
    assert is_clarification("How many rows are there, and does the table fit in memory?")
    assert not is_clarification("How many rounds are left after this one?")


def test_a_question_about_the_problem_with_the_choice_handed_back_asks() -> None:
    """"..., or should I treat it as X", "..., or do you want me to pick one": the interviewer answers it or says
    "your call"; the same ending after a check on the candidate's own talk is still a check-in."""
    assert is_clarification("do the session logs fit on one machine, or should i treat them as unbounded")
    assert is_clarification("what storage budget should i plan around, or do you want me to pick one")
    assert not is_clarification("is this enough on the ranker, or should i move on to serving")
    assert not is_clarification("does that make sense so far, or do you want me to go slower")


def test_what_is_needed_stated_and_fragments_with_a_hedge_ask() -> None:
    assert is_clarification("what I'd need before choosing between the two designs is how many reviewers we have.")
    assert is_clarification("and the label delay roughly, say for a typical chargeback")
    assert not is_clarification("the traffic is roughly flat at night, so one replica is enough")


def test_a_question_on_a_thing_of_the_problem_is_not_a_check_on_the_talk_or_answered_by_a_negation() -> None:
    assert is_clarification("how many cpus am i working with and is a hosted model on the table at all")
    assert is_clarification("are there fields we're not allowed to store like card numbers")
    assert is_clarification("once a job is queued what's the longest it can wait before it has to run")


def test_a_need_said_as_a_statement_is_asked_even_with_a_first_person_before_the_ask() -> None:
    """"the one thing i'd want nailed down is how many ...": the "i'd" belongs to the ask, it does not answer it."""
    assert is_clarification("um the one thing i'd want nailed down is how many drivers are online at the evening peak")
    assert is_clarification("okay so the bit i'd like settled before drawing anything is whether the feed is ranked "
                            "for watch time or for shares since that changes the labels")


def test_the_reason_for_asking_said_in_the_same_breath_does_not_answer_the_ask() -> None:
    assert is_clarification("i'd want to hear whether refunds come back to us as labels, that's the difference "
                            "between a weekly retrain and a monthly one")
    assert not is_clarification("is batching worth it here, that's the difference between one gpu and four, so yes i'd batch")


def test_a_free_relative_of_the_candidates_design_inside_an_ask_is_not_a_plan() -> None:
    assert is_clarification("the partner content does it flow into whichever ranker we end up with or is it pinned at the top")
    assert is_clarification("and the search ads, do those get mixed into whatever i rank or does another team order them")


def test_a_fact_put_to_confirm_stays_asked_when_the_next_sentence_says_more_of_it() -> None:
    """A tag question, then more of the same premise: the interviewer still owes the check. A plan or the
    candidate's own reason after the tag closes it."""
    assert is_clarification("Sending user photos to an outside vendor is ruled out, right? All of it stays in our own region.")
    assert is_clarification("Raw card numbers never reach the model, correct? Only tokens leave the vault.")
    assert not is_clarification("The ranker would be refreshed hourly, right? We can't serve yesterday's trends.")
    assert not is_clarification("The cache sits in front of the store, right? So reads never touch the database.")


def test_a_turn_that_stops_to_ask_after_a_filler_is_asked_even_when_whisper_garbles_the_ask() -> None:
    """Tried as a candidate would (espeak-ng into the headless interview): Whisper heard "the thing I'd want pinned
    down" as "the thing I'd want, been found in"; "Okay, before I draw anything, ..." still stops to ask."""
    assert is_clarification("Okay, before I draw anything, the thing I'd want, been found in how many payments we see "
                            "at the busiest point, and whether a merchant needs a readable reason when we block one.")
    assert not is_clarification("Okay, before I draw anything, I'd say we see about three thousand payments a second "
                                "at the busiest point, so the scorer has to be fast.")


def test_a_question_put_to_the_interviewer_by_name_inside_design_talk_asks() -> None:
    """"one thing i'd check with you, do ...": the candidate stops mid-design to put a question to the interviewer."""
    assert is_clarification("candidate generation is two towers then a reranker over the top thousand and uh one thing "
                            "i'd check with you do promoted items go through the same reranker or get pinned in "
                            "separately and then the features are price freshness and margin")


def test_an_assumption_handed_back_with_a_tag_in_the_middle_asks_unless_a_plan_follows() -> None:
    assert is_clarification("i'm assuming the payments team owns refunds and we only read their ledger right like "
                            "nothing we do ever writes to it")
    assert not is_clarification("i'm assuming the payments team owns refunds right like i'd just read their ledger")


def test_a_clause_fronted_before_the_question_is_not_its_answer() -> None:
    """"when drivers say it seems unfair, is the goal ...": what the fronted clause says does not answer the question."""
    assert is_clarification("when drivers say it seems unfair is the goal fewer cancellations or higher pay because "
                            "those pull against each other")
    assert is_clarification("when drivers complain it gets slow is the target p99 or the median")


def test_a_topic_fronted_before_how_and_any_word_of_degree_asks() -> None:
    assert is_clarification("and refunds how far after the purchase do those usually arrive")


def test_a_word_that_judges_keeps_for_us_inside_the_question() -> None:
    assert is_clarification("is it worse for us to show a stale price or to show no price at all")


def test_the_time_left_asked_with_we_is_about_the_interview() -> None:
    assert not is_clarification("how long have we got for this one, should i spend it on serving or on training")
    assert is_clarification("how long have we had the current model in production")


def test_a_requirement_handed_back_with_a_tag_mid_sentence_asks_unless_a_plan_follows() -> None:
    assert is_clarification("the quote has to be on screen in under two hundred milliseconds right and then refreshed "
                            "every few seconds after that")
    assert not is_clarification("the quote has to be on screen in under two hundred milliseconds right and then i'd "
                                "cache the last price")


def test_a_relative_clause_ending_the_question_is_not_an_answer_to_it() -> None:
    """"... the rule it rests on" ends the question; "it sits next to the gateway" goes on, answering it."""
    assert is_clarification("are we allowed to store card numbers at all and does each decision have to cite the rule "
                            "it rests on")
    assert not is_clarification("where does the scorer live it sits next to the gateway in each region")


def test_a_question_answered_with_one_thing_set_against_another_then_the_plan_is_rhetorical() -> None:
    """"where does it live, the scoring service, not the gateway, so every region ...": answered, then built on."""
    assert not is_clarification("where does the threshold live the scoring service not the gateway so every region "
                                "reads it from one config")
    assert is_clarification("who gets the page when it fires, the model owner or the platform team")


def test_a_reason_said_as_its_own_sentence_after_a_question_leaves_it_asked() -> None:
    """Whisper often ends the question before "because": the reason for asking is not its answer; after "why", or
    with the candidate's plan in it, it is."""
    assert is_clarification("How many merchants are on the platform? Because training a model per merchant is not cheap.")
    assert not is_clarification("Why do we need a queue here? Because the scorer is slower than the burst rate.")
    assert not is_clarification("What is the latency budget? Since the page has to render in one second I would keep "
                                "it tiny.")


def test_something_that_makes_the_speaker_wonder_asks_after_long_design_talk() -> None:
    """The design comes first, then what it leads the speaker to wonder: the question after it is asked."""
    assert is_clarification("so the scorer is a gradient boosted model over device and merchant features then a rules "
                            "layer for the obvious cases and a queue for the grey zone and that leans on card history "
                            "which has me wondering whether we may keep card history longer than a year at all")
    assert not is_clarification("which makes me wonder whether it is worth it and so i'd start with the rules layer "
                                "and add the model later")
    # weighing the speaker's own design is no ask
    assert not is_clarification("the scorer is a small tree model over session features, which makes me wonder "
                                "whether we could drop the embedding stage entirely")


def test_the_things_wanted_named_before_the_need_then_the_questions_ask() -> None:
    assert is_clarification("Two figures I need first: how many rides per minute at the evening rush, and how long "
                            "the rider waits on the quote screen before it gives up.")


def test_i_mean_says_the_question_again_it_is_no_plan() -> None:
    assert is_clarification("how many photos come in on a normal day i mean everything uploaded before any filter")


def test_who_the_speaker_would_work_with_is_asked_not_their_design() -> None:
    assert is_clarification("How many engineers sit on the platform team, and who would I report to day to day?")


def test_a_who_question_answered_with_a_noun_and_does_is_rhetorical() -> None:
    assert not is_clarification("who approves a new model version the on-call lead does every release needs their "
                                "sign off in the runbook")
    assert is_clarification("who approves a new model version before it goes out to every region")


def test_a_what_happens_question_answered_with_they_and_an_adverb_is_rhetorical() -> None:
    assert not is_clarification("what happens to an order placed during the outage it just waits in the queue until "
                                "the scorer is back")
