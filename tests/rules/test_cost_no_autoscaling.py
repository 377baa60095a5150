"""COST-NO-AUTOSCALING: capacity billed at a fixed size, whatever the demand."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.cost_optimization.no_autoscaling import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_fixed_compute_behind_a_load_balancer_and_a_fixed_table_are_reported() -> None:
    nodes = [
        ("alb", "alb"),
        ("asg", "auto_scaling_group", None, {"min_size": 2, "max_size": 2, "desired_capacity": 2}),
        ("web", "ec2", "asg"),
        ("svc", "ecs_service", None, {"desired_count": 2}),
        ("table", "dynamodb", None, {"billing_mode": "PROVISIONED"}),
    ]
    arch = design(nodes, [("alb", "asg"), ("alb", "svc"), ("web", "table")])
    assert hits(RULE, arch) == {key(RULE, "asg"), key(RULE, "svc"), key(RULE, "table")}


def test_capacity_that_follows_demand_passes() -> None:
    nodes = [
        ("alb", "alb"),
        ("asg", "auto_scaling_group", None, {"min_size": 2, "max_size": 8, "scaling_policy": True}),
        ("web", "ec2", "asg"),
        ("svc", "ecs_service", None, {"desired_count": 2, "autoscaling": True}),
        ("scaled", "dynamodb", None, {"billing_mode": "PROVISIONED", "autoscaling": True}),
        ("on-demand", "dynamodb", None, {"billing_mode": "PAY_PER_REQUEST"}),
        ("stream", "kinesis", None, {"capacity_mode": "PROVISIONED"}),
    ]
    arch = design(nodes, [("alb", "asg"), ("alb", "svc"), ("web", "scaled"), ("web", "on-demand")])
    assert hits(RULE, arch) == set()
