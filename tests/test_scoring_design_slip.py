"""A design that picks a component on its own wrong figure ("about 35 gigabytes with the optimiser, so it fits on one
card and we do not need any sharding") could not work as told: held below the senior bar, however complete the rest;
the same slip with no choice drawn from it is only the cost of a wrong figure."""
from __future__ import annotations

from tests.scored import card_for

BASE = ("We are training a 14 billion parameter model on 300 billion tokens. For memory, with Adam in mixed precision "
        "each parameter takes about two and a half bytes, so around 35 gigabytes in all. {choice} Compute is 6 times 14e9 "
        "times 300e9, about 2.5e22 FLOPs; 128 GPUs at 300 teraflops and forty percent utilisation give about 1.5e16 a "
        "second, so roughly 1.7 million seconds, around twenty days. We checkpoint every hour to object storage and "
        "restart from the last checkpoint when a node fails, and the data loader prefetches so the GPUs stay busy. I "
        "would track every run's config, data version and commit, watch the loss and the gradient norm, and stop a run "
        "that diverges.")
CHOSEN = BASE.format(choice="That fits on one eighty gigabyte card, so we do not need any sharding: plain data "
                            "parallel with a full copy on each GPU.")
UNUSED = BASE.format(choice="We shard the optimiser state and the gradients across the data parallel group with FSDP.")


def test_a_component_chosen_on_a_wrong_figure_holds_the_design_down() -> None:
    card = card_for("sd-distributed-training", CHOSEN)
    assert card.calibration is not None
    assert any("design choice rests on a wrong figure" in s for s in card.calibration.steps), card.calibration.steps
    assert card.overall <= 2.2


def test_the_same_slip_with_no_choice_drawn_from_it_is_not_held_there() -> None:
    card = card_for("sd-distributed-training", UNUSED)
    assert card.calibration is not None
    assert not any("design choice rests" in s for s in card.calibration.steps)
    assert any(not c.ok for c in card.sizing.checks)
