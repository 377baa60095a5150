"""COST-ECR-NO-LIFECYCLE: ECR repository has no lifecycle policy."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.cost_optimization.ecr_no_lifecycle import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_a_repository_without_lifecycle_policy_is_reported() -> None:
    arch = design([("images", "ecr"), ("expiring", "ecr", None, {"lifecycle_policy": True})])
    assert hits(RULE, arch) == {key(RULE, "images")}


def test_a_repository_with_a_lifecycle_policy_passes() -> None:
    assert hits(RULE, design([("expiring", "ecr", None, {"lifecycle_policy": True})])) == set()
