"""SEC-S3-NO-ACCESS-LOGS: an S3 bucket without server access logging."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.security.s3_no_access_logs import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_bucket_without_access_logging_is_reported() -> None:
    arch = design([("uploads", "s3"), ("site", "s3", None, {"access_logging": True})])
    assert hits(RULE, arch) == {key(RULE, "uploads")}


def test_bucket_with_access_logging_passes() -> None:
    assert hits(RULE, design([("uploads", "s3", None, {"access_logging": True})])) == set()


def test_log_bucket_itself_is_not_reported() -> None:
    # A bucket that receives access logs would log into itself: logging it is circular, so it is exempt.
    arch = design([("central", "s3", None, {"log_bucket": True})])
    assert hits(RULE, arch) == set()


def test_a_label_saying_logs_exempts_nothing() -> None:
    arch = design([("access-logs", "s3"), ("Logs bucket", "s3")])
    assert hits(RULE, arch) == {key(RULE, "access-logs"), key(RULE, "Logs bucket")}


def test_label_that_merely_contains_log_letters_is_reported() -> None:
    arch = design([("catalog", "s3"), ("blogposts", "s3")])
    assert hits(RULE, arch) == {key(RULE, "catalog"), key(RULE, "blogposts")}
