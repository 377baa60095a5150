"""An S3 bucket that serves internet users directly, with no CloudFront in front."""

from __future__ import annotations

from collections.abc import Iterator

from wadesk.rules.base import Hit, RuleMeta, graph_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="PERF-S3-NO-CDN",
    title="S3 bucket serves users without a CDN",
    pillar="performance_efficiency",
    severity="medium",
    wa_bp="PERF04-BP06",
    rationale=(
        "A bucket answers from its one Region, so distant users wait for every object to cross the "
        "internet. CloudFront serves cached copies from edge locations near the users, over HTTP/2 or "
        "HTTP/3, and takes the repeated reads off the bucket."
    ),
    remediation=(
        "Put a CloudFront distribution in front of the bucket (internet -> cloudfront -> s3) with origin "
        "access control, and point DNS at the distribution instead of the bucket."
    ),
    securityhub=(),
    checkov=(),
)

#: Kinds that pass a request on unchanged: DNS and the network edge (none of them caches).
_PASS_THROUGH = frozenset({"route53", "internet_gateway", "shield"})


def _uploads_only(ctx: Context, bucket: str, reached: set[str]) -> bool:
    """Whether every flow the internet sends the bucket is marked ``upload`` (presigned PUTs).

    Clients uploading straight to S3 is the recommended pattern; a CDN is for
    what the bucket serves.
    """
    flows = [props for _edge, source, props in ctx.in_edges(bucket) if source in reached]
    return bool(flows) and all(props.get("upload") for props in flows)


def check(ctx: Context) -> Iterator[Hit]:
    """Report buckets reached from the internet through DNS or directly, never through CloudFront."""
    internet = ctx.nodes("internet")
    if not internet:
        return
    reached = ctx.reachable(internet, through=lambda n: ctx.kind(n) in _PASS_THROUGH, key=META.id)
    for node_id in ctx.subjects("s3"):
        # Only DNS and gateways are passed through, so a bucket in ``reached`` is reached without
        # CloudFront, even if a distribution also serves it.
        if node_id not in reached:
            continue
        if not ctx.prop(node_id, "website_hosting") and _uploads_only(ctx, node_id, reached):
            continue
        what = "website" if ctx.prop(node_id, "website_hosting") else "objects"
        yield Hit(
            node_id,
            f"{ctx.label(node_id)} serves its {what} to internet users straight from the bucket, with no "
            "CloudFront distribution in front.",
        )


RULE = graph_rule(META, check, reads={"s3": {"website_hosting"}}, flows="downstream")
