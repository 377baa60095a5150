"""A DynamoDB table with fixed provisioned capacity."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="REL-DYNAMODB-NO-AUTOSCALING",
    title="Provisioned DynamoDB table does not scale",
    pillar="reliability",
    severity="medium",
    wa_bp="REL07-BP01",
    rationale=(
        "A table with fixed provisioned capacity throttles reads and writes as soon as demand exceeds "
        "what was set, and callers see errors until someone raises the capacity by hand."
    ),
    remediation=(
        "Set autoscaling to true so read and write capacity follow demand, or switch billing_mode to "
        "PAY_PER_REQUEST (on-demand)."
    ),
    securityhub=("DynamoDB.1",),
    checkov=("CKV2_AWS_16",),
)


def check(ctx: Context, node_id: str) -> str | None:
    """Report a PROVISIONED table without autoscaling."""
    if ctx.prop(node_id, "billing_mode") != "PROVISIONED" or ctx.prop(node_id, "autoscaling"):
        return None
    return f"{ctx.label(node_id)} uses PROVISIONED capacity with autoscaling off, so traffic spikes are throttled."


RULE = node_rule(META, ("dynamodb",), check)
