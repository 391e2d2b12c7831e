"""A generalisation probe: short answers written for this file, in settings and wordings unlike the graded set
(tests/data/graded), each with the band a strong interviewer would give it. Weak answers (grade 1-2) must score at
most 2.0 and strong ones (grade 5) at least 4.0. The probe is for checking that rules fitted on the graded parts carry
to new wordings; no rule is fitted on a probe answer alone."""
from __future__ import annotations

import pytest

from tests.fixtures.scoring import score_for

WEAK, STRONG = "weak", "strong"

# (question id, level, band, answer)
WRONG_CLAIMS = [
    ("ts-calibration", "senior", WEAK,
     "A calibrated classifier is simply one with a high AUC. Once the AUC is above 0.9 the scores are automatically "
     "trustworthy as probabilities, so there is nothing more to do. Calibration only really matters in multi-class "
     "problems; for a yes or no model you can ignore it. I would avoid Platt scaling because it reorders the "
     "predictions and lowers the AUC."),
    ("ts-drift-types", "senior", WEAK,
     "Data drift and concept drift are two names for the same thing: the accuracy went down. The way you spot either "
     "one is by watching the training loss every night. When it happens the fix is always the same, retrain on the "
     "same data for more epochs so the model fits better."),
    ("ts-regularization", "senior", WEAK,
     "L1 adds the squared weights to the loss and L2 adds the absolute values. L2 is the one that drives weights to "
     "exactly zero, so it is what you pick for feature selection. Regularisation raises variance, which is why you "
     "add more of it when a model underfits."),
    ("ts-validation-strategy", "senior", WEAK,
     "For forecasting problems I always shuffle the rows before splitting, because that removes the seasonal bias "
     "from the test set. Ten-fold cross validation on shuffled rows is the gold standard for everything. It is fine "
     "to tune the hyperparameters on the test set as long as you report that number at the end."),
    ("ts-offline-online-gap", "senior", WEAK,
     "If it won offline then it is the better model, full stop. The A/B test is most likely just noise, so I would "
     "ship it anyway. Offline numbers are always more reliable than online ones because they are computed on far "
     "more data than an experiment ever sees."),
    ("ts-ab-testing", "senior", WEAK,
     "I look at the p-value every hour and stop the test the moment it drops below 0.05, which saves a lot of "
     "traffic. Randomising by request is better than by user because you collect many more samples that way. On a "
     "large site a sample size calculation is not needed, the volume takes care of it."),
    ("cd-kmeans", "senior", WEAK,
     "K-means works out the right number of clusters by itself, so you never have to choose k. It always reaches "
     "the global optimum, so the starting points do not matter. For a dataset that does not fit in memory you just "
     "run it on the first thousand rows, which is representative enough."),
    ("ts-loss-functions", "senior", WEAK,
     "Mean squared error is the best loss for classification because it is smooth everywhere. Cross-entropy is "
     "really only meant for image models. I have never needed to change a loss, since the optimiser fixes any "
     "mismatch between the loss and the business goal."),
]

COMPLAINTS = [
    ("rc-why-looking", "senior", WEAK,
     "Honestly, leadership at my current company has lost its way. Decisions get made by executives who do not "
     "understand machine learning, and my manager presents the team's work as his own. I have delivered more than "
     "anyone in the group and been passed over for promotion twice. The culture has become political and I no "
     "longer believe in where the company is going. I want somewhere that actually values its engineers."),
    ("rc-why-looking", "staff", WEAK,
     "I would call it a misalignment of values. The organisation describes itself as data-driven, but in practice "
     "the vice presidents override every model with their instinct. The product organisation is chaotic, the "
     "roadmap changes every fortnight, and my skip-level is not someone I can learn from. I have outgrown the "
     "place and it has stopped investing in people like me."),
    ("rc-looking-for", "senior", WEAK,
     "Mostly somewhere that is not like my current place, where the data team is treated as a help desk and the "
     "priorities change depending on who shouted loudest that week. My manager avoids any hard conversation and the "
     "engineers who complain get the interesting projects. I want a team that is run properly."),
    ("hm-why-this-team", "senior", WEAK,
     "Frankly I need to get out of where I am. The pay is well below market, my manager micromanages every pull "
     "request, and the company keeps announcing reorganisations that go nowhere. From the outside your team looks "
     "far better run, and a year from now I would like to be somewhere I am appreciated."),
    ("bh-pushback-leadership", "senior", WEAK,
     "Leadership asked for a feature that made no sense at all. I told them it was a bad idea. As usual they did "
     "not listen, it went ahead and it failed, exactly as I had predicted. That is typical of that company: the "
     "directors never listen to engineers and nobody is ever held accountable."),
    ("xf-upstream-pipeline", "senior", WEAK,
     "The data engineering group there was frankly not competent. Their pipeline broke nearly every week and they "
     "never took ownership of it. I raised it with my manager again and again and nothing changed. In the end I "
     "stopped relying on them, and it is one of the reasons I am leaving."),
]

THIN_STORIES = [
    ("bh-disagreement", "senior", WEAK,
     "On a previous project I disagreed with a colleague about the approach for a model. My goal was to make sure we "
     "chose the best option for the business. I listened to their point of view, shared my concerns and we went "
     "through the pros and cons together. In the end we aligned on a solution and the project was a success."),
    ("bh-production-incident", "senior", WEAK,
     "We had an incident with one of our models in production. I was responsible for resolving it. I investigated "
     "the issue, identified the root cause and worked with the team to fix it, and I kept stakeholders informed "
     "throughout. As a result the issue was resolved quickly and we put measures in place so it would not happen "
     "again."),
    ("bh-mentoring", "senior", WEAK,
     "I mentored a junior engineer on my team. My objective was to help them grow. I held regular one-on-ones, gave "
     "them honest feedback and found stretch opportunities for them. Over time they became much more confident and "
     "independent, and everyone noticed the difference."),
    ("bh-cost-reduction", "senior", WEAK,
     "Our inference costs had become too high. I was tasked with bringing them down. I analysed the system, found "
     "the inefficiencies and optimised both the model and the infrastructure. This resulted in significant cost "
     "savings and better performance overall."),
    ("xf-metric-conflict", "senior", WEAK,
     "Product wanted engagement and engineering wanted accuracy. My role was to bring the two sides together. I set "
     "up meetings, facilitated the discussions and helped everyone understand the trade-offs involved. Ultimately "
     "we found a balance that worked for both sides and everyone was happy with the outcome."),
    ("bh-ambiguity", "senior", WEAK,
     "I was handed a project with a vague goal. My task was to turn it into something concrete. I gathered the "
     "requirements, broke the problem down into smaller pieces and prioritised them with the team. The project was "
     "delivered on time and was very well received."),
    ("bh-simple-over-complex", "senior", WEAK,
     "The team wanted to use a complex deep learning model. I felt a simpler approach would serve us better. I made "
     "the case, built the simpler model and showed that it worked well. We shipped it, it performed great, and "
     "everyone agreed in the end that it had been the right decision."),
    ("bh-struggling-teammate", "senior", WEAK,
     "A teammate of mine was falling behind and it was starting to affect our delivery. I saw it as my "
     "responsibility to help. I had a supportive conversation with them, offered help and adjusted how we split "
     "the work. After that things improved a lot and we delivered the project successfully."),
]

STRONG_PLAIN = [
    ("bh-biggest-mistake", "senior", STRONG,
     "I looked after the model that told a city bike-share scheme where to move bikes overnight. I changed how it "
     "counted demand so that a station that sat empty counted as zero demand rather than unknown. That was my "
     "mistake: an empty station is exactly where people wanted bikes and could not get them. For three weeks the "
     "vans moved bikes away from the busiest stations near the rail terminals. I found it when I compared the "
     "model's plan with the complaint log and saw the terminal stations at the top of both. I put the old counting "
     "back the same day, then rebuilt the demand figure from trips started in the half hour after a van refilled a "
     "station. I told the operations lead what I had got wrong and how many mornings it had hurt. Within a month, "
     "mornings with an empty terminal station fell from eleven a week to two. What I learned is to check any "
     "change to a label against the complaints before it ships, and I now add that comparison to every change I "
     "review."),
    ("bh-model-not-shipped", "senior", STRONG,
     "At a hospital group I built a model that forecast how many beds each ward would need two days ahead, and the "
     "bed managers were keen to switch to it before winter. Its average error was about a third lower than the "
     "spreadsheet they used, so on paper it was ready. I split the error by day of the week and found that on "
     "Mondays it was short by nine beds on average, because it had learned from weekends when fewer patients were "
     "discharged. Running short on a Monday means patients waiting in corridors, which is worse than a few empty "
     "beds. I told the bed managers I would not switch it on yet, showed them the Monday numbers next to the "
     "spreadsheet's, and offered to run both side by side for four weeks. In that time I added the planned "
     "discharge list as an input, and the Monday shortfall dropped to two beds. We switched over in January, and "
     "corridor waits that winter were about forty percent lower than the winter before. Next time I would split "
     "the error by weekday from the first day instead of after the launch date was set."),
    ("ts-calibration", "senior", STRONG,
     "A classifier is well calibrated when its scores can be read as probabilities: of all the cases it scores at "
     "0.3, about thirty percent really are positive. You check it with a reliability plot, bucketing the scores and "
     "comparing each bucket's average score with the share of positives in it, or with a single number like the "
     "Brier score or expected calibration error. A model can rank perfectly and still be badly calibrated, because "
     "ranking only needs the order right, so AUC tells you nothing about it. Calibration matters whenever the number "
     "itself is used, not just the order: when you pick a threshold by expected cost, when you multiply the score "
     "by a price, or when you combine scores from several models. It matters less when you only take the top "
     "results. Boosted trees and models trained on downsampled data are often off, and you fix it after training "
     "with Platt scaling or isotonic regression fitted on a held-out slice, never on the training data. On a "
     "warranty claims model I worked on, the scores were about twice the real rate because we had downsampled "
     "the negatives, and the finance team was using them to set reserves. Isotonic regression on a month of held-out "
     "claims brought the reserve estimate within five percent of what was actually paid out."),
    ("ts-drift-types", "senior", STRONG,
     "Data drift is a change in the inputs: the mix of customers, devices or values the model sees moves away from "
     "what it was trained on, while the relationship between inputs and the outcome may be the same. Concept drift "
     "is a change in that relationship itself: the same inputs now lead to a different outcome, like a spam filter "
     "when senders change their tricks. They call for different responses. Data drift you can see right away "
     "without labels, by comparing feature distributions against a training reference with something like "
     "population stability index, and often the model still does fine on the new region if it saw some of it; "
     "reweighting or retraining with recent data covers it. Concept drift you mostly cannot see in the inputs, "
     "only in the outcomes once labels arrive, so you need a feedback loop with delayed labels, and retraining on "
     "old labels will not help because they teach the old rule. For a parcel delivery time model I ran, a new "
     "carrier contract changed how long the last mile took for the same routes; the inputs looked identical but "
     "the error on those routes doubled within two weeks. We caught it from the labelled error per carrier, not "
     "from input monitoring, and retrained on data from after the contract with a carrier indicator added."),
    ("bh-cost-reduction", "senior", STRONG,
     "I ran the model that suggested translations to the human translators at a language services company. It "
     "cost about ninety thousand dollars a month to serve, mostly GPU time, and finance asked me to halve it "
     "without making the translators slower. I first logged where the time went and found that two thirds of "
     "the requests were for short segments that the translation memory already had almost word for word. I added "
     "a lookup in front of the model so that any segment with a close match in memory skipped the model "
     "entirely. For the rest I tried a smaller distilled model against the big one on two thousand real segments, "
     "and the translators' edit distance was within two percent, so I switched. I also moved the batch jobs to "
     "night-time spot instances. The monthly bill fell to about thirty-one thousand dollars, and the time "
     "translators spent per segment did not change over the next quarter. If I did it again I would have logged "
     "request types from the start; the cheap win was sitting there for a year."),
    ("xf-ds-model-not-ready", "senior", STRONG,
     "A data scientist on the pricing team at an airline wanted to ship a new fare-upgrade model, and I was the "
     "engineer who would have to run it. Her offline results were good, about eight percent more upgrades sold in "
     "back-tests. I read the feature code and saw that one input, the seats left in business class, was taken "
     "from the end-of-day snapshot, which the live system would not have until after the flight closed. Rather "
     "than just say no, I sat down with her, rebuilt that feature from the live inventory feed as it stood at "
     "each offer, and we re-ran the back-test together. The lift dropped to about three percent, still worth "
     "having. We agreed to ship it to ten percent of routes first with an alert on the upgrade rate, and after "
     "four weeks the live lift came in at just under three percent, so we rolled it out everywhere. She now asks "
     "me to review the features before she starts a back-test, which saves us both time."),
]

SPEECH = [
    ("bh-production-incident", "senior", STRONG,
     "so um this was at a grocery delivery company i was on call for the substitution model the one that picks a "
     "replacement when an item is out of stock and one saturday morning the complaints just jumped like shoppers "
     "getting dog food instead of baby food so i pulled up the dashboard and the share of substitutions that "
     "customers rejected had gone from about eight percent to thirty one percent overnight i rolled back to the "
     "previous model version first that took maybe ten minutes and the rejection rate came back down within the "
     "hour then i went looking for the cause and it turned out the catalogue team had merged two product "
     "categories on friday so the model thought pet food and baby food were the same aisle i wrote a check that "
     "compares the category list against the one the model was trained on and blocks a deploy if they differ and "
     "i added an alert on the rejection rate so we would catch it in minutes not from complaints after that we "
     "had no repeat over the next six months and honestly i learned that our monitoring watched the model but "
     "not the data it depended on"),
    ("ts-class-imbalance", "senior", STRONG,
     "okay so first i'd ask whether the imbalance is actually the problem um because a lot of the time the model "
     "ranks fine and it's the threshold or the metric that's wrong so i'd look at precision recall curves not "
     "accuracy since accuracy is useless at like one in five hundred then if the model really isn't learning the "
     "rare class i'd try class weights in the loss first since that keeps all the data and then maybe "
     "undersampling the negatives for speed but only on the training split never before splitting and if you "
     "resample you have to correct the probabilities afterwards because they won't mean the real rate anymore so "
     "i'd recalibrate on a held out set with the true ratio and then pick the threshold from the cost of a miss "
     "versus a false alarm on a fraud model i worked on we went from random undersampling to weights and the recall "
     "at our fixed alert volume went from sixty to seventy two percent"),
    ("bh-struggling-teammate", "senior", STRONG,
     "so there was this engineer on my team um who owned the feature pipeline for our churn model and he'd missed "
     "two deadlines in a row and our launch for the telecom client was in three weeks so i asked him for a coffee "
     "and just asked what was going on and it turned out he'd never worked with spark before and was too "
     "embarrassed to say so i paired with him for an hour every morning that week we rewrote the slowest join "
     "together and i split his work so that i took the backfill and he kept the daily job which he could manage "
     "the daily job went from six hours to forty minutes and we shipped two days early and he's since taught the "
     "spark basics to two new people on the team looking back i should have noticed sooner i only asked after the "
     "second miss"),
    ("bh-ambiguity", "senior", WEAK,
     "yeah so um there was this project where like the goal wasn't really clear and uh my job was to kind of make "
     "it clear so i talked to a lot of people and you know gathered requirements and then we made a plan and "
     "executed on it and uh it went pretty well in the end everyone was happy with how it turned out"),
    ("rc-why-looking", "senior", WEAK,
     "honestly um it's mostly my manager like he doesn't really get machine learning and he takes credit for "
     "stuff the team does and uh the company's gotten really political you know i got passed over for promotion "
     "even though i did more than anyone so yeah i just want to be somewhere that appreciates engineers"),
    ("ts-drift-types", "senior", WEAK,
     "so data drift and concept drift are basically the same thing um it just means the model got worse and you "
     "can see it in the training loss and uh the fix is always to retrain it on the same data for longer so it "
     "fits better yeah that's pretty much it"),
]

PROBE = [("wrong claims", *x) for x in WRONG_CLAIMS] + [("complaints", *x) for x in COMPLAINTS] + \
        [("thin stories", *x) for x in THIN_STORIES] + [("strong plain", *x) for x in STRONG_PLAIN] + \
        [("speech", *x) for x in SPEECH]


def in_band(qid: str, level: str, band: str, text: str) -> tuple[bool, float]:
    overall = score_for(text, qid, level=level).overall
    return (overall <= 2.0 if band == WEAK else overall >= 4.0), overall


# The probe answers the scorer still misses, by (kind, question id): reported, not hidden (strict: once one scores in
# its band, the mark must go).
KNOWN_MISSES = {("speech", "ts-class-imbalance"), ("thin stories", "bh-struggling-teammate")}


def _case(p: tuple[str, str, str, str, str]) -> object:
    marks = [pytest.mark.xfail(strict=True, reason="a known miss of the probe")] if p[:2] in KNOWN_MISSES else []
    return pytest.param(*p, marks=marks, id=f"{p[0]}-{p[1]}-{p[2]}")


@pytest.mark.parametrize("kind,qid,level,band,text", [_case(p) for p in PROBE])
def test_a_new_answer_scores_in_its_band(kind: str, qid: str, level: str, band: str, text: str) -> None:
    ok, overall = in_band(qid, level, band, text)
    assert ok, (band, overall, score_for(text, qid, level=level).calibration.steps)


def test_the_probe_pass_count_does_not_fall() -> None:
    passed = sum(in_band(qid, level, band, text)[0] for _, qid, level, band, text in PROBE)
    assert passed >= len(PROBE) - len(KNOWN_MISSES), passed


# --- the broad signals behind the probe, each also seen in the graded set ---------------------------------------------

def test_a_list_of_grievances_costs_a_view_and_a_story() -> None:
    view = ("I have spent four years building the forecasting stack there and I am proud of it, but the place has become "
            "very political and I was passed over for the lead role last spring, so it is time to move on.")
    card = score_for(view, "rc-why-looking")
    assert any("grievances" in s for s in card.calibration.steps), card.calibration.steps
    one = view.replace("very political and I was passed over for the lead role last spring",
                       "a different company since the merger")
    assert not any("grievances" in s for s in score_for(one, "rc-why-looking").calibration.steps)


def test_a_story_in_generic_words_is_held_at_the_thin_story_bar() -> None:
    thin = ("We had a problem with one of our models. I was responsible for fixing it. I analysed the issue, worked "
            "with stakeholders and delivered a solution. In the end the outcome was a success.")
    card = score_for(thin, "bh-production-incident")
    assert any("generic words" in s for s in card.calibration.steps), card.calibration.steps
    assert card.overall <= 2.0


def test_a_view_in_words_that_fit_any_team_stays_at_the_generic_bar() -> None:
    view = ("I have followed this team for a while and what excites me is the opportunity to work on hard problems at "
            "real scale with talented people. I bring a strong combination of technical depth and leadership, and I "
            "enjoy mentoring and raising the bar for the engineers around me. I am looking for a place where I can keep "
            "learning and growing, where the culture is collaborative and the mission is meaningful. A year from now I "
            "would like to be leading important work, shaping the direction of the team and delivering impact.")
    card = score_for(view, "hm-why-this-team")
    assert card.overall <= 2.0, card.calibration.steps
