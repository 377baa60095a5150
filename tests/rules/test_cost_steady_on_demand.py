"""COST-STEADY-ON-DEMAND: an auto scaling group's steady base paid On-Demand."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.cost_optimization.steady_on_demand import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_on_demand_group_with_a_steady_base_is_reported() -> None:
    nodes = [
        ("vpc", "vpc"),
        ("priv", "subnet", "vpc"),
        ("asg", "auto_scaling_group", "priv", {"min_size": 2, "max_size": 6}),
        ("sg", "security_group", "asg"),
        ("web", "ec2", "sg"),
    ]
    assert hits(RULE, design(nodes)) == {key(RULE, "asg")}


def test_group_covered_by_a_savings_plan_passes() -> None:
    nodes = [
        ("asg", "auto_scaling_group", None, {"min_size": 3, "max_size": 6}),
        ("a", "ec2", "asg", {"purchase_option": "savings-plan"}),
        ("b", "ec2", "asg"),
    ]
    assert hits(RULE, design(nodes)) == set()


def test_small_or_empty_groups_pass() -> None:
    nodes = [
        ("one", "auto_scaling_group", None, {"min_size": 1, "max_size": 4}),
        ("a", "ec2", "one"),
        ("empty", "auto_scaling_group", None, {"min_size": 2, "max_size": 2}),
    ]
    assert hits(RULE, design(nodes)) == set()


def test_instances_of_a_nested_group_belong_to_that_group_only() -> None:
    nodes = [
        ("outer", "auto_scaling_group", None, {"min_size": 2, "max_size": 2}),
        ("inner", "auto_scaling_group", "outer", {"min_size": 2, "max_size": 2}),
        ("a", "ec2", "inner", {"purchase_option": "reserved"}),
    ]
    assert hits(RULE, design(nodes)) == set()


def test_group_with_an_instance_defined_elsewhere_passes() -> None:
    # A registry module's instance: how it is bought is not in the design.
    nodes = [
        ("asg", "auto_scaling_group", None, {"min_size": 2, "max_size": 6}),
        ("a", "ec2", "asg", {"defined_elsewhere": True}),
    ]
    assert hits(RULE, design(nodes)) == set()
