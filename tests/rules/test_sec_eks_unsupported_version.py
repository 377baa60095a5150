"""SEC-EKS-UNSUPPORTED-VERSION: an EKS cluster on a Kubernetes version past EKS support."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.security.eks_unsupported_version import OLDEST_SUPPORTED_MINOR, RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_old_version_is_reported_on_the_cluster() -> None:
    old = f"1.{OLDEST_SUPPORTED_MINOR - 1}"
    arch = design(
        [
            ("old", "eks_cluster", None, {"version": old}),
            ("older", "eks_cluster", None, {"version": "1.9"}),
            ("current", "eks_cluster", None, {"version": f"1.{OLDEST_SUPPORTED_MINOR}"}),
        ]
    )
    assert hits(RULE, arch) == {key(RULE, "old"), key(RULE, "older")}


def test_supported_or_unparsable_versions_pass() -> None:
    arch = design(
        [
            ("default", "eks_cluster"),
            ("newer", "eks_cluster", None, {"version": f"1.{OLDEST_SUPPORTED_MINOR + 2}"}),
            ("blank", "eks_cluster", None, {"version": ""}),
            ("latest", "eks_cluster", None, {"version": "latest"}),
            ("major2", "eks_cluster", None, {"version": "2.0"}),
        ]
    )
    assert hits(RULE, arch) == set()
