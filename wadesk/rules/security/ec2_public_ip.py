"""An EC2 instance that has a public IPv4 address."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="SEC-EC2-PUBLIC-IP",
    title="EC2 instance has a public IP address",
    pillar="security",
    severity="high",
    wa_bp="SEC05-BP01",
    rationale=(
        "An instance with a public address can be reached from the internet on every port its security "
        "groups allow, bypassing the load balancer or front door that should be the only way in."
    ),
    remediation=(
        "Set public_ip to false and put the instance in a private subnet behind an alb or nlb; reach it "
        "for administration through Systems Manager Session Manager and for outbound calls through a NAT "
        "gateway."
    ),
    securityhub=("EC2.9", "EC2.25", "Autoscaling.5"),
    checkov=("CKV_AWS_88", "CKV_AWS_389"),
    partial=("EC2.25", "Autoscaling.5", "CKV_AWS_389"),
)


def check(ctx: Context, node_id: str) -> str | None:
    """Report an instance whose public_ip property is true."""
    if not ctx.prop(node_id, "public_ip"):
        return None
    message = f"{ctx.label(node_id)} has a public IPv4 address (public_ip is true)."
    if ctx.prop(node_id, "workload") == "bastion":
        message += " Session Manager can replace a public bastion host."
    return message


RULE = node_rule(META, ("ec2",), check)
