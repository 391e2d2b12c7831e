"""Training compute said through its rule of thumb ("six FLOPs per parameter per token") is training, even when the
answer never says the word: it is not checked against decoding's two FLOPs per parameter."""
from __future__ import annotations

from tests.scored import card_for


def test_the_six_flops_rule_is_read_as_training_compute() -> None:
    card = card_for("nm-pretrain-time",
                    "Six flops per parameter per token, so one billion parameters times twenty billion tokens "
                    "times six is about 1.2 times ten to the twenty flops. Eight cards at a hundred teraflops each give eight times ten "
                    "to the fourteen a second, so about a hundred and fifty thousand seconds, roughly forty two hours.",
                    level="staff")
    assert card.sizing.checks and all(c.ok for c in card.sizing.checks), [c.to_dict() for c in card.sizing.checks]
    assert not any(g.id == "bad_math" for g in card.gaps)


def test_a_decoding_figure_is_still_checked_against_two_flops_a_parameter() -> None:
    card = card_for("nm-pretrain-time",
                    "For a seven billion parameter model, generating each new token costs about 1.4 times ten to the "
                    "twelve flops.", level="staff")
    assert any(not c.ok for c in card.sizing.checks), [c.to_dict() for c in card.sizing.checks]
