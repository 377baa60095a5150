"""REL-ECS-SINGLE-TASK: an ECS service with one task."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.reliability.ecs_single_task import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_problem_is_reported_on_the_node() -> None:
    arch = design([("svc", "ecs_service")])
    assert hits(RULE, arch) == {key(RULE, "svc")}


def test_configured_nodes_pass() -> None:
    arch = design(
        [("svc", "ecs_service", None, {"desired_count": 3}), ("stopped", "ecs_service", None, {"desired_count": 0})]
    )
    assert hits(RULE, arch) == set()


def test_one_service_drawn_once_per_zone_behind_one_load_balancer_passes() -> None:
    arch = design(
        [("alb", "alb"), ("svc-a", "ecs_service"), ("svc-b", "ecs_service")],
        [("alb", "svc-a"), ("alb", "svc-b")],
    )
    assert hits(RULE, arch) == set()
