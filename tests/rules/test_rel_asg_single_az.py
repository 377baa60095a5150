"""REL-ASG-SINGLE-AZ: an auto scaling group that launches in one AZ."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.reliability.asg_single_az import RULE

NET = [
    ("vpc", "vpc"),
    ("a1", "subnet", "vpc", {"availability_zone": "eu-west-1a"}),
    ("a2", "subnet", "vpc", {"availability_zone": "eu-west-1a"}),
    ("b", "subnet", "vpc", {"availability_zone": "eu-west-1b"}),
    ("x", "subnet", "vpc"),
]


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_groups_in_one_zone_are_reported() -> None:
    arch = design(
        [
            *NET,
            ("drawn", "auto_scaling_group", "a1"),
            ("listed", "auto_scaling_group", "vpc", {"subnets": ["a1", "a2"]}),
        ]
    )
    assert hits(RULE, arch) == {key(RULE, "drawn"), key(RULE, "listed")}


def test_group_in_two_zones_passes() -> None:
    arch = design([*NET, ("asg", "auto_scaling_group", "a1", {"subnets": ["a1", "b"]})])
    assert hits(RULE, arch) == set()


def test_unknown_placement_is_silent() -> None:
    arch = design(
        [
            *NET,
            ("partly", "auto_scaling_group", "vpc", {"subnets": ["a1", "x"]}),
            ("nowhere", "auto_scaling_group", "vpc"),
        ]
    )
    assert hits(RULE, arch) == set()
