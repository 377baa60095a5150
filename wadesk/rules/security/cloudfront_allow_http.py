"""A CloudFront distribution that lets viewers use plain HTTP."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="SEC-CLOUDFRONT-ALLOW-HTTP",
    title="CloudFront serves viewers over plain HTTP",
    pillar="security",
    severity="medium",
    wa_bp="SEC09-BP02",
    rationale=(
        "With the allow-all viewer protocol policy, browsers and clients may fetch content over "
        "unencrypted HTTP, where it can be read or tampered with on the way."
    ),
    remediation="Set viewer_protocol to redirect-to-https (or https-only) on the distribution.",
    securityhub=("CloudFront.3",),
    checkov=("CKV_AWS_34",),
)


def check(ctx: Context, node_id: str) -> str | None:
    """Report a distribution whose viewer_protocol is allow-all."""
    if ctx.prop(node_id, "viewer_protocol") != "allow-all":
        return None
    return f"{ctx.label(node_id)} lets viewers connect over plain HTTP (viewer_protocol is allow-all)."


RULE = node_rule(META, ("cloudfront",), check)
