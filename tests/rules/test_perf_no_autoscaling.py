"""PERF-NO-AUTOSCALING: load-balanced compute that cannot add capacity when demand rises."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.performance_efficiency.no_autoscaling import RULE


def _tier(group: dict[str, object], service: dict[str, object] | None = None) -> object:
    nodes = [
        ("net", "internet"),
        ("alb", "alb"),
        ("asg", "auto_scaling_group", None, group),
        ("web", "ec2", "asg"),
        ("svc", "ecs_service", None, service or {"desired_count": 2, "autoscaling": True}),
    ]
    return design(nodes, [("net", "alb"), ("alb", "asg"), ("alb", "svc")])


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_a_group_that_nothing_resizes_is_reported_even_when_pinned() -> None:
    assert hits(RULE, _tier({"min_size": 2, "max_size": 6, "desired_capacity": 3})) == {key(RULE, "asg")}
    assert hits(RULE, _tier({"min_size": 4, "max_size": 4, "desired_capacity": 4})) == {key(RULE, "asg")}


def test_the_message_says_what_stays_fixed() -> None:
    from wadesk.analysis.engine import analyse

    (finding,) = analyse(_tier({"min_size": 2, "max_size": 6, "desired_capacity": 3}), [RULE]).findings
    assert "desired capacity of 3 instances" in finding.message and "max_size 6" in finding.message


def test_a_fixed_ecs_service_and_a_lone_instance_are_reported() -> None:
    arch = _tier({"min_size": 2, "max_size": 6, "scaling_policy": True}, {"desired_count": 3})
    assert hits(RULE, arch) == {key(RULE, "svc")}
    lone = design([("nlb", "nlb"), ("vm", "ec2")], [("nlb", "vm")])
    assert hits(RULE, lone) == {key(RULE, "vm")}


def test_near_misses_pass() -> None:
    assert hits(RULE, _tier({"min_size": 2, "max_size": 6, "scaling_policy": True})) == set()
    assert hits(RULE, _tier({"min_size": 2, "max_size": 6, "scheduled_scaling": True})) == set()
    stopped = _tier({"min_size": 2, "max_size": 6, "scaling_policy": True}, {"desired_count": 0})
    assert hits(RULE, stopped) == set()
    no_balancer = design([("q", "sqs"), ("asg", "auto_scaling_group"), ("worker", "ec2", "asg")], [("q", "asg")])
    assert hits(RULE, no_balancer) == set()
    database = design([("nlb", "nlb"), ("db", "ec2", None, {"workload": "database"})], [("nlb", "db")])
    assert hits(RULE, database) == set()
