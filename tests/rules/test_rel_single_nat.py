"""REL-SINGLE-NAT: one NAT gateway serving private subnets in several AZs."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.reliability.single_nat import RULE

NET = [
    ("vpc", "vpc"),
    ("pub-a", "subnet", "vpc", {"public": True, "availability_zone": "eu-west-1a"}),
    ("pub-b", "subnet", "vpc", {"public": True, "availability_zone": "eu-west-1b"}),
    ("priv-a", "subnet", "vpc", {"availability_zone": "eu-west-1a"}),
    ("priv-b", "subnet", "vpc", {"availability_zone": "eu-west-1b"}),
]


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_nat_serving_two_zones_through_flows_is_reported() -> None:
    arch = design(
        [*NET, ("nat", "nat_gateway", "pub-a"), ("app-a", "ec2", "priv-a"), ("app-b", "ec2", "priv-b")],
        [("app-a", "nat"), ("app-b", "nat")],
    )
    assert hits(RULE, arch) == {key(RULE, "nat")}


def test_group_spanning_two_private_zones_through_one_nat_is_reported() -> None:
    arch = design(
        [
            *NET,
            ("nat", "nat_gateway", "pub-a"),
            ("asg", "auto_scaling_group", "vpc", {"subnets": ["priv-a", "priv-b"]}),
            ("app", "ec2", "asg"),
        ],
        [("app", "nat")],
    )
    assert hits(RULE, arch) == {key(RULE, "nat")}


def test_lone_nat_in_vpc_with_private_compute_in_two_zones_is_reported() -> None:
    arch = design([*NET, ("nat", "nat_gateway", "pub-a"), ("app-a", "ec2", "priv-a"), ("app-b", "lambda", "priv-b")])
    assert hits(RULE, arch) == {key(RULE, "nat")}


def test_one_nat_per_zone_passes() -> None:
    arch = design(
        [
            *NET,
            ("nat-a", "nat_gateway", "pub-a"),
            ("nat-b", "nat_gateway", "pub-b"),
            ("app-a", "ec2", "priv-a"),
            ("app-b", "ec2", "priv-b"),
        ],
        [("app-a", "nat-a"), ("app-b", "nat-b")],
    )
    assert hits(RULE, arch) == set()


def test_nat_gateways_in_both_zones_without_flows_pass() -> None:
    arch = design(
        [
            *NET,
            ("nat-a", "nat_gateway", "pub-a"),
            ("nat-b", "nat_gateway", "pub-b"),
            ("app-a", "ec2", "priv-a"),
            ("app-b", "ec2", "priv-b"),
        ]
    )
    assert hits(RULE, arch) == set()


def test_private_compute_in_one_zone_passes() -> None:
    arch = design([*NET, ("nat", "nat_gateway", "pub-a"), ("app-a", "ec2", "priv-a"), ("web-b", "ec2", "pub-b")])
    assert hits(RULE, arch) == set()


def test_an_unused_nat_does_not_cover_a_zone_drawn_sending_elsewhere() -> None:
    for extra in (("nat-2", "nat_gateway", "vpc"), ("nat-b", "nat_gateway", "pub-b")):
        arch = design(
            [*NET, ("nat", "nat_gateway", "pub-a"), extra, ("app-a", "ec2", "priv-a"), ("app-b", "ec2", "priv-b")],
            [("app-a", "nat"), ("app-b", "nat")],
        )
        assert hits(RULE, arch) == {key(RULE, "nat")}


def test_senders_of_unknown_zone_are_not_counted() -> None:
    arch = design(
        [*NET, ("nat", "nat_gateway", "pub-a"), ("app-a", "ec2", "priv-a"), ("app-x", "ec2", "vpc")],
        [("app-a", "nat"), ("app-x", "nat")],
    )
    assert hits(RULE, arch) == set()


def test_a_group_spanning_two_zones_that_uses_the_nat_of_each_passes() -> None:
    arch = design(
        [
            *NET,
            ("nat-a", "nat_gateway", "pub-a"),
            ("nat-b", "nat_gateway", "pub-b"),
            ("asg", "auto_scaling_group", "vpc", {"subnets": ["priv-a", "priv-b"]}),
            ("app", "ec2", "asg"),
        ],
        [("asg", "nat-a"), ("asg", "nat-b")],
    )
    assert hits(RULE, arch) == set()


def test_a_group_spanning_two_zones_that_uses_one_nat_is_reported() -> None:
    arch = design(
        [
            *NET,
            ("nat-a", "nat_gateway", "pub-a"),
            ("nat-b", "nat_gateway", "pub-b"),
            ("asg", "auto_scaling_group", "vpc", {"subnets": ["priv-a", "priv-b"]}),
            ("app", "ec2", "asg"),
        ],
        [("asg", "nat-a")],
    )
    assert hits(RULE, arch) == {key(RULE, "nat-a")}
