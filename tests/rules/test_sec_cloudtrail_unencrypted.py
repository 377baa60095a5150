"""SEC-CLOUDTRAIL-UNENCRYPTED: trail log files not encrypted with KMS."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.security.cloudtrail_unencrypted import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_trail_without_kms_is_reported() -> None:
    arch = design([("trail", "cloudtrail"), ("key", "kms"), ("bucket", "s3")], [("bucket", "key")])
    assert hits(RULE, arch) == {key(RULE, "trail")}


def test_trail_with_kms_encryption_passes() -> None:
    assert hits(RULE, design([("trail", "cloudtrail", None, {"kms_encryption": True})])) == set()


def test_trail_drawn_encrypting_with_a_kms_key_passes() -> None:
    arch = design([("trail", "cloudtrail"), ("key", "kms")], [("trail", "key", {}, "Encrypt")])
    assert hits(RULE, arch) == set()
