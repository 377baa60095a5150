"""REL-LB-SINGLE-AZ: a load balancer attached to one AZ."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.reliability.lb_single_az import RULE

NET = [
    ("vpc", "vpc"),
    ("pa", "subnet", "vpc", {"public": True, "availability_zone": "eu-west-1a"}),
    ("pb", "subnet", "vpc", {"public": True, "availability_zone": "eu-west-1b"}),
]


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_load_balancers_in_one_zone_are_reported() -> None:
    arch = design([*NET, ("alb", "alb", "pa"), ("nlb", "nlb", "vpc", {"subnets": ["pb"]})])
    assert hits(RULE, arch) == {key(RULE, "alb"), key(RULE, "nlb")}


def test_load_balancer_in_two_zones_passes() -> None:
    arch = design([*NET, ("alb", "alb", "pa", {"subnets": ["pa", "pb"]})])
    assert hits(RULE, arch) == set()


def test_unknown_placement_is_silent() -> None:
    arch = design(
        [*NET, ("pz", "subnet", "vpc"), ("alb", "alb", "vpc"), ("nlb", "nlb", None, {"subnets": ["pa", "pz"]})]
    )
    assert hits(RULE, arch) == set()
