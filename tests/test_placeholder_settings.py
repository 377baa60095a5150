"""A placeholder's settings are unknown: importers state none they do not read, and no finding rests on one."""

from __future__ import annotations

import textwrap
import typing
from pathlib import Path
from typing import Any

import pytest
from designkit import design

from wadesk.analysis.engine import analyse
from wadesk.catalog import CATALOG
from wadesk.catalog.placeholders import unknown_settings
from wadesk.importers.api import import_source
from wadesk.model import Architecture

#: Registry modules that are not on disk, used by resources of the configuration.
MODULES_TF = """
module "vpc" {
  source = "terraform-aws-modules/vpc/aws"
}
module "db" {
  source     = "terraform-aws-modules/rds/aws"
  engine     = "mysql"
  subnet_ids = module.vpc.private_subnets
}
module "instance" {
  source = "terraform-aws-modules/ec2-instance/aws"
}
module "lb" {
  source  = "terraform-aws-modules/alb/aws"
  subnets = module.vpc.public_subnets
}
module "files" {
  source = "terraform-aws-modules/efs/aws"
}
resource "aws_instance" "app" {
  subnet_id     = module.vpc.private_subnets[0]
  instance_type = "t3.small"
}
resource "aws_lb_target_group" "app" {
  port     = 80
  protocol = "HTTP"
  vpc_id   = module.vpc.vpc_id
}
"""

#: A stack that uses another stack's network and security group.
STACK_YAML = """
Parameters:
  Subnet: {Type: 'AWS::EC2::Subnet::Id'}
  WebGroup: {Type: 'AWS::EC2::SecurityGroup::Id'}
Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: mysql
      DBInstanceClass: db.t3.micro
      StorageEncrypted: true
      DBSubnetGroupName: !Ref DbSubnets
  DbSubnets:
    Type: AWS::RDS::DBSubnetGroup
    Properties:
      DBSubnetGroupDescription: db
      SubnetIds: [!ImportValue shared-private-a, !ImportValue shared-private-b]
  Web:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-12345678
      SubnetId: !Ref Subnet
      SecurityGroupIds: [!Ref WebGroup]
"""


def _import(tmp_path: Path, name: str, text: str) -> Architecture:
    path = tmp_path / name
    if name.endswith(".tf"):
        path = tmp_path / "infra"
        path.mkdir()
        (path / "main.tf").write_text(textwrap.dedent(text))
    else:
        path.write_text(textwrap.dedent(text))
    return import_source(path, variables={}, layout=False).built.arch


def _other_values(kind: str, name: str, value: Any) -> list[Any]:
    """A few other values a setting could have, so a finding that rests on it changes."""
    annotation = CATALOG.get(kind).props_schema.model_fields[name].annotation
    if annotation is bool:
        return [not value]
    if typing.get_origin(annotation) is typing.Literal:
        return [choice for choice in typing.get_args(annotation) if choice != value]
    if annotation is int:
        return [0, 2, 35]
    if name == "availability_zone":
        return ["us-east-1a"]
    if name == "ingress":
        return [[{"cidr": "0.0.0.0/0", "port_from": 0, "port_to": 65535, "protocol": "-1"}]]
    return []


def _findings(arch: Architecture) -> set[tuple[str, str | None, str]]:
    return {(f.rule, f.node, f.message) for f in analyse(arch).findings}


def _assert_no_finding_rests_on_unknown_settings(arch: Architecture) -> int:
    placeholders = [node.id for node in arch.nodes() if node.props.get("defined_elsewhere")]
    assert placeholders
    before = _findings(arch)
    assert not [f for f in before if f[1] in placeholders]
    tried = 0
    for node_id in placeholders:
        kind = arch.kind_of(node_id)
        for name in unknown_settings(CATALOG, kind, arch.props_of(node_id)):
            value = arch.props_of(node_id)[name]
            for other in _other_values(kind, name, value):
                arch.set_property(node_id, name, other)
                # A finding may appear once a value is known; none that is reported may depend on one.
                assert before <= _findings(arch), f"{node_id}.{name} = {other!r} changes what is reported"
                arch.set_property(node_id, name, value)
                tried += 1
    return tried


def test_a_registry_module_states_only_what_its_inputs_say(tmp_path: Path) -> None:
    arch = _import(tmp_path, "main.tf", MODULES_TF)
    # No input: nothing is stated, so nothing differs from the catalog's defaults (not public_ip, not m1.small).
    for node_id, kind in (("module.instance", "ec2"), ("module.files", "efs"), ("module.lb", "alb")):
        stated = {k: v for k, v in arch.props_of(node_id).items() if CATALOG.defaults(kind)[k] != v}
        assert stated == {"defined_elsewhere": True} or set(stated) == {"defined_elsewhere", "subnets"}, node_id
    # An input is read, even when it equals what the mapping would assume without it (engine "mysql").
    assert arch.props_of("module.db")["engine"] == "mysql"
    assert arch.props_of("module.db")["publicly_accessible"] is False
    assert "engine" not in unknown_settings(CATALOG, "rds", arch.props_of("module.db"))
    assert "storage_encrypted" in unknown_settings(CATALOG, "rds", arch.props_of("module.db"))


@pytest.mark.parametrize(("name", "text"), [("main.tf", MODULES_TF), ("stack.yaml", STACK_YAML)])
def test_no_finding_of_an_import_rests_on_a_placeholders_unknown_settings(tmp_path: Path, name: str, text: str) -> None:
    assert _assert_no_finding_rests_on_unknown_settings(_import(tmp_path, name, text)) > 5


def test_no_finding_rests_on_the_settings_of_an_instance_or_group_defined_elsewhere() -> None:
    elsewhere = {"defined_elsewhere": True}
    arch = design(
        [
            ("admins", "internet"),
            ("asg", "auto_scaling_group", None, {"min_size": 2, "max_size": 4}),
            ("module-instance", "ec2", "asg", elsewhere),
            ("shared-sg", "security_group", None, elsewhere),
            ("web", "ec2", "shared-sg"),
        ],
        [("admins", "web", {"protocol": "tcp", "port": 22})],
    )
    assert _assert_no_finding_rests_on_unknown_settings(arch) > 5
    # The drawn flow is the design's own: it is still reported, on the instance it reaches.
    assert ("SEC-SG-OPEN-ADMIN", "web") in {(rule, node) for rule, node, _ in _findings(arch)}


def test_only_a_placeholders_unstated_settings_are_unknown() -> None:
    assert unknown_settings(CATALOG, "vpc", CATALOG.defaults("vpc")) == []
    vpc = {**CATALOG.defaults("vpc"), "defined_elsewhere": True, "cidr": "172.31.0.0/16"}
    assert unknown_settings(CATALOG, "vpc", vpc) == ["flow_logs", "default_sg_restricted"]
    # A hosted zone's records are drawn: only the zone's own query logging is elsewhere.
    zone = {**CATALOG.defaults("route53"), "defined_elsewhere": True}
    assert unknown_settings(CATALOG, "route53", zone) == ["query_logging"]
