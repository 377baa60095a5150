"""A DMS replication instance with a public IP address."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="SEC-DMS-PUBLIC",
    title="DMS replication instance is publicly accessible",
    pillar="security",
    severity="high",
    wa_bp="SEC05-BP02",
    rationale=(
        "A replication instance holds credentials for both its source and target databases and carries their "
        "data. With a public IP address it can be reached from the internet, guarded only by its security group."
    ),
    remediation=(
        "Set publicly_accessible to false (it is true unless a template says otherwise) and place the instance "
        "in private subnets; reach on-premises or other-VPC databases over a VPN, Direct Connect or peering."
    ),
    securityhub=(),
    checkov=(),
)


def check(ctx: Context, node_id: str) -> str | None:
    """Report a replication instance whose publicly_accessible is true."""
    if not ctx.prop(node_id, "publicly_accessible", True):
        return None
    return f"{ctx.label(node_id)} has a public IP address (publicly_accessible is true)."


RULE = node_rule(META, ("dms",), check)
