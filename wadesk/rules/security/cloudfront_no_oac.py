"""A CloudFront distribution with an S3 origin and no origin access control."""

from __future__ import annotations

from collections.abc import Iterator

from wadesk.rules.base import Hit, RuleMeta, graph_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="SEC-CLOUDFRONT-NO-OAC",
    title="CloudFront reads an S3 origin without origin access control",
    pillar="security",
    severity="medium",
    wa_bp="SEC08-BP04",
    rationale=(
        "Without origin access control, the bucket behind a distribution has to be readable by everyone, "
        "so clients can fetch objects straight from S3 and skip the distribution's HTTPS policy, WAF, "
        "geo-restrictions and signed URLs."
    ),
    remediation=(
        "Set origin_access_control to true on the distribution, keep block_public_access on the bucket, "
        "and allow only the distribution (by its ARN) in the bucket policy."
    ),
    securityhub=("CloudFront.13",),
    checkov=("CKV2_AWS_46",),
)


def check(ctx: Context) -> Iterator[Hit]:
    """Report distributions that send to an S3 bucket (not a website endpoint) without origin access control."""
    for distribution in ctx.subjects("cloudfront"):
        if ctx.prop(distribution, "origin_access_control"):
            continue
        buckets = [
            b for b in ctx.successors(distribution) if ctx.kind(b) == "s3" and not ctx.prop(b, "website_hosting")
        ]
        if buckets:
            names = ", ".join(ctx.label(b) for b in buckets)
            yield Hit(
                distribution,
                f"{ctx.label(distribution)} serves {names} without origin access control "
                "(origin_access_control is false).",
            )


RULE = graph_rule(
    META, check, reads={"cloudfront": {"origin_access_control"}, "s3": {"website_hosting"}}, flows="ends"
)
