"""REL-VPN-SINGLE-TUNNEL: a VPN connection with one tunnel."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.reliability.vpn_single_tunnel import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_one_tunnel_is_reported() -> None:
    arch = design([("hq", "corporate_network"), ("vpn", "vpn_gateway", None, {"tunnels": 1})], [("hq", "vpn")])
    assert hits(RULE, arch) == {key(RULE, "vpn")}


def test_two_tunnels_pass() -> None:
    assert hits(RULE, design([("vpn", "vpn_gateway")])) == set()
