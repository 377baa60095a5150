"""A managed database, cache, broker or replication instance that does not take minor engine upgrades automatically."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="SEC-NO-MINOR-VERSION-UPGRADES",
    title="Automatic minor version upgrades are off",
    pillar="security",
    severity="high",
    wa_bp="SEC06-BP01",
    rationale=(
        "Minor engine releases carry security fixes; with automatic upgrades off, known vulnerabilities stay "
        "in the engine until somebody remembers to schedule an upgrade by hand."
    ),
    remediation=(
        "Set auto_minor_version_upgrade to true so the engine is patched in the maintenance window, and pick "
        "a maintenance window that suits the workload."
    ),
    securityhub=("RDS.13", "ElastiCache.2"),
    checkov=("CKV_AWS_226", "CKV_AWS_322"),
)


def check(ctx: Context, node_id: str) -> str | None:
    """Report a node whose auto_minor_version_upgrade is false."""
    if ctx.prop(node_id, "auto_minor_version_upgrade", True):
        return None
    return (
        f"{ctx.label(node_id)} does not apply minor engine releases and their security fixes on its own "
        "(auto_minor_version_upgrade is false)."
    )


RULE = node_rule(META, ("rds", "aurora", "elasticache", "mq", "dms"), check)
