"""An SQS queue, SNS topic or Kinesis stream without server-side encryption."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="SEC-MESSAGING-UNENCRYPTED",
    title="Queue, topic or stream is not encrypted",
    pillar="security",
    severity="medium",
    wa_bp="SEC08-BP02",
    rationale=(
        "Messages often carry the same personal or business data as the databases they feed; without "
        "server-side encryption they sit in the queue, topic or stream in readable form."
    ),
    remediation=(
        "Set encryption to true on the sqs, sns or kinesis node (SSE with an AWS managed key, or a kms "
        "node for a customer-managed key)."
    ),
    securityhub=("SQS.1", "SNS.1", "Kinesis.1"),
    checkov=("CKV_AWS_27", "CKV_AWS_26", "CKV_AWS_43"),
)


def check(ctx: Context, node_id: str) -> str | None:
    """Report a queue, topic or stream whose encryption property is false."""
    if ctx.prop(node_id, "encryption"):
        return None
    return f"{ctx.label(node_id)} keeps its messages unencrypted (encryption is false)."


RULE = node_rule(META, ("sqs", "sns", "kinesis"), check)
