"""SEC-LOG-GROUP-DEFAULT-KEY: log groups under CloudWatch Logs' own encryption."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.analysis.engine import analyse
from wadesk.rules.security.log_group_default_key import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_log_groups_without_a_kms_key_are_reported_as_such_not_as_unencrypted() -> None:
    (finding,) = analyse(design([("logs", "cloudwatch")]), [RULE]).findings
    assert finding.key == key(RULE, "logs") and finding.severity == "low"
    assert "unencrypted" not in finding.message and "own encryption" in finding.message


def test_a_kms_key_passes() -> None:
    assert hits(RULE, design([("logs", "cloudwatch", None, {"kms_key": True})])) == set()


def test_cloudwatch_holding_only_metrics_and_alarms_has_no_logs_to_encrypt() -> None:
    assert hits(RULE, design([("cw", "cloudwatch", None, {"holds_logs": False})])) == set()


def test_a_flow_to_a_kms_key_says_the_logs_use_it() -> None:
    arch = design([("logs", "cloudwatch"), ("key", "kms")], [("logs", "key")])
    assert hits(RULE, arch) == set()
