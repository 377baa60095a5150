"""PERF-S3-NO-CDN: a bucket serving internet users with no CloudFront in front."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.performance_efficiency.s3_no_cdn import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_bucket_reached_straight_from_internet_is_reported() -> None:
    arch = design(
        [("users", "internet"), ("site", "s3", None, {"website_hosting": True}), ("files", "s3"), ("dns", "route53")],
        [("users", "dns"), ("dns", "site"), ("users", "files")],
    )
    assert hits(RULE, arch) == {key(RULE, "site"), key(RULE, "files")}


def test_bucket_behind_cloudfront_passes() -> None:
    arch = design(
        [("users", "internet"), ("dns", "route53"), ("cdn", "cloudfront"), ("site", "s3")],
        [("users", "dns"), ("dns", "cdn"), ("cdn", "site")],
    )
    assert hits(RULE, arch) == set()


def test_bucket_served_by_cloudfront_and_reached_directly_is_reported() -> None:
    arch = design(
        [("users", "internet"), ("cdn", "cloudfront"), ("site", "s3")],
        [("users", "cdn"), ("cdn", "site"), ("users", "site")],
    )
    assert hits(RULE, arch) == {key(RULE, "site")}


def test_bucket_used_by_application_passes() -> None:
    arch = design(
        [("users", "internet"), ("alb", "alb"), ("web", "ec2"), ("data", "s3", None, {"website_hosting": True})],
        [("users", "alb"), ("alb", "web"), ("web", "data")],
    )
    assert hits(RULE, arch) == set()


def test_design_without_internet_passes() -> None:
    arch = design([("dns", "route53"), ("site", "s3", None, {"website_hosting": True})], [("dns", "site")])
    assert hits(RULE, arch) == set()


def test_presigned_uploads_need_no_cdn() -> None:
    arch = design(
        [("users", "internet"), ("uploads", "s3")], [("users", "uploads", {"protocol": "https", "upload": True})]
    )
    assert hits(RULE, arch) == set()


def test_a_flow_labelled_upload_but_not_marked_so_is_judged_by_what_it_is() -> None:
    arch = design([("users", "internet"), ("files", "s3")], [("users", "files", {"protocol": "https"}, "upload")])
    assert hits(RULE, arch) == {key(RULE, "files")}


def test_downloads_next_to_uploads_still_need_a_cdn() -> None:
    arch = design(
        [("users", "internet"), ("files", "s3")],
        [("users", "files", {"protocol": "https", "upload": True}), ("users", "files", {"protocol": "https"})],
    )
    assert hits(RULE, arch) == {key(RULE, "files")}
