"""Helpers shared by the reliability rules: where nodes run, and what redundancy they have."""

from __future__ import annotations

from wadesk.model import queries as q
from wadesk.rules.context import Context
from wadesk.rules.groups import OBSERVERS

ASG = "auto_scaling_group"

#: Kinds whose flows to a node manage, observe or protect it rather than send it work.
NOT_REQUEST_SOURCES = OBSERVERS | frozenset(
    {
        "backup",
        "systems_manager",
        "cloudformation",
        "trusted_advisor",
        "inspector",
        "macie",
        "acm",
        "secrets_manager",
        "codepipeline",
        "codedeploy",
    }
)



def subnet_zone(ctx: Context, subnet_id: str) -> str | None:
    """The AZ of a subnet (normalised), or None when the drawing does not say."""
    return ctx.subnet_zone(subnet_id)


def group_subnets(ctx: Context, group_id: str) -> list[str]:
    """Subnets an auto scaling group spans: its ``subnets`` property, else the subnet it is drawn in."""
    return q.group_subnets(ctx.arch, group_id)


def drawn_zone(ctx: Context, node_id: str) -> str | None:
    """The AZ a node is drawn in (its subnet's AZ, else its AZ container), ignoring auto scaling groups."""
    return q.placement_zone(ctx.arch, node_id)


def known_zones(ctx: Context, node_id: str) -> frozenset[str] | None:
    """Every AZ a node runs in (SPEC 3b), or None when any part of its placement is unknown."""
    return ctx.zones_of(node_id) or None


def private_zones(ctx: Context, node_id: str) -> frozenset[str]:
    """The known AZs of the private subnets a node runs in (empty when none or unknown)."""
    if ctx.kind(node_id) == "subnet":
        subnets = [node_id]
    else:
        # A spanning node (a group, a function attached to several subnets) runs in every subnet it lists.
        group = node_id if ctx.kind(node_id) in q.SPANNING else ctx.enclosing(node_id, ASG)
        if group is not None:
            subnets = group_subnets(ctx, group)
        else:
            own = ctx.subnet_of(node_id)
            subnets = [own] if own is not None else []
    zones = {subnet_zone(ctx, s) for s in subnets if not ctx.prop(s, "public", False)}
    return frozenset(z for z in zones if z is not None)


def zone_list(zones: frozenset[str] | set[str]) -> str:
    """Zones for a message, in a stable order."""
    return ", ".join(sorted(zones))


def flow_successors(ctx: Context, node_id: str) -> list[str]:
    """Nodes a node sends requests or data to, leaving out monitoring, tracing and key services."""
    return [t for t in ctx.successors(node_id) if ctx.kind(t) not in OBSERVERS]


def has_failure_destination(ctx: Context, node_id: str) -> bool:
    """Whether a node sends its failed events somewhere (a dead-letter queue or an on-failure destination)."""
    if ctx.has_dead_letter_queue(node_id):
        return True
    return any(
        props.get("dead_letter") and ctx.kind(target) in ("sqs", "sns", "eventbridge", "lambda", "s3")
        for _edge_id, target, props in ctx.out_edges(node_id)
    )


def is_dead_letter_queue(ctx: Context, node_id: str) -> bool:
    """Whether a queue or topic is itself used as a dead-letter target (a flow marked dead_letter reaches it)."""
    return any(props.get("dead_letter") for _edge_id, _source, props in ctx.in_edges(node_id))
