"""Evidence by sentence, on the causes of wrong quotes fixed this pass: the reach of the speaker's authority is the
ask they took on; what a change would have done is no outcome; a rule held now is a view even when hindsight frames
it. The answers are written for these tests and are not in the graded set (tests/data/graded/)."""
from __future__ import annotations

from coach.scoring import score_answer
from coach.scoring.star import StarReport, label_sentence


def _star(text: str) -> StarReport:
    return score_answer(text).star


def _label_of(r: StarReport, start: str) -> str:
    return next(lab for s, lab in zip(r.sentences, r.labels) if s.startswith(start))


def test_the_limits_of_the_speakers_authority_are_the_task() -> None:
    r = _star("At a regional bus company the planners and the depot managers each kept their own list of late routes. "
              "I started a shared punctuality model across both groups, with nobody on either side reporting to me. "
              "I met each depot manager to agree which delays counted, and I wrote the model around the routes they "
              "named first. Within a quarter both groups planned from the same list and late departures fell by a "
              "fifth.")
    assert _label_of(r, "I started a shared punctuality model") == "task"
    assert r.task.evidence and r.task.evidence[0].startswith("I started a shared punctuality model")
    assert r.action.evidence[0].startswith("I met each depot manager")


def test_ownership_shared_with_a_peer_who_could_block_it_is_the_task() -> None:
    sc = label_sentence("I owned the pricing model, but the sales lead owned the discount rules, so neither of us "
                        "could just overrule the other.")
    assert max(sc, key=lambda c: sc[c]) == "task"


def test_what_a_change_would_have_done_is_no_outcome() -> None:
    assert label_sentence("The cheaper instance type would have lowered that by a third, about 2,000 a month.")[
        "result"] == 0.0
    # an outcome told with what the old way would have taken is still the outcome
    assert label_sentence("It cut the nightly run by 40 percent, which a bigger cluster would have taken months to "
                          "match.")["result"] > 0.0


def test_a_rule_held_now_is_a_view_even_in_hindsight() -> None:
    r = _star("Our nightly retraining ran on twelve GPUs for the whole catalogue. I measured which products changed "
              "each night and found it was about one in fifty. I argued that retraining only the changed ones was "
              "not worth a rewrite that quarter, and we left it. In hindsight I still think small savings should "
              "wait until the big bills are done.")
    assert _label_of(r, "In hindsight I still think") == "other"
    assert not any(e.startswith("In hindsight") for e in r.result.evidence)
    # the lesson told as what the story should have done is still its close
    assert label_sentence("In hindsight we should have retrained only the changed products from the start.")[
        "result"] > 0.0


def test_a_test_finding_with_the_next_step_in_its_clause_is_not_the_outcome() -> None:
    r = _star("At a travel site our search cache missed most repeat queries from mobile users. I replayed a week of "
              "mobile traffic through a cache keyed on the normalised query. The hit rate rose from 41 to 63 percent "
              "in the replay, and I sent both figures to the platform lead with the memory cost. The new cache went "
              "live two weeks later and mobile search latency fell by a quarter.")
    assert _label_of(r, "The hit rate rose") == "action"
    assert r.result.evidence[0].startswith("The new cache went live")


def test_a_lesson_is_not_quoted_as_a_step() -> None:
    r = _star("The worst one was at my previous job, when the vendor changed their export format on a Friday. The "
              "dashboards were empty all weekend and the sales team was annoyed with us. I guess the lesson is that "
              "vendors need stricter contracts, so I escalated it to my director.")
    assert not any(e.startswith("I guess the lesson") for e in r.action.evidence), r.action.evidence


def test_the_undertaking_named_with_its_purpose_is_the_task() -> None:
    r = _star("At a logistics firm every warehouse kept its own copy of the demand model and they drifted apart. So "
              "we started what people called the one-model plan, a two-year initiative to put every site on a single "
              "forecast. I wrote the shared feature code first and moved the three largest sites onto it. By the end "
              "of the first year eleven of fourteen sites ran on the one model.")
    assert _label_of(r, "So we started what people called") == "task"
    assert r.task.evidence and r.task.evidence[0].startswith("So we started")
    assert r.action.evidence[0].startswith("I wrote the shared feature code")


def test_moving_on_to_other_work_is_no_step() -> None:
    r = _star("At a music app the editors and the data team disagreed about how much to favour new releases in the "
              "home feed. There were a few long threads about it and a meeting with both leads. In the end the "
              "editors got a small fixed slot at the top. It felt like a fair split and we moved on to the next "
              "roadmap item.")
    assert not any(e.startswith("It felt like a fair split") for e in r.action.evidence), r.action.evidence


def test_a_maxim_or_a_verdict_after_the_story_stays_outside_it() -> None:
    r = _star("At a hotel chain the revenue team priced rooms by hand from a spreadsheet. I wanted every hotel on the "
              "same pricing model. I built the model over two months and told the regional managers it would replace "
              "the spreadsheet from the next season. By the summer every hotel was using it. Sometimes you just have "
              "to set a date and people follow.")
    assert _label_of(r, "Sometimes you just have to") == "other"
    r = _star("At a bank I argued against a vendor's fraud scoring service. We built our own scorer on top of an "
              "open-source rules engine. It took longer, and I would make the same call again for anything that "
              "touches payments.")
    assert _label_of(r, "It took longer, and I would make the same call again") == "other"
    r = _star("I had a junior engineer who never spoke in planning, so I asked her to run the next planning session "
              "and I stayed quiet in the corner. She was shaky but it went fine, and she has spoken up in every "
              "planning since. Beyond that one case, I also think praise should come within the week rather than at "
              "review time.")
    assert r.labels[-1] == "other", list(zip(r.sentences, r.labels))


def test_a_follow_up_that_names_the_question_it_takes_up_opens_with_the_scene() -> None:
    from coach.scoring import score_answer
    r = score_answer("On the storage question, we were keeping every raw event for two years in the hot tier. I "
                     "priced the cold tier at about a fifth of the cost and moved everything older than ninety days "
                     "there. The bill fell by about forty percent the next month.", followup=True).star
    assert r.labels[0] == "situation", list(zip(r.sentences, r.labels))


def test_a_step_the_plan_says_it_would_not_take_is_no_step() -> None:
    from coach.scoring.plan_steps import plan_labels
    said = ["I would not start by rewriting the pipeline, because I would not yet know where it breaks.",
            "I would first read the last quarter of incident notes with the on-call engineers."]
    assert plan_labels(said, ["other", "other"]) == ["other", "action"]


def test_how_things_stand_since_told_at_the_close_is_the_outcome() -> None:
    r = _star("At a wholesaler the buyers reordered stock from a weekly spreadsheet. I wanted them ordering from a "
              "forecast they trusted. I built a forecast per product and store and sat with two buyers for a month "
              "to compare it with their own numbers. I added a column that showed why each number moved. We "
              "released it to every buyer in March, and the head buyer now asks for the forecast before each "
              "supplier meeting.")
    assert r.labels[-1] == "result", list(zip(r.sentences, r.labels))
    assert r.result.evidence and r.result.evidence[0].startswith("We released it to every buyer")


def test_a_change_in_a_leading_before_clause_only_dates_the_step() -> None:
    sc = label_sentence("Before we cut over I replayed the last three days of traffic through both services.")
    assert sc["result"] == 0.0 and sc["action"] > 0.0
