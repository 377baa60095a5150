"""A relational database that does not export its logs to CloudWatch Logs."""

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
        "postgresql logs) to CloudWatch Logs, and draw a flow from the database to a cloudwatch node."
    ),
    securityhub=("RDS.9",),
    checkov=("CKV_AWS_129", "CKV_AWS_324"),
)

KINDS = ("rds", "aurora")


def check(ctx: Context) -> Iterator[Hit]:
    """Report every RDS or Aurora database with log_exports false and no flow to or from CloudWatch (SPEC 3b)."""
    for db in ctx.subjects(*KINDS):
        if ctx.prop(db, "log_exports"):
            continue
        if any(ctx.kind(other) == "cloudwatch" for other in ctx.neighbours(db)):
            continue  # X -> cloudwatch: the drawing says X ships its logs there
        yield Hit(db, f"{ctx.label(db)} keeps its engine logs on the instance only (log_exports is false).")


RULE = graph_rule(META, check, reads={kind: {"log_exports"} for kind in KINDS}, flows="ends")
