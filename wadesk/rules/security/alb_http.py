"""An internet-facing Application Load Balancer that serves plain HTTP."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="SEC-ALB-HTTP",
    title="Internet-facing load balancer accepts plain HTTP",
    pillar="security",
    severity="medium",
    wa_bp="SEC09-BP02",
    rationale=(
        "A listener that serves plain HTTP lets anyone on the path between the user and AWS read and "
        "change requests and responses, including session cookies and credentials."
    ),
    remediation=(
        "Set https_only to true: serve HTTPS with an ACM certificate and turn the HTTP listener into a "
        "redirect to HTTPS."
    ),
    securityhub=("ELB.1",),
    checkov=("CKV2_AWS_20", "CKV_AWS_2", "CKV_AWS_103"),
    # These test every load balancer's listeners, internal ones included; the rule asks only about listeners
    # that face the internet. CKV_AWS_103 fails plain HTTP as well as TLS policies older than 1.2
    # (SEC-TLS-POLICY-OUTDATED's part).
    partial=("ELB.1", "CKV2_AWS_20", "CKV_AWS_2", "CKV_AWS_103"),
)


def check(ctx: Context, node_id: str) -> str | None:
    """Report an internet-facing Application or Classic Load Balancer whose https_only property is false."""
    if ctx.prop(node_id, "https_only") or ctx.prop(node_id, "scheme") != "internet-facing":
        return None
    return f"{ctx.label(node_id)} faces the internet and serves plain HTTP (https_only is false)."


RULE = node_rule(META, ("alb", "elb"), check)
