"""An S3 bucket that keeps every object in its original storage class forever."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="COST-S3-NO-LIFECYCLE",
    title="S3 bucket has no lifecycle rules",
    pillar="cost_optimization",
    severity="low",
    wa_bp="COST04-BP05",
    rationale=(
        "Without lifecycle rules every object stays in S3 Standard until someone deletes it by hand: ageing "
        "data is never moved to cheaper storage classes or expired, and the bill grows with the bucket."
    ),
    remediation=(
        "Set lifecycle_rules to true and define rules that move objects to Standard-IA, Intelligent-Tiering "
        "or Glacier as they age, expire data past its retention period, clean up incomplete multipart uploads "
        "and, on versioned buckets, expire noncurrent versions."
    ),
    securityhub=("S3.13",),
    checkov=("CKV2_AWS_61",),
)


def check(ctx: Context, node_id: str) -> str | None:
    """Report a bucket whose lifecycle_rules property is off."""
    if ctx.prop(node_id, "lifecycle_rules"):
        return None
    extra = ""
    if ctx.prop(node_id, "versioning"):
        extra = " It is versioned, so every overwritten or deleted object is also kept forever."
    return f"{ctx.label(node_id)} has no lifecycle rules, so its objects are never tiered down or expired.{extra}"


RULE = node_rule(META, ("s3",), check)
