"""A registry database module named with a subnet group made elsewhere is not drawn in the default VPC."""

from __future__ import annotations

import textwrap
from pathlib import Path

from wadesk.importers.terraform.importer import import_terraform

DB = """\
resource "aws_security_group" "db" { vpc_id = "vpc-0123456789abcdef0" }
module "db" {
  source         = "terraform-aws-modules/rds/aws"
  engine         = "mysql"
  instance_class = "db.t4g.micro"
%s
}
"""


def node(folder: Path, extra: str):  # type: ignore[no-untyped-def]
    (folder / "main.tf").write_text(textwrap.dedent(DB % extra))
    return import_terraform(folder).nodes["module.db"]


def test_a_module_given_a_subnet_group_name_and_groups_sits_in_them_not_in_the_default_vpc(tmp_path: Path) -> None:
    db = node(tmp_path, '  db_subnet_group_name   = "shared-db"\n'
                        '  vpc_security_group_ids = [aws_security_group.db.id]\n')
    assert db.kind == "rds" and db.placeholder
    assert "default-subnets" not in db.subnets
    assert db.security_groups == ["aws_security_group.db"]


def test_a_module_given_no_subnets_at_all_sits_in_the_default_vpc(tmp_path: Path) -> None:
    # Near miss: with neither subnets nor a subnet group the instance is created in the default VPC.
    assert node(tmp_path, "").subnets == ["default-subnets"]


NETWORK = """\
module "vpc" {
  source         = "terraform-aws-modules/vpc/aws"
  public_subnets = ["10.0.1.0/24"]
}
module "nat" {
  source    = "github.com/example/terraform-aws-nat"
  subnet_id = module.vpc.public_subnets[0]
}
resource "aws_security_group" "app" { vpc_id = module.vpc.vpc_id }
"""


def test_the_report_names_only_the_module_outputs_drawn(tmp_path: Path) -> None:
    # public_subnets is only passed to another module that is not on disk: no container is drawn for it.
    (tmp_path / "main.tf").write_text(NETWORK)
    design = import_terraform(tmp_path)
    assert "module.vpc.public_subnets" not in design.nodes
    summary = next(text for text in design.report.assumptions if text.startswith("module.vpc (source"))
    assert summary.endswith("its output vpc_id is drawn as a placeholder container")


def test_a_subnet_output_that_places_a_resource_is_named(tmp_path: Path) -> None:
    instance = 'resource "aws_instance" "x" { subnet_id = module.vpc.public_subnets[0] }\n'
    (tmp_path / "main.tf").write_text(NETWORK + instance)
    assumptions = import_terraform(tmp_path).report.assumptions
    summary = next(text for text in assumptions if text.startswith("module.vpc (source"))
    assert "its outputs vpc_id, public_subnets are drawn as placeholder containers" in summary
