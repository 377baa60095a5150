"""HTTPS served with a security policy that still accepts TLS 1.0 or 1.1.

A load balancer is judged only when the drawing names the security policy of its HTTPS, TLS or SSL
listeners (``tls_policy``; the importers write AWS's default when a template names none); one that serves
plain HTTP alone is SEC-ALB-HTTP's concern. The versions each policy accepts, and the defaults AWS
applies, are in :mod:`wadesk.catalog.tls_policies`.
"""

from __future__ import annotations

from collections.abc import Iterator

from wadesk.catalog.tls_policies import (
    CLOUDFRONT_DEFAULT_CERTIFICATE_POLICY,
    ELB_DEFAULT_POLICY,
    cloudfront_policy_minimum,
    elb_policy_minimum,
    older_than_tls12,
)
from wadesk.rules.base import Hit, RuleMeta, graph_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="SEC-TLS-POLICY-OUTDATED",
    title="HTTPS accepts TLS versions older than 1.2",
    pillar="security",
    severity="medium",
    wa_bp="SEC09-BP02",
    rationale=(
        "TLS 1.0 and 1.1 are deprecated (RFC 8996): they rely on weak hash functions and cipher suites, "
        "and a client or attacker on the path can negotiate them instead of TLS 1.2 or 1.3. Standards such "
        "as PCI DSS no longer accept them."
    ),
    remediation=(
        "Load balancers: give every HTTPS or TLS listener a TLS 1.2 or 1.3 security policy, such as "
        "ELBSecurityPolicy-TLS13-1-2-2021-06 (set tls_policy); a listener created by CloudFormation or the "
        "API without one gets ELBSecurityPolicy-2016-08, which accepts TLS 1.0. CloudFront: serve the "
        "distribution under your own domain with an ACM certificate and set its minimum protocol version "
        "to TLSv1.2_2021 or newer (the default *.cloudfront.net certificate always accepts TLS 1.0)."
    ),
    checkov=("CKV_AWS_103", "CKV_AWS_174"),
    # Checkov's CKV_AWS_103 also fails a plain-HTTP listener that does not redirect to HTTPS, which is
    # SEC-ALB-HTTP's concern (it lists the check too).
    partial=("CKV_AWS_103",),
)


def _load_balancer(ctx: Context, node_id: str) -> str | None:
    named = str(ctx.prop(node_id, "tls_policy", "") or "").strip()
    if not named:
        return None  # no HTTPS, TLS or SSL listener drawn, or its policy not stated
    oldest = elb_policy_minimum(named)
    if not older_than_tls12(oldest):
        return None
    default = (
        " (what AWS applies to an HTTPS listener created by CloudFormation or the API without a policy)"
        if named == ELB_DEFAULT_POLICY
        else ""
    )
    return f"{ctx.label(node_id)} serves HTTPS with the security policy {named}{default}, which accepts {oldest}."


def _distribution(ctx: Context, node_id: str) -> str | None:
    # A flow to an ACM certificate says the distribution serves its own certificate, as the property does.
    own = ctx.prop(node_id, "custom_certificate") or any(ctx.kind(n) == "acm" for n in ctx.neighbours(node_id))
    if not own:
        return (
            f"{ctx.label(node_id)} uses the default *.cloudfront.net certificate, with which CloudFront "
            f"always applies the security policy {CLOUDFRONT_DEFAULT_CERTIFICATE_POLICY} (TLS 1.0 and newer)."
        )
    policy = str(ctx.prop(node_id, "minimum_protocol_version", "") or "").strip()
    oldest = cloudfront_policy_minimum(policy)
    if not older_than_tls12(oldest):
        return None
    return f"{ctx.label(node_id)} accepts {oldest} from viewers (minimum_protocol_version is {policy})."


def check(ctx: Context) -> Iterator[Hit]:
    """Report load balancers' HTTPS listeners and distributions whose security policy accepts TLS 1.0 or 1.1."""
    for node in ctx.subjects("alb", "nlb", "elb", "cloudfront"):
        message = _distribution(ctx, node) if ctx.kind(node) == "cloudfront" else _load_balancer(ctx, node)
        if message is not None:
            yield Hit(node, message)


RULE = graph_rule(
    META,
    check,
    reads={
        "alb": {"tls_policy"},
        "nlb": {"tls_policy"},
        "elb": {"tls_policy"},
        "cloudfront": {"custom_certificate", "minimum_protocol_version"},
    },
    flows="ends",
)
