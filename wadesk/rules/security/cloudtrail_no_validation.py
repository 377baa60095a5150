"""A CloudTrail trail without log file integrity validation."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="SEC-CLOUDTRAIL-NO-VALIDATION",
    title="CloudTrail log file validation is off",
    pillar="security",
    severity="low",
    wa_bp="SEC04-BP02",
    rationale=(
        "Without digest files nobody can prove that the trail's log files were not altered or deleted after "
        "delivery, which is exactly what an intruder covering their tracks would do."
    ),
    remediation=(
        "Set log_file_validation to true on the trail so CloudTrail delivers signed hourly digests, and "
        "validate them when logs are used as evidence."
    ),
    securityhub=("CloudTrail.4",),
    checkov=("CKV_AWS_36",),
)


def check(ctx: Context, node_id: str) -> str | None:
    """Report a trail whose log_file_validation is false."""
    if ctx.prop(node_id, "log_file_validation"):
        return None
    return f"{ctx.label(node_id)} cannot show that its log files were not tampered with (log_file_validation is false)."


RULE = node_rule(META, ("cloudtrail",), check)
