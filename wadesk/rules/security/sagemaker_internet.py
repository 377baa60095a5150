"""A SageMaker notebook instance with direct internet access."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="SEC-SAGEMAKER-INTERNET",
    title="SageMaker notebook has direct internet access",
    pillar="security",
    severity="high",
    wa_bp="SEC05-BP01",
    rationale=(
        "With direct internet access the notebook reaches the internet through a SageMaker-managed network "
        "that your security groups, network ACLs and flow logs do not see, giving code on it an unmonitored "
        "path to pull in anything or send data out."
    ),
    remediation=(
        "Set direct_internet_access to false and attach the notebook to a private subnet of your VPC; give it "
        "outbound access through a nat_gateway or VPC endpoints for the AWS services it uses."
    ),
    securityhub=("SageMaker.1",),
    checkov=("CKV_AWS_122",),
)


def check(ctx: Context, node_id: str) -> str | None:
    """Report a SageMaker node whose direct_internet_access property is on."""
    if not ctx.prop(node_id, "direct_internet_access"):
        return None
    return f"{ctx.label(node_id)} reaches the internet outside your VPC controls (direct_internet_access is true)."


RULE = node_rule(META, ("sagemaker",), check)
