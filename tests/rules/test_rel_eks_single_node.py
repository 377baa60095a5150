"""REL-EKS-SINGLE-NODE: an EKS cluster on one worker node."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.reliability.eks_single_node import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_a_cluster_on_one_node_is_reported() -> None:
    arch = design([("eks", "eks_cluster", None, {"node_count": 1, "node_type": "self-managed"})])
    assert hits(RULE, arch) == {key(RULE, "eks")}


def test_two_nodes_or_fargate_pass() -> None:
    arch = design(
        [
            ("two", "eks_cluster", None, {"node_count": 2}),
            ("fargate", "eks_cluster", None, {"node_count": 1, "node_type": "fargate"}),
        ]
    )
    assert hits(RULE, arch) == set()
