"""SEC-SECRET-NO-ROTATION: secret is not rotated automatically."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.security.secret_no_rotation import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_unrotated_secret_is_reported() -> None:
    arch = design([("secret", "secrets_manager"), ("ok", "secrets_manager", None, {"rotation": True})])
    assert hits(RULE, arch) == {key(RULE, "secret")}


def test_rotated_secret_passes() -> None:
    assert hits(RULE, design([("secret", "secrets_manager", None, {"rotation": True}), ("k", "kms")])) == set()
