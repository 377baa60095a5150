"""A database or cache placed in a public subnet."""

from __future__ import annotations

from collections.abc import Iterator

from wadesk.rules.base import Hit, RuleMeta, graph_rule
from wadesk.rules.context import Context
from wadesk.rules.groups import VPC_DATABASES

META = RuleMeta(
    id="SEC-DB-PUBLIC-SUBNET",
    title="Database or cache in a public subnet",
    pillar="security",
    severity="high",
    wa_bp="SEC05-BP01",
    rationale=(
        "A public subnet routes to an internet gateway, so one mistaken security group rule or a public "
        "address is all that stands between the data and the internet. Data tiers belong in a network "
        "layer that has no route from the internet at all."
    ),
    remediation=(
        "Move the database into private subnets (a DB subnet group with no internet gateway route) and "
        "let only the application tier's security group reach its port."
    ),
    securityhub=(),
    checkov=(),
)


def check(ctx: Context) -> Iterator[Hit]:
    """Report every VPC data store whose enclosing subnet is public."""
    for node_id in ctx.nodes_in(VPC_DATABASES):
        subnet = ctx.subnet_of(node_id)
        if subnet is not None and ctx.in_public_subnet(node_id):
            yield Hit(node_id, f"{ctx.label(node_id)} sits in public subnet {ctx.label(subnet)}.")


RULE = graph_rule(META, check, reads={"subnet": {"public"}}, flows="none")
