"""SEC-OPENSEARCH-OUTSIDE-VPC: an OpenSearch domain drawn outside every VPC."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.security.opensearch_outside_vpc import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_domain_outside_a_vpc_is_reported() -> None:
    arch = design([("region", "region"), ("search", "opensearch", "region"), ("vpc", "vpc"), ("db", "rds", "vpc")])
    assert hits(RULE, arch) == {key(RULE, "search")}


def test_domain_in_a_vpc_passes() -> None:
    arch = design(
        [("vpc", "vpc"), ("priv", "subnet", "vpc"), ("sg", "security_group", "priv"), ("s", "opensearch", "sg")]
    )
    assert hits(RULE, arch) == set()
