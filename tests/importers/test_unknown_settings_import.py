"""A setting the source leaves unresolved is marked unknown on its node (with its expression), not taken as AWS's
default; a resolved one is a fact. CloudFormation, Terraform folders and Terraform plans."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path
from typing import Any

from wadesk.importers.api import import_source
from wadesk.model import Architecture


def _imported(path: Path, **options: Any) -> tuple[Architecture, str]:
    result = import_source(path, layout=False, **options)
    return result.built.arch, result.design.report.render_text()


def _tf(tmp_path: Path, text: str) -> Path:
    folder = tmp_path / "tf"
    folder.mkdir()
    (folder / "main.tf").write_text(textwrap.dedent(text))
    return folder


DB_TF = """
variable "enc" {}
resource "aws_db_instance" "db" {
  engine            = "mysql"
  instance_class    = "db.t3.micro"
  storage_encrypted = var.enc
  multi_az          = true
}
"""


def test_an_unset_variable_makes_the_setting_unknown(tmp_path: Path) -> None:
    arch, report = _imported(_tf(tmp_path, DB_TF))
    assert dict(arch.unknown_of("aws_db_instance.db")) == {"storage_encrypted": "var.enc"}
    assert arch.props_of("aws_db_instance.db")["multi_az"] is True  # what the source states stays a fact
    assert "storage_encrypted: var.enc" in report  # the report still lists it


def test_a_variable_given_a_value_or_a_default_is_known(tmp_path: Path) -> None:
    folder = _tf(tmp_path, DB_TF)
    arch, _ = _imported(folder, variables={"enc": "true"})
    assert not arch.unknown_of("aws_db_instance.db")
    assert arch.props_of("aws_db_instance.db")["storage_encrypted"] is True
    (folder / "main.tf").write_text(DB_TF.replace('variable "enc" {}', 'variable "enc" { default = false }'))
    arch, _ = _imported(folder)
    assert not arch.unknown_of("aws_db_instance.db")


def test_a_data_source_attribute_and_a_function_that_cannot_run_are_unknown(tmp_path: Path) -> None:
    arch, report = _imported(_tf(tmp_path, """
        data "aws_ssm_parameter" "enc" { name = "db-encrypted" }
        resource "aws_db_instance" "db" {
          engine            = "mysql"
          storage_encrypted = data.aws_ssm_parameter.enc.value
          multi_az          = jsondecode(file("absent.json")).multi_az
          deletion_protection = true
        }
    """))
    unknown = dict(arch.unknown_of("aws_db_instance.db"))
    assert unknown["storage_encrypted"] == "data.aws_ssm_parameter.enc.value"
    assert "absent.json" in unknown["multi_az"]
    assert "deletion_protection" not in unknown
    assert "data.aws_ssm_parameter.enc.value" in report  # listed, though the reader had nothing to say of it


def test_an_enumerated_setting_compared_to_a_word_is_unknown_too(tmp_path: Path) -> None:
    """The mapping reads ``status == "Enabled"``: an unresolved status is still seen to decide versioning."""
    arch, _ = _imported(_tf(tmp_path, """
        variable "status" {}
        resource "aws_s3_bucket" "b" { bucket = "b" }
        resource "aws_s3_bucket_versioning" "b" {
          bucket = aws_s3_bucket.b.id
          versioning_configuration { status = var.status }
        }
    """))
    assert dict(arch.unknown_of("aws_s3_bucket.b")) == {"versioning": "var.status"}


def _plan(tmp_path: Path, expressions: dict[str, Any]) -> Path:
    address = "aws_db_instance.db"
    values = {"engine": "mysql", "instance_class": "db.t3.micro", "multi_az": True}
    document = {
        "format_version": "1.2",
        "terraform_version": "1.9.0",
        "planned_values": {"root_module": {"resources": [{
            "address": address, "mode": "managed", "type": "aws_db_instance", "name": "db",
            "provider_name": "registry.terraform.io/hashicorp/aws", "values": values,
        }]}},
        "resource_changes": [{"address": address, "change": {
            "actions": ["create"], "after": values, "after_unknown": {"storage_encrypted": True, "arn": True},
        }}],
        "configuration": {"root_module": {"resources": [{
            "address": address, "mode": "managed", "type": "aws_db_instance", "name": "db",
            "expressions": {"engine": {"constant_value": "mysql"}, **expressions},
        }]}},
    }
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(document))
    return path


def test_a_plan_value_known_after_apply_that_the_configuration_sets_is_unknown(tmp_path: Path) -> None:
    path = _plan(tmp_path, {"storage_encrypted": {"references": ["var.enc"]}})
    arch, _ = _imported(path)
    assert "storage_encrypted" in arch.unknown_of("aws_db_instance.db")


def test_a_plan_value_the_configuration_leaves_to_aws_is_its_default_not_unknown(tmp_path: Path) -> None:
    arch, _ = _imported(_plan(tmp_path, {}))
    assert "storage_encrypted" not in arch.unknown_of("aws_db_instance.db")


STACK = """
Parameters:
  Enc: {Type: String}
Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: mysql
      DBInstanceClass: db.t3.micro
      StorageEncrypted: !Ref Enc
      MultiAZ: !ImportValue SharedMultiAz
      DeletionProtection: true
"""


def test_a_parameter_without_a_default_and_an_import_value_are_unknown(tmp_path: Path) -> None:
    path = tmp_path / "stack.yaml"
    path.write_text(STACK)
    arch, report = _imported(path)
    assert dict(arch.unknown_of("Db")) == {
        "storage_encrypted": "Ref Enc", "multi_az": "Fn::ImportValue SharedMultiAz"
    }
    assert "Db Properties.MultiAZ: Fn::ImportValue SharedMultiAz" in report


def test_a_parameter_given_a_value_is_known(tmp_path: Path) -> None:
    path = tmp_path / "stack.yaml"
    path.write_text(STACK.replace("Enc: {Type: String}", "Enc: {Type: String, Default: 'true'}"))
    arch, _ = _imported(path)
    assert "storage_encrypted" not in arch.unknown_of("Db")
    assert arch.props_of("Db")["storage_encrypted"] is True


def test_a_placeholder_lists_what_its_source_does_not_state(tmp_path: Path) -> None:
    """A registry module's database states its engine (equal to the default, still stated) and nothing else."""
    arch, _ = _imported(_tf(tmp_path, """
        module "db" {
          source = "terraform-aws-modules/rds/aws"
          engine = "mysql"
        }
    """))
    unknown = arch.unknown_of("module.db")
    assert "engine" not in unknown and "storage_encrypted" in unknown and "defined_elsewhere" not in unknown


def test_updating_from_the_source_once_the_variable_has_a_value_makes_it_known(tmp_path: Path) -> None:
    from wadesk.importers.update import plan_update

    folder = _tf(tmp_path, DB_TF)
    current, _ = _imported(folder)
    fresh, _ = _imported(folder, variables={"enc": "true"})
    plan = plan_update(current, fresh)
    plan.edit.apply(current)
    assert not current.unknown_of("aws_db_instance.db")
    assert current.props_of("aws_db_instance.db")["storage_encrypted"] is True
    plan.edit.revert(current)
    assert dict(current.unknown_of("aws_db_instance.db")) == {"storage_encrypted": "var.enc"}


def _judged(arch: Architecture) -> tuple[set[str], set[str]]:
    from wadesk.analysis.engine import analyse

    result = analyse(arch)
    return {f.key for f in result.findings}, {u.finding.key for u in result.unjudged}


def test_the_finding_is_set_aside_when_unresolved_and_stays_when_resolved(tmp_path: Path) -> None:
    folder = _tf(tmp_path, DB_TF)
    found, set_aside = _judged(_imported(folder)[0])
    assert "SEC-DB-UNENCRYPTED@aws_db_instance.db" in set_aside - found
    found, set_aside = _judged(_imported(folder, variables={"enc": "false"})[0])
    assert "SEC-DB-UNENCRYPTED@aws_db_instance.db" in found - set_aside


def test_a_plan_finding_is_set_aside_only_when_the_configuration_sets_the_value(tmp_path: Path) -> None:
    key = "SEC-DB-UNENCRYPTED@aws_db_instance.db"
    found, set_aside = _judged(_imported(_plan(tmp_path, {"storage_encrypted": {"references": ["var.enc"]}}))[0])
    assert key in set_aside and key not in found
    found, set_aside = _judged(_imported(_plan(tmp_path, {}))[0])  # AWS's default applies: unencrypted
    assert key in found and key not in set_aside


def test_a_load_balancer_attribute_names_the_parameter_it_comes_from(tmp_path: Path) -> None:
    path = tmp_path / "lb.yaml"
    path.write_text(textwrap.dedent("""\
        Parameters:
          Scheme: {Type: String}
          Idle: {Type: String}
          Protect: {Type: String}
        Resources:
          Lb:
            Type: AWS::ElasticLoadBalancingV2::LoadBalancer
            Properties:
              Scheme: !Ref Scheme
              LoadBalancerAttributes:
                - {Key: idle_timeout.timeout_seconds, Value: !Ref Idle}
                - {Key: deletion_protection.enabled, Value: !Ref Protect}
    """))
    arch, _ = _imported(path)
    unknown = arch.unknown_of("Lb")
    assert unknown["deletion_protection"] == "Ref Protect" and unknown["scheme"] == "Ref Scheme"
