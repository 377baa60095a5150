"""An S3 bucket whose objects can be overwritten or deleted without a previous version."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="REL-S3-NO-VERSIONING",
    title="S3 bucket versioning is off",
    pillar="reliability",
    severity="low",
    wa_bp="REL09-BP01",
    rationale=(
        "Without versioning, an overwrite or delete by a buggy deployment, a script or an attacker replaces "
        "the only copy of the object; there is nothing to roll back to."
    ),
    remediation=(
        "Set versioning to true, and add lifecycle_rules that expire old versions after a retention period "
        "to keep storage in check."
    ),
    securityhub=("S3.14",),
    checkov=("CKV_AWS_21",),
)


def check(ctx: Context, node_id: str) -> str | None:
    """Report a bucket whose versioning is off."""
    if ctx.prop(node_id, "versioning"):
        return None
    return f"{ctx.label(node_id)} keeps no previous versions of its objects (versioning is false)."


RULE = node_rule(META, ("s3",), check)
