"""A DynamoDB table encrypted with the AWS owned key rather than a KMS key."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="SEC-DYNAMODB-DEFAULT-KEY",
    title="DynamoDB table uses the AWS owned key",
    pillar="security",
    severity="low",
    wa_bp="SEC08-BP01",
    rationale=(
        "Every DynamoDB table is encrypted, but with the AWS owned key nobody in the account can see or "
        "control its use: there is no key policy to narrow who may read the data and no CloudTrail record "
        "of each use of the key."
    ),
    remediation=(
        "Encrypt the table with an AWS managed or customer-managed KMS key (set kms_encryption to true), "
        "and grant kms:Decrypt only to the roles that read the table."
    ),
    securityhub=(),
    checkov=("CKV_AWS_119",),
    partial=("CKV_AWS_119",),
)


def check(ctx: Context, node_id: str) -> str | None:
    """Report a table whose kms_encryption property is false."""
    if ctx.prop(node_id, "kms_encryption"):
        return None
    return f"{ctx.label(node_id)} is encrypted with the AWS owned key only (kms_encryption is false)."


RULE = node_rule(META, ("dynamodb",), check)
