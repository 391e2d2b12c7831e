"""What the model is told about a gap, and the guards and bank choices that depend on the answer's words."""
from __future__ import annotations

from coach.content import default_content
from coach.interview import clarify
from coach.followups import choice, findings, guards
from coach.scoring import score_answer

INCIDENT = ("Last spring our demand forecast started over-ordering produce, and a store manager flagged it after "
            "two days. I rolled the model back to the previous version within the hour. Then I traced the cause to "
            "a schema change in the upstream sales table that turned the quantity column into text. I posted updates "
            "in the incident channel for the merchandising leads. Over-ordering stopped the same day, and we added "
            "a freshness check to the pipeline.")


def test_a_wrong_figure_is_retold_with_its_inputs_and_without_the_right_answer() -> None:
    content = default_content()
    q = content.question("sd-llm-serving")
    card = score_answer("The model has 300 million parameters in fp32, so the weights take 120 megabytes.",
                        question=q, round_spec=content.round("system-design"), rubric=content.rubric("system-design"))
    top = card.gaps[0]
    finding = findings.Finding.of(card, top)
    assert top.id == "bad_math" and finding.check is not None and finding.check.claimed == "120 megabytes"
    told = findings.plain("bad_math", top.evidence, check=finding.check)
    assert '"120 megabytes"' in told and "300M parameters times 4 bytes" in told
    assert "1.2 GB" not in told and "off by" not in told
    assert choice.figure_words("bad_math", finding) == {"120"}


def test_a_missed_point_is_named_whole_and_we_is_shown_in_its_sentence() -> None:
    points = ("The split should mimic how the model meets new data in production",)
    told = findings.plain("missing_point", 'missed 1 of 1 talking points: "The split should mimic how the model meets new data in ..."',
                          points=points)
    assert told.endswith(points[0])
    told = findings.plain("we_not_i", '"we" 3 times, "I" 0 times', "Our pipeline broke. Then we rolled back the model.")
    assert "the team rolled back the model" in told     # retold as the interviewer would say it


def test_after_a_wrong_figure_the_question_must_name_it() -> None:
    q = default_content().question("sd-llm-serving")
    target = '"14 gigabytes" is off by 10x at the step "parameters × bytes per parameter": 70B parameters × 2 bytes ≈ 140 GB'
    answer = "A 70 billion parameter model in fp16 is about 14 gigabytes, so one GPU holds it."
    junk = choice.choose(q, answer, "bad_math", ["How many tokens per second did the GPU count?"], [q.prompt],
                            default_content().gaps, target=target)
    assert junk.source == "bank"
    good = "How did you get 14 gigabytes from seventy billion parameters in fp16?"
    assert choice.choose(q, answer, "bad_math", [good], [q.prompt], default_content().gaps,
                            target=target).question == good


def test_after_a_non_answer_a_narrowed_question_passes_but_a_plain_repeat_does_not() -> None:
    content = default_content()
    q = content.question("ts-calibration")
    answer = "Honestly I'm not sure."
    narrowed = "If a model says thirty percent, how would you check it is well calibrated, as a first step?"
    assert choice.choose(q, answer, "non_answer", [narrowed], [q.prompt], content.gaps).source == "model"
    repeat = choice.choose(q, answer, "non_answer", [q.prompt], [q.prompt], content.gaps)
    assert repeat.source == "bank" and repeat.question != q.prompt


def test_quoting_the_finding_is_not_a_question() -> None:
    verdict = guards.check('What was the outcome "it went really well in the end"?', "it went really well in the end",
                           ["outcome"], [])
    assert not verdict.ok


def test_the_bank_never_asks_for_a_talking_point_the_answer_covered() -> None:
    content = default_content()
    q = content.question("bh-production-incident")
    monitoring = "What monitoring or test did you add so this class of problem is caught earlier next time?"
    covered = choice.covered_points(q, INCIDENT)
    assert choice.already_answered(monitoring, q, covered)
    for gap in ("missing_point", "no_result", "we_not_i"):
        assert choice.bank_followup(q, gap, [q.prompt], content.gaps, "", INCIDENT) != monitoring
    assert choice.bank_followup(q, "missing_point", [q.prompt], content.gaps, "", "It broke and we fixed it.") == monitoring


def test_the_incident_card_credits_the_root_cause_and_the_added_check() -> None:
    content = default_content()
    q = content.question("bh-production-incident")
    card = score_answer(INCIDENT, question=q, round_spec=content.round("behavioral"), rubric=content.rubric("behavioral"))
    assert not any(g.id == "missing_point" for g in card.gaps)
    vague = score_answer("We had an incident and the team was stressed for a week. Things went back to normal.",
                         question=q, round_spec=content.round("behavioral"), rubric=content.rubric("behavioral"))
    assert any(g.id == "missing_point" for g in vague.gaps)


def test_a_rambling_story_is_cut_to_its_headline_before_missed_points() -> None:
    content = default_content()
    q = content.question("bh-simple-over-complex")
    from coach.domain import Transcript
    story = ("At my last company the feature pipelines were a mess of cron jobs and caches, and the recommendations "
             "model kept seeing different values online than in training. ") * 6
    card = score_answer(Transcript(story, duration_s=400), question=q, round_spec=content.round("behavioral"),
                        rubric=content.rubric("behavioral"))
    ids = [g.id for g in card.gaps]
    assert "too_long" in ids and ("missing_point" not in ids or ids.index("too_long") < ids.index("missing_point"))


def test_asking_leave_for_ones_own_next_step_is_not_a_clarification() -> None:
    assert not clarify.is_clarification("Is it fine if I sketch the architecture first and then go into the model?")
    assert not clarify.is_clarification("Do you want me to go deeper on serving?")
    assert clarify.is_clarification("Is it okay to assume the model has to explain each decision to the merchant?")
    assert clarify.is_clarification("Before I start, how many payments per second do we see at peak?")


def test_a_figure_said_in_words_may_be_asked_back_in_digits_but_not_replaced() -> None:
    content = default_content()
    q = content.question("sd-llm-serving")
    answer = ("We get a billion messages a day, so that is about a hundred thousand messages per second to score, "
              "and each one must be scored in under twenty milliseconds.")
    card = score_answer(answer, question=q, round_spec=content.round("system-design"), rubric=content.rubric("system-design"))
    top = card.gaps[0]
    assert top.id == "bad_math"
    finding = findings.Finding.of(card, top)
    asked = [q.prompt]
    digits = "How did you get 100,000 messages per second from a billion messages a day?"
    assert choice.choose(q, answer, "bad_math", [digits], asked, content.gaps, target=finding).source == "model"
    other = "How did you get 12,000 messages per second from a billion messages a day?"
    assert choice.choose(q, answer, "bad_math", [other], asked, content.gaps, target=finding).source == "bank"


def test_the_candidates_words_in_the_interviewers_mouth_do_not_pass() -> None:
    for text in ("When we moved inference to GPUs, what did you personally do?",
                 "Can you give an example from my own work where the metric changed a decision?",
                 "Which parts of our strategy came from you?"):
        assert "speaks as the candidate" in guards.check(text, "we moved inference to GPUs", ["you personally", "from you"], []).reasons
    assert guards.check("When the team moved inference to GPUs, what did you personally do?",
                        "we moved inference to GPUs", ["you personally"], []).ok


def test_a_follow_up_may_not_change_the_figures_it_was_given() -> None:
    verdict = guards.check("How did you cut the p98 latency of the ranking service in half?",
                           "I cached the embeddings and the p99 latency fell by half.", ["how did you"], [],
                           question="How would you cut the p99 latency of a ranking service in half?")
    assert "names a figure nobody said (p98)" in verdict.reasons
    assert guards.check("How did you get 60,000 QPS from 500 million a day divided by 86,400 seconds?",
                        "500 million requests a day, so 60,000 QPS", ["you get"], [],
                        known='they said "60,000 QPS" from 500M divided by 86,400 s').ok


def test_one_option_with_nothing_weighed_is_retold_with_the_candidates_own_choice() -> None:
    """The model is told which choice to ask about, so it does not invent one; asking why that choice was made is
    not asking for a covered point again."""
    answer = ("The model is too big for one card. I'd use FSDP with full sharding across the nodes, with activation "
              "checkpointing, and write checkpoints every hour.")
    found = findings.plain("no_tradeoff", "no alternative weighed", answer)
    assert '"I\'d use FSDP with full sharding across the nodes' in found
    assert findings.plain("no_tradeoff", "no alternative weighed", "It depends on the data.") == \
        "one option only; nothing weighed against it"
    assert choice.asks_why("no_tradeoff", "Why did you choose FSDP with full sharding?")
    assert not choice.asks_why("missing_point", "Why did you choose FSDP with full sharding?")
    assert not choice.asks_why("no_tradeoff", "What is FSDP?")


def test_after_a_non_answer_to_a_story_question_the_probe_asks_for_the_closest_real_case_not_a_plan() -> None:
    """"Tell me about a time you disagreed ..." / "I haven't really had a conflict": not "what would be your first
    step here?" (a plan the round does not want), and a model question asking what they would do is not asked."""
    content = default_content()
    story = content.question("bh-disagreement")
    answer = "Honestly, I have not really had a conflict with anyone. I get along with people."
    probe = choice.bank_followup(story, "non_answer", [story.prompt], content.gaps, "no real answer", answer)
    assert probe in content.gaps["non_answer"].story_followups and "would" not in probe
    plan = choice.choose(story, answer, "non_answer", ["If you had to make a decision, what would you do?"],
                         [story.prompt], content.gaps, target="no real answer")
    assert plan.source == "bank" and plan.question == probe
    closest = "What is the closest you have come to disagreeing with a colleague on a technical decision?"
    assert choice.choose(story, answer, "non_answer", [closest], [story.prompt], content.gaps,
                         target="no real answer").question == closest
    # a question that asks for a plan or an explanation keeps its first-step probes
    drift = content.question("ts-drift-types")
    assert choice.bank_followup(drift, "non_answer", [drift.prompt], content.gaps, "no real answer", "Not sure.") \
        in content.gaps["non_answer"].followups
    first = "If you had to detect drift in a model, what would you look at first?"
    assert choice.choose(drift, "Not sure.", "non_answer", [first], [drift.prompt], content.gaps,
                         target="no real answer").question == first


def test_a_design_that_only_sets_its_own_figures_is_probed_for_its_requirements_unless_it_asks() -> None:
    content = default_content()
    q = content.question("sd-notification-ranking")
    own = ("Let's say fifty million users and a hundred million candidate pushes a day. The design is a queue, a "
           "scorer and a scheduler, and I'd trade a few sends for fewer opt-outs, watching the opt-out rate.")
    ids = [g.id for g in score_answer(own, question=q, round_spec=content.round("system-design"),
                                      rubric=content.rubric("system-design")).gaps]
    assert "no_clarifying" in ids
    checked = own.replace("a day.", "a day; let me know if that's off.")
    ids = [g.id for g in score_answer(checked, question=q, round_spec=content.round("system-design"),
                                      rubric=content.rubric("system-design")).gaps]
    assert "no_clarifying" not in ids


def test_a_figure_the_transcriber_echoed_is_not_a_figure_the_candidate_said() -> None:
    """"Each replica handles 1200 200 requests a second" is one figure with its end heard twice: a question about
    "200 requests a second each" quotes the transcriber, not the candidate."""
    answer = "We need 9,000 requests a second at peak, and each replica handles 1200 200 requests a second."
    echoed = guards.check("How did you size the replicas from 9,000 requests a second and 200 each?", answer,
                          ["how did you get"], [])
    assert "names a figure nobody said (200)" in echoed.reasons, echoed.reasons
    said = guards.check("How did you size the replicas from 9,000 requests a second and 1,200 each?", answer,
                        ["how did you get"], [])
    assert not any("nobody said" in r for r in said.reasons), said.reasons
