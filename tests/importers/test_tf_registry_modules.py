"""Registry and remote modules that ``terraform init`` downloaded are read from ``.terraform/modules``."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

from wadesk.importers.terraform.config import read_configuration
from wadesk.importers.terraform.importer import import_terraform
from wadesk.importers.terraform.module_manifest import manifest_key, same_source

ROOT = """\
module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "~> 5.0"
  name    = "shop"
  cidr    = "10.0.0.0/16"
  public_subnets = ["10.0.1.0/24", "10.0.2.0/24"]
}
resource "aws_instance" "web" { subnet_id = module.vpc.public_subnets[0] }
"""

# A small stand-in for terraform-aws-modules/vpc: a VPC, public subnets routed to an internet gateway, and a
# nested registry module (key "vpc.flow") that makes the VPC's flow log bucket.
VPC_MODULE = """\
variable "name" {}
variable "cidr" {}
variable "public_subnets" { default = [] }
resource "aws_vpc" "this" {
  cidr_block = var.cidr
  tags = { Name = var.name }
}
resource "aws_subnet" "public" {
  count      = length(var.public_subnets)
  vpc_id     = aws_vpc.this.id
  cidr_block = var.public_subnets[count.index]
}
resource "aws_internet_gateway" "this" { vpc_id = aws_vpc.this.id }
resource "aws_route_table" "public" { vpc_id = aws_vpc.this.id }
resource "aws_route" "internet" {
  route_table_id         = aws_route_table.public.id
  destination_cidr_block = "0.0.0.0/0"
  gateway_id             = aws_internet_gateway.this.id
}
resource "aws_route_table_association" "public" {
  count          = length(var.public_subnets)
  subnet_id      = aws_subnet.public[count.index].id
  route_table_id = aws_route_table.public.id
}
module "flow" {
  source = "terraform-aws-modules/s3-bucket/aws"
  bucket = "${var.name}-flow-logs"
}
output "vpc_id" { value = aws_vpc.this.id }
output "public_subnets" { value = aws_subnet.public[*].id }
"""

BUCKET_MODULE = """\
variable "bucket" {}
resource "aws_s3_bucket" "this" { bucket = var.bucket }
"""


def manifest(*records: dict[str, str]) -> str:
    return json.dumps({"Modules": [{"Key": "", "Source": "", "Dir": "."}, *records]})


VPC_RECORD = {"Key": "vpc", "Source": "registry.terraform.io/terraform-aws-modules/vpc/aws", "Version": "5.8.1",
              "Dir": ".terraform/modules/vpc"}
FLOW_RECORD = {"Key": "vpc.flow", "Source": "registry.terraform.io/terraform-aws-modules/s3-bucket/aws",
               "Version": "4.1.0", "Dir": ".terraform/modules/vpc.flow"}


def write(folder: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text))
    return folder


def initialised(folder: Path, *records: dict[str, str]) -> Path:
    """A configuration after ``terraform init``: the root, the downloaded modules and their manifest."""
    return write(folder, {
        "main.tf": ROOT,
        ".terraform/modules/vpc/main.tf": VPC_MODULE,
        ".terraform/modules/vpc.flow/main.tf": BUCKET_MODULE,
        ".terraform/modules/modules.json": manifest(*(records or (VPC_RECORD, FLOW_RECORD))),
    })


def test_a_downloaded_registry_module_is_read_like_a_local_module(tmp_path: Path) -> None:
    design = import_terraform(initialised(tmp_path))
    vpc = design.nodes["module.vpc.aws_vpc.this"]
    subnet = design.nodes["module.vpc.aws_subnet.public[0]"]
    assert vpc.kind == "vpc" and not vpc.placeholder
    assert subnet.vpc == vpc.key and subnet.public is True
    assert design.nodes["aws_instance.web"].subnets == [subnet.key]
    assert "module.vpc.vpc_id" not in design.nodes  # no placeholder container besides the real VPC
    # The nested registry module (key "vpc.flow") is read from its own folder.
    assert design.nodes["module.vpc.module.flow.aws_s3_bucket.this"].kind == "s3"
    assumptions = design.report.assumptions
    assert any("module.vpc: read from .terraform/modules/vpc" in text and "5.8.1" in text for text in assumptions)
    assert not any("is not on disk" in text for text in assumptions)


def test_without_terraform_init_the_module_stays_a_placeholder(tmp_path: Path) -> None:
    write(tmp_path, {"main.tf": ROOT})
    source = read_configuration(tmp_path)
    assert source.placeholders["module.vpc"].reason == "registry or remote module, not on disk"
    assert not any(address.startswith("module.vpc.") for address in source.resources)


def test_a_call_the_manifest_does_not_record_stays_a_placeholder(tmp_path: Path) -> None:
    initialised(tmp_path, FLOW_RECORD)
    source = read_configuration(tmp_path)
    assert "not in .terraform/modules/modules.json" in source.placeholders["module.vpc"].reason
    assert not source.resources.keys() - {"aws_instance.web"}


def test_a_missing_downloaded_folder_is_a_placeholder_listed_in_the_report(tmp_path: Path) -> None:
    initialised(tmp_path, {**VPC_RECORD, "Dir": ".terraform/modules/gone"}, FLOW_RECORD)
    design = import_terraform(tmp_path)
    assert design.nodes["module.vpc.vpc_id"].placeholder  # drawn as a placeholder container, as before init
    assert any("module.vpc (source terraform-aws-modules/vpc/aws)" in text
               and ".terraform/modules/gone is missing" in text for text in design.report.assumptions)


def test_a_module_installed_from_another_source_is_not_read(tmp_path: Path) -> None:
    other = {**VPC_RECORD, "Source": "registry.terraform.io/someone-else/vpc/aws"}
    source = read_configuration(initialised(tmp_path, other, FLOW_RECORD))
    assert "installed it from registry.terraform.io/someone-else/vpc/aws" in source.placeholders["module.vpc"].reason


def test_a_recorded_folder_outside_the_configuration_is_not_read(tmp_path: Path) -> None:
    write(tmp_path / "elsewhere", {"main.tf": VPC_MODULE})
    outside = {**VPC_RECORD, "Dir": "../elsewhere"}
    source = read_configuration(initialised(tmp_path / "cfg", outside, FLOW_RECORD))
    assert "outside the configuration folder" in source.placeholders["module.vpc"].reason


def test_a_manifest_cycle_is_bounded_as_a_placeholder(tmp_path: Path) -> None:
    # The nested call's record points back at the folder of the module that makes it.
    looping = {**FLOW_RECORD, "Source": "registry.terraform.io/terraform-aws-modules/s3-bucket/aws",
               "Dir": ".terraform/modules/vpc"}
    source = read_configuration(initialised(tmp_path, VPC_RECORD, looping))
    assert "module.vpc.aws_vpc.this" in source.resources
    assert "a cycle" in source.placeholders["module.vpc.module.flow"].reason


def test_a_broken_manifest_is_reported_and_modules_stay_placeholders(tmp_path: Path) -> None:
    initialised(tmp_path)
    (tmp_path / ".terraform/modules/modules.json").write_text("{not json")
    source = read_configuration(tmp_path)
    assert "module.vpc" in source.placeholders
    assert any("modules.json is not valid JSON" in text for text in source.assumptions)


def test_instances_of_a_call_share_one_record(tmp_path: Path) -> None:
    initialised(tmp_path)
    (tmp_path / "main.tf").write_text(ROOT.replace('version = "~> 5.0"', 'for_each = toset(["a", "b"])'))
    source = read_configuration(tmp_path)
    assert {'module.vpc["a"].aws_vpc.this', 'module.vpc["b"].aws_vpc.this'} <= source.resources.keys()


def test_manifest_keys_and_sources_compare_as_terraform_records_them() -> None:
    assert manifest_key('module.app["x.y"].module.vpc[0]') == "app.vpc"
    assert same_source("terraform-aws-modules/vpc/aws", "registry.terraform.io/terraform-aws-modules/vpc/aws")
    assert same_source("github.com/org/mod", "git::https://github.com/org/mod.git")
    assert same_source("git::https://example.com/m.git//sub?ref=v1", "git::https://example.com/m.git//sub?ref=v1")
    assert not same_source("git::https://example.com/m.git?ref=v1", "git::https://example.com/m.git?ref=v2")
    assert not same_source("terraform-aws-modules/vpc/aws", "registry.terraform.io/terraform-aws-modules/eks/aws")


def test_a_manifest_written_on_windows_is_read(tmp_path: Path) -> None:
    windows = {**VPC_RECORD, "Dir": ".terraform\\modules\\vpc"}
    source = read_configuration(initialised(tmp_path, windows, FLOW_RECORD))
    assert "module.vpc.aws_vpc.this" in source.resources
