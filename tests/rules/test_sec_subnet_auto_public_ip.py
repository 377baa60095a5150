"""SEC-SUBNET-AUTO-PUBLIC-IP: a subnet that assigns public IPs on launch."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.security.subnet_auto_public_ip import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_subnet_mapping_public_ips_is_reported() -> None:
    arch = design(
        [
            ("vpc", "vpc"),
            ("pub", "subnet", "vpc", {"public": True, "map_public_ip_on_launch": True}),
            ("priv", "subnet", "vpc"),
        ]
    )
    assert hits(RULE, arch) == {key(RULE, "pub")}


def test_public_subnet_without_auto_assignment_passes() -> None:
    arch = design([("vpc", "vpc"), ("pub", "subnet", "vpc", {"public": True}), ("web", "ec2", "pub")])
    assert hits(RULE, arch) == set()
