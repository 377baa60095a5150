"""Where a plan's resource sits when the configuration leaves its placement to AWS, and classic balancers named by
name: no placeholder 'known after apply' networks, no flow lost (found on real plans)."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path
from typing import Any

from wadesk.importers.ir import ImportedDesign
from wadesk.importers.terraform.importer import import_terraform

AWS = "registry.terraform.io/hashicorp/aws"


def plan(tmp_path: Path, resources: list[tuple[str, dict[str, Any], dict[str, Any], dict[str, Any]]]) -> Path:
    """A plan of (address, planned values, after_unknown, configuration expressions) tuples."""
    planned, changes, configured = [], [], []
    for address, values, unknown, expressions in resources:
        kind, name = address.split(".")
        planned.append({"address": address, "mode": "managed", "type": kind, "name": name,
                        "provider_name": AWS, "values": values})
        changes.append({"address": address, "change": {"actions": ["create"], "after_unknown": unknown}})
        configured.append({"address": address, "mode": "managed", "type": kind, "name": name,
                           "expressions": expressions})
    document = {"format_version": "1.2", "planned_values": {"root_module": {"resources": planned}},
                "resource_changes": changes, "configuration": {"root_module": {"resources": configured}}}
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(document))
    return path


def placeholders(design: ImportedDesign) -> list[str]:
    return [key for key in design.nodes if key.startswith("unresolved:")]


ZONES = ["us-east-1a", "us-east-1b"]


def test_resources_that_name_no_network_sit_in_the_default_vpc_not_in_an_unknown_one(tmp_path: Path) -> None:
    design = import_terraform(plan(tmp_path, [
        ("aws_security_group.web", {"name": "web"}, {"vpc_id": True, "id": True}, {"name": {"constant_value": "web"}}),
        ("aws_elb.front", {"availability_zones": ZONES, "listener": [
            {"instance_port": 80, "instance_protocol": "http", "lb_port": 80, "lb_protocol": "http"}]},
         {"subnets": True}, {"availability_zones": {"constant_value": ZONES}}),
        ("aws_autoscaling_group.web", {"availability_zones": ZONES, "min_size": 2, "max_size": 2},
         {"vpc_zone_identifier": True}, {"availability_zones": {"constant_value": ZONES}}),
        ("aws_instance.box", {"instance_type": "t3.micro"}, {"subnet_id": True, "vpc_security_group_ids": True},
         {"instance_type": {"constant_value": "t3.micro"},
          "vpc_security_group_ids": {"references": ["aws_security_group.web.id", "aws_security_group.web"]}}),
    ]))
    assert placeholders(design) == []
    for key in ("aws_elb.front", "aws_autoscaling_group.web", "aws_instance.box"):
        assert design.nodes[key].subnets == ["default-subnets"], key
    assert design.nodes["aws_instance.box"].security_groups == ["aws_security_group.web"]
    assert design.nodes["aws_security_group.web"].vpc == "default-vpc"


def test_a_subnet_the_configuration_sets_but_the_plan_does_not_know_stays_unknown(tmp_path: Path) -> None:
    # Near miss: the configuration names the subnet through a variable the plan cannot show.
    design = import_terraform(plan(tmp_path, [
        ("aws_instance.box", {"instance_type": "t3.micro"}, {"subnet_id": True},
         {"subnet_id": {"references": ["var.subnet"]}}),
    ]))
    assert design.nodes["aws_instance.box"].subnets != ["default-subnets"]


CLASSIC = """\
resource "aws_elb" "front" {
  name               = "front-elb"
  availability_zones = ["us-east-1a"]
  listener {
    instance_port     = 8080
    instance_protocol = "http"
    lb_port           = 80
    lb_protocol       = "http"
  }
}
resource "aws_launch_configuration" "web" {
  image_id      = "ami-1"
  instance_type = "t3.micro"
}
resource "aws_autoscaling_group" "web" {
  availability_zones   = ["us-east-1a"]
  launch_configuration = aws_launch_configuration.web.name
  min_size             = 2
  max_size             = 2
  load_balancers       = ["%s"]
}
"""


def test_a_group_names_its_classic_balancer_by_name(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text(textwrap.dedent(CLASSIC % "front-elb"))
    flows = {(flow.source, flow.target) for flow in import_terraform(tmp_path).flows}
    assert ("aws_elb.front", "aws_autoscaling_group.web") in flows


def test_a_name_no_balancer_of_the_source_has_reaches_nothing(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text(textwrap.dedent(CLASSIC % "someone-elses-elb"))
    flows = {(flow.source, flow.target) for flow in import_terraform(tmp_path).flows}
    assert ("aws_elb.front", "aws_autoscaling_group.web") not in flows
