"""SEC-COGNITO-NO-MFA: a user pool with MFA turned off."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.security.cognito_no_mfa import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_pool_without_mfa_is_reported() -> None:
    arch = design([("pool", "cognito"), ("api", "api_gateway", None, {"authorization": "cognito"})])
    assert hits(RULE, arch) == {key(RULE, "pool")}


def test_pool_with_required_or_optional_mfa_passes() -> None:
    arch = design([("staff", "cognito", None, {"mfa": "on"}), ("customers", "cognito", None, {"mfa": "optional"})])
    assert hits(RULE, arch) == set()
