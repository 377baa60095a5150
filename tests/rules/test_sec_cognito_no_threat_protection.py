"""SEC-COGNITO-NO-THREAT-PROTECTION: a user pool without threat protection."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.security.cognito_no_threat_protection import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_user_pool_without_advanced_security_is_reported() -> None:
    arch = design([("pool", "cognito", None, {"mfa": "on"}), ("guarded", "cognito", None, {"advanced_security": True})])
    assert hits(RULE, arch) == {key(RULE, "pool")}
