"""The follow-up goes after the largest real gap even when the scorer's usual checks pass: a design whose only figure
is a passing "every day", options weighed by name ("I weighed X against Y"), a story that ends on a promise of work
for later, a view held one way whatever the case, and data taken as right on trust."""
from __future__ import annotations

from coach.scoring import story_outcome
from tests.fixtures.scoring import first_follow_up, score_for


def _gaps(text: str, qid: str) -> set[str]:
    return {g.id for g in score_for(text, qid).gaps}


def test_a_design_whose_only_figure_is_how_often_is_asked_for_its_numbers() -> None:
    text = ("Could I ask first who is on the hook when a model goes wrong, and which models matter most to revenue? "
            "I'd watch each model in layers: service health, the inputs, the distribution of its predictions and "
            "its quality once labels come in, with drift on the inputs measured against a reference window. Labels "
            "land late, so until then I'd lean on proxies and backfill the quality charts when they arrive. Each "
            "alert gets an owner and a runbook, and I'd rather page less and fix the noisy ones than train people "
            "to ignore pages. A retrain from the logged traffic takes about two hours, and an alert can trigger a "
            "rollback to the last good version.")
    assert "no_numbers" in _gaps(text, "sd-model-monitoring")
    sized = text.replace("A retrain from", "At two thousand predictions a second per model, a retrain from")
    assert "no_numbers" not in _gaps(sized, "sd-model-monitoring")


def test_two_options_weighed_by_name_are_a_trade_off() -> None:
    text = ("Can I ask how many people sign in at peak and how fast the page must render? Say twenty thousand "
            "requests a second and a hundred milliseconds. I weighed a transformer over the session against a "
            "boosted-tree ranker: the transformer reads the order of clicks better, but on our CPUs it would need "
            "thirty times the cores, so the trees win here. Retrieval pulls five hundred candidates from an "
            "approximate nearest-neighbour index, and the ranker scores them in about twenty milliseconds.")
    assert "no_tradeoff" not in _gaps(text, "sd-home-recommendations")


def test_a_story_that_ends_on_work_put_on_a_roadmap_tells_no_outcome() -> None:
    assert story_outcome.ends_in_a_trial("Their manager signed off, and the schema checks went on their roadmap for "
                                         "the following quarter.")
    assert not story_outcome.ends_in_a_trial("After that the job failed only once in the following quarter.")
    text = ("Our ranking model trained each night on a clicks table another team owned, and for about six weeks it "
            "kept arriving late or half empty, so we lost a retrain every few days. I owned training, so I wrote up "
            "every failure for a month with what it cost us, and took that to their lead. I proposed that they "
            "publish a ready flag per partition and run row-count checks before publishing. Their lead agreed to "
            "both, and they put the flag and the checks on their roadmap for next quarter.")
    assert first_follow_up(text, "xf-upstream-pipeline") == "no_result"


def test_a_view_held_one_way_whatever_the_case_is_asked_when_it_would_be_wrong() -> None:
    text = ("Shared pieces should come early. Once two teams each keep their own training scheduler, the company pays "
            "twice and debugs two sets of bugs; at my last job we merged three schedulers into one and cut failed runs "
            "by half within two quarters. I'd treat the platform as a product with users and adoption targets. So my "
            "default is to build the shared version the moment a second team needs it.")
    assert first_follow_up(text, "hm-platform-philosophy") == "no_tradeoff"
    weighed = text.replace("So my default is to build the shared version the moment a second team needs it.",
                           "I'd still wait while one team's version is young: centralising it then freezes the "
                           "wrong abstraction.")
    assert "no_tradeoff" not in _gaps(weighed, "hm-platform-philosophy")


def test_data_taken_as_right_on_trust_is_probed_before_the_outcome() -> None:
    text = ("The model flagged risky insurance claims for review, and its labels came from the adjusters' final "
            "decisions, joined nightly to the claim as it looked when filed. We had about two hundred thousand claims "
            "with a fraud rate near three percent. The labels were solid, since adjusters sign off every decision, so "
            "there really isn't much room for them to be wrong. Most of my time went into cleaning the free-text "
            "fields instead.")
    assert first_follow_up(text, "dd-data-quality") == "wrong_claim"


def test_a_gain_kept_clear_of_its_usual_price_weighs_both_sides() -> None:
    from coach.scoring.signals import tradeoff_evidence
    from coach.scoring.text import sentences
    said = ("We moved the long-tail queries back to the heavier model and kept the light one for the head, which "
            "cut serving cost by a quarter without hurting recall on rare queries.")
    assert tradeoff_evidence(sentences(said))
    assert not tradeoff_evidence(sentences("We moved the long-tail queries back to the heavier model, and serving "
                                           "cost went down by a quarter."))



def test_an_outcome_claimed_by_its_size_in_words_is_asked_to_be_measured() -> None:
    # no story result, only a claim: the card quotes the claim (a clause a follow-up can say back), not "no sentence
    # states an outcome"
    text = ("I pushed hard for one shared evaluation harness across the ranking teams because I think common metrics "
            "make everyone faster, so I ran workshops, wrote the guide and lobbied the leads. By the spring the "
            "number of bad launches dropped dramatically.")
    gap = next(g for g in score_for(text, "bh-raising-standards").gaps if g.id == "no_result")
    assert gap.evidence == 'the outcome is not measured: "By the spring the number of bad launches dropped dramatically"'


def test_when_the_outcome_came_is_no_measure_of_it() -> None:
    text = ("Last year I led the push to get every ranking team onto one offline evaluation harness. I set up the "
            "shared metrics library and ran a weekly review of each team's results. After two quarters the number of "
            "bad launches dropped dramatically and the teams were happier.")
    card = score_for(text, "bh-raising-standards")
    assert not card.star.measurable_result
    assert any(g.id == "no_result" and "bad launches dropped" in g.evidence for g in card.gaps)


def test_two_measures_that_moved_apart_said_in_one_breath_are_a_trade_off_shown() -> None:
    from coach.scoring.signals import tradeoff_evidence
    from coach.scoring.text import sentences
    assert tradeoff_evidence(sentences("In the test, watch time rose by four percent but the share of people who "
                                       "came back the next week fell by a point."))
    assert not tradeoff_evidence(sentences("In the test, watch time rose by four percent and returns rose too."))
