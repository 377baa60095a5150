"""SEC-ATHENA-RESULTS-UNENCRYPTED: an Athena workgroup writing unencrypted query results."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.security.athena_results_unencrypted import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_unencrypted_results_are_reported() -> None:
    arch = design([("athena", "athena"), ("safe", "athena", None, {"results_encrypted": True})])
    assert hits(RULE, arch) == {key(RULE, "athena")}


def test_encrypted_results_pass() -> None:
    arch = design([("athena", "athena", None, {"results_encrypted": True}), ("lake", "s3")])
    assert hits(RULE, arch) == set()
