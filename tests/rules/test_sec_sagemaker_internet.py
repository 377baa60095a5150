"""SEC-SAGEMAKER-INTERNET: a SageMaker notebook with direct internet access."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.security.sagemaker_internet import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_direct_internet_access_is_reported() -> None:
    arch = design([("nb", "sagemaker"), ("vpc_nb", "sagemaker", None, {"direct_internet_access": False})])
    assert hits(RULE, arch) == {key(RULE, "nb")}


def test_notebook_without_direct_internet_access_passes() -> None:
    arch = design([("nb", "sagemaker", None, {"direct_internet_access": False, "root_access": True})])
    assert hits(RULE, arch) == set()
