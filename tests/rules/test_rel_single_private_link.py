"""REL-SINGLE-PRIVATE-LINK: an on-premises network with one Direct Connect connection as its only link."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.reliability.single_private_link import RULE

AWS_SIDE = [("tgw", "transit_gateway"), ("vpc", "vpc"), ("app", "subnet", "vpc"), ("web", "ec2", "app")]


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_single_direct_connect_is_reported() -> None:
    arch = design(
        [("office", "corporate_network"), ("dx", "direct_connect"), *AWS_SIDE],
        [("office", "dx"), ("dx", "tgw"), ("tgw", "web")],
    )
    assert hits(RULE, arch) == {key(RULE, "dx")}


def test_single_direct_connect_drawn_towards_the_office_is_reported() -> None:
    arch = design(
        [("office", "corporate_network"), ("dx", "direct_connect"), *AWS_SIDE], [("tgw", "dx"), ("dx", "office")]
    )
    assert hits(RULE, arch) == {key(RULE, "dx")}


def test_backup_vpn_passes() -> None:
    arch = design(
        [("office", "corporate_network"), ("dx", "direct_connect"), ("vpn", "vpn_gateway"), *AWS_SIDE],
        [("office", "dx"), ("dx", "tgw"), ("vpn", "office"), ("vpn", "tgw")],
    )
    assert hits(RULE, arch) == set()


def test_two_connections_pass() -> None:
    arch = design(
        [("office", "corporate_network"), ("dx", "direct_connect", None, {"connections": 2}), *AWS_SIDE],
        [("office", "dx"), ("dx", "tgw")],
    )
    assert hits(RULE, arch) == set()


def test_second_direct_connect_passes() -> None:
    arch = design(
        [("office", "corporate_network"), ("dx1", "direct_connect"), ("dx2", "direct_connect"), *AWS_SIDE],
        [("office", "dx1"), ("office", "dx2"), ("dx1", "tgw"), ("dx2", "tgw")],
    )
    assert hits(RULE, arch) == set()


def test_another_sites_vpn_does_not_back_up_this_office() -> None:
    arch = design(
        [
            ("hq", "corporate_network"),
            ("branch", "corporate_network"),
            ("dx", "direct_connect"),
            ("vpn", "vpn_gateway"),
            *AWS_SIDE,
        ],
        [("hq", "dx"), ("dx", "tgw"), ("branch", "vpn"), ("vpn", "tgw")],
    )
    assert hits(RULE, arch) == {key(RULE, "dx")}


def test_direct_connect_with_no_corporate_network_drawn_passes() -> None:
    arch = design([("dx", "direct_connect"), *AWS_SIDE], [("dx", "tgw")])
    assert hits(RULE, arch) == set()
