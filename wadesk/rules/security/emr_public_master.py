"""An EMR cluster whose master node is reachable from the internet."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="SEC-EMR-PUBLIC-MASTER",
    title="EMR master node is public",
    pillar="security",
    severity="high",
    wa_bp="SEC05-BP01",
    rationale=(
        "A master node with a public IP exposes SSH and the web interfaces of Hadoop, Spark and YARN to the "
        "internet, and unauthenticated job submission through them is a common way clusters are taken over."
    ),
    remediation=(
        "Set public_master to false, launch the cluster in a private subnet, keep EMR block public access "
        "on, and reach the master through Session Manager, a VPN or a bastion."
    ),
    securityhub=("EMR.1",),
    checkov=("CKV_AWS_390",),
    partial=("CKV_AWS_390",),
)


def check(ctx: Context, node_id: str) -> str | None:
    """Report a cluster whose public_master property is on."""
    if not ctx.prop(node_id, "public_master"):
        return None
    return f"{ctx.label(node_id)} has a master node reachable from the internet (public_master is true)."


RULE = node_rule(META, ("emr",), check)
