"""SEC-EMR-PUBLIC-MASTER: an EMR cluster with a public master node."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.security.emr_public_master import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_public_master_is_reported() -> None:
    arch = design([("emr", "emr", None, {"public_master": True}), ("private", "emr")])
    assert hits(RULE, arch) == {key(RULE, "emr")}


def test_private_master_passes() -> None:
    arch = design([("emr", "emr", None, {"public_master": False, "encryption": False})])
    assert hits(RULE, arch) == set()
