"""Aurora Serverless v1 (engine_mode serverless) has no instances: the instance-level database rules stay silent."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.performance_efficiency.db_enhanced_monitoring import RULE as MONITORING
from wadesk.rules.performance_efficiency.db_performance_insights import RULE as INSIGHTS
from wadesk.rules.reliability.rds_single_az import RULE as SINGLE_AZ


def _arch():  # type: ignore[no-untyped-def]
    return design(
        [
            ("v1", "aurora", None, {"engine_mode": "serverless"}),
            ("provisioned", "aurora", None, {"engine_mode": "provisioned"}),
            ("plain", "aurora"),
            ("postgres", "rds"),
        ]
    )


def test_serverless_v1_offers_no_performance_insights_or_enhanced_monitoring() -> None:
    arch = _arch()
    for rule in (MONITORING, INSIGHTS):
        assert hits(rule, arch) == {key(rule, "provisioned"), key(rule, "plain"), key(rule, "postgres")}


def test_serverless_v1_fails_over_by_recreating_its_capacity_and_takes_no_replica() -> None:
    arch = _arch()
    assert hits(SINGLE_AZ, arch) == {key(SINGLE_AZ, "provisioned"), key(SINGLE_AZ, "plain"), key(SINGLE_AZ, "postgres")}
