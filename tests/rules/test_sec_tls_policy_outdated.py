"""SEC-TLS-POLICY-OUTDATED: HTTPS listeners and CloudFront viewers that accept TLS 1.0 or 1.1."""

from __future__ import annotations

import pytest
from designkit import design, hits, key

from wadesk.analysis.engine import analyse
from wadesk.rules.security.tls_policy_outdated import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


@pytest.mark.parametrize("kind", ["alb", "nlb", "elb"])
@pytest.mark.parametrize(
    "policy",
    [
        "ELBSecurityPolicy-2016-08",
        "ELBSecurityPolicy-TLS-1-1-2017-01",
        "ELBSecurityPolicy-FS-2018-06",
        "ELBSecurityPolicy-TLS13-1-0-2021-06",
        "ELBSecurityPolicy-TLS13-1-1-2021-06",
        "ELBSecurityPolicy-2015-05",
    ],
)
def test_a_load_balancer_policy_accepting_tls_1_0_or_1_1_is_reported(kind: str, policy: str) -> None:
    assert hits(RULE, design([("lb", kind, None, {"tls_policy": policy, "https_only": True})])) == {key(RULE, "lb")}


@pytest.mark.parametrize(
    "policy",
    [
        "ELBSecurityPolicy-TLS13-1-2-2021-06",
        "ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09",
        "ELBSecurityPolicy-TLS-1-2-2017-01",
        "ELBSecurityPolicy-TLS-1-2-Ext-2018-06",
        "ELBSecurityPolicy-FS-1-2-Res-2020-10",
        "ELBSecurityPolicy-TLS13-1-3-2021-06",
    ],
)
def test_a_tls_1_2_or_newer_policy_passes(policy: str) -> None:
    assert hits(RULE, design([("lb", "alb", None, {"tls_policy": policy})])) == set()


def test_a_load_balancer_with_no_https_listener_is_left_to_the_plain_http_rule() -> None:
    # No policy named: no HTTPS listener drawn (or not said); SEC-ALB-HTTP speaks for plain HTTP.
    assert hits(RULE, design([("lb", "alb"), ("lb2", "alb", None, {"https_only": True})])) == set()


def test_a_policy_name_it_does_not_know_is_not_judged() -> None:
    assert hits(RULE, design([("lb", "elb", None, {"tls_policy": "MyCustomPolicy (custom)"})])) == set()


def test_the_message_says_when_the_policy_is_aws_s_default() -> None:
    arch = design([("lb", "alb", None, {"tls_policy": "ELBSecurityPolicy-2016-08"})])
    (finding,) = analyse(arch, [RULE]).findings
    assert "ELBSecurityPolicy-2016-08" in finding.message and "without a policy" in finding.message
    assert "TLS 1.0" in finding.message


def test_cloudfront_with_the_default_certificate_is_reported() -> None:
    arch = design([("cdn", "cloudfront", None, {"viewer_protocol": "https-only"})])
    (finding,) = analyse(arch, [RULE]).findings
    assert finding.node == "cdn" and "*.cloudfront.net" in finding.message


@pytest.mark.parametrize("version", ["SSLv3", "TLSv1", "TLSv1_2016", "TLSv1.1_2016"])
def test_cloudfront_with_its_own_certificate_and_an_old_policy_is_reported(version: str) -> None:
    props = {"custom_certificate": True, "minimum_protocol_version": version}
    assert hits(RULE, design([("cdn", "cloudfront", None, props)])) == {key(RULE, "cdn")}


@pytest.mark.parametrize("version", ["TLSv1.2_2018", "TLSv1.2_2019", "TLSv1.2_2021", "TLSv1.2_2025", "TLSv1.3_2025"])
def test_cloudfront_with_its_own_certificate_and_tls_1_2_passes(version: str) -> None:
    props = {"custom_certificate": True, "minimum_protocol_version": version}
    assert hits(RULE, design([("cdn", "cloudfront", None, props)])) == set()


def test_a_flow_to_an_acm_certificate_says_cloudfront_serves_its_own() -> None:
    arch = design([("cdn", "cloudfront"), ("cert", "acm")], [("cdn", "cert")])
    (finding,) = analyse(arch, [RULE]).findings
    assert "*.cloudfront.net" not in finding.message and "minimum_protocol_version is TLSv1" in finding.message
    props = {"minimum_protocol_version": "TLSv1.2_2021"}
    assert hits(RULE, design([("cdn", "cloudfront", None, props), ("cert", "acm")], [("cdn", "cert")])) == set()
