"""REL-OPENSEARCH-NOT-RESILIENT: an OpenSearch domain not spread over zones."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.reliability.opensearch_not_resilient import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_problem_is_reported_on_the_node() -> None:
    arch = design(
        [
            ("small", "opensearch", None, {"zone_awareness": True, "instance_count": 2}),
            ("flat", "opensearch", None, {"instance_count": 3}),
        ]
    )
    assert hits(RULE, arch) == {key(RULE, "small"), key(RULE, "flat")}


def test_configured_nodes_pass() -> None:
    arch = design(
        [("search", "opensearch", None, {"zone_awareness": True, "instance_count": 3, "dedicated_masters": True})]
    )
    assert hits(RULE, arch) == set()


def test_domain_without_dedicated_masters_is_reported() -> None:
    arch = design(
        [
            ("no-masters", "opensearch", None, {"zone_awareness": True, "instance_count": 3}),
            ("ha", "opensearch", None, {"zone_awareness": True, "instance_count": 6, "dedicated_masters": True}),
        ]
    )
    assert hits(RULE, arch) == {key(RULE, "no-masters")}
