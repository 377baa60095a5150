"""An EKS cluster that does not envelope-encrypt Kubernetes secrets with a KMS key."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="SEC-EKS-SECRETS-UNENCRYPTED",
    title="EKS secrets are not envelope-encrypted",
    pillar="security",
    severity="medium",
    wa_bp="SEC08-BP02",
    rationale=(
        "Without envelope encryption, Kubernetes secrets (database passwords, API tokens, certificates) are "
        "protected only by the disk encryption of etcd; anyone who can read an etcd backup or snapshot can "
        "read them, and you have no key whose use you can audit or revoke."
    ),
    remediation=(
        "Set secrets_encryption to true on the eks_cluster node so EKS encrypts secrets with a KMS key "
        "(draw an edge to a kms node for a customer-managed key)."
    ),
    checkov=("CKV_AWS_58",),
)


def check(ctx: Context, node_id: str) -> str | None:
    """Report a cluster whose secrets_encryption property is off."""
    if ctx.prop(node_id, "secrets_encryption"):
        return None
    return (
        f"{ctx.label(node_id)} keeps its Kubernetes secrets without KMS envelope encryption "
        "(secrets_encryption is false)."
    )


RULE = node_rule(META, ("eks_cluster",), check)
