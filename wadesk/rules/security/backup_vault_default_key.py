"""An AWS Backup vault encrypted with the AWS managed key rather than a customer-managed one."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="SEC-BACKUP-VAULT-DEFAULT-KEY",
    title="Backup vault uses the AWS managed key",
    pillar="security",
    severity="low",
    wa_bp="SEC08-BP01",
    rationale=(
        "Recovery points hold a copy of every protected store. With the AWS managed key anyone allowed to "
        "use AWS Backup in the account can restore them; a customer-managed key lets its key policy decide "
        "who may decrypt the copies, separately from who may use the data itself."
    ),
    remediation=(
        "Create the vault with a customer-managed KMS key (set vault_kms to true) whose key policy admits only "
        "the backup and restore roles."
    ),
    securityhub=(),
    checkov=("CKV_AWS_166",),
)


def check(ctx: Context, node_id: str) -> str | None:
    """Report a backup node whose vault_kms property is false."""
    if ctx.prop(node_id, "vault_kms"):
        return None
    return f"{ctx.label(node_id)} keeps its recovery points under the AWS managed key (vault_kms is false)."


RULE = node_rule(META, ("backup",), check)
