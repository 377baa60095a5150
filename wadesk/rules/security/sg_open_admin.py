"""A security group that lets the whole internet reach SSH or RDP."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context
from wadesk.rules.security._common import port_list, world_open_rules

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
        "Remove the world-open rule for port 22/3389. Administer instances through Systems Manager "
        "Session Manager, or allow the port only from the corporate network's CIDR or a bastion's "
        "security group."
    ),
    securityhub=("EC2.13", "EC2.14"),
    checkov=("CKV_AWS_24", "CKV_AWS_25"),
)


#: SSH (TCP only) and RDP (TCP and UDP).
ADMIN_PORTS = (22, 3389)


def check(ctx: Context, node_id: str) -> str | None:
    """Report a security group with an ingress rule from 0.0.0.0/0 or ::/0 covering port 22 or 3389."""
    exposed = {
        port
        for low, high, protocol in world_open_rules(ctx.prop(node_id, "ingress", []) or [])
        for port in ADMIN_PORTS
        if low <= port <= high and not (port == 22 and protocol in ("udp", "17"))
    }
    if not exposed:
        return None
    return f"{ctx.label(node_id)} lets anyone on the internet connect to port {port_list(exposed)}."


RULE = node_rule(META, ("security_group",), check)
