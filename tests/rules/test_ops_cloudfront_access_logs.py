"""OPS-CLOUDFRONT-ACCESS-LOGS: a distribution with access logs off."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.operational_excellence.cloudfront_access_logs import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_distribution_without_logs_is_reported() -> None:
    assert hits(RULE, design([("cdn", "cloudfront"), ("alb", "alb")])) == {key(RULE, "cdn")}


def test_distribution_with_logs_passes() -> None:
    assert hits(RULE, design([("cdn", "cloudfront", None, {"access_logs": True})])) == set()
