"""STAR: each sentence labelled; presence, evidence, notes, score and the one improvement."""
from __future__ import annotations

from coach.scoring.star import analyse, label_sentence
from coach.scoring.text import clean, sentences

STRONG = ("At my last company I was the tech lead for search ranking, and p99 latency had crept up to 800 ms. "
          "My goal was to get it under 300 ms. I profiled the serving path, I proposed caching the hot features, "
          "and I built the batching layer myself. As a result p99 dropped from 800 to 250 milliseconds.")


def star(text: str):
    t = clean(text)
    return analyse(sentences(t))


def test_a_complete_story_has_all_four_parts_with_evidence() -> None:
    r = star(STRONG)
    assert [getattr(r, c).present for c in ("situation", "task", "action", "result")] == [True] * 4
    assert r.result.evidence[0].startswith("As a result")
    assert r.measurable_result and r.score == 5.0
    assert r.labels == ("situation", "task", "action", "result")


def test_sentence_cues() -> None:
    assert max(label_sentence("I was asked to own the retraining pipeline.").items(), key=lambda kv: kv[1])[0] == "task"
    assert label_sentence("I convinced the infra team to lend us two engineers.")["action"] >= 2.5
    assert label_sentence("In the end we cut the serving bill by 40 percent.")["result"] >= 2.5
    # a goal is not an outcome
    assert label_sentence("My goal was to reduce latency by 50 percent.")["result"] == 0


def _best(sentence: str) -> str:
    sc = label_sentence(sentence)
    return max(sc, key=lambda c: sc[c]) if max(sc.values()) > 0 else "other"


def test_labels_follow_tense_and_clause_shape_not_a_verb_list() -> None:
    # any first-person past-tense verb is a step the speaker took, listed verb or not
    assert _best("I catalogued the stale dashboards and emailed each owner.") == "action"
    assert _best("I sent the vendor a sample of forty bad matches.") == "action"
    # a movement verb is a change only with a direction; a noun that shares a verb's stem is not one
    assert _best("So first I went through about ninety old tickets.") == "action"
    assert _best("Churn on the trial plan went from nine percent to six.") == "result"
    assert label_sentence("Our growth team had two analysts and one engineer.")["result"] == 0
    # an outcome without a number: a change told as a comparative, or a problem that stopped
    assert _best("After the rollout the weekly import got two hours faster.") == "result"
    # doubts and conditionals are not part of the story, whatever their tense
    assert _best("I'm not sure the sales team ever used it.") == "other"
    assert _best("If my lead and I disagreed, I would ask for the data first.") == "other"
    # an assignment told from the other side is the task
    assert _best("The director asked me to own the pricing launch.") == "task"


def test_backstory_lasting_outcomes_and_verdicts() -> None:
    # a change before the story began is its context, not its outcome
    assert _best("Support had noticed that refund requests had tripled since spring.") == "situation"
    # an outcome that lasted, told in the present perfect
    assert _best("And the nightly export hasn't failed once since.") == "result"
    # a hedged verdict on oneself is not an event
    assert _best("Looking at it now I think we did pretty well.") != "action"
    # an outcome clause after the speaker's act, with its own subject and a measured change
    r = star("Our invoices were matched by hand. I built a matcher for the common cases, and manual matches "
             "fell from two thousand a week to three hundred.")
    assert r.labels[-1] == "result"


def test_first_sentence_framed_by_time_sets_the_scene() -> None:
    r = star("During my first month on the payments team I inherited a flaky reconciliation job. "
             "I rewrote its retry logic and added an alert. Failed runs dropped from twelve a week to one.")
    assert r.labels == ("situation", "action", "result")


def test_no_result_is_noticed_and_is_the_improvement() -> None:
    r = star("At my previous job the labels were noisy. My manager asked me to fix it. "
             "I wrote a new labeling job and I retrained the model.")
    assert not r.result.present
    assert "no outcome stated" in r.result.notes[0]
    assert r.improvement.startswith("End with the outcome")


def test_unmeasured_result_asks_for_a_number() -> None:
    r = star("At my last company on-call was painful. My goal was to standardize serving. I designed a common "
             "container. The result was that on-call got a lot quieter and people liked it.")
    assert r.result.present and not r.measurable_result
    assert r.improvement.startswith("Put a number on the result")
    assert "no number in the result" in r.result.notes[0]


def test_we_versus_i_is_counted() -> None:
    r = star("We had a churn model. We noticed drift. We added validation checks and we retrained it. "
             "After that AUC went up from 0.71 to 0.78.")
    assert r.i_count == 0 and r.we_count >= 4
    assert any('"we"' in n for n in r.action.notes)
    assert 'Say "I"' in r.improvement


def test_i_think_is_not_ownership() -> None:
    assert star("I think we should have done it. I mean, we did.").i_count == 0


def test_long_setup_is_noted() -> None:
    setup = ("At my last company we had a search team, a recommendations team and an ads team, and they all "
             "shared the same feature infrastructure that was built years before with cron jobs and a database. ")
    r = star(setup * 3 + "I rewrote it. Latency dropped by 40 percent.")
    assert any("situation is" in n for n in r.situation.notes)


def test_hedged_outcome_is_not_a_result() -> None:
    r = star("I put together an analysis and I shared it. I think that's where it ended up, but I'm not "
             "totally sure how it ended up.")
    assert not r.result.present


def test_empty() -> None:
    r = star("")
    assert r.score == 0 and not r.action.present and r.labels == ()


def test_a_tool_name_that_starts_like_a_number_is_not_a_measured_result() -> None:
    # "TensorFlow" and "tenant" begin with "ten"; neither puts a number on the outcome.
    r = star("Our search team kept missing deadlines. My goal was to fix the release flow. I moved the jobs "
             "to a shared tenant on TensorFlow serving. In the end the team was happier with TensorFlow.")
    assert r.result.present and not r.measurable_result
    r = star("Our search team kept missing deadlines. My goal was to fix the release flow. I moved the jobs "
             "to a shared cluster. In the end releases went out tenfold faster, in hundreds of small steps.")
    assert r.measurable_result


def test_a_spoken_opening_on_taking_over_is_the_setting() -> None:
    # Speech has no comma after the time clause; "took" alone would read as an action.
    s = label_sentence("So um when I inherited the search stack the nightly build failed about twice a week.")
    assert max(s, key=lambda k: s[k]) == "situation"
    s = label_sentence("Then I took over the release rota and rewrote the checklist myself.")
    assert max(s, key=lambda k: s[k]) == "action"
