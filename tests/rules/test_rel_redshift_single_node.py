"""REL-REDSHIFT-SINGLE-NODE: a Redshift cluster of one node."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.reliability.redshift_single_node import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_single_node_cluster_is_reported() -> None:
    arch = design([("dw", "redshift"), ("dw2", "redshift", None, {"node_count": 2}), ("db", "rds")])
    assert hits(RULE, arch) == {key(RULE, "dw")}
