"""The network guard really blocks, and the follow-up evaluation holds its targets on the bundled model."""
from __future__ import annotations

import socket

import pytest

from coach.eval import followups as fe
from coach.interview.summary import closing_remarks
from coach.scoring import Scorecard


def test_network_guard_blocks_tcp_connections() -> None:
    with pytest.raises(AssertionError, match="network connection"):
        socket.create_connection(("127.0.0.1", 9))
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s, pytest.raises(AssertionError, match="network connection"):
        s.connect(("10.0.0.1", 443))


def test_followups_on_labelled_answers_probe_the_labelled_gap_and_are_never_malformed() -> None:
    cases = fe.load_cases()[::3]          # every third case keeps the default run short
    assert len(cases) >= 15
    result = fe.evaluate("smollm2-135m", cases)
    assert result["malformed"] == 0
    assert result["gap_accuracy"] >= 0.85
    assert result["on_gap_rate"] >= 0.85


def test_every_held_out_follow_up_case_names_a_bank_question_and_a_gap_its_round_can_raise() -> None:
    from coach.content import default_content
    from coach.content.loader import raisable_gaps

    content = default_content()
    cases = fe.load_cases(fe.HELD_OUT_DIR)
    for case in cases:
        q = content.question(case["question"])
        assert q.round == case["round"] and case["top_gap"] in raisable_gaps(q.round, q.hypothetical), case["id"]
    assert len({c["id"] for c in cases}) == len(cases)
    fourth = [c for c in cases if c["set"] == "held-out 4"]      # scored once by hand, never tuned on
    assert len(fourth) >= 16 and len({c["round"] for c in fourth}) == 8


def test_closing_praises_nothing_when_no_dimension_reached_the_bar() -> None:
    weak = [{"dimensions": [{"id": "communication", "name": "Communication", "score": 1.2}],
             "gaps": [{"id": "no_result", "severity": 0.8}]}]
    text = closing_remarks("Best: $strength. Next: $focus.", ["Behavioral"], [Scorecard.from_dict(c) for c in weak],
                           {"no_result": "end with a result"})
    assert "communication" not in text.lower() and "end with a result" in text
    strong = [{"overall": 4.0, "dimensions": [{"id": "communication", "name": "Communication", "score": 4.2}],
               "gaps": []}]
    assert "communication" in closing_remarks("Best: $strength.", ["Behavioral"],
                                              [Scorecard.from_dict(c) for c in strong]).lower()


def test_a_clear_account_of_a_wrong_answer_is_not_called_what_worked_best() -> None:
    """Answers that average below 2 (a wrong claim, explained clearly) get no praise for the way they were said."""
    wrong = [{"overall": 1.1, "dimensions": [{"id": "correctness", "name": "Correctness", "score": 0.8},
                                             {"id": "clarity", "name": "Clarity of explanation", "score": 3.6}],
              "gaps": [{"id": "wrong_claim", "severity": 0.9}]}]
    text = closing_remarks("Best: $strength.", ["Technical screen"], [Scorecard.from_dict(c) for c in wrong])
    assert "clarity" not in text.lower() and "nothing reached the bar" in text
