"""OPS-APIGW-ACCESS-LOGS: an API Gateway stage with access logging off."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.operational_excellence.apigw_access_logs import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_api_without_access_logs_is_reported() -> None:
    assert hits(RULE, design([("api", "api_gateway"), ("alb", "alb")])) == {key(RULE, "api")}


def test_api_with_access_logs_passes() -> None:
    assert hits(RULE, design([("api", "api_gateway", None, {"access_logs": True})])) == set()
