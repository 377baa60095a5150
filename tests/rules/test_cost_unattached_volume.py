"""COST-UNATTACHED-VOLUME: an EBS volume nothing mounts."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.cost_optimization.unattached_volume import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_lonely_volumes_are_reported() -> None:
    nodes = [("vol", "ebs"), ("old", "ebs"), ("plan", "backup"), ("key", "kms")]
    edges = [("plan", "old"), ("old", "key")]
    assert hits(RULE, design(nodes, edges)) == {key(RULE, "vol"), key(RULE, "old")}


def test_volume_attached_to_an_instance_passes_either_direction() -> None:
    nodes = [("vm", "ec2"), ("data", "ebs"), ("logs", "ebs")]
    assert hits(RULE, design(nodes, [("vm", "data"), ("logs", "vm")])) == set()


def test_volume_inside_an_auto_scaling_group_passes() -> None:
    nodes = [("asg", "auto_scaling_group"), ("vm", "ec2", "asg"), ("root", "ebs", "asg")]
    assert hits(RULE, design(nodes)) == set()
