"""PERF-FIXED-THROUGHPUT: a table or stream whose throughput is fixed."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.performance_efficiency.fixed_throughput import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_a_fixed_table_and_a_provisioned_stream_are_reported() -> None:
    arch = design([("table", "dynamodb"), ("stream", "kinesis")])  # both defaults are PROVISIONED
    assert hits(RULE, arch) == {key(RULE, "table"), key(RULE, "stream")}


def test_throughput_that_follows_demand_passes() -> None:
    arch = design(
        [
            ("scaled", "dynamodb", None, {"autoscaling": True}),
            ("on-demand", "dynamodb", None, {"billing_mode": "PAY_PER_REQUEST"}),
            ("stream", "kinesis", None, {"capacity_mode": "ON_DEMAND"}),
        ]
    )
    assert hits(RULE, arch) == set()
