"""Log groups encrypted by CloudWatch Logs itself, not with a KMS key."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="SEC-LOG-GROUP-DEFAULT-KEY",
    title="Log groups are not encrypted with a KMS key",
    pillar="security",
    severity="low",
    wa_bp="SEC08-BP01",
    rationale=(
        "CloudWatch Logs always encrypts log data at rest, but without a KMS key of your own there is no "
        "key policy to narrow who may read logs that hold personal data, tokens or request contents, no "
        "CloudTrail record of each use of the key, and no way to make the data unreadable by disabling it."
    ),
    remediation=(
        "Associate a customer-managed KMS key with the log groups (KmsKeyId; Terraform kms_key_id) whose "
        "key policy allows the CloudWatch Logs service principal of the Region, and set kms_key to true."
    ),
    checkov=("CKV_AWS_158",),
)


def check(ctx: Context, node_id: str) -> str | None:
    """Report a CloudWatch node that holds logs and whose kms_key property is false."""
    if not ctx.prop(node_id, "holds_logs", True) or ctx.prop(node_id, "kms_key"):
        return None
    return (
        f"{ctx.label(node_id)} keeps its logs under CloudWatch Logs' own encryption, not a KMS key you "
        "control (kms_key is false)."
    )


RULE = node_rule(META, ("cloudwatch",), check)
