"""SEC-REDSHIFT-NO-AUDIT-LOG: a Redshift cluster without audit logging."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.security.redshift_no_audit_log import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_cluster_without_audit_logging_is_reported() -> None:
    arch = design([("dw", "redshift"), ("safe", "redshift", None, {"audit_logging": True})])
    assert hits(RULE, arch) == {key(RULE, "dw")}


def test_cluster_with_audit_logging_passes() -> None:
    arch = design([("dw", "redshift", None, {"audit_logging": True, "require_ssl": True})])
    assert hits(RULE, arch) == set()
