"""SEC-SG-OPEN-PORTS: security group opens non-web ports to the internet."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.security.sg_open_ports import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_world_open_other_ports_are_reported() -> None:
    arch = design(
        [
            ("db", "security_group", None, {"ingress": [{"cidr": "0.0.0.0/0", "port_from": 5432, "port_to": 5432}]}),
            ("any", "security_group", None, {"ingress": [{}]}),
            ("alt", "security_group", None, {"ingress": [{"cidr": "::/0", "port_from": 8080, "port_to": 8080}]}),
        ]
    )
    assert hits(RULE, arch) == {key(RULE, "db"), key(RULE, "any"), key(RULE, "alt")}


def test_web_ports_and_restricted_sources_pass() -> None:
    web = [
        {"cidr": "0.0.0.0/0", "port_from": 80, "port_to": 80},
        {"cidr": "::/0", "port_from": 443, "port_to": 443},
        {"cidr": "10.0.0.0/16", "port_from": 5432, "port_to": 5432},
    ]
    arch = design([("web", "security_group", None, {"ingress": web}), ("empty", "security_group")])
    assert hits(RULE, arch) == set()


def test_ssh_alone_is_left_to_the_admin_rule() -> None:
    ssh = [{"cidr": "0.0.0.0/0", "port_from": 22, "port_to": 22}]
    assert hits(RULE, design([("ssh", "security_group", None, {"ingress": ssh})])) == set()
