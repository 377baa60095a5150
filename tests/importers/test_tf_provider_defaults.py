"""Where the AWS provider's defaults differ from CloudFormation's, a Terraform resource is drawn as the provider
creates it (found on configurations the importer had not seen)."""

from __future__ import annotations

import textwrap
from pathlib import Path

from wadesk.analysis.engine import analyse
from wadesk.importers.api import import_source

SERVICE = """\
resource "aws_ecs_cluster" "c" { name = "c" }
resource "aws_ecs_service" "orders" {
  name            = "orders"
  cluster         = aws_ecs_cluster.c.id
  task_definition = "orders:1"
  launch_type     = "FARGATE"
%s
}
"""


def findings(folder: Path, text: str, rule: str) -> list[str | None]:
    (folder / "main.tf").write_text(textwrap.dedent(text))
    arch = import_source(folder, variables={}, layout=False).built.arch
    return [f.node for f in analyse(arch).findings if f.rule == rule]


def desired(folder: Path, text: str) -> object:
    (folder / "main.tf").write_text(textwrap.dedent(text))
    arch = import_source(folder, variables={}, layout=False).built.arch
    return arch.props_of("aws_ecs_service.orders")["desired_count"]


def test_a_service_that_sets_no_count_runs_no_task(tmp_path: Path) -> None:
    # The provider's desired_count defaults to 0; CloudFormation's DesiredCount to 1.
    assert desired(tmp_path, SERVICE % "") == 0
    assert findings(tmp_path, SERVICE % "", "REL-ECS-SINGLE-TASK") == []


def test_a_service_that_asks_for_one_task_is_still_reported(tmp_path: Path) -> None:
    assert findings(tmp_path, SERVICE % "  desired_count = 1", "REL-ECS-SINGLE-TASK") == ["aws_ecs_service.orders"]


DEFAULT_VPC = """\
resource "aws_default_vpc" "default" {}
resource "aws_default_subnet" "a" { availability_zone = "us-east-1a" }
resource "aws_security_group" "web" {
  ingress {
    from_port   = 80
    to_port     = 80
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
resource "aws_lb" "web" {
  subnets         = [aws_default_subnet.a.id]
  security_groups = [aws_security_group.web.id]
}
"""


def imported(folder: Path, text: str):  # type: ignore[no-untyped-def]
    from wadesk.importers.terraform.importer import import_terraform

    (folder / "main.tf").write_text(textwrap.dedent(text))
    return import_terraform(folder)


def test_adopted_default_subnets_sit_public_in_the_adopted_default_vpc(tmp_path: Path) -> None:
    design = imported(tmp_path, DEFAULT_VPC)
    subnet = design.nodes["aws_default_subnet.a"]
    assert subnet.kind == "subnet" and subnet.vpc == "aws_default_vpc.default"
    # The default VPC routes 0.0.0.0/0 to its internet gateway, and default subnets give public addresses.
    assert subnet.public is True and subnet.props["map_public_ip_on_launch"] is True
    assert design.nodes["aws_lb.web"].subnets == ["aws_default_subnet.a"]
    # A security group that names no VPC is created in the default VPC.
    assert design.nodes["aws_security_group.web"].vpc == "aws_default_vpc.default"
    assert not design.report.generic


def test_a_default_route_table_the_source_rewrites_decides_whether_they_are_public(tmp_path: Path) -> None:
    private = DEFAULT_VPC + """\
resource "aws_default_route_table" "main" {
  default_route_table_id = aws_default_vpc.default.default_route_table_id
  route = []
}
"""
    assert imported(tmp_path, private).nodes["aws_default_subnet.a"].public is False


def test_without_an_adopted_default_vpc_a_group_that_names_no_vpc_is_left_as_it_was(tmp_path: Path) -> None:
    design = imported(tmp_path, 'resource "aws_security_group" "web" {}\n')
    assert design.nodes["aws_security_group.web"].vpc is None
