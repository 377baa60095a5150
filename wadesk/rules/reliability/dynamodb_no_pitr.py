"""A DynamoDB table without point-in-time recovery."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="REL-DYNAMODB-NO-PITR",
    title="DynamoDB point-in-time recovery is off",
    pillar="reliability",
    severity="medium",
    wa_bp="REL09-BP01",
    rationale=(
        "Point-in-time recovery lets a table be restored to any second of the last 35 days. Without it, "
        "an accidental bulk write or delete can only be undone from an on-demand backup, if one exists."
    ),
    remediation="Set point_in_time_recovery to true on the table.",
    securityhub=("DynamoDB.2",),
    checkov=("CKV_AWS_28",),
)


def check(ctx: Context, node_id: str) -> str | None:
    """Report a table whose point_in_time_recovery is off."""
    if ctx.prop(node_id, "point_in_time_recovery"):
        return None
    return f"{ctx.label(node_id)} has point_in_time_recovery off: bad writes cannot be rolled back to a moment."


RULE = node_rule(META, ("dynamodb",), check)
