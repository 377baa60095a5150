"""A Secrets Manager secret without automatic rotation."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="SEC-SECRET-NO-ROTATION",
    title="Secret is not rotated automatically",
    pillar="security",
    severity="medium",
    wa_bp="SEC02-BP05",
    rationale=(
        "A secret that never changes stays valid for as long as any copy of it survives in a log, a "
        "laptop or a former employee's notes."
    ),
    remediation=(
        "Set rotation to true on the secrets_manager node with a rotation schedule (the managed rotation "
        "functions cover RDS, Aurora, Redshift and DocumentDB credentials)."
    ),
    securityhub=("SecretsManager.1",),
    checkov=("CKV2_AWS_57",),
)


def check(ctx: Context, node_id: str) -> str | None:
    """Report a secret whose rotation property is false."""
    if ctx.prop(node_id, "rotation"):
        return None
    return f"{ctx.label(node_id)} is never rotated (rotation is false)."


RULE = node_rule(META, ("secrets_manager",), check)
