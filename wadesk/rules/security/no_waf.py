"""An internet-facing entry point that some internet requests reach without passing a WAF."""

from __future__ import annotations

from collections.abc import Iterator

from wadesk.rules.base import Hit, RuleMeta, graph_rule
from wadesk.rules.context import Context
from wadesk.rules.security._common import EGRESS_ONLY, describe_path, internet_sources, reach

META = RuleMeta(
    id="SEC-NO-WAF",
    title="Internet-facing entry point without a WAF",
    pillar="security",
    severity="medium",
    wa_bp="SEC05-BP03",
    rationale=(
        "A web application firewall inspects each HTTP request before it reaches the application and drops "
        "common exploits (injection, cross-site scripting, known bad inputs) and abusive clients. An entry "
        "point that internet requests can reach without one passes all of that traffic straight to the code."
    ),
    remediation=(
        "Add a waf node in front of the entry point (internet -> waf -> entry) or attach one to it "
        "(waf -> entry), with AWS managed rule groups; when CloudFront fronts the workload, one WAF on the "
        "distribution covers what lies behind it as long as nothing else reaches it from the internet. AWS WAF "
        "attaches to REST APIs but not to HTTP or WebSocket APIs: put CloudFront with a WAF in front of those."
    ),
    securityhub=("ELB.16", "APIGateway.4", "CloudFront.6"),
    checkov=("CKV2_AWS_28", "CKV2_AWS_29", "CKV_AWS_68"),
    partial=("ELB.16", "APIGateway.4", "CloudFront.6", "CKV2_AWS_28", "CKV2_AWS_29", "CKV_AWS_68"),
)


def _is_entry(ctx: Context, node_id: str) -> bool:
    kind = ctx.kind(node_id)
    if kind == "alb":
        return bool(ctx.prop(node_id, "scheme") == "internet-facing")
    return kind in ("api_gateway", "cloudfront")


def check(ctx: Context) -> Iterator[Hit]:
    """Report every internet-facing ALB, API Gateway or CloudFront that internet requests reach past no WAF."""
    judged = [n for n in ctx.subjects("alb", "api_gateway", "cloudfront") if _is_entry(ctx, n)]
    sources = internet_sources(ctx)
    if not judged or not sources:
        return
    # A WAF drawn next to an entry point (either direction) is its web ACL association. Every entry's
    # association shapes the walk, not only the entries judged in this pass; each is kept until its flows change.
    entries = ctx.lasting(
        (META.id, "entries"), lambda: [n for n in ctx.nodes("alb", "api_gateway", "cloudfront") if _is_entry(ctx, n)]
    )

    def waf_beside(node_id: str) -> bool:
        return any(ctx.kind(m) == "waf" for m in ctx.neighbours(node_id))

    attached = frozenset(n for n in entries if ctx.per_node((META.id, "waf beside"), n, waf_beside))

    def through(node_id: str) -> bool:
        return ctx.kind(node_id) != "waf" and ctx.kind(node_id) not in EGRESS_ONLY and node_id not in attached

    parents = reach(ctx, sources, through, key=META.id, variant=attached)
    for entry in judged:
        if entry in attached or parents.get(entry) is None:
            continue
        yield Hit(
            entry,
            f"{ctx.label(entry)} receives internet requests that pass no WAF ({describe_path(ctx, parents, entry)}).",
        )


def _entries_beside_a_changed_waf(ctx: Context, altered: frozenset[str]) -> list[str]:
    """A flow between an entry point and a WAF (either way) attaches or detaches its web ACL.

    That changes where requests pass a WAF for everything past the entry point, not only past the flow's
    target: those entry points are returned, so that what lies below them is judged again.
    """
    if not any(ctx.kind(node) == "waf" for node in altered):
        return []
    return [node for node in altered if ctx.kind(node) in ("alb", "api_gateway", "cloudfront")]


RULE = graph_rule(
    META, check, reads={"alb": {"scheme"}}, flows="downstream", also_affects=_entries_beside_a_changed_waf
)
