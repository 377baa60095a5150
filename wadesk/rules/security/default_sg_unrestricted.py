"""A VPC whose default security group still has the rules AWS creates it with."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="SEC-DEFAULT-SG-UNRESTRICTED",
    title="VPC's default security group keeps its default rules",
    pillar="security",
    severity="low",
    wa_bp="SEC05-BP02",
    rationale=(
        "AWS creates every VPC with a default security group that admits all traffic from its own members and "
        "lets all traffic out. An instance, endpoint or function launched later without a security group of its "
        "own lands in it and can reach everything else that did, with nothing in the design saying so. With its "
        "rules removed, that mistake fails closed (CIS AWS Foundations 5.4)."
    ),
    remediation=(
        "Remove every inbound and outbound rule of the VPC's default security group, then set "
        "default_sg_restricted to true on the VPC. In Terraform, declare aws_default_security_group for the VPC "
        "with no ingress or egress blocks; CloudFormation cannot manage the default group, so strip it with an "
        "account-wide remediation of Security Hub control EC2.2 (AWS Config remediation or a custom resource)."
    ),
    securityhub=("EC2.2",),
    checkov=("CKV2_AWS_12",),
)


def check(ctx: Context, node_id: str) -> str | None:
    """Report a VPC whose default_sg_restricted property is false (a VPC from elsewhere is not judged)."""
    if ctx.prop(node_id, "default_sg_restricted"):
        return None
    return (
        f"{ctx.label(node_id)}'s default security group keeps the rules AWS gives it (all traffic from its members, "
        "all traffic out): default_sg_restricted is false."
    )


RULE = node_rule(META, ("vpc",), check)
