"""OPS-NO-TRACING: an internet request path of three or more services that nothing traces."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.operational_excellence.no_tracing import RULE


def _api_design(**api_props: bool) -> tuple[list[tuple], list[tuple]]:
    nodes = [("users", "internet"), ("api", "api_gateway", None, api_props), ("fn", "lambda"), ("table", "dynamodb")]
    edges = [("users", "api"), ("api", "fn"), ("fn", "table")]
    return nodes, edges


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_untraced_api_path_is_reported_on_the_entry_point() -> None:
    nodes, edges = _api_design()
    assert hits(RULE, design(nodes, edges)) == {key(RULE, "api")}


def test_entry_point_behind_cloudfront_and_waf_is_reported() -> None:
    arch = design(
        [("users", "internet"), ("cdn", "cloudfront"), ("acl", "waf"), ("alb", "alb"), ("svc", "ecs_service"),
         ("db", "rds"), ("cw", "cloudwatch")],
        [("users", "cdn"), ("cdn", "acl"), ("acl", "alb"), ("alb", "svc"), ("svc", "db"), ("svc", "cw")],
    )
    assert hits(RULE, arch) == {key(RULE, "alb")}


def test_api_tracing_on_passes() -> None:
    nodes, edges = _api_design(tracing=True)
    assert hits(RULE, design(nodes, edges)) == set()


def test_downstream_flow_to_xray_passes() -> None:
    nodes, edges = _api_design()
    arch = design([*nodes, ("xray", "xray")], [*edges, ("fn", "xray")])
    assert hits(RULE, arch) == set()


def test_traced_lambda_passes() -> None:
    arch = design(
        [("users", "internet"), ("alb", "alb"), ("fn", "lambda", None, {"tracing": True}), ("db", "dynamodb")],
        [("users", "alb"), ("alb", "fn"), ("fn", "db")],
    )
    assert hits(RULE, arch) == set()


def test_short_path_passes() -> None:
    arch = design(
        [("users", "internet"), ("api", "api_gateway"), ("fn", "lambda"), ("cw", "cloudwatch"), ("key", "kms")],
        [("users", "api"), ("api", "fn"), ("fn", "cw"), ("fn", "key")],
    )
    assert hits(RULE, arch) == set()


def test_internal_path_without_internet_passes() -> None:
    arch = design(
        [("alb", "alb"), ("fn", "lambda"), ("db", "dynamodb")],
        [("alb", "fn"), ("fn", "db")],
    )
    assert hits(RULE, arch) == set()


def test_cycle_in_flows_is_handled() -> None:
    arch = design(
        [("users", "internet"), ("api", "api_gateway"), ("fn", "lambda"), ("q", "sqs")],
        [("users", "api"), ("api", "fn"), ("fn", "q"), ("q", "fn"), ("fn", "api")],
    )
    assert hits(RULE, arch) == {key(RULE, "api")}


def test_a_mounted_file_system_is_no_hop_of_a_traced_request() -> None:
    arch = design(
        [("users", "internet"), ("lb", "elb"), ("web", "ec2"), ("files", "efs")],
        [("users", "lb"), ("lb", "web"), ("web", "files", {"protocol": "tcp", "port": 2049})],
    )
    assert hits(RULE, arch) == set()


def _web_tier(notice: dict) -> object:
    return design(
        [("users", "internet"), ("lb", "alb"), ("web", "auto_scaling_group"), ("vm", "ec2", "web"),
         ("topic", "sns")],
        [("users", "lb"), ("lb", "web"), ("web", "topic", notice)],
    )


def test_a_topic_that_only_receives_a_groups_lifecycle_notifications_is_no_hop() -> None:
    assert hits(RULE, _web_tier({"protocol": "https", "service_notifications": True})) == set()


def test_a_topic_the_instances_publish_to_is_a_hop() -> None:
    assert hits(RULE, _web_tier({"protocol": "https"})) == {key(RULE, "lb")}
