"""OPS-EKS-CONTROL-PLANE-LOGS: an EKS cluster without control plane logging."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.operational_excellence.eks_control_plane_logs import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_cluster_without_logging_is_reported() -> None:
    assert hits(RULE, design([("eks", "eks_cluster"), ("svc", "ecs_service")])) == {key(RULE, "eks")}


def test_cluster_with_logging_passes() -> None:
    assert hits(RULE, design([("eks", "eks_cluster", None, {"control_plane_logging": True})])) == set()
