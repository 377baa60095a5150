"""Both importers carry security-group rules whose peer is another group (``group_rules``), descriptions included."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path
from typing import Any

from tests.importers.cfnkit import R, template
from wadesk.analysis.engine import analyse
from wadesk.importers.build import build_architecture
from wadesk.importers.cfn.importer import map_template
from wadesk.importers.terraform.importer import import_terraform
from wadesk.rules.security.sg_rule_no_description import RULE


def _group(**props: Any) -> tuple[str, dict[str, Any]]:
    return ("AWS::EC2::SecurityGroup", {"GroupDescription": "g", "VpcId": "vpc-1", **props})


def _rules(design: Any, key: str) -> list[dict[str, Any]]:
    return list(design.nodes[key].props.get("group_rules", []))


# ------------------------------------------------------------------ CloudFormation
def test_cfn_inline_and_standalone_rules_from_and_to_groups() -> None:
    design = map_template(template({
        "Web": _group(SecurityGroupEgress=[
            {"IpProtocol": "tcp", "FromPort": 3306, "ToPort": 3306, "DestinationSecurityGroupId": R("Db", "GroupId")},
        ]),
        "Db": _group(SecurityGroupIngress=[
            {"IpProtocol": "tcp", "FromPort": 3306, "ToPort": 3306, "SourceSecurityGroupId": R("Web", "GroupId"),
             "Description": "app servers"},
            {"IpProtocol": "tcp", "FromPort": 5432, "ToPort": 5432, "CidrIp": "10.0.0.0/16"},
        ]),
        "SelfIn": ("AWS::EC2::SecurityGroupIngress", {
            "GroupId": R("Db"), "IpProtocol": "-1", "SourceSecurityGroupId": R("Db")}),
        "Outside": ("AWS::EC2::SecurityGroupIngress", {
            "GroupId": R("Db"), "IpProtocol": "tcp", "FromPort": 22, "ToPort": 22,
            "SourceSecurityGroupId": "sg-0123456789abcdef0"}),
    }))
    assert _rules(design, "Web") == [
        {"direction": "egress", "peer": "Db", "port_from": 3306, "port_to": 3306, "protocol": "tcp"}]
    db = _rules(design, "Db")
    assert [(r["peer"], r["port_from"], r.get("description", "")) for r in db] == [
        ("Web", 3306, "app servers"), ("Db", 0, ""), ("sg-0123456789abcdef0", 22, "")]
    assert db[1]["protocol"] == "-1" and db[1]["port_to"] == 65535
    # the CIDR rule stays an ordinary ingress rule, and no group rule is also a CIDR rule
    assert [r["cidr"] for r in design.nodes["Db"].props["ingress"]] == ["10.0.0.0/16"]


def test_cfn_the_rule_reports_the_undescribed_group_rules_by_peer() -> None:
    design = map_template(template({
        "Web": _group(),
        "Db": _group(SecurityGroupIngress=[
            {"IpProtocol": "tcp", "FromPort": 3306, "ToPort": 3306, "SourceSecurityGroupId": R("Web", "GroupId")},
            {"IpProtocol": "tcp", "FromPort": 3307, "ToPort": 3307, "SourceSecurityGroupId": R("Web", "GroupId"),
             "Description": "replication"},
        ]),
        "SelfIn": ("AWS::EC2::SecurityGroupIngress", {"GroupId": R("Web"), "IpProtocol": "-1",
                                                      "SourceSecurityGroupId": R("Web")}),
    }))
    findings = {f.node: f.message for f in analyse(build_architecture(design, layout=False).arch, [RULE]).findings}
    assert findings == {
        "Db": "Db has a rule with no description: ingress tcp 3306 from security group Web.",
        "Web": "Web has a rule with no description: ingress all traffic from the group's own members.",
    }


def test_cfn_described_group_rules_pass() -> None:
    design = map_template(template({
        "Web": _group(),
        "Db": _group(SecurityGroupIngress=[
            {"IpProtocol": "tcp", "FromPort": 3306, "ToPort": 3306, "SourceSecurityGroupId": R("Web", "GroupId"),
             "Description": "app servers"}]),
    }))
    assert analyse(build_architecture(design, layout=False).arch, [RULE]).findings == ()


# ------------------------------------------------------------------ Terraform
TERRAFORM = """\
resource "aws_security_group" "web" {
  vpc_id = "vpc-1"
  ingress {
    from_port       = 443
    to_port         = 443
    protocol        = "tcp"
    security_groups = [aws_security_group.lb.id]
  }
  ingress {
    from_port = 0
    to_port   = 0
    protocol  = "-1"
    self      = true
    description = "cluster peers"
  }
}
resource "aws_security_group" "lb" {
  vpc_id = "vpc-1"
}
resource "aws_security_group" "db" {
  vpc_id = "vpc-1"
}
resource "aws_security_group_rule" "db_from_web" {
  type                     = "ingress"
  security_group_id        = aws_security_group.db.id
  source_security_group_id = aws_security_group.web.id
  from_port                = 5432
  to_port                  = 5432
  protocol                 = "tcp"
}
resource "aws_vpc_security_group_ingress_rule" "db_from_lb" {
  security_group_id            = aws_security_group.db.id
  referenced_security_group_id = aws_security_group.lb.id
  from_port                    = 5432
  to_port                      = 5432
  ip_protocol                  = "tcp"
  description                  = "health checks"
}
resource "aws_vpc_security_group_egress_rule" "lb_to_web" {
  security_group_id            = aws_security_group.lb.id
  referenced_security_group_id = aws_security_group.web.id
  from_port                    = 443
  to_port                      = 443
  ip_protocol                  = "tcp"
}
"""


def test_terraform_fills_group_rules_from_blocks_and_rule_resources(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text(textwrap.dedent(TERRAFORM))
    design = import_terraform(tmp_path)
    web = [(r["direction"], r["peer"], r["port_from"], r.get("description", ""))
           for r in _rules(design, "aws_security_group.web")]
    assert web == [("ingress", "aws_security_group.lb", 443, ""),
                   ("ingress", "aws_security_group.web", 0, "cluster peers")]
    db = [(r["direction"], r["peer"], r["port_from"], r.get("description", ""))
          for r in _rules(design, "aws_security_group.db")]
    assert sorted(db) == [("ingress", "aws_security_group.lb", 5432, "health checks"),
                          ("ingress", "aws_security_group.web", 5432, "")]
    assert [(r["direction"], r["peer"]) for r in _rules(design, "aws_security_group.lb")] == [
        ("egress", "aws_security_group.web")]
    findings = {f.node for f in analyse(build_architecture(design, layout=False).arch, [RULE]).findings}
    assert findings == {"aws_security_group.web", "aws_security_group.db", "aws_security_group.lb"}


def _plan_resource(address: str, values: dict[str, Any]) -> dict[str, Any]:
    kind, name = address.split(".")
    return {"address": address, "mode": "managed", "type": kind, "name": name,
            "provider_name": "registry.terraform.io/hashicorp/aws", "values": values}


def test_terraform_plan_a_source_group_the_provider_fills_in_is_no_peer(tmp_path: Path) -> None:
    """A rule whose configuration names no source group: the plan's value is the provider's, not a group."""
    rule = {"type": "egress", "protocol": "-1", "from_port": 0, "to_port": 0, "cidr_blocks": [],
            "security_group_id": "sg-1", "description": None}
    named = {**rule, "type": "ingress", "protocol": "tcp", "from_port": 443, "to_port": 443}
    plan = {
        "format_version": "1.2",
        "terraform_version": "1.9.0",
        "planned_values": {"root_module": {"resources": [
            _plan_resource("aws_security_group.app", {"vpc_id": "vpc-1", "description": ""}),
            _plan_resource("aws_security_group.lb", {"vpc_id": "vpc-1", "description": ""}),
            _plan_resource("aws_security_group_rule.out", rule),
            _plan_resource("aws_security_group_rule.in", named),
        ]}},
        "resource_changes": [
            {"address": address, "change": {"actions": ["create"], "after_unknown": unknown}}
            for address, unknown in (
                ("aws_security_group.app", {"id": True}),
                ("aws_security_group.lb", {"id": True}),
                ("aws_security_group_rule.out", {"id": True, "security_group_id": True,
                                                 "source_security_group_id": True}),
                ("aws_security_group_rule.in", {"id": True, "security_group_id": True,
                                                "source_security_group_id": True}),
            )
        ],
        "configuration": {"root_module": {"resources": [
            {"address": "aws_security_group_rule.out", "mode": "managed", "type": "aws_security_group_rule",
             "name": "out", "expressions": {"security_group_id": {"references": ["aws_security_group.app.id",
                                                                                 "aws_security_group.app"]}}},
            {"address": "aws_security_group_rule.in", "mode": "managed", "type": "aws_security_group_rule",
             "name": "in", "expressions": {
                 "security_group_id": {"references": ["aws_security_group.app.id", "aws_security_group.app"]},
                 "source_security_group_id": {"references": ["aws_security_group.lb.id", "aws_security_group.lb"]},
             }},
        ]}},
    }
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(plan))
    rules = _rules(import_terraform(path), "aws_security_group.app")
    assert [(r["direction"], r["peer"], r["port_from"]) for r in rules] == [("ingress", "aws_security_group.lb", 443)]
