"""SEC-ALB-INVALID-HEADERS: an Application Load Balancer that forwards invalid HTTP header fields."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.security.alb_invalid_headers import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_the_aws_default_is_reported_on_the_load_balancer() -> None:
    assert hits(RULE, design([("alb", "alb")])) == {key(RULE, "alb")}


def test_an_internal_load_balancer_is_reported_too() -> None:
    assert hits(RULE, design([("alb", "alb", None, {"scheme": "internal"})])) == {key(RULE, "alb")}


def test_dropping_invalid_headers_passes() -> None:
    assert hits(RULE, design([("alb", "alb", None, {"drop_invalid_header_fields": True})])) == set()


def test_network_and_classic_load_balancers_have_no_such_attribute() -> None:
    assert hits(RULE, design([("nlb", "nlb"), ("elb", "elb")])) == set()
