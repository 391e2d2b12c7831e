"""A design that rules a mismatch out by construction ("one definition compiled to both paths, so the two can never
drift apart") has said nothing about watching the live system: the card still asks how it would be monitored."""
from __future__ import annotations

from coach.content import default_content
from coach.scoring import score_answer

DESIGN = ("Assuming the hundred thousand lookups a second and ten milliseconds you gave me, I'd keep each feature as a "
          "single declarative spec that generates both the nightly backfill and the streaming updater, so offline and "
          "online values never drift apart. History sits in the lake, about forty terabytes, joined as of each label's "
          "time. The serving copy lives in a replicated key value store, roughly a hundred megabytes a second of reads. "
          "I'd choose to build it over buying one, because of the deletion rules on personal fields, though buying "
          "would get the first team live sooner.")


def test_ruled_out_by_design_is_not_watched() -> None:
    q = default_content().question("sd-feature-store")
    card = score_answer(DESIGN, question=q, level="staff")
    assert "no_monitoring" in {g.id for g in card.gaps}
