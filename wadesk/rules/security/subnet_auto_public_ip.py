"""A subnet that gives every instance launched in it a public IPv4 address."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="SEC-SUBNET-AUTO-PUBLIC-IP",
    title="Subnet assigns public IP addresses on launch",
    pillar="security",
    severity="medium",
    wa_bp="SEC05-BP01",
    rationale=(
        "When a subnet hands out public addresses by default, every instance or interface started there is "
        "exposed to the internet unless its owner remembers to opt out, so exposure becomes the accident "
        "rather than a decision."
    ),
    remediation=(
        "Set map_public_ip_on_launch to false on the subnet and give a public address (or an Elastic IP) "
        "only to the few resources that must have one; put internet-facing entry points behind a load balancer."
    ),
    securityhub=("EC2.15",),
    checkov=("CKV_AWS_130",),
)


def check(ctx: Context, node_id: str) -> str | None:
    """Report a subnet whose map_public_ip_on_launch is true."""
    if not ctx.prop(node_id, "map_public_ip_on_launch"):
        return None
    return (
        f"{ctx.label(node_id)} gives every instance launched in it a public IPv4 address "
        "(map_public_ip_on_launch is true)."
    )


RULE = node_rule(META, ("subnet",), check)
