"""An RDS, Aurora or Redshift database that has a public endpoint."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="SEC-DB-PUBLICLY-ACCESSIBLE",
    title="Database is publicly accessible",
    pillar="security",
    severity="high",
    wa_bp="SEC05-BP02",
    rationale=(
        "A publicly accessible database gets an address that resolves and routes from the internet, so "
        "its port can be probed and its credentials attacked by anyone; the only remaining defence is a "
        "security group rule."
    ),
    remediation=(
        "Set publicly_accessible to false and let clients reach the database from inside the VPC: the "
        "application tier, a VPN or Session Manager port forwarding for administrators."
    ),
    securityhub=("RDS.2", "Redshift.1"),
    checkov=("CKV_AWS_17", "CKV_AWS_87"),
)


def check(ctx: Context, node_id: str) -> str | None:
    """Report a database whose publicly_accessible property is true."""
    if not ctx.prop(node_id, "publicly_accessible"):
        return None
    return f"{ctx.label(node_id)} has a public endpoint (publicly_accessible is true)."


RULE = node_rule(META, ("rds", "aurora", "redshift"), check)
