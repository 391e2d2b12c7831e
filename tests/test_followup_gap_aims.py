"""The gap the interview's first follow-up aims at, by the interview's own engine, with no model loaded."""
from __future__ import annotations

import json

from coach import services
from coach.content import default_content
from coach.domain import Transcript
from coach.eval import followup_gaps
from coach.eval import followups as fe
from coach.scoring import score_answer
from tests.fixtures.scoring import first_follow_up


def test_a_thin_plan_for_a_what_would_you_do_question_is_probed_not_passed_over() -> None:
    text = ("I'd mostly get to know people first. I'd have coffee with everyone on the team, read through the "
            "wiki, and try to pick up a few small tickets so I learn how things are done here.")
    assert first_follow_up(text, "hm-first-90-days") == "missing_point"


def test_gaps_only_mode_reports_the_engines_gap_per_case_without_loading_a_model(monkeypatch, capsys) -> None:
    def no_model(*_: object, **__: object) -> None:
        raise AssertionError("--gaps-only must not load a model")

    monkeypatch.setattr(services, "build_interviewer", no_model)
    assert fe.main(["--gaps-only", "--set", "held-out 6", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)["gaps"]
    assert result["cases"] == 20 and set(result["sets"]) == {"held-out 6"}
    assert result["gap_accuracy"] >= 0.95       # folded in after it was scored: a guard, not a measure
    assert all(m["gap"] != m["label"] for m in result["misses"])


def test_gaps_only_aims_a_measured_story_at_what_it_left_out_not_at_its_result() -> None:
    content = default_content()
    strong = {"round": "behavioral", "top_gap": "no_result", "text": (
        "Last spring our fraud model's recall fell from ninety to seventy percent in two weeks, and I owned the fix. "
        "I traced it to a new merchant category the features had never seen, I added it to the encoder and a "
        "drift alert on category shares, and I retrained. Recall was back at eighty-nine percent within four days, "
        "and the alert has caught two more shifts since.")}
    aim = followup_gaps.aim(strong, content.question("bh-production-incident"), content)
    assert aim.gap == "missing_point" and "no_result" not in {g.id for g in aim.card.gaps}
    assert "talking points" in aim.finding.evidence


def test_an_unknown_set_is_one_line_naming_the_sets(capsys) -> None:
    assert fe.main(["--gaps-only", "--set", "no such set"]) == 2
    err = capsys.readouterr().err
    assert "held-out 6" in err and "Traceback" not in err



def _gaps(text: str, qid: str) -> list[str]:
    content = default_content()
    q = content.question(qid)
    card = score_answer(Transcript(text), question=q, round_spec=content.round(q.round), rubric=content.rubric(q.round))
    return [g.id for g in card.gaps]


def test_a_size_each_after_a_parameter_count_is_bytes_per_parameter_not_the_total() -> None:
    text = ("I'd ask how many users first, and assume a seven billion parameter model; at two bytes each that is "
            "fourteen gigabytes of weights, which fits one forty-gigabyte card with room for the cache. I'd put a "
            "queue in front, use continuous batching over static batches at the cost of some complexity, and page "
            "on the p99 latency.")
    assert "bad_math" not in _gaps(text, "sd-llm-serving")


def test_a_precision_named_with_the_wrong_bytes_each_is_the_wrong_step() -> None:
    text = ("Take a seventy billion parameter model. In bf16 each parameter needs four bytes, so the weights come "
            "to two hundred and eighty gigabytes, which means four eighty-gigabyte cards per replica.")
    content = default_content()
    q = content.question("sd-llm-serving")
    card = score_answer(Transcript(text), question=q, round_spec=content.round(q.round), rubric=content.rubric(q.round))
    wrong = [c for c in card.sizing.checks if not c.ok]
    assert wrong and wrong[0].claimed == "four bytes" and "bf16" in wrong[0].inputs and wrong[0].expected == 2


def test_a_daily_total_done_in_a_batch_window_is_divided_by_the_window_not_the_day() -> None:
    right = ("We refresh forty million items a day, scored in a four-hour overnight window, that is about "
             "two thousand eight hundred a second.")
    wrong = ("We refresh forty million items a day, scored in a four-hour overnight window, that is about "
             "four hundred and sixty a second.")
    assert "bad_math" not in _gaps(right, "sd-home-recommendations")
    assert "bad_math" in _gaps(wrong, "sd-home-recommendations")


def test_a_rate_times_a_size_said_as_a_product_is_checked_as_bandwidth() -> None:
    text = ("Say twenty thousand requests a second, each carrying three hundred features of four bytes. That's twenty "
            "thousand times twelve hundred bytes, so about two hundred and forty megabytes a second.")
    assert "bad_math" in _gaps(text, "sd-feature-store")
    assert "bad_math" not in _gaps(text.replace("two hundred and forty megabytes", "twenty-four megabytes"),
                                   "sd-feature-store")


def test_taking_one_option_over_another_or_accepting_a_cost_is_a_trade_off() -> None:
    for said in ("For the index I'd use a graph index over a flat scan, since queries must stay under ten milliseconds.",
                 "I'd keep features in memory, accepting the higher hosting cost, because reads must stay fast."):
        assert "no_tradeoff" not in _gaps("Let me assume five thousand queries a second. " + said, "sd-embedding-platform")


def test_deferring_the_question_to_the_end_or_to_a_look_up_is_a_non_answer() -> None:
    text = ("Okay, gradient clipping. To be honest I'd need to look that one up properly, it's been a while since I "
            "touched the training loop myself. Would it be alright if we came back to it at the end?")
    assert _gaps(text, "ts-loss-functions")[0] == "non_answer"


def test_a_trait_in_place_of_the_story_asked_for_is_a_non_answer() -> None:
    text = ("I'd say my weakness is probably that I'm too patient with people. I usually give teammates a lot of room "
            "to find their own way, and now and then that means a problem sits a little longer than it should.")
    assert _gaps(text, "bh-struggling-teammate")[0] == "non_answer"
    story = ("Last year a new teammate kept missing review deadlines. I paired with him twice a week for a month, "
             "and his reviews went from a week late to on time.")
    assert _gaps(story, "bh-struggling-teammate")[:1] != ["non_answer"]


def test_a_design_with_no_figures_is_asked_for_numbers_even_when_it_says_one_shared_model() -> None:
    # "one shared user ... model" counts one user: no design is sized by a handful of users
    text = ("First I'd ask what the teams measure today and which data each one may use. Fine: each keeps its own "
            "offline metric, and the ads side may not touch private messages. So I'd train one shared user and item "
            "model on the pooled events instead of three separate ones, which costs some per-team fit, and let each "
            "team tune a small head on top. Versions get an owner and a compatibility test and the old one stays up "
            "until every consumer has moved. After launch I'd monitor lookup latency, recall against exact search "
            "and every team's own metric, with a canary and a rollback on each new version.")
    assert first_follow_up(text, "sd-embedding-platform") == "no_numbers"


def test_people_won_for_the_work_are_a_step_not_the_storys_outcome() -> None:
    text = ("Two years ago each modelling team shipped to production its own way, and a model took about ten weeks "
            "from notebook to traffic. I wrote a proposal for one paved road and split it into three milestones. "
            "I got three engineers funded by showing the director the weeks lost, and grew that to six once the "
            "first template was in use. Later the serving piece hit a latency wall for one team, so I let them keep "
            "their stack behind the same interface. In the end I handed each piece to a named owner with an "
            "on-call rotation.")
    assert first_follow_up(text, "bh-platform-initiative") == "no_result"


def test_no_example_and_a_request_for_another_angle_is_a_non_answer_even_at_length() -> None:
    text = ("Hmm, a practice that other teams picked up from me. Honestly I can't think of a good example of that. "
            "Most of our conventions come from the central platform people, and my own focus has mostly been on "
            "getting my models solid rather than telling neighbouring teams what to do. I do care about doing "
            "things properly, though, and I try to review carefully. Is there another angle on this you'd like "
            "me to take instead?")
    assert len(text.split()) > 60
    assert first_follow_up(text, "bh-raising-standards") == "non_answer"


def _gap_ids(text: str, qid: str) -> list[str]:
    content = default_content()
    q = content.question(qid)
    card = score_answer(Transcript(text), question=q, round_spec=content.round(q.round), rubric=content.rubric(q.round),
                        level="senior")
    return [g.id for g in card.gaps]


def test_a_design_that_names_the_price_of_its_choices_is_not_asked_for_a_trade_off() -> None:
    opening = ("I'll take it we see around twenty thousand searches a second at peak and want a p99 under eighty "
               "milliseconds. Retrieval is an approximate nearest neighbour index over item embeddings, rebuilt hourly. ")
    closing = (" A light ranker then orders the top two hundred. I'd add dashboards on click rate and latency, an alert "
               "on empty result pages, and a canary for every index rebuild.")
    for weighed in ("The hourly rebuild keeps queries cheap at the price of new items showing up to an hour late.",
                    "I'd buy the vector database: running it ourselves saves licence fees but costs a small team nights "
                    "on call."):
        assert "no_tradeoff" not in _gap_ids(opening + weighed + closing, "sd-search-ranking"), weighed
    assert "no_tradeoff" in _gap_ids(opening + closing.strip(), "sd-search-ranking")
