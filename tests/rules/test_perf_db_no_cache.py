"""PERF-DB-NO-CACHE: an internet-facing tier reads its database with no cache."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.performance_efficiency.db_no_cache import RULE

WEB = [("users", "internet"), ("alb", "alb"), ("web", "ec2"), ("db", "rds")]
WEB_FLOWS = [("users", "alb"), ("alb", "web"), ("web", "db")]


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_database_read_without_cache_is_reported() -> None:
    arch = design(
        [*WEB, ("api", "api_gateway"), ("fn", "lambda"), ("table", "dynamodb")],
        [*WEB_FLOWS, ("users", "api"), ("api", "fn"), ("fn", "table")],
    )
    assert hits(RULE, arch) == {key(RULE, "db")}


def test_reader_using_elasticache_passes() -> None:
    arch = design([*WEB, ("cache", "elasticache")], [*WEB_FLOWS, ("web", "cache")])
    assert hits(RULE, arch) == set()


def test_auto_scaling_group_using_elasticache_passes() -> None:
    arch = design(
        [("users", "internet"), ("alb", "alb"), ("asg", "auto_scaling_group"), ("web", "ec2", "asg"),
         ("db", "aurora"), ("cache", "elasticache")],
        [("users", "alb"), ("alb", "web"), ("web", "db"), ("asg", "cache")],
    )
    assert hits(RULE, arch) == set()


def test_cloudfront_in_front_passes() -> None:
    arch = design(
        [*WEB, ("cdn", "cloudfront")],
        [("users", "cdn"), ("cdn", "alb"), ("alb", "web"), ("web", "db")],
    )
    assert hits(RULE, arch) == set()


def test_caching_api_gateway_in_front_passes() -> None:
    arch = design(
        [("users", "internet"), ("api", "api_gateway", None, {"caching": True}), ("fn", "lambda"),
         ("db", "aurora")],
        [("users", "api"), ("api", "fn"), ("fn", "db")],
    )
    assert hits(RULE, arch) == set()


def test_dynamodb_needs_no_cache() -> None:
    arch = design(
        [("users", "internet"), ("api", "api_gateway"), ("fn", "lambda"), ("table", "dynamodb")],
        [("users", "api"), ("api", "fn"), ("fn", "table")],
    )
    assert hits(RULE, arch) == set()


def test_internal_database_passes() -> None:
    arch = design([("job", "batch"), ("db", "rds")], [("job", "db")])
    assert hits(RULE, arch) == set()


def test_cache_cluster_itself_is_not_reported() -> None:
    arch = design(
        [("users", "internet"), ("alb", "alb"), ("web", "ec2"), ("cache", "elasticache")],
        [("users", "alb"), ("alb", "web"), ("web", "cache")],
    )
    assert hits(RULE, arch) == set()


def test_a_bastion_is_not_a_serving_tier() -> None:
    arch = design(
        [("admins", "internet"), ("bastion", "ec2", None, {"workload": "bastion"}), ("db", "rds")],
        [("admins", "bastion"), ("bastion", "db")],
    )
    assert hits(RULE, arch) == set()
