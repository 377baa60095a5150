"""SUS-NO-AUTOSCALING: load-balanced compute that does not scale."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.sustainability.no_autoscaling import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_fixed_compute_behind_a_load_balancer_is_reported() -> None:
    nodes = [
        ("vpc", "vpc"),
        ("priv", "subnet", "vpc"),
        ("alb", "alb"),
        ("nlb", "nlb"),
        ("web", "ec2", "priv"),
        ("svc", "ecs_service", "priv"),
    ]
    assert hits(RULE, design(nodes, [("alb", "web"), ("nlb", "svc")])) == {key(RULE, "web"), key(RULE, "svc")}


def test_instances_in_an_auto_scaling_group_pass() -> None:
    nodes = [
        ("vpc", "vpc"),
        ("priv", "subnet", "vpc"),
        ("asg", "auto_scaling_group", "priv"),
        ("sg", "security_group", "asg"),
        ("web", "ec2", "sg"),
        ("alb", "alb"),
        ("svc", "ecs_service", None, {"autoscaling": True}),
    ]
    assert hits(RULE, design(nodes, [("alb", "web"), ("alb", "svc")])) == set()


def test_compute_without_a_load_balancer_in_front_passes() -> None:
    nodes = [("net", "internet"), ("web", "ec2"), ("svc", "ecs_service"), ("q", "sqs")]
    assert hits(RULE, design(nodes, [("net", "web"), ("q", "svc"), ("svc", "web")])) == set()


def test_stateful_instance_behind_an_nlb_passes() -> None:
    nodes = [("nlb", "nlb"), ("db", "ec2", None, {"workload": "database"})]
    assert hits(RULE, design(nodes, [("nlb", "db")])) == set()
