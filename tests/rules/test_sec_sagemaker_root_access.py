"""SEC-SAGEMAKER-ROOT-ACCESS: a SageMaker notebook whose users have root."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.security.sagemaker_root_access import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_root_access_is_reported() -> None:
    arch = design([("nb", "sagemaker"), ("locked", "sagemaker", None, {"root_access": False})])
    assert hits(RULE, arch) == {key(RULE, "nb")}


def test_notebook_without_root_access_passes() -> None:
    arch = design([("nb", "sagemaker", None, {"root_access": False, "direct_internet_access": True})])
    assert hits(RULE, arch) == set()
