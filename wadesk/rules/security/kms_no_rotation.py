"""A customer-managed KMS key without automatic rotation."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="SEC-KMS-NO-ROTATION",
    title="KMS key is not rotated",
    pillar="security",
    severity="medium",
    wa_bp="SEC08-BP01",
    rationale=(
        "A key that is never rotated protects ever more data with the same key material, so one exposure "
        "of that material affects everything encrypted under it for the key's whole life."
    ),
    remediation=(
        "Set rotation to true so KMS creates new key material every year while still decrypting data "
        "encrypted under the older material."
    ),
    securityhub=("KMS.4",),
    checkov=("CKV_AWS_7",),
)


def check(ctx: Context, node_id: str) -> str | None:
    """Report a key whose rotation property is false."""
    if ctx.prop(node_id, "rotation"):
        return None
    return f"{ctx.label(node_id)} keeps the same key material forever (rotation is false)."


RULE = node_rule(META, ("kms",), check)
