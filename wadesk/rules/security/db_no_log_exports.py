"""A relational or document database that does not export its logs to CloudWatch Logs."""

from __future__ import annotations

from collections.abc import Iterator

from wadesk.rules.base import Hit, RuleMeta, graph_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="SEC-DB-NO-LOG-EXPORTS",
    title="Database logs are not exported",
    pillar="security",
    severity="medium",
    wa_bp="SEC04-BP01",
    rationale=(
        "Database error, audit and connection logs that stay on the instance are rotated away within days "
        "and cannot be searched or alarmed on, so failed logins and suspicious queries go unnoticed and "
        "leave nothing to investigate."
    ),
    remediation=(
        "Set log_exports to true on the database to publish its engine logs (error, audit, slow query or "
        "postgresql logs) to CloudWatch Logs; for DocumentDB, turn on the audit_logs cluster parameter and "
        "export the audit log (audit_logs). Draw a flow from the database to a cloudwatch node."
    ),
    securityhub=("RDS.9",),
    checkov=("CKV_AWS_129", "CKV_AWS_324"),
)

#: The property that says a kind's logs leave the database: engine logs for RDS and Aurora, the audit log for
#: DocumentDB (its only security log; profiler logs are about performance).
EXPORTS = {"rds": "log_exports", "aurora": "log_exports", "documentdb": "audit_logs"}


def check(ctx: Context) -> Iterator[Hit]:
    """Report every database whose export property is false and that has no flow to or from CloudWatch (SPEC 3b)."""
    for db in ctx.subjects(*EXPORTS):
        name = EXPORTS[ctx.kind(db)]
        if ctx.prop(db, name):
            continue
        if any(ctx.kind(other) == "cloudwatch" for other in ctx.neighbours(db)):
            continue  # X -> cloudwatch: the drawing says X ships its logs there
        if name == "audit_logs":
            yield Hit(db, f"{ctx.label(db)} keeps its audit log in the cluster only ({name} is false).")
        else:
            yield Hit(db, f"{ctx.label(db)} keeps its engine logs on the instance only ({name} is false).")


RULE = graph_rule(META, check, reads={kind: {name} for kind, name in EXPORTS.items()}, flows="ends")
