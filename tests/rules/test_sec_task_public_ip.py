"""SEC-TASK-PUBLIC-IP: ECS tasks that get public IP addresses."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.security.task_public_ip import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_public_ip_tasks_are_reported() -> None:
    arch = design(
        [
            ("svc", "ecs_service", None, {"assign_public_ip": True}),
            ("job", "fargate_task", None, {"assign_public_ip": True}),
            ("web", "ec2", None, {"public_ip": True}),
        ]
    )
    assert hits(RULE, arch) == {key(RULE, "svc"), key(RULE, "job")}


def test_private_tasks_pass() -> None:
    arch = design(
        [
            ("vpc", "vpc"),
            ("pub", "subnet", "vpc", {"public": True}),
            ("svc", "ecs_service", "pub"),
            ("job", "fargate_task"),
        ]
    )
    assert hits(RULE, arch) == set()
