"""SEC-CLOUDFRONT-NO-OAC: CloudFront reads an S3 origin without origin access control."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.security.cloudfront_no_oac import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_s3_origin_without_oac_is_reported() -> None:
    arch = design([("users", "internet"), ("cdn", "cloudfront"), ("site", "s3")], [("users", "cdn"), ("cdn", "site")])
    assert hits(RULE, arch) == {key(RULE, "cdn")}


def test_oac_or_non_s3_origin_passes() -> None:
    arch = design(
        [
            ("cdn", "cloudfront", None, {"origin_access_control": True}),
            ("site", "s3"),
            ("cdn2", "cloudfront"),
            ("lb", "alb"),
        ],
        [("cdn", "site"), ("cdn2", "lb")],
    )
    assert hits(RULE, arch) == set()


def test_website_endpoint_origin_passes() -> None:
    arch = design([("cdn", "cloudfront"), ("site", "s3", None, {"website_hosting": True})], [("cdn", "site")])
    assert hits(RULE, arch) == set()
