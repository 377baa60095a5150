"""SEC-EKS-PUBLIC-ENDPOINT: eKS API endpoint is public."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.security.eks_public_endpoint import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_public_endpoint_is_reported() -> None:
    arch = design([("eks", "eks_cluster"), ("private", "eks_cluster", None, {"endpoint_public_access": False})])
    assert hits(RULE, arch) == {key(RULE, "eks")}


def test_private_endpoint_passes() -> None:
    assert hits(RULE, design([("eks", "eks_cluster", None, {"endpoint_public_access": False})])) == set()
