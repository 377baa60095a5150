"""SEC-WAF-NO-MANAGED-RULES: a web ACL without AWS managed rule groups."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.security.waf_no_managed_rules import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_web_acl_without_managed_rules_is_reported() -> None:
    arch = design([("acl", "waf", None, {"managed_rules": False}), ("managed", "waf")])
    assert hits(RULE, arch) == {key(RULE, "acl")}
