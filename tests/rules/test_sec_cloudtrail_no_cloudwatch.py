"""SEC-CLOUDTRAIL-NO-CLOUDWATCH: a trail that delivers to S3 only."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.security.cloudtrail_no_cloudwatch import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_trail_without_cloudwatch_logs_is_reported() -> None:
    arch = design(
        [
            ("s3-only", "cloudtrail"),
            ("set", "cloudtrail", None, {"cloudwatch_logs": True}),
            ("drawn", "cloudtrail"),
            ("logs", "cloudwatch"),
            ("bucket", "s3"),
        ],
        [("drawn", "logs"), ("s3-only", "bucket")],
    )
    assert hits(RULE, arch) == {key(RULE, "s3-only")}
