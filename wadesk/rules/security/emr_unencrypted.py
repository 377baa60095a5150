"""An EMR cluster without a security configuration that encrypts its data."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="SEC-EMR-UNENCRYPTED",
    title="EMR cluster does not encrypt its data",
    pillar="security",
    severity="medium",
    wa_bp="SEC08-BP02",
    rationale=(
        "Without an encryption security configuration, data spilled to local disks and EBS volumes and the "
        "shuffle traffic between nodes are left in clear, although they hold the same data the cluster "
        "reads from encrypted stores."
    ),
    remediation=(
        "Set encryption to true: attach an EMR security configuration that enables at-rest encryption "
        "(local disk, EBS and EMRFS on S3) and in-transit encryption (TLS between nodes)."
    ),
    securityhub=(),
    checkov=("CKV_AWS_349", "CKV_AWS_350", "CKV_AWS_351"),
    partial=("CKV_AWS_349", "CKV_AWS_350", "CKV_AWS_351"),
)


def check(ctx: Context, node_id: str) -> str | None:
    """Report a cluster whose encryption property is off."""
    if ctx.prop(node_id, "encryption"):
        return None
    return (
        f"{ctx.label(node_id)} has no security configuration encrypting its disks and node-to-node "
        "traffic (encryption is false)."
    )


RULE = node_rule(META, ("emr",), check)
