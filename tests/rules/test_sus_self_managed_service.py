"""SUS-SELF-MANAGED-SERVICE: a database, cache or broker run on EC2."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.sustainability.self_managed_service import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_self_managed_engines_are_reported() -> None:
    arch = design(
        [
            ("pg", "ec2", None, {"workload": "database"}),
            ("redis", "ec2", None, {"workload": "cache"}),
            ("rabbit", "ec2", None, {"workload": "message_broker"}),
        ]
    )
    assert hits(RULE, arch) == {key(RULE, "pg"), key(RULE, "redis"), key(RULE, "rabbit")}


def test_application_instances_and_managed_services_pass() -> None:
    arch = design([("app", "ec2"), ("jump", "ec2", None, {"workload": "bastion"}), ("db", "rds"), ("mq", "mq")])
    assert hits(RULE, arch) == set()
