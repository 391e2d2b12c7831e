"""Forms of English asking that hold on wordings nobody tuned for: the second half of an either/or, a relative
"when", an option described inside an alternative, a second ask chained on (even garbled by the transcriber), an
open matter named with "is whether", and the reason given after an either/or."""
from __future__ import annotations

from coach.interview.clarify import is_clarification


def test_a_do_question_after_or_is_the_second_half_of_an_alternative_not_a_check_in() -> None:
    assert is_clarification("Do riders book through the app only, or does it also cover phone bookings?")
    assert not is_clarification("Does that answer it, or should I go deeper?")


def test_when_after_a_noun_of_time_is_a_relative_clause_not_the_candidates_design() -> None:
    assert is_clarification("are there any quiet periods like days when we can't retrain or weekends we must skip")


def test_a_clause_inside_the_last_option_of_an_alternative_describes_that_option() -> None:
    assert is_clarification("how soon must a listing be scored, is it blocked until reviewed or is it live at once "
                            "and we clean up later")


def test_a_garbled_second_ask_chained_with_and_is_not_an_answer() -> None:
    # a transcriber turned "and is a late refund worse for us than an early one" into a statement
    assert is_clarification("before I draw anything, how many refunds do we process per hour at the holiday peak, "
                            "and the late fund test it was for us now in early one.")


def test_a_question_answered_in_the_same_breath_stays_an_answer() -> None:
    assert not is_clarification("how many refunds an hour, I'd guess about two thousand, so one worker pool is fine")
    assert not is_clarification("how many refunds do we process per hour at peak, and the figure is about two "
                                "thousand so one pool is plenty")
    assert not is_clarification("what does the refund flow look like, and the steps we keep are the usual ones so "
                                "I would just reuse them")


def test_an_open_matter_named_with_is_whether_asks() -> None:
    assert is_clarification("A thing that would reshape the whole pipeline is whether the raw clicks may be kept "
                            "past thirty days, or have to be dropped.")
    assert not is_clarification("the thing I keep asking myself is whether speed or coverage matters more, and for "
                                "us it is coverage")


def test_a_reason_after_an_either_or_question_does_not_answer_it() -> None:
    assert is_clarification("Is this one warehouse or a whole network? Stock levels and routes would behave very "
                            "differently.")
    assert not is_clarification("Is this one warehouse or a whole network? A whole network, so routing matters.")


def test_a_bare_fragment_setting_one_kind_against_another_asks_which() -> None:
    assert is_clarification("flat monthly fee or per seat licence")
    assert not is_clarification("flat monthly fee or per seat licence, I picked per seat")


def test_a_thing_the_speaker_cannot_reckon_named_then_put_for_you_asks() -> None:
    assert is_clarification("the bit i honestly can't gauge is the cost of each error, a blocked honest seller "
                            "against a missed scam, how do those weigh up for you")
    assert not is_clarification("is that enough detail for you")


def test_a_yes_no_question_closing_a_long_design_turn_asks() -> None:
    assert is_clarification("so clicks land in the queue, a job rolls them up hourly into the store, the ranker "
                            "reads them at request time and the dashboards read the same tables, and the part that "
                            "could move all of this is retention, are any of these logs tied to named users and "
                            "does a deletion request have to reach them")
    assert not is_clarification("Nine hundred shards of index, each holding about two thousand documents, is under two "
                                "million documents we have to serve from memory.")


def test_a_count_of_people_given_to_the_speaker_asks_the_team() -> None:
    from coach.interview.clarify import parts_asked
    assert parts_asked(["How many people do I get for this, and what's the deadline?"])[0] == ["team"]
    assert parts_asked(["How many raters can we have on it?"]) == [["team"]]


def test_time_spent_out_of_a_fronted_time_limit_asks_the_latency() -> None:
    from coach.interview.clarify import parts_asked
    assert parts_asked(["Of the checkout page's time limit, how much of it does the fraud score get to spend?"]) == \
        [["latency"]]
    assert parts_asked(["how much can we spend on serving each month"]) == [["budget"]]
