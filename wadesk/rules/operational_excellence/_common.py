"""Helpers shared by the operational excellence rules."""

from __future__ import annotations

from wadesk.rules.context import Context


def scaling_groups(ctx: Context, node_id: str) -> list[str]:
    """The auto scaling groups drawn around a node, innermost first."""
    return [a for a in ctx.ancestors(node_id) if ctx.kind(a) == "auto_scaling_group"]


def linked_to_kind(ctx: Context, node_id: str, *kinds: str) -> bool:
    """Whether a node, or an auto scaling group around it, has a flow either way with a node of ``kinds``.

    The flows of an auto scaling group count for every instance inside it.
    """
    wanted = set(kinds)
    for subject in (node_id, *scaling_groups(ctx, node_id)):
        if any(ctx.kind(other) in wanted for other in ctx.neighbours(subject)):
            return True
    return False


def sends_to_kind(ctx: Context, node_id: str, *kinds: str) -> bool:
    """Whether a node, or an auto scaling group around it, sends to a node of ``kinds``."""
    return any(ctx.sends_to(subject, *kinds) for subject in (node_id, *scaling_groups(ctx, node_id)))
