"""The follow-up goes after the largest real gap, on answers written for these tests: a shadow run that only decides
the launch watches nothing once live, the figures a designer says they would want first are asked for, a denied
mistake with the blame put elsewhere is no story, a placeholder in place of what was asked leaves that point to ask
about first, and an option named as not taken with no reason weighs nothing."""
from __future__ import annotations

from tests.fixtures.scoring import first_follow_up, score_for

# A fraud design that asks, sizes and weighs, then ends at a shadow run and the switch-over.
_FRAUD = ("Before I design anything, how many payments a second at peak, how long can we hold the customer, and what "
          "does a missed fraud cost us against a wrong decline? Say three thousand a second, fifty milliseconds, and a "
          "miss costs about thirty times a false decline. A gradient-boosted model over card, merchant and device "
          "features scores each payment; I'd pick it over a deep network because it serves on CPUs in a few "
          "milliseconds, and the price is weaker use of the raw sequence of a card's payments. Three thousand a second "
          "over roughly two hundred scores a second per core is fifteen cores, thirty with headroom. Features such as "
          "a card's spend in the last hour come from a streaming job into an in-memory store. Chargebacks arrive weeks "
          "late, so labels are joined back once they land and the model is retrained monthly. ")


def test_a_shadow_run_before_the_switch_over_watches_nothing_once_live() -> None:
    shadowed = _FRAUD + ("Before it takes real decisions it runs in shadow beside the rules for three weeks, and we "
                         "compare the two on the payments analysts reviewed, then switch it on merchant by merchant.")
    assert first_follow_up(shadowed, "sd-fraud-detection") == "no_monitoring"
    watched = shadowed + (" Once live I'd alert on the decline rate per merchant and on drift in the top features, "
                          "with a rollback to the rules if either moves.")
    assert first_follow_up(watched, "sd-fraud-detection") != "no_monitoring"


def test_the_figures_a_designer_would_want_first_count_as_asking() -> None:
    # it asks for the send volume and the latency in "I'd want ...", then builds with no option weighed
    text = ("To start, I'd want the daily send volume, the latency we can afford per decision, and the share of "
            "users who have already turned notifications off. So about forty million candidate notifications a day, "
            "two hundred milliseconds, and twelve percent opted out. Each candidate is scored by a model predicting an "
            "open and a second one predicting an opt-out, and we send when the open value minus a penalty on the opt-out risk "
            "clears a threshold. Forty million a day is under five hundred a second on average, and one CPU machine "
            "scores a thousand a second, so two machines cover a peak of twice the average. A per-user cap of "
            "three a day sits on top, and quiet hours come from the user's own time zone. I'd watch the opt-out rate "
            "and the open rate per notification type on a dashboard, alert when either moves by a fifth, and retrain "
            "weekly.")
    card = score_for(text, "sd-notification-ranking")
    assert "no_clarifying" not in [g.id for g in card.gaps]
    assert first_follow_up(text, "sd-notification-ranking") == "no_tradeoff"


def test_a_mistake_denied_and_put_on_others_is_no_story() -> None:
    text = ("To be honest I can't say I've made a big one, at least nothing that stands out. The nearest was a pricing "
            "model we retrained on a partner team's export and shipped, and the export turned out to have duplicated "
            "rows, but that export was theirs and the sign-off came from my manager. I suppose I could double-check inputs more "
            "often. I'd rather talk about the retraining pipeline I rebuilt later, since that one went well.")
    assert first_follow_up(text, "bh-biggest-mistake") == "non_answer"


def test_a_placeholder_where_the_question_s_subject_belongs_is_asked_about_first() -> None:
    # asked what broke after launch: the breakage itself is waved past, the rest of the story is told
    text = ("It was the demand forecast our warehouse staffing team used to plan shifts a week ahead. I owned the "
            "training pipeline and the weekly job that pushed forecasts into their planning tool. After it went live "
            "we hit the usual teething problems, and we fixed them as they came up. I moved the job to run on Sunday "
            "nights so the planners had the numbers on Monday morning, and I wrote a runbook for whoever was on call.")
    assert first_follow_up(text, "dd-what-broke") == "missing_point"
    plain = text.replace(" After it went live we hit the usual teething problems, and we fixed them as they came up.", "")
    assert first_follow_up(plain, "dd-what-broke") != "missing_point"


def test_an_option_named_as_not_taken_with_no_reason_weighs_nothing() -> None:
    text = ("I'd group the rows by user id first, so that every row of one user moves together. For each user I take "
            "the majority label, then sort the users into strata by that label and shuffle within each stratum with a "
            "fixed seed. I walk each stratum and send users to test until it holds twenty percent of that stratum's "
            "rows, so the label rate in train and test stays close to the overall one. Users with very many rows go "
            "first, so one heavy user can't tip the test share. Users are sent to a side by hashing their ids rather "
            "than by a lookup table. At the end I assert that no user id appears on both sides and print the label rate of each split.")
    assert first_follow_up(text, "cd-stratified-split") == "no_tradeoff"
    reasoned = text.replace("rather than by a lookup table.",
                            "rather than by a lookup table, because the hash needs no memory and gives the same "
                            "split on every run.")
    assert first_follow_up(reasoned, "cd-stratified-split") != "no_tradeoff"


def _bank_probe(text: str, qid: str) -> str:
    from coach.content import default_content
    from coach.eval import followup_gaps

    content = default_content()
    q = content.question(qid)
    case = {"round": q.round, "text": text}
    return followup_gaps.asked(followup_gaps.aim(case, q, content), text, content)


def test_after_a_choice_asserted_the_bank_asks_what_it_gave_up_even_though_the_choice_was_said() -> None:
    # mini-batch is said (a point covered), never weighed: what it costs is the question, not "what alternative?"
    text = ("I'd start the centres with k-means++ and then alternate: give each point to its nearest centre, then move "
            "each centre to the mean of its points, with the distances done as one matrix product. I stop when the "
            "centres move less than a small tolerance or after fifty rounds, and an empty cluster takes the point "
            "farthest from its centre. When the data no longer fits in memory I'd use mini-batch updates on batches "
            "of fifty thousand points read from disk, and the job runs on Dask, each worker keeping partial sums and "
            "counts per cluster for its partition, which the driver combines. For k I'd try a few values and look at the elbow.")
    assert first_follow_up(text, "cd-kmeans") == "no_tradeoff"
    assert "give up" in _bank_probe(text, "cd-kmeans")


def test_a_denied_mistake_is_asked_for_a_decision_of_the_candidate_s_own() -> None:
    text = ("To be honest I can't say I've made a big one. I'd rather talk about the retraining pipeline I rebuilt "
            "later, since that one went well.")
    assert "of your own" in _bank_probe(text, "bh-biggest-mistake")


def test_a_mistake_denied_in_other_words_is_no_story_either() -> None:
    text = ("I haven't made any major mistakes that I can remember, I'm quite careful. There was a launch where the "
            "dashboards we relied on were off by a day, but the analytics team owned those. I'd rather talk about how "
            "I set up our model review meetings, which people liked.")
    assert first_follow_up(text, "bh-biggest-mistake") == "non_answer"


def test_a_placeholder_in_other_words_still_puts_the_point_left_out_first() -> None:
    # asked what hit its limits first as traffic grew: "various glitches" stands where the limit belongs
    text = ("It was the search autocomplete service for our grocery app, which I took over as tech lead two years "
            "ago. Traffic tripled over that time as we opened in new cities. We hit various glitches along the way "
            "and I worked through them with the team. I also moved the service onto the shared deployment pipeline "
            "and wrote the on-call guide.")
    assert first_follow_up(text, "dd-scaling") == "missing_point"


def test_the_figures_wanted_first_are_heard_in_the_present_tense_too() -> None:
    from coach.scoring.signals import names_scope

    assert names_scope("First I need the peak request rate and the latency target from you.")
    assert names_scope("Before anything else I'd ask for the daily upload volume.")
    assert not names_scope("I need the ranker to run on CPUs.")


def test_the_model_is_told_which_choice_was_asserted() -> None:
    from coach.followups.findings import plain

    said = "Users are sent to a side by hashing their ids rather than by a lookup table."
    told = plain("no_tradeoff", f'an option named as not taken, with no reason or cost: "{said}"', said)
    assert "hashing their ids rather than by a lookup table" in told and "why" in told
