"""The bank's story probe names the story: after a story that stops at a step, or one told in "we", the follow-up
the interviewer asks (the bank's, no model) points at the place in the story the gap is in, said back to the
candidate as "you", instead of a question any story could get."""
from __future__ import annotations

from coach.content import default_content
from coach.eval.followup_gaps import aim
from coach.followups import choice, specific
from coach.followups.anchor import clause

STOPS_AT_A_STEP = (
    "Last spring the nightly feature backfill for our pricing model started missing its window about twice a week, "
    "which meant the morning prices were built on stale inputs. I profiled the job and found one join exploding on "
    "a handful of very large sellers. I salted the join key for those sellers and moved the rest of the job onto "
    "spot instances. After that I handed the runbook to the on-call rotation.")
TOLD_IN_WE = (
    "At my last company the search team kept shipping ranking changes that hurt sellers with few reviews, and "
    "nobody noticed for weeks. We added a fairness slice to the offline evaluation and we made it a launch gate. "
    "We also set up a weekly review with the marketplace team, and the complaints dropped by about half within a "
    "quarter.")


def _bank_probe(text: str, question: str, round_id: str) -> tuple[str, str]:
    content = default_content()
    q = content.question(question)
    a = aim({"round": round_id, "text": text}, q, content)
    reply = choice.choose(q, text, a.gap, [], [q.prompt], content.gaps, target=a.finding)
    return a.gap, reply.question


def test_a_story_that_stops_at_a_step_is_asked_about_that_step() -> None:
    gap, probe = _bank_probe(STOPS_AT_A_STEP, "bh-production-incident", "behavioral")
    assert gap == "no_result"
    assert "handed the runbook to the on-call rotation" in probe
    assert specific.vague(probe, STOPS_AT_A_STEP) is None
    assert " I " not in f" {probe} "          # said back to the candidate: "you handed ..."


def test_a_story_told_in_we_is_asked_about_what_we_did() -> None:
    gap, probe = _bank_probe(TOLD_IN_WE, "bh-raising-standards", "behavioral")
    assert gap == "we_not_i"
    assert "we added a fairness slice to the offline evaluation" in probe.lower()
    assert probe.endswith("?")


def test_a_clause_too_long_or_cut_before_its_object_is_not_said_back() -> None:
    assert clause("I also set up an audit log of") is None
    assert clause("I rebuilt the whole ingestion layer on a new queue with retries and dead letters and "
                  "per tenant quotas") is None
    assert clause("So after that I moved the rest of the job onto spot instances") == \
        "you moved the rest of the job onto spot instances"


def test_an_anchored_probe_stays_one_short_question_on_its_gap() -> None:
    from coach.eval.followups import on_gap, well_formed

    content = default_content()
    q = content.question("bh-raising-standards")
    for text in (STOPS_AT_A_STEP, TOLD_IN_WE):
        gap, probe = _bank_probe(text, q.id, "behavioral")
        assert well_formed(probe)
        assert on_gap(probe, "bank", gap, q, content.gaps)
