"""COST-EBS-GP2: an EBS volume on gp2."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.cost_optimization.ebs_gp2 import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_gp2_volume_is_reported() -> None:
    arch = design([("default", "ebs"), ("explicit", "ebs", None, {"volume_type": "gp2"})])
    assert hits(RULE, arch) == {key(RULE, "default"), key(RULE, "explicit")}


def test_other_volume_types_pass() -> None:
    arch = design([("a", "ebs", None, {"volume_type": "gp3"}), ("b", "ebs", None, {"volume_type": "io2"})])
    assert hits(RULE, arch) == set()
