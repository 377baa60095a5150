"""An Elastic Beanstalk environment of the single-instance type."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="REL-BEANSTALK-SINGLE-INSTANCE",
    title="Elastic Beanstalk environment has one instance",
    pillar="reliability",
    severity="medium",
    wa_bp="REL10-BP01",
    rationale=(
        "A single-instance environment has no load balancer and one EC2 instance in one zone: its failure "
        "or a platform update takes the application offline."
    ),
    remediation=(
        "Set environment_type to load-balanced, with a minimum of two instances in subnets of two Availability Zones."
    ),
    securityhub=(),
    checkov=(),
)


def check(ctx: Context, node_id: str) -> str | None:
    """Report an environment whose environment_type is single-instance."""
    if ctx.prop(node_id, "environment_type") != "single-instance":
        return None
    return f"{ctx.label(node_id)} is a single-instance environment with no second instance to take over."


RULE = node_rule(META, ("elastic_beanstalk",), check)
