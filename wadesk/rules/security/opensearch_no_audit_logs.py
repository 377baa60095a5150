"""An OpenSearch domain that does not publish audit logs."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="SEC-OPENSEARCH-NO-AUDIT-LOGS",
    title="OpenSearch audit logs are off",
    pillar="security",
    severity="medium",
    wa_bp="SEC04-BP01",
    rationale=(
        "Without audit logs the domain keeps no trace of failed logins, permission changes or who read which "
        "index, so a misuse of its data goes unnoticed and cannot be investigated afterwards."
    ),
    remediation=(
        "Set audit_logs to true on the opensearch node and publish the audit and error logs to CloudWatch "
        "Logs (audit logging needs fine-grained access control)."
    ),
    securityhub=("Opensearch.5", "Opensearch.4"),
    checkov=("CKV_AWS_317", "CKV_AWS_84"),
    partial=("Opensearch.4", "CKV_AWS_84"),
)


def check(ctx: Context, node_id: str) -> str | None:
    """Report a domain whose audit_logs property is off."""
    if ctx.prop(node_id, "audit_logs"):
        return None
    return f"{ctx.label(node_id)} keeps no audit trail of access to its data (audit_logs is false)."


RULE = node_rule(META, ("opensearch",), check)
