"""Network interfaces fold into their instance; VPC links and Cloud Map carry an API's flow to private targets."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

from cfnkit import R, template

from wadesk.importers.cfn.importer import map_template
from wadesk.importers.ir import ImportedDesign
from wadesk.importers.terraform.importer import import_terraform

NETWORK = """\
resource "aws_vpc" "main" { cidr_block = "10.0.0.0/16" }
resource "aws_subnet" "a" {
  vpc_id            = aws_vpc.main.id
  cidr_block        = "10.0.1.0/24"
  availability_zone = "eu-west-1a"
}
resource "aws_subnet" "b" {
  vpc_id            = aws_vpc.main.id
  cidr_block        = "10.0.2.0/24"
  availability_zone = "eu-west-1b"
}
resource "aws_security_group" "web" { vpc_id = aws_vpc.main.id }
resource "aws_security_group" "mgmt" { vpc_id = aws_vpc.main.id }
"""

INTERFACES = """\
resource "aws_network_interface" "primary" {
  subnet_id       = aws_subnet.a.id
  security_groups = [aws_security_group.web.id]
}
resource "aws_network_interface" "second" {
  subnet_id = aws_subnet.b.id
  attachment {
    instance     = aws_instance.web.id
    device_index = 1
  }
}
resource "aws_network_interface_sg_attachment" "mgmt" {
  security_group_id    = aws_security_group.mgmt.id
  network_interface_id = aws_network_interface.second.id
}
resource "aws_network_interface" "spare" { subnet_id = aws_subnet.b.id }
resource "aws_eip" "spare" { network_interface = aws_network_interface.spare.id }
resource "aws_instance" "web" {
  ami           = "ami-1"
  instance_type = "t3.micro"
  network_interface {
    network_interface_id = aws_network_interface.primary.id
    device_index         = 0
  }
}
"""

HTTP_API = """\
resource "aws_lb" "internal" {
  internal           = true
  load_balancer_type = "application"
  subnets            = [aws_subnet.a.id, aws_subnet.b.id]
}
resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.internal.arn
  port              = 80
  protocol          = "HTTP"
  default_action { type = "fixed-response" }
}
resource "aws_apigatewayv2_api" "http" {
  name          = "http"
  protocol_type = "HTTP"
}
resource "aws_apigatewayv2_vpc_link" "link" {
  name               = "link"
  subnet_ids         = [aws_subnet.a.id, aws_subnet.b.id]
  security_group_ids = [aws_security_group.web.id]
}
resource "aws_apigatewayv2_integration" "alb" {
  api_id             = aws_apigatewayv2_api.http.id
  integration_type   = "HTTP_PROXY"
  integration_method = "ANY"
  integration_uri    = aws_lb_listener.http.arn
  connection_type    = "VPC_LINK"
  connection_id      = aws_apigatewayv2_vpc_link.link.id
}
resource "aws_service_discovery_service" "orders" { name = "orders" }
resource "aws_service_discovery_service" "unused" { name = "unused" }
resource "aws_ecs_cluster" "c" { name = "c" }
resource "aws_ecs_service" "orders" {
  name            = "orders"
  cluster         = aws_ecs_cluster.c.id
  task_definition = "orders:1"
  launch_type     = "FARGATE"
  network_configuration { subnets = [aws_subnet.a.id] }
  service_registries { registry_arn = aws_service_discovery_service.orders.arn }
}
resource "aws_apigatewayv2_integration" "orders" {
  api_id             = aws_apigatewayv2_api.http.id
  integration_type   = "HTTP_PROXY"
  integration_method = "ANY"
  integration_uri    = aws_service_discovery_service.orders.arn
  connection_type    = "VPC_LINK"
  connection_id      = aws_apigatewayv2_vpc_link.link.id
}
"""

REST_API = """\
resource "aws_lb" "nlb" {
  internal           = true
  load_balancer_type = "network"
  subnets            = [aws_subnet.a.id]
}
resource "aws_api_gateway_rest_api" "rest" { name = "rest" }
resource "aws_api_gateway_vpc_link" "link" {
  name        = "link"
  target_arns = [aws_lb.nlb.arn]
}
resource "aws_api_gateway_method" "get" {
  rest_api_id   = aws_api_gateway_rest_api.rest.id
  resource_id   = aws_api_gateway_rest_api.rest.root_resource_id
  http_method   = "GET"
  authorization = "NONE"
}
resource "aws_api_gateway_integration" "get" {
  rest_api_id             = aws_api_gateway_rest_api.rest.id
  resource_id             = aws_api_gateway_rest_api.rest.root_resource_id
  http_method             = "GET"
  type                    = "HTTP_PROXY"
  integration_http_method = "GET"
  uri                     = "http://$${stageVariables.backend}/"
  connection_type         = "VPC_LINK"
  connection_id           = aws_api_gateway_vpc_link.link.id
}
"""


def imported(folder: Path, *texts: str) -> ImportedDesign:
    (folder / "main.tf").write_text(textwrap.dedent("".join(texts)))
    return import_terraform(folder)


def flows(design: ImportedDesign) -> set[tuple[str, str]]:
    return {(flow.source, flow.target) for flow in design.flows}


def folded(design: ImportedDesign) -> dict[str, str]:
    return {entry.key: entry.detail for entry in design.report.folded}


def test_interfaces_fold_into_their_instance(tmp_path: Path) -> None:
    design = imported(tmp_path, NETWORK, INTERFACES)
    web = design.nodes["aws_instance.web"]
    # The primary interface places the instance; the secondary one in subnet b does not move it.
    assert web.subnets == ["aws_subnet.a"]
    assert web.security_groups == ["aws_security_group.web", "aws_security_group.mgmt"]
    assert not any(node.key.startswith("aws_network_interface") for node in design.nodes.values())
    assert folded(design)["aws_network_interface.primary"] == "aws_instance.web"
    assert folded(design)["aws_network_interface.second"] == "aws_instance.web"


def test_an_interface_attached_to_nothing_is_listed_not_drawn(tmp_path: Path) -> None:
    design = imported(tmp_path, NETWORK, INTERFACES)
    assert folded(design)["aws_network_interface.spare"] == "attached to no instance drawn"
    assert folded(design)["aws_eip.spare"] == "not attached to anything drawn"
    assert not design.nodes["aws_instance.web"].props.get("public_ip")


def test_an_elastic_ip_on_an_attached_interface_belongs_to_the_instance(tmp_path: Path) -> None:
    eip = 'resource "aws_eip" "web" { network_interface = aws_network_interface.primary.id }\n'
    design = imported(tmp_path, NETWORK, INTERFACES, eip)
    assert folded(design)["aws_eip.web"] == "aws_instance.web"
    assert design.nodes["aws_instance.web"].props["public_ip"] is True


def test_an_http_api_reaches_a_private_load_balancer_and_a_cloud_map_service_through_its_vpc_link(
    tmp_path: Path,
) -> None:
    design = imported(tmp_path, NETWORK, HTTP_API)
    assert {("aws_apigatewayv2_api.http", "aws_lb.internal"),
            ("aws_apigatewayv2_api.http", "aws_ecs_service.orders")} <= flows(design)
    assert folded(design)["aws_apigatewayv2_vpc_link.link"] == "aws_apigatewayv2_api.http"
    assert folded(design)["aws_service_discovery_service.orders"] == "aws_ecs_service.orders"
    # A registry no service registers with is not a target.
    assert folded(design)["aws_service_discovery_service.unused"] == "no ECS service drawn registers with it"
    assert not design.report.generic


def test_without_a_vpc_link_a_public_url_integration_reaches_no_balancer(tmp_path: Path) -> None:
    public = HTTP_API.replace("aws_lb_listener.http.arn", '"https://example.com"').replace(
        '  connection_type    = "VPC_LINK"\n  connection_id      = aws_apigatewayv2_vpc_link.link.id\n', "", 1)
    design = imported(tmp_path, NETWORK, public)
    assert ("aws_apigatewayv2_api.http", "aws_lb.internal") not in flows(design)


def test_a_rest_api_private_integration_reaches_the_load_balancer_of_its_vpc_link(tmp_path: Path) -> None:
    design = imported(tmp_path, NETWORK, REST_API)
    assert ("aws_api_gateway_rest_api.rest", "aws_lb.nlb") in flows(design)
    assert folded(design)["aws_api_gateway_vpc_link.link"] == "aws_lb.nlb"


def test_cloudformation_interfaces_fold_the_same_way() -> None:
    design = map_template(template({
        "Vpc": ("AWS::EC2::VPC", {"CidrBlock": "10.0.0.0/16"}),
        "Subnet": ("AWS::EC2::Subnet", {"VpcId": R("Vpc"), "CidrBlock": "10.0.0.0/24"}),
        "Group": ("AWS::EC2::SecurityGroup", {"VpcId": R("Vpc"), "GroupDescription": "g"}),
        "Eni": ("AWS::EC2::NetworkInterface", {"SubnetId": R("Subnet"), "GroupSet": [R("Group")]}),
        "Box": ("AWS::EC2::Instance", {"InstanceType": "t3.micro",
                                       "NetworkInterfaces": [{"NetworkInterfaceId": R("Eni"), "DeviceIndex": "0"}]}),
    }))
    assert design.nodes["Box"].subnets == ["Subnet"]
    assert design.nodes["Box"].security_groups == ["Group"]
    assert "Eni" not in design.nodes


def unused_groups(folder: Path, *texts: str) -> set[str]:
    from wadesk.analysis.engine import analyse
    from wadesk.importers.api import import_source

    (folder / "main.tf").write_text(textwrap.dedent("".join(texts)))
    arch = import_source(folder, variables={}, layout=False).built.arch
    return {f.node for f in analyse(arch).findings if f.rule == "COST-UNUSED-SECURITY-GROUP"}


def test_the_security_group_of_a_vpc_link_is_in_use(tmp_path: Path) -> None:
    # The link's interfaces use aws_security_group.web; aws_security_group.mgmt is used by nothing.
    assert unused_groups(tmp_path, NETWORK, HTTP_API) == {"aws_security_group.mgmt"}


def test_the_security_group_of_an_unattached_interface_is_in_use(tmp_path: Path) -> None:
    spare = """\
resource "aws_network_interface" "x" {
  subnet_id       = aws_subnet.a.id
  security_groups = [aws_security_group.mgmt.id]
}
"""
    assert unused_groups(tmp_path, NETWORK, spare) == {"aws_security_group.web"}


def test_in_a_plan_an_instance_on_an_interface_sits_in_the_interface_s_subnet(tmp_path: Path) -> None:
    # As `terraform show -json` gives it: the instance's subnet_id is known after apply and not configured (AWS
    # takes it from the interface), the interface's id is a reference in the configuration.
    def planned(address: str, values: dict[str, object]) -> dict[str, object]:
        kind, name = address.split(".")
        return {"address": address, "mode": "managed", "type": kind, "name": name,
                "provider_name": "registry.terraform.io/hashicorp/aws", "values": values}

    def configured(address: str, expressions: dict[str, object]) -> dict[str, object]:
        kind, name = address.split(".")
        return {"address": address, "mode": "managed", "type": kind, "name": name, "expressions": expressions}

    def ref(address: str) -> dict[str, object]:
        return {"references": [f"{address}.id", address]}

    plan = {
        "format_version": "1.2",
        "planned_values": {"root_module": {"resources": [
            planned("aws_vpc.main", {"cidr_block": "10.0.0.0/16"}),
            planned("aws_subnet.a", {"cidr_block": "10.0.1.0/24"}),
            planned("aws_network_interface.eni", {"private_ips": ["10.0.1.50"]}),
            planned("aws_instance.web", {"instance_type": "t3.micro",
                                         "network_interface": [{"device_index": 0}]}),
        ]}},
        "resource_changes": [
            {"address": "aws_subnet.a", "change": {"actions": ["create"], "after_unknown": {"vpc_id": True}}},
            {"address": "aws_network_interface.eni",
             "change": {"actions": ["create"], "after_unknown": {"subnet_id": True}}},
            {"address": "aws_instance.web", "change": {"actions": ["create"], "after_unknown": {
                "subnet_id": True, "network_interface": [{"network_interface_id": True}]}}},
        ],
        "configuration": {"root_module": {"resources": [
            configured("aws_subnet.a", {"vpc_id": ref("aws_vpc.main")}),
            configured("aws_network_interface.eni", {"subnet_id": ref("aws_subnet.a")}),
            configured("aws_instance.web", {"network_interface": [
                {"device_index": {"constant_value": 0}, "network_interface_id": ref("aws_network_interface.eni")}]}),
        ]}},
    }
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(plan))
    design = import_terraform(path)
    assert design.nodes["aws_instance.web"].subnets == ["aws_subnet.a"]
    assert not any(key.startswith("unresolved:") for key in design.nodes)
