"""Security services drawn in a design but switched off: a finding on each one, whatever the design's scope."""

from __future__ import annotations

from collections.abc import Iterator

from wadesk.rules.base import Hit
from wadesk.rules.context import Context


def disabled_services(ctx: Context, kind: str, watched: frozenset[str] | None, message: str) -> Iterator[Hit]:
    """A hit on every ``kind`` node drawn disabled when none of them is enabled.

    The drawing says the service is off, so this is judged for a workload as for an account (README, "What a
    design stands for: scope"); a design with no such node says nothing about it and gets no finding here.
    ``watched`` limits the finding to designs holding something the service would examine (None: any kind).
    ``message`` is completed with the node's label in front.
    """
    services = ctx.nodes(kind)
    if not services or any(ctx.prop(n, "enabled", True) for n in services):
        return
    if watched is not None and (not watched or not ctx.has_kind(*sorted(watched))):
        return
    for node_id in services:
        yield Hit(node_id, f"{ctx.label(node_id)} {message}")
