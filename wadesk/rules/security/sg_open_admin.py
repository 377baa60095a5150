"""A security group, or a drawn flow, that lets the whole internet open SSH, RDP or another admin session."""

from __future__ import annotations

from collections.abc import Iterator

from wadesk.rules.base import Hit, RuleMeta, graph_rule
from wadesk.rules.context import Context
from wadesk.rules.drawn_groups import group_root, once_per_group
from wadesk.rules.groups import LOAD_BALANCERS, VPC_DATABASES
from wadesk.rules.security._common import internet_sources, port_list, world_open_rules, world_reach

META = RuleMeta(
    id="SEC-SG-OPEN-ADMIN",
    title="Security group opens SSH or RDP to the internet",
    pillar="security",
    severity="high",
    wa_bp="SEC05-BP02",
    rationale=(
        "Remote administration ports open to 0.0.0.0/0 or ::/0 are scanned constantly and attacked with "
        "stolen or guessed credentials and remote-access exploits; one weak key or unpatched service "
        "gives a shell on the host."
    ),
    remediation=(
        "Remove the world-open rule for port 22/3389 (or the administrative flow from the internet). "
        "Administer instances through Systems Manager "
        "Session Manager, or allow the port only from the corporate network's CIDR or a bastion's "
        "security group."
    ),
    securityhub=("EC2.13", "EC2.14"),
    checkov=("CKV_AWS_24", "CKV_AWS_25"),
    partial=("EC2.13", "EC2.14", "CKV_AWS_24", "CKV_AWS_25"),
)


#: SSH (TCP only) and RDP (TCP and UDP).
ADMIN_PORTS = (22, 3389)

#: Members that run no SSH or RDP server a client could reach: load balancers answer on their listeners' ports
#: only, a function's network interface accepts no inbound connection, a file system's mount target serves NFS,
#: a managed database or cache its engine's port, an interface endpoint its service's HTTPS.
NO_ADMIN_SESSION = LOAD_BALANCERS | VPC_DATABASES | frozenset({"lambda", "efs", "vpc_endpoint", "msk", "mq"})


def open_admin_ports(ctx: Context, group: str) -> set[int]:
    """The admin ports a security group's ingress opens to 0.0.0.0/0 or ::/0."""
    return {
        port
        for low, high, protocol in world_open_rules(ctx.prop(group, "ingress", []) or [])
        for port in ADMIN_PORTS
        if low <= port <= high and not (port == 22 and protocol in ("udp", "17"))
    }


def _groups_around(ctx: Context, node_id: str) -> list[str]:
    """Security groups the node is, is drawn in, or (for a group container) holds."""
    around = [node_id, *ctx.ancestors(node_id)]
    if ctx.arch.is_container(node_id):
        around.extend(ctx.descendants(node_id))
    return [n for n in around if ctx.kind(n) == "security_group"]


def _open_admin_message(ctx: Context, box: str, boxes: list[str]) -> str | None:
    if ctx.prop(box, "defined_elsewhere"):
        return None  # its rules are another stack's: unknown here, so a flow drawn to a member still speaks
    exposed = open_admin_ports(ctx, box)
    if not exposed:
        return None
    members = [m for b in boxes for m in ctx.members(b)]
    if members and all(ctx.kind(m) in NO_ADMIN_SESSION for m in members):
        return None  # no member serves SSH or RDP (a load balancer answers only on its listeners)
    reach = world_reach(ctx, members)
    return f"{ctx.label(boxes[0])} admits any address (0.0.0.0/0 or ::/0) to port {port_list(exposed)}; {reach}."


def check(ctx: Context) -> Iterator[Hit]:
    """Report world-open admin ports once, where they are.

    On a security group whose ingress opens port 22 or 3389 to the internet
    (once for a group drawn in several subnets, whose members are those of
    every box); else on the target of an administrative flow (marked so, or
    to port 22 or 3389) drawn from the internet, unless a security group
    around that target already reports it. A group defined elsewhere reports
    nothing: its rules are not in the design.
    """
    judged = set(ctx.subjects())
    # The groups' own rules read no flow: found once, kept until a node, a container or a property changes.
    group_hits, reported = ctx.lasting((META.id, "groups"), lambda: _group_hits(ctx))
    for hit in group_hits:
        if hit.node in judged:
            yield hit
    sources = set(internet_sources(ctx))
    for edge_id, source, target in ctx.administrative_flows():
        if target not in judged or source not in sources:
            continue
        if any(group_root(ctx, g) in reported for g in _groups_around(ctx, target)):
            continue
        port = ctx.arch.edge(edge_id).props.get("port")
        what = f"port {port}" if port is not None else "an administrative session"
        yield Hit(
            target,
            f"Anyone on the internet ({ctx.label(source)}) can connect to {ctx.label(target)} on {what}.",
        )


def _group_hits(ctx: Context) -> tuple[list[Hit], set[str]]:
    """The groups' hits, and the groups (by the node that stands for each) they report."""
    hits = list(once_per_group(ctx, lambda box, boxes: _open_admin_message(ctx, box, boxes)))
    return hits, {group_root(ctx, hit.node or "") for hit in hits}


def _targets_of_a_changed_gateway(ctx: Context, altered: frozenset[str]) -> list[str]:
    """A flow drawn to an internet gateway makes it a hop rather than a way in: what it sends to is judged again."""
    return [target for node in altered if ctx.kind(node) == "internet_gateway" for target in ctx.successors(node)]


RULE = graph_rule(
    META,
    check,
    reads={
        "security_group": {"ingress", "copy_of"},
        "subnet": {"public", "defined_elsewhere"},
        "ec2": {"public_ip"},
    },
    flows="ends",
    also_affects=_targets_of_a_changed_gateway,
)
