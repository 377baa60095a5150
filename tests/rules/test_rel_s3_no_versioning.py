"""REL-S3-NO-VERSIONING: an S3 bucket without versioning."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.reliability.s3_no_versioning import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_problem_is_reported_on_the_node() -> None:
    arch = design([("bucket", "s3")])
    assert hits(RULE, arch) == {key(RULE, "bucket")}


def test_configured_nodes_pass() -> None:
    arch = design([("bucket", "s3", None, {"versioning": True}), ("vault", "glacier")])
    assert hits(RULE, arch) == set()
