"""OPS-NOT-MONITORED: compute or a database with no flow to CloudWatch."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.operational_excellence.not_monitored import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_unmonitored_servers_and_databases_are_reported() -> None:
    arch = design(
        [("cw", "cloudwatch"), ("web", "ec2"), ("svc", "ecs_service"), ("db", "rds"), ("fn", "lambda")],
        [("web", "db"), ("svc", "db"), ("fn", "cw")],
    )
    assert hits(RULE, arch) == {key(RULE, "web"), key(RULE, "svc"), key(RULE, "db")}


def test_design_without_cloudwatch_is_still_reported() -> None:
    arch = design([("web", "ec2"), ("cache", "elasticache"), ("table", "dynamodb")], [("web", "cache")])
    assert hits(RULE, arch) == {key(RULE, "web"), key(RULE, "cache")}


def test_nodes_with_a_flow_to_cloudwatch_pass() -> None:
    arch = design(
        [("cw", "cloudwatch"), ("web", "ec2"), ("db", "aurora"), ("eks", "eks_cluster")],
        [("web", "cw"), ("db", "cw"), ("cw", "eks")],
    )
    assert hits(RULE, arch) == set()


def test_instance_in_a_monitored_auto_scaling_group_passes() -> None:
    arch = design(
        [("cw", "cloudwatch"), ("asg", "auto_scaling_group"), ("web", "ec2", "asg")],
        [("asg", "cw")],
    )
    assert hits(RULE, arch) == set()


def test_settings_alone_do_not_show_anyone_watching() -> None:
    arch = design(
        [
            ("web", "ec2", None, {"detailed_monitoring": True}),
            ("svc", "ecs_service", None, {"container_insights": True}),
            ("db", "rds", None, {"log_exports": True}),
        ]
    )
    assert hits(RULE, arch) == {key(RULE, "web"), key(RULE, "svc"), key(RULE, "db")}


def test_serverless_nodes_are_read_as_drawn() -> None:
    arch = design(
        [("cw", "cloudwatch"), ("fn", "lambda"), ("table", "dynamodb"), ("job", "batch")],
        [("fn", "table"), ("fn", "cw"), ("job", "cw")],
    )
    assert hits(RULE, arch) == set()


def test_storage_and_messaging_are_not_its_business() -> None:
    arch = design(
        [("cw", "cloudwatch"), ("bucket", "s3"), ("queue", "sqs"), ("table", "dynamodb")], [("queue", "bucket")]
    )
    assert hits(RULE, arch) == set()


def test_an_alarm_on_a_group_s_metrics_watches_its_instances() -> None:
    arch = design(
        [("asg", "auto_scaling_group"), ("web", "ec2", "asg"), ("cpu", "cloudwatch_alarm"), ("db", "rds")],
        [("asg", "cpu")],
    )
    assert hits(RULE, arch) == {key(RULE, "db")}
