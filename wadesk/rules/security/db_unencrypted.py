"""A relational, document, graph or warehouse database whose storage is not encrypted."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="SEC-DB-UNENCRYPTED",
    title="Database storage is not encrypted",
    pillar="security",
    severity="medium",
    wa_bp="SEC08-BP02",
    rationale=(
        "Unencrypted database storage leaves the data, its automated backups, snapshots and read replicas "
        "readable to anyone who gets hold of a copy, and encryption cannot be switched on later without a "
        "migration."
    ),
    remediation=(
        "Create the database with storage encryption on (storage_encrypted, or encrypted for Redshift, "
        "set to true), using a kms node for a customer-managed key when key access must be controlled; an "
        "existing instance is migrated by restoring an encrypted copy of a snapshot."
    ),
    securityhub=("RDS.3",),
    checkov=("CKV_AWS_16", "CKV_AWS_96", "CKV_AWS_64"),
)


def check(ctx: Context, node_id: str) -> str | None:
    """Report a database whose storage_encrypted (Redshift: encrypted) property is false."""
    name = "encrypted" if ctx.kind(node_id) == "redshift" else "storage_encrypted"
    if ctx.prop(node_id, name):
        return None
    return f"{ctx.label(node_id)} keeps its data unencrypted at rest ({name} is false)."


RULE = node_rule(META, ("rds", "aurora", "documentdb", "neptune", "redshift"), check)
