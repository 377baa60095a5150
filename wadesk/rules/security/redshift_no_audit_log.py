"""A Redshift cluster that does not record audit logs."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="SEC-REDSHIFT-NO-AUDIT-LOG",
    title="Redshift audit logging is off",
    pillar="security",
    severity="medium",
    wa_bp="SEC04-BP01",
    rationale=(
        "Without audit logs there is no record of who connected to the warehouse, which users were changed "
        "or which queries ran, so misuse of its data can be neither detected nor investigated."
    ),
    remediation=(
        "Set audit_logging to true on the redshift node and deliver the connection, user and user-activity "
        "logs to CloudWatch Logs or an S3 bucket."
    ),
    securityhub=("Redshift.4",),
    checkov=("CKV_AWS_71",),
)


def check(ctx: Context, node_id: str) -> str | None:
    """Report a cluster whose audit_logging property is off."""
    if ctx.prop(node_id, "audit_logging"):
        return None
    return f"{ctx.label(node_id)} keeps no record of connections and queries (audit_logging is false)."


RULE = node_rule(META, ("redshift",), check)
