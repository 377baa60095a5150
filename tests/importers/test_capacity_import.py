"""What resizes capacity, read from CloudFormation and Terraform: scaling policies, scheduled actions,
Application Auto Scaling targets and a stream's capacity mode, as the capacity rules see them."""

from __future__ import annotations

from pathlib import Path

import pytest

from wadesk.analysis.engine import analyse
from wadesk.importers.api import import_source

CAPACITY_RULES = {
    "PERF-NO-AUTOSCALING",
    "COST-NO-AUTOSCALING",
    "SUS-NO-AUTOSCALING",
    "SUS-OVERPROVISIONED-ASG",
    "PERF-FIXED-THROUGHPUT",
    "REL-KINESIS-FIXED-SHARDS",
    "REL-DYNAMODB-NO-AUTOSCALING",
}

CFN_FIXED = """\
Resources:
  Balancer:
    Type: AWS::ElasticLoadBalancing::LoadBalancer
    Properties:
      AvailabilityZones: [us-east-1a, us-east-1b]
      Listeners: [{LoadBalancerPort: "80", InstancePort: "80", Protocol: HTTP}]
  Template:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData: {ImageId: ami-12345678, InstanceType: t3.micro}
  Group:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties:
      AvailabilityZones: [us-east-1a, us-east-1b]
      MinSize: "2"
      MaxSize: "6"
      LaunchTemplate: {LaunchTemplateId: !Ref Template, Version: "1"}
      LoadBalancerNames: [!Ref Balancer]
  Table:
    Type: AWS::DynamoDB::Table
    Properties:
      AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
      KeySchema: [{AttributeName: id, KeyType: HASH}]
      ProvisionedThroughput: {ReadCapacityUnits: 5, WriteCapacityUnits: 5}
  Stream:
    Type: AWS::Kinesis::Stream
    Properties:
      ShardCount: 1
"""

CFN_SCALED = """\
  GroupPolicy:
    Type: AWS::AutoScaling::ScalingPolicy
    Properties:
      AutoScalingGroupName: !Ref Group
      PolicyType: TargetTrackingScaling
      TargetTrackingConfiguration:
        PredefinedMetricSpecification: {PredefinedMetricType: ASGAverageCPUUtilization}
        TargetValue: 50
  TableTarget:
    Type: AWS::ApplicationAutoScaling::ScalableTarget
    Properties:
      MaxCapacity: 100
      MinCapacity: 5
      ResourceId: !Sub table/${Table}
      ScalableDimension: dynamodb:table:ReadCapacityUnits
      ServiceNamespace: dynamodb
"""

TF_FIXED = """\
resource "aws_lb" "web" { load_balancer_type = "application" }
resource "aws_lb_target_group" "web" {
  port     = 80
  protocol = "HTTP"
}
resource "aws_lb_listener" "web" {
  load_balancer_arn = aws_lb.web.arn
  port              = 80
  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.web.arn
  }
}
resource "aws_launch_template" "web" {
  image_id      = "ami-12345678"
  instance_type = "t3.micro"
}
resource "aws_autoscaling_group" "web" {
  min_size          = 2
  max_size          = 6
  target_group_arns = [aws_lb_target_group.web.arn]
  launch_template { id = aws_launch_template.web.id }
}
resource "aws_dynamodb_table" "orders" {
  name           = "orders"
  hash_key       = "id"
  read_capacity  = 5
  write_capacity = 5
  attribute {
    name = "id"
    type = "S"
  }
}
resource "aws_kinesis_stream" "events" {
  name        = "events"
  shard_count = 1
}
"""

TF_SCALED = """\
resource "aws_autoscaling_policy" "cpu" {
  name                   = "cpu"
  autoscaling_group_name = aws_autoscaling_group.web.name
  policy_type            = "TargetTrackingScaling"
}
resource "aws_appautoscaling_target" "reads" {
  max_capacity       = 100
  min_capacity       = 5
  resource_id        = "table/${aws_dynamodb_table.orders.name}"
  scalable_dimension = "dynamodb:table:ReadCapacityUnits"
  service_namespace  = "dynamodb"
}
"""


def _capacity_findings(path: Path) -> dict[str, set[str]]:
    arch = import_source(path, layout=False).built.arch
    found: dict[str, set[str]] = {}
    for finding in analyse(arch).findings:
        if finding.rule in CAPACITY_RULES and finding.node is not None:
            found.setdefault(arch.node(finding.node).kind, set()).add(finding.rule)
    return found


def test_cloudformation_fixed_capacity_is_reported_under_each_pillar(tmp_path: Path) -> None:
    path = tmp_path / "stack.yaml"
    path.write_text(CFN_FIXED)
    assert _capacity_findings(path) == {
        "auto_scaling_group": {"PERF-NO-AUTOSCALING", "COST-NO-AUTOSCALING", "SUS-NO-AUTOSCALING"},
        "dynamodb": {"REL-DYNAMODB-NO-AUTOSCALING", "PERF-FIXED-THROUGHPUT", "COST-NO-AUTOSCALING"},
        "kinesis": {"REL-KINESIS-FIXED-SHARDS", "PERF-FIXED-THROUGHPUT"},
    }


def test_cloudformation_policies_targets_and_on_demand_streams_pass(tmp_path: Path) -> None:
    path = tmp_path / "stack.yaml"
    on_demand = CFN_FIXED.replace("      ShardCount: 1\n", "      StreamModeDetails: {StreamMode: ON_DEMAND}\n")
    path.write_text(on_demand + CFN_SCALED)
    assert _capacity_findings(path) == {}


def test_terraform_fixed_capacity_is_reported_under_each_pillar(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text(TF_FIXED)
    assert _capacity_findings(tmp_path) == {
        "auto_scaling_group": {"PERF-NO-AUTOSCALING", "COST-NO-AUTOSCALING", "SUS-NO-AUTOSCALING"},
        "dynamodb": {"REL-DYNAMODB-NO-AUTOSCALING", "PERF-FIXED-THROUGHPUT", "COST-NO-AUTOSCALING"},
        "kinesis": {"REL-KINESIS-FIXED-SHARDS", "PERF-FIXED-THROUGHPUT"},
    }


def test_terraform_policies_targets_and_on_demand_streams_pass(tmp_path: Path) -> None:
    on_demand = TF_FIXED.replace("  shard_count = 1\n", '  stream_mode_details { stream_mode = "ON_DEMAND" }\n')
    (tmp_path / "main.tf").write_text(on_demand + TF_SCALED)
    assert _capacity_findings(tmp_path) == {}


CFN_HOSTS = """\
Resources:
  Template:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData: {ImageId: ami-12345678, InstanceType: t3.micro}
  Hosts:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties:
      AvailabilityZones: [us-east-1a, us-east-1b]
      MinSize: "2"
      MaxSize: "8"
      LaunchTemplate: {LaunchTemplateId: !Ref Template, Version: "1"}
  Provider:
    Type: AWS::ECS::CapacityProvider
    Properties:
      AutoScalingGroupProvider:
        AutoScalingGroupArn: !Ref Hosts
        ManagedScaling: {Status: STATUS, TargetCapacity: 100}
"""

TF_HOSTS = """\
resource "aws_launch_template" "hosts" {
  image_id      = "ami-12345678"
  instance_type = "t3.micro"
}
resource "aws_autoscaling_group" "hosts" {
  min_size = 2
  max_size = 8
  launch_template { id = aws_launch_template.hosts.id }
}
resource "aws_ecs_capacity_provider" "hosts" {
  name = "hosts"
  auto_scaling_group_provider {
    auto_scaling_group_arn = aws_autoscaling_group.hosts.arn
    managed_scaling {
      status          = "STATUS"
      target_capacity = 100
    }
  }
}
"""


@pytest.mark.parametrize("status", ["ENABLED", "DISABLED"])
def test_an_ecs_capacity_provider_with_managed_scaling_resizes_its_group(tmp_path: Path, status: str) -> None:
    (tmp_path / "stack.yaml").write_text(CFN_HOSTS.replace("STATUS", status))
    folder = tmp_path / "tf"
    folder.mkdir()
    (folder / "main.tf").write_text(TF_HOSTS.replace("STATUS", status))
    for path in (tmp_path / "stack.yaml", folder):
        imported = import_source(path, layout=False)
        arch = imported.built.arch
        (group,) = [node for node in arch.node_ids() if arch.node(node).kind == "auto_scaling_group"]
        assert arch.node(group).props.get("scaling_policy", False) is (status == "ENABLED")
        assert not [entry for entry in imported.design.report.generic if "rovider" in entry.source_type]


TF_SERVICE = """\
resource "aws_lb" "web" { load_balancer_type = "application" }
resource "aws_lb_target_group" "web" {
  port        = 80
  protocol    = "HTTP"
  target_type = "ip"
}
resource "aws_lb_listener" "web" {
  load_balancer_arn = aws_lb.web.arn
  port              = 80
  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.web.arn
  }
}
resource "aws_ecs_cluster" "main" { name = "main" }
resource "aws_ecs_task_definition" "app" {
  family                   = "app"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  container_definitions    = jsonencode([{ name = "app", image = "nginx" }])
}
resource "aws_ecs_service" "app" {
  name            = "app"
  cluster         = aws_ecs_cluster.main.id
  task_definition = aws_ecs_task_definition.app.arn
  launch_type     = "FARGATE"
  desired_count   = 2
  load_balancer {
    target_group_arn = aws_lb_target_group.web.arn
    container_name   = "app"
    container_port   = 80
  }
}
"""
TF_SERVICE_SCALING = """\
resource "aws_appautoscaling_target" "app" {
  max_capacity       = 8
  min_capacity       = 2
  resource_id        = "service/${aws_ecs_cluster.main.name}/${aws_ecs_service.app.name}"
  scalable_dimension = "ecs:service:DesiredCount"
  service_namespace  = "ecs"
}
"""


@pytest.mark.parametrize("scaled", [False, True], ids=["fixed", "service auto scaling"])
def test_a_terraform_ecs_service_behind_a_load_balancer_scales_with_an_application_auto_scaling_target(
    tmp_path: Path, scaled: bool
) -> None:
    (tmp_path / "main.tf").write_text(TF_SERVICE + (TF_SERVICE_SCALING if scaled else ""))
    expected = {} if scaled else {"ecs_service": {"PERF-NO-AUTOSCALING", "COST-NO-AUTOSCALING", "SUS-NO-AUTOSCALING"}}
    assert _capacity_findings(tmp_path) == expected
