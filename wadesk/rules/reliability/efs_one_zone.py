"""An EFS file system using One Zone storage."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="REL-EFS-ONE-ZONE",
    title="EFS file system stored in one Availability Zone",
    pillar="reliability",
    severity="medium",
    wa_bp="REL10-BP01",
    rationale=(
        "One Zone storage keeps the files in a single zone: a zone outage makes them unreachable from every "
        "zone, and a loss of that zone can lose the data."
    ),
    remediation="Set one_zone to false (Regional storage, redundant across zones) and mount it from each AZ.",
    securityhub=(),
    checkov=(),
)


def check(ctx: Context, node_id: str) -> str | None:
    """Report a file system whose one_zone is true."""
    if not ctx.prop(node_id, "one_zone"):
        return None
    return f"{ctx.label(node_id)} uses One Zone storage, so its files live in a single Availability Zone."


RULE = node_rule(META, ("efs",), check)
