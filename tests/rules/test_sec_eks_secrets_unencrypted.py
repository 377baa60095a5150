"""SEC-EKS-SECRETS-UNENCRYPTED: an EKS cluster without KMS envelope encryption of secrets."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.security.eks_secrets_unencrypted import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_cluster_without_secrets_encryption_is_reported() -> None:
    arch = design([("eks", "eks_cluster"), ("safe", "eks_cluster", None, {"secrets_encryption": True})])
    assert hits(RULE, arch) == {key(RULE, "eks")}


def test_cluster_with_secrets_encryption_passes() -> None:
    arch = design([("eks", "eks_cluster", None, {"secrets_encryption": True}), ("fn", "lambda")])
    assert hits(RULE, arch) == set()
