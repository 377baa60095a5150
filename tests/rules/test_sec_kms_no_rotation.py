"""SEC-KMS-NO-ROTATION: kMS key is not rotated."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.security.kms_no_rotation import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_unrotated_key_is_reported() -> None:
    arch = design([("key", "kms"), ("rotated", "kms", None, {"rotation": True})])
    assert hits(RULE, arch) == {key(RULE, "key")}


def test_rotated_key_passes() -> None:
    assert hits(RULE, design([("key", "kms", None, {"rotation": True}), ("s", "secrets_manager")])) == set()
