"""REL-ASG-SINGLE-INSTANCE: an Auto Scaling group that runs one instance."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.reliability.asg_single_instance import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_problem_is_reported_on_the_node() -> None:
    arch = design(
        [
            ("default", "auto_scaling_group"),
            ("capped", "auto_scaling_group", None, {"min_size": 1, "max_size": 1, "desired_capacity": 1}),
            ("fixed", "auto_scaling_group", None, {"min_size": 1, "max_size": 4, "desired_capacity": 1}),
        ]
    )
    assert hits(RULE, arch) == {key(RULE, "default"), key(RULE, "capped"), key(RULE, "fixed")}


def test_configured_nodes_pass() -> None:
    arch = design(
        [
            ("ha", "auto_scaling_group", None, {"min_size": 2, "max_size": 4, "desired_capacity": 2}),
            ("elastic", "auto_scaling_group", None, {"min_size": 2, "max_size": 6, "scaling_policy": True}),
            ("parked", "auto_scaling_group", None, {"min_size": 0, "max_size": 0, "desired_capacity": 0}),
        ]
    )
    assert hits(RULE, arch) == set()


def test_a_scaling_policy_does_not_excuse_a_minimum_of_one() -> None:
    arch = design(
        [
            (
                "g",
                "auto_scaling_group",
                None,
                {"min_size": 1, "max_size": 6, "desired_capacity": 1, "scaling_policy": True},
            )
        ]
    )
    assert hits(RULE, arch) == {key(RULE, "g")}


def test_a_minimum_of_one_under_a_larger_desired_capacity_and_no_policy_never_runs_on_one() -> None:
    # Without a scaling policy the group keeps its desired capacity; min_size only bounds manual changes.
    arch = design(
        [("g", "auto_scaling_group", None, {"min_size": 1, "max_size": 4, "desired_capacity": 2})],
    )
    assert hits(RULE, arch) == set()


def test_a_policy_that_scales_to_zero_is_deliberate() -> None:
    arch = design(
        [
            (
                "g",
                "auto_scaling_group",
                None,
                {"min_size": 0, "max_size": 4, "desired_capacity": 2, "scaling_policy": True},
            )
        ]
    )
    assert hits(RULE, arch) == set()
