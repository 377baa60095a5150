"""SEC-CLOUDTRAIL-SINGLE-REGION: CloudTrail records only one Region."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.security.cloudtrail_single_region import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_single_region_trail_is_reported() -> None:
    arch = design([("trail", "cloudtrail"), ("web", "ec2")])
    assert hits(RULE, arch) == {key(RULE, "trail")}


def test_multi_region_trail_passes() -> None:
    assert hits(RULE, design([("trail", "cloudtrail", None, {"multi_region": True})])) == set()


def test_extra_single_region_trail_beside_a_multi_region_one_passes() -> None:
    arch = design([("org", "cloudtrail", None, {"multi_region": True}), ("data", "cloudtrail")])
    assert hits(RULE, arch) == set()
