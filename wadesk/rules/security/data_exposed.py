"""A data store that internet requests can reach without passing a managed front door."""

from __future__ import annotations

from collections.abc import Iterator

from wadesk.rules.base import Hit, RuleMeta, graph_rule
from wadesk.rules.context import GROUP_KINDS, Context
from wadesk.rules.groups import COMPUTE, DATA_STORES, FRONT_DOORS
from wadesk.rules.security._common import describe_path, internet_sources, reach

META = RuleMeta(
    id="SEC-DATA-EXPOSED",
    title="Data store reachable from the internet without a front door",
    pillar="security",
    severity="high",
    wa_bp="SEC05-BP01",
    rationale=(
        "When a request from the internet can travel to a data store without first being terminated by a "
        "load balancer, API Gateway, CloudFront or Global Accelerator, the data tier is only one "
        "compromised host or one open port away from the attacker. Layered networks put a managed entry "
        "point and an application tier between users and the data."
    ),
    remediation=(
        "Let internet traffic enter only through a front door (an alb, api_gateway or cloudfront node) "
        "that forwards to the application tier, keep the data store in private subnets, and remove any "
        "flow that lets internet requests reach the store or its clients directly."
    ),
    securityhub=("RDS.2",),
    checkov=(),
    partial=("RDS.2",),
)

#: Stores a request can reach over the network. S3 served to the internet is judged by another rule;
#: an EBS volume is only ever reached through the instance it is attached to.
EXPOSABLE = DATA_STORES - {"s3", "ebs"}


#: What carries an internet request on towards a store: code that handles requests, and the network
#: hops and edge services in front of it. Front doors stop the search; so do data stores and managed
#: services (an S3 upload that triggers a function, QuickSight querying a warehouse), which do not
#: forward the request itself.
RELAYS = (
    COMPUTE
    | frozenset(
        {"internet_gateway", "transit_gateway", "vpn_gateway", "direct_connect", "route53", "shield", "waf"}
        | set(GROUP_KINDS)
    )
) - FRONT_DOORS


#: Front doors that pass connections through to whatever they target (unlike API Gateway
#: service integrations or CloudFront origins, which are built to front a store).
PASS_THROUGH = frozenset({"alb", "nlb", "elb", "global_accelerator"})


def check(ctx: Context) -> Iterator[Hit]:
    """Report every data store reachable from an internet node along a path with no front door."""
    stores = ctx.subjects(*EXPOSABLE)
    sources = internet_sources(ctx)
    if not stores or not sources:
        return

    def through(node_id: str) -> bool:
        kind = ctx.kind(node_id)
        if kind == "ec2" and ctx.prop(node_id, "workload") == "bastion":
            return False  # administrators' controlled way in, judged by the security group rules
        return kind in RELAYS

    parents = reach(ctx, sources, through, key=META.id)
    for store in stores:
        if store in parents and parents[store] is not None:
            yield Hit(
                store,
                f"{ctx.label(store)} can be reached by internet requests with no load balancer, API Gateway "
                f"or CloudFront on the way ({describe_path(ctx, parents, store)}).",
            )
            continue
        # A load balancer that forwards straight to a data store is a door, not a front door:
        # nothing of the application stands between the internet and the data.
        balancers = [p for p in ctx.predecessors(store) if ctx.kind(p) in PASS_THROUGH and p in parents]
        if balancers:
            yield Hit(
                store,
                f"{ctx.label(store)} sits directly behind {ctx.label(balancers[0])}, which internet requests "
                "reach: no application tier stands between the internet and the data.",
            )


RULE = graph_rule(META, check, reads={"ec2": {"workload"}}, flows="downstream")
