"""An Athena workgroup that writes query results unencrypted."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="SEC-ATHENA-RESULTS-UNENCRYPTED",
    title="Athena query results are not encrypted",
    pillar="security",
    severity="medium",
    wa_bp="SEC08-BP02",
    rationale=(
        "Query results are copies of the data that was queried, written to S3; left unencrypted they "
        "weaken the protection of the encrypted sources they were read from."
    ),
    remediation=(
        "Set results_encrypted to true: configure the workgroup to encrypt query results (SSE-S3, SSE-KMS "
        "or CSE-KMS) and enforce the workgroup configuration so clients cannot turn it off."
    ),
    checkov=("CKV_AWS_159",),
)


def check(ctx: Context, node_id: str) -> str | None:
    """Report an Athena node whose results_encrypted property is off."""
    if ctx.prop(node_id, "results_encrypted"):
        return None
    return f"{ctx.label(node_id)} writes its query results to S3 unencrypted (results_encrypted is false)."


RULE = node_rule(META, ("athena",), check)
