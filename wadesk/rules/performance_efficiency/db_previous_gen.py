"""A database instance or warehouse node of a previous-generation class."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context
from wadesk.rules.performance_efficiency._common import PREVIOUS_DB_FAMILIES, instance_family

META = RuleMeta(
    id="PERF-DB-PREVIOUS-GEN",
    title="Database uses a previous-generation instance class",
    pillar="performance_efficiency",
    severity="medium",
    wa_bp="PERF03-BP02",
    rationale=(
        "Previous-generation DB instance classes have slower processors, memory and storage throughput, "
        "newer engine versions stop supporting them, and RDS eventually upgrades them for you during a "
        "maintenance window."
    ),
    remediation=(
        "Change instance_class to a current class of the same size (for example db.t4g or db.t3 for "
        "db.t2, db.m7g or db.m6i for db.m4, db.r7g or db.r6i for db.r4) in a planned maintenance window; move "
        "Redshift dc1 and ds2 nodes to RA3 (node_type ra3.*) with an elastic or classic resize."
    ),
)


#: Redshift node families that AWS lists as previous generation (RA3 and DC2 are current).
PREVIOUS_WAREHOUSE_FAMILIES = frozenset({"dc1", "ds1", "ds2"})


def check(ctx: Context, node_id: str) -> str | None:
    """Report a database whose instance_class (a Redshift cluster: node_type) is of a previous generation."""
    if ctx.kind(node_id) == "redshift":
        node_type = str(ctx.prop(node_id, "node_type", "") or "")
        if instance_family(node_type) not in PREVIOUS_WAREHOUSE_FAMILIES:
            return None
        return f"{ctx.label(node_id)} runs on {node_type} nodes, a previous-generation node type."
    instance_class = str(ctx.prop(node_id, "instance_class", "") or "")
    if not instance_class.strip().lower().startswith("db."):
        return None
    family = instance_family(instance_class)
    if family not in PREVIOUS_DB_FAMILIES:
        return None
    return f"{ctx.label(node_id)} runs on {instance_class}, a previous-generation instance class."


RULE = node_rule(META, ("rds", "aurora", "redshift"), check)
