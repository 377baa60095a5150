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
        ("asg", "auto_scaling_group", "priv", {"min_size": 2, "max_size": 6, "scaling_policy": True}),
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


def _group(props: dict[str, object], target: str = "asg") -> object:
    nodes = [("alb", "alb"), ("asg", "auto_scaling_group", None, props), ("web", "ec2", "asg")]
    return design(nodes, [("alb", target)])


def test_a_group_behind_a_load_balancer_that_nothing_resizes_is_reported() -> None:
    assert hits(RULE, _group({"min_size": 2, "max_size": 6, "desired_capacity": 2})) == {key(RULE, "asg")}
    assert hits(RULE, _group({"min_size": 2, "max_size": 6}, target="web")) == {key(RULE, "asg")}


def test_a_group_with_a_policy_or_scheduled_actions_passes() -> None:
    assert hits(RULE, _group({"min_size": 2, "max_size": 6, "scaling_policy": True})) == set()
    assert hits(RULE, _group({"min_size": 2, "max_size": 6, "scheduled_scaling": True})) == set()


def test_a_pinned_group_is_left_to_the_fixed_size_rule_and_a_parked_one_passes() -> None:
    assert hits(RULE, _group({"min_size": 3, "max_size": 3, "desired_capacity": 3})) == set()
    assert hits(RULE, _group({"min_size": 0, "max_size": 0, "desired_capacity": 0})) == set()


def test_a_group_of_container_instances_passes() -> None:
    nodes = [
        ("alb", "alb"),
        ("asg", "auto_scaling_group", None, {"min_size": 2, "max_size": 6}),
        ("hosts", "ec2", "asg", {"workload": "container_host"}),
        ("svc", "ecs_service", None, {"autoscaling": True}),
    ]
    assert hits(RULE, design(nodes, [("alb", "svc"), ("alb", "hosts")])) == set()
