"""An RDS, Aurora or Neptune database that accepts passwords only, not IAM tokens."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="SEC-DB-NO-IAM-AUTH",
    title="Database does not use IAM authentication",
    pillar="security",
    severity="medium",
    wa_bp="SEC02-BP02",
    rationale=(
        "With only database passwords, every client holds a long-lived secret that must be distributed, "
        "stored and rotated. IAM database authentication issues short-lived tokens tied to the caller's "
        "role instead."
    ),
    remediation=(
        "Set iam_auth to true and give the application's iam_role the rds-db:connect permission for its "
        "database user (neptune-db:connect for Neptune); keep any remaining passwords in Secrets Manager with "
        "rotation."
    ),
    securityhub=("RDS.10", "RDS.12"),
    checkov=("CKV_AWS_161", "CKV_AWS_162"),
)


#: Engines that do not support IAM database authentication: the rule has nothing to ask of them.
_NO_IAM_ENGINES = ("sqlserver", "oracle", "db2")


def check(ctx: Context, node_id: str) -> str | None:
    """Report a MySQL, MariaDB, PostgreSQL or Neptune database whose iam_auth property is false."""
    if ctx.prop(node_id, "iam_auth"):
        return None
    engine = str(ctx.prop(node_id, "engine", "") or "").lower()
    if any(name in engine for name in _NO_IAM_ENGINES):
        return None
    return f"{ctx.label(node_id)} authenticates clients with passwords only (iam_auth is false)."


RULE = node_rule(META, ("rds", "aurora", "neptune"), check)
