"""SEC-OPENSEARCH-NO-FGAC: an OpenSearch domain without fine-grained access control."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.security.opensearch_no_fgac import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_domain_without_fgac_is_reported() -> None:
    arch = design([("search", "opensearch"), ("safe", "opensearch", None, {"fine_grained_access": True})])
    assert hits(RULE, arch) == {key(RULE, "search")}


def test_domain_with_fgac_passes() -> None:
    arch = design([("search", "opensearch", None, {"fine_grained_access": True})])
    assert hits(RULE, arch) == set()
