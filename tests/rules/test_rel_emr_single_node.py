"""REL-EMR-SINGLE-NODE: an EMR cluster on one instance."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.reliability.emr_single_node import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_single_instance_cluster_is_reported() -> None:
    arch = design(
        [("one", "emr", None, {"instance_count": 1}), ("two", "emr", None, {"instance_count": 2}), ("default", "emr")]
    )
    assert hits(RULE, arch) == {key(RULE, "one")}
