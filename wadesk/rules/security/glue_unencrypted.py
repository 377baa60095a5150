"""A Glue job or crawler with no security configuration encrypting what it writes."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="SEC-GLUE-UNENCRYPTED",
    title="Glue writes without encryption",
    pillar="security",
    severity="medium",
    wa_bp="SEC08-BP02",
    rationale=(
        "Glue jobs copy the data they transform into S3 targets, temporary folders, logs and job bookmarks. "
        "Without a security configuration those copies are written with whatever the destination defaults to, "
        "and CloudWatch logs and bookmarks are not encrypted with a key you control."
    ),
    remediation=(
        "Attach a Glue security configuration that encrypts S3 output with SSE-KMS and CloudWatch logs and job "
        "bookmarks with a KMS key, then set encryption to true."
    ),
    securityhub=(),
    checkov=("CKV_AWS_99",),
)


def check(ctx: Context, node_id: str) -> str | None:
    """Report a Glue node whose encryption property is false."""
    if ctx.prop(node_id, "encryption"):
        return None
    return f"{ctx.label(node_id)} has no security configuration encrypting its output, logs and bookmarks."


RULE = node_rule(META, ("glue",), check)
