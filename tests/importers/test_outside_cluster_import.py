"""An ECS service whose cluster the source does not create runs in a cluster drawn as a placeholder: Container
Insights is that cluster's setting, in another stack, so nothing reports it as off. The near miss: a cluster the
source creates without Container Insights is still reported. Both importers."""

from __future__ import annotations

from pathlib import Path

import pytest

from wadesk.analysis.engine import analyse
from wadesk.importers.api import import_source

RULE = "OPS-ECS-CONTAINER-INSIGHTS"

CFN = """\
Parameters:
  ClusterName: {Type: String, Default: shared}
Resources:
  Own:
    Type: AWS::ECS::Cluster
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      RequiresCompatibilities: [FARGATE]
      NetworkMode: awsvpc
      Cpu: "256"
      Memory: "512"
      ContainerDefinitions: [{Name: app, Image: nginx}]
  Service:
    Type: AWS::ECS::Service
    Properties:
CLUSTER
      LaunchType: FARGATE
      DesiredCount: 2
      TaskDefinition: !Ref Task
"""

TF = """\
variable "cluster" {
  type    = string
  default = "arn:aws:ecs:us-east-1:123456789012:cluster/shared"
}
resource "aws_ecs_cluster" "own" { name = "own" }
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
CLUSTER
  task_definition = aws_ecs_task_definition.app.arn
  launch_type     = "FARGATE"
  desired_count   = 2
}
"""

CFN_CLUSTERS = {
    "imported": "      Cluster: !ImportValue shared-cluster\n",
    "parameter": "      Cluster: !Ref ClusterName\n",
    "default": "",
    "own": "      Cluster: !Ref Own\n",
}
TF_CLUSTERS = {
    "variable": "  cluster         = var.cluster\n",
    "default": "",
    "own": "  cluster         = aws_ecs_cluster.own.id\n",
}


def _reported(path: Path) -> set[str]:
    """The kinds of the nodes the rule reports, and of those that stand for a cluster elsewhere."""
    arch = import_source(path, layout=False).built.arch
    found = {arch.kind_of(f.node) for f in analyse(arch).findings if f.rule == RULE and f.node}
    placeholders = {
        n.id
        for n in arch.nodes()
        if arch.kind_of(n.id) == "ecs_cluster" and arch.props_of(n.id).get("defined_elsewhere")
    }
    return found | ({"placeholder"} if placeholders else set())


@pytest.mark.parametrize("case", list(CFN_CLUSTERS))
def test_cloudformation(tmp_path: Path, case: str) -> None:
    path = tmp_path / "stack.yaml"
    path.write_text(CFN.replace("CLUSTER\n", CFN_CLUSTERS[case]))
    # the template's own cluster is always reported (it has Container Insights off) and only it
    assert _reported(path) == ({"ecs_cluster"} if case == "own" else {"ecs_cluster", "placeholder"})


@pytest.mark.parametrize("case", list(TF_CLUSTERS))
def test_terraform(tmp_path: Path, case: str) -> None:
    (tmp_path / "main.tf").write_text(TF.replace("CLUSTER\n", TF_CLUSTERS[case]))
    assert _reported(tmp_path) == ({"ecs_cluster"} if case == "own" else {"ecs_cluster", "placeholder"})


def test_a_service_alone_in_another_stacks_cluster_is_not_reported(tmp_path: Path) -> None:
    text = CFN.replace("CLUSTER\n", CFN_CLUSTERS["imported"]).replace("  Own:\n    Type: AWS::ECS::Cluster\n", "")
    path = tmp_path / "stack.yaml"
    path.write_text(text)
    assert _reported(path) == {"placeholder"}
