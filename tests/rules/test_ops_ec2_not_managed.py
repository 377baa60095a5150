"""OPS-EC2-NOT-MANAGED: an EC2 instance that Systems Manager does not patch."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.analysis.engine import analyse
from wadesk.model import Architecture
from wadesk.rules.operational_excellence.ec2_not_managed import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def _messages(arch: Architecture) -> dict[str | None, str]:
    return {f.node: f.message for f in analyse(arch, [RULE]).findings}


def test_unmanaged_instance_is_reported() -> None:
    arch = design([("web", "ec2")])
    assert hits(RULE, arch) == {key(RULE, "web")}
    assert "is not managed by Systems Manager" in _messages(arch)["web"]


def test_patch_managed_instance_passes() -> None:
    assert hits(RULE, design([("web", "ec2", None, {"patch_managed": True})])) == set()


def test_an_instance_systems_manager_manages_is_told_it_has_no_patch_baseline() -> None:
    arch = design(
        [
            ("ssm", "systems_manager"),
            ("web", "ec2"),
            ("agent", "ec2", None, {"ssm_agent": True}),
            ("asg", "auto_scaling_group"),
            ("member", "ec2", "asg"),
        ],
        [("web", "ssm"), ("asg", "ssm")],
    )
    messages = _messages(arch)
    assert set(messages) == {"web", "agent", "member"}
    for text in messages.values():
        assert "no patch baseline covers it" in text
        assert "not managed" not in text


def test_a_managed_instance_with_a_patch_baseline_passes() -> None:
    arch = design(
        [("ssm", "systems_manager"), ("web", "ec2", None, {"patch_managed": True, "ssm_agent": True})],
        [("web", "ssm")],
    )
    assert hits(RULE, arch) == set()
