"""OPS-WAF-LOGGING: a web ACL with logging off."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.operational_excellence.waf_logging import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_web_acl_without_logging_is_reported() -> None:
    assert hits(RULE, design([("acl", "waf"), ("shield", "shield")])) == {key(RULE, "acl")}


def test_web_acl_with_logging_passes() -> None:
    assert hits(RULE, design([("acl", "waf", None, {"logging": True})])) == set()
