"""COST-S3-NO-LIFECYCLE: a bucket with no lifecycle rules."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.cost_optimization.s3_no_lifecycle import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_bucket_without_lifecycle_rules_is_reported() -> None:
    arch = design([("logs", "s3"), ("docs", "s3", None, {"versioning": True})])
    assert hits(RULE, arch) == {key(RULE, "logs"), key(RULE, "docs")}


def test_bucket_with_lifecycle_rules_passes() -> None:
    assert hits(RULE, design([("logs", "s3", None, {"lifecycle_rules": True}), ("vault", "glacier")])) == set()
