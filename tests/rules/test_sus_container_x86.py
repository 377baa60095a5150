"""SUS-CONTAINER-X86: ECS services and Fargate tasks on x86_64."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.sustainability.container_x86 import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_x86_containers_are_reported() -> None:
    arch = design([("svc", "ecs_service"), ("task", "fargate_task")])
    assert hits(RULE, arch) == {key(RULE, "svc"), key(RULE, "task")}


def test_arm64_containers_pass() -> None:
    arch = design(
        [
            ("svc", "ecs_service", None, {"architecture": "arm64"}),
            ("task", "fargate_task", None, {"architecture": "arm64"}),
        ]
    )
    assert hits(RULE, arch) == set()
