"""A DynamoDB table encrypted with the AWS owned key rather than a KMS key."""

from __future__ import annotations

from collections.abc import Iterator

from wadesk.rules.base import Hit, RuleMeta, graph_rule
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
        "Encrypt the table with an AWS managed or customer-managed KMS key (set kms_encryption to true, or "
        "draw a flow from the table to its kms node), and grant kms:Decrypt only to the roles that read the "
        "table."
    ),
    securityhub=(),
    checkov=("CKV_AWS_119",),
    partial=("CKV_AWS_119",),
)


def check(ctx: Context) -> Iterator[Hit]:
    """Report every table with kms_encryption false and no flow to or from a kms node."""
    for node in ctx.subjects("dynamodb"):
        if ctx.prop(node, "kms_encryption"):
            continue
        if any(ctx.kind(other) == "kms" for other in ctx.neighbours(node)):
            continue  # X -> kms: the drawing says X encrypts with a customer-managed key (SPEC 3b)
        yield Hit(node, f"{ctx.label(node)} is encrypted with the AWS owned key only (kms_encryption is false).")


RULE = graph_rule(META, check, reads={"dynamodb": {"kms_encryption"}}, flows="ends")
