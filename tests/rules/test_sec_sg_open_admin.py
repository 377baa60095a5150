"""SEC-SG-OPEN-ADMIN: security group opens SSH or RDP to the internet."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.security.sg_open_admin import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_ssh_and_rdp_open_to_the_world_are_reported() -> None:
    arch = design(
        [
            ("ssh", "security_group", None, {"ingress": [{"cidr": "0.0.0.0/0", "port_from": 22, "port_to": 22}]}),
            ("rdp", "security_group", None, {"ingress": [{"cidr": "::/0", "port_from": 3380, "port_to": 3400}]}),
            ("all", "security_group", None, {"ingress": [{"cidr": "0.0.0.0/0", "protocol": "-1"}]}),
        ]
    )
    assert hits(RULE, arch) == {key(RULE, "ssh"), key(RULE, "rdp"), key(RULE, "all")}


def test_restricted_or_web_only_ingress_passes() -> None:
    arch = design(
        [
            ("office", "security_group", None, {"ingress": [{"cidr": "10.0.0.0/8", "port_from": 22, "port_to": 22}]}),
            ("web", "security_group", None, {"ingress": [{"cidr": "0.0.0.0/0", "port_from": 443, "port_to": 443}]}),
            ("ping", "security_group", None, {"ingress": [{"cidr": "0.0.0.0/0", "protocol": "icmp"}]}),
            (
                "udp",
                "security_group",
                None,
                {"ingress": [{"cidr": "0.0.0.0/0", "port_from": 22, "port_to": 22, "protocol": "udp"}]},
            ),
            ("none", "security_group"),
        ]
    )
    assert hits(RULE, arch) == set()
