"""SEC-SG-OPEN-ADMIN: security group opens SSH or RDP to the internet."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.analysis.engine import analyse
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


def test_an_administrative_flow_from_the_internet_is_reported_once_where_it_lands() -> None:
    arch = design(
        [
            ("admins", "internet"),
            ("asg", "auto_scaling_group"),
            ("web", "ec2", "asg"),
            ("mgmt", "ec2"),
            ("office", "corporate_network"),
            ("jump", "ec2"),
        ],
        [
            ("admins", "asg", {"protocol": "tcp", "port": 22}),
            ("admins", "mgmt", {"protocol": "https", "port": 8443, "administrative": True}),
            ("office", "jump", {"protocol": "tcp", "port": 3389}),
            ("admins", "web", {"protocol": "https", "port": 443}),
        ],
    )
    assert hits(RULE, arch) == {key(RULE, "asg"), key(RULE, "mgmt")}


def test_a_flow_into_a_world_open_group_is_reported_on_the_group_only() -> None:
    open_ssh = {"ingress": [{"cidr": "0.0.0.0/0", "port_from": 22, "port_to": 22}]}
    arch = design(
        [("admins", "internet"), ("sg", "security_group", None, open_ssh), ("web", "ec2", "sg")],
        [("admins", "web", {"protocol": "tcp", "port": 22})],
    )
    assert hits(RULE, arch) == {key(RULE, "sg")}


def test_a_group_that_holds_only_load_balancers_opens_no_admin_session() -> None:
    everything = {"ingress": [{"cidr": "0.0.0.0/0", "protocol": "-1"}]}
    arch = design(
        [
            ("lb-sg", "security_group", None, everything),
            ("lb", "alb", "lb-sg"),
            ("host-sg", "security_group", None, everything),
            ("lb2", "nlb", "host-sg"),
            ("host", "ec2", "host-sg"),
        ]
    )
    assert hits(RULE, arch) == {key(RULE, "host-sg")}


def test_a_flow_into_a_group_defined_elsewhere_is_reported_where_it_lands() -> None:
    # The group is another stack's: whatever its rules say here are defaults, so the drawn flow speaks.
    elsewhere = {"defined_elsewhere": True, "ingress": [{"cidr": "0.0.0.0/0", "port_from": 22, "port_to": 22}]}
    arch = design(
        [("admins", "internet"), ("sg", "security_group", None, elsewhere), ("web", "ec2", "sg")],
        [("admins", "web", {"protocol": "tcp", "port": 22})],
    )
    assert {(f.rule, f.node) for f in analyse(arch).findings if f.rule == RULE.id} == {(RULE.id, "web")}
