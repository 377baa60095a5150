"""SEC-S3-PUBLIC-ACCESS: s3 bucket does not block public access."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.security.s3_public_access import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_bucket_without_block_public_access_is_reported() -> None:
    arch = design([("site", "s3", None, {"block_public_access": False}), ("data", "s3")])
    assert hits(RULE, arch) == {key(RULE, "site")}


def test_bucket_with_default_settings_passes() -> None:
    arch = design([("data", "s3", None, {"block_public_access": True}), ("logs", "s3")])
    assert hits(RULE, arch) == set()
