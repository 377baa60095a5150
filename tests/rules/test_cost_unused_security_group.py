"""COST-UNUSED-SECURITY-GROUP: a security group with nothing in it."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.cost_optimization.unused_security_group import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_empty_security_group_is_reported() -> None:
    nodes = [
        ("vpc", "vpc"),
        ("sg-old", "security_group", "vpc"),
        ("sg-web", "security_group", "vpc"),
        ("web", "ec2", "sg-web"),
    ]
    assert hits(RULE, design(nodes)) == {key(RULE, "sg-old")}


def test_default_security_group_passes() -> None:
    nodes = [("vpc", "vpc"), ("default", "security_group", "vpc", {"is_default": True})]
    assert hits(RULE, design(nodes)) == set()


def test_security_group_used_as_a_flow_end_passes() -> None:
    nodes = [("vpc", "vpc"), ("sg", "security_group", "vpc"), ("alb", "alb")]
    assert hits(RULE, design(nodes, [("alb", "sg")])) == set()


def test_an_empty_box_of_a_group_drawn_again_with_members_elsewhere_passes() -> None:
    nodes = [
        ("vpc", "vpc"),
        ("a", "subnet", "vpc"),
        ("b", "subnet", "vpc"),
        ("sg", "security_group", "a"),
        ("web", "ec2", "sg"),
        ("sg@b", "security_group", "b", {"copy_of": "sg"}),
    ]
    assert hits(RULE, design(nodes)) == set()
    # without copy_of the empty box is a group of its own, and unused
    nodes[-1] = ("sg@b", "security_group", "b")
    assert hits(RULE, design(nodes)) == {key(RULE, "sg@b")}
    # the group's own box emptied while its copy holds the instance: still used
    moved = [*nodes[:4], ("sg@b", "security_group", "b", {"copy_of": "sg"}), ("web", "ec2", "sg@b")]
    assert hits(RULE, design(moved)) == set()
