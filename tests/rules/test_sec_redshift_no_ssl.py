"""SEC-REDSHIFT-NO-SSL: a Redshift cluster that does not require TLS."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.security.redshift_no_ssl import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_cluster_without_require_ssl_is_reported() -> None:
    arch = design([("dw", "redshift"), ("safe", "redshift", None, {"require_ssl": True})])
    assert hits(RULE, arch) == {key(RULE, "dw")}


def test_cluster_requiring_ssl_passes() -> None:
    arch = design([("dw", "redshift", None, {"require_ssl": True}), ("db", "rds")])
    assert hits(RULE, arch) == set()
