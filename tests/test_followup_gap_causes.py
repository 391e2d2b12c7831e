"""The follow-up goes after the real gap, for the causes held-out 22 showed, each in fresh words: a gap of arithmetic
raised on figures that carry none (a peak whose multiple is said in a later sentence, a peak of a few a second over a
tiny average, the budget said again without "dollars", a small fleet kept for availability, a bare amount that is the
thing's own and not a restated rate), a result read into a rollout step ("we cut over") or into a sum of what would
happen, a share whose figure opens the next sentence, and non-answers in words the lists lacked."""
from coach.scoring import napkin, sidestep, sizing, star
from coach.scoring.text import clean, sentences


def _checks(text: str) -> list[napkin.Check]:
    text = clean(text)
    qs = sizing.extract(text, sentences(text))
    return napkin.check(qs, text, sizing.factors(text))


def _quantities(text: str) -> list[sizing.Quantity]:
    text = clean(text)
    return sizing.extract(text, sentences(text))


def test_a_peak_whose_multiple_is_said_in_a_later_sentence_checks_out() -> None:
    text = ("Half a million a day, two hundred requests a second at the lunch peak, and a hundred milliseconds. Okay. "
            "Half a million a day is about six a second on average, so the lunch peak is about thirty-five times the "
            "average.")
    peaks = [c for c in _checks(text) if c.rule == "peak"]
    assert peaks and all(c.ok for c in peaks)


def test_a_peak_of_a_few_a_second_over_a_tiny_average_is_a_floor() -> None:
    text = ("at my old job we got something like five thousand support questions a day, so i'll plan for that, call it "
            "a peak of four a second.")
    peaks = [c for c in _checks(text) if c.rule == "peak"]
    assert peaks and all(c.ok for c in peaks)


def test_the_budget_said_again_without_dollars_is_money() -> None:
    text = ("Serving may cost twenty thousand dollars a month. Three small pods are nothing against twenty thousand a "
            "month.")
    again = [q for q in _quantities(text) if q.text.startswith("twenty thousand a month")]
    assert again and again[0].kind == "cost"


def test_a_small_fleet_kept_for_availability_is_no_miscount() -> None:
    text = ("Two hundred thousand orders a day is about two a second on average. A linear model scores in about one "
            "millisecond on one core, so fifty a second is far under one core; I'd still run three replicas across two "
            "zones for safety.")
    assert not [c for c in _checks(text) if c.rule == "capacity" and not c.ok]


def test_a_bare_amount_of_a_thing_measured_before_takes_that_thing_unit() -> None:
    text = ("It served about three thousand requests a second over an index of five million documents, and a year "
            "later traffic was twenty thousand a second and the index had grown to forty million.")
    forty = [q for q in _quantities(text) if q.text.startswith("forty million")]
    assert forty and forty[0].kind == "dataset"


def test_cutting_over_is_a_rollout_step_not_a_result() -> None:
    scores = star.label_sentence("I soak tested it at ten thousand queries a second and we cut over one region at a "
                                 "time over a week.")
    assert scores["result"] == 0.0


def test_a_sum_of_what_would_happen_is_no_result() -> None:
    scores = star.label_sentence("About six in ten of those discounts would go to people staying anyway, which came to "
                                 "roughly two hundred thousand dollars a month.")
    assert scores["result"] == 0.0


def test_a_share_whose_figure_opens_the_next_sentence_is_checked() -> None:
    text = "Say twenty million rows with half a percent positive. That's about ten thousand positives, which is thin."
    assert [c for c in _checks(text) if c.rule == "share" and not c.ok]


def test_no_single_one_standing_out_and_declining_to_say_in_general_are_declines() -> None:
    assert sidestep.declines("Honestly I don't think there's one failure that stands out; it's more a pattern.")
    assert sidestep.declines("It's hard to say in general, and I wouldn't want to guess before seeing the data.")


def test_the_missed_point_on_resampling_is_asked_about_resampling() -> None:
    from coach.content import default_content
    from coach.followups import choice

    content = default_content()
    question = content.questions["ts-calibration"]
    evidence = f'missed 1 of 5 talking points: "{question.talking_points[4]}"'
    asked = choice.bank_followup(question, "missing_point", [question.prompt], content.gaps, evidence, "")
    assert "downsampled" in asked and "AUC" not in asked


def test_a_scaling_story_without_its_result_is_asked_what_came_after_the_change() -> None:
    from coach.content import default_content
    from coach.followups import choice

    content = default_content()
    question = content.questions["dd-scaling"]
    asked = choice.bank_followup(question, "no_result", [question.prompt], content.gaps, "no sentence states an outcome",
                                 "We moved the features to a sharded cache and cut over region by region.")
    assert "live" in asked and "before and after" not in asked
