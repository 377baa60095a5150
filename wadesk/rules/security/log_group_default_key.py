"""Log groups encrypted by CloudWatch Logs itself, not with a KMS key."""

from __future__ import annotations

from collections.abc import Iterator

from wadesk.rules.base import Hit, RuleMeta, graph_rule
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
        "key policy allows the CloudWatch Logs service principal of the Region; set kms_key to true, or draw "
        "a flow from the CloudWatch node to that kms node."
    ),
    checkov=("CKV_AWS_158",),
)


def _joined_to_kms(ctx: Context) -> set[str]:
    """Nodes with a flow either way to a kms node, found from the few keys (a log group may have many senders)."""
    return ctx.cached(("kms", "joined"), lambda: {n for key in ctx.nodes("kms") for n in ctx.neighbours(key)})


def check(ctx: Context) -> Iterator[Hit]:
    """Report every CloudWatch node that holds logs, with kms_key false and no flow to or from a kms node."""
    for node in ctx.subjects("cloudwatch"):
        if not ctx.prop(node, "holds_logs", True) or ctx.prop(node, "kms_key"):
            continue
        if node in _joined_to_kms(ctx):
            continue  # X -> kms: the drawing says X encrypts with a customer-managed key (SPEC 3b)
        yield Hit(
            node,
            f"{ctx.label(node)} keeps its logs under CloudWatch Logs' own encryption, not a KMS key you "
            "control (kms_key is false).",
        )


RULE = graph_rule(META, check, reads={"cloudwatch": {"kms_key", "holds_logs"}}, flows="ends")
