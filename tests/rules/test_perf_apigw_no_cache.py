"""PERF-APIGW-NO-CACHE: an API Gateway stage with caching off."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.performance_efficiency.apigw_no_cache import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_api_without_cache_is_reported() -> None:
    assert hits(RULE, design([("api", "api_gateway"), ("alb", "alb")])) == {key(RULE, "api")}


def test_api_with_cache_passes() -> None:
    assert hits(RULE, design([("api", "api_gateway", None, {"caching": True})])) == set()
