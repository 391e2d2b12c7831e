"""Read as a candidate hears them, model follow-ups that build on what the answer never said are not asked:
a question about "the incident" after "I haven't really led one", a step credited to the director that the
candidate took, and English no interviewer says ("after the label was reran"). The bank's follow-up is."""
from __future__ import annotations

from coach.content import default_content
from coach.followups import choice, grounding, specific, wording
from coach.followups.prompt import load_template
from coach.paths import PROJECT_ROOT

NEVER_LED = ("Honestly, I haven't really been the one leading an outage. On my team the on-call SRE takes the page "
             "and we read the write-up a week later. I could talk about how I'd like one to go, if that helps?")
DIRECTOR = ("Three teams each ran their own labelling vendors with different guidelines. I wrote a proposal for one "
            "shared guideline and a single vendor contract, walked each lead through it, and got the director to "
            "pay for a pilot out of the platform budget, and then set up a fortnightly check-in on label agreement.")


def test_after_no_such_story_a_question_about_what_happened_in_it_falls_back_to_the_bank() -> None:
    assert grounding.presumes_a_story("What happened during the outage?", NEVER_LED)
    assert grounding.presumes_a_story("What would you check first if the pager went off?", NEVER_LED) is None
    assert grounding.presumes_a_story("What happened during the outage?", "I led the outage call for two hours.") is None
    content = default_content()
    template = load_template(PROJECT_ROOT / "prompts" / "followup.md")
    question = content.question("bh-production-incident")
    reply = choice.choose(question, NEVER_LED, "non_answer", ["What happened during the outage you led?"],
                          [question.prompt], content.gaps, template.example_words)
    assert reply.source == "bank"


def test_a_step_credited_to_someone_who_did_not_take_it_is_not_asked() -> None:
    said = "What changed after the director set up the fortnightly check-in?"
    assert grounding.misattributed(said, DIRECTOR, specific.PEOPLE)
    assert grounding.misattributed("What changed after you set up the fortnightly check-in?", DIRECTOR,
                                   specific.PEOPLE) is None
    assert grounding.misattributed("What changed after the director paid for the pilot?",
                                   DIRECTOR + " The director paid for it in May.", specific.PEOPLE) is None
    content = default_content()
    question = content.question("bh-cross-team-influence")
    reply = choice.choose(question, DIRECTOR, "no_result", [said], [question.prompt], content.gaps)
    assert reply.source == "bank"


def test_a_simple_past_where_the_participle_belongs_reads_as_broken() -> None:
    assert wording.broken("What changed after the comparison was reran?") == "a simple past where the participle belongs"
    assert wording.broken("What changed after you reran the comparison?") is None
    assert wording.broken("What had you written down before the review?") is None


def test_what_changed_after_needs_a_step_or_a_short_event() -> None:
    assert wording.broken("What changed after the first three sprints of the quarter?")
    assert wording.broken("What changed after the reranker into a distilled model?")
    for fine in ("What changed after the audit team signed off?", "What changed after the rollout?",
                 "What changed after rewriting the alert rules with the on-call team?",
                 "What changed after you split the training job across two regions?"):
        assert wording.broken(fine) is None, fine


def test_what_changed_after_a_named_event_reads_well() -> None:
    # a few words before a noun that names an event: what a strong interviewer says
    for fine in ("What changed after the checkout ranking rewrite?", "What changed after the payments team's migration?"):
        assert wording.broken(fine) is None, fine
    # still a phrase cut short: two things joined, or a place after the event
    assert wording.broken("What changed after the dashboards and the migration?")
    assert wording.broken("What changed after the rewrite of the ingestion jobs?")


def test_a_question_turned_round_onto_the_candidate_reads_as_broken() -> None:
    assert wording.broken("What would you have been asked about checkout volume?")
    assert wording.broken("What would you have asked about checkout volume?") is None


def test_what_changed_after_a_step_only_proposed_is_not_asked() -> None:
    pitched = ("Product wanted a streaming rebuild of the whole ranker. I costed it at a quarter for three people and "
               "suggested a cheaper path instead: retrain the ranker nightly and cache the top results per region.")
    assert grounding.only_proposed("What changed after the nightly retrain?", pitched)
    done = pitched + " We shipped the nightly retrain in two weeks."
    assert grounding.only_proposed("What changed after the nightly retrain?", done) is None
    content = default_content()
    question = content.question("hm-saying-no")
    reply = choice.choose(question, pitched, "no_result", ["What changed after the nightly retrain?"],
                          [question.prompt], content.gaps)
    assert reply.source == "bank"


def test_why_did_you_choose_needs_a_choice_the_answer_named() -> None:
    design = ("Scores are computed in hourly batches on CPUs, and direct messages skip the model entirely. A "
              "gradient-boosted model predicts the chance of an open and the chance of a mute.")
    assert grounding.unchosen("Why did you choose two extra opens per day?", design)
    assert grounding.unchosen("Why did you choose hourly batches over scoring each message as it lands?", design) is None
    assert grounding.unchosen("Why did you choose a gradient-boosted model rather than a deep ranker?", design) is None
