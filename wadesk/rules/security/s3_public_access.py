"""An S3 bucket whose Block Public Access settings are off."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="SEC-S3-PUBLIC-ACCESS",
    title="S3 bucket does not block public access",
    pillar="security",
    severity="high",
    wa_bp="SEC08-BP04",
    rationale=(
        "With Block Public Access off, a single bucket policy statement or object ACL is enough to "
        "publish the bucket's data to the whole internet, and such mistakes are among the most common "
        "causes of data leaks."
    ),
    remediation=(
        "Set block_public_access to true on the bucket. To serve its content publicly, put a cloudfront "
        "node in front with origin_access_control set to true instead of opening the bucket itself."
    ),
    securityhub=("S3.8", "S3.1"),
    checkov=("CKV2_AWS_6", "CKV_AWS_53", "CKV_AWS_54", "CKV_AWS_55", "CKV_AWS_56"),
    partial=("S3.1", "CKV_AWS_53", "CKV_AWS_54", "CKV_AWS_55", "CKV_AWS_56"),
)


def check(ctx: Context, node_id: str) -> str | None:
    """Report a bucket whose block_public_access property is false."""
    if ctx.prop(node_id, "block_public_access"):
        return None
    return f"{ctx.label(node_id)} can be made public: block_public_access is false."


RULE = node_rule(META, ("s3",), check)
