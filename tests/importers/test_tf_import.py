"""Terraform sources become designs: mapped types, bucket-settings folding, rules, placeholders, the command line."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from wadesk.analysis.engine import analyse
from wadesk.cli import main
from wadesk.importers.api import import_source, is_importable
from wadesk.importers.terraform.importer import import_terraform, known_types, map_source
from wadesk.importers.terraform.values import TfResource, TfSource


def write(folder: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text))
    return folder


def test_at_least_sixty_aws_types_are_mapped() -> None:
    assert len(known_types()) >= 60


@pytest.mark.parametrize("resource_type", known_types())
def test_each_mapped_type_is_drawn_or_folded_never_generic(resource_type: str) -> None:
    resource = TfResource(f"{resource_type}.x", resource_type, "x", values={})
    source = TfSource(Path("main.tf"), "configuration", resources={resource.address: resource})
    report = map_source(source).report
    assert resource.address not in {entry.key for entry in report.generic}
    handled = [entry.key for entries in (report.mapped, report.folded, report.omitted) for entry in entries]
    assert resource.address in handled


BUCKET = """\
resource "aws_s3_bucket" "data" {
  bucket = "shop-data"
}
resource "aws_s3_bucket" "logs" {
  bucket = "shop-logs"
}
resource "aws_s3_bucket_versioning" "data" {
  bucket = aws_s3_bucket.data.id
  versioning_configuration {
    status = "Enabled"
  }
}
resource "aws_s3_bucket_server_side_encryption_configuration" "data" {
  bucket = aws_s3_bucket.data.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "aws:kms"
    }
  }
}
resource "aws_s3_bucket_public_access_block" "data" {
  bucket                  = aws_s3_bucket.data.id
  block_public_acls       = false
  block_public_policy     = false
  ignore_public_acls      = false
  restrict_public_buckets = false
}
resource "aws_s3_bucket_logging" "data" {
  bucket        = aws_s3_bucket.data.id
  target_bucket = aws_s3_bucket.logs.id
}
resource "aws_s3_bucket_lifecycle_configuration" "data" {
  bucket = aws_s3_bucket.data.id
  rule {
    id     = "expire"
    status = "Enabled"
  }
}
resource "aws_s3_bucket_website_configuration" "data" {
  bucket = aws_s3_bucket.data.id
  index_document {
    suffix = "index.html"
  }
}
"""


def test_bucket_settings_of_provider_v4_fold_into_the_bucket(tmp_path: Path) -> None:
    design = import_terraform(write(tmp_path, {"s3.tf": BUCKET}))
    data = design.nodes["aws_s3_bucket.data"].props
    assert data["versioning"] is True
    assert data["encryption"] == "SSE-KMS"
    assert data["block_public_access"] is False
    assert data["access_logging"] is True
    assert data["lifecycle_rules"] is True
    assert data["website_hosting"] is True
    logs = design.nodes["aws_s3_bucket.logs"].props
    assert logs["versioning"] is False and logs["access_logging"] is False
    folded = {entry.key: entry.detail for entry in design.report.folded}
    for setting in ("versioning", "server_side_encryption_configuration", "public_access_block", "logging",
                    "lifecycle_configuration", "website_configuration"):
        assert folded[f"aws_s3_bucket_{setting}.data"] == "aws_s3_bucket.data"
    assert design.nodes["aws_s3_bucket.data"].location.file == str(tmp_path / "s3.tf")
    assert design.nodes["aws_s3_bucket.data"].location.line == 1


def test_bucket_settings_fold_by_name_in_a_plan(tmp_path: Path) -> None:
    def resource(address: str, values: dict[str, object]) -> dict[str, object]:
        kind, name = address.split(".")
        return {"address": address, "mode": "managed", "type": kind, "name": name, "values": values,
                "provider_name": "registry.terraform.io/hashicorp/aws"}

    plan = {"format_version": "1.2", "planned_values": {"root_module": {"resources": [
        resource("aws_s3_bucket.b", {"bucket": "orders"}),
        resource("aws_s3_bucket_versioning.b", {"bucket": "orders",
                                                "versioning_configuration": [{"status": "Enabled"}]}),
    ]}}}
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(plan))
    design = import_terraform(path)
    assert design.nodes["aws_s3_bucket.b"].props["versioning"] is True


def test_a_vault_key_unknown_until_apply_is_the_aws_managed_one_and_a_named_key_is_not(tmp_path: Path) -> None:
    def resource(address: str, values: dict[str, object]) -> dict[str, object]:
        kind, name = address.split(".")
        return {"address": address, "mode": "managed", "type": kind, "name": name, "values": values,
                "provider_name": "registry.terraform.io/hashicorp/aws"}

    def vault(name: str, key: dict[str, object] | None) -> dict[str, object]:
        expressions: dict[str, object] = {"name": {"constant_value": name}}
        if key:
            expressions["kms_key_arn"] = key
        return {"address": f"aws_backup_vault.{name}", "mode": "managed", "type": "aws_backup_vault",
                "name": name, "expressions": expressions}

    plan = {
        "format_version": "1.2",
        "planned_values": {"root_module": {"resources": [
            resource("aws_kms_key.k", {}),
            resource("aws_backup_vault.plain", {"name": "plain"}),
            resource("aws_backup_vault.keyed", {"name": "keyed"}),
            resource("aws_backup_vault.passed", {"name": "passed"}),
        ]}},
        "resource_changes": [
            {"address": f"aws_backup_vault.{name}", "change": {"actions": ["create"],
                                                             "after_unknown": {"arn": True, "kms_key_arn": True}}}
            for name in ("plain", "keyed", "passed")
        ],
        "configuration": {"root_module": {"resources": [
            vault("plain", None),
            vault("keyed", {"references": ["aws_kms_key.k.arn", "aws_kms_key.k"]}),
            # Set from a value the reader cannot follow: some key is named, so it is not AWS's default one.
            vault("passed", {"references": ["local.keys.backup", "local.keys"]}),
        ]}},
    }
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(plan))
    design = import_terraform(path)
    # Vaults no plan writes to are drawn, so their key is judged (CKV_AWS_166).
    assert design.nodes["aws_backup_vault.plain"].props["vault_kms"] is False
    assert design.nodes["aws_backup_vault.keyed"].props["vault_kms"] is True
    assert design.nodes["aws_backup_vault.passed"].props["vault_kms"] is True


NETWORK = """\
provider "aws" {
  region = "eu-central-1"
}
resource "aws_vpc" "main" { cidr_block = "10.0.0.0/16" }
resource "aws_internet_gateway" "gw" { vpc_id = aws_vpc.main.id }
resource "aws_subnet" "public" {
  vpc_id            = aws_vpc.main.id
  cidr_block        = "10.0.1.0/24"
  availability_zone = "eu-central-1a"
}
resource "aws_subnet" "private" {
  vpc_id            = aws_vpc.main.id
  cidr_block        = "10.0.2.0/24"
  availability_zone = "eu-central-1b"
}
resource "aws_route_table" "public" {
  vpc_id = aws_vpc.main.id
  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = aws_internet_gateway.gw.id
  }
}
resource "aws_route_table_association" "public" {
  subnet_id      = aws_subnet.public.id
  route_table_id = aws_route_table.public.id
}
resource "aws_security_group" "web" { vpc_id = aws_vpc.main.id }
resource "aws_security_group" "db" { vpc_id = aws_vpc.main.id }
resource "aws_vpc_security_group_ingress_rule" "db_from_web" {
  security_group_id            = aws_security_group.db.id
  referenced_security_group_id = aws_security_group.web.id
  from_port                    = 5432
  to_port                      = 5432
  ip_protocol                  = "tcp"
}
resource "aws_security_group_rule" "web_https" {
  type              = "ingress"
  security_group_id = aws_security_group.web.id
  from_port         = 443
  to_port           = 443
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
}
resource "aws_instance" "web" {
  ami                    = "ami-12345678"
  instance_type          = "t3.micro"
  subnet_id              = aws_subnet.public.id
  vpc_security_group_ids = [aws_security_group.web.id]
}
resource "aws_db_subnet_group" "db" { subnet_ids = [aws_subnet.private.id] }
resource "aws_db_instance" "db" {
  engine                 = "postgres"
  instance_class         = "db.t3.micro"
  db_subnet_group_name   = aws_db_subnet_group.db.name
  vpc_security_group_ids = [aws_security_group.db.id]
  storage_encrypted      = true
}
resource "random_id" "x" { byte_length = 2 }
"""


def test_containment_public_subnets_and_security_group_flows(tmp_path: Path) -> None:
    design = import_terraform(write(tmp_path, {"main.tf": NETWORK}))
    nodes = design.nodes
    assert design.region == "eu-central-1"
    assert nodes["aws_subnet.public"].vpc == "aws_vpc.main"
    assert nodes["aws_subnet.public"].public is True
    assert nodes["aws_subnet.private"].public is not True
    assert nodes["aws_subnet.private"].zone == "eu-central-1b"
    assert nodes["aws_instance.web"].subnets == ["aws_subnet.public"]
    assert nodes["aws_instance.web"].security_groups == ["aws_security_group.web"]
    assert nodes["aws_db_instance.db"].subnets == ["aws_subnet.private"]
    assert nodes["aws_db_instance.db"].props["storage_encrypted"] is True
    flows = {(flow.source, flow.target, flow.port) for flow in design.flows}
    assert ("aws_instance.web", "aws_db_instance.db", 5432) in flows
    omitted = {entry.key: entry.detail for entry in design.report.omitted}
    assert omitted == {"random_id.x": "provider random: not AWS"}


def test_a_registry_vpc_module_gives_placeholder_containers(tmp_path: Path) -> None:
    write(tmp_path, {"main.tf": """\
        module "vpc" {
          source = "terraform-aws-modules/vpc/aws"
          public_subnets = ["10.0.1.0/24"]
        }
        resource "aws_db_subnet_group" "db" { subnet_ids = module.vpc.database_subnets }
        resource "aws_security_group" "db" { vpc_id = module.vpc.vpc_id }
        resource "aws_db_instance" "db" {
          engine = "mysql"
          db_subnet_group_name = aws_db_subnet_group.db.name
          vpc_security_group_ids = [aws_security_group.db.id]
        }
        resource "aws_instance" "bastion" { subnet_id = module.vpc.public_subnets[0] }
    """})
    design = import_terraform(tmp_path)
    vpc = design.nodes["module.vpc.vpc_id"]
    assert vpc.kind == "vpc" and vpc.placeholder
    database = design.nodes["module.vpc.database_subnets"]
    public = design.nodes["module.vpc.public_subnets"]
    assert database.kind == "subnet" and database.placeholder and database.vpc == "module.vpc.vpc_id"
    assert database.public is False and public.public is True
    assert design.nodes["aws_db_instance.db"].subnets == ["module.vpc.database_subnets"]
    assert design.nodes["aws_instance.bastion"].subnets == ["module.vpc.public_subnets"]
    assert any("module.vpc (source terraform-aws-modules/vpc/aws)" in text for text in design.report.assumptions)


def test_the_report_lists_unresolved_values_and_what_count_leaves_out(tmp_path: Path) -> None:
    write(tmp_path, {"main.tf": """\
        variable "password" {}
        resource "aws_db_instance" "db" { password = var.password }
        resource "aws_sqs_queue" "off" { count = 0 }
    """})
    report = import_terraform(tmp_path).report
    assert [(u.key, u.path) for u in report.unresolved] == [("aws_db_instance.db", "password")]
    assert [(e.key, e.detail) for e in report.skipped] == [("aws_sqs_queue.off", "not created: count is 0")]
    mapped = [(e.key, e.source_type, e.detail) for e in report.mapped]
    assert mapped == [("aws_db_instance.db", "aws_db_instance", "rds")]


def test_sources_are_recognised_by_content(tmp_path: Path) -> None:
    write(tmp_path, {"cfg/main.tf": 'resource "aws_sqs_queue" "q" {}\n'})
    plan = tmp_path / "plan.out"
    plan.write_text(json.dumps({"format_version": "1.0", "terraform_version": "1.5.0",
                                "planned_values": {"root_module": {}}}))
    assert is_importable(tmp_path / "cfg") and is_importable(tmp_path / "cfg" / "main.tf") and is_importable(plan)
    assert not is_importable(tmp_path)
    result = import_source(tmp_path / "cfg", variables={}, layout=False)
    assert list(result.design.nodes) == ["aws_sqs_queue.q"]


def test_wadesk_import_writes_a_design_with_vars(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, {"cfg/main.tf": """\
        variable "name" {}
        resource "aws_sqs_queue" "q" { name = var.name }
    """, "cfg/prod.tfvars": 'name = "from-file"\n'})
    out = tmp_path / "queue.wadesk"
    code = main(["import", str(tmp_path / "cfg"), "-o", str(out), "--var-file", str(tmp_path / "cfg/prod.tfvars")])
    assert code == 0
    assert out.is_file()
    assert "1 mapped" in capsys.readouterr().out
    assert main(["import", str(tmp_path / "cfg"), "-o", str(out), "--var", "name=x"]) == 0
    assert main(["import", str(tmp_path / "cfg"), "-o", str(out), "--var", "oops"]) == 2


def test_wadesk_check_points_sarif_at_the_tf_file_and_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, {"cfg/network.tf": NETWORK.replace("storage_encrypted      = true", "storage_encrypted = false")})
    code = main(["check", str(tmp_path / "cfg"), "--format", "sarif", "--fail-on", "never"])
    assert code == 0
    document = json.loads(capsys.readouterr().out)
    locations = {
        result["locations"][0]["logicalLocations"][0]["name"]: result["locations"][0]["physicalLocation"]
        for result in document["runs"][0]["results"]
    }
    database = locations["aws_db_instance.db"]
    assert database["artifactLocation"]["uri"].endswith("cfg/network.tf")
    assert database["region"]["startLine"] == NETWORK.splitlines().index('resource "aws_db_instance" "db" {') + 1


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ({"plan.json": '{"format_version": "1.0", '}, "JSON"),
        ({"plan.json": '{"format_version": "3.0", "planned_values": {}}'}, "format version 3.0 is not supported"),
        ({"cfg/main.tf": 'resource "aws_eip" "x" {\n  a = \n}\n'}, "main.tf:2: HCL syntax error"),
        (
            {
                "cfg/main.tf": 'module "m" {\n  source = "./m"\n}\n',
                "cfg/m/main.tf": 'module "m" {\n  source = "../m"\n}\n',
            },
            "module cycle",
        ),
    ],
)
def test_bad_sources_exit_2_with_a_clear_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], files: dict[str, str], message: str
) -> None:
    write(tmp_path, files)
    target = tmp_path / ("plan.json" if "plan.json" in files else "cfg")
    assert main(["check", str(target)]) == 2
    assert message in capsys.readouterr().err
    assert main(["import", str(target), "-o", str(tmp_path / "x.wadesk")]) == 2


def test_subnets_named_by_id_outside_the_source_become_placeholders(tmp_path: Path) -> None:
    plan = {"format_version": "1.2", "planned_values": {"root_module": {"resources": [{
        "address": "aws_lambda_function.f", "mode": "managed", "type": "aws_lambda_function", "name": "f",
        "provider_name": "registry.terraform.io/hashicorp/aws",
        "values": {"runtime": "python3.12", "reserved_concurrent_executions": -1,
                   "vpc_config": [{"subnet_ids": ["subnet-0123456789abcdef0"], "security_group_ids": []}]},
    }]}}}
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(plan))
    design = import_terraform(path)
    function = design.nodes["aws_lambda_function.f"]
    assert function.props["in_vpc"] is True and "reserved_concurrency" not in function.props
    assert function.subnets == ["subnet-0123456789abcdef0"]
    placeholder = design.nodes["subnet-0123456789abcdef0"]
    assert placeholder.placeholder and placeholder.kind == "subnet"
    assert not any("left at its default" in text for text in design.report.assumptions)


def test_a_policy_document_naming_a_table_gives_the_function_a_flow_to_it(tmp_path: Path) -> None:
    write(tmp_path, {"main.tf": """\
        resource "aws_dynamodb_table" "orders" { name = "orders" }
        data "aws_iam_policy_document" "assume" {
          statement {
            actions = ["sts:AssumeRole"]
            principals {
              type        = "Service"
              identifiers = ["lambda.amazonaws.com"]
            }
          }
        }
        data "aws_iam_policy_document" "access" {
          statement {
            actions   = ["dynamodb:PutItem"]
            resources = [aws_dynamodb_table.orders.arn]
          }
        }
        resource "aws_iam_role" "fn" { assume_role_policy = data.aws_iam_policy_document.assume.json }
        resource "aws_iam_role_policy" "fn" {
          role   = aws_iam_role.fn.id
          policy = data.aws_iam_policy_document.access.json
        }
        resource "aws_lambda_function" "fn" {
          function_name = "writer"
          role          = aws_iam_role.fn.arn
          runtime       = "python3.12"
        }
    """})
    source_design = import_terraform(tmp_path)
    flows = {(flow.source, flow.target) for flow in source_design.flows}
    assert ("aws_lambda_function.fn", "aws_dynamodb_table.orders") in flows


def test_a_policy_attachment_folds_into_every_role_it_names(tmp_path: Path) -> None:
    write(tmp_path, {"main.tf": """\
        resource "aws_iam_role" "a" { assume_role_policy = "{}" }
        resource "aws_iam_role" "b" { assume_role_policy = "{}" }
        resource "aws_iam_policy" "p" { policy = "{}" }
        resource "aws_iam_policy_attachment" "both" {
          name       = "both"
          roles      = [aws_iam_role.a.name, aws_iam_role.b.name]
          policy_arn = aws_iam_policy.p.arn
        }
    """})
    report = import_terraform(tmp_path).report
    assert ("aws_iam_policy_attachment.both", "aws_iam_role.a") in {(e.key, e.detail) for e in report.folded}
    assert "aws_iam_policy_attachment.both" not in {e.key for e in report.generic}


def test_a_default_security_group_without_rules_restricts_its_vpc(tmp_path: Path) -> None:
    write(tmp_path, {"main.tf": """\
        resource "aws_vpc" "open" { cidr_block = "10.0.0.0/16" }
        resource "aws_vpc" "closed" { cidr_block = "10.1.0.0/16" }
        resource "aws_default_security_group" "closed" { vpc_id = aws_vpc.closed.id }
        resource "aws_vpc" "kept" { cidr_block = "10.2.0.0/16" }
        resource "aws_default_security_group" "kept" {
          vpc_id = aws_vpc.kept.id
          ingress {
            protocol  = "-1"
            self      = true
            from_port = 0
            to_port   = 0
          }
        }
        resource "aws_vpc" "late" { cidr_block = "10.3.0.0/16" }
        resource "aws_default_security_group" "late" { vpc_id = aws_vpc.late.id }
        resource "aws_security_group_rule" "out" {
          type              = "egress"
          security_group_id = aws_default_security_group.late.id
          protocol          = "-1"
          from_port         = 0
          to_port           = 0
          cidr_blocks       = ["0.0.0.0/0"]
        }
    """})
    design = import_terraform(tmp_path)
    restricted = {key: node.props.get("default_sg_restricted", False)
                  for key, node in design.nodes.items() if node.kind == "vpc"}
    assert restricted == {"aws_vpc.open": False, "aws_vpc.closed": True, "aws_vpc.kept": False, "aws_vpc.late": False}
    # The adopted group is the VPC's default one: never "unused", reported by SEC-DEFAULT-SG-IN-USE when it has rules.
    assert all(design.nodes[f"aws_default_security_group.{name}"].props["is_default"]
               for name in ("closed", "kept", "late"))


def test_the_vpc_of_resources_that_name_none_is_not_judged(tmp_path: Path) -> None:
    write(tmp_path, {"main.tf": """\
        resource "aws_subnet" "a" { cidr_block = "10.0.0.0/24" }
        resource "aws_instance" "i" { subnet_id = aws_subnet.a.id }
    """})
    result = import_source(tmp_path, variables={}, layout=False)
    assert result.built.arch.props_of("vpc-unknown")["defined_elsewhere"] is True
    # Its flow logs and default security group are not in the source: nothing to judge.
    assert [f.key for f in analyse(result.built.arch).findings if f.node == "vpc-unknown"] == []


def test_a_well_known_registry_module_is_drawn_as_a_placeholder_of_what_it_makes(tmp_path: Path) -> None:
    write(tmp_path, {"main.tf": """\
        module "vpc" {
          source = "terraform-aws-modules/vpc/aws"
        }
        module "eks" {
          source          = "terraform-aws-modules/eks/aws"
          version         = "20.8.5"
          cluster_version = "1.29"
          subnet_ids      = module.vpc.private_subnets
        }
        module "db" {
          source            = "terraform-aws-modules/rds/aws"
          engine            = "mysql"
          storage_encrypted = false
          subnet_ids        = module.vpc.database_subnets
        }
        module "role" {
          source = "terraform-aws-modules/iam/aws//modules/iam-assumable-role"
        }
        module "other" {
          source = "cloudposse/eks-cluster/aws"
        }
    """})
    result = import_source(tmp_path, variables={}, layout=False)
    design, arch = result.design, result.built.arch
    eks = design.nodes["module.eks"]
    assert (eks.kind, eks.placeholder, eks.props["version"]) == ("eks_cluster", True, "1.29")
    assert eks.subnets == ["module.vpc.private_subnets"]
    assert eks.location is not None and eks.location.line == 4
    database = design.nodes["module.db"]
    assert database.kind == "rds" and database.props["engine"] == "mysql"
    assert database.subnets == ["module.vpc.database_subnets"]
    # Submodules and other namespaces do not promise one kind of resource.
    assert not {"module.role", "module.other"} & set(design.nodes)
    assert ("module.eks", "module terraform-aws-modules/eks/aws", "eks_cluster") in {
        (e.key, e.source_type, e.detail) for e in design.report.mapped
    }
    assert any("module.eks" in text and "placeholder" in text for text in design.report.assumptions)
    # Marked defined elsewhere: the module's settings (storage_encrypted false here) are not judged.
    assert arch.props_of("module.db")["defined_elsewhere"] is True
    assert [f.key for f in analyse(arch).findings if f.node in ("module.eks", "module.db")] == []
