"""An EC2 instance's volumes, an EBS volume or an EFS file system stored unencrypted."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="SEC-VOLUME-UNENCRYPTED",
    title="Block or file storage is not encrypted",
    pillar="security",
    severity="medium",
    wa_bp="SEC08-BP02",
    rationale=(
        "Unencrypted EBS volumes and EFS file systems leave their data, and every snapshot or backup "
        "taken from them, readable to anyone who obtains a copy; encryption can only be added by copying "
        "the data."
    ),
    remediation=(
        "Turn encryption on: ebs_encrypted on the instance (and the account's EBS encryption by default), "
        "encrypted on an ebs or efs node, with a kms node when a customer-managed key is required."
    ),
    securityhub=("EC2.3", "EC2.7", "EFS.1"),
    checkov=("CKV_AWS_3", "CKV2_AWS_2", "CKV_AWS_42", "CKV_AWS_106"),
    partial=("EC2.7", "EFS.1", "CKV_AWS_106"),
)


def check(ctx: Context, node_id: str) -> str | None:
    """Report an instance with ebs_encrypted false, or an EBS volume or EFS file system with encrypted false."""
    name = "ebs_encrypted" if ctx.kind(node_id) == "ec2" else "encrypted"
    if ctx.prop(node_id, name):
        return None
    return f"{ctx.label(node_id)} stores its data on unencrypted storage ({name} is false)."


RULE = node_rule(META, ("ec2", "ebs", "efs"), check)
