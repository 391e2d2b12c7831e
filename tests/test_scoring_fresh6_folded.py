"""Rules added after the sixth fresh part of the graded set was scored and folded into tuning."""
import re

from coach.scoring import score_answer


def test_a_long_chronology_that_misses_what_was_asked_is_not_substance() -> None:
    from coach.content.loader import default_content
    content = default_content()
    story = ("well first i studied physics at university and spent three summers in a lab measuring crystals, then "
             "i taught maths at a school for a while, after which a friend got me into an insurance firm where i "
             "cleaned spreadsheets, later i moved cities twice, joined a retailer, sat in many meetings about "
             "reports, helped with some audits, organised the office move and lately i have been reading a lot "
             "about all sorts of new things in the evenings and weekends, gardening, chess, cooking, hiking trips with "
             "cousins, volunteering at a shelter and painting old furniture")
    card = score_answer(story, question=content.questions["rc-background"], round_spec=content.rounds.get("recruiter"),
                        rubric=content.rubrics.get("recruiter"), level="senior")
    assert 2 * len(card.talking_points.covered) < card.talking_points.total
    # many distinct words, but the substance floor lifts it at most one level above its talking points
    assert card.overall <= 2.0, card.calibration.steps
    lifts = [float(m.group(1)) for s in card.calibration.steps if (m := re.search(r"substance ([\d.]+)", s))]
    assert lifts and max(lifts) <= 3.0 * (card.talking_points.score or 0.0) / 5.0 + 1.0, card.calibration.steps


def test_the_result_quote_is_the_outcome_told_after_the_last_step() -> None:
    card = score_answer("Our warehouse team waited two days for every stock report. I rewrote the report as an "
                        "incremental job. The run time dropped from two days to ten minutes, a 99 percent cut. I then "
                        "moved the heaviest queries onto a nightly summary table and briefed the buyers. As a result, "
                        "stock-outs fell by 30 percent that quarter.")
    assert card.star.labels[2] == card.star.labels[4] == "result", card.star.labels
    # the mid-story effect of one step is still a result, but the quote is the outcome after the last step
    assert card.star.result.evidence[0].startswith("As a result"), card.star.result.evidence
