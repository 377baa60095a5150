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
