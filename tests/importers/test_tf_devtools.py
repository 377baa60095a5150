"""CodeBuild, CodePipeline and CodeDeploy from Terraform: the same kinds and flows as from CloudFormation."""

from __future__ import annotations

from pathlib import Path

import pytest

from wadesk.analysis.engine import analyse
from wadesk.importers.build import build_architecture
from wadesk.importers.terraform.importer import import_terraform

CONFIG = """\
resource "aws_vpc" "main" { cidr_block = "10.0.0.0/16" }
resource "aws_subnet" "a" {
  vpc_id = aws_vpc.main.id
  cidr_block = "10.0.1.0/24"
  availability_zone = "us-east-1a"
}
resource "aws_security_group" "build" { vpc_id = aws_vpc.main.id }
resource "aws_s3_bucket" "artifacts" { bucket = "my-artifacts" }
resource "aws_iam_role" "build" {
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow", Action = "sts:AssumeRole", Principal = {Service = "codebuild.amazonaws.com"}
    }]
  })
}
resource "aws_sqs_queue" "q" { name = "jobs" }
resource "aws_codebuild_project" "build" {
  name = "app-build"
  service_role = aws_iam_role.build.arn
  artifacts { type = "CODEPIPELINE" }
  environment {
    compute_type = "BUILD_GENERAL1_SMALL"
    image = "aws/codebuild/standard:7.0"
    type = "LINUX_CONTAINER"
    privileged_mode = %s
    environment_variable {
      name = "QUEUE"
      value = aws_sqs_queue.q.url
    }
  }
  source { type = "CODEPIPELINE" }
  vpc_config {
    vpc_id = aws_vpc.main.id
    subnets = [aws_subnet.a.id]
    security_group_ids = [aws_security_group.build.id]
  }
}
resource "aws_codepipeline" "p" {
  name = "app"
  role_arn = aws_iam_role.build.arn
  artifact_store {
    location = aws_s3_bucket.artifacts.bucket
    type = "S3"
  }
  stage {
    name = "Build"
    action {
      name = "Build"
      category = "Build"
      owner = "AWS"
      provider = "CodeBuild"
      version = "1"
      input_artifacts = ["src"]
      configuration = { ProjectName = aws_codebuild_project.build.name }
    }
  }
}
resource "aws_codedeploy_app" "app" { compute_platform = "ECS" }
"""


def imported(folder: Path, privileged: str):  # type: ignore[no-untyped-def]
    (folder / "main.tf").write_text(CONFIG % privileged)
    return import_terraform(folder)


def test_delivery_types_map_onto_their_kinds_with_their_flows(tmp_path: Path) -> None:
    design = imported(tmp_path, "true")
    kinds = {key: node.kind for key, node in design.nodes.items()}
    assert kinds["aws_codebuild_project.build"] == "codebuild"
    assert kinds["aws_codepipeline.p"] == "codepipeline"
    assert kinds["aws_codedeploy_app.app"] == "codedeploy"
    assert not design.report.generic
    build = design.nodes["aws_codebuild_project.build"]
    assert build.props["privileged_mode"] is True
    assert build.subnets == ["aws_subnet.a"]
    assert design.nodes["aws_codedeploy_app.app"].props["compute_platform"] == "ECS"
    flows = {(flow.source, flow.target) for flow in design.flows}
    assert {
        ("aws_codepipeline.p", "aws_s3_bucket.artifacts"),  # its artifact store
        ("aws_codepipeline.p", "aws_codebuild_project.build"),  # the build action
        ("aws_codebuild_project.build", "aws_sqs_queue.q"),  # an environment variable names the queue
    } <= flows


@pytest.mark.parametrize(("privileged", "reported"), [("true", True), ("false", False)])
def test_a_privileged_build_project_is_reported(tmp_path: Path, privileged: str, reported: bool) -> None:
    arch = build_architecture(imported(tmp_path, privileged), layout=False).arch
    found = {(f.rule, f.node) for f in analyse(arch).findings}
    assert (("SEC-CODEBUILD-PRIVILEGED", "aws_codebuild_project.build") in found) is reported
