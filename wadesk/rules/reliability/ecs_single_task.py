"""An ECS service that runs a single task."""

from __future__ import annotations

from collections.abc import Iterator

from wadesk.rules.base import Hit, RuleMeta, graph_rule
from wadesk.rules.context import Context
from wadesk.rules.reliability._common import NOT_REQUEST_SOURCES

META = RuleMeta(
    id="REL-ECS-SINGLE-TASK",
    title="ECS service runs one task",
    pillar="reliability",
    severity="medium",
    wa_bp="REL10-BP01",
    rationale=(
        "With one task, a task crash, a host failure, a deployment or a zone outage makes the service "
        "unavailable until ECS starts a replacement."
    ),
    remediation=(
        "Set desired_count to 2 or more so ECS spreads the tasks over the Availability Zones of the service's "
        "subnets (and keep the service auto scaling minimum at 2 as well)."
    ),
    securityhub=(),
    checkov=(),
)


def _peers(ctx: Context, node_id: str) -> list[str]:
    """Other service nodes that the same upstream node sends work to (one service drawn once per AZ)."""
    out: list[str] = []
    for source in ctx.predecessors(node_id):
        if ctx.kind(source) in NOT_REQUEST_SOURCES:
            continue
        out.extend(t for t in ctx.successors(source) if t != node_id and ctx.kind(t) == "ecs_service")
    return list(dict.fromkeys(out))


def check(ctx: Context) -> Iterator[Hit]:
    """Report a service whose desired_count is 1 (0 is a stopped service and passes).

    A service drawn once per Availability Zone behind the same load balancer
    is one service of several tasks: its nodes pass when together they run two or more.
    """
    for node_id in ctx.subjects("ecs_service"):
        if int(ctx.prop(node_id, "desired_count", 1)) != 1:
            continue
        peers = _peers(ctx, node_id)
        if 1 + sum(int(ctx.prop(p, "desired_count", 1)) for p in peers) >= 2:
            continue
        yield Hit(node_id, f"{ctx.label(node_id)} runs a single task (desired_count is 1).")


def _siblings_of_a_changed_service(ctx: Context, altered: frozenset[str]) -> list[str]:
    """A flow from an upstream node to a service makes it a peer of the other services that node sends to."""
    if not any(ctx.kind(node) == "ecs_service" for node in altered):
        return []
    return [sibling for node in altered for sibling in ctx.successors(node) if ctx.kind(sibling) == "ecs_service"]


RULE = graph_rule(
    META,
    check,
    reads={"ecs_service": {"desired_count"}},
    flows="ends",
    also_affects=_siblings_of_a_changed_service,
)
