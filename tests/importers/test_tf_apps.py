"""App Runner, Aurora DSQL and Directory Service from Terraform: the same kinds and flows as from CloudFormation."""

from __future__ import annotations

from pathlib import Path

import pytest

from wadesk.importers.terraform.importer import import_terraform

CONFIG = """\
resource "aws_vpc" "main" { cidr_block = "10.0.0.0/16" }
resource "aws_subnet" "a" {
  vpc_id = aws_vpc.main.id
  cidr_block = "10.0.1.0/24"
  availability_zone = "us-east-1a"
}
resource "aws_subnet" "b" {
  vpc_id = aws_vpc.main.id
  cidr_block = "10.0.2.0/24"
  availability_zone = "us-east-1b"
}
resource "aws_security_group" "app" { vpc_id = aws_vpc.main.id }
resource "aws_sqs_queue" "q" { name = "jobs" }
resource "aws_apprunner_vpc_connector" "c" {
  vpc_connector_name = "c"
  subnets = [aws_subnet.a.id, aws_subnet.b.id]
  security_groups = [aws_security_group.app.id]
}
resource "aws_apprunner_observability_configuration" "o" {
  observability_configuration_name = "o"
  trace_configuration { vendor = "AWSXRAY" }
}
resource "aws_apprunner_service" "web" {
  service_name = "web"
  source_configuration {
    image_repository {
      image_identifier = "public.ecr.aws/x/y:latest"
      image_repository_type = "ECR_PUBLIC"
      image_configuration {
        port = "8080"
        runtime_environment_variables = { QUEUE = aws_sqs_queue.q.url }
      }
    }
  }
  network_configuration {
    ingress_configuration { is_publicly_accessible = %s }
    egress_configuration {
      egress_type = "VPC"
      vpc_connector_arn = aws_apprunner_vpc_connector.c.arn
    }
  }
  observability_configuration {
    observability_enabled = true
    observability_configuration_arn = aws_apprunner_observability_configuration.o.arn
  }
}
resource "aws_dsql_cluster" "d" { deletion_protection_enabled = false }
resource "aws_directory_service_directory" "ad" {
  name = "corp.example.com"
  password = "SuperSecretPassw0rd"
  type = "MicrosoftAD"
  edition = "Standard"
  vpc_settings {
    vpc_id = aws_vpc.main.id
    subnet_ids = [aws_subnet.a.id, aws_subnet.b.id]
  }
}
"""


def imported(folder: Path, public: str = "true"):  # type: ignore[no-untyped-def]
    (folder / "main.tf").write_text(CONFIG % public)
    return import_terraform(folder)


def test_an_app_runner_service_spans_its_connector_subnets_and_reaches_what_it_names(tmp_path: Path) -> None:
    design = imported(tmp_path)
    service = design.nodes["aws_apprunner_service.web"]
    assert service.kind == "app_runner"
    assert service.subnets == ["aws_subnet.a", "aws_subnet.b"]
    assert service.props["tracing"] is True
    assert not design.report.generic
    flows = {(flow.source, flow.target) for flow in design.flows}
    assert ("aws_apprunner_service.web", "aws_sqs_queue.q") in flows
    assert ("internet-users", "aws_apprunner_service.web") in flows


def test_a_private_app_runner_service_has_no_internet_entry(tmp_path: Path) -> None:
    design = imported(tmp_path, "false")
    assert design.nodes["aws_apprunner_service.web"].props["publicly_accessible"] is False
    assert not [flow for flow in design.flows if flow.target == "aws_apprunner_service.web"]


def test_dsql_and_directory_service_map_onto_their_kinds(tmp_path: Path) -> None:
    design = imported(tmp_path)
    assert design.nodes["aws_dsql_cluster.d"].kind == "dsql"
    assert design.nodes["aws_dsql_cluster.d"].props["deletion_protection"] is False
    directory = design.nodes["aws_directory_service_directory.ad"]
    assert directory.kind == "directory_service"
    assert directory.props["directory_type"] == "microsoft_ad" and directory.props["edition"] == "Standard"
    assert directory.subnets == ["aws_subnet.a", "aws_subnet.b"]


@pytest.mark.parametrize(("setting", "kind"), [("", "simple_ad"), ('type = "SimpleAD"', "simple_ad")])
def test_a_directory_without_a_type_is_simple_ad(tmp_path: Path, setting: str, kind: str) -> None:
    (tmp_path / "main.tf").write_text(
        'resource "aws_directory_service_directory" "ad" {\n  name = "corp.example.com"\n  size = "Small"\n'
        f"  {setting}\n}}\n"
    )
    design = import_terraform(tmp_path)
    assert design.nodes["aws_directory_service_directory.ad"].props["directory_type"] == kind
