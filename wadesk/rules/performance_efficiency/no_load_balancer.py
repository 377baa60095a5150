"""Several servers of one tier share traffic with no load balancer in front."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from wadesk.rules.base import Hit, RuleMeta, graph_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="PERF-NO-LOAD-BALANCER",
    title="Servers share traffic without a load balancer",
    pillar="performance_efficiency",
    severity="medium",
    wa_bp="PERF04-BP04",
    rationale=(
        "Clients or plain DNS records spread requests blindly: one server can be saturated while another "
        "idles, and a failing server keeps receiving its share. A load balancer spreads requests by "
        "actual load and health, and lets the tier grow or shrink behind one address."
    ),
    remediation=(
        "Put an Application or Network Load Balancer in front of the servers (upstream -> alb -> each "
        "server), register them in a target group with health checks, and point DNS at the load balancer."
    ),
)

#: Upstreams that hand requests to servers without balancing them.
_USER_SOURCES = frozenset({"internet", "corporate_network", "internet_gateway"})
_ALL_SOURCES = _USER_SOURCES | {"route53"}
#: Kinds that balance requests across the nodes they send to.
_BALANCERS = frozenset({"alb", "nlb", "elb", "global_accelerator"})
#: EC2 workloads that form a tier serving requests (bastions, databases and the like do not).
_SERVING_WORKLOADS = frozenset({"application", "web"})


#: Kinds of the servers a tier is made of (see :func:`_tier`).
_SERVER_KINDS = ("ec2", "fargate_task")


def _is_unbalanced_source(ctx: Context, node_id: str) -> bool:
    kind = ctx.kind(node_id)
    if kind == "route53":
        return bool(ctx.prop(node_id, "routing_policy") == "simple")
    return kind in _USER_SOURCES


def _tier(ctx: Context, node_id: str) -> tuple[str, ...] | None:
    """What makes servers interchangeable: kind, workload and Region; None for nodes that are no server tier."""
    kind = ctx.kind(node_id)
    if kind == "ec2":
        workload = str(ctx.prop(node_id, "workload", "application"))
        if workload not in _SERVING_WORKLOADS:
            return None
        return (kind, workload, ctx.enclosing(node_id, "region") or "")
    if kind == "fargate_task":
        return (kind, "", ctx.enclosing(node_id, "region") or "")
    return None


def check(ctx: Context) -> Iterator[Hit]:
    """Report servers of one tier that receive from the same unbalanced upstream, none behind a balancer."""
    judged = set(ctx.subjects(*_SERVER_KINDS))
    if not judged:
        return
    # Only the sources that send to a server judged in this pass (all of them in a full analysis).
    upstream = {source for server in judged for source in ctx.predecessors(server)}
    for source in ctx.nodes(*_USER_SOURCES, "route53"):
        if source not in upstream or not _is_unbalanced_source(ctx, source):
            continue
        tiers: dict[tuple[str, ...], list[str]] = defaultdict(list)
        for target in ctx.request_successors(source):
            tier = _tier(ctx, target)
            if tier is None or ctx.receives_from(target, *_BALANCERS):
                continue
            tiers[tier].append(target)
        for members in tiers.values():
            if len(members) < 2:
                continue
            first = members[:4]
            for member in members:
                if member not in judged:
                    continue
                others = [ctx.label(m) for m in first if m != member][:3]
                rest = len(members) - 1 - len(others)
                named = ", ".join(others) + (f" and {rest} more" if rest else "")
                yield Hit(
                    member,
                    f"{ctx.label(member)} shares the traffic from {ctx.label(source)} with {named}, "
                    "with no load balancer in front.",
                )


def _servers_beside_a_changed_source(ctx: Context, altered: frozenset[str]) -> list[str]:
    """A server's finding reads the flows of the sources that send to it, and so the flows of its tier-mates.

    A flow leaving a user source, or reaching one of its servers (from a load balancer, say), changes the
    tiers of every server that source sends to.
    """
    sources = {node for node in altered if ctx.kind(node) in _ALL_SOURCES}
    sources.update(p for node in altered for p in ctx.predecessors(node) if ctx.kind(p) in _ALL_SOURCES)
    return [
        server for source in sources for server in ctx.request_successors(source) if ctx.kind(server) in _SERVER_KINDS
    ]


RULE = graph_rule(
    META,
    check,
    reads={"route53": {"routing_policy"}, "ec2": {"workload"}},
    flows="ends",
    also_affects=_servers_beside_a_changed_source,
)
