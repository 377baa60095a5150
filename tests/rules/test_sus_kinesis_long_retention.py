"""SUS-KINESIS-LONG-RETENTION: a stream that keeps records for more than a week."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.sustainability.kinesis_long_retention import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_long_retention_is_reported() -> None:
    assert hits(RULE, design([("stream", "kinesis", None, {"retention_hours": 720})])) == {key(RULE, "stream")}


def test_retention_up_to_a_week_passes() -> None:
    arch = design([("a", "kinesis"), ("b", "kinesis", None, {"retention_hours": 168})])
    assert hits(RULE, arch) == set()
