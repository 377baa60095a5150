"""OPS-ALARMS-NOT-ROUTED: CloudWatch receives metrics but its alarms reach nobody."""

from __future__ import annotations

from designkit import design, hits, key

from wadesk.rules.operational_excellence.alarms_not_routed import RULE


def test_empty_design_has_no_finding() -> None:
    assert hits(RULE, design()) == set()


def test_cloudwatch_without_alarm_route_is_reported() -> None:
    arch = design([("web", "ec2"), ("cw", "cloudwatch"), ("idle", "cloudwatch")], [("web", "cw")])
    assert hits(RULE, arch) == {key(RULE, "cw")}


def test_cloudwatch_without_alarms_is_reported_even_with_a_topic() -> None:
    arch = design(
        [("web", "ec2"), ("cw", "cloudwatch", None, {"alarms": False}), ("topic", "sns")],
        [("web", "cw"), ("cw", "topic")],
    )
    assert hits(RULE, arch) == {key(RULE, "cw")}


def test_cloudwatch_routed_to_sns_passes() -> None:
    arch = design([("web", "ec2"), ("cw", "cloudwatch"), ("topic", "sns")], [("web", "cw"), ("cw", "topic")])
    assert hits(RULE, arch) == set()


def test_separate_logs_node_is_covered_by_the_alarm_node() -> None:
    arch = design(
        [("fn", "lambda"), ("logs", "cloudwatch"), ("alarms", "cloudwatch"), ("ops", "systems_manager")],
        [("fn", "logs"), ("fn", "alarms"), ("alarms", "ops")],
    )
    assert hits(RULE, arch) == set()


def test_cloudwatch_receiving_nothing_passes() -> None:
    assert hits(RULE, design([("cw", "cloudwatch")])) == set()


def test_alarm_without_action_is_reported_on_the_alarm() -> None:
    arch = design(
        [
            ("silent", "cloudwatch_alarm"),
            ("named", "cloudwatch_alarm", None, {"actions": True}),
            ("drawn", "cloudwatch_alarm"),
            ("topic", "sns"),
        ],
        [("drawn", "topic")],
    )
    assert hits(RULE, arch) == {key(RULE, "silent")}


def test_a_log_group_is_covered_by_alarm_nodes_that_route_their_alarms() -> None:
    arch = design(
        [("fn", "lambda"), ("logs", "cloudwatch", None, {"alarms": False}), ("errors", "cloudwatch_alarm"),
         ("topic", "sns")],
        [("fn", "logs"), ("errors", "topic")],
    )
    assert hits(RULE, arch) == set()


def test_alarm_nodes_without_actions_cover_nothing() -> None:
    arch = design(
        [("fn", "lambda"), ("logs", "cloudwatch", None, {"alarms": False}), ("errors", "cloudwatch_alarm")],
        [("fn", "logs")],
    )
    assert hits(RULE, arch) == {key(RULE, "logs"), key(RULE, "errors")}
