"""The forms in which an answer says it is over (a sure end, taken at once), and the pauses in the same words
that are not over. The answers are written for these tests."""
from __future__ import annotations

from coach.content import default_content
from coach.streaming.answer_end import SURE_END_WAIT_S, judge
from coach.streaming.end_of_turn import EndOfTurn

SCENE = "Our ranking service kept missing its latency target. I moved the feature joins into a nightly job."


def sure(text: str, kind: str = "story") -> bool:
    verdict = judge(text, kind)
    return verdict.says == "end" and verdict.sure


def test_a_result_that_has_lasted_or_a_fix_that_keeps_the_fault_away_is_a_sure_end() -> None:
    assert sure(SCENE + " Three years on the nightly job is still the one we run.")
    assert sure(SCENE + " The latency has stayed under target every week since the change.")
    assert sure("I was paged twice for the same bad feature. So now every feature we add is tested on broken rows.")
    # the same word setting a scene in the past is not a result
    assert not sure("Our dashboard was still broken when I joined the team. Nobody owned it.")


def test_a_lesson_said_as_what_the_candidate_would_change_is_a_sure_end() -> None:
    assert sure(SCENE + " The one thing I'd change is agreeing the rollback plan before the launch.")
    assert sure(SCENE + " With the evaluation set built first, the whole project would have shipped sooner.")


def test_a_measured_improvement_on_a_figure_the_team_owns_is_a_sure_end_and_a_falling_good_figure_is_not() -> None:
    assert sure(SCENE + " After that the serving bill dropped by forty percent.")
    assert sure(SCENE + " The rebuild took three weeks instead of the three months we had planned.")
    assert not sure("After the retrain the recall on new sellers dropped by a third.")


def test_a_result_some_time_after_the_action_is_a_sure_end_and_a_time_that_sets_the_scene_is_not() -> None:
    assert sure(SCENE + " I wrote the migration guide, and six months later every team had moved onto it.")
    assert not sure("Within a week of joining, I saw that nobody owned the alerts.")


def test_a_question_that_asks_what_the_interviewer_wants_is_a_sure_end_and_a_rhetorical_one_is_not() -> None:
    design = "I'd shard the index by user and keep the hot rows in a cache."
    assert sure(design + " Would it help if I sketched the failover as well?", "design")
    assert not sure(design + " And do you know what we found?", "design")


def test_a_wrap_up_that_points_back_is_sure_alone_and_one_that_may_open_an_answer_is_not() -> None:
    assert sure("What I took from it is that a check nobody has seen fail is not a check.")
    assert not sure("Looking back, the first month was the hardest part.")


def test_a_design_that_has_reached_what_is_watched_after_launch_is_a_sure_end() -> None:
    assert sure("Candidates come from an embedding index and a small ranker orders them. "
                "After launch I'd watch the unsubscribe rate per type every day.", "design")


def test_a_career_story_that_has_reached_the_present_is_a_sure_end() -> None:
    assert sure("I started in analytics and moved into machine learning six years ago. "
                "Most recently I've been leading the search ranking team.")


def test_an_estimate_is_over_at_a_figure_in_the_unit_and_range_asked_not_at_a_step() -> None:
    bill = default_content().question("nm-monthly-gpu-bill")        # "What is the monthly bill?"
    step = "Forty GPUs at two fifty each is about a hundred dollars an hour."
    done = step + " Over roughly seven hundred and thirty hours that comes to about seventy-three thousand dollars a month."
    assert judge(done, "estimate", bill).sure
    assert not judge(step, "estimate", bill).sure
    # the figure of a step in the right unit but far from the answer is not the end either
    assert not judge("So about seven thousand dollars a month for one machine, and", "estimate", bill).sure
    per_token = default_content().question("nm-kv-per-token")      # asked per token: a total is a step
    assert judge("Which comes to about half a megabyte per token.", "estimate", per_token).sure
    assert not judge("So the whole context is about half a megabyte per user.", "estimate", per_token).sure


def test_a_lesson_split_by_the_transcriber_at_a_thinking_pause_is_judged_as_one_thought() -> None:
    # "I'd profile first next time, because the, uh, biggest saving was in the data loader" came back in two
    split = SCENE + " I'd profile first next time, because the. Biggest saving was in the data loader."
    assert sure(split)


def test_the_live_policy_takes_a_figure_in_the_unit_asked_at_once() -> None:
    bill = default_content().question("nm-monthly-gpu-bill")
    detector = EndOfTurn(2.0, ask_after_s=0.3)
    detector.feed(-20.0, 1.0)
    detector.feed(-90.0, 0.3)
    text = "Forty GPUs at two fifty is a hundred dollars an hour, so about seventy-three thousand dollars a month."
    detector.judged(0.9, text, "estimate", bill)
    assert detector.end_after_s == SURE_END_WAIT_S


def test_a_closing_said_without_a_full_stop_ends_the_answer() -> None:
    spoken = "so the smaller model was within a point and far cheaper to run so we kept it. that's how it went"
    assert sure(spoken)
    assert sure(SCENE + " Anything unclear goes to a reviewer and their calls come back as labels. That closes the loop.",
                "design")


def test_a_sentence_that_stops_on_thats_goes_on() -> None:
    bill = default_content().question("nm-user-embeddings")
    said = "Five hundred million embeddings come to about two hundred and fifty gigabytes in all, and that's"
    assert not judge(said, "estimate", bill).sure


def test_a_story_that_ends_on_a_result_that_never_came_back_is_over() -> None:
    assert sure(SCENE + " The finance team got a weekly report instead and never asked for the model again.")


def test_an_estimate_that_decides_on_the_figure_it_reached_is_over() -> None:
    peak = default_content().question("nm-feed-qps")       # asks for the peak request rate
    reached = "So roughly twelve thousand a second on average and about thirty-five thousand a second at peak."
    assert judge(reached + " I'd provision for the peak.", "estimate", peak).sure
    # a decision after a step that has not reached the figure asked is not the end
    assert not judge("A billion loads a day is about twelve thousand a second on average. I'd round that up.",
                     "estimate", peak).sure


def test_a_pause_after_in_the_end_goes_on() -> None:
    """"In the end the, uh, | ranking page felt faster": the live transcript often stops at "in the end" at the
    pause, run on from the sentence before; the story has not told its result yet."""
    heard = SCENE + " The trade off was a slightly staler index, which we, you know, accepted in the end"
    assert not sure(heard)


def test_a_yes_no_or_clarifying_question_to_the_interviewer_is_a_sure_end_and_one_to_themselves_is_not() -> None:
    """"Shall I cover the cold start too?", "Before I begin, is the catalogue a few thousand items or millions?",
    and, in words written without marks, "... could I walk you through the retry logic": the turn is handed over.
    "So why did the cache miss?" is the candidate's own question, and the answer goes on."""
    design = "I'd shard the index by user and keep the hot rows in a cache."
    assert sure(design + " Shall I cover the cold start too?", "design")
    assert sure(design + " That's the read path, but is that the level of detail you're after?", "design")
    assert sure("Before I begin, is the catalogue a few thousand items or millions?", "design")
    assert sure("we moved the retries into the queue and the duplicates stopped could i walk you through the "
                "retry logic", "technical")
    assert not sure(design + " So why did the cache miss?", "design")
    assert not sure(design + " So what does a good shard key look like?", "design")
    assert not sure("we moved the retries into the queue so what do you do when the queue backs up", "technical")
    assert not sure(design + " The real question is, do we shard by user or by item?", "design")
    assert not sure("i kept going back and forth and the question was should i escalate it or not", "story")


def test_a_design_or_technical_answer_that_closes_on_a_recap_of_its_parts_is_a_sure_end() -> None:
    """"So: X, Y, and Z." at the close of a design, technical or plan answer recaps it; a question restated in
    the same form to check it was understood opens one, and a recap still being said is not over."""
    design = "I'd keep the candidate stage cheap and put the heavy model only on the top few hundred."
    recap = " So: a cheap retriever, a heavy ranker on the short list, and a nightly job that refreshes both."
    assert sure(design + recap, "design")
    assert sure("In short, log the features at serving time, train only on those logs, and diff the two daily.",
                "technical")
    assert sure("So I'd listen for a month, fix the noisiest alert myself, and only then set the team's goals.", "plan")
    restated = ("So it sounds like the fraud, ads and search teams each keep their own labels, and nobody owns the "
                "shared ones.")
    assert not sure(restated, "design")
    assert not sure(design + " So: a cheap retriever, a heavy ranker on the short list, and", "design")
    assert not sure(design + " So a cheap retriever and a heavy ranker.", "design")


def test_an_estimate_is_over_at_its_figure_said_alone_or_per_the_thing_asked_about() -> None:
    """"Forty-five terabytes." answers "How much storage?" without the working; "... which means about thirty-two
    gigabytes for the batch" answers "How much memory for the batch?" though a "per token" came in the working.
    A step's figure said alone, far from the answer, is not the end."""
    log = default_content().question("nm-event-log-storage")
    assert judge("Forty-five terabytes.", "estimate", log).sure
    assert not judge("Five hundred gigabytes.", "estimate", log).sure
    batch = default_content().question("nm-kv-batch")      # "How much memory does the cache need for the batch?"
    working = "Half a megabyte per token times four thousand tokens per sequence times sixteen sequences"
    assert judge(working + ", which means about thirty-two gigabytes per batch.", "estimate", batch).sure
    assert judge(working + ", so about thirty-two gigabytes.", "estimate", batch).sure
    assert not judge(working + ", so about two gigabytes per sequence.", "estimate", batch).sure


def test_a_story_that_says_how_it_came_out_or_names_what_was_aimed_at_as_reached_is_a_sure_end() -> None:
    """"In the end we kept the old ranker and spent the budget on labels.", "That would be my pick.", "... and
    you're done": the answer is over. A transcriber's full stop at a pause after "In the end" is not."""
    assert sure(SCENE + " In the end the job ran in forty minutes and nobody touched it for a year.")
    assert sure("At the end of the day the two teams merged their feature pipelines into one.")
    assert not sure(SCENE + " Eventually we found the cause, a timezone bug in the join.")
    assert not sure(SCENE + " In the end.")
    assert not sure(SCENE + " In the end the")
    assert sure("I'd go with the smaller model behind a cache. That would be my pick.", "design")
    assert sure("sort the scores, walk down the list counting hits, divide by the position and you're done",
                "technical")
    assert sure("A team that ships weekly and owns what it runs. That's really what I'm looking for.", "plan")


def test_a_short_line_that_names_what_was_said_as_the_whole_answer_is_a_sure_end() -> None:
    """"That's the heart of it.", "that's the gist", "I'll stop there, but ...": the answer is over; "that's not
    the whole story" and "that's only the core" are not."""
    design = "A shared embedding service feeds every team, and each team ranks on top of it."
    assert sure(design + " That's the heart of it.", "design")
    assert sure(design + " so that's the big picture", "design")
    assert sure(design + " I'll stop there, but the rollout has its own story.", "design")
    assert not sure(design + " That's not the whole picture.", "design")
    assert not sure(design + " That's only the core.", "design")
    assert not sure("Labels arrive ninety days after the payment. That's the core problem.", "design")
    assert not sure(design + " That's the whole reason the second half of the design looks so different from "
                    "what the teams had before.", "design")


def test_a_change_said_from_one_figure_to_another_is_a_sure_end_when_it_went_the_right_way() -> None:
    """"The bill went from about sixty thousand dollars a month to fourteen thousand" is a result; "the p99 went
    from eighty milliseconds to three hundred" sets a scene."""
    assert sure(SCENE + " The compute bill went from about sixty thousand dollars a month to fourteen thousand.")
    assert sure(SCENE + " That took the team from roughly forty pages a week to five, and nobody dreads on-call.")
    assert sure(SCENE + " The latency came down to thirty milliseconds at p99.")
    assert not sure(SCENE + " Then the p99 went from eighty milliseconds to three hundred.")


def test_an_answer_let_go_of_with_so_yeah_or_said_to_where_they_would_stop_is_a_sure_end() -> None:
    assert sure(SCENE + " The nightly job has run clean for a year. So, yeah.")
    assert sure(SCENE + " uh yeah")
    assert sure("Batch the small requests. Give the long prompts their own pool, and that's where I'd stop for "
                "a first cut.", "design")
    assert not sure(SCENE + " So yeah, the next thing we tried was")


def test_an_offer_to_say_more_in_other_words_is_a_sure_end() -> None:
    """"Glad to say more about ...", "I can go deeper on ...", "Want me to ...?": the turn is handed back."""
    assert sure(SCENE + " Glad to say more about how we picked the cut-off.")
    assert sure(SCENE + " That's the gist, and I can go deeper on the joins if that's useful.")
    assert sure("The lookup is a hash map from user to a queue of timestamps. Want me to code the eviction?", "technical")


def test_a_coding_answer_that_closes_on_what_it_costs_is_a_sure_end() -> None:
    """Talked-through code ends on its cost in time or memory; the same answer before it is not over."""
    working = "I'd keep a counter per item and a small heap of the current top ten."
    assert not sure(working, "technical")
    assert sure(working + " Each update is log k, so the whole thing is one pass over the stream.", "technical")
    assert sure(working + " Memory stays bounded by the number of distinct items.", "technical")
    assert sure(working + " Each shard sends back only its top ten, so it scales with the number of machines.",
                "technical")


def test_a_later_result_said_without_marks_is_heard_across_the_readers_clause_split() -> None:
    """Words written without marks are split into clauses by the reader: "... and i only reviewed her designs" goes
    on from the result said in the clause before it."""
    told = "ever since then she has run the ranking team herself and i only sit in on her design reviews"
    assert sure(told)


def test_a_story_told_to_how_things_stand_now_is_a_sure_end() -> None:
    """A story over: how things stand today, said with no past in the same sentence; the same story before it is
    not, nor a scene that uses "now" in the past."""
    assert not sure(SCENE)
    assert sure(SCENE + " Four teams build on that nightly job today.")
    assert sure(SCENE + " These days every new ranker gets its joins from that job.")
    assert not sure(SCENE + " Now we had a second problem: the job itself took six hours.")


def test_deciding_where_to_begin_on_what_was_just_said_is_a_sure_end_and_saying_how_to_begin_is_not() -> None:
    """"... so I'd start there" points back at the plan just given; "I'd start by ..." opens one."""
    assert sure("A single replica with a warm cache covers the first region, so I'd start there.", "design")
    assert not sure("I'd start by reading the last quarter's incident reports.", "plan")


def test_a_technical_answer_that_closes_on_how_it_would_be_tested_is_a_sure_end() -> None:
    """How the candidate would test what they described is the last step of talking it through; testing opened as
    a sequence ("To test it I'd first ...") is not."""
    merge = "I'd merge the two sorted lists with two pointers, taking the smaller head each time."
    assert sure(merge + " I'd test it against Python's sorted on a few thousand random pairs of lists.", "technical")
    assert not sure(merge + " To test it I'd first write the brute-force version.", "technical")


def test_hours_spent_on_something_are_not_a_result_some_time_after() -> None:
    """Tried as a new user would, hands-free: "... took nine hours on rented GPUs my first step was to measure" was
    taken as a result told some time later and the answer was cut off half-way. "Two years on, ..." still is one."""
    from coach.streaming.end_forms import sure_end
    assert sure_end("the nightly job took six hours on spot instances and my first step was to profile it", "story") is None
    assert sure_end("we spent three weeks on the labelling tool before anyone used it", "story") is None
    assert sure_end("and two years on it still catches the bad pushes", "story") is not None


def test_a_lesson_named_as_a_takeaway_or_a_regret_is_a_sure_end_once_it_is_said() -> None:
    """"The takeaway for me is ...", "my one regret is ...": the lesson named as such closes a story; a pause right
    after the naming has not said it yet."""
    assert sure(SCENE + " The takeaway for me was to write the rollback plan before the launch date.")
    assert sure(SCENE + " My one regret is that we waited a month to tell the other teams.")
    assert not sure(SCENE + " The rollout went fine, and my one regret.")


def test_a_result_held_since_the_change_is_a_sure_end_and_a_fault_that_lasted_is_not() -> None:
    """"... a schema check that has stopped three bad uploads since.": the present perfect closed on "since"."""
    assert sure(SCENE + " We also put in a schema check that has stopped three bad uploads since.")
    assert not sure("Our feature store broke in March. The backfill job has been failing on and off since.")


def test_a_time_cut_shorter_is_a_measured_improvement_and_a_window_or_a_longer_time_is_not() -> None:
    """A time the team measured, said from one duration to a shorter one; a window cut shorter is an action, and a
    time that grew is no improvement."""
    assert sure(SCENE + " The time to ship a retrained model went from two days to about five hours.")
    assert sure(SCENE + " It cut the time for a full review from a week to a morning.")
    assert not sure(SCENE + " We shortened the training window from ninety days to thirty days.")
    assert not sure(SCENE + " The build time went from twenty minutes to two hours.")


def test_a_story_that_closes_on_the_guard_now_in_place_is_a_sure_end_and_one_that_was_always_there_is_not() -> None:
    """"... and we added a check that fails if ...": the fix that keeps the fault away; a check the system already
    had sets the scene."""
    assert sure(SCENE + " Then we added a check that fails if any feature arrives more than a day late.")
    assert not sure("Our pipeline has a check that fails if the row count halves overnight.")
    assert not sure(SCENE + " Then we added a check that fails if")


def test_a_clause_that_says_how_things_stand_now_is_a_sure_end_and_a_scene_or_a_step_is_not() -> None:
    """"..., so now I audit a sample myself before training": what the change left, said in the present; a
    narrated "now" ("so now what do we do?", "now I'm looking at the logs") or a step of a working is not."""
    assert sure("Trusting the vendor labels cost us a quarter, so now I audit a sample myself before we train.")
    assert sure("we lost two weeks to a silent schema change and i check every contract myself now")
    assert not sure("The model was live and the numbers were wrong. So now what do we do?")
    assert not sure("The alerts were firing all night. So now I'm looking at the logs.")
    assert not sure("so the pipeline we run now")
    assert sure("Swapping the loss fixed it where a bigger model had not, so now I look at the loss first.", "technical")
    assert not sure("We have the loss for one example. Now we compute the gradient for each weight.", "technical")


def test_a_period_closed_and_what_stood_then_is_a_sure_end_once_said() -> None:
    """"By the end, four of the five teams ...", "by the following spring she ...": what stood at the close of a
    period; "By the end, four" has not said it, and "by the time we noticed" sets a scene."""
    assert sure(SCENE + " By the end, four of the five teams had moved onto the nightly job.")
    assert sure("I paired with her on every design for a quarter, and by the following spring she led the review herself.")
    assert not sure(SCENE + " By the end, four")
    assert not sure("By the time we noticed, the model had been drifting for a month.")


def test_a_hand_back_that_stops_on_any_of_those_is_a_sure_end() -> None:
    """"... happy to go into any of those": the demonstrative stands for the parts just told, not a noun to come."""
    design = "so a two tower retrieval then a ranker on purchase probability then a diversity pass"
    assert sure(design + " and i'm happy to go into any of those", "design")
    assert not sure(design + " and the ranker uses some of those", "design")


def test_words_that_stop_on_a_bare_figure_are_no_sure_end() -> None:
    """"... we were back under forty" may go on with its unit; a change said from one figure to another may not."""
    assert not sure(SCENE + " After the rewrite the p99 latency dropped by about forty")
    assert not sure(SCENE + " Then the job now fails if")
    assert sure(SCENE + " After the rewrite the p99 latency dropped from ninety milliseconds to forty.")
    assert sure(SCENE + " After the rewrite the serving bill dropped by 40%.")


def test_a_story_whose_result_is_the_harm_that_never_came_is_a_sure_end_and_an_aim_or_a_record_is_not() -> None:
    """"... caught the bad build before any customer saw it": the result told as the damage avoided; the same words
    as an aim, or as a record the story is about to break, are not."""
    assert sure(SCENE + " The canary caught the next bad build before any customer saw it.")
    assert sure(SCENE + " It ran through the whole holiday peak without a single page.")
    assert not sure("The goal was to catch a broken model before a customer does.")
    assert not sure("We'd gone two years without a single outage on that service.")
    assert not sure(SCENE + " It ran through the whole holiday peak without a single")


def test_all_of_them_after_a_count_the_same_sentence_has_just_made_closes_nothing() -> None:
    # the four sign-offs are counted, not yet told: the candidate goes on to name them
    verdict = judge("Every release went through a review with four sign-offs, and a change needed all of them.")
    assert verdict.says != "end"


def test_a_lesson_in_the_plural_and_a_hand_back_in_other_words_are_sure_ends() -> None:
    assert sure(SCENE + " Given the same deadline, I'd make the same calls again.")
    assert sure("I'd cache the embeddings and rank on the fly. I can walk through the cache itself next if you like.",
                "design")
    assert sure("class weights first and a tuned threshold after that i can go into either of those", "technical")


def test_a_filler_word_used_as_a_noun_does_not_join_two_sentences() -> None:
    # "sort" after an article is the sort, not "sort of": the question stands alone and asks the interviewer
    assert sure("Each push costs log k, plus the final sort. Should I cover duplicate ids too, or leave them?",
                "technical")


def test_a_question_after_the_answer_is_wrapped_up_is_put_to_the_interviewer_and_one_asked_of_oneself_is_not() -> None:
    assert sure("Listen first, then fix the flakiest pipeline. That's my overall plan. "
                "What does the group find hardest right now?", "plan")
    verdict = judge(SCENE + " Looking back, we moved too fast. So what would I do differently?")
    assert verdict.says != "end"


def test_a_yes_no_question_about_the_problem_as_the_whole_answer_so_far_is_a_clarifying_question() -> None:
    assert sure("Does the catalogue change every day, or only once a week?", "design")
    # about what was just said: the answer to it comes next
    assert not sure("Does it scale?", "design")
    assert not sure("Is it even worth a model?", "design")


def test_a_short_answer_that_closes_on_the_general_rule_it_draws_is_a_sure_end() -> None:
    assert sure("Check the feature pipeline before the model. Most of the drops I chase turn out to be "
                "a join gone stale, and that usually shows in the null rates.", "technical")
    assert sure("Put a cache in front of the store. A cache tends to buy a year before anything else is needed.",
                "design")
    # a habit told in the past, or a short reply within the working, is no rule drawn
    assert not sure("We retrained the ranker on Fridays. We usually checked the metrics on Monday.", "technical")
    assert not sure("A heap of size k works if the ids fit in memory. They usually don't.", "technical")


def test_an_answer_that_opens_on_the_choice_asked_for_and_backs_it_is_a_sure_end() -> None:
    trees = default_content().question("ts-trees-vs-neural")     # "... trees or a neural network? Why?"
    shared = default_content().question("sd-embedding-platform")  # "Would you build a shared ...?"
    calibration = default_content().question("ts-calibration")   # "... when does calibration actually matter?"
    assert judge("A neural network, only because half the features are free text. The trees cannot read it.",
                 "technical", trees).sure
    assert judge("No, not a single platform for all of it. Each team keeps the vectors its own ranking needs.",
                 "design", shared).sure
    assert judge("Whenever someone downstream reads the score as an actual probability, say in bidding.",
                 "technical", calibration).sure
    # the choice alone, a qualification still to come, or a story it opens: the answer goes on
    assert not judge("Trees.", "technical", trees).sure
    assert not judge("Yes, a shared one. But not for everything.", "design", shared).sure
    assert not judge("No, not at first. We had a bad run with that at my last company.", "design", shared).sure


def test_a_fix_that_lasted_a_long_span_is_a_sure_end_and_a_stopgap_is_not() -> None:
    assert sure("The nightly batch ran out of hours first. We split it by region, and that kept us going another "
                "three years.")
    assert not sure("The nightly batch ran out of hours first. We split it by region, and that bought us another week.")


def test_a_story_that_closes_on_the_steps_it_just_told_is_a_sure_end_unless_they_went_wrong() -> None:
    steps = "Replay on last month's traffic, then a dark launch, then a one percent ramp."
    assert sure(steps + " Every model since has gone through all three.")
    assert not sure(steps + " All three failed in the first week.")
    # a count in the same sentence as its things, not yet told: goes on
    assert not sure("Every launch went through all three gates we had.")


def test_an_estimate_that_names_the_factor_behind_its_figure_is_a_sure_end() -> None:
    weights = default_content().question("nm-weights-7b")      # "How much GPU memory do the weights ... take in fp16?"
    assert judge("Roughly fourteen gigabytes. At two bytes each.", "estimate", weights).sure
    # a line that adds to the figure is a step still being worked
    assert not judge("Roughly fourteen gigabytes. Plus two bytes each for gradients.", "estimate", weights).sure


def test_no_end_is_sure_after_a_sentence_cut_mid_thought() -> None:
    """A live transcript puts a full stop where the speaker paused ("and then we, you know.") and may mishear what
    follows as a closing ("Now, accept it."): the end may still come, but not at once."""
    from coach.streaming.answer_end import judge

    cut = judge("We moved fraud scoring onto the streaming cluster. It handled 9,000 events a second, and then we, "
                "you know. Now, accept it.", "story")
    assert not cut.sure, cut
    heard = judge("We moved fraud scoring onto the streaming cluster. It handled 9,000 events a second and the "
                  "chargeback rate fell by a third. Now every new rule ships behind a replay check.", "story")
    assert heard.sure, heard


def test_a_pause_marked_with_dots_that_the_sentence_goes_on_from_is_not_a_cut() -> None:
    """"because the uh... biggest saving was ..." is one sentence with a pause in it (the words go on in lower case):
    the lesson it ends on is said in full, and the answer can end at once; a capital after the dots is a new start."""
    from coach.streaming.answer_end import judge

    said = ("We cut the nightly batch from nine hours to forty minutes. Next time I'd profile the data path before "
            "touching the model, because the uh... slowest part was the feature joins, not the GPUs.")
    assert judge(said, "story").sure
    cut = judge("We cut the nightly batch from nine hours to forty minutes, and then we, you know... Now, accept it.",
                "story")
    assert not cut.sure, cut


def test_a_lesson_for_next_time_is_heard_when_the_transcriber_drops_the_would() -> None:
    """Whisper hears "I'd measure before ..." as "I measured before ..."; what they did is never done "next time", so the
    lesson is still said, and the answer can end at once. "The next time it broke, we" opens a new scene."""
    from coach.streaming.answer_end import judge

    assert judge("We moved the features into a cache and the p99 fell to twelve milliseconds. I checked the joins "
                 "first next time, because that's where the hours went.", "story").sure
    assert not judge("We moved the features into a cache and the p99 fell to twelve milliseconds. The next time it "
                     "broke, I", "story").sure


def test_the_detector_keeps_the_words_each_verdict_was_weighed_against() -> None:
    from coach.streaming.end_of_turn import EndOfTurn

    detector = EndOfTurn(2.0, ask_after_s=0.3)
    for _ in range(20):
        detector.feed(-20.0, 0.1)
    for _ in range(4):
        detector.feed(-80.0, 0.1)
    said = "We cut the batch from nine hours to forty minutes, and that's the whole story."
    detector.judged(0.95, said, "story")
    assert detector.heard[-1] == said
