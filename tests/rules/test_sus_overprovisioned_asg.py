"""SUS-OVERPROVISIONED-ASG: an auto scaling group pinned to one size."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.sustainability.overprovisioned_asg import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_fixed_size_group_is_reported() -> None:
    arch = design([("asg", "auto_scaling_group", None, {"min_size": 4, "max_size": 4, "desired_capacity": 4})])
    assert hits(RULE, arch) == {key(RULE, "asg")}


def test_elastic_or_single_instance_groups_pass() -> None:
    arch = design(
        [
            ("elastic", "auto_scaling_group", None, {"min_size": 2, "max_size": 8, "scaling_policy": True}),
            ("pinned-with-policy", "auto_scaling_group", None, {"min_size": 2, "max_size": 2, "scaling_policy": True}),
            ("self-healing", "auto_scaling_group", None, {"min_size": 1, "max_size": 1}),
        ]
    )
    assert hits(RULE, arch) == set()


def test_fixed_size_group_resized_by_scheduled_actions_passes() -> None:
    arch = design([("asg", "auto_scaling_group", None, {"min_size": 4, "max_size": 4, "scheduled_scaling": True})])
    assert hits(RULE, arch) == set()
