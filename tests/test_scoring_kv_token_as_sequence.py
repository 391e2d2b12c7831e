"""The KV-cache product of the architecture (2 x layers x width x bytes) is the cache of one token. Said as the cache
of a whole conversation while the answer gives the context length, the token count was left out: the figure is
flagged at the KV-cache step with the cache of one full sequence, and the same figure said per token is right."""
from __future__ import annotations

from tests.scored import card_for

BASE = ("We serve a seven billion parameter chat model with thirty-two layers and a hidden size of four thousand and "
        "ninety-six, kept in fp16. Keys and values together come to two times thirty-two times four thousand and "
        "ninety-six times two bytes, about 0.5 megabytes {said}, and we cap every chat at eight thousand tokens.")


def _kv_checks(said: str) -> list[tuple[bool, float]]:
    card = card_for("sd-llm-serving", BASE.format(said=said))
    return [(c.ok, c.expected) for c in card.sizing.checks if c.rule == "kv_cache"]


def test_the_per_token_product_said_for_a_whole_conversation_is_flagged() -> None:
    checks = _kv_checks("for each conversation")
    assert checks and not checks[0][0], checks
    assert abs(checks[0][1] - 2 * 32 * 4096 * 2 * 8000) / (2 * 32 * 4096 * 2 * 8000) < 0.01


def test_the_same_product_said_per_token_checks_out() -> None:
    checks = _kv_checks("for every token")
    assert checks and all(ok for ok, _ in checks), checks
