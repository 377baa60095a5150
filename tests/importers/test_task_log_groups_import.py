"""A task whose containers use the awslogs driver sends its output to the log group it names: by reference or
by the name the template gives the group. Both importers; near misses: another log driver, a group that the
source does not create."""

from __future__ import annotations

from pathlib import Path

import pytest

from wadesk.importers.api import import_source

CFN = """\
Parameters:
  Prefix: {Type: String, Default: shop}
Resources:
  Logs:
    Type: AWS::Logs::LogGroup
    Properties: {LogGroupName: !Sub "${Prefix}-app", RetentionInDays: 30}
  Cluster:
    Type: AWS::ECS::Cluster
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      RequiresCompatibilities: [FARGATE]
      NetworkMode: awsvpc
      Cpu: "256"
      Memory: "512"
      ContainerDefinitions:
        - Name: app
          Image: nginx
          LogConfiguration:
            LogDriver: DRIVER
            Options: {awslogs-group: GROUP, awslogs-region: us-east-1, awslogs-stream-prefix: app}
  Service:
    Type: AWS::ECS::Service
    Properties: {Cluster: !Ref Cluster, LaunchType: FARGATE, DesiredCount: 2, TaskDefinition: !Ref Task}
"""

TF = """\
resource "aws_cloudwatch_log_group" "app" {
  name              = "shop-app"
  retention_in_days = 30
}
resource "aws_ecs_cluster" "main" { name = "main" }
resource "aws_ecs_task_definition" "app" {
  family                   = "app"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  container_definitions = jsonencode([{
    name  = "app"
    image = "nginx"
    logConfiguration = {
      logDriver = "DRIVER"
      options   = { "awslogs-group" = GROUP, "awslogs-region" = "us-east-1", "awslogs-stream-prefix" = "app" }
    }
  }])
}
resource "aws_ecs_service" "app" {
  name            = "app"
  cluster         = aws_ecs_cluster.main.id
  task_definition = aws_ecs_task_definition.app.arn
  launch_type     = "FARGATE"
  desired_count   = 2
}
"""

CASES = {
    # (CloudFormation group, Terraform group, driver): whether the service sends to the log group
    "by reference": ("!Ref Logs", "aws_cloudwatch_log_group.app.name", "awslogs", True),
    "by name": ("shop-app", '"shop-app"', "awslogs", True),
    "another group": ("elsewhere", '"elsewhere"', "awslogs", False),
    "another driver": ("!Ref Logs", "aws_cloudwatch_log_group.app.name", "fluentd", False),
}


def _sends_to_logs(path: Path) -> bool:
    arch = import_source(path, layout=False).built.arch
    return any(arch.kind_of(e.source) == "ecs_service" and arch.kind_of(e.target) == "cloudwatch" for e in arch.edges())


@pytest.mark.parametrize("case", list(CASES))
def test_cloudformation(tmp_path: Path, case: str) -> None:
    group, _, driver, expected = CASES[case]
    path = tmp_path / "stack.yaml"
    path.write_text(CFN.replace("GROUP", group).replace("DRIVER", driver))
    assert _sends_to_logs(path) is expected


@pytest.mark.parametrize("case", list(CASES))
def test_terraform(tmp_path: Path, case: str) -> None:
    _, group, driver, expected = CASES[case]
    (tmp_path / "main.tf").write_text(TF.replace("GROUP", group).replace("DRIVER", driver))
    assert _sends_to_logs(tmp_path) is expected
