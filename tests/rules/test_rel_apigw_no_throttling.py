"""REL-APIGW-NO-THROTTLING: an API with no rate or burst limits."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.reliability.apigw_no_throttling import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_api_without_throttling_is_reported() -> None:
    arch = design([("users", "internet"), ("api", "api_gateway"), ("fn", "lambda")], [("users", "api"), ("api", "fn")])
    assert hits(RULE, arch) == {key(RULE, "api")}


def test_throttled_api_passes() -> None:
    assert hits(RULE, design([("api", "api_gateway", None, {"throttling": True}), ("fn", "lambda")])) == set()
