"""A group whose scaling policies only add instances never scales in below its desired capacity: min_size 1 under
desired 2 is then no single-instance risk. Both importers fill scales_in; the near misses are a policy that scales
in (a negative step, target tracking) and a group that keeps one instance."""

from __future__ import annotations

from pathlib import Path

import pytest
from designkit import design

from wadesk.analysis.engine import analyse
from wadesk.importers.api import import_source

RULE = "REL-ASG-SINGLE-INSTANCE"

CFN = """\
Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties: {CidrBlock: 10.0.0.0/16}
  SubnetA:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.0.0/24, AvailabilityZone: us-east-1a}
  SubnetB:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24, AvailabilityZone: us-east-1b}
  Template:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData: {ImageId: ami-12345678, InstanceType: t3.micro}
  Group:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties:
      VPCZoneIdentifier: [!Ref SubnetA, !Ref SubnetB]
      LaunchTemplate: {LaunchTemplateId: !Ref Template, Version: "1"}
      MinSize: "1"
      MaxSize: "4"
      DesiredCapacity: "2"
POLICIES"""

CFN_POLICIES = {
    "simple out": """\
  Out:
    Type: AWS::AutoScaling::ScalingPolicy
    Properties: {AutoScalingGroupName: !Ref Group, AdjustmentType: ChangeInCapacity, ScalingAdjustment: "1"}
""",
    "simple out and in": """\
  Out:
    Type: AWS::AutoScaling::ScalingPolicy
    Properties: {AutoScalingGroupName: !Ref Group, AdjustmentType: ChangeInCapacity, ScalingAdjustment: "1"}
  In:
    Type: AWS::AutoScaling::ScalingPolicy
    Properties: {AutoScalingGroupName: !Ref Group, AdjustmentType: ChangeInCapacity, ScalingAdjustment: "-1"}
""",
    "target tracking": """\
  Track:
    Type: AWS::AutoScaling::ScalingPolicy
    Properties:
      AutoScalingGroupName: !Ref Group
      PolicyType: TargetTrackingScaling
      TargetTrackingConfiguration:
        PredefinedMetricSpecification: {PredefinedMetricType: ASGAverageCPUUtilization}
        TargetValue: 50
""",
    "target tracking without scale-in": """\
  Track:
    Type: AWS::AutoScaling::ScalingPolicy
    Properties:
      AutoScalingGroupName: !Ref Group
      PolicyType: TargetTrackingScaling
      TargetTrackingConfiguration:
        PredefinedMetricSpecification: {PredefinedMetricType: ASGAverageCPUUtilization}
        TargetValue: 50
        DisableScaleIn: true
""",
    "step with a negative step": """\
  Steps:
    Type: AWS::AutoScaling::ScalingPolicy
    Properties:
      AutoScalingGroupName: !Ref Group
      PolicyType: StepScaling
      AdjustmentType: ChangeInCapacity
      StepAdjustments:
        - {MetricIntervalUpperBound: 0, ScalingAdjustment: -1}
        - {MetricIntervalLowerBound: 0, ScalingAdjustment: 2}
""",
}

TF = """\
resource "aws_vpc" "main" { cidr_block = "10.0.0.0/16" }
resource "aws_subnet" "a" {
  vpc_id            = aws_vpc.main.id
  cidr_block        = "10.0.0.0/24"
  availability_zone = "us-east-1a"
}
resource "aws_subnet" "b" {
  vpc_id            = aws_vpc.main.id
  cidr_block        = "10.0.1.0/24"
  availability_zone = "us-east-1b"
}
resource "aws_launch_template" "web" {
  image_id      = "ami-12345678"
  instance_type = "t3.micro"
}
resource "aws_autoscaling_group" "web" {
  vpc_zone_identifier = [aws_subnet.a.id, aws_subnet.b.id]
  min_size            = 1
  max_size            = 4
  desired_capacity    = 2
  launch_template {
    id      = aws_launch_template.web.id
    version = "1"
  }
}
POLICIES"""

TF_POLICIES = {
    "simple out": """\
resource "aws_autoscaling_policy" "out" {
  autoscaling_group_name = aws_autoscaling_group.web.name
  adjustment_type        = "ChangeInCapacity"
  scaling_adjustment     = 1
}
""",
    "simple out and in": """\
resource "aws_autoscaling_policy" "out" {
  autoscaling_group_name = aws_autoscaling_group.web.name
  adjustment_type        = "ChangeInCapacity"
  scaling_adjustment     = 1
}
resource "aws_autoscaling_policy" "in" {
  autoscaling_group_name = aws_autoscaling_group.web.name
  adjustment_type        = "ChangeInCapacity"
  scaling_adjustment     = -1
}
""",
    "target tracking": """\
resource "aws_autoscaling_policy" "track" {
  autoscaling_group_name = aws_autoscaling_group.web.name
  policy_type            = "TargetTrackingScaling"
  target_tracking_configuration {
    predefined_metric_specification { predefined_metric_type = "ASGAverageCPUUtilization" }
    target_value = 50
  }
}
""",
    "target tracking without scale-in": """\
resource "aws_autoscaling_policy" "track" {
  autoscaling_group_name = aws_autoscaling_group.web.name
  policy_type            = "TargetTrackingScaling"
  target_tracking_configuration {
    predefined_metric_specification { predefined_metric_type = "ASGAverageCPUUtilization" }
    target_value     = 50
    disable_scale_in = true
  }
}
""",
    "step with a negative step": """\
resource "aws_autoscaling_policy" "steps" {
  autoscaling_group_name = aws_autoscaling_group.web.name
  policy_type            = "StepScaling"
  adjustment_type        = "ChangeInCapacity"
  step_adjustment {
    metric_interval_upper_bound = 0
    scaling_adjustment          = -1
  }
  step_adjustment {
    metric_interval_lower_bound = 0
    scaling_adjustment          = 2
  }
}
""",
}

SCALES_IN = {
    "simple out": False,
    "simple out and in": True,
    "target tracking": True,
    "target tracking without scale-in": False,
    "step with a negative step": True,
}


def _group(path: Path) -> tuple[bool, bool]:
    """The group's scales_in, and whether the rule reports it."""
    arch = import_source(path, layout=False).built.arch
    group = next(n.id for n in arch.nodes() if arch.kind_of(n.id) == "auto_scaling_group")
    reported = any(f.rule == RULE and f.node == group for f in analyse(arch).findings)
    return bool(arch.props_of(group)["scales_in"]), reported


@pytest.mark.parametrize("case", list(SCALES_IN))
def test_cloudformation(tmp_path: Path, case: str) -> None:
    path = tmp_path / "stack.yaml"
    path.write_text(CFN.replace("POLICIES", CFN_POLICIES[case]))
    assert _group(path) == (SCALES_IN[case], SCALES_IN[case])


@pytest.mark.parametrize("case", list(SCALES_IN))
def test_terraform(tmp_path: Path, case: str) -> None:
    (tmp_path / "main.tf").write_text(TF.replace("POLICIES", TF_POLICIES[case]))
    assert _group(tmp_path) == (SCALES_IN[case], SCALES_IN[case])


@pytest.mark.parametrize(
    ("props", "reported"),
    [
        ({"min_size": 1, "desired_capacity": 2, "max_size": 4, "scaling_policy": True}, True),
        ({"min_size": 1, "desired_capacity": 2, "max_size": 4, "scaling_policy": True, "scales_in": False}, False),
        # a group that keeps one instance is reported whatever its policies do
        ({"min_size": 1, "desired_capacity": 1, "max_size": 1, "scaling_policy": True, "scales_in": False}, True),
    ],
)
def test_drawn_groups(props: dict[str, object], reported: bool) -> None:
    arch = design([("web", "auto_scaling_group", None, props)])
    assert any(f.rule == RULE and f.node == "web" for f in analyse(arch).findings) is reported
