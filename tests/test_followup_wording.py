"""Broken wording from the small interviewer model never reaches the candidate; the bank's wording always passes."""
from __future__ import annotations

import pytest

from coach.content import default_content
from coach.followups import choice, guards, wording
from coach.followups.prompt import load_template
from coach.paths import PROJECT_ROOT

ROUNDS = ("behavioral", "system-design", "deep-dive", "technical-screen", "hiring-manager", "recruiter",
          "cross-functional", "coding")


def _bank_questions() -> set[str]:
    content = default_content()
    texts: set[str] = set()
    for name in ROUNDS:
        for q in content.questions_for(name):
            texts.add(q.prompt)
            texts.update(f.text for f in q.followups)
    for spec in content.gaps.values():
        texts.update(getattr(spec, "followups", ()) or ())
    return {t for t in texts if t.endswith("?")}


def test_every_bank_question_and_follow_up_reads_as_unbroken() -> None:
    texts = _bank_questions()
    assert len(texts) > 250
    flagged = {t: wording.broken(t, t) for t in texts if wording.broken(t, t)}
    assert not flagged, flagged


# What the model wrote when the no-copy push bent the draft (seen in the follow-up evaluation's log).
@pytest.mark.parametrize("text, draft, reason", [
    ("What would not have happen without you?", "What would not have happened without you?", "base verb after have"),
    ("What alternative did you choose, and why did you not reject it?",
     "What alternative did you consider, and why did you reject it?", "negation the draft does not have"),
    ("Can you give me a specific example from your fraud model where the metric choice was changed a decision?",
     "Can you give me an example from your own work where the metric choice changed a decision?", "passive"),
    ("What would you choose the threshold for blocking payments?",
     "How would you choose the blocking threshold, and who pays when you set it too high or too low?", "'what'"),
    ("If a user appears often in your data, what should that affect the split?",
     "If a user appears many times in your data, how should that affect the split?", "'what'"),
    ("Which numbers about traffic would you want before-sizing the fleet?",
     "Which numbers about traffic and latency would you want before sizing the fleet?", "hyphen"),
    ("How do that constrain the ranking latency?", "", "agree"),
    ("How many teams were affected, what changed for them?", "", "comma"),
    ("What did you decide about the the rollout?", "", "twice"),
    ("Did you measured the drop in clicks?", "", "past form"),
    ("What changed for the teams after the?", "", "needs more"),
    ("How did the latency change afterwards", "", "question mark"),
    ("How did you persuade the new baseline was fair?", "", "nobody persuaded"),
])
def test_broken_wording_is_named(text: str, draft: str, reason: str) -> None:
    flaw = wording.broken(text, draft)
    assert flaw is not None and reason in flaw, (text, flaw)


def test_ordinary_follow_ups_pass() -> None:
    for text in ("When the team fixed the join, what did you personally do?",
                 "How did you get 120 megabytes from 300 million parameters times 4 bytes?",
                 "What would you change the threshold to?",
                 "What would you tell the product manager before the launch?",
                 "What did you need from the data team, and how did you get it?",
                 "Why not a rules engine instead of the model?",
                 "How did you convince the finance lead the saving was real?",
                 "What convinced the reviewers that the drift was real?"):
        assert wording.broken(text) is None, (text, wording.broken(text))


def test_a_pronoun_needs_something_the_candidate_heard() -> None:
    heard = guards.content_words("Tell me about a time you changed a ranking model. We moved ranking to GPUs.")
    assert wording.dangling_pronoun("Why did you not reject it?", heard)
    assert not wording.dangling_pronoun("Why did you move ranking to GPUs, and what did it cost?", heard)
    assert not wording.dangling_pronoun("Which alternative did you consider, and why did you reject it?", heard)
    assert wording.dangling_pronoun("Can you ground that in a situation you were in?", heard)
    assert not wording.dangling_pronoun("How would you know that the drift started?", heard)     # "that" joins


def _guard(text: str, question_id: str, answer: str, gap: str, draft: str) -> guards.Verdict:
    content = default_content()
    question = content.question(question_id)
    words = choice.gap_words(gap, "", question, content.gaps)
    return guards.check(text, answer, words, **choice.guard_rules(question, gap, "", [question.prompt], frozenset(),
                                                                   draft, draft))


def test_guard_rejects_a_garbled_rewrite_and_keeps_one_aimed_like_the_draft() -> None:
    content = default_content()
    question = content.questions_for("behavioral")[0]
    answer = "We rewrote the ranking service and the vice president agreed to launch it to all users."
    draft = "What did the leader decide, and how did it play out?"
    ok = _guard("What did the vice president decide, and how did it play out?", question.id, answer, "no_result", draft)
    assert ok.ok, ok.reasons
    bad = _guard("What would not have happen without the vice president?", question.id, answer, "no_result", draft)
    assert any("broken wording" in r for r in bad.reasons), bad.reasons


def test_a_near_copy_of_the_draft_is_asked_as_the_bank_wrote_it() -> None:
    content = default_content()
    question = content.questions_for("behavioral")[0]
    answer = "We migrated the churn model to a feature store and the rollout went fine."
    draft = choice.bank_followup(question, "no_result", [question.prompt], content.gaps, "", answer)
    bent = draft.replace("?", "").rsplit(" ", 1)[0] + " really?"       # the draft with one word bent
    assert guards.similarity(bent, draft) >= choice.NEAR_COPY
    words = choice.gap_words("no_result", "", question, content.gaps)
    rules = {**choice.guard_rules(question, "no_result", "", [question.prompt], frozenset(), draft, draft),
             "story": None}      # (the draft names nothing of this story: the vagueness guard, apart, rejects it too)
    passes = guards.check(bent, answer, words, **rules)
    assert passes.ok, passes.reasons                  # the guards alone would let it through ...
    template = load_template(PROJECT_ROOT / "prompts" / "followup.md")
    reply = choice.choose(question, answer, "no_result", [bent], [question.prompt], content.gaps, template.example_words)
    assert reply.source == "bank" and reply.question == draft     # ... but the bank's own wording is asked


def test_the_we_sentence_shown_to_the_model_is_retold_as_the_team() -> None:
    from coach.followups import findings

    told = findings.plain("we_not_i", '"we" 4 times, "I" 0 times',
                          "We met the privacy team early, and they flagged our credit model because it used location.")
    assert '"the team met the privacy team early"' in told.lower()     # the clause with "we", not the whole sentence
    assert not guards._CANDIDATE_VOICE.search(told.split("e.g.")[1])


def test_an_irregular_past_after_did_is_broken_wording() -> None:
    assert wording.broken("What did you deliberately left out of the first version?") == "a past form after did/do/does"
    assert wording.broken("What did you deliberately leave out of the first version?") is None
    assert wording.broken("Which part did you lead yourself?") is None
