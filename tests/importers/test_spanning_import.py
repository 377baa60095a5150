"""A Lambda function attached to several subnets and an MSK cluster whose brokers are spread over several client
subnets run in every one of those subnets' zones: they keep them all in their ``subnets`` property (the spanning
representation of auto scaling groups and load balancers), so the rules that judge zones see every zone. The near
miss: attached to one subnet, they run in that subnet's zone only."""

from __future__ import annotations

from pathlib import Path

import pytest

from wadesk.analysis.engine import analyse
from wadesk.importers.api import import_source
from wadesk.model import Architecture
from wadesk.model import queries as q

NETWORK = """\
Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties: {CidrBlock: 10.0.0.0/16}
  Public:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.0.0/24, AvailabilityZone: eu-west-1a}
  PrivateA:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24, AvailabilityZone: eu-west-1a}
  PrivateB:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.2.0/24, AvailabilityZone: eu-west-1b}
  Igw:
    Type: AWS::EC2::InternetGateway
  IgwAttach:
    Type: AWS::EC2::VPCGatewayAttachment
    Properties: {VpcId: !Ref Vpc, InternetGatewayId: !Ref Igw}
  PublicRoutes:
    Type: AWS::EC2::RouteTable
    Properties: {VpcId: !Ref Vpc}
  PublicDefault:
    Type: AWS::EC2::Route
    Properties: {RouteTableId: !Ref PublicRoutes, DestinationCidrBlock: 0.0.0.0/0, GatewayId: !Ref Igw}
  PublicAssoc:
    Type: AWS::EC2::SubnetRouteTableAssociation
    Properties: {SubnetId: !Ref Public, RouteTableId: !Ref PublicRoutes}
  NatIp:
    Type: AWS::EC2::EIP
    Properties: {Domain: vpc}
  Nat:
    Type: AWS::EC2::NatGateway
    Properties: {SubnetId: !Ref Public, AllocationId: !GetAtt NatIp.AllocationId}
  PrivateRoutes:
    Type: AWS::EC2::RouteTable
    Properties: {VpcId: !Ref Vpc}
  PrivateDefault:
    Type: AWS::EC2::Route
    Properties: {RouteTableId: !Ref PrivateRoutes, DestinationCidrBlock: 0.0.0.0/0, NatGatewayId: !Ref Nat}
  PrivateAssocA:
    Type: AWS::EC2::SubnetRouteTableAssociation
    Properties: {SubnetId: !Ref PrivateA, RouteTableId: !Ref PrivateRoutes}
  PrivateAssocB:
    Type: AWS::EC2::SubnetRouteTableAssociation
    Properties: {SubnetId: !Ref PrivateB, RouteTableId: !Ref PrivateRoutes}
"""

FUNCTION = """\
  Function:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.12
      Handler: index.handler
      Role: arn:aws:iam::123456789012:role/fn
      Code: {ZipFile: "def handler(event, context): pass"}
      VpcConfig: {SubnetIds: SUBNETS, SecurityGroupIds: []}
"""

KAFKA = """\
  Kafka:
    Type: AWS::MSK::Cluster
    Properties:
      ClusterName: events
      KafkaVersion: 3.6.0
      NumberOfBrokerNodes: 2
      BrokerNodeGroupInfo: {InstanceType: kafka.m5.large, ClientSubnets: SUBNETS}
"""

BOTH = "[!Ref PrivateA, !Ref PrivateB]"
ONE = "[!Ref PrivateA]"


def _import(tmp_path: Path, resource: str, subnets: str) -> tuple[Architecture, str]:
    path = tmp_path / "stack.yaml"
    path.write_text(NETWORK + resource.replace("SUBNETS", subnets))
    arch = import_source(path, layout=False).built.arch
    key = "Function" if "Function" in resource else "Kafka"
    return arch, key


@pytest.mark.parametrize("resource", [FUNCTION, KAFKA], ids=["lambda", "msk"])
def test_attached_to_two_subnets_it_runs_in_both_zones(tmp_path: Path, resource: str) -> None:
    arch, key = _import(tmp_path, resource, BOTH)
    assert arch.props_of(key)["subnets"] == ["PrivateA", "PrivateB"]
    assert q.zones_of(arch, key) == {"eu-west-1a", "eu-west-1b"}


@pytest.mark.parametrize("resource", [FUNCTION, KAFKA], ids=["lambda", "msk"])
def test_attached_to_one_subnet_it_runs_in_that_zone_only(tmp_path: Path, resource: str) -> None:
    arch, key = _import(tmp_path, resource, ONE)
    assert arch.props_of(key)["subnets"] == ["PrivateA"]
    assert q.zones_of(arch, key) == {"eu-west-1a"}


def test_a_function_in_two_zones_behind_one_nat_gateway_depends_on_the_other_zone(tmp_path: Path) -> None:
    arch, _ = _import(tmp_path, FUNCTION, BOTH)
    hits = [f for f in analyse(arch).findings if f.rule == "REL-SINGLE-NAT"]
    assert [f.node for f in hits] == ["Nat"]
    assert "eu-west-1b" in hits[0].message


def test_a_function_in_the_nat_gateways_zone_only_depends_on_no_other_zone(tmp_path: Path) -> None:
    arch, _ = _import(tmp_path, FUNCTION, ONE)
    assert not [f for f in analyse(arch).findings if f.rule == "REL-SINGLE-NAT"]
