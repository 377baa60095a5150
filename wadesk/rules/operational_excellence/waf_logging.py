"""A WAF web ACL that logs none of the requests it inspects."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="OPS-WAF-LOGGING",
    title="WAF logging is off",
    pillar="operational_excellence",
    severity="low",
    wa_bp="OPS08-BP02",
    rationale=(
        "Without web ACL logs nobody can tell which rule blocked a legitimate user or let an attack "
        "through, so tuning the rules is guesswork."
    ),
    remediation=(
        "Set logging to true: send the web ACL's logs to CloudWatch Logs, S3 or Data Firehose, redacting "
        "sensitive fields."
    ),
    securityhub=("WAF.11",),
    checkov=("CKV2_AWS_31", "CKV_AWS_176"),
)


def check(ctx: Context, node_id: str) -> str | None:
    """Report a web ACL whose logging property is off."""
    if ctx.prop(node_id, "logging"):
        return None
    return f"{ctx.label(node_id)} does not log the requests it inspects (logging is false)."


RULE = node_rule(META, ("waf",), check)
