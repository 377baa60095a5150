"""SEC-OPENSEARCH-NO-AUDIT-LOGS: an OpenSearch domain without audit logs."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.security.opensearch_no_audit_logs import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_domain_without_audit_logs_is_reported() -> None:
    arch = design([("search", "opensearch"), ("safe", "opensearch", None, {"audit_logs": True})])
    assert hits(RULE, arch) == {key(RULE, "search")}


def test_domain_with_audit_logs_passes() -> None:
    arch = design([("search", "opensearch", None, {"audit_logs": True, "fine_grained_access": True})])
    assert hits(RULE, arch) == set()
