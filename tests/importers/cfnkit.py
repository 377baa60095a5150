"""Hand-built evaluated templates for importer tests (no template reader needed)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from wadesk.importers.cfn.values import External, Resource, ResourceRef, Template

R = ResourceRef


def template(resources: dict[str, tuple[str, dict[str, Any]]], **extra: Any) -> Template:
    """A template of ``logical id -> (type, properties)``, each resource on its own line (2, 3, ...)."""
    built = {
        key: Resource(key, kind, dict(props), line=index + 2)
        for index, (key, (kind, props)) in enumerate(resources.items())
    }
    return Template(path=Path("stack.yaml"), resources=built, **extra)


def imported_vpc(name: str = "SharedVpc") -> External:
    """An ``Fn::ImportValue`` of a VPC id."""
    return External(name, "import")


def network(public: bool = True) -> dict[str, tuple[str, dict[str, Any]]]:
    """A VPC with two subnets in two zones, routed to an internet gateway when ``public``."""
    resources: dict[str, tuple[str, dict[str, Any]]] = {
        "Vpc": ("AWS::EC2::VPC", {"CidrBlock": "10.0.0.0/16"}),
        "SubnetA": (
            "AWS::EC2::Subnet",
            {"VpcId": R("Vpc"), "AvailabilityZone": "AZ 1", "CidrBlock": "10.0.0.0/24", "MapPublicIpOnLaunch": True},
        ),
        "SubnetB": ("AWS::EC2::Subnet", {"VpcId": R("Vpc"), "AvailabilityZone": "AZ 2", "CidrBlock": "10.0.1.0/24"}),
        "Igw": ("AWS::EC2::InternetGateway", {}),
        "Attach": ("AWS::EC2::VPCGatewayAttachment", {"VpcId": R("Vpc"), "InternetGatewayId": R("Igw")}),
        "Routes": ("AWS::EC2::RouteTable", {"VpcId": R("Vpc")}),
        "AssocA": ("AWS::EC2::SubnetRouteTableAssociation", {"SubnetId": R("SubnetA"), "RouteTableId": R("Routes")}),
        "AssocB": ("AWS::EC2::SubnetRouteTableAssociation", {"SubnetId": R("SubnetB"), "RouteTableId": R("Routes")}),
    }
    if public:
        resources["Default"] = (
            "AWS::EC2::Route",
            {"RouteTableId": R("Routes"), "DestinationCidrBlock": "0.0.0.0/0", "GatewayId": R("Igw")},
        )
    return resources
