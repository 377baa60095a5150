"""Environment variables computed from another resource's attribute still name it: the flow to it is drawn.

Found on a real configuration whose task definition set ``DB_HOST`` to
``join("", slice(split(":", aws_db_instance.db.endpoint), 0, 1))``: ``slice`` of a value known only after apply
raised an error that lost the whole container definition."""

from __future__ import annotations

import textwrap
from pathlib import Path

from wadesk.importers.terraform.config import read_configuration
from wadesk.importers.terraform.importer import import_terraform
from wadesk.importers.terraform.values import TfRef, Unresolved, refs_in

DATABASE = """\
resource "aws_db_instance" "db" {
  engine         = "postgres"
  instance_class = "db.t3.micro"
}
"""

TASK = """\
resource "aws_ecs_cluster" "c" { name = "c" }
resource "aws_ecs_task_definition" "app" {
  family                   = "app"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  container_definitions = jsonencode([{
    name  = "app"
    image = "app:1"
    environment = [
      { name = "DB_HOST", value = %s },
      { name = "DB_PORT", value = "5432" },
    ]
  }])
}
resource "aws_ecs_service" "app" {
  name            = "app"
  cluster         = aws_ecs_cluster.c.id
  task_definition = aws_ecs_task_definition.app.arn
  desired_count   = 2
}
"""

FUNCTION = """\
resource "aws_sqs_queue" "jobs" { name = "jobs" }
resource "aws_lambda_function" "worker" {
  function_name = "worker"
  role          = "arn:aws:iam::123456789012:role/worker"
  runtime       = "python3.12"
  handler       = "app.handler"
  filename      = "app.zip"
  environment {
    variables = { QUEUE = %s }
  }
}
"""


def flows(folder: Path, text: str) -> set[tuple[str, str]]:
    (folder / "main.tf").write_text(textwrap.dedent(text))
    return {(flow.source, flow.target) for flow in import_terraform(folder).flows}


def test_slice_and_one_of_a_value_known_after_apply_keep_its_references(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text(DATABASE + """\
locals {
  host  = join("", slice(split(":", aws_db_instance.db.endpoint), 0, 1))
  first = one(aws_db_instance.db.vpc_security_group_ids)
}
output "host" { value = local.host }
output "first" { value = local.first }
""")
    outputs = read_configuration(tmp_path).outputs
    for name in ("host", "first"):
        assert isinstance(outputs[name], Unresolved)
        assert [ref.address for ref in refs_in(outputs[name]) if isinstance(ref, TfRef)] == ["aws_db_instance.db"]


def test_a_container_variable_computed_from_the_database_endpoint_draws_the_flow(tmp_path: Path) -> None:
    found = flows(tmp_path, DATABASE + TASK % 'join("", slice(split(":", aws_db_instance.db.endpoint), 0, 1))')
    assert ("aws_ecs_service.app", "aws_db_instance.db") in found


def test_a_container_variable_with_a_literal_host_draws_none(tmp_path: Path) -> None:
    assert ("aws_ecs_service.app", "aws_db_instance.db") not in flows(tmp_path, DATABASE + TASK % '"db.internal"')


def test_a_function_variable_computed_from_a_queue_url_draws_the_flow(tmp_path: Path) -> None:
    found = flows(tmp_path, FUNCTION % 'replace(aws_sqs_queue.jobs.url, "https://", "")')
    assert ("aws_lambda_function.worker", "aws_sqs_queue.jobs") in found
    assert ("aws_lambda_function.worker", "aws_sqs_queue.jobs") not in flows(tmp_path, FUNCTION % '"jobs"')
