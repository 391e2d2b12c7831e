"""Textual's Footer without its slow leak: every screen uses this one.

On each recompose (after every focus or bindings change) Textual's Footer builds
new FooterKey widgets and data-binds each to the footer's `compact` reactive.
Textual drops the watchers of removed widgets only when `compact` itself
changes, which it never does here, so every old FooterKey (with its styles and
render caches) stayed reachable: about 20 widgets and 0.4 MB per answered
question in a long interview. After each recompose this footer drops the
watchers of closed widgets, by the same rule Textual applies when the value
changes.
"""
from __future__ import annotations

from textual.widgets import Footer as TextualFooter


class Footer(TextualFooter):
    async def recompose(self) -> None:
        await super().recompose()
        drop_closed_watchers(self)


def drop_closed_watchers(obj: object) -> int:
    """Forget watchers on `obj`'s reactives whose widget has been removed; returns how many."""
    watchers = getattr(obj, "__watchers", None)     # where textual.reactive keeps watch()/data_bind() watchers
    if not isinstance(watchers, dict):
        return 0
    dropped = 0
    for pairs in watchers.values():
        kept = [(node, callback) for node, callback in pairs
                if not (getattr(node, "_closing", False) or getattr(node, "_closed", False))]
        dropped += len(pairs) - len(kept)
        pairs[:] = kept
    return dropped
