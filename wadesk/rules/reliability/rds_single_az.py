"""A relational database with no standby in a second Availability Zone."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="REL-DB-SINGLE-AZ",
    title="Database runs in a single Availability Zone",
    pillar="reliability",
    severity="medium",
    wa_bp="REL10-BP01",
    rationale=(
        "A single-AZ database instance is down for as long as its zone, its host or its storage is: "
        "every request that needs data fails until the instance is rebuilt or restored."
    ),
    remediation=(
        "Set multi_az to true so RDS keeps a synchronous standby in another zone and fails over "
        "automatically; for Aurora, add a replica in a second zone."
    ),
    securityhub=("RDS.5", "RDS.15"),
    checkov=("CKV_AWS_157",),
)


def check(ctx: Context, node_id: str) -> str | None:
    """Report a database whose multi_az property is off."""
    if ctx.prop(node_id, "multi_az"):
        return None
    return f"{ctx.label(node_id)} has no standby in another Availability Zone (multi_az is false)."


RULE = node_rule(META, ("rds", "aurora"), check)
