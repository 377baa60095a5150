"""SEC-SECURITY-HUB-DISABLED: Security Hub drawn switched off."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.security.security_hub_disabled import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_disabled_hub_is_reported_in_a_design_with_resources() -> None:
    arch = design([("hub", "security_hub", None, {"enabled": False}), ("bucket", "s3")])
    assert hits(RULE, arch) == {key(RULE, "hub")}


def test_hub_alone_enabled_or_missing_passes() -> None:
    assert hits(RULE, design([("hub", "security_hub", None, {"enabled": False}), ("users", "internet")])) == set()
    assert hits(RULE, design([("hub", "security_hub"), ("bucket", "s3")])) == set()
    assert hits(RULE, design([("bucket", "s3")])) == set()
