"""SEC-IAM-WILDCARD: iAM role allows every action on every resource."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.security.iam_wildcard import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_wildcard_role_is_reported() -> None:
    arch = design([("admin", "iam_role", None, {"wildcard_permissions": True}), ("app", "iam_role")])
    assert hits(RULE, arch) == {key(RULE, "admin")}


def test_scoped_role_passes() -> None:
    assert hits(RULE, design([("app", "iam_role", None, {"wildcard_permissions": False})])) == set()
