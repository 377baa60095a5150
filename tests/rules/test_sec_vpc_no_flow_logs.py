"""SEC-VPC-NO-FLOW-LOGS: a VPC that records no flow logs."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.security.vpc_no_flow_logs import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_vpc_without_flow_logs_is_reported() -> None:
    arch = design(
        [("prod", "vpc"), ("app", "subnet", "prod"), ("web", "ec2", "app"), ("other", "vpc", None, {"flow_logs": True})]
    )
    assert hits(RULE, arch) == {key(RULE, "prod")}


def test_vpc_with_flow_logs_passes() -> None:
    assert hits(RULE, design([("prod", "vpc", None, {"flow_logs": True})])) == set()


def test_vpc_drawn_sending_to_cloudwatch_passes() -> None:
    arch = design([("prod", "vpc"), ("cw", "cloudwatch")], [("prod", "cw", {}, "Flow logs")])
    assert hits(RULE, arch) == set()


def test_vpc_drawn_sending_to_a_log_bucket_passes() -> None:
    arch = design([("prod", "vpc"), ("central", "s3", None, {"log_bucket": True})], [("prod", "central")])
    assert hits(RULE, arch) == set()


def test_vpc_sending_to_an_ordinary_bucket_is_still_reported() -> None:
    arch = design([("prod", "vpc"), ("assets", "s3")], [("prod", "assets")])
    assert hits(RULE, arch) == {key(RULE, "prod")}
