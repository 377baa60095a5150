"""SEC-CLOUDFRONT-ALLOW-HTTP: cloudFront serves viewers over plain HTTP."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.security.cloudfront_allow_http import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_allow_all_distribution_is_reported() -> None:
    arch = design([("cdn", "cloudfront"), ("safe", "cloudfront", None, {"viewer_protocol": "https-only"})])
    assert hits(RULE, arch) == {key(RULE, "cdn")}


def test_redirect_to_https_passes() -> None:
    assert hits(RULE, design([("cdn", "cloudfront", None, {"viewer_protocol": "redirect-to-https"})])) == set()
