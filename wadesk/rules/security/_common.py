"""Helpers shared by the security rules: internet reachability, network location and open ingress."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

from wadesk.model import queries as q
from wadesk.rules.base import Hit
from wadesk.rules.context import Context, Parents
from wadesk.rules.groups import ACTORS, CONTAINERS

#: Gateways that only let traffic out of a VPC: requests from the internet never pass them inwards.
EGRESS_ONLY = frozenset({"nat_gateway"})
#: Source CIDRs that mean "anyone on the internet".
WORLD_CIDRS = frozenset({"0.0.0.0/0", "::/0"})
#: Flow protocols that carry clear text unless the flow is marked encrypted ("other" says nothing).
PLAIN_PROTOCOLS = frozenset({"http", "tcp", "sql"})
#: Gateways and links that carry a flow on to its next hop (a flow is judged on the hop after them).
GATEWAYS = frozenset(
    {"internet_gateway", "nat_gateway", "transit_gateway", "vpn_gateway", "direct_connect", "vpc_endpoint"}
)
#: Kinds that only exist inside a VPC: drawn outside one, their network is unknown (not "outside").
VPC_RESIDENT = (
    frozenset(
        {
            "ec2",
            "rds",
            "aurora",
            "elasticache",
            "redshift",
            "documentdb",
            "neptune",
            "alb",
            "elb",
            "nlb",
            "ecs_service",
            "fargate_task",
            "eks_cluster",
            "elastic_beanstalk",
            "batch",
            "efs",
            "fsx",
            "ebs",
            "msk",
            "mq",
            "emr",
        }
    )
    | GATEWAYS
)


# ------------------------------------------------------------------ the design as a whole
def has_aws_resources(ctx: Context) -> bool:
    """Whether the design holds any AWS resource (a node that is neither a container nor an actor)."""

    def compute() -> bool:
        return any(ctx.kind(n) not in CONTAINERS and ctx.kind(n) not in ACTORS for n in ctx.nodes())

    return ctx.cached(("sec", "has_aws_resources"), compute)


# ------------------------------------------------------------------ reachability from the internet
def internet_sources(ctx: Context) -> list[str]:
    """Where internet requests enter the drawing (SPEC 3b).

    ``internet`` nodes, and internet gateways that nothing is drawn sending
    to: a gateway drawn after CloudFront or a WAF carries traffic that has
    already passed them, so it is not a fresh entry.
    """
    graph = ctx.arch.graph
    gateways = [g for g in ctx.nodes("internet_gateway") if graph.in_degree(g) == 0]
    return [*ctx.nodes("internet"), *gateways]


def flow_successors(ctx: Context, node_id: str) -> list[str]:
    """Where a request goes next from ``node_id`` (flows to and from groups reach their members).

    Administrative flows (SSH, RDP) are left out: they reach a host but carry no request onwards.
    """
    return ctx.request_successors(node_id)


def reach(
    ctx: Context, sources: Iterable[str], through: Callable[[str], bool], key: object = None, variant: object = None
) -> Parents:
    """Nodes reachable along flows from ``sources``, each mapped to the node it was reached from.

    ``through(node)`` says whether a path may continue past ``node``; nodes where it may not are
    still returned. Sources map to None and always pass. Linear in the size of the design. With a
    ``key``, the walk is kept between analysis passes (see :meth:`Context.reach`, and ``variant`` there).
    """
    return ctx.reach(sources, through, key, variant)


def describe_path(ctx: Context, parents: Mapping[str, str | None], node_id: str, limit: int = 40) -> str:
    """One path that ``reach`` found to ``node_id``, as labels joined by arrows."""
    path = [node_id]
    current = parents.get(node_id)
    while current is not None and len(path) < limit:
        path.append(current)
        current = parents.get(current)
    path.reverse()
    labels = [ctx.label(n) for n in path]
    if current is not None:
        labels.insert(0, "...")
    if len(labels) > 6:
        labels = [*labels[:2], "...", *labels[-3:]]
    return " -> ".join(labels)


# ------------------------------------------------------------------ network placement
def subnets_of(ctx: Context, node_id: str) -> frozenset[str]:
    """The subnets a node runs in: its Auto Scaling group's, a spanning kind's ``subnets`` (a load balancer, a
    function attached to several subnets), or its own."""
    group = node_id if ctx.kind(node_id) == "auto_scaling_group" else ctx.enclosing(node_id, "auto_scaling_group")
    if group is not None:
        return frozenset(q.group_subnets(ctx.arch, group))
    if ctx.kind(node_id) in q.SPANNING:
        listed = [s for s in ctx.prop(node_id, "subnets", []) or [] if s in ctx.arch and ctx.kind(s) == "subnet"]
        if listed:
            return frozenset(listed)
    subnet = ctx.subnet_of(node_id)
    return frozenset([subnet]) if subnet is not None else frozenset()


def vpc_placement(ctx: Context, node_id: str) -> str | None:
    """The VPC a node is drawn in, or the one VPC of the subnets it runs in."""
    vpc = ctx.vpc_of(node_id)
    if vpc is not None:
        return vpc
    vpcs = {ctx.vpc_of(s) for s in subnets_of(ctx, node_id)}
    vpcs.discard(None)
    return vpcs.pop() if len(vpcs) == 1 else None


def network_location(ctx: Context, node_id: str) -> tuple[str, str] | None:
    """Which network a node talks from: ("vpc", id), ("aws", "") outside any VPC, ("external", "").

    None when the drawing does not say (a VPC-only kind drawn outside every VPC, or a Lambda
    function attached to a VPC that is not drawn).
    """
    kind = ctx.kind(node_id)
    if kind in ACTORS or kind == "internet_gateway":
        return ("external", "")
    vpc = vpc_placement(ctx, node_id)
    if vpc is not None:
        return ("vpc", vpc)
    if kind in VPC_RESIDENT or (kind == "lambda" and ctx.prop(node_id, "in_vpc")):
        return None
    return ("aws", "")


# ------------------------------------------------------------------ security group ingress
def world_reach(ctx: Context, members: list[str]) -> str:
    """How far a world-open rule of a group whose members are ``members`` reaches today, as the end of a
    sentence that begins "<group> admits any address": the internet when a member sits in a public subnet; a
    member's public address when one has it; that it is not known when a member's subnet is another stack's;
    otherwise only what the rule would let in once a member is given a way in from the internet."""
    public = next((m for m in members if ctx.in_public_subnet(m)), None)
    if public is not None:
        return f"{ctx.label(public)} sits in a public subnet, so anyone on the internet can reach it"
    addressed = next((m for m in members if ctx.prop(m, "public_ip")), None)
    if addressed is not None:
        return (
            f"{ctx.label(addressed)} has a public IPv4 address, so anyone on the internet reaches it once its "
            "subnet routes to an internet gateway"
        )
    outside = next((m for m in members if _in_subnet_defined_elsewhere(ctx, m)), None)
    if outside is not None:
        return (
            f"{ctx.label(outside)} sits in a subnet defined outside this design, so whether the internet reaches "
            "it is not known here"
        )
    return "no member sits in a public subnet today, so it is open to whatever can route to it"


def _in_subnet_defined_elsewhere(ctx: Context, node_id: str) -> bool:
    """Whether the subnet around a node is a placeholder for one of another stack (its routes are not known)."""
    return any(ctx.kind(a) == "subnet" and ctx.prop(a, "defined_elsewhere") for a in ctx.ancestors(node_id))


def world_open_rules(ingress: Iterable[Mapping[str, Any]]) -> Iterator[tuple[int, int, str]]:
    """``(first port, last port, protocol)`` of every ingress rule open to the whole internet.

    ICMP rules are left out (they open no port); protocol "-1" (all traffic) opens every port.
    """
    for rule in ingress:
        cidr = str(rule.get("cidr", "")).strip()
        if cidr not in WORLD_CIDRS:
            continue
        protocol = str(rule.get("protocol", "tcp")).strip().lower()
        if protocol in ("icmp", "icmpv6", "1", "58"):
            continue
        if protocol in ("-1", "all"):
            yield 0, 65535, protocol
            continue
        low, high = int(rule.get("port_from", 0)), int(rule.get("port_to", 65535))
        yield min(low, high), max(low, high), protocol


def listed(actions: list[str], limit: int = 6) -> str:
    """Action patterns as words: "s3:*, dynamodb:* and 2 more"."""
    names = [str(a) for a in actions]
    if len(names) > limit:
        return ", ".join(names[:limit]) + f" and {len(names) - limit} more"
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def port_list(ports: Iterable[int]) -> str:
    """Ports as words: "22", "22 and 3389"."""
    names = [str(p) for p in sorted(set(ports))]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def missing_account_service(ctx: Context, present: list[str], message: str) -> Iterator[Hit]:
    """One design-level hit when the design has AWS resources but none of ``present`` (SPEC 3b)."""
    if not present and has_aws_resources(ctx):
        yield Hit(None, message)
