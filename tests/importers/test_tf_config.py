"""Reading Terraform configurations: expansion, variables, locals, modules, placeholders, and bad input."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from wadesk.importers.errors import ImportSourceError
from wadesk.importers.terraform.config import looks_like_configuration, read_configuration
from wadesk.importers.terraform.values import Interpolated, ModuleOutput, TfRef, Unresolved

ROOT = Path(__file__).resolve().parents[2]


def write(folder: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text))
    return folder


NETWORK = """\
variable "azs" {
  type    = list(string)
  default = ["eu-west-1a", "eu-west-1b"]
}

resource "aws_vpc" "main" {
  cidr_block = local.cidr
  tags = { Name = "${local.name}-vpc" }
}

resource "aws_subnet" "private" {
  count             = length(var.azs)
  vpc_id            = aws_vpc.main.id
  availability_zone = var.azs[count.index]
  cidr_block        = cidrsubnet(local.cidr, 8, count.index)
}

resource "aws_s3_bucket" "logs" {
  for_each = toset(["audit", "access"])
  bucket   = "${local.name}-${each.key}"
}

resource "aws_security_group" "web" {
  vpc_id = aws_vpc.main.id
  dynamic "ingress" {
    for_each = { http = 80, https = 443 }
    content {
      from_port   = ingress.value
      description = ingress.key
    }
  }
  egress {
    from_port = 0
  }
}

locals {
  name = "shop-${terraform.workspace}"
  cidr = var.cidr
}

variable "cidr" {
  default = "10.1.0.0/16"
}
"""


def test_count_and_for_each_expand_into_instances_named_by_address(tmp_path: Path) -> None:
    source = read_configuration(write(tmp_path, {"main.tf": NETWORK}))
    assert list(source.resources) == [
        "aws_vpc.main",
        "aws_subnet.private[0]",
        "aws_subnet.private[1]",
        'aws_s3_bucket.logs["access"]',
        'aws_s3_bucket.logs["audit"]',
        "aws_security_group.web",
    ]
    second = source.resources["aws_subnet.private[1]"]
    assert second.index == 1
    assert second.values["availability_zone"] == "eu-west-1b"
    assert second.values["cidr_block"] == "10.1.1.0/24"
    assert source.resources['aws_s3_bucket.logs["audit"]'].values["bucket"] == "shop-default-audit"
    assert source.resources['aws_s3_bucket.logs["audit"]'].index == "audit"


def test_references_give_containment_and_blocks_keep_file_and_line(tmp_path: Path) -> None:
    source = read_configuration(write(tmp_path, {"main.tf": NETWORK}))
    subnet = source.resources["aws_subnet.private[0]"]
    assert subnet.values["vpc_id"] == TfRef("aws_vpc.main", "id")
    assert (subnet.file, subnet.line) == (tmp_path / "main.tf", 11)
    assert source.resources["aws_vpc.main"].values["tags"] == {"Name": "shop-default-vpc"}
    assert source.unresolved == []


def test_nested_and_dynamic_blocks_become_lists_of_dicts(tmp_path: Path) -> None:
    group = read_configuration(write(tmp_path, {"main.tf": NETWORK})).resources["aws_security_group.web"]
    assert group.values["ingress"] == [
        {"from_port": 80, "description": "http"},
        {"from_port": 443, "description": "https"},
    ]
    assert group.values["egress"] == [{"from_port": 0}]


def test_variable_values_follow_terraforms_precedence(tmp_path: Path) -> None:
    write(tmp_path, {
        "main.tf": """\
            variable "a" { default = "default" }
            variable "b" { default = "default" }
            variable "c" { default = "default" }
            variable "d" { default = "default" }
            variable "e" { default = "default" }
            variable "n" { type = number }
            variable "tags" { type = map(string) }
            resource "aws_sqs_queue" "q" {
              name = join(",", [var.a, var.b, var.c, var.d, var.e])
              delay_seconds = var.n + 1
              tags = var.tags
            }
        """,
        "terraform.tfvars": 'b = "tfvars"\nc = "tfvars"\nd = "tfvars"\ne = "tfvars"\n',
        "a.auto.tfvars": 'c = "auto-a"\nd = "auto-a"\ne = "auto-a"\n',
        "b.auto.tfvars.json": '{"d": "auto-b", "e": "auto-b"}',
        "extra.tfvars": 'e = "var-file"\ntags = { team = "x" }\n',
    })
    source = read_configuration(
        tmp_path, variables={"a": "cli", "n": "4", "tags": '{ team = "y" }'}, var_files=[tmp_path / "extra.tfvars"]
    )
    queue = source.resources["aws_sqs_queue.q"]
    assert queue.values["name"] == "cli,tfvars,auto-a,auto-b,var-file"
    assert queue.values["delay_seconds"] == 5
    assert queue.values["tags"] == {"team": "y"}
    assert source.variables["a"] == "cli"


def test_a_var_for_an_undeclared_variable_is_refused(tmp_path: Path) -> None:
    write(tmp_path, {"main.tf": 'variable "a" {}\n'})
    with pytest.raises(ImportSourceError, match="declares no variable 'nope'"):
        read_configuration(tmp_path, variables={"nope": "1"})


def test_a_variable_without_value_is_listed_as_unresolved_never_guessed(tmp_path: Path) -> None:
    write(tmp_path, {"db.tf": """\
        variable "password" {}
        resource "aws_db_instance" "db" {
          engine   = "postgres"
          password = var.password
        }
    """})
    source = read_configuration(tmp_path)
    value = source.resources["aws_db_instance.db"].values["password"]
    assert isinstance(value, Unresolved)
    [entry] = source.unresolved
    assert (entry.address, entry.attribute, entry.expression) == ("aws_db_instance.db", "password", "var.password")
    assert "--var password=" in entry.reason
    assert (entry.file, entry.line) == (tmp_path / "db.tf", 4)


def test_locals_are_evaluated_in_dependency_order_and_cycles_are_reported(tmp_path: Path) -> None:
    write(tmp_path, {"main.tf": """\
        locals {
          full = "${local.prefix}-app"
          prefix = upper(local.env)
          env = "dev"
          a = local.b
          b = local.a
        }
        resource "aws_sns_topic" "t" {
          name = local.full
          display_name = local.a
        }
    """})
    source = read_configuration(tmp_path)
    topic = source.resources["aws_sns_topic.t"]
    assert topic.values["name"] == "DEV-app"
    assert isinstance(topic.values["display_name"], Unresolved)
    assert "cycle" in topic.values["display_name"].reason
    assert any("local.a → local.b → local.a" in entry.reason or "cycle" in entry.reason for entry in source.unresolved)


def test_data_sources_resolve_references_but_are_not_resources(tmp_path: Path) -> None:
    write(tmp_path, {"main.tf": """\
        data "aws_availability_zones" "available" {}
        data "aws_vpc" "shared" { id = "vpc-0123456789abcdef0" }
        data "aws_ami" "ubuntu" { most_recent = true }
        resource "aws_subnet" "a" {
          vpc_id            = data.aws_vpc.shared.id
          availability_zone = data.aws_availability_zones.available.names[1]
        }
        resource "aws_instance" "web" {
          ami = data.aws_ami.ubuntu.id
          subnet_id = aws_subnet.a.id
        }
    """})
    source = read_configuration(tmp_path)
    assert list(source.data_sources) == [
        "data.aws_availability_zones.available", "data.aws_vpc.shared", "data.aws_ami.ubuntu"
    ]
    assert source.resources["aws_subnet.a"].values["vpc_id"] == "vpc-0123456789abcdef0"
    assert source.resources["aws_subnet.a"].values["availability_zone"] == "AZ 2"
    assert any("placeholder zones" in text for text in source.assumptions)
    assert source.resources["aws_instance.web"].values["ami"] == TfRef("data.aws_ami.ubuntu", "id")


def test_other_providers_and_resources_not_created_are_listed_not_drawn(tmp_path: Path) -> None:
    write(tmp_path, {"main.tf": """\
        resource "random_id" "suffix" { byte_length = 4 }
        resource "null_resource" "hook" {}
        resource "awscc_s3_bucket" "b" {}
        resource "aws_s3_bucket" "b" { bucket = "x-${random_id.suffix.hex}" }
        resource "aws_instance" "off" {
          count = 0
        }
    """})
    source = read_configuration(tmp_path)
    assert list(source.resources) == ["aws_s3_bucket.b"]
    skipped = {item.address: item for item in source.skipped}
    assert set(skipped) == {"random_id.suffix", "null_resource.hook", "awscc_s3_bucket.b", "aws_instance.off"}
    assert skipped["awscc_s3_bucket.b"].reason == "provider awscc: not AWS"
    assert skipped["aws_instance.off"].reason == "not created: count is 0"
    assert skipped["null_resource.hook"].line == 2
    bucket = source.resources["aws_s3_bucket.b"].values["bucket"]
    assert isinstance(bucket, Interpolated) and bucket.parts == ("x-", TfRef("random_id.suffix", "hex"))


def test_an_unknown_count_draws_one_instance_and_says_so(tmp_path: Path) -> None:
    write(tmp_path, {"main.tf": """\
        resource "aws_subnet" "a" { count = 2 }
        resource "aws_instance" "web" {
          count     = length(aws_subnet.a[0].ipv6_cidr_block_association_id)
          subnet_id = aws_subnet.a[count.index].id
        }
    """})
    source = read_configuration(tmp_path)
    web = source.resources["aws_instance.web"]
    assert isinstance(web.values["subnet_id"], Unresolved)
    assert [entry.attribute for entry in source.unresolved if entry.address == "aws_instance.web"][0] == "count"
    assert any("drawn once" in text for text in source.assumptions)


def test_local_modules_are_followed_with_their_inputs_and_outputs(tmp_path: Path) -> None:
    write(tmp_path, {
        "main.tf": """\
            resource "aws_vpc" "main" { cidr_block = "10.0.0.0/16" }
            module "app" {
              source = "./modules/app"
              count  = 2
              name   = "app-${count.index}"
              vpc_id = aws_vpc.main.id
            }
            resource "aws_lb" "front" {
              subnets = module.app[*].subnet_id
            }
        """,
        "modules/app/main.tf": """\
            variable "name" {}
            variable "vpc_id" {}
            variable "size" { default = "t3.micro" }
            resource "aws_subnet" "this" { vpc_id = var.vpc_id }
            module "db" {
              source = "../db"
              subnet = aws_subnet.this.id
            }
            output "subnet_id" { value = aws_subnet.this.id }
        """,
        "modules/db/main.tf": """\
            variable "subnet" {}
            resource "aws_db_instance" "this" {
              identifier = "db"
              db_subnet_group_name = var.subnet
            }
        """,
    })
    source = read_configuration(tmp_path)
    assert set(source.resources) == {
        "aws_vpc.main",
        "aws_lb.front",
        "module.app[0].aws_subnet.this",
        "module.app[1].aws_subnet.this",
        "module.app[0].module.db.aws_db_instance.this",
        "module.app[1].module.db.aws_db_instance.this",
    }
    subnet = source.resources["module.app[1].aws_subnet.this"]
    assert subnet.module == "module.app[1]"
    assert subnet.values["vpc_id"] == TfRef("aws_vpc.main", "id")
    assert subnet.file == tmp_path / "modules/app/main.tf"
    database = source.resources["module.app[0].module.db.aws_db_instance.this"]
    assert database.values["db_subnet_group_name"] == TfRef("module.app[0].aws_subnet.this", "id")
    assert source.resources["aws_lb.front"].values["subnets"] == [
        TfRef("module.app[0].aws_subnet.this", "id"),
        TfRef("module.app[1].aws_subnet.this", "id"),
    ]


def test_a_registry_module_becomes_a_placeholder_with_classified_outputs(tmp_path: Path) -> None:
    write(tmp_path, {"main.tf": """\
        module "vpc" {
          source  = "terraform-aws-modules/vpc/aws"
          version = "~> 5.0"
          cidr            = "10.0.0.0/16"
          private_subnets = [for i in range(2) : cidrsubnet("10.0.0.0/16", 8, i)]
        }
        resource "aws_security_group" "db" {
          vpc_id = module.vpc.vpc_id
        }
        resource "aws_db_subnet_group" "db" {
          subnet_ids = module.vpc.database_subnets
        }
        resource "aws_instance" "bastion" {
          subnet_id = module.vpc.public_subnets[0]
          vpc_security_group_ids = [module.vpc.default_security_group_id]
          tags = { cidr = module.vpc.vpc_cidr_block }
        }
    """})
    source = read_configuration(tmp_path)
    placeholder = source.placeholders["module.vpc"]
    assert placeholder.source == "terraform-aws-modules/vpc/aws"
    assert placeholder.registry_name == "vpc"
    assert placeholder.version == "~> 5.0"
    assert placeholder.inputs["private_subnets"] == ["10.0.0.0/24", "10.0.1.0/24"]
    assert (placeholder.file, placeholder.line) == (tmp_path / "main.tf", 1)
    roles = {name: (output.role, output.tier) for name, output in placeholder.outputs.items()}
    assert roles == {
        "vpc_id": ("vpc", None),
        "database_subnets": ("subnets", "database"),
        "public_subnets": ("subnets", "public"),
        "default_security_group_id": ("security_groups", None),
        "vpc_cidr_block": ("other", None),
    }
    assert source.resources["aws_security_group.db"].values["vpc_id"] == ModuleOutput("module.vpc", "vpc_id")
    assert source.resources["aws_instance.bastion"].values["subnet_id"] == ModuleOutput(
        "module.vpc", "public_subnets", 0
    )


def test_a_local_module_folder_that_is_missing_is_a_placeholder(tmp_path: Path) -> None:
    write(tmp_path, {"main.tf": 'module "vpc" {\n  source = "../../"\n}\nresource "aws_eip" "x" {}\n'})
    placeholder = read_configuration(tmp_path / ".").placeholders["module.vpc"]
    assert placeholder.reason == "local module folder not found"
    assert placeholder.registry_name is None


def test_a_module_cycle_is_an_error_naming_the_cycle(tmp_path: Path) -> None:
    write(tmp_path, {
        "main.tf": 'module "a" {\n  source = "./a"\n}\n',
        "a/main.tf": 'module "b" {\n  source = "../b"\n}\n',
        "b/main.tf": 'resource "aws_eip" "x" {}\nmodule "a" {\n  source = "../a"\n}\n',
    })
    with pytest.raises(ImportSourceError) as caught:
        read_configuration(tmp_path)
    assert "module cycle: ./a → ./b → ./a" in caught.value.reason
    assert caught.value.source == str(tmp_path / "b" / "main.tf")
    assert caught.value.line == 2


def test_an_hcl_syntax_error_names_the_file_and_line(tmp_path: Path) -> None:
    write(tmp_path, {"ok.tf": 'resource "aws_eip" "x" {}\n', "broken.tf": 'resource "aws_eip" "y" {\n  a = \n}\n'})
    with pytest.raises(ImportSourceError) as caught:
        read_configuration(tmp_path)
    assert caught.value.source == str(tmp_path / "broken.tf")
    assert caught.value.line == 2
    assert "HCL syntax error" in caught.value.reason


def test_a_folder_without_tf_files_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ImportSourceError, match="no .tf or .tf.json files"):
        read_configuration(tmp_path)
    assert not looks_like_configuration(tmp_path)
    write(tmp_path, {"x.tf": ""})
    assert looks_like_configuration(tmp_path) and looks_like_configuration(tmp_path / "x.tf")


def test_a_single_tf_file_can_be_read(tmp_path: Path) -> None:
    write(tmp_path, {"one.tf": 'resource "aws_sqs_queue" "q" {}\n', "two.tf": 'resource "aws_sns_topic" "t" {}\n'})
    assert list(read_configuration(tmp_path / "one.tf").resources) == ["aws_sqs_queue.q"]


def test_checking_a_design_does_not_load_the_hcl_parser() -> None:
    code = (
        "import sys, wadesk.importers.terraform.config, wadesk.importers.terraform.plan\n"
        "from wadesk.cli import main\n"
        "assert 'hcl2' not in sys.modules and 'lark' not in sys.modules, 'hcl2 loaded'\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
