"""Private traffic to S3 or DynamoDB that pays NAT gateway processing instead of using a VPC endpoint."""

from __future__ import annotations

from collections.abc import Iterator

from wadesk.rules.base import Hit, RuleMeta, graph_rule
from wadesk.rules.context import Context
from wadesk.rules.groups import ACTORS

META = RuleMeta(
    id="COST-NAT-FOR-AWS-SERVICES",
    title="S3 or DynamoDB traffic goes through a NAT gateway",
    pillar="cost_optimization",
    severity="low",
    wa_bp="COST08-BP03",
    rationale=(
        "A NAT gateway bills for every gigabyte it processes. Requests from private subnets to S3 or DynamoDB "
        "can take a gateway VPC endpoint instead, which costs nothing per gigabyte and keeps the traffic off "
        "the internet path."
    ),
    remediation=(
        "Add a vpc_endpoint node (endpoint_type gateway, service s3 or dynamodb) in the VPC of the workloads, "
        "associate it with the private subnets' route tables, and draw the flow through the endpoint instead "
        "of the NAT gateway."
    ),
    securityhub=(),
    checkov=(),
)

#: Nodes a flow passes through on its way out of the VPC without ending there.
_PASS_THROUGH = frozenset({"nat_gateway", "internet_gateway", "transit_gateway"})
#: Services a gateway VPC endpoint can reach.
_SERVICES = ("s3", "dynamodb")
_SERVICE_NAMES = {"s3": "S3", "dynamodb": "DynamoDB"}
_NOT_ORIGINS = _PASS_THROUGH | ACTORS | frozenset({"vpc_endpoint", *_SERVICES})


def _endpoint_services(ctx: Context, endpoint: str) -> set[str]:
    """The services a VPC endpoint reaches: its ``service`` property and the stores it is drawn to."""
    raw = str(ctx.prop(endpoint, "service", "") or "").strip().lower()
    token = raw.rsplit(".", 1)[-1] if raw else ""
    found = {token} & set(_SERVICES)
    found.update(ctx.kind(t) for t in ctx.successors(endpoint) if ctx.kind(t) in _SERVICES)
    return found


def _shared_gateways(ctx: Context) -> set[str]:
    """Internet gateways that other nodes also send to directly.

    A flow leaving such a gateway for S3 may belong to one of those nodes rather than to the NAT
    gateway's traffic, so the drawing does not say that the NAT gateway carries it.
    """

    def compute() -> set[str]:
        return {
            igw
            for igw in ctx.nodes("internet_gateway")
            if any(ctx.kind(p) not in _PASS_THROUGH | ACTORS for p in ctx.predecessors(igw))
        }

    return ctx.cached(("cost-nat", "shared-gateways"), compute)


def _walk(ctx: Context, start: str, forward: bool) -> set[str]:
    """The first nodes past the pass-through ones, from ``start`` along (or against) the flows.

    Backwards only a transit gateway is passed: it forwards another VPC's traffic to this NAT gateway,
    while an internet gateway sending to the NAT gateway is return traffic, not a source.
    """
    through = _PASS_THROUGH if forward else frozenset({"transit_gateway"})
    shared = _shared_gateways(ctx) if forward else set()
    seen = {start}
    ends: set[str] = set()
    stack = [start]
    while stack:
        current = stack.pop()
        for nxt in ctx.successors(current) if forward else ctx.predecessors(current):
            if nxt in seen:
                continue
            if ctx.kind(nxt) in through:
                seen.add(nxt)
                if nxt not in shared:
                    stack.append(nxt)
            else:
                ends.add(nxt)
    return ends


def _covered(ctx: Context, origin: str, nat: str, service: str) -> bool:
    """Whether ``origin`` already reaches ``service`` through a VPC endpoint.

    It does when it is drawn sending to one. A gateway endpoint drawn on its
    own in the VPC (nothing drawn sending to it) stands for route-table
    association and covers the whole VPC; once some workloads are drawn
    using it, a workload drawn through the NAT gateway instead is not covered.
    """
    if any(
        ctx.kind(target) == "vpc_endpoint" and service in _endpoint_services(ctx, target)
        for target in ctx.successors(origin)
    ):
        return True
    vpc = ctx.vpc_of(origin) or ctx.vpc_of(nat)
    for endpoint in ctx.nodes("vpc_endpoint"):
        if service not in _endpoint_services(ctx, endpoint) or ctx.predecessors(endpoint):
            continue
        where = ctx.vpc_of(endpoint)
        if where is None or vpc is None or where == vpc:
            return True  # unplaced on either side: the drawing does not say which VPC it serves
    return False


def _names(ctx: Context, nodes: list[str]) -> str:
    labels = sorted(ctx.label(n) for n in nodes)
    shown = ", ".join(labels[:3])
    return shown + (f" and {len(labels) - 3} more" if len(labels) > 3 else "")


def check(ctx: Context) -> Iterator[Hit]:
    """Report every NAT gateway that carries a private workload's flow to S3 or DynamoDB with no endpoint."""
    for nat in ctx.subjects("nat_gateway"):
        ends = _walk(ctx, nat, forward=True)
        targets = [t for t in ends if ctx.kind(t) in _SERVICES]
        if not targets:
            continue
        sources = _walk(ctx, nat, forward=False)
        origins = [s for s in sources if ctx.kind(s) not in _NOT_ORIGINS]
        uncovered_origins: set[str] = set()
        uncovered_targets: list[str] = []
        for target in targets:
            service = ctx.kind(target)
            missing = [o for o in origins if not _covered(ctx, o, nat, service)]
            if missing:
                uncovered_origins.update(missing)
                uncovered_targets.append(target)
        if not uncovered_targets:
            continue
        services = sorted({_SERVICE_NAMES[ctx.kind(t)] for t in uncovered_targets})
        yield Hit(
            nat,
            f"{ctx.label(nat)} carries traffic from {_names(ctx, sorted(uncovered_origins))} to "
            f"{_names(ctx, uncovered_targets)}, and no {' or '.join(services)} VPC endpoint serves that "
            "traffic, so every gigabyte pays NAT processing charges.",
        )


#: Kinds whose flows a NAT gateway's finding reads: the gateways its traffic passes and the VPC endpoints
#: that could carry it instead (its senders' flows to it are flows of the NAT gateway itself).
_READ_FLOWS_OF = frozenset({"nat_gateway", "internet_gateway", "transit_gateway", "vpc_endpoint"})


def _every_nat_when_a_gateway_or_endpoint_changed(ctx: Context, altered: frozenset[str]) -> list[str]:
    """A flow of a gateway or an endpoint can change what any NAT gateway carries or what covers it."""
    if not any(ctx.kind(node) in _READ_FLOWS_OF for node in altered):
        return []
    return ctx.nodes("nat_gateway")


RULE = graph_rule(
    META,
    check,
    reads={"vpc_endpoint": {"service"}},
    flows="ends",
    also_affects=_every_nat_when_a_gateway_or_endpoint_changed,
)
