"""A model follow-up never takes as given something the candidate did not say (a false premise about their story)."""
from __future__ import annotations

from coach.content import default_content
from coach.followups import choice, grounding, guards

# Held-out 4's story about being wrong (tests/data/followups/h4_06_no_result_changed_mind.toml), as spoken.
CHANGED_MIND = ("yeah so um I was really convinced we should move all our ranking features onto a streaming pipeline, "
                "like I argued for it pretty hard in a design review, and a colleague kept saying the daily batch was "
                "good enough for most of them. so I went and checked it myself, I took a week of logs and ran the "
                "ranker offline with features that were a minute old and with features that were a day old, and "
                "honestly only two counters made any real difference. so I went back to the group and said look I "
                "got this one wrong, and I suggested we stream just those two and leave the rest on batch. and yeah, "
                "that was basically it.")
DRAFT = "What happened to the project after you changed your position?"
FOUND = 'the story ends with "and yeah, that was basically it" and never says what changed'


def _question():
    return default_content().question("bh-changed-mind")


def test_the_premise_seen_in_an_interview_is_rejected() -> None:
    # the model bent the draft's "changed your position" into "changed your role": the candidate changed no role
    why = grounding.ungrounded("What happened to the product after you changed your role?",
                               CHANGED_MIND, _question().prompt, FOUND, DRAFT)
    assert why is not None and "role" in why


def test_premises_the_candidate_did_give_pass() -> None:
    for text in ("After you streamed just those two counters, what changed in the ranker's metrics?",
                 "When you went back to the group, how did they take it?",
                 "You said only two counters made a real difference; how did you measure that?",
                 "What happened to the streaming pipeline after you changed your position?",
                 "What did your colleague say when you checked it yourself?",
                 "What was your part in the design review, and what came of it?"):
        assert grounding.ungrounded(text, CHANGED_MIND, _question().prompt, FOUND, DRAFT) is None, text


def test_each_shape_of_premise_is_checked() -> None:
    said = (CHANGED_MIND, _question().prompt, FOUND, DRAFT)
    false = {
        "When the team migrated to GPUs, what did you decide?": "migrated",                 # a clause about the team
        "You mentioned the latency budget; how did you meet it?": "latency",                 # what they are said to have said
        "What did your manager think of the two counters?": "manager",                       # a thing of theirs
        "How did the launch turn out for the ranking features?": "launch",                   # what it happened to
        "What happened to the fraud model once the batch was kept?": "fraud",
    }
    for text, word in false.items():
        why = grounding.ungrounded(text, *said)
        assert why is not None and word in why, (text, why)


def test_a_hypothetical_or_generic_probe_has_no_premise() -> None:
    said = ("I would compare live feature distributions with the training data and alert when they drift.",
            "How would you detect that a deployed model has gone stale?")
    for text in ("If you had to pick one metric tomorrow, what would you look at first?",
                 "What would you give up with your design, and which alternative did you reject?",
                 "How did you get your estimate of the alert threshold?",
                 "Beyond feature drift, how would you measure the model's accuracy once labels arrive?"):
        assert grounding.ungrounded(text, *said) is None, text


def test_the_guard_rejects_it_and_the_bank_follow_up_is_asked() -> None:
    content = default_content()
    q = _question()
    bad = "What happened to the product after you changed your role?"
    verdict = guards.check(bad, CHANGED_MIND, choice.gap_words("no_result", FOUND, q, content.gaps), [],
                           question=q.prompt, known=FOUND, draft=DRAFT)
    assert any("premise the candidate never gave" in r for r in verdict.reasons), verdict.reasons
    reply = choice.choose(q, CHANGED_MIND, "no_result", [bad], [q.prompt], content.gaps, live=FOUND, target=FOUND)
    assert reply.source == "bank" and "role" not in reply.question
    good = "After you streamed just those two counters, what changed in the ranker's metrics?"
    reply = choice.choose(q, CHANGED_MIND, "no_result", [good], [q.prompt], content.gaps, live=FOUND, target=FOUND)
    assert reply.source == "model" and reply.question == good


def test_the_bundled_model_never_asks_on_a_premise_the_candidate_did_not_give(interviewer) -> None:
    # the headless interview where "after you changed your role" was heard: whatever is asked now is grounded
    q = _question()
    evidence = 'no sentence states an outcome; it ends: "and yeah, that was basically it."'
    reply = interviewer.follow_up(q, CHANGED_MIND, "no_result", [q.prompt], target=evidence)
    draft = choice.bank_followup(q, "no_result", [q.prompt], default_content().gaps, evidence, CHANGED_MIND)
    assert grounding.ungrounded(reply.question, CHANGED_MIND, q.prompt, FOUND, draft) is None, reply
    for written in reply.candidates:
        if grounding.ungrounded(guards.clean(written), CHANGED_MIND, q.prompt, FOUND, draft):
            assert reply.question != guards.clean(written)
