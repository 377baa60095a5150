"""A security group open to the whole internet on ports other than HTTP, HTTPS, SSH and RDP."""

from __future__ import annotations

from collections.abc import Iterator

from wadesk.rules.base import Hit, RuleMeta, graph_rule
from wadesk.rules.context import Context
from wadesk.rules.drawn_groups import once_per_group
from wadesk.rules.groups import LOAD_BALANCERS
from wadesk.rules.security._common import world_open_rules, world_reach

META = RuleMeta(
    id="SEC-SG-OPEN-PORTS",
    title="Security group opens non-web ports to the internet",
    pillar="security",
    severity="high",
    wa_bp="SEC05-BP02",
    rationale=(
        "Only a public entry point's HTTP and HTTPS ports need to accept connections from everyone. Any "
        "other port open to 0.0.0.0/0 or ::/0 exposes a database, cache, admin console or internal "
        "service to internet scanning."
    ),
    remediation=(
        "Narrow the rule to ports 80 and 443, or replace the 0.0.0.0/0 source with the CIDR of the "
        "clients or the security group of the tier that calls the service."
    ),
    securityhub=("EC2.18", "EC2.19"),
    checkov=("CKV_AWS_277",),
    partial=("EC2.19", "CKV_AWS_277"),
)


#: Ports this rule accepts open to the world: web traffic, and SSH/RDP (reported by SEC-SG-OPEN-ADMIN).
ALLOWED = frozenset({80, 443, 22, 3389})


def _open_ranges(ctx: Context, node_id: str) -> list[str]:
    """The port ranges other than 80 and 443 that a group's ingress opens to the world (SSH and RDP alone are
    left to SEC-SG-OPEN-ADMIN)."""
    ranges = []
    for low, high, _protocol in world_open_rules(ctx.prop(node_id, "ingress", []) or []):
        accepted = sum(1 for port in ALLOWED if low <= port <= high)
        if high - low + 1 > accepted:
            ranges.append(str(low) if low == high else f"{low}-{high}")
    return list(dict.fromkeys(ranges))


def open_ports_message(ctx: Context, node_id: str, name: str, members: list[str] | None = None) -> str | None:
    """The finding for one security group box with a world-open ingress rule covering a port other than 80
    and 443 (``name`` is the group's), or None. SSH and RDP alone are left to SEC-SG-OPEN-ADMIN. It says
    whether the internet reaches a member today (``members``, the box's own when not given)."""
    ranges = _open_ranges(ctx, node_id)
    if not ranges:
        return None
    reach = world_reach(ctx, ctx.members(node_id) if members is None else members)
    return f"{name} admits any address (0.0.0.0/0 or ::/0) to port {', '.join(ranges)}; {reach}."


def _judged(ctx: Context, box: str, boxes: list[str]) -> str | None:
    name = ctx.label(boxes[0])
    ranges = _open_ranges(ctx, box)
    members = [m for b in boxes for m in ctx.members(b)]
    if ranges and members and all(ctx.kind(m) in LOAD_BALANCERS for m in members):
        # The rule is still wider than it needs to be, but a load balancer accepts connections on its
        # listeners' ports alone: say what is exposed today rather than every port.
        return (
            f"{name} admits any address (0.0.0.0/0 or ::/0) to port {', '.join(ranges)}; its members are load "
            "balancers, which answer only on their listeners' ports, so the rule exposes any listener later added "
            "on another port."
        )
    return open_ports_message(ctx, box, name, members)


def check(ctx: Context) -> Iterator[Hit]:
    """Report each such security group once, however many subnets it is drawn in (saying so when its only
    members are load balancers, which answer on their listeners' ports alone)."""
    return once_per_group(ctx, lambda box, boxes: _judged(ctx, box, boxes))


RULE = graph_rule(
    META,
    check,
    reads={"security_group": {"ingress", "copy_of"}, "subnet": {"public", "defined_elsewhere"}, "ec2": {"public_ip"}},
    flows="none",
)
