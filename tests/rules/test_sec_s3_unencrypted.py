"""SEC-S3-UNENCRYPTED: s3 bucket has no default encryption."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.security.s3_unencrypted import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_unencrypted_bucket_is_reported() -> None:
    arch = design([("raw", "s3", None, {"encryption": "none"}), ("ok", "s3")])
    assert hits(RULE, arch) == {key(RULE, "raw")}


def test_encrypted_buckets_pass() -> None:
    arch = design([("a", "s3", None, {"encryption": "SSE-KMS"}), ("b", "s3", None, {"encryption": "SSE-S3"})])
    assert hits(RULE, arch) == set()
