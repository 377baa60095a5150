"""REL-ASG-EC2-HEALTH-CHECK: an Auto Scaling group behind a load balancer using EC2 health checks."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.reliability.asg_ec2_health_check import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_groups_behind_a_load_balancer_with_ec2_checks_are_reported() -> None:
    arch = design(
        [
            ("alb", "alb"),
            ("nlb", "nlb"),
            ("web", "auto_scaling_group"),
            ("vm", "ec2", "web"),
            ("api", "auto_scaling_group"),
            ("node", "ec2", "api"),
        ],
        [("alb", "vm"), ("nlb", "api")],
    )
    assert hits(RULE, arch) == {key(RULE, "web"), key(RULE, "api")}


def test_elb_health_checks_pass() -> None:
    arch = design(
        [("alb", "alb"), ("web", "auto_scaling_group", None, {"health_check_type": "ELB"}), ("vm", "ec2", "web")],
        [("alb", "vm")],
    )
    assert hits(RULE, arch) == set()


def test_group_not_behind_a_load_balancer_passes() -> None:
    arch = design(
        [
            ("queue", "sqs"),
            ("workers", "auto_scaling_group"),
            ("vm", "ec2", "workers"),
            ("alb", "alb"),
            ("fn", "lambda"),
        ],
        [("queue", "vm"), ("alb", "fn")],
    )
    assert hits(RULE, arch) == set()


def test_a_group_of_container_instances_whose_tasks_are_the_targets_gets_no_advice() -> None:
    # ECS registers the tasks with the target group; the group's instances are never its targets.
    arch = design(
        [
            ("lb", "alb"),
            ("hosts", "auto_scaling_group"),
            ("host", "ec2", "hosts"),
            ("svc", "ecs_service", "hosts"),
            ("cluster", "auto_scaling_group"),
            ("svc2", "ecs_service", "cluster"),
        ],
        [("lb", "svc"), ("lb", "cluster")],
    )
    assert hits(RULE, arch) == set()


def test_container_hosts_an_alb_reaches_through_their_security_group_get_no_advice() -> None:
    arch = design(
        [
            ("lb", "alb"),
            ("hosts", "auto_scaling_group"),
            ("host", "ec2", "hosts", {"workload": "container_host"}),
            ("web", "auto_scaling_group"),
            ("server", "ec2", "web"),
        ],
        [("lb", "host"), ("lb", "server")],
    )
    assert hits(RULE, arch) == {key(RULE, "web")}


def test_a_classic_load_balancer_counts_too() -> None:
    arch = design([("lb", "elb"), ("web", "auto_scaling_group"), ("server", "ec2", "web")], [("lb", "web")])
    assert hits(RULE, arch) == {key(RULE, "web")}
