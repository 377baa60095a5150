"""SEC-GLUE-UNENCRYPTED: a Glue job with no security configuration."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.security.glue_unencrypted import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_glue_without_encryption_is_reported() -> None:
    assert hits(RULE, design([("etl", "glue"), ("lake", "s3")], [("etl", "lake")])) == {key(RULE, "etl")}


def test_glue_with_a_security_configuration_passes() -> None:
    assert hits(RULE, design([("etl", "glue", None, {"encryption": True}), ("q", "athena")])) == set()
