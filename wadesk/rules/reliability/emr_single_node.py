"""An EMR cluster that runs on one instance."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="REL-EMR-SINGLE-NODE",
    title="EMR cluster runs on a single instance",
    pillar="reliability",
    severity="low",
    wa_bp="REL10-BP01",
    rationale=(
        "With one instance, the primary node also stores HDFS data and runs every task: when that instance "
        "fails or is reclaimed, running steps fail and the data kept in HDFS is gone."
    ),
    remediation=(
        "Add core nodes (instance_count of 2 or more) so HDFS and tasks live on other instances, and keep "
        "input and output in S3 (EMRFS) so a failed cluster can be recreated."
    ),
    securityhub=(),
    checkov=(),
)


def check(ctx: Context, node_id: str) -> str | None:
    """Report a cluster whose instance_count is 1."""
    if int(ctx.prop(node_id, "instance_count", 3) or 1) >= 2:
        return None
    return f"{ctx.label(node_id)} runs on a single instance, the primary node with no core nodes (instance_count is 1)."


RULE = node_rule(META, ("emr",), check)
