"""OPS-EC2-NOT-MANAGED: an EC2 instance that Systems Manager does not patch."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.operational_excellence.ec2_not_managed import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_unmanaged_instance_is_reported() -> None:
    arch = design([("ssm", "systems_manager"), ("web", "ec2"), ("app", "ec2")], [("ssm", "app")])
    assert hits(RULE, arch) == {key(RULE, "web")}


def test_patch_managed_instance_passes() -> None:
    assert hits(RULE, design([("web", "ec2", None, {"patch_managed": True})])) == set()


def test_instance_with_flow_to_systems_manager_passes() -> None:
    arch = design([("ssm", "systems_manager"), ("web", "ec2")], [("web", "ssm")])
    assert hits(RULE, arch) == set()


def test_instance_in_a_managed_auto_scaling_group_passes() -> None:
    arch = design(
        [("ssm", "systems_manager"), ("asg", "auto_scaling_group"), ("web", "ec2", "asg")],
        [("asg", "ssm")],
    )
    assert hits(RULE, arch) == set()
