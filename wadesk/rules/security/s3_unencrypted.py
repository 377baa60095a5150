"""An S3 bucket with server-side encryption turned off."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="SEC-S3-UNENCRYPTED",
    title="S3 bucket has no default encryption",
    pillar="security",
    severity="medium",
    wa_bp="SEC08-BP02",
    rationale=(
        "Objects stored without server-side encryption are readable by anyone who obtains the underlying "
        "storage or a copy of it, and the bucket cannot prove to an auditor that its data is protected at "
        "rest."
    ),
    remediation=(
        "Set encryption to SSE-S3, or to SSE-KMS with a kms node when key usage must be controlled and audited."
    ),
    securityhub=("S3.4",),
    checkov=("CKV_AWS_19",),
)


def check(ctx: Context, node_id: str) -> str | None:
    """Report a bucket whose encryption property is "none"."""
    if ctx.prop(node_id, "encryption") != "none":
        return None
    return f"{ctx.label(node_id)} stores objects unencrypted (encryption is none)."


RULE = node_rule(META, ("s3",), check)
