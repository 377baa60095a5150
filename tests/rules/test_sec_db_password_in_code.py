"""SEC-DB-PASSWORD-IN-CODE and SEC-DB-PASSWORD-VISIBLE: where a database's master password comes from."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
from designkit import design, hits, key

from wadesk.analysis.engine import analyse
from wadesk.importers.cfn.importer import import_template
from wadesk.importers.terraform.importer import import_terraform
from wadesk.rules.security.db_password_in_code import RULE
from wadesk.rules.security.db_password_visible import RULE as VISIBLE


def test_empty_design_and_a_drawing_that_says_nothing_have_no_finding() -> None:
    assert hits(RULE, design()) == set()
    drawn = design([("db", "rds"), ("dw", "redshift"), ("docs", "documentdb"), ("search", "opensearch")])
    assert hits(RULE, drawn) == set() and hits(VISIBLE, drawn) == set()


@pytest.mark.parametrize("kind", ["rds", "aurora", "documentdb", "redshift", "opensearch"])
def test_a_password_in_the_code_is_reported_saying_where(kind: str) -> None:
    arch = design(
        [("lit", kind, None, {"master_password": "literal"}), ("def", kind, None, {"master_password": "default"})]
    )
    result = analyse(arch, [RULE])
    assert {f.key for f in result.findings} == {key(RULE, "lit"), key(RULE, "def")}
    messages = {f.node: f.message for f in result.findings}
    assert "as a literal" in messages["lit"] and "default value" in messages["def"]
    assert all(f.severity == "high" for f in result.findings)


@pytest.mark.parametrize(
    "origin", ["not_stated", "managed", "secret_store", "generated", "deploy_input", "visible_input"]
)
def test_passwords_kept_out_of_the_code_pass(origin: str) -> None:
    assert hits(RULE, design([("db", "aurora", None, {"master_password": origin})])) == set()


def test_a_parameter_that_is_not_noecho_is_a_low_finding_of_its_own() -> None:
    arch = design(
        [
            ("db", "rds", None, {"master_password": "visible_input"}),
            ("ok", "rds", None, {"master_password": "deploy_input"}),
        ]
    )
    assert hits(VISIBLE, arch) == {key(VISIBLE, "db")}
    assert hits(RULE, arch) == set()


TEMPLATE = """\
AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  DefaultPw: {Type: String, NoEcho: true, Default: hunter22hunter}
  EchoPw: {Type: String}
  SecretPw: {Type: String, NoEcho: true}
  FromSsm: {Type: "AWS::SSM::Parameter::Value<String>", Default: /db/password}
Resources:
  Literal:
    Type: AWS::RDS::DBInstance
    Properties: {Engine: mysql, DBInstanceClass: db.t3.micro, MasterUsername: admin, MasterUserPassword: "pa55word"}
  Defaulted:
    Type: AWS::RDS::DBInstance
    Properties: {Engine: mysql, DBInstanceClass: db.t3.micro, MasterUsername: admin, MasterUserPassword: !Ref DefaultPw}
  Echoed:
    Type: AWS::RDS::DBCluster
    Properties: {Engine: aurora-mysql, MasterUsername: admin, MasterUserPassword: !Ref EchoPw}
  AtDeploy:
    Type: AWS::DocDB::DBCluster
    Properties: {MasterUsername: admin, MasterUserPassword: !Ref SecretPw}
  Managed:
    Type: AWS::RDS::DBInstance
    Properties: {Engine: postgres, DBInstanceClass: db.t3.micro, MasterUsername: admin, ManageMasterUserPassword: true}
  Secret:
    Type: AWS::SecretsManager::Secret
    Properties: {GenerateSecretString: {GenerateStringKey: password, SecretStringTemplate: '{"u":"a"}'}}
  Resolved:
    Type: AWS::Redshift::Cluster
    Properties:
      NodeType: ra3.xlplus
      ClusterType: single-node
      DBName: dev
      MasterUsername: admin
      MasterUserPassword: !Sub "{{resolve:secretsmanager:${Secret}:SecretString:password}}"
  Ssm:
    Type: AWS::RDS::DBInstance
    Properties: {Engine: mysql, DBInstanceClass: db.t3.micro, MasterUsername: admin, MasterUserPassword: !Ref FromSsm}
  Search:
    Type: AWS::OpenSearchService::Domain
    Properties:
      AdvancedSecurityOptions:
        Enabled: true
        InternalUserDatabaseEnabled: true
        MasterUserOptions: {MasterUserName: admin, MasterUserPassword: !Join ["", ["Abc", "123!"]]}
  Replica:
    Type: AWS::RDS::DBInstance
    Properties: {SourceDBInstanceIdentifier: !Ref Managed, DBInstanceClass: db.t3.micro}
"""


def test_cloudformation_import_tells_where_each_password_comes_from(tmp_path: Path) -> None:
    path = tmp_path / "stack.yaml"
    path.write_text(TEMPLATE)
    nodes = import_template(path).nodes
    found = {
        key: nodes[key].props.get("master_password")
        for key in nodes
        if nodes[key].kind not in ("region", "vpc", "subnet")
    }
    assert found == {
        "Literal": "literal",
        "Defaulted": "default",
        "Echoed": "visible_input",
        "AtDeploy": "deploy_input",
        "Managed": "managed",
        "Secret": None,
        "Resolved": "secret_store",
        "Ssm": "secret_store",
        "Search": "literal",
        "Replica": None,
    }


def test_a_parameter_given_a_value_for_the_import_is_given_at_deploy(tmp_path: Path) -> None:
    path = tmp_path / "stack.yaml"
    path.write_text(TEMPLATE)
    nodes = import_template(path, {"DefaultPw": "other-value-1"}).nodes
    assert nodes["Defaulted"].props["master_password"] == "deploy_input"


CONFIGURATION = """\
variable "with_default" {
  default = "s3cr3t-in-code"
}
variable "at_apply" {
  sensitive = true
}
resource "random_password" "db" {
  length = 24
}
data "aws_secretsmanager_secret_version" "db" {
  secret_id = "prod/db"
}
resource "aws_db_instance" "literal" {
  engine = "mysql"
  instance_class = "db.t3.micro"
  password = "pa55word"
}
resource "aws_db_instance" "defaulted" {
  engine = "mysql"
  instance_class = "db.t3.micro"
  password = "${var.with_default}"
}
resource "aws_rds_cluster" "at_apply" {
  engine = "aurora-postgresql"
  master_password = var.at_apply
}
resource "aws_docdb_cluster" "generated" {
  master_password = random_password.db.result
}
resource "aws_redshift_cluster" "stored" {
  cluster_identifier = "dw"
  node_type = "ra3.xlplus"
  master_password = jsondecode(data.aws_secretsmanager_secret_version.db.secret_string)["password"]
}
resource "aws_db_instance" "managed" {
  engine = "postgres"
  instance_class = "db.t3.micro"
  manage_master_user_password = true
}
resource "aws_opensearch_domain" "search" {
  domain_name = "search"
  advanced_security_options {
    enabled = true
    internal_user_database_enabled = true
    master_user_options {
      master_user_name = "admin"
      master_user_password = var.with_default
    }
  }
}
"""


def test_terraform_configuration_tells_where_each_password_comes_from(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text(textwrap.dedent(CONFIGURATION))
    nodes = import_terraform(tmp_path).nodes
    assert {key: nodes[key].props.get("master_password") for key in nodes if key.startswith("aws_")} == {
        "aws_db_instance.literal": "literal",
        "aws_db_instance.defaulted": "default",
        "aws_rds_cluster.at_apply": "deploy_input",
        "aws_docdb_cluster.generated": "generated",
        "aws_redshift_cluster.stored": "secret_store",
        "aws_db_instance.managed": "managed",
        "aws_opensearch_domain.search": "default",
    }


def test_a_variable_given_a_value_is_not_its_default(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text(textwrap.dedent(CONFIGURATION))
    (tmp_path / "terraform.tfvars").write_text('with_default = "from-the-pipeline"\n')
    nodes = import_terraform(tmp_path).nodes
    assert nodes["aws_db_instance.defaulted"].props["master_password"] == "deploy_input"


def test_terraform_plan_tells_where_each_password_comes_from(tmp_path: Path) -> None:
    def resource(address: str, values: dict[str, object]) -> dict[str, object]:
        kind, name = address.split(".")
        return {
            "address": address,
            "mode": "managed",
            "type": kind,
            "name": name,
            "values": values,
            "provider_name": "registry.terraform.io/hashicorp/aws",
        }

    def declared(address: str, expressions: dict[str, object]) -> dict[str, object]:
        kind, name = address.split(".")
        return {"address": address, "mode": "managed", "type": kind, "name": name, "expressions": expressions}

    plan = {
        "format_version": "1.2",
        "variables": {"pw": {"value": "default-pw"}, "given": {"value": "from-ci"}},
        "planned_values": {
            "root_module": {
                "resources": [
                    resource("aws_db_instance.a", {"engine": "mysql", "password": "default-pw"}),
                    resource("aws_db_instance.b", {"engine": "mysql", "password": "from-ci"}),
                    resource("aws_db_instance.c", {"engine": "mysql", "password": "literal-pw"}),
                    resource("aws_db_instance.d", {"engine": "mysql", "manage_master_user_password": True}),
                ]
            }
        },
        "configuration": {
            "root_module": {
                "variables": {"pw": {"default": "default-pw"}, "given": {"default": "x"}},
                "resources": [
                    declared("aws_db_instance.a", {"password": {"references": ["var.pw"]}}),
                    declared("aws_db_instance.b", {"password": {"references": ["var.given"]}}),
                    declared("aws_db_instance.c", {"password": {"constant_value": "literal-pw"}}),
                    declared("aws_db_instance.d", {"manage_master_user_password": {"constant_value": True}}),
                ],
            }
        },
    }
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(plan))
    nodes = import_terraform(path).nodes
    assert {k: nodes[k].props.get("master_password") for k in [f"aws_db_instance.{x}" for x in "abcd"]} == {
        "aws_db_instance.a": "default",
        "aws_db_instance.b": "deploy_input",
        "aws_db_instance.c": "literal",
        "aws_db_instance.d": "managed",
    }
