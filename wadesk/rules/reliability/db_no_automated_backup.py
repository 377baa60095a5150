"""A relational database with automated backups turned off."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="REL-DB-NO-AUTOMATED-BACKUP",
    title="Database automated backups are off",
    pillar="reliability",
    severity="medium",
    wa_bp="REL09-BP03",
    rationale=(
        "With a backup retention of zero days RDS takes no daily snapshots and keeps no transaction logs, "
        "so the database cannot be restored to a point in time after corruption or a bad change."
    ),
    remediation="Set backup_retention_days to at least 7 (up to 35) so RDS backs the database up automatically.",
    securityhub=("RDS.11",),
    checkov=("CKV_AWS_133",),
)


def check(ctx: Context, node_id: str) -> str | None:
    """Report a database whose backup_retention_days is 0."""
    if int(ctx.prop(node_id, "backup_retention_days", 1) or 0) > 0:
        return None
    return (
        f"{ctx.label(node_id)} keeps no automated backups (backup_retention_days is 0), so it has no "
        "point-in-time recovery."
    )


RULE = node_rule(META, ("rds", "aurora"), check)
