"""A design that ships its system (a rollout, a launch experiment, a retraining schedule) and never says how anyone
would learn that it broke once live is probed on monitoring: how it goes out is not how it is watched."""
from __future__ import annotations

from coach.content import default_content
from coach.eval.followup_gaps import aim

ETA_SHIPPED = (
    "Before I start, how many trip requests do we get at peak, and how fast must an estimate come back? Forty "
    "thousand a second at peak and under fifty milliseconds, fine. I'd predict the remaining travel time per road "
    "segment with gradient boosted trees on the segment, hour of week and live speed from the last five minutes, "
    "and sum the segments along the route the router already picked. A graph neural network over the whole road "
    "map would catch how jams spread, but I'd take the trees over it because they serve inside the budget on "
    "CPUs and the team already runs them. Live speeds come from driver phones every few seconds into a stream "
    "job that keeps a five minute average per segment in a key value store. Forty thousand requests with about "
    "sixty segments each is two point four million lookups a second, so the store is sharded by city. The model "
    "is retrained every night on the last eight weeks of finished trips. Then we roll it out city by city.")


def _probe(text: str, question: str) -> str:
    content = default_content()
    return aim({"round": "system-design", "text": text}, content.question(question), content).gap


def test_a_design_that_only_ships_is_probed_on_monitoring() -> None:
    assert _probe(ETA_SHIPPED, "sd-eta-prediction") == "no_monitoring"


def test_a_design_that_watches_its_errors_once_live_is_not() -> None:
    watched = ETA_SHIPPED.replace("Then we roll it out city by city.",
                                  "Then we roll it out city by city, and an alert pages us when the median error "
                                  "in any city climbs past two minutes.")
    assert _probe(watched, "sd-eta-prediction") != "no_monitoring"
