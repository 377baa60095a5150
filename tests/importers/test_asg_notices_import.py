"""An auto scaling group's notifications and lifecycle hooks are drawn as service notifications, not requests."""

from __future__ import annotations

from pathlib import Path

import pytest

from wadesk.importers.api import import_source
from wadesk.rules.context import Context

CFN = """\
Resources:
  Topic:
    Type: AWS::SNS::Topic
  HookQueue:
    Type: AWS::SQS::Queue
  Template:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData: {ImageId: ami-12345678, InstanceType: t3.micro}
  Group:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties:
      MinSize: "2"
      MaxSize: "4"
      LaunchTemplate: {LaunchTemplateId: !Ref Template, Version: "1"}
      NotificationConfigurations:
        - TopicARN: !Ref Topic
          NotificationTypes: [autoscaling:EC2_INSTANCE_LAUNCH]
  Hook:
    Type: AWS::AutoScaling::LifecycleHook
    Properties:
      AutoScalingGroupName: !Ref Group
      LifecycleTransition: autoscaling:EC2_INSTANCE_TERMINATING
      NotificationTargetARN: !GetAtt HookQueue.Arn
      RoleARN: arn:aws:iam::123456789012:role/hooks
"""

TF = """\
resource "aws_sns_topic" "topic" { name = "events" }
resource "aws_sqs_queue" "hooks" { name = "hooks" }
resource "aws_launch_template" "web" {
  image_id      = "ami-12345678"
  instance_type = "t3.micro"
}
resource "aws_autoscaling_notification" "events" {
  group_names   = [aws_autoscaling_group.web.name]
  notifications = ["autoscaling:EC2_INSTANCE_LAUNCH"]
  topic_arn     = aws_sns_topic.topic.arn
}
"""
GROUP_WITH_HOOK = """\
resource "aws_autoscaling_group" "web" {
  min_size = 2
  max_size = 4
  launch_template { id = aws_launch_template.web.id }
  initial_lifecycle_hook {
    name                    = "drain"
    lifecycle_transition    = "autoscaling:EC2_INSTANCE_TERMINATING"
    notification_target_arn = aws_sqs_queue.hooks.arn
  }
}
"""
GROUP_AND_HOOK = """\
resource "aws_autoscaling_group" "web" {
  min_size = 2
  max_size = 4
  launch_template { id = aws_launch_template.web.id }
}
resource "aws_autoscaling_lifecycle_hook" "drain" {
  name                    = "drain"
  autoscaling_group_name  = aws_autoscaling_group.web.name
  lifecycle_transition    = "autoscaling:EC2_INSTANCE_TERMINATING"
  notification_target_arn = aws_sqs_queue.hooks.arn
}
"""


def _notice_flows(path: Path) -> dict[tuple[str, str], dict[str, object]]:
    arch = import_source(path, layout=False).built.arch
    ctx = Context(arch)
    return {
        (ctx.kind(source), ctx.kind(target)): dict(props)
        for _edge, source, target, props in ctx.edges()
        if ctx.kind(target) in ("sns", "sqs")
    }


def _check(flows: dict[tuple[str, str], dict[str, object]]) -> None:
    assert set(flows) == {("auto_scaling_group", "sns"), ("auto_scaling_group", "sqs")}
    assert all(props.get("service_notifications") for props in flows.values())


def test_cloudformation_group_notifications_and_hooks_are_service_notifications(tmp_path: Path) -> None:
    path = tmp_path / "stack.yaml"
    path.write_text(CFN)
    _check(_notice_flows(path))


@pytest.mark.parametrize("group", [GROUP_WITH_HOOK, GROUP_AND_HOOK], ids=["inline hook", "hook resource"])
def test_terraform_group_notifications_and_hooks_are_service_notifications(tmp_path: Path, group: str) -> None:
    (tmp_path / "main.tf").write_text(TF + group)
    _check(_notice_flows(tmp_path))


def test_scheduled_actions_mark_the_group_in_both_importers(tmp_path: Path) -> None:
    (tmp_path / "stack.yaml").write_text(
        CFN
        + """\
  Nightly:
    Type: AWS::AutoScaling::ScheduledAction
    Properties:
      AutoScalingGroupName: !Ref Group
      Recurrence: "0 20 * * *"
      DesiredCapacity: 2
"""
    )
    folder = tmp_path / "tf"
    folder.mkdir()
    (folder / "main.tf").write_text(
        TF
        + GROUP_AND_HOOK
        + """\
resource "aws_autoscaling_schedule" "nightly" {
  scheduled_action_name  = "nightly"
  autoscaling_group_name = aws_autoscaling_group.web.name
  recurrence             = "0 20 * * *"
  desired_capacity       = 2
}
"""
    )
    for path in (tmp_path / "stack.yaml", folder):
        arch = import_source(path, layout=False).built.arch
        ctx = Context(arch)
        (group,) = ctx.nodes("auto_scaling_group")
        assert ctx.prop(group, "scheduled_scaling") is True
        assert ctx.prop(group, "scaling_policy") is False
