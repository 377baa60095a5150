"""An OpenSearch domain drawn outside every VPC."""

from __future__ import annotations

from collections.abc import Iterator

from wadesk.rules.base import Hit, RuleMeta, graph_rule
from wadesk.rules.context import Context

META = RuleMeta(
    id="SEC-OPENSEARCH-OUTSIDE-VPC",
    title="OpenSearch domain is not in a VPC",
    pillar="security",
    severity="high",
    wa_bp="SEC05-BP01",
    rationale=(
        "A domain created outside a VPC gets a public endpoint: its only protection is the access policy, "
        "and a single overly broad statement opens the indexed data to anyone on the internet."
    ),
    remediation=(
        "Create the domain with VPC access: draw the opensearch node inside private subnets of the VPC, "
        "with a security group that admits only the application tier on port 443."
    ),
    securityhub=("Opensearch.2", "ES.2"),
    checkov=("CKV_AWS_137",),
)


def check(ctx: Context) -> Iterator[Hit]:
    """Report every OpenSearch domain with no VPC around it."""
    for domain in ctx.nodes("opensearch"):
        if ctx.vpc_of(domain) is None:
            yield Hit(domain, f"{ctx.label(domain)} is not drawn inside a VPC, so it has a public endpoint.")


RULE = graph_rule(META, check, flows="none")
