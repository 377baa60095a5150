"""A DMS replication instance with no standby in another Availability Zone."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="REL-DMS-SINGLE-AZ",
    title="DMS replication instance runs in one Availability Zone",
    pillar="reliability",
    severity="low",
    wa_bp="REL10-BP01",
    rationale=(
        "Ongoing replication stops when its single replication instance, or that instance's zone, fails; the "
        "target falls behind the source until the instance is replaced and the tasks resumed."
    ),
    remediation=(
        "Set multi_az to true so DMS keeps a synchronous standby in another zone and fails over to it, at "
        "least for instances that run ongoing (change data capture) replication."
    ),
    securityhub=(),
    checkov=(),
)


def check(ctx: Context, node_id: str) -> str | None:
    """Report a replication instance whose multi_az is off."""
    if ctx.prop(node_id, "multi_az"):
        return None
    return f"{ctx.label(node_id)} has no standby replication instance in another zone (multi_az is false)."


RULE = node_rule(META, ("dms",), check)
