"""COST-IDLE-LOAD-BALANCER: a load balancer with no targets."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.cost_optimization.idle_load_balancer import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_load_balancers_without_targets_are_reported() -> None:
    nodes = [("net", "internet"), ("alb", "alb"), ("nlb", "nlb"), ("cw", "cloudwatch"), ("waf", "waf")]
    edges = [("net", "waf"), ("waf", "alb"), ("alb", "cw"), ("nlb", "cw")]
    assert hits(RULE, design(nodes, edges)) == {key(RULE, "alb"), key(RULE, "nlb")}


def test_load_balancer_with_a_target_passes() -> None:
    nodes = [("net", "internet"), ("alb", "alb"), ("web", "ec2"), ("cw", "cloudwatch")]
    assert hits(RULE, design(nodes, [("net", "alb"), ("alb", "cw"), ("alb", "web")])) == set()


def test_load_balancer_forwarding_to_an_auto_scaling_group_passes() -> None:
    nodes = [("asg", "auto_scaling_group"), ("web", "ec2", "asg"), ("nlb", "nlb"), ("alb", "alb")]
    assert hits(RULE, design(nodes, [("alb", "asg"), ("nlb", "alb")])) == set()


def test_load_balancer_whose_targets_are_registered_elsewhere_passes() -> None:
    nodes = [("shared", "alb", None, {"targets_elsewhere": True}), ("lone", "alb")]
    assert hits(RULE, design(nodes)) == {key(RULE, "lone")}
