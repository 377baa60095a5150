"""A Kinesis data stream that keeps records much longer than streaming consumers need."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="SUS-KINESIS-LONG-RETENTION",
    title="Kinesis stream keeps data for more than 7 days",
    pillar="sustainability",
    severity="low",
    wa_bp="SUS04-BP03",
    rationale=(
        "A stream is a buffer for consumers, not an archive. Long-term retention keeps every record on "
        "replicated, hot stream storage for weeks or months, long after consumers have read it."
    ),
    remediation=(
        "Lower retention_hours to what replay after a consumer failure needs (24 to 168 hours), and archive "
        "records that must be kept longer to S3 (for example through Amazon Data Firehose) with a lifecycle rule."
    ),
    securityhub=(),
    checkov=(),
)

_WEEK_HOURS = 168


def check(ctx: Context, node_id: str) -> str | None:
    """Report a stream whose retention_hours exceeds seven days."""
    hours = int(ctx.prop(node_id, "retention_hours", 24) or 24)
    if hours <= _WEEK_HOURS:
        return None
    return (
        f"{ctx.label(node_id)} keeps records for {hours} hours ({hours // 24} days), far longer than "
        "streaming consumers need them."
    )


RULE = node_rule(META, ("kinesis",), check)
