"""An S3 bucket that records no server access logs."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="SEC-S3-NO-ACCESS-LOGS",
    title="S3 bucket has no server access logging",
    pillar="security",
    severity="medium",
    wa_bp="SEC04-BP01",
    rationale=(
        "Server access logs are the only per-request history of who read, wrote or deleted objects in a "
        "bucket; without them a leak or an unexpected deletion cannot be traced to a caller or a time."
    ),
    remediation=(
        "Set access_logging to true on the bucket and send its logs to a separate log bucket (an s3 node "
        "with log_bucket set) with restricted access and a lifecycle rule."
    ),
    securityhub=("S3.9",),
    checkov=("CKV_AWS_18",),
    partial=("S3.9", "CKV_AWS_18"),
)

def check(ctx: Context, node_id: str) -> str | None:
    """Report a bucket whose access_logging is false, unless it is itself a log bucket (log_bucket)."""
    if ctx.prop(node_id, "access_logging"):
        return None
    if ctx.prop(node_id, "log_bucket"):
        return None  # a log bucket logging into itself would be circular
    return f"{ctx.label(node_id)} keeps no record of the requests made to it (access_logging is false)."


RULE = node_rule(META, ("s3",), check)
