"""A relational, document or graph database with no standby or replica in a second Availability Zone."""

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
        "automatically; for Aurora, DocumentDB and Neptune, add a replica instance (instances of 2 or more for "
        "DocumentDB and Neptune) in a second zone, which the cluster promotes when the primary fails."
    ),
    securityhub=("RDS.5", "RDS.15"),
    checkov=("CKV_AWS_157",),
)


#: Clusters whose replicas are counted in ``instances``: one instance is a primary with nothing to fail over to.
CLUSTERS = ("documentdb", "neptune")


def check(ctx: Context, node_id: str) -> str | None:
    """Report an RDS or Aurora database whose multi_az is off, or a DocumentDB or Neptune cluster of one instance."""
    if ctx.kind(node_id) in CLUSTERS:
        if int(ctx.prop(node_id, "instances", 1) or 1) >= 2:
            return None
        return (
            f"{ctx.label(node_id)} is a cluster of one instance, with no replica in another Availability Zone to "
            "fail over to (instances is 1)."
        )
    if ctx.prop(node_id, "multi_az"):
        return None
    if ctx.prop(node_id, "engine_mode", "provisioned") == "serverless":
        return None  # Aurora Serverless v1 takes no replica; AWS recreates its capacity in another zone on failure
    return f"{ctx.label(node_id)} has no standby in another Availability Zone (multi_az is false)."


RULE = node_rule(META, ("rds", "aurora", *CLUSTERS), check)
