"""An EKS cluster whose Kubernetes API endpoint is reachable from the internet."""

from __future__ import annotations

from wadesk.rules.base import RuleMeta, node_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="SEC-EKS-PUBLIC-ENDPOINT",
    title="EKS API endpoint is public",
    pillar="security",
    severity="high",
    wa_bp="SEC05-BP02",
    rationale=(
        "A public cluster endpoint exposes the Kubernetes API server to the internet, so a leaked "
        "kubeconfig or token, or an API server vulnerability, can be used from anywhere."
    ),
    remediation=(
        "Set endpoint_public_access to false and reach the API through the private endpoint (from the "
        "VPC, a VPN or Direct Connect); if it must stay public, restrict the public access CIDRs to known "
        "addresses."
    ),
    securityhub=("EKS.1",),
    checkov=("CKV_AWS_39", "CKV_AWS_38"),
    partial=("CKV_AWS_38",),
)


def check(ctx: Context, node_id: str) -> str | None:
    """Report a cluster whose endpoint_public_access property is true."""
    if not ctx.prop(node_id, "endpoint_public_access"):
        return None
    return f"{ctx.label(node_id)} exposes its Kubernetes API to the internet (endpoint_public_access is true)."


RULE = node_rule(META, ("eks_cluster",), check)
