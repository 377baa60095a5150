"""SEC-SAGEMAKER-NO-KMS: notebook storage under the AWS managed key."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.security.sagemaker_no_kms import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_notebook_without_customer_managed_key_is_reported() -> None:
    arch = design(
        [
            ("nb", "sagemaker"),
            ("set", "sagemaker", None, {"kms_encryption": True}),
            ("drawn", "sagemaker"),
            ("key", "kms"),
        ],
        [("drawn", "key")],
    )
    assert hits(RULE, arch) == {key(RULE, "nb")}
