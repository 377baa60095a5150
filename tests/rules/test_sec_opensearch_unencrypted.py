"""SEC-OPENSEARCH-UNENCRYPTED: an OpenSearch domain missing one of its encryption settings."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.analysis.engine import analyse
from wadesk.rules.security.opensearch_unencrypted import RULE

ALL_ON = {"encryption_at_rest": True, "node_to_node_encryption": True, "enforce_https": True}


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_each_missing_setting_is_reported() -> None:
    arch = design(
        [
            ("bare", "opensearch"),
            ("no_rest", "opensearch", None, {**ALL_ON, "encryption_at_rest": False}),
            ("no_n2n", "opensearch", None, {**ALL_ON, "node_to_node_encryption": False}),
            ("no_https", "opensearch", None, {**ALL_ON, "enforce_https": False}),
            ("safe", "opensearch", None, ALL_ON),
        ]
    )
    assert hits(RULE, arch) == {key(RULE, n) for n in ("bare", "no_rest", "no_n2n", "no_https")}


def test_message_lists_only_the_missing_settings() -> None:
    arch = design([("search", "opensearch", None, {**ALL_ON, "enforce_https": False})])
    [finding] = analyse(arch, [RULE]).findings
    assert "enforce_https" in finding.message
    assert "encryption_at_rest" not in finding.message
    assert "node_to_node_encryption" not in finding.message


def test_fully_encrypted_domain_passes() -> None:
    arch = design([("search", "opensearch", None, ALL_ON)])
    assert hits(RULE, arch) == set()
