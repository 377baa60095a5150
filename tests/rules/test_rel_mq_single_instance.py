"""REL-MQ-SINGLE-INSTANCE: a single-instance Amazon MQ broker."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.reliability.mq_single_instance import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_problem_is_reported_on_the_node() -> None:
    arch = design([("broker", "mq")])
    assert hits(RULE, arch) == {key(RULE, "broker")}


def test_configured_nodes_pass() -> None:
    arch = design(
        [
            ("b1", "mq", None, {"deployment_mode": "ACTIVE_STANDBY_MULTI_AZ"}),
            ("b2", "mq", None, {"deployment_mode": "CLUSTER_MULTI_AZ"}),
        ]
    )
    assert hits(RULE, arch) == set()
