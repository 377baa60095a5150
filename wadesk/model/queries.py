"""Read-only questions about a design that rules ask (SPEC section 3b)."""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx

from wadesk.model.architecture import Architecture

SUBNET = "subnet"
AVAILABILITY_ZONE = "availability_zone"
VPC = "vpc"
REGION = "region"
AUTO_SCALING_GROUP = "auto_scaling_group"
SECURITY_GROUP = "security_group"


def nodes_of_kind(arch: Architecture, *kinds: str) -> list[str]:
    """Ids of every node whose kind is one of ``kinds``, in insertion order."""
    wanted = set(kinds)
    return [node_id for node_id, kind in arch.graph.nodes(data="kind") if kind in wanted]


def enclosing(arch: Architecture, node_id: str, *kinds: str) -> str | None:
    """The innermost container of one of ``kinds`` around ``node_id``."""
    wanted = set(kinds)
    for ancestor in arch.ancestors(node_id):
        if arch.kind_of(ancestor) in wanted:
            return ancestor
    return None


def subnet_of(arch: Architecture, node_id: str) -> str | None:
    """The subnet a node sits in, if any."""
    return enclosing(arch, node_id, SUBNET)


def vpc_of(arch: Architecture, node_id: str) -> str | None:
    """The VPC a node sits in, if any."""
    return enclosing(arch, node_id, VPC)


def region_of(arch: Architecture, node_id: str) -> str | None:
    """The region container a node sits in, if any."""
    return enclosing(arch, node_id, REGION)


def is_public_subnet(arch: Architecture, subnet_id: str) -> bool:
    """Whether a subnet node is public (its ``public`` property is true)."""
    return arch.kind_of(subnet_id) == SUBNET and bool(arch.props_of(subnet_id).get("public", False))


def in_public_subnet(arch: Architecture, node_id: str) -> bool:
    """Whether the subnet around ``node_id`` is public."""
    subnet = subnet_of(arch, node_id)
    return subnet is not None and is_public_subnet(arch, subnet)


def _zone_name(text: object) -> str:
    # "EU-West-1a " and "eu-west-1a" are the same zone.
    return str(text or "").strip().lower()


def subnet_zone(arch: Architecture, subnet_id: str) -> str | None:
    """The AZ of a subnet: its ``availability_zone``, else its enclosing AZ container; None if unknown."""
    zone = _zone_name(arch.props_of(subnet_id).get("availability_zone", ""))
    if zone:
        return zone
    return _zone_container_name(arch, subnet_id)


def _zone_container_name(arch: Architecture, node_id: str) -> str | None:
    container = enclosing(arch, node_id, AVAILABILITY_ZONE)
    if container is None:
        return None
    name = _zone_name(arch.props_of(container).get("name", ""))
    # An unnamed AZ container is still a zone of its own.
    return name or f"#{container}"


def placement_zone(arch: Architecture, node_id: str) -> str | None:
    """The AZ a node is drawn in (its subnet's AZ, else its AZ container), ignoring groups; None if unknown."""
    subnet = subnet_of(arch, node_id)
    if subnet is not None:
        zone = _zone_name(arch.props_of(subnet).get("availability_zone", ""))
        if zone:
            return zone
    return _zone_container_name(arch, node_id)


def group_subnets(arch: Architecture, group_id: str) -> list[str]:
    """The subnets a group or load balancer spans: its ``subnets``, else the subnet it is drawn in."""
    listed = [s for s in arch.props_of(group_id).get("subnets", []) or [] if s in arch]
    listed = [s for s in listed if arch.kind_of(s) == SUBNET]
    if listed:
        return listed
    own = subnet_of(arch, group_id)
    return [own] if own is not None else []


#: Kinds whose ``subnets`` property says where they run, wherever they are drawn (a function attached to several
#: subnets, a Kafka cluster's brokers spread over its client subnets, a directory's domain controllers).
SPANNING = frozenset(
    {AUTO_SCALING_GROUP, "alb", "nlb", "elb", "lambda", "msk", "app_runner", "codebuild", "directory_service"}
)


def zones_of(arch: Architecture, node_id: str) -> frozenset[str]:
    """Every AZ a node runs in (SPEC 3b); empty when the drawing does not say.

    A node inside an auto scaling group runs in the AZs of every subnet the
    group spans (a load balancer in those of its ``subnets``); other nodes
    run in the AZ of their subnet or AZ container. When any of those subnets
    has no known AZ the answer is unknown (empty): a group over a subnet in
    eu-west-1a and one of unknown AZ may well span two zones.
    """
    kind = arch.kind_of(node_id)
    spanner = node_id if kind in SPANNING else enclosing(arch, node_id, AUTO_SCALING_GROUP)
    if spanner is not None:
        subnets = group_subnets(arch, spanner)
        if subnets:
            zones = [subnet_zone(arch, s) for s in subnets]
            if any(zone is None for zone in zones):
                return frozenset()
            return frozenset(zone for zone in zones if zone is not None)
        node_id = spanner
    zone = placement_zone(arch, node_id)
    return frozenset([zone]) if zone else frozenset()


def successors(arch: Architecture, node_id: str) -> list[str]:
    """Nodes that ``node_id`` sends to (distinct, in edge order)."""
    return list(dict.fromkeys(arch.graph.successors(node_id)))


def predecessors(arch: Architecture, node_id: str) -> list[str]:
    """Nodes that send to ``node_id`` (distinct, in edge order)."""
    return list(dict.fromkeys(arch.graph.predecessors(node_id)))


def neighbours(arch: Architecture, node_id: str) -> list[str]:
    """Nodes joined to ``node_id`` by a flow in either direction."""
    return list(dict.fromkeys([*successors(arch, node_id), *predecessors(arch, node_id)]))


def has_flow_to_kind(arch: Architecture, node_id: str, *kinds: str) -> bool:
    """Whether ``node_id`` sends directly to a node of one of ``kinds``."""
    wanted = set(kinds)
    return any(arch.kind_of(target) in wanted for target in arch.graph.successors(node_id))


def has_flow_from_kind(arch: Architecture, node_id: str, *kinds: str) -> bool:
    """Whether a node of one of ``kinds`` sends directly to ``node_id``."""
    wanted = set(kinds)
    return any(arch.kind_of(source) in wanted for source in arch.graph.predecessors(node_id))


def reachable_from(arch: Architecture, sources: Iterable[str], avoiding: Iterable[str] = ()) -> set[str]:
    """Nodes reachable along flows from ``sources`` without passing through ``avoiding``.

    The sources themselves are included. Nodes in ``avoiding`` are reached
    (they are returned) but not passed through.
    """
    blocked = set(avoiding)
    seen: set[str] = set()
    stack = [s for s in sources if s in arch]
    seen.update(stack)
    graph = arch.graph
    while stack:
        current = stack.pop()
        if current in blocked:
            continue
        for nxt in graph.successors(current):
            if nxt not in seen:
                seen.add(nxt)
                stack.append(nxt)
    return seen


def paths_between(arch: Architecture, source: str, target: str, cutoff: int | None = None) -> list[list[str]]:
    """Every simple flow path from ``source`` to ``target`` (bounded by ``cutoff`` hops)."""
    if source not in arch or target not in arch:
        return []
    simple = nx.DiGraph(arch.graph)
    return [list(p) for p in nx.all_simple_paths(simple, source, target, cutoff=cutoff)]


def has_path(arch: Architecture, source: str, target: str) -> bool:
    """Whether a flow path leads from ``source`` to ``target``."""
    return source in arch and target in arch and nx.has_path(arch.graph, source, target)
