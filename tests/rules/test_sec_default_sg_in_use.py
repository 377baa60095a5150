"""SEC-DEFAULT-SG-IN-USE: the VPC's default security group with rules or resources."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.security.default_sg_in_use import RULE

SSH = {"cidr": "10.0.0.0/16", "port_from": 22, "port_to": 22, "protocol": "tcp"}


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_default_group_with_a_rule_is_reported() -> None:
    arch = design([("vpc", "vpc"), ("default", "security_group", "vpc", {"is_default": True, "ingress": [SSH]})])
    assert hits(RULE, arch) == {key(RULE, "default")}


def test_default_group_holding_a_resource_is_reported() -> None:
    arch = design(
        [
            ("vpc", "vpc"),
            ("default", "security_group", "vpc", {"is_default": True}),
            ("asg", "auto_scaling_group", "default"),
            ("web", "ec2", "asg"),
        ]
    )
    assert hits(RULE, arch) == {key(RULE, "default")}


def test_empty_default_group_passes() -> None:
    arch = design([("vpc", "vpc"), ("default", "security_group", "vpc", {"is_default": True}), ("web", "ec2", "vpc")])
    assert hits(RULE, arch) == set()


def test_purpose_built_group_with_rules_and_resources_passes() -> None:
    arch = design([("vpc", "vpc"), ("app-sg", "security_group", "vpc", {"ingress": [SSH]}), ("web", "ec2", "app-sg")])
    assert hits(RULE, arch) == set()


def test_default_group_holding_only_an_empty_container_passes() -> None:
    arch = design(
        [
            ("vpc", "vpc"),
            ("default", "security_group", "vpc", {"is_default": True}),
            ("asg", "auto_scaling_group", "default"),
        ]
    )
    assert hits(RULE, arch) == set()


def test_default_group_admitting_its_own_members_is_reported_and_an_outbound_group_rule_alone_is_not() -> None:
    own = {"direction": "ingress", "peer": "default", "protocol": "-1"}
    arch = design([("vpc", "vpc"), ("default", "security_group", "vpc", {"is_default": True, "group_rules": [own]})])
    assert hits(RULE, arch) == {key(RULE, "default")}
    out = {**own, "direction": "egress"}
    arch = design([("vpc", "vpc"), ("default", "security_group", "vpc", {"is_default": True, "group_rules": [out]})])
    assert hits(RULE, arch) == set()
