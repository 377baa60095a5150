"""SEC-DNS-NO-QUERY-LOGS: a hosted zone that logs no DNS queries."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.security.dns_no_query_logs import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_zone_without_query_logging_is_reported() -> None:
    arch = design([("zone", "route53"), ("logged", "route53", None, {"query_logging": True})])
    assert hits(RULE, arch) == {key(RULE, "zone")}


def test_records_of_a_zone_defined_elsewhere_pass() -> None:
    assert hits(RULE, design([("records", "route53", None, {"defined_elsewhere": True})])) == set()
