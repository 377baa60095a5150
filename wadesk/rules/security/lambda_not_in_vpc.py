"""A Lambda function outside any VPC that talks to resources living in a VPC."""

from __future__ import annotations

from collections.abc import Iterator

from wadesk.rules.base import Hit, RuleMeta, graph_rule
from wadesk.rules.context import Context
from wadesk.rules.security._common import flow_successors

META = RuleMeta(
    id="SEC-LAMBDA-NOT-IN-VPC",
    title="Lambda function reaches VPC resources from outside the VPC",
    pillar="security",
    severity="low",
    wa_bp="SEC05-BP01",
    rationale=(
        "A function that is not attached to the VPC can only reach a database, cache or instance over "
        "public addresses, which forces those resources to be exposed to the internet. Attaching the "
        "function to private subnets keeps that traffic inside the network layers and under security "
        "group control."
    ),
    remediation=(
        "Set in_vpc to true and draw the function in the private subnets of the VPC its targets live in, "
        "with a security group that the database or cache allows; add VPC endpoints or a NAT gateway for "
        "the AWS services it still calls."
    ),
    securityhub=("Lambda.3",),
    checkov=("CKV_AWS_117",),
    partial=("Lambda.3", "CKV_AWS_117"),
)

#: Kinds that are reachable only inside their VPC (OpenSearch only when drawn in one).
VPC_ONLY = frozenset({"rds", "aurora", "elasticache", "redshift", "documentdb", "neptune", "ec2", "efs"})


def _vpc_only(ctx: Context, node_id: str) -> bool:
    kind = ctx.kind(node_id)
    return kind in VPC_ONLY or (kind == "opensearch" and ctx.vpc_of(node_id) is not None)


def check(ctx: Context) -> Iterator[Hit]:
    """Report Lambda functions not in a VPC (by property and by drawing) that send to VPC-only resources."""
    for function in ctx.subjects("lambda"):
        if ctx.prop(function, "in_vpc") or ctx.vpc_of(function) is not None or ctx.subnet_of(function) is not None:
            continue
        targets = [t for t in dict.fromkeys(flow_successors(ctx, function)) if _vpc_only(ctx, t)]
        if targets:
            names = ", ".join(ctx.label(t) for t in targets)
            yield Hit(
                function, f"{ctx.label(function)} is not attached to a VPC (in_vpc is false) but sends to {names}."
            )


RULE = graph_rule(META, check, reads={"lambda": {"in_vpc"}}, flows="ends")
