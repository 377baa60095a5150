"""SEC-EMR-UNENCRYPTED: an EMR cluster without an encrypting security configuration."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.security.emr_unencrypted import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_unencrypted_cluster_is_reported() -> None:
    arch = design([("emr", "emr"), ("safe", "emr", None, {"encryption": True})])
    assert hits(RULE, arch) == {key(RULE, "emr")}


def test_encrypted_cluster_passes() -> None:
    arch = design([("emr", "emr", None, {"encryption": True, "public_master": True})])
    assert hits(RULE, arch) == set()
