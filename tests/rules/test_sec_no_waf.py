"""SEC-NO-WAF: an internet-facing entry point without a WAF."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.security.no_waf import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_entry_points_without_waf_are_reported() -> None:
    arch = design(
        [("users", "internet"), ("lb", "alb"), ("api", "api_gateway"), ("cdn", "cloudfront"), ("s", "s3")],
        [("users", "lb"), ("users", "api"), ("users", "cdn"), ("cdn", "s")],
    )
    assert hits(RULE, arch) == {key(RULE, "lb"), key(RULE, "api"), key(RULE, "cdn")}


def test_waf_in_front_or_attached_passes() -> None:
    arch = design(
        [("users", "internet"), ("acl", "waf"), ("lb", "alb"), ("acl2", "waf"), ("api", "api_gateway")],
        [("users", "acl"), ("acl", "lb"), ("users", "api"), ("acl2", "api")],
    )
    assert hits(RULE, arch) == set()


def test_waf_on_cloudfront_covers_the_origin() -> None:
    arch = design(
        [("users", "internet"), ("acl", "waf"), ("cdn", "cloudfront"), ("lb", "alb")],
        [("users", "acl"), ("acl", "cdn"), ("cdn", "lb")],
    )
    assert hits(RULE, arch) == set()


def test_bypass_around_the_waf_is_reported() -> None:
    arch = design(
        [("users", "internet"), ("acl", "waf"), ("cdn", "cloudfront"), ("lb", "alb")],
        [("users", "acl"), ("acl", "cdn"), ("cdn", "lb"), ("users", "lb")],
    )
    assert hits(RULE, arch) == {key(RULE, "lb")}


def test_internal_or_unreached_entry_points_pass() -> None:
    arch = design(
        [("users", "internet"), ("web", "ec2"), ("inner", "alb", None, {"scheme": "internal"}), ("api", "api_gateway")],
        [("users", "web"), ("web", "inner")],
    )
    assert hits(RULE, arch) == set()
    assert hits(RULE, design([("lb", "alb"), ("web", "ec2")], [("lb", "web")])) == set()


def test_a_gateway_drawn_after_cloudfront_and_its_waf_is_not_a_new_entry() -> None:
    arch = design(
        [("users", "internet"), ("waf", "waf"), ("cf", "cloudfront"), ("igw", "internet_gateway"), ("alb", "alb")],
        [("users", "cf"), ("waf", "cf"), ("cf", "igw"), ("igw", "alb")],
    )
    assert hits(RULE, arch) == set()
