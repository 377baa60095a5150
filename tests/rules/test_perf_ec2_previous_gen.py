"""PERF-EC2-PREVIOUS-GEN: an EC2 instance of a previous-generation family."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.performance_efficiency._common import instance_family
from wadesk.rules.performance_efficiency.ec2_previous_gen import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_previous_generation_instances_are_reported() -> None:
    arch = design(
        [
            ("a", "ec2", None, {"instance_type": "m4.large"}),
            ("b", "ec2", None, {"instance_type": "T2.Micro"}),
            ("c", "ec2", None, {"instance_type": "c4.xlarge"}),
        ]
    )
    assert hits(RULE, arch) == {key(RULE, "a"), key(RULE, "b"), key(RULE, "c")}


def test_current_generation_instances_pass() -> None:
    arch = design(
        [
            ("a", "ec2"),
            ("b", "ec2", None, {"instance_type": "m7g.large"}),
            ("c", "ec2", None, {"instance_type": "m5d.xlarge"}),
            ("d", "ec2", None, {"instance_type": ""}),
            ("e", "ec2", None, {"instance_type": "custom"}),
        ]
    )
    assert hits(RULE, arch) == set()


def test_family_parsing() -> None:
    assert instance_family("m4.large") == "m4"
    assert instance_family("db.r4.xlarge") == "r4"
    assert instance_family("x1e.32xlarge") == "x1e"
    assert instance_family("m5d.large") == "m5d"
    assert instance_family("large") is None
