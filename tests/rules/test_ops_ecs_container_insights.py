"""OPS-ECS-CONTAINER-INSIGHTS: an ECS service without Container Insights."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.operational_excellence.ecs_container_insights import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_service_without_container_insights_is_reported() -> None:
    arch = design([("svc", "ecs_service"), ("task", "fargate_task")])
    assert hits(RULE, arch) == {key(RULE, "svc")}


def test_service_with_container_insights_passes() -> None:
    assert hits(RULE, design([("svc", "ecs_service", None, {"container_insights": True})])) == set()


def test_a_drawn_cluster_carries_the_setting_so_it_is_reported_once() -> None:
    arch = design(
        [("cluster", "ecs_cluster"), ("svc", "ecs_service"), ("on", "ecs_cluster", None, {"container_insights": True})]
    )
    assert hits(RULE, arch) == {key(RULE, "cluster")}
