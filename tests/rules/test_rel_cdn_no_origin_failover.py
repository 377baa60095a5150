"""REL-CDN-NO-ORIGIN-FAILOVER: a CloudFront distribution without origin failover."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.reliability.cloudfront_no_origin_failover import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_problem_is_reported_on_the_node() -> None:
    arch = design([("cdn", "cloudfront")])
    assert hits(RULE, arch) == {key(RULE, "cdn")}


def test_configured_nodes_pass() -> None:
    arch = design([("cdn", "cloudfront", None, {"origin_failover": True})])
    assert hits(RULE, arch) == set()
