"""A database that one API call or stack update can delete."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="REL-DB-NO-DELETION-PROTECTION",
    title="Database has no deletion protection",
    pillar="reliability",
    severity="low",
    wa_bp="REL09-BP01",
    rationale=(
        "Without deletion protection a mistaken console click, script or CloudFormation replacement removes "
        "the database and its automated backups in one step."
    ),
    remediation="Set deletion_protection to true; turn it off deliberately only when the database is retired.",
    securityhub=("RDS.8", "RDS.7"),
    checkov=("CKV_AWS_293", "CKV_AWS_139"),
)


def check(ctx: Context, node_id: str) -> str | None:
    """Report a database whose deletion_protection is off."""
    if ctx.prop(node_id, "deletion_protection"):
        return None
    return f"{ctx.label(node_id)} can be deleted by a single call (deletion_protection is false)."


RULE = node_rule(META, ("rds", "aurora", "documentdb", "neptune", "dynamodb", "dsql"), check)
