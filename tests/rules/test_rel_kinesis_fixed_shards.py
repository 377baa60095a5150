"""REL-KINESIS-FIXED-SHARDS: a stream in provisioned capacity mode."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.reliability.kinesis_fixed_shards import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_a_provisioned_stream_is_reported() -> None:
    assert hits(RULE, design([("stream", "kinesis", None, {"capacity_mode": "PROVISIONED"})])) == {
        key(RULE, "stream")
    }


def test_an_on_demand_stream_and_a_firehose_pass() -> None:
    arch = design([("stream", "kinesis", None, {"capacity_mode": "ON_DEMAND"}), ("hose", "firehose")])
    assert hits(RULE, arch) == set()
